#include "planner/plan.h"

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "planner/testing/replay_catalog.h"

namespace pgdrift::planner {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::PostgresSeed;
using testing::ReplayOnto;

parser::MigrationFile File(std::string version, std::string name, std::string sql) {
  std::string path = "supabase/migrations/" + version + "_" + name + ".sql";
  return {version, name, path, parser::SourceFile{path, std::move(sql)}};
}

// A plan input whose chain is `files` and whose remote is `remote_sql` replayed on the seed.
PlanInput Input(std::vector<parser::MigrationFile> files, std::string_view remote_sql,
                std::vector<model::HistoryEntry> rows) {
  PlanInput input;
  input.seed = PostgresSeed();
  input.chain.layout = parser::Layout::kSupabase;
  input.chain.root = "supabase/migrations";
  input.chain.files = std::move(files);
  testing::ReplayResult remote = ReplayOnto(input.seed, remote_sql, "remote.sql");
  EXPECT_THAT(remote.errors, IsEmpty());
  input.remote = std::move(remote.catalog);
  model::History history;
  history.table = "supabase_migrations.schema_migrations";
  history.entries = std::move(rows);
  input.history = std::move(history);
  return input;
}

diff::VersionDrift Drift(std::string version, diff::VersionStatus status, std::string same_as = "") {
  diff::VersionDrift drift;
  drift.version = std::move(version);
  drift.status = status;
  drift.same_as = std::move(same_as);
  return drift;
}

model::HistoryEntry Row(std::string version, std::string name,
                        std::optional<std::vector<std::string>> statements) {
  model::HistoryEntry entry;
  entry.version = std::move(version);
  entry.name = std::move(name);
  entry.statements = std::move(statements);
  return entry;
}

Plan MustPlan(const PlanInput& input, std::vector<diff::VersionDrift> versions) {
  diff::HistoryReport report;
  report.tool = "supabase";
  report.versions = std::move(versions);
  absl::StatusOr<Plan> plan = BuildPlanFromReport(input, report);
  EXPECT_TRUE(plan.ok()) << plan.status();
  return plan.ok() ? *std::move(plan) : Plan{};
}

std::vector<std::string> Actions(const Plan& plan) {
  std::vector<std::string> actions;
  for (const PlanStep& step : plan.steps) {
    actions.push_back(std::string(PlanActionName(step.action)) + " " + step.version);
  }
  return actions;
}

const PlanStep* FindStep(const Plan& plan, PlanAction action) {
  for (const PlanStep& step : plan.steps) {
    if (step.action == action) return &step;
  }
  return nullptr;
}

TEST(AddSeconds, AddsCalendarSeconds) {
  struct Case {
    std::string version;
    int seconds;
    std::string expected;
  };
  for (const Case& c : std::vector<Case>{{"20240101000000", 1, "20240101000001"},
                                         {"20241231235959", 1, "20250101000000"},
                                         {"20240228235959", 1, "20240229000000"},
                                         {"20240101000000", 3600, "20240101010000"},
                                         {"42", 2, "44"},
                                         {"", 1, "19700101000001"}}) {
    SCOPED_TRACE(c.version);
    EXPECT_EQ(AddSeconds(c.version, c.seconds), c.expected);
  }
}

TEST(BuildPlan, RecoversRemoteOnlyStatementsIntoAFile) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n")},
                          "create table public.a (id int);\ncreate table public.b (id int);\n",
                          {Row("20240101000000", "init", std::vector<std::string>{"create table public.a (id int)"}),
                           Row("20240102000000", "add_b", std::vector<std::string>{"create table public.b (id int)"})});
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied),
                               Drift("20240102000000", diff::VersionStatus::kRemoteOnly)});
  EXPECT_THAT(Actions(plan), ::testing::ElementsAre("add_file 20240102000000"));
  const PlanStep& step = plan.steps[0];
  EXPECT_EQ(step.why, "recovered");
  EXPECT_EQ(step.file, "migrations/20240102000000_add_b.sql");
  EXPECT_THAT(step.explanation, HasSubstr("supabase migration repair --status applied 20240102000000"));
  EXPECT_THAT(plan.files.at(step.file), HasSubstr("\ncreate table public.b (id int);\n"));
  EXPECT_TRUE(plan.target.tables.contains({"public", "b"}));
  EXPECT_THAT(plan.files.at("repair.sql"), Not(HasSubstr("INSERT")));
}

TEST(BuildPlan, CommentsOutARecoveredStatementTheChainAlreadyRuns) {
  // The local chain creates public.b before the remote-only version does.
  PlanInput input = Input({File("20240101000000", "init", "create table public.b (id int);\n")},
                          "create table public.b (id int);\n",
                          {Row("20240101000000", "init", std::vector<std::string>{"create table public.b (id int)"}),
                           Row("20240102000000", "dup", std::vector<std::string>{"create table public.b (id int)",
                                                                                 "create index b_id on public.b (id)"})});
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied),
                               Drift("20240102000000", diff::VersionStatus::kRemoteOnly)});
  const std::string& text = plan.files.at("migrations/20240102000000_dup.sql");
  EXPECT_THAT(text, HasSubstr("-- not replayed: it fails when the local chain replays (relation \"b\" already exists)"));
  EXPECT_THAT(text, HasSubstr("\n-- create table public.b (id int);\n"));
  EXPECT_THAT(text, HasSubstr("\ncreate index b_id on public.b (id);\n"));
  // The row is recorded again with the file's statements.
  const PlanStep* repair = FindStep(plan, PlanAction::kRepair);
  ASSERT_NE(repair, nullptr);
  ASSERT_EQ(repair->repairs.size(), 1u);
  EXPECT_EQ(repair->repairs[0].version, "20240102000000");
  EXPECT_TRUE(repair->repairs[0].replaces_row);
}

TEST(BuildPlan, CommentsOutARecoveredStatementThatMakesALaterLocalFileFail) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n"),
                           File("20240103000000", "add_b", "create table public.b (id int);\n")},
                          "create table public.a (id int);\ncreate table public.b (id int);\n",
                          {Row("20240101000000", "init", std::vector<std::string>{"create table public.a (id int)"}),
                           Row("20240102000000", "hotfix", std::vector<std::string>{"create table public.b (id int)"})});
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied),
                               Drift("20240102000000", diff::VersionStatus::kRemoteOnly),
                               Drift("20240103000000", diff::VersionStatus::kLocalOnly)});
  EXPECT_THAT(plan.files.at("migrations/20240102000000_hotfix.sql"),
              HasSubstr("-- create table public.b (id int);"));
  EXPECT_THAT(plan.files.at("migrations/20240102000000_hotfix.sql"), HasSubstr("20240103000000_add_b.sql"));
  EXPECT_THAT(plan.notes, Not(Contains(HasSubstr("new replay error"))));
}

TEST(BuildPlan, WritesAPlaceholderListingUnexplainedObjects) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n")},
                          "create table public.a (id int);\ncreate table public.extra (id int);\n",
                          {Row("20240101000000", "init", std::nullopt), Row("20240102000000", "", std::nullopt)});
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied),
                               Drift("20240102000000", diff::VersionStatus::kRemoteOnly)});
  ASSERT_FALSE(plan.steps.empty());
  EXPECT_EQ(plan.steps[0].why, "placeholder");
  EXPECT_EQ(plan.steps[0].file, "migrations/20240102000000_remote_migration.sql");
  const std::string& text = plan.files.at(plan.steps[0].file);
  EXPECT_THAT(text, HasSubstr("Migration 20240102000000"));
  EXPECT_THAT(text, HasSubstr("statements\n-- were not recorded"));
  EXPECT_THAT(text, HasSubstr("--   table public.extra\n"));
  EXPECT_THAT(plan.steps[0].explanation, HasSubstr("would record the placeholder's"));
}

TEST(BuildPlan, ProposesARenameForTheSameMigrationUnderAnotherVersion) {
  PlanInput input = Input({File("20240105000000", "add_b", "create table public.b (id int);\n")},
                          "create table public.b (id int);\n",
                          {Row("20240102000000", "add_b", std::vector<std::string>{"create table public.b (id int)"})});
  Plan plan = MustPlan(input, {Drift("20240102000000", diff::VersionStatus::kRemoteOnly, "20240105000000"),
                               Drift("20240105000000", diff::VersionStatus::kLocalOnly, "20240102000000")});
  EXPECT_THAT(Actions(plan), ::testing::ElementsAre("rename_file 20240102000000"));
  EXPECT_EQ(plan.steps[0].file, "20240102000000_add_b.sql");
  EXPECT_EQ(plan.steps[0].source_path, "supabase/migrations/20240105000000_add_b.sql");
  EXPECT_THAT(plan.simulation, IsEmpty());
  EXPECT_TRUE(plan.pending.empty());
}

TEST(BuildPlan, PushesAPendingMigrationThatReplaysCleanly) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n"),
                           File("20240102000000", "add_b", "create table public.b (id int);\n")},
                          "create table public.a (id int);\n",
                          {Row("20240101000000", "init", std::nullopt)});
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied),
                               Drift("20240102000000", diff::VersionStatus::kLocalOnly)});
  EXPECT_THAT(Actions(plan), ::testing::ElementsAre("push 20240102000000"));
  EXPECT_EQ(plan.steps[0].file, "push/20240102000000_add_b.sql");
  EXPECT_EQ(plan.files.at("push/20240102000000_add_b.sql"), "create table public.b (id int);\n");
  EXPECT_THAT(plan.files.at("verify.sql"), HasSubstr("to_regclass('public.b') IS NOT NULL"));
  EXPECT_THAT(plan.files.at("verify.sql"), HasSubstr("WHERE version = '20240102000000'"));
}

TEST(BuildPlan, MarksAPendingMigrationWhoseEffectIsThereApplied) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n"),
                           File("20240102000000", "add_b", "\ncreate table public.b (id int);\n")},
                          "create table public.a (id int);\ncreate table public.b (id int);\n",
                          {Row("20240101000000", "init", std::nullopt)});
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied),
                               Drift("20240102000000", diff::VersionStatus::kLocalOnly)});
  ASSERT_EQ(plan.simulation.size(), 1u);
  EXPECT_EQ(plan.simulation[0].file, "supabase/migrations/20240102000000_add_b.sql");
  EXPECT_EQ(plan.simulation[0].line, 2);
  EXPECT_EQ(plan.simulation[0].column, 1);
  EXPECT_THAT(plan.simulation[0].message, HasSubstr("already exists"));
  EXPECT_THAT(Actions(plan), ::testing::ElementsAre("repair "));
  ASSERT_EQ(plan.steps[0].repairs.size(), 1u);
  EXPECT_EQ(plan.steps[0].repairs[0].status, RepairStatus::kApplied);
  EXPECT_THAT(plan.steps[0].repairs[0].why, HasSubstr("whole effect is already on the remote"));
  ASSERT_EQ(plan.pending.size(), 1u);
  EXPECT_THAT(plan.pending[0].decision, HasSubstr("Marked applied"));
}

TEST(BuildPlan, LeavesThePartlyAppliedRestToTheCorrectiveMigration) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n"),
                           File("20240102000000", "add_b",
                                "create table public.b (id int);\ncreate table public.c (id int);\n")},
                          "create table public.a (id int);\ncreate table public.b (id int);\n",
                          {Row("20240101000000", "init", std::nullopt)});
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied),
                               Drift("20240102000000", diff::VersionStatus::kLocalOnly)});
  ASSERT_EQ(plan.pending.size(), 1u);
  EXPECT_THAT(plan.pending[0].decision, HasSubstr("carried by the corrective migration"));
  const PlanStep* repair = FindStep(plan, PlanAction::kRepair);
  ASSERT_NE(repair, nullptr);
  EXPECT_EQ(repair->repairs[0].version, "20240102000000");
  EXPECT_EQ(FindStep(plan, PlanAction::kPush), nullptr);
  // The target is the chain as it will be: it has public.c.
  EXPECT_TRUE(plan.target.tables.contains({"public", "c"}));
}

TEST(BuildPlan, ReRecordsAModifiedMigration) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id bigint);\n")},
                          "create table public.a (id int);\n",
                          {Row("20240101000000", "init", std::vector<std::string>{"create table public.a (id int)"})});
  diff::VersionDrift modified = Drift("20240101000000", diff::VersionStatus::kModified);
  modified.detail = "statement 1 of 1 differs";
  Plan plan = MustPlan(input, {modified});
  const PlanStep* repair = FindStep(plan, PlanAction::kRepair);
  ASSERT_NE(repair, nullptr);
  ASSERT_EQ(repair->repairs.size(), 1u);
  EXPECT_TRUE(repair->repairs[0].replaces_row);
  EXPECT_THAT(repair->repairs[0].why, HasSubstr("statement 1 of 1 differs"));
  EXPECT_THAT(plan.files.at("repair.sh"), HasSubstr("--status reverted 20240101000000\nsupabase migration repair --status applied 20240101000000\n"));
}

TEST(BuildPlan, RevertsAFailedRowAndPushesItAgain) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n")}, "",
                          {Row("20240101000000", "init", std::nullopt)});
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kFailed)});
  EXPECT_THAT(Actions(plan), ::testing::ElementsAre("repair ", "push 20240101000000"));
  EXPECT_EQ(plan.steps[0].repairs[0].status, RepairStatus::kReverted);
}

TEST(BuildPlan, PullMarksPendingApplied) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n"),
                           File("20240102000000", "add_b", "create table public.b (id int);\n")},
                          "create table public.a (id int);\n", {Row("20240101000000", "init", std::nullopt)});
  input.direction = PlanDirection::kPull;
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied),
                               Drift("20240102000000", diff::VersionStatus::kLocalOnly)});
  EXPECT_EQ(FindStep(plan, PlanAction::kPush), nullptr);
  EXPECT_EQ(FindStep(plan, PlanAction::kMigrate), nullptr);
  const PlanStep* repair = FindStep(plan, PlanAction::kRepair);
  ASSERT_NE(repair, nullptr);
  EXPECT_EQ(repair->repairs[0].version, "20240102000000");
  EXPECT_FALSE(plan.target.tables.contains({"public", "b"}));
}

TEST(BuildPlan, PullWritesTheRemoteSchemaAndMarksItApplied) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n")},
                          "create table public.a (id int, extra text);\n",
                          {Row("20240101000000", "init", std::nullopt)});
  input.direction = PlanDirection::kPull;
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied)});
  EXPECT_THAT(Actions(plan), ::testing::ElementsAre("add_file 20240101000001", "repair "));
  EXPECT_EQ(plan.steps[0].why, "remote_schema");
  EXPECT_EQ(plan.steps[0].file, "migrations/20240101000001_remote_schema.sql");
  EXPECT_THAT(plan.files.at(plan.steps[0].file), HasSubstr("ADD COLUMN extra text"));
  EXPECT_EQ(plan.steps[1].repairs[0].version, "20240101000001");
  EXPECT_THAT(plan.files.at("repair.sql"), HasSubstr("VALUES ('20240101000001', 'remote_schema'"));
}

TEST(BuildPlan, WithoutHistoryPlansOnlyTheSchema) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n")},
                          "create table public.a (id int);\n", {});
  input.history.reset();
  absl::StatusOr<Plan> plan = BuildPlan(input);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(plan->in_sync);
  EXPECT_THAT(plan->notes, Contains(HasSubstr("no migration history")));
  EXPECT_THAT(plan->files.at("verify.sql"), HasSubstr("Nothing to check"));
}

TEST(BuildPlan, LeavesTheHistoryTableAlone) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n")},
                          "create table public.a (id int);\n"
                          "create schema supabase_migrations;\n"
                          "create table supabase_migrations.schema_migrations (version text primary key, "
                          "statements text[], name text);\n",
                          {Row("20240101000000", "init", std::nullopt)});
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied)});
  EXPECT_TRUE(plan.in_sync) << ::testing::PrintToString(Actions(plan));
  EXPECT_THAT(plan.files.at("verify.sql"), Not(HasSubstr("supabase_migrations.schema_migrations")));
}

TEST(BuildPlan, CorrectiveMigrationBringsTheRemoteToTheChain) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int, note text);\n")},
                          "create table public.a (id int);\n", {Row("20240101000000", "init", std::nullopt)});
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied)});
  EXPECT_THAT(Actions(plan), ::testing::ElementsAre("migrate 20240101000001"));
  EXPECT_EQ(plan.steps[0].file, "migrations/20240101000001_reconcile_drift.sql");
  EXPECT_EQ(plan.steps[0].rollback, "rollback/20240101000001_reconcile_drift.down.sql");
  EXPECT_THAT(plan.files.at(plan.steps[0].file), HasSubstr("ADD COLUMN IF NOT EXISTS note text"));
  EXPECT_THAT(plan.files.at(plan.steps[0].rollback), HasSubstr("\nALTER TABLE public.a DROP COLUMN note;"));
  EXPECT_THAT(plan.files.at("verify.sql"), HasSubstr("attname = 'note'"));
  EXPECT_THAT(plan.files.at("verify.sql"), HasSubstr("WHERE version = '20240101000001'"));
}

TEST(BuildPlan, DataLossStaysCommentedOutAndTheTargetSaysSo) {
  PlanInput input = Input({File("20240101000000", "init", "create table public.a (id int);\n")},
                          "create table public.a (id int, legacy text);\n",
                          {Row("20240101000000", "init", std::nullopt)});
  Plan plan = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied)});
  const PlanStep* migrate = FindStep(plan, PlanAction::kMigrate);
  ASSERT_NE(migrate, nullptr);
  ASSERT_EQ(migrate->statements.size(), 1u);
  EXPECT_TRUE(migrate->statements[0].commented_out);
  EXPECT_THAT(plan.remaining_differences, ::testing::ElementsAre("column public.a.legacy (remote_only)"));
  EXPECT_EQ(migrate->rollback, "");
  input.allow_data_loss = true;
  Plan allowed = MustPlan(input, {Drift("20240101000000", diff::VersionStatus::kApplied)});
  EXPECT_THAT(allowed.remaining_differences, IsEmpty());
  EXPECT_FALSE(FindStep(allowed, PlanAction::kMigrate)->statements[0].commented_out);
}

TEST(CorrectiveSteps, SplitsStatementsThatCannotRunInATransaction) {
  Migration migration;
  MigrationStep table{model::ObjectId::Of(model::ObjectKind::kTable, {"public", "t"}), StepAction::kCreate, {}};
  table.statements.push_back({"CREATE TABLE IF NOT EXISTS public.t (id integer);", {}, true, ""});
  MigrationStep index{model::ObjectId::Of(model::ObjectKind::kIndex, {"public", "t_id"}), StepAction::kCreate, {}};
  index.statements.push_back({"CREATE INDEX CONCURRENTLY IF NOT EXISTS t_id ON public.t (id);",
                              {Hazard::kLongRunning}, false, ""});
  MigrationStep drop{model::ObjectId::Of(model::ObjectKind::kTable, {"public", "old"}), StepAction::kDrop, {}};
  drop.statements.push_back({"DROP TABLE IF EXISTS public.old;", {Hazard::kDataLoss}, true, ""});
  migration.steps = {table, index, drop};
  std::map<std::string, std::string> files;
  std::vector<PlanStep> steps = CorrectiveSteps(migration, false, "20240101000001", "reconcile_drift", &files);
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].file, "migrations/20240101000001_reconcile_drift.sql");
  EXPECT_EQ(steps[1].file, "migrations/20240101000002_reconcile_drift_concurrently.sql");
  EXPECT_FALSE(steps[1].transactional);
  EXPECT_EQ(steps[2].file, "migrations/20240101000003_reconcile_drift_2.sql");
  ASSERT_EQ(steps[2].statements.size(), 1u);
  EXPECT_TRUE(steps[2].statements[0].commented_out);
  EXPECT_THAT(files.at(steps[2].file), HasSubstr("-- DROP TABLE IF EXISTS public.old;"));
  EXPECT_THAT(files.at(steps[1].file), HasSubstr("outside a transaction"));
}

}  // namespace
}  // namespace pgdrift::planner
