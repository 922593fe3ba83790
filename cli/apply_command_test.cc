#include "cli/apply_command.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/testing/status_matchers.h"
#include "cli/exit_code.h"
#include "cli/testing/scratch_dir.h"
#include "cli/testing/golden.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parser/profile.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

using testing::ScratchDir;

namespace fs = std::filesystem;

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::PostgresServer;
using ::pgdrift::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kValidPlan[] = R"json({
  "format": "pgdrift.plan/v1", "direction": "push", "pgdrift_version": "0.1.0",
  "local": "migrations in supabase/migrations", "remote": "database \"app\"",
  "history": {"tool": "supabase", "table": "supabase_migrations.schema_migrations"},
  "simulation": [],
  "steps": [
    {"order": 1, "action": "add_file", "version": "20240105000000", "name": "remote_x",
     "file": "migrations/20240105000000_remote_x.sql", "why": "recovered"},
    {"order": 2, "action": "repair", "file": "repair.sql",
     "versions": [{"version": "20240105000000", "status": "applied", "why": "recovered"},
                  {"version": "20231201000000", "status": "reverted", "why": "gone"}]},
    {"order": 3, "action": "push", "version": "20240106000000", "name": "add_t",
     "file": "push/20240106000000_add_t.sql", "transactional": true},
    {"order": 4, "action": "migrate", "version": "20240107000000", "name": "reconcile_drift",
     "file": "migrations/20240107000000_reconcile_drift.sql", "transactional": false,
     "rollback": "rollback/20240107000000_reconcile_drift.down.sql",
     "statements": [{"sql": "drop table public.old", "object": "table public.old",
                     "step": "drop", "hazards": ["data_loss"], "commented_out": true},
                    {"sql": "create index concurrently i on public.t (id)",
                     "object": "index public.i", "step": "create", "hazards": []}]}],
  "verify": "verify.sql", "target": "target.json"
})json";

TEST(ParseApplyPlan, ReadsTheStepsOfAValidPlan) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(ApplyPlan plan, ParseApplyPlan(kValidPlan));
  EXPECT_EQ(plan.direction, "push");
  EXPECT_EQ(plan.history_tool, "supabase");
  EXPECT_EQ(plan.target, "target.json");
  ASSERT_EQ(plan.steps.size(), 4u);
  EXPECT_EQ(plan.steps[0].action, "add_file");
  EXPECT_EQ(plan.steps[1].action, "repair");
  ASSERT_EQ(plan.steps[1].versions.size(), 2u);
  EXPECT_EQ(plan.steps[1].versions[1].version, "20231201000000");
  EXPECT_EQ(plan.steps[1].versions[1].status, "reverted");
  EXPECT_EQ(plan.steps[2].version, "20240106000000");
  EXPECT_EQ(plan.steps[2].name, "add_t");
  EXPECT_TRUE(plan.steps[2].transactional);
  EXPECT_FALSE(plan.steps[3].transactional);
  EXPECT_EQ(plan.steps[3].commented_out, 1);
}

TEST(ParseApplyPlan, RejectsWhatItCannotExecute) {
  struct Row {
    std::string name;
    std::string from;  // replaced in kValidPlan
    std::string to;
    std::string error;
  };
  const std::vector<Row> rows = {
      {"other format", R"("format": "pgdrift.plan/v1")", R"("format": "pgdrift.drift/v1")",
       "unsupported format \"pgdrift.drift/v1\" (pgdrift apply reads pgdrift.plan/v1)"},
      {"newer version", R"("format": "pgdrift.plan/v1")", R"("format": "pgdrift.plan/v2")",
       "unsupported format \"pgdrift.plan/v2\""},
      {"no format", R"("format": "pgdrift.plan/v1",)", "", "unsupported format \"\""},
      {"format not a string", R"("format": "pgdrift.plan/v1")", R"("format": 1)",
       "\"format\" must be a string"},
      {"not json", R"("format": "pgdrift.plan/v1",)", R"("format" "pgdrift.plan/v1",)",
       "not valid JSON"},
      {"other history tool", R"("tool": "supabase")", R"("tool": "flyway")",
       "history tool \"flyway\" is not supported by apply"},
      {"unknown action", R"("action": "push")", R"("action": "deploy")",
       "step 3: unknown action \"deploy\""},
      {"missing version", R"("version": "20240106000000", )", "", "step 3: \"version\" is missing"},
      {"version not digits", R"("version": "20240106000000")", R"("version": "2024-01-06")",
       "step 3: version \"2024-01-06\" is not a number"},
      {"file outside", R"("file": "push/20240106000000_add_t.sql")",
       R"("file": "../20240106000000_add_t.sql")",
       "step 3: file \"../20240106000000_add_t.sql\" must be a relative path inside the plan"},
      {"absolute file", R"("file": "repair.sql")", R"("file": "/etc/repair.sql")",
       "step 2: file \"/etc/repair.sql\" must be a relative path"},
      {"missing file", R"("file": "repair.sql",)", "", "step 2: \"file\" is missing"},
      {"orders not increasing", R"("order": 3)", R"("order": 2)",
       "step 2 comes after step 2: orders must increase"},
      {"bad repair status", R"("status": "reverted")", R"("status": "deleted")",
       "repair status \"deleted\" of version 20231201000000"},
      {"transactional not boolean", R"("transactional": false)", R"("transactional": "no")",
       "step 4: \"transactional\" must be true or false"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    std::string text = kValidPlan;
    size_t at = text.find(row.from);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, row.from.size(), row.to);
    absl::StatusOr<ApplyPlan> plan = ParseApplyPlan(text);
    EXPECT_THAT(plan.status(), StatusIs(absl::StatusCode::kInvalidArgument, row.error));
    EXPECT_THAT(plan.status(), StatusIs(absl::StatusCode::kInvalidArgument, "plan.json: "));
  }
  EXPECT_THAT(ParseApplyPlan(R"({"format": "pgdrift.plan/v1", "steps": {}})").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "\"steps\" must be an array"));
  EXPECT_THAT(ParseApplyPlan("[]").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "not a JSON object"));
}

// Writes kValidPlan and its files into `dir`.
void WriteValidPlanDir(const ScratchDir& dir) {
  dir.Write("plan.json", kValidPlan);
  dir.Write("migrations/20240105000000_remote_x.sql", "create table public.x (id int);\n");
  dir.Write("repair.sql", "insert into supabase_migrations.schema_migrations (version) values "
                          "('20240105000000');\n");
  dir.Write("push/20240106000000_add_t.sql", "create table public.t (id int);\n");
  dir.Write("migrations/20240107000000_reconcile_drift.sql",
            "-- drop table public.old;\ncreate index concurrently i on public.t (id);\n");
  dir.Write("target.json", "{}");
}

TEST(ApplyCommand, RefusesWithoutYesAndSaysWhatWouldRun) {
  ScratchDir dir("apply-refuse");
  WriteValidPlanDir(dir);
  // The remote is never contacted: this address has no server.
  testing::CliResult run = testing::RunCli({"apply", dir.path().string(), "--remote",
                        "postgresql://app:s3cret-pass@/app?host=/nonexistent-pgdrift"});
  EXPECT_EQ(run.exit_code, kExitError);
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr("apply would run 4 steps"));
  EXPECT_THAT(run.err, HasSubstr("1. add_file 20240105000000_remote_x "
                                 "(migrations/20240105000000_remote_x.sql): nothing to run"));
  EXPECT_THAT(run.err, HasSubstr("2. repair (repair.sql): one transaction on the history table"));
  EXPECT_THAT(run.err, HasSubstr("3. push 20240106000000_add_t (push/20240106000000_add_t.sql): "
                                 "one transaction with its history row"));
  EXPECT_THAT(run.err, HasSubstr("4. migrate 20240107000000_reconcile_drift "
                                 "(migrations/20240107000000_reconcile_drift.sql): statement by "
                                 "statement, then its history row"));
  EXPECT_THAT(run.err, HasSubstr("refusing to write to the database without --yes; nothing was "
                                 "written"));
  EXPECT_THAT(run.err, Not(HasSubstr("s3cret")));
  // No snapshot was taken.
  for (const fs::directory_entry& entry : fs::directory_iterator(dir.path())) {
    EXPECT_THAT(entry.path().filename().string(), Not(HasSubstr("snapshot")));
  }
}

TEST(ApplyCommand, RejectsPlanDirectoriesItCannotRun) {
  ScratchDir dir("apply-reject");
  testing::CliResult run = testing::RunCli({"apply", dir.path().string(), "--remote", "host=/nonexistent", "--yes"});
  EXPECT_EQ(run.exit_code, kExitError);
  EXPECT_THAT(run.err, HasSubstr("not a plan directory (no plan.json); nothing was written"));

  WriteValidPlanDir(dir);
  fs::remove(dir.path() / "repair.sql");
  run = testing::RunCli({"apply", dir.path().string(), "--remote", "host=/nonexistent", "--yes"});
  EXPECT_EQ(run.exit_code, kExitError);
  EXPECT_THAT(run.err, HasSubstr("/repair.sql: no such file (step 2); nothing was written"));

  dir.Write("plan.json", ReplaceAll(kValidPlan, "pgdrift.plan/v1", "pgdrift.plan/v9"));
  run = testing::RunCli({"apply", dir.path().string(), "--remote", "host=/nonexistent", "--yes"});
  EXPECT_EQ(run.exit_code, kExitError);
  EXPECT_THAT(run.err, HasSubstr("plan.json: unsupported format \"pgdrift.plan/v9\""));
}

// A plan directory for a fresh Supabase database: three pushes, then a corrective
// migration run outside a transaction; target.json is the model of the same four files
// as a chain (what `pgdrift inspect --format json` prints for it).
void WriteResumablePlan(const ScratchDir& dir) {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"20240101000000_create_a", "create table public.a (id bigint primary key);\n"},
      {"20240102000000_create_b",
       "create table public.b (\n  id bigint primary key,\n  a_id bigint references public.a\n);"
       "\n\ncomment on table public.b is 'it''s b';\n"},
      {"20240103000000_create_c",
       "create table public.c (\n  id bigint primary key,\n  note text not null\n);\n"},
      {"20240104000000_reconcile_drift",
       "create index concurrently if not exists c_note_idx on public.c (note);\n"},
  };
  std::string steps;
  int order = 0;
  for (const auto& [stem, sql] : files) {
    std::string version = stem.substr(0, 14);
    std::string name = stem.substr(15);
    bool migrate = name == "reconcile_drift";
    std::string file = StrCat(migrate ? "migrations/" : "push/", stem, ".sql");
    dir.Write(file, sql);
    dir.Write(StrCat("chain/supabase/migrations/", stem, ".sql"), sql);
    ++order;
    StrAppend(&steps, order == 1 ? "" : ",\n", "{\"order\": ", order, ", \"action\": \"",
              migrate ? "migrate" : "push", "\", \"version\": \"", version, "\", \"name\": \"",
              name, "\", \"file\": \"", file, "\", \"transactional\": ",
              migrate ? "false" : "true", "}");
  }
  dir.Write("plan.json", StrCat(R"({"format": "pgdrift.plan/v1", "direction": "push",
    "history": {"tool": "supabase", "table": "supabase_migrations.schema_migrations"},
    "steps": [)",
                                steps, R"(], "target": "target.json"})"));
  testing::CliResult inspect = testing::RunCli({"inspect", (dir.path() / "chain").string(), "--format", "json"});
  ASSERT_EQ(inspect.exit_code, kExitOk) << inspect.err;
  dir.Write("target.json", inspect.out);
}

absl::StatusOr<std::string> SupabaseDatabase(std::string_view prefix) {
  PostgresServer& server = PostgresServer::Shared();
  absl::StatusOr<std::string> database = server.CreateDatabase(prefix);
  if (!database.ok()) return database;
  for (std::string_view script : parser::ProfileScripts(parser::Profile::kSupabase)) {
    absl::Status status = server.RunSql(*database, script);
    if (!status.ok()) return status;
  }
  return database;
}

std::string Versions(const std::string& database) {
  absl::StatusOr<std::string> versions = PostgresServer::Shared().Query(
      database, "select string_agg(version, ',' order by version) from "
                "supabase_migrations.schema_migrations");
  return versions.ok() ? std::string(Trim(*versions)) : std::string(versions.status().message());
}

TEST(IntegrationApply, StopsAtTheFailingStepAndResumesWhenRunAgain) {
  ScratchDir dir("apply-resume");
  WriteResumablePlan(dir);
  PostgresServer& server = PostgresServer::Shared();
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database, SupabaseDatabase("apply_resume"));
  // Made by hand: the table step 3 creates, so step 3 fails.
  ASSERT_THAT(server.RunSql(database, "create table public.c (id int)"), IsOk());
  std::string remote = server.ConnectionUri(database);

  testing::CliResult first = testing::RunCli({"apply", dir.path().string(), "--remote", remote, "--yes"});
  EXPECT_EQ(first.exit_code, kExitError) << first.err;
  EXPECT_THAT(first.err, HasSubstr("[1/4] push 20240101000000_create_a "
                                   "(push/20240101000000_create_a.sql): done (1 statement"));
  EXPECT_THAT(first.err, HasSubstr("[2/4] push 20240102000000_create_b "
                                   "(push/20240102000000_create_b.sql): done (2 statements"));
  EXPECT_THAT(first.err,
              HasSubstr("error: step 3 (push 20240103000000_create_c "
                        "(push/20240103000000_create_c.sql)) failed at "
                        "push/20240103000000_create_c.sql:1: relation \"c\" already exists "
                        "(SQLSTATE 42P07)\n  statement: create table public.c (\n"));
  EXPECT_THAT(first.err, HasSubstr("step 3 was rolled back; the database is at the last good "
                                   "step, step 2\n"));
  EXPECT_THAT(first.err, HasSubstr(StrCat("resume with the same command (completed steps are "
                                          "skipped):\n  pgdrift apply ",
                                          dir.path().string(), " --remote '")));
  EXPECT_THAT(first.err, Not(HasSubstr("[4/4]")));
  EXPECT_EQ(Versions(database), "20240101000000,20240102000000");
  absl::StatusOr<std::string> tables = server.Query(
      database, "select string_agg(relname, ',' order by relname) from pg_class where "
                "relnamespace = 'public'::regnamespace and relkind = 'r'");
  ASSERT_THAT(tables, IsOk());
  EXPECT_EQ(*tables, "a,b,c\n");
  // The snapshot was taken before anything ran: the hand-made table c, no a.
  int snapshots = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir.path())) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with("snapshot-before-")) continue;
    ++snapshots;
    std::string snapshot = testing::ReadFileOrEmpty(entry.path());
    EXPECT_THAT(snapshot, HasSubstr("\"format\": \"pgdrift.model/v1\""));
    EXPECT_THAT(snapshot, HasSubstr("\"name\": \"c\""));
    EXPECT_THAT(snapshot, Not(HasSubstr("\"name\": \"a\"")));
  }
  EXPECT_EQ(snapshots, 1);

  // The cause fixed, the same command resumes at step 3.
  ASSERT_THAT(server.RunSql(database, "drop table public.c"), IsOk());
  testing::CliResult second = testing::RunCli({"apply", dir.path().string(), "--remote", remote, "--yes"});
  EXPECT_EQ(second.exit_code, kExitOk) << second.out << second.err;
  EXPECT_THAT(second.err, HasSubstr("[1/4] push 20240101000000_create_a "
                                    "(push/20240101000000_create_a.sql): skipped (already in "
                                    "the history)"));
  EXPECT_THAT(second.err, HasSubstr("[2/4] push 20240102000000_create_b "
                                    "(push/20240102000000_create_b.sql): skipped"));
  EXPECT_THAT(second.err, HasSubstr("[3/4] push 20240103000000_create_c "
                                    "(push/20240103000000_create_c.sql): done"));
  EXPECT_THAT(second.err, HasSubstr("[4/4] migrate 20240104000000_reconcile_drift "
                                    "(migrations/20240104000000_reconcile_drift.sql): done"));
  EXPECT_EQ(second.out, "converged: the remote matches target.json and its history records "
                        "every version the plan expects\n");
  EXPECT_EQ(Versions(database),
            "20240101000000,20240102000000,20240103000000,20240104000000");
  // The history rows hold the statements as the Supabase CLI splits them.
  absl::StatusOr<std::string> name = server.Query(
      database, "select name from supabase_migrations.schema_migrations where version = "
                "'20240102000000'");
  ASSERT_THAT(name, IsOk());
  EXPECT_EQ(*name, "create_b\n");

  // Everything applied: a third run changes nothing and still converges.
  testing::CliResult third = testing::RunCli({"apply", dir.path().string(), "--remote", remote, "--yes"});
  EXPECT_EQ(third.exit_code, kExitOk) << third.out << third.err;
  EXPECT_THAT(third.err, HasSubstr("[4/4] migrate 20240104000000_reconcile_drift "
                                   "(migrations/20240104000000_reconcile_drift.sql): skipped"));
  EXPECT_TRUE(server.DropDatabase(database).ok());
}

TEST(IntegrationApply, RepairsTheHistoryAndReportsWhatDidNotConverge) {
  ScratchDir dir("apply-unconverged");
  PostgresServer& server = PostgresServer::Shared();
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database, SupabaseDatabase("apply_unconverged"));
  ASSERT_THAT(server.RunSql(database,
                            "create table public.keep (id int);\n"
                            "create table public.legacy (id int);\n"
                            "insert into supabase_migrations.schema_migrations (version) values "
                            "('20231201000000');"),
              IsOk());
  dir.Write("chain/supabase/migrations/20240101000000_keep.sql",
            "create table public.keep (id int);\n");
  testing::CliResult inspect = testing::RunCli({"inspect", (dir.path() / "chain").string(), "--format", "json"});
  ASSERT_EQ(inspect.exit_code, kExitOk) << inspect.err;
  dir.Write("target.json", inspect.out);
  dir.Write("migrations/20240101000000_keep.sql", "create table public.keep (id int);\n");
  // Idempotent, as the repair.sql `pgdrift plan` writes.
  dir.Write("repair.sql",
            "insert into supabase_migrations.schema_migrations (version, name) values "
            "('20240101000000', 'keep') on conflict (version) do update set name = excluded.name;\n"
            "delete from supabase_migrations.schema_migrations where version = "
            "'20231201000000';\n");
  dir.Write("migrations/20240102000000_reconcile_drift.sql",
            "-- data_loss: drop table public.legacy;\n");
  dir.Write("plan.json", R"({"format": "pgdrift.plan/v1", "direction": "push",
    "history": {"tool": "supabase", "table": "supabase_migrations.schema_migrations"},
    "steps": [
      {"order": 1, "action": "add_file", "version": "20240101000000", "name": "keep",
       "file": "migrations/20240101000000_keep.sql", "why": "recovered"},
      {"order": 2, "action": "repair", "file": "repair.sql",
       "versions": [{"version": "20240101000000", "status": "applied"},
                    {"version": "20231201000000", "status": "reverted"}]},
      {"order": 3, "action": "migrate", "version": "20240102000000", "name": "reconcile_drift",
       "file": "migrations/20240102000000_reconcile_drift.sql", "transactional": true,
       "statements": [{"sql": "drop table public.legacy", "object": "table public.legacy",
                       "step": "drop", "hazards": ["data_loss"], "commented_out": true}]}],
    "target": "target.json"})");
  std::string remote = server.ConnectionUri(database);
  testing::CliResult run = testing::RunCli({"apply", dir.path().string(), "--remote", remote, "--yes"});
  EXPECT_EQ(run.exit_code, kExitDrift) << run.out << run.err;
  EXPECT_THAT(run.err, HasSubstr("[2/3] repair (repair.sql): done (2 statements"));
  EXPECT_THAT(run.err, HasSubstr("[3/3] migrate 20240102000000_reconcile_drift "
                                 "(migrations/20240102000000_reconcile_drift.sql): done (0 "
                                 "statements"));
  EXPECT_THAT(run.out, HasSubstr("not converged:\n"));
  EXPECT_THAT(run.out, HasSubstr("public.legacy"));
  EXPECT_THAT(run.out, Not(HasSubstr("extension")));
  EXPECT_THAT(run.out, Not(HasSubstr("history:")));
  EXPECT_THAT(run.out, HasSubstr("1 statement was left commented out for its hazards; plan again "
                                 "with --allow-hazard data_loss to include them\n"));
  EXPECT_EQ(Versions(database), "20240101000000,20240102000000");

  // Run again: the repair runs again and changes nothing; the migration is recorded, so it
  // is skipped.
  testing::CliResult again = testing::RunCli({"apply", dir.path().string(), "--remote", remote, "--yes"});
  EXPECT_EQ(again.exit_code, kExitDrift);
  EXPECT_THAT(again.err, HasSubstr("[2/3] repair (repair.sql): done (2 statements"));
  EXPECT_THAT(again.err, HasSubstr("[3/3] migrate 20240102000000_reconcile_drift "
                                   "(migrations/20240102000000_reconcile_drift.sql): skipped"));
  EXPECT_TRUE(server.DropDatabase(database).ok());
}

}  // namespace
}  // namespace pgdrift::cli
