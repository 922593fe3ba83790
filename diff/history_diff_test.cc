#include "diff/history_diff.h"

#include <string>
#include <vector>

#include "base/strings.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::diff {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A local file whose statements are given by their fingerprints.
model::LocalMigration File(std::string version, std::string name,
                           std::vector<std::string> fingerprints = {"f1"}) {
  model::LocalMigration file;
  file.version = version;
  file.name = name;
  file.path = StrCat("supabase/migrations/", version, "_", name, ".sql");
  file.statements = fingerprints;
  file.fingerprints = std::move(fingerprints);
  return file;
}

// A Supabase history row; `fingerprints` empty optional = statements not recorded.
model::HistoryEntry Row(std::string version, std::string name,
                        std::optional<std::vector<std::string>> fingerprints =
                            std::vector<std::string>{"f1"}) {
  model::HistoryEntry row;
  row.version = std::move(version);
  row.name = std::move(name);
  if (fingerprints) {
    row.statements = *fingerprints;
    row.fingerprints = *fingerprints;
  }
  return row;
}

model::History Supabase(std::vector<model::HistoryEntry> entries) {
  model::History history;
  history.tool = model::HistoryTool::kSupabase;
  history.table = "supabase_migrations.schema_migrations";
  history.entries = std::move(entries);
  return history;
}

// "version status detail same_as" per version, for compact expectations.
std::vector<std::string> Lines(const HistoryReport& report) {
  std::vector<std::string> lines;
  for (const VersionDrift& drift : report.versions) {
    std::string line = StrCat(drift.version, " ", VersionStatusName(drift.status));
    if (!drift.detail.empty()) StrAppend(&line, " [", drift.detail, "]");
    if (!drift.same_as.empty()) StrAppend(&line, " same_as=", drift.same_as);
    lines.push_back(line);
  }
  return lines;
}

TEST(VersionLess, OrdersAsTextLikeTheSupabaseCli) {
  struct Case {
    std::string a, b;
    bool less;
  };
  const std::vector<Case> cases = {
      {"20240101000000", "20240102000000", true},
      {"20240102000000", "20240101000000", false},
      {"20240101000000", "20240101000000", false},
      // Text order: a prefix first, then by the first differing digit.
      {"20240420", "20240420010000", true},
      {"20250127160000", "20250128", true},
      {"10", "9", true},
      {"9", "10", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(StrCat(c.a, " < ", c.b));
    EXPECT_EQ(VersionLess(c.a, c.b), c.less);
  }
}

TEST(VersionStatusName, NamesEveryStatus) {
  EXPECT_EQ(VersionStatusName(VersionStatus::kApplied), "applied");
  EXPECT_EQ(VersionStatusName(VersionStatus::kLocalOnly), "local_only");
  EXPECT_EQ(VersionStatusName(VersionStatus::kRemoteOnly), "remote_only");
  EXPECT_EQ(VersionStatusName(VersionStatus::kModified), "modified");
  EXPECT_EQ(VersionStatusName(VersionStatus::kOutOfOrder), "out_of_order");
  EXPECT_EQ(VersionStatusName(VersionStatus::kFailed), "failed");
}

TEST(CompareHistory, StatusesOfSupabaseVersions) {
  struct Case {
    std::string name;
    std::vector<model::LocalMigration> local;
    std::vector<model::HistoryEntry> remote;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"aligned", {File("1000", "a"), File("2000", "b")}, {Row("1000", "a"), Row("2000", "b")},
       {"1000 applied", "2000 applied"}},
      {"pending local file", {File("1000", "a"), File("2000", "b")}, {Row("1000", "a")},
       {"1000 applied", "2000 local_only"}},
      {"remote-only version", {File("1000", "a")}, {Row("1000", "a"), Row("3000", "x", {{"g"}})},
       {"1000 applied", "3000 remote_only"}},
      {"remote-only version between local ones",
       {File("1000", "a"), File("3000", "c")},
       {Row("1000", "a"), Row("2000", "b", {{"g"}}), Row("3000", "c")},
       {"1000 applied", "2000 remote_only", "3000 applied"}},
      {"out of order: local file older than the newest remote version",
       {File("1000", "a"), File("1500", "late"), File("2000", "b")},
       {Row("1000", "a"), Row("2000", "b")},
       {"1000 applied",
        "1500 out_of_order [sorts before 2000, the newest version "
        "supabase_migrations.schema_migrations records]",
        "2000 applied"}},
      {"out of order before a remote-only version",
       {File("1000", "a", {"q"})},
       {Row("2000", "b", {{"g"}})},
       {"1000 out_of_order [sorts before 2000, the newest version "
        "supabase_migrations.schema_migrations records]",
        "2000 remote_only"}},
      {"no history rows: every file pending", {File("1000", "a"), File("2000", "b")}, {},
       {"1000 local_only", "2000 local_only"}},
      {"statement edited after it was applied",
       {File("1000", "a", {"f1", "f2", "fX", "f4", "f5"})},
       {Row("1000", "a", {{"f1", "f2", "f3", "f4", "f5"}})},
       {"1000 modified [statement 3 of 5 differs]"}},
      {"statement added after it was applied", {File("1000", "a", {"f1", "f2"})},
       {Row("1000", "a", {{"f1"}})},
       {"1000 modified [1 statement recorded, 2 in the file]"}},
      {"statements removed", {File("1000", "a", {})}, {Row("1000", "a", {{"f1", "f2"}})},
       {"1000 modified [2 statements recorded, 0 in the file]"}},
      {"no recorded statements: cannot tell, applied", {File("1000", "a", {"zz"})},
       {Row("1000", "", std::nullopt)}, {"1000 applied"}},
      {"versions sort as text", {File("10", "b"), File("9", "a")}, {Row("10", "b"), Row("9", "a")},
       {"10 applied", "9 applied"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    HistoryReport report = CompareHistory(c.local, Supabase(c.remote));
    EXPECT_EQ(Lines(report), c.expected);
  }
}

TEST(CompareHistory, KeepsPathsNamesAndTimes) {
  model::HistoryEntry applied = Row("1000", "a");
  applied.applied_at = "2024-01-01 00:00:00+00";
  model::HistoryEntry remote_only = Row("3000", "remote_thing", {{"g"}});
  HistoryReport report = CompareHistory({File("1000", "a"), File("2000", "b")},
                                        Supabase({applied, remote_only}));
  EXPECT_EQ(report.tool, "supabase");
  EXPECT_EQ(report.table, "supabase_migrations.schema_migrations");
  ASSERT_EQ(report.versions.size(), 3u);
  EXPECT_EQ(report.versions[0].local_path, "supabase/migrations/1000_a.sql");
  EXPECT_EQ(report.versions[0].applied_at, "2024-01-01 00:00:00+00");
  EXPECT_EQ(report.versions[1].name, "b");
  EXPECT_EQ(report.versions[2].name, "remote_thing");
  EXPECT_EQ(report.versions[2].local_path, "");
  EXPECT_FALSE(report.aligned());
  EXPECT_EQ(report.Count(VersionStatus::kApplied), 1);
  EXPECT_EQ(report.Count(VersionStatus::kOutOfOrder), 1);  // 2000 sorts before 3000
  EXPECT_EQ(report.Count(VersionStatus::kLocalOnly), 0);
  EXPECT_EQ(report.Count(VersionStatus::kRemoteOnly), 1);
}

TEST(CompareHistory, AlignedOnlyWhenEveryVersionIsApplied) {
  EXPECT_TRUE(CompareHistory({File("1000", "a")}, Supabase({Row("1000", "a")})).aligned());
  EXPECT_TRUE(CompareHistory({}, Supabase({})).aligned());
  EXPECT_FALSE(CompareHistory({File("1000", "a")}, Supabase({})).aligned());
}

TEST(CompareHistory, MatchesRenamedVersions) {
  struct Case {
    std::string name;
    std::vector<model::LocalMigration> local;
    std::vector<model::HistoryEntry> remote;
    std::vector<std::string> expected;
    int warnings;
  };
  const std::vector<Case> cases = {
      {"same name and statements",
       {File("1000", "a"), File("3000", "orders", {"o1", "o2"})},
       {Row("1000", "a"), Row("2000", "orders", {{"o1", "o2"}})},
       {"1000 applied", "2000 remote_only same_as=3000", "3000 local_only same_as=2000"}, 1},
      {"remote has no name: statements decide",
       {File("1000", "orders", {"o1"})},
       {Row("2000", "", {{"o1"}})},
       {"1000 out_of_order [sorts before 2000, the newest version "
        "supabase_migrations.schema_migrations records] same_as=2000",
        "2000 remote_only same_as=1000"},
       1},
      {"same name, other statements: no match", {File("3000", "orders", {"o1", "oX"})},
       {Row("2000", "orders", {{"o1", "o2"}})}, {"2000 remote_only", "3000 local_only"}, 0},
      {"same statements, other name: no match", {File("3000", "orders", {"o1"})},
       {Row("2000", "customers", {{"o1"}})}, {"2000 remote_only", "3000 local_only"}, 0},
      {"no recorded statements: no match", {File("3000", "orders", {"o1"})},
       {Row("2000", "orders", std::nullopt)}, {"2000 remote_only", "3000 local_only"}, 0},
      {"one file pairs with one version only",
       {File("3000", "orders", {"o1"})},
       {Row("1000", "orders", {{"o1"}}), Row("2000", "orders", {{"o1"}})},
       {"1000 remote_only same_as=3000", "2000 remote_only", "3000 local_only same_as=1000"}, 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    HistoryReport report = CompareHistory(c.local, Supabase(c.remote));
    EXPECT_EQ(Lines(report), c.expected);
    EXPECT_EQ(static_cast<int>(report.warnings.size()), c.warnings)
        << StrJoin(report.warnings, "\n");
  }
}

TEST(CompareHistory, RenameWarningProposesTheRemoteVersion) {
  HistoryReport report = CompareHistory({File("3000", "orders", {"o1"})},
                                        Supabase({Row("2000", "orders", {{"o1"}})}));
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0],
            "local migration supabase/migrations/3000_orders.sql holds what remote version 2000 "
            "recorded: rename the file to version 2000 instead of pushing it again");
}

TEST(CompareHistory, WarnsWhenTextAndNumericOrderDisagree) {
  struct Case {
    std::string name;
    std::vector<std::string> versions;
    std::string warning;  // "" = none
  };
  const std::vector<Case> cases = {
      {"one length", {"20240101000000", "20240102000000"}, ""},
      {"shorter version that sorts the same both ways", {"20240101", "20250101000000"}, ""},
      {"short date after a timestamp of the day before",
       {"20250127160000", "20250128"},
       "versions 20250127160000 and 20250128 sort differently as text and as numbers"},
      {"9 and 10", {"10", "9"}, "versions 10 and 9 sort differently"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<model::LocalMigration> local;
    std::vector<model::HistoryEntry> remote;
    for (const std::string& version : c.versions) {
      local.push_back(File(version, "m"));
      remote.push_back(Row(version, "m"));
    }
    HistoryReport report = CompareHistory(local, Supabase(remote));
    if (c.warning.empty()) {
      EXPECT_THAT(report.warnings, IsEmpty());
    } else {
      ASSERT_EQ(report.warnings.size(), 1u);
      EXPECT_THAT(report.warnings[0], HasSubstr(c.warning));
    }
  }
}

TEST(CompareHistory, FailedRows) {
  model::HistoryEntry dirty = Row("2", "");
  dirty.failed = true;
  dirty.failure = "dirty";
  model::History history;
  history.tool = model::HistoryTool::kGolangMigrate;
  history.table = "public.schema_migrations";
  history.entries = {dirty};
  EXPECT_THAT(Lines(CompareHistory({File("1", "a"), File("2", "b")}, history)),
              ElementsAre("1 out_of_order [sorts before 2, the newest version "
                          "public.schema_migrations records]",
                          "2 failed [dirty]"));
  model::HistoryEntry remote_failed = Row("3", "c");
  remote_failed.failed = true;
  history.entries = {remote_failed};
  EXPECT_THAT(Lines(CompareHistory({}, history)), ElementsAre("3 failed [failed]"));
}

TEST(CompareHistory, ChecksumsWhenNoStatementsAreRecorded) {
  struct Case {
    std::string name;
    std::optional<std::string> recorded;
    std::string now;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"same checksum", "123", "123", "1 applied"},
      {"other checksum", "123", "456", "1 modified [checksum 123 recorded, 456 now]"},
      {"no recorded checksum", std::nullopt, "456", "1 applied"},
      {"no local checksum", "123", "", "1 applied"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::LocalMigration file = File("1", "init");
    file.checksum = c.now;
    model::HistoryEntry row = Row("1", "init", std::nullopt);
    row.checksum = c.recorded;
    model::History history;
    history.tool = model::HistoryTool::kFlyway;
    history.table = "public.flyway_schema_history";
    history.entries = {row};
    EXPECT_THAT(Lines(CompareHistory({file}, history)), ElementsAre(c.expected));
  }
}

TEST(CompareHistory, FlywayVersionsSortByParts) {
  model::History history;
  history.tool = model::HistoryTool::kFlyway;
  history.table = "public.flyway_schema_history";
  history.entries = {Row("1.9", "a", std::nullopt), Row("1.10", "b", std::nullopt)};
  HistoryReport report =
      CompareHistory({File("1.9", "a"), File("1.10", "b"), File("1.2", "c")}, history);
  EXPECT_THAT(Lines(report), ElementsAre("1.2 out_of_order [sorts before 1.10, the newest "
                                         "version public.flyway_schema_history records]",
                                         "1.9 applied", "1.10 applied"));
  EXPECT_THAT(report.warnings, IsEmpty());
}

TEST(CompareHistory, GolangMigrateVersionsSortAsNumbers) {
  model::History history;
  history.tool = model::HistoryTool::kGolangMigrate;
  history.table = "public.schema_migrations";
  history.entries = {Row("10", "", std::nullopt)};
  EXPECT_THAT(Lines(CompareHistory({File("9", "a"), File("10", "b"), File("11", "c")}, history)),
              ElementsAre("9 out_of_order [sorts before 10, the newest version "
                          "public.schema_migrations records]",
                          "10 applied", "11 local_only"));
}

TEST(CompareHistory, RepeatableMigrationsCompareWithTheirLatestRow) {
  auto repeatable = [](std::string description, std::string checksum) {
    model::LocalMigration file;
    file.name = std::move(description);
    file.path = StrCat("db/R__", file.name, ".sql");
    file.checksum = std::move(checksum);
    file.repeatable = true;
    return file;
  };
  auto row = [](std::string description, std::string checksum) {
    model::HistoryEntry entry;
    entry.name = std::move(description);
    entry.checksum = std::move(checksum);
    return entry;
  };
  model::History history;
  history.tool = model::HistoryTool::kFlyway;
  history.table = "public.flyway_schema_history";
  history.entries = {Row("1", "init", std::nullopt), row("views", "1"), row("views", "2"),
                     row("grants", "5"), row("gone", "7")};
  HistoryReport report = CompareHistory(
      {File("1", "init"), repeatable("views", "2"), repeatable("grants", "6"),
       repeatable("new", "8")},
      history);
  std::vector<std::string> lines;
  for (const VersionDrift& drift : report.versions) {
    lines.push_back(StrCat(drift.version, "|", drift.name, "|", VersionStatusName(drift.status),
                           "|", drift.detail));
  }
  EXPECT_THAT(lines, ElementsAre("1|init|applied|", "|gone|remote_only|",
                                 "|grants|modified|checksum 5 recorded, 6 now",
                                 "|new|local_only|", "|views|applied|"));
}

TEST(CompareHistory, WarnsAboutDuplicatesAndUnknownColumns) {
  model::History history = Supabase({Row("1000", "a"), Row("1000", "a")});
  history.ignored_columns = {"created_by", "idempotency_key"};
  model::LocalMigration second = File("1000", "again");
  HistoryReport report = CompareHistory({File("1000", "a"), second}, history);
  EXPECT_THAT(Lines(report), ElementsAre("1000 applied"));
  EXPECT_THAT(
      report.warnings,
      ElementsAre("version 1000 is used by supabase/migrations/1000_a.sql and "
                  "supabase/migrations/1000_again.sql; only the first is compared",
                  "version 1000 has more than one row in supabase_migrations.schema_migrations; "
                  "the last one is compared",
                  "supabase_migrations.schema_migrations has columns pgdrift does not read: "
                  "created_by, idempotency_key"));
}

}  // namespace
}  // namespace pgdrift::diff
