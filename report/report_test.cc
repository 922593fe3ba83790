#include "report/report.h"

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/local_migrations.h"
#include "parser/profile.h"
#include "parser/replay.h"

namespace pgdrift::report {
namespace {

using diff::DriftStatus;
using planner::Hazard;

struct File {
  std::string version;
  std::string name;
  std::string sql;
};

parser::MigrationChain Chain(const std::vector<File>& files) {
  parser::MigrationChain chain;
  chain.layout = parser::Layout::kSupabase;
  chain.root = "supabase/migrations";
  for (const File& file : files) {
    std::string path = "supabase/migrations/" + file.version + "_" + file.name + ".sql";
    chain.files.push_back({file.version, file.name, path, parser::SourceFile{path, file.sql}, false});
  }
  return chain;
}

model::Catalog Seed() {
  absl::StatusOr<model::Catalog> seed = parser::SeedCatalog(parser::Profile::kPostgres);
  EXPECT_TRUE(seed.ok()) << seed.status();
  return seed.ok() ? *seed : model::Catalog{};
}

// The catalog `sql` builds on the seed (the remote as a dump would give it).
model::Catalog Remote(const std::string& sql) {
  DiagnosticSink sink;
  parser::Replayer replayer(Seed(), &sink);
  replayer.ReplayFile({"remote.sql", sql});
  EXPECT_EQ(sink.error_count(), 0);
  return replayer.TakeCatalog();
}

// A history row as `supabase db push` records it (statements and their fingerprints), or
// without statements.
model::HistoryEntry Row(const std::string& version, const std::string& name, const std::string& sql,
                        bool with_statements = true) {
  model::HistoryEntry entry;
  entry.version = version;
  entry.name = name;
  if (with_statements) {
    entry.statements = parser::SplitStatementsForHistory(sql);
    entry.fingerprints = parser::StatementFingerprints(*entry.statements);
  }
  return entry;
}

const ObjectEntry* Find(const Report& report, const std::string& identity) {
  for (const ObjectEntry& entry : report.objects) {
    if (entry.drift.id.ToString() == identity) return &entry;
  }
  return nullptr;
}

constexpr char kInit[] = "create table public.orders (id int primary key, total numeric(10,2) not null);\n";
constexpr char kExtra[] = "create table public.extras (id int primary key);\n";
constexpr char kLabel[] = "alter table public.orders add column label text;\n";
constexpr char kByHand[] = "create table public.by_hand (id int);\n";

// A chain of one file whose remote also ran a recorded version (extras), a version
// recorded without statements (label) and a table made by hand.
ReportInput DriftedInput() {
  ReportInput input;
  input.provenance.remote = "schema dump prod.sql";
  input.seed = Seed();
  input.chain = Chain({{"20240101000000", "init", kInit}});
  input.remote = Remote(std::string(kInit) + kExtra + kLabel + kByHand);
  model::History history;
  history.table = "supabase_migrations.schema_migrations";
  history.entries = {Row("20240101000000", "init", kInit), Row("20240102000000", "extras", kExtra),
                     Row("20240103000000", "label", kLabel, false)};
  input.history = history;
  input.render_svg = false;
  return input;
}

TEST(BuildReport, ExplainsRemoteOnlyObjectsByRecordedVersions) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(Report report, BuildReport(DriftedInput()));
  const ObjectEntry* extras = Find(report, "table public.extras");
  ASSERT_NE(extras, nullptr);
  EXPECT_EQ(extras->drift.status, DriftStatus::kRemoteOnly);
  ASSERT_EQ(extras->explained_by.size(), 1u);
  EXPECT_EQ(extras->explained_by[0].version, "20240102000000");
  EXPECT_EQ(extras->explained_by[0].name, "extras");
  EXPECT_TRUE(extras->explained_by[0].recorded);
}

TEST(BuildReport, OffersUnrecordedVersionsForWhatNoRecordedStatementExplains) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(Report report, BuildReport(DriftedInput()));
  for (const char* identity : {"table public.by_hand", "column public.orders.label"}) {
    SCOPED_TRACE(identity);
    const ObjectEntry* entry = Find(report, identity);
    ASSERT_NE(entry, nullptr);
    EXPECT_EQ(entry->drift.status, DriftStatus::kRemoteOnly);
    ASSERT_EQ(entry->explained_by.size(), 1u);
    EXPECT_EQ(entry->explained_by[0].version, "20240103000000");
    EXPECT_FALSE(entry->explained_by[0].recorded);
  }
}

TEST(BuildReport, CountsObjectsAndEveryHistoryStatus) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(Report report, BuildReport(DriftedInput()));
  EXPECT_EQ(report.summary.remote_only, 3);
  EXPECT_EQ(report.summary.local_only, 0);
  EXPECT_EQ(report.summary.changed, 0);
  EXPECT_EQ(report.summary.by_kind["table"]["remote_only"], 2);
  EXPECT_EQ(report.summary.by_kind["column"]["remote_only"], 1);
  EXPECT_TRUE(report.summary.history_compared);
  EXPECT_FALSE(report.summary.history_aligned);
  std::map<std::string, int> expected = {{"applied", 1}, {"local_only", 0},   {"remote_only", 2},
                                         {"modified", 0}, {"out_of_order", 0}, {"failed", 0}};
  EXPECT_EQ(report.summary.history, expected);
  ASSERT_EQ(report.versions.size(), 2u);
  EXPECT_EQ(report.versions[0].version, "20240102000000");
  EXPECT_EQ(report.versions[1].version, "20240103000000");
  EXPECT_TRUE(report.notes.empty()) << report.notes.front();
  EXPECT_FALSE(report.in_sync());
}

TEST(BuildReport, GroupsCorrectiveStatementsByObjectWithTheirHazards) {
  ReportInput input;
  input.seed = Seed();
  input.chain = Chain({{"20240101000000", "init",
                        "create table public.orders (id int primary key, total numeric(10,2), note text);\n"
                        "create view public.big_orders as select id, total from public.orders where total > 100;\n"}});
  input.remote = Remote(
      "create table public.orders (id int primary key, total numeric(12,2), note text not null);\n"
      "create view public.big_orders as select id, total from public.orders where total > 100;\n");
  input.render_svg = false;
  PGDRIFT_ASSERT_OK_AND_ASSIGN(Report report, BuildReport(input));

  ASSERT_EQ(report.objects.size(), 2u);
  const ObjectEntry* total = Find(report, "column public.orders.total");
  ASSERT_NE(total, nullptr);
  std::vector<std::string> objects;
  for (const planner::PlanStatement& statement : total->corrective) objects.push_back(statement.object.ToString());
  // The view over the retyped column is dropped and recreated, under the column's entry.
  EXPECT_EQ(objects, (std::vector<std::string>{"view public.big_orders", "column public.orders.total",
                                               "view public.big_orders"}));
  EXPECT_TRUE(total->hazards.contains(Hazard::kTableRewrite));
  EXPECT_TRUE(total->hazards.contains(Hazard::kDataLoss));
  EXPECT_TRUE(total->explained_by.empty());

  const ObjectEntry* note = Find(report, "column public.orders.note");
  ASSERT_NE(note, nullptr);
  ASSERT_EQ(note->corrective.size(), 1u);
  EXPECT_NE(note->corrective[0].statement.sql.find("DROP NOT NULL"), std::string::npos)
      << note->corrective[0].statement.sql;
  EXPECT_TRUE(note->hazards.empty());

  EXPECT_EQ(report.summary.corrective_statements, 4);
  ASSERT_TRUE(report.summary.highest_hazard.has_value());
  EXPECT_EQ(*report.summary.highest_hazard, Hazard::kDataLoss);
  EXPECT_EQ(report.summary.changed, 2);
}

TEST(BuildReport, NotesARemoteWithoutHistoryAndChainReplayErrors) {
  ReportInput input;
  input.seed = Seed();
  input.chain = Chain({{"20240101000000", "init", "create table public.t (id int);\n"},
                       {"20240102000000", "broken", "alter table public.missing add column x int;\n"}});
  input.remote = Remote("create table public.t (id int);\n");
  input.render_svg = false;
  PGDRIFT_ASSERT_OK_AND_ASSIGN(Report report, BuildReport(input));
  EXPECT_TRUE(report.objects.empty());
  EXPECT_TRUE(report.in_sync());
  EXPECT_FALSE(report.summary.history_compared);
  EXPECT_FALSE(report.summary.highest_hazard.has_value());
  std::string notes;
  for (const std::string& note : report.notes) notes += note + "\n";
  EXPECT_NE(notes.find("remote keeps no migration history"), std::string::npos) << notes;
  EXPECT_NE(notes.find("supabase/migrations/20240102000000_broken.sql:1:"), std::string::npos) << notes;
}

TEST(BuildReport, KeepsTheProvenanceAsGiven) {
  ReportInput input = DriftedInput();
  input.provenance.generated_at = "2026-01-02T03:04:05Z";
  input.provenance.newest_version = "20240101000000";
  PGDRIFT_ASSERT_OK_AND_ASSIGN(Report report, BuildReport(input));
  EXPECT_EQ(report.provenance.generated_at, "2026-01-02T03:04:05Z");
  EXPECT_EQ(report.provenance.newest_version, "20240101000000");
  EXPECT_EQ(report.provenance.remote, "schema dump prod.sql");
}

TEST(ReportTimestamp, HonoursSourceDateEpoch) {
  const char* saved = std::getenv("SOURCE_DATE_EPOCH");
  std::string previous = saved == nullptr ? "" : saved;
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  EXPECT_EQ(ReportTimestamp(), "2023-11-14T22:13:20Z");
  unsetenv("SOURCE_DATE_EPOCH");
  std::string now = ReportTimestamp();
  EXPECT_EQ(now.size(), 20u) << now;
  EXPECT_NE(now, "2023-11-14T22:13:20Z");
  if (saved != nullptr) setenv("SOURCE_DATE_EPOCH", previous.c_str(), 1);
}

}  // namespace
}  // namespace pgdrift::report
