// Check findings: categories and --fail-on, the findings built from a comparison (their
// messages and locations), ignore rules (globs, kinds, owning tables, negation, reasons,
// errors), the ignore-file search and the exit codes.
#include "cli/check_findings.h"

#include <filesystem>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "cli/testing/scratch_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::cli {
namespace {

using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using model::ObjectId;
using model::ObjectKind;

TEST(FindingCategories, ListsEveryCategoryInReportOrder) {
  std::vector<std::string> categories(FindingCategories().begin(), FindingCategories().end());
  EXPECT_THAT(categories,
              ElementsAre("local_only", "remote_only", "changed", "history_local_only",
                          "history_remote_only", "history_modified", "history_out_of_order",
                          "history_failed", "chain_edited", "chain_removed", "chain_out_of_order"));
}

TEST(ParseFailOn, ExpandsGroupsAndCategories) {
  struct Case {
    std::vector<std::string> values;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {{"objects"}, {"changed", "local_only", "remote_only"}},
      {{"chain"}, {"chain_edited", "chain_out_of_order", "chain_removed"}},
      {{"none"}, {}},
      {{"local_only,changed"}, {"changed", "local_only"}},
      {{"remote_only", "history_modified"}, {"history_modified", "remote_only"}},
      {{"History"}, {"history_failed", "history_local_only", "history_modified",
                     "history_out_of_order", "history_remote_only"}},
      {{"none,chain_removed"}, {"chain_removed"}},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.values.front());
    PGDRIFT_ASSERT_OK_AND_ASSIGN(std::set<std::string> selected, ParseFailOn(test.values));
    EXPECT_EQ(std::vector<std::string>(selected.begin(), selected.end()), test.expected);
  }
}

TEST(ParseFailOn, AnyAndNothingSelectEveryCategory) {
  for (const std::vector<std::string>& values :
       {std::vector<std::string>{}, std::vector<std::string>{"any"}}) {
    PGDRIFT_ASSERT_OK_AND_ASSIGN(std::set<std::string> selected, ParseFailOn(values));
    EXPECT_EQ(selected.size(), FindingCategories().size());
  }
}

TEST(ParseFailOn, UnknownWordIsAnErrorThatListsTheValidOnes) {
  EXPECT_THAT(ParseFailOn({"objects,tables"}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "unknown --fail-on value \"tables\" (any, none, objects, history, chain, "
                       "local_only, remote_only"));
}

diff::ChangeSet SampleChanges() {
  diff::ChangeSet changes;
  diff::ObjectDrift added;
  added.id = ObjectId::Of(ObjectKind::kTable, {"public", "audit_logs"});
  added.status = diff::DriftStatus::kLocalOnly;
  added.local_lineage = model::Lineage::At({"m/1_create.sql", 3, 1});
  added.local_lineage.Touch({"m/2_alter.sql", 7, 1});
  added.contains = {ObjectId::Child(ObjectKind::kColumn, {"public", "audit_logs"}, "id")};
  diff::ObjectDrift column;
  column.id = ObjectId::Child(ObjectKind::kColumn, {"public", "orders"}, "status");
  column.status = diff::DriftStatus::kChanged;
  column.changes = {{"not_null", diff::Value(false), diff::Value(true)}};
  column.local_lineage = model::Lineage::At({"m/1_create.sql", 9, 1});
  diff::ObjectDrift remote_only;
  remote_only.id = ObjectId::Of(ObjectKind::kIndex, {"public", "tmp_idx"});
  remote_only.status = diff::DriftStatus::kRemoteOnly;
  changes.objects = {added, column, remote_only};
  changes.in_sync = {ObjectId::Of(ObjectKind::kTable, {"public", "orders"})};
  return changes;
}

diff::HistoryReport SampleHistory() {
  diff::HistoryReport history;
  history.tool = "supabase";
  history.table = "supabase_migrations.schema_migrations";
  history.versions = {
      {.version = "1", .name = "hotfix", .status = diff::VersionStatus::kRemoteOnly},
      {.version = "2", .name = "create", .status = diff::VersionStatus::kApplied, .local_path = "m/2.sql"},
      {.version = "3",
       .name = "alter",
       .status = diff::VersionStatus::kModified,
       .local_path = "m/3.sql",
       .detail = "statement 1 of 2 differs"},
      {.version = "4", .name = "more", .status = diff::VersionStatus::kLocalOnly, .local_path = "m/4.sql"},
      {.version = "5",
       .name = "late",
       .status = diff::VersionStatus::kOutOfOrder,
       .local_path = "m/5.sql",
       .detail = "sorts before 6, the newest version supabase_migrations.schema_migrations records"},
  };
  history.warnings = {"a warning"};
  return history;
}

TEST(BuildCheckResult, MakesOneFindingPerObjectAndVersion) {
  diff::HistoryReport history = SampleHistory();
  CheckResult result = BuildCheckResult(SampleChanges(), &history, "m/4.sql");
  struct Expected {
    std::string identity;
    std::string kind;
    std::string category;
    std::string message;
    std::string file;
    int line;
    bool fallback;
  };
  const std::vector<Expected> expected = {
      {"table public.audit_logs", "table", "local_only",
       "table public.audit_logs is in the migrations but not in the database (with 1 contained "
       "object)",
       "m/2_alter.sql", 7, false},
      {"column public.orders.status", "column", "changed",
       "column public.orders.status differs: not_null is false in the migrations but true in the "
       "database",
       "m/1_create.sql", 9, false},
      {"index public.tmp_idx", "index", "remote_only",
       "index public.tmp_idx is in the database but in no migration", "m/4.sql", 1, true},
      {"version 1", "version", "history_remote_only",
       "migration 1 (hotfix) is recorded in the database's history but has no migration file",
       "m/4.sql", 1, true},
      {"version 3", "version", "history_modified",
       "migration 3 (alter) was changed after it was applied: statement 1 of 2 differs", "m/3.sql",
       1, false},
      {"version 4", "version", "history_local_only",
       "migration 4 (more) is not applied to the database", "m/4.sql", 1, false},
      {"version 5", "version", "history_out_of_order",
       "migration 5 (late) is not applied and sorts before 6, the newest version "
       "supabase_migrations.schema_migrations records",
       "m/5.sql", 1, false},
  };
  ASSERT_EQ(result.findings.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(expected[i].identity);
    const Finding& finding = result.findings[i];
    EXPECT_EQ(finding.identity, expected[i].identity);
    EXPECT_EQ(finding.kind, expected[i].kind);
    EXPECT_EQ(finding.category, expected[i].category);
    EXPECT_EQ(finding.message, expected[i].message);
    EXPECT_EQ(finding.file, expected[i].file);
    EXPECT_EQ(finding.line, expected[i].line);
    EXPECT_EQ(finding.location_is_fallback, expected[i].fallback);
    EXPECT_FALSE(finding.ignored);
    EXPECT_FALSE(finding.failing);
  }
  EXPECT_THAT(result.findings[0].contains, ElementsAre("column public.audit_logs.id"));
  ASSERT_EQ(result.findings[1].changes.size(), 1u);
  EXPECT_EQ(result.findings[1].changes[0].attribute, "not_null");
  ASSERT_TRUE(result.findings[4].version.has_value());
  EXPECT_EQ(result.findings[4].version->detail, "statement 1 of 2 differs");
  EXPECT_THAT(result.in_sync_objects, ElementsAre("table public.orders"));
  EXPECT_THAT(result.applied_versions, ElementsAre("2"));
  EXPECT_TRUE(result.history_compared);
  EXPECT_EQ(result.history_table, "supabase_migrations.schema_migrations");
  EXPECT_THAT(result.history_warnings, ElementsAre("a warning"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.Count("local_only"), 1);
  EXPECT_EQ(result.Count("history_modified"), 1);
  EXPECT_TRUE(result.drift());
}

TEST(BuildCheckResult, WithoutHistoryOrFilesPointsNowhere) {
  CheckResult result = BuildCheckResult(SampleChanges(), nullptr, "");
  ASSERT_EQ(result.findings.size(), 3u);
  EXPECT_EQ(result.findings[2].file, "");
  EXPECT_EQ(result.findings[2].line, 0);
  EXPECT_TRUE(result.findings[2].location_is_fallback);
  EXPECT_FALSE(result.history_compared);
  EXPECT_TRUE(result.applied_versions.empty());
}

Finding ObjectFinding(ObjectId id) {
  Finding finding;
  finding.identity = id.ToString();
  finding.kind = std::string(model::KindName(id.kind));
  finding.category = "remote_only";
  finding.object = std::move(id);
  return finding;
}

Finding NamedFinding(FindingSubject subject, std::string identity, std::string category) {
  Finding finding;
  finding.subject = subject;
  finding.identity = std::move(identity);
  finding.category = std::move(category);
  return finding;
}

TEST(IgnoreRules, MatchesGlobsKindsAndOwningTables) {
  const Finding table = ObjectFinding(ObjectId::Of(ObjectKind::kTable, {"public", "audit_log"}));
  const Finding column =
      ObjectFinding(ObjectId::Child(ObjectKind::kColumn, {"public", "audit_log"}, "note"));
  const Finding index = ObjectFinding(ObjectId::Of(ObjectKind::kIndex, {"public", "tmp_idx"}));
  const Finding other_table = ObjectFinding(ObjectId::Of(ObjectKind::kTable, {"public", "orders"}));
  const Finding version = NamedFinding(FindingSubject::kVersion, "version 20240115000000", "history_remote_only");
  const Finding file =
      NamedFinding(FindingSubject::kChainFile, "file supabase/migrations/2_seed.sql", "chain_edited");
  struct Case {
    std::string pattern;
    const Finding* finding;
    bool matches;
  };
  const std::vector<Case> cases = {
      {"table public.audit_*", &table, true},
      {"table public.audit_*", &column, true},  // what the table owns
      {"table public.audit_*", &other_table, false},
      {"column public.audit_*", &table, false},  // the kind must match
      {"column public.audit_log.note", &column, true},
      {"public.audit_log", &table, true},  // no kind: any kind with this name
      {"public.audit_log", &column, true},
      {"public.tmp_*", &index, true},
      {"public.tmp_?dx", &index, true},
      {"public.tmp_[a-h]dx", &index, false},
      {"public.tmp_[!a-h]dx", &index, true},
      {"index public.*", &table, false},
      {"version 2024011*", &version, true},
      {"2024011*", &version, true},
      {"version 2023*", &version, false},
      {"file supabase/migrations/*_seed.sql", &file, true},
      {"file *.sql", &file, true},
      {"table public.audit_log", &index, false},
      {"*", &other_table, true},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.pattern + " vs " + test.finding->identity);
    IgnoreRules rules;
    ASSERT_TRUE(rules.Add(test.pattern).ok());
    std::optional<std::string> rule = rules.Match(*test.finding);
    EXPECT_EQ(rule.has_value(), test.matches);
    if (test.matches) {
      EXPECT_EQ(*rule, test.pattern + " (--ignore)");
    }
  }
}

TEST(IgnoreRules, FileLinesHaveCommentsReasonsAndNegation) {
  IgnoreRules rules;
  ASSERT_TRUE(rules
                  .AddFile("# tables the ops team keeps by hand\n"
                           "\n"
                           "table public.audit_*   # accepted by ops\n"
                           "!table public.audit_keep\n"
                           "public.tmp_*\n"
                           "!public.tmp_b\n"
                           "public.tmp_b2\n",
                           ".pgdriftignore")
                  .ok());
  EXPECT_FALSE(rules.empty());
  struct Case {
    std::string name;
    std::optional<std::string> rule;
  };
  const std::vector<Case> cases = {
      {"audit_log", "table public.audit_* (.pgdriftignore:3: accepted by ops)"},
      {"audit_keep", std::nullopt},  // un-ignored by a later line
      {"tmp_a", "public.tmp_* (.pgdriftignore:5)"},
      {"tmp_b", std::nullopt},
      {"tmp_b2", "public.tmp_b2 (.pgdriftignore:7)"},  // the last match wins
      {"orders", std::nullopt},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.name);
    EXPECT_EQ(rules.Match(ObjectFinding(ObjectId::Of(ObjectKind::kTable, {"public", test.name}))),
              test.rule);
  }
}

TEST(IgnoreRules, BadLinesAreErrorsNamingTheirPlace) {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"table public.a\n!\n", ".pgdriftignore:2:1: empty pattern after \"!\""},
      {"# c\n\ntable public.[ab\n", ".pgdriftignore:3:1: unbalanced \"[\" in pattern \"table public.[ab\""},
      {"!  # only a reason\n", ".pgdriftignore:1:1: empty pattern after \"!\""},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    IgnoreRules rules;
    EXPECT_THAT(rules.AddFile(test.text, ".pgdriftignore"),
                StatusIs(absl::StatusCode::kInvalidArgument, test.message));
  }
  IgnoreRules rules;
  EXPECT_THAT(rules.Add("public.[x"), StatusIs(absl::StatusCode::kInvalidArgument, "unbalanced"));
  EXPECT_THAT(rules.Add("!"), StatusIs(absl::StatusCode::kInvalidArgument, "empty pattern"));
  EXPECT_TRUE(rules.empty());
  EXPECT_TRUE(rules.Add("public.[]x]").ok());  // a `]` first in a class belongs to it
  EXPECT_FALSE(rules.empty());
}

TEST(ApplyRules, MarksIgnoredAndFailingAndSetsTheExitCode) {
  IgnoreRules rules;
  ASSERT_TRUE(rules.Add("table public.audit_logs").ok());
  struct Case {
    std::vector<std::string> fail_on;
    int exit_code;
    int failing;
  };
  const std::vector<Case> cases = {
      {{"any"}, 1, 2},
      {{"changed"}, 1, 1},
      {{"local_only"}, 0, 0},  // the only local_only finding is ignored
      {{"history"}, 0, 0},
      {{"none"}, 0, 0},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.fail_on.front());
    CheckResult result = BuildCheckResult(SampleChanges(), nullptr, "m/1_create.sql");
    PGDRIFT_ASSERT_OK_AND_ASSIGN(std::set<std::string> fail_on, ParseFailOn(test.fail_on));
    ApplyRules(rules, fail_on, &result);
    EXPECT_EQ(result.exit_code, test.exit_code);
    EXPECT_EQ(result.FailingCount(), test.failing);
    EXPECT_EQ(result.IgnoredCount(), 1);
    EXPECT_TRUE(result.findings[0].ignored);
    EXPECT_FALSE(result.findings[0].failing);
    EXPECT_EQ(result.findings[0].ignored_by, "table public.audit_logs (--ignore)");
    EXPECT_EQ(result.Count("local_only"), 0);
    EXPECT_TRUE(result.drift());
  }
}

TEST(ApplyRules, AnErroredResultKeepsItsExitCode) {
  CheckResult result;
  result.exit_code = 2;
  result.error = "could not connect";
  ApplyRules(IgnoreRules(), {"local_only"}, &result);
  EXPECT_EQ(result.exit_code, 2);
  CheckResult ignored_only = BuildCheckResult(SampleChanges(), nullptr, "");
  IgnoreRules all;
  ASSERT_TRUE(all.Add("*").ok());
  ApplyRules(all, {"local_only", "remote_only", "changed"}, &ignored_only);
  EXPECT_EQ(ignored_only.exit_code, 0);
  EXPECT_FALSE(ignored_only.drift());
}

TEST(WorstExitCode, PrefersErrorsThenDrift) {
  auto results = [](std::vector<int> codes) {
    std::vector<CheckResult> list;
    for (int code : codes) list.push_back(CheckResult{.exit_code = code});
    return list;
  };
  EXPECT_EQ(WorstExitCode(results({})), 0);
  EXPECT_EQ(WorstExitCode(results({0, 0})), 0);
  EXPECT_EQ(WorstExitCode(results({0, 1, 0})), 1);
  EXPECT_EQ(WorstExitCode(results({1, 2, 0})), 2);
  EXPECT_EQ(WorstExitCode(results({2, 1})), 2);
}

TEST(FindIgnoreFile, SearchesUpToTheRepositoryRoot) {
  testing::ScratchDir scratch("ignore-search");
  namespace fs = std::filesystem;
  fs::create_directories(scratch.path() / "repo" / ".git");
  fs::create_directories(scratch.path() / "repo" / "app" / "supabase" / "migrations");
  scratch.Write(".pgdriftignore", "outside the repository\n");
  std::string chain = (scratch.path() / "repo" / "app" / "supabase").string();
  EXPECT_EQ(FindIgnoreFile(chain), std::nullopt);

  fs::path at_root = scratch.Write("repo/.pgdriftignore", "public.tmp_*\n");
  std::optional<std::string> found = FindIgnoreFile(chain);
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(fs::equivalent(*found, at_root)) << *found;

  fs::path nearer = scratch.Write("repo/app/.pgdriftignore", "public.tmp_*\n");
  found = FindIgnoreFile(chain + "/");
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(fs::equivalent(*found, nearer)) << *found;

  fs::path in_chain = scratch.Write("repo/app/supabase/.pgdriftignore", "\n");
  found = FindIgnoreFile(chain);
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(fs::equivalent(*found, in_chain)) << *found;
}

}  // namespace
}  // namespace pgdrift::cli
