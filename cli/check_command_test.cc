// `pgdrift check` end to end, in process: a small Supabase chain against .sql dumps (no
// server) for exit codes under --fail-on, ignore files and flags, the text and JSON
// renderings of ignored findings, -o, several remotes and errors; and, against a real
// database built from the chain with hand-made drift and a history row, the whole check.
#include "cli/check_command.h"

#include <filesystem>
#include <string>
#include <vector>

#include "base/strings.h"
#include "cli/exit_code.h"
#include "cli/testing/golden.h"
#include "cli/testing/scratch_dir.h"
#include "cli/testing/test_databases.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "parser/profile.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;
using ::pgdrift::testing::PostgresServer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kOrders[] =
    "-- Orders.\n"
    "create table public.orders (id bigint primary key, note text);\n";
constexpr char kAudit[] =
    "-- The audit log.\n"
    "create table public.audit_logs (id bigint primary key, body text);\n";
// The database: orders gained a column by hand, a table was imported by hand, the audit
// log was never pushed.
constexpr char kDriftedDump[] =
    "create table public.orders (id bigint primary key, note text, extra integer);\n"
    "create table public.tmp_import (id integer);\n";
constexpr char kMatchingDump[] =
    "create table public.orders (id bigint primary key, note text);\n"
    "create table public.audit_logs (id bigint primary key, body text);\n";

// A project directory (a git work tree) holding supabase/migrations and two dumps.
class Project {
 public:
  explicit Project(std::string_view name) : dir_(name) {
    fs::create_directories(dir_.path() / ".git");
    dir_.Write("supabase/migrations/20240101000000_create_orders.sql", kOrders);
    dir_.Write("supabase/migrations/20240102000000_create_audit_logs.sql", kAudit);
    dir_.Write("drifted.sql", kDriftedDump);
    dir_.Write("matching.sql", kMatchingDump);
  }

  std::string Path(const std::string& relative) const { return (dir_.path() / relative).string(); }
  std::string chain() const { return Path("supabase"); }
  const testing::ScratchDir& dir() const { return dir_; }

  // `pgdrift check --local <chain> --remote drifted.sql` plus `args`.
  testing::CliResult Check(std::vector<std::string> args) const {
    std::vector<std::string> all = {"check", "--local", chain(), "--remote", Path("drifted.sql")};
    all.insert(all.end(), args.begin(), args.end());
    return testing::RunCli(all);
  }

 private:
  testing::ScratchDir dir_;
};

// "identity status[ ignored]" for each object of a pgdrift.drift/v1 document.
std::vector<std::string> Objects(const nlohmann::json& drift) {
  std::vector<std::string> lines;
  for (const nlohmann::json& object : drift["objects"]) {
    std::string line = StrCat(object["identity"].get<std::string>(), " ", object["status"].get<std::string>());
    if (object.value("ignored", false)) StrAppend(&line, " ignored");
    if (object.value("failing", false)) StrAppend(&line, " failing");
    lines.push_back(line);
  }
  return lines;
}

TEST(CheckCommand, ExitCodeFollowsFailOnAndIgnore) {
  Project project("check-fail-on");
  struct Case {
    std::vector<std::string> args;
    int exit_code;
  };
  const std::vector<Case> cases = {
      {{}, kExitDrift},
      {{"--fail-on", "any"}, kExitDrift},
      {{"--fail-on", "remote_only"}, kExitDrift},
      {{"--fail-on", "changed"}, kExitOk},
      {{"--fail-on", "history,chain"}, kExitOk},  // a dump has no history
      {{"--fail-on", "none"}, kExitOk},
      {{"--fail-on", "changed", "--fail-on", "local_only"}, kExitDrift},
      {{"--fail-on", "local_only", "--ignore", "table public.audit_logs"}, kExitOk},
      {{"--ignore", "public.tmp_*", "--ignore", "column public.orders.*", "--ignore",
        "table public.audit_logs"},
       kExitOk},
      {{"--fail-on", "tables"}, kExitError},
      {{"--ignore", "public.[x"}, kExitError},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(StrJoin(test.args, " "));
    testing::CliResult result = project.Check(test.args);
    EXPECT_EQ(result.exit_code, test.exit_code) << result.out << result.err;
  }
  testing::CliResult unknown = project.Check({"--fail-on", "tables"});
  EXPECT_THAT(unknown.err, HasSubstr("unknown --fail-on value \"tables\""));
}

TEST(CheckCommand, JsonMarksFailingAndIgnoredFindings) {
  Project project("check-json");
  testing::CliResult result =
      project.Check({"--format", "json", "--fail-on", "remote_only", "--ignore", "public.tmp_*"});
  ASSERT_EQ(result.exit_code, kExitDrift) << result.err;
  nlohmann::json drift = nlohmann::json::parse(result.out);
  EXPECT_EQ(drift["format"], "pgdrift.drift/v1");
  EXPECT_EQ(drift["drift"], true);
  EXPECT_THAT(Objects(drift), ElementsAre("table public.audit_logs local_only",
                                          "table public.tmp_import remote_only ignored",
                                          "column public.orders.extra remote_only failing"));
  EXPECT_EQ(drift["objects"][1]["ignored_by"], "public.tmp_* (--ignore)");
  EXPECT_EQ(drift["objects"][0]["origin"]["file"],
            project.Path("supabase/migrations/20240102000000_create_audit_logs.sql"));
  EXPECT_EQ(drift["objects"][0]["origin"]["line"], 2);
  EXPECT_EQ(drift["summary"]["local_only"], 1);
  EXPECT_EQ(drift["summary"]["remote_only"], 1);  // the ignored table is not counted
  EXPECT_EQ(drift["summary"]["ignored"], 1);
  EXPECT_EQ(drift["summary"]["failing"], 1);
  EXPECT_TRUE(drift["history"].empty());
  EXPECT_TRUE(drift["chain"].empty());
}

TEST(CheckCommand, IgnoreFileWithCommentsReasonsAndNegation) {
  Project project("check-ignore-file");
  project.dir().Write(".pgdriftignore",
                      "# Tables the ops team keeps by hand.\n"
                      "public.tmp_*          # imported by ops\n"
                      "\n"
                      "table public.orders\n"
                      "!column public.orders.extra\n");
  testing::CliResult text = project.Check({});
  ASSERT_EQ(text.exit_code, kExitDrift) << text.err;
  std::string ignore_file = project.Path(".pgdriftignore");
  EXPECT_THAT(text.out, HasSubstr(StrCat("Ignored:\n  table public.tmp_import  (ignored by public.tmp_* (",
                                         ignore_file, ":2: imported by ops))\n")));
  EXPECT_THAT(text.out, HasSubstr("Only in the remote (not in migrations):\n"
                                  "  - column public.orders.extra\n"));
  EXPECT_THAT(text.out, HasSubstr("2 findings fail the build under --fail-on (1 ignored).\n"));

  testing::CliResult json = project.Check({"--format", "json"});
  nlohmann::json drift = nlohmann::json::parse(json.out);
  EXPECT_THAT(Objects(drift), ElementsAre("table public.audit_logs local_only failing",
                                          "table public.tmp_import remote_only ignored",
                                          "column public.orders.extra remote_only failing"));

  // --ignore-file replaces the file found; --ignore adds to it.
  project.dir().Write("other.ignore", "table public.audit_logs # pushed next sprint\n");
  testing::CliResult other = project.Check(
      {"--ignore-file", project.Path("other.ignore"), "--ignore", "public.orders.extra", "--ignore",
       "table public.tmp_import", "--format", "json"});
  EXPECT_EQ(other.exit_code, kExitOk) << other.out << other.err;
  drift = nlohmann::json::parse(other.out);
  EXPECT_EQ(drift["drift"], false);
  EXPECT_EQ(drift["summary"]["ignored"], 3);
  EXPECT_EQ(drift["objects"][0]["ignored_by"],
            StrCat("table public.audit_logs (", project.Path("other.ignore"), ":1: pushed next sprint)"));

  project.dir().Write(".pgdriftignore", "table public.orders\n!\n");
  testing::CliResult broken = project.Check({});
  EXPECT_EQ(broken.exit_code, kExitError);
  EXPECT_THAT(broken.err, HasSubstr(StrCat(ignore_file, ":2:1: empty pattern after \"!\"")));
}

TEST(CheckCommand, TextListsDriftThenIgnoredThenTheVerdict) {
  Project project("check-text");
  testing::CliResult result =
      project.Check({"--fail-on", "local_only", "--ignore", "table public.tmp_import"});
  ASSERT_EQ(result.exit_code, kExitDrift) << result.err;
  EXPECT_EQ(result.out,
            StrCat("Only in migrations (missing from the remote):\n"
                   "  + table public.audit_logs  (",
                   project.Path("supabase/migrations/20240102000000_create_audit_logs.sql"),
                   ":2)\n"
                   "      with 3 contained objects\n"
                   "\n"
                   "Only in the remote (not in migrations):\n"
                   "  - column public.orders.extra\n"
                   "\n"
                   "Ignored:\n"
                   "  table public.tmp_import  (ignored by table public.tmp_import (--ignore))\n"
                   "\n"
                   "Drift: 1 object only in migrations, 1 only in the remote, 0 changed.\n"
                   "1 finding fails the build under --fail-on (1 ignored).\n"));

  testing::CliResult clean = testing::RunCli(
      {"check", "--local", project.chain(), "--remote", project.Path("matching.sql")});
  EXPECT_EQ(clean.exit_code, kExitOk) << clean.out << clean.err;
  EXPECT_EQ(clean.out,
            "No drift: migrations and the remote match.\n"
            "No finding fails the build under --fail-on.\n");
}

// The text and JSON formats of the demo, beside the SARIF, JUnit and GitHub goldens of
// the same check (testdata/ci-formats/cli_demo.*), with one finding ignored and one
// category left out of --fail-on so that every marking shows.
TEST(CheckCommand, DemoTextAndJsonMatchGoldens) {
  for (const char* format : {"text", "json"}) {
    SCOPED_TRACE(format);
    testing::CliResult result = testing::RunCli(
        {"check", "--local", "testdata/demo", "--remote", "testdata/demo/production-snapshot.json",
         "--format", format, "--fail-on", "remote_only,changed,history", "--ignore",
         "column public.tasks.estimate_minutes"});
    EXPECT_EQ(result.exit_code, kExitDrift) << result.err;
    EXPECT_EQ(result.err, "");
    EXPECT_EQ(testing::CompareGolden(StrCat("testdata/ci-formats/cli_demo_ignored.", format),
                                     result.out),
              "");
  }
}

TEST(CheckCommand, OutputFileKeepsTheExitCode) {
  Project project("check-output");
  std::string file = project.Path("out/drift.json");
  fs::create_directories(project.Path("out"));
  testing::CliResult result = project.Check({"--format", "json", "-o", file});
  EXPECT_EQ(result.exit_code, kExitDrift) << result.err;
  EXPECT_EQ(result.out, "");
  nlohmann::json drift = nlohmann::json::parse(testing::ReadFileOrEmpty(file));
  EXPECT_EQ(drift["summary"]["failing"], 3);

  result = project.Check({"--ignore", "*", "--output", file});
  EXPECT_EQ(result.exit_code, kExitOk) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(testing::ReadFileOrEmpty(file),
              HasSubstr("No finding fails the build under --fail-on (3 ignored).\n"));

  result = project.Check({"-o", project.Path("missing/dir/out.txt")});
  EXPECT_EQ(result.exit_code, kExitError);
  EXPECT_THAT(result.err, HasSubstr("could not write"));
}

TEST(CheckCommand, SeveralRemotesGiveAFleetDocumentAndTheWorstExitCode) {
  Project project("check-fleet");
  testing::CliResult result =
      testing::RunCli({"check", "--local", project.chain(), "--remote", project.Path("matching.sql"),
                       "--remote", project.Path("drifted.sql"), "--format", "json", "--jobs", "2"});
  ASSERT_EQ(result.exit_code, kExitDrift) << result.err;
  nlohmann::json fleet = nlohmann::json::parse(result.out);
  EXPECT_EQ(fleet["format"], "pgdrift.fleet/v1");
  ASSERT_EQ(fleet["databases"].size(), 2u);
  EXPECT_EQ(fleet["databases"][0]["exit_code"], 0);
  EXPECT_EQ(fleet["databases"][1]["exit_code"], 1);
  EXPECT_EQ(fleet["databases"][1]["result"]["format"], "pgdrift.drift/v1");
  EXPECT_EQ(fleet["databases"][1]["result"]["summary"]["failing"], 3);

  testing::CliResult with_error = testing::RunCli(
      {"check", "--local", project.chain(), "--remote", project.Path("matching.sql"), "--remote",
       project.Path("missing.sql")});
  EXPECT_EQ(with_error.exit_code, kExitError) << with_error.out;
}

TEST(CheckCommand, ErrorsAreExitTwoAndNeverShowAPassword) {
  Project project("check-errors");
  testing::CliResult none = testing::RunCli({"check", "--local", project.chain()});
  EXPECT_EQ(none.exit_code, kExitError);
  EXPECT_THAT(none.err, HasSubstr("check needs --remote, --remotes-file or --against"));

  testing::CliResult missing = project.Check({"--remote", project.Path("missing.sql")});
  EXPECT_EQ(missing.exit_code, kExitError);

  testing::CliResult against = project.Check({"--against", "svn:main"});
  EXPECT_EQ(against.exit_code, kExitError);
  EXPECT_THAT(against.err, HasSubstr("--against must be git:REV"));

  // Nothing listens on port 1: the connection fails, and the message hides the password.
  testing::CliResult database = testing::RunCli(
      {"check", "--local", project.chain(), "--remote",
       "postgresql://someone:s3cret-pw@127.0.0.1:1/app?connect_timeout=2", "--format", "json"});
  EXPECT_EQ(database.exit_code, kExitError);
  EXPECT_THAT(database.err, Not(HasSubstr("s3cret-pw")));
  EXPECT_THAT(database.out, Not(HasSubstr("s3cret-pw")));
  EXPECT_FALSE(database.err.empty());
}

TEST(IntegrationCheck, LiveDatabaseWithDriftHistoryAndAnIgnoreRule) {
  Project project("check-live");
  // The project root: the supabase/ folder in it selects the Supabase profile.
  const std::string local = project.dir().path().string();
  PostgresServer& server = PostgresServer::Shared();
  absl::StatusOr<std::string> built =
      testing::BuildChainDatabase(local, parser::Profile::kSupabase, "check");
  ASSERT_TRUE(built.ok()) << built.status();
  testing::ScopedDatabase database(*built);
  // Drift made by hand: a column and a scratch table nobody migrated, and a history row
  // for a version no file has; the history records the first migration only.
  ASSERT_TRUE(server
                  .RunSql(database.name(),
                          "alter table public.orders add column extra integer; "
                          "create table public.tmp_import (id integer); "
                          "delete from supabase_migrations.schema_migrations; "
                          "insert into supabase_migrations.schema_migrations (version, name) values "
                          "('20240101000000', 'create_orders'), ('20231231000000', 'hotfix')")
                  .ok());
  project.dir().Write(".pgdriftignore", "public.tmp_*  # scratch imports\n");
  std::string remote = server.ConnectionString(database.name());

  testing::CliResult json =
      testing::RunCli({"check", "--local", local, "--remote", remote, "--format", "json"});
  ASSERT_EQ(json.exit_code, kExitDrift) << json.err << json.out;
  nlohmann::json drift = nlohmann::json::parse(json.out);
  EXPECT_THAT(Objects(drift), ElementsAre("table public.tmp_import remote_only ignored",
                                          "column public.orders.extra remote_only failing"));
  std::vector<std::string> versions;
  for (const nlohmann::json& version : drift["history"]) {
    versions.push_back(StrCat(version["version"].get<std::string>(), " ",
                              version["status"].get<std::string>(), " ", version["failing"].dump()));
  }
  EXPECT_THAT(versions, ElementsAre("20231231000000 remote_only true", "20240102000000 local_only true"));
  EXPECT_EQ(drift["summary"]["ignored"], 1);
  EXPECT_EQ(drift["summary"]["failing"], 3);

  testing::CliResult text = testing::RunCli(
      {"check", "--local", local, "--remote", remote, "--fail-on", "objects"});
  EXPECT_EQ(text.exit_code, kExitDrift) << text.err;
  EXPECT_THAT(text.out, HasSubstr("History not aligned: 1 applied, 1 local only, 1 remote only.\n"));
  EXPECT_THAT(text.out, HasSubstr("(ignored by public.tmp_* ("));
  EXPECT_THAT(text.out, HasSubstr("1 finding fails the build under --fail-on (1 ignored).\n"));
  EXPECT_THAT(text.out, Not(HasSubstr(remote)));

  // Only the history fails the build once the column is ignored too.
  testing::CliResult history_only = testing::RunCli(
      {"check", "--local", local, "--remote", remote, "--ignore", "public.orders.extra",
       "--fail-on", "objects"});
  EXPECT_EQ(history_only.exit_code, kExitOk) << history_only.out << history_only.err;
}

}  // namespace
}  // namespace pgdrift::cli
