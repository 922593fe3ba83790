// `pgdrift check` against a fleet, through the built binary: three databases built from
// one chain (one of them drifted by hand) and an unreachable one, listed in a remotes file
// with labels and an environment variable, or given as repeated --remote flags.
#include <stdlib.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/subprocess.h"
#include "cli/exit_code.h"
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
using ::testing::StartsWith;

constexpr char kChain[] = "testdata/chains/blog_cms";
// Nothing listens on port 1; the password must never be printed.
constexpr char kUnreachable[] = "postgresql://fleet:s3cret-pw@127.0.0.1:1/app?connect_timeout=2";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

ProcessResult Check(std::vector<std::string> args) {
  args.insert(args.begin(), {PGDRIFT_BINARY, "check", "--local", kChain});
  ProcessOptions options;
  options.working_directory = PGDRIFT_SOURCE_DIR;
  absl::StatusOr<ProcessResult> ran = RunProcess(args, options);
  EXPECT_TRUE(ran.ok()) << ran.status();
  return ran.ok() ? *ran : ProcessResult{.exit_code = -1};
}

TEST(IntegrationFleet, ChecksEveryDatabaseOfARemotesFile) {
  ASSERT_TRUE(fs::exists(PGDRIFT_BINARY)) << "build the pgdrift target first: " << PGDRIFT_BINARY;
  PostgresServer& server = PostgresServer::Shared();
  absl::StatusOr<std::string> built = testing::BuildChainDatabase(
      StrCat(PGDRIFT_SOURCE_DIR, "/", kChain), parser::Profile::kSupabase, "fleet_primary");
  ASSERT_TRUE(built.ok()) << built.status();
  testing::ScopedDatabase primary(*built);
  absl::StatusOr<std::string> copied = testing::CopyDatabase(primary.name(), "fleet_replica");
  ASSERT_TRUE(copied.ok()) << copied.status();
  testing::ScopedDatabase replica(*copied);
  copied = testing::CopyDatabase(primary.name(), "fleet_drifted");
  ASSERT_TRUE(copied.ok()) << copied.status();
  testing::ScopedDatabase drifted(*copied);
  // Changes made by hand, outside any migration.
  ASSERT_TRUE(server
                  .RunSql(drifted.name(),
                          "alter table public.posts add column extra integer; "
                          "create table public.scratch (id integer);")
                  .ok());

  setenv("PGDRIFT_FLEET_PRIMARY_URL", server.ConnectionUri(primary.name()).c_str(), 1);
  testing::ScratchDir dir("fleet");
  fs::path remotes = dir.Write("remotes.txt", StrCat("# the fleet\n"
                                                     "primary: ${PGDRIFT_FLEET_PRIMARY_URL}\n"
                                                     "\n"
                                                     "replica-eu: ",
                                                     server.ConnectionString(replica.name()), "\n",
                                                     "drifted: ", server.ConnectionString(drifted.name()),
                                                     "\n", kUnreachable, "\n"));

  ProcessResult text = Check({"--remotes-file", remotes.string(), "--format", "text", "--jobs", "2"});
  EXPECT_EQ(text.exit_code, kExitError) << text.out << text.err;
  std::vector<std::string> lines = Lines(text.out);
  ASSERT_EQ(lines.size(), 5u) << text.out << text.err;
  EXPECT_THAT(lines[0], StartsWith("ok    primary  "));
  EXPECT_THAT(lines[0], HasSubstr("in sync"));
  EXPECT_THAT(lines[1], StartsWith("ok    replica-eu  "));
  EXPECT_THAT(lines[2], StartsWith("drift drifted  "));
  EXPECT_THAT(lines[2], HasSubstr("2 objects (2 remote_only)"));
  EXPECT_THAT(lines[3], StartsWith("error postgresql://fleet:***@127.0.0.1:1/app"));
  EXPECT_THAT(lines[3], HasSubstr("127.0.0.1"));
  EXPECT_EQ(lines[4], "4 databases: 2 in sync, 1 drifted, 1 error");
  // Labels and names line up in one column.
  size_t column = lines[0].find("in sync");
  EXPECT_EQ(lines[1].find("in sync"), column);
  EXPECT_EQ(lines[2].find("2 objects"), column);
  // No progress bar: stderr is not a terminal.
  EXPECT_THAT(text.err, Not(HasSubstr("checking databases")));
  for (const std::string& output : {text.out, text.err}) {
    EXPECT_THAT(output, Not(HasSubstr("s3cret-pw")));
  }

  ProcessResult json = Check({"--remotes-file", remotes.string(), "--format", "json"});
  EXPECT_EQ(json.exit_code, kExitError) << json.err;
  EXPECT_THAT(json.out, Not(HasSubstr("s3cret-pw")));
  nlohmann::json fleet = nlohmann::json::parse(json.out);
  EXPECT_EQ(fleet["format"], "pgdrift.fleet/v1");
  std::vector<std::string> databases;
  for (const nlohmann::json& database : fleet["databases"]) {
    databases.push_back(StrCat(database["remote"].get<std::string>(), " ",
                               database["exit_code"].get<int>(), " ",
                               database["result"]["drift"].dump()));
  }
  EXPECT_THAT(databases, ElementsAre("primary 0 false", "replica-eu 0 false", "drifted 1 true",
                                     "postgresql://fleet:***@127.0.0.1:1/app?connect_timeout=2 2 false"));
  EXPECT_THAT(fleet["databases"][3]["error"].get<std::string>(), HasSubstr("127.0.0.1"));
  EXPECT_FALSE(fleet["databases"][0].contains("error"));
  EXPECT_EQ(fleet["summary"].dump(), R"({"databases":4,"drifted":1,"errors":1,"in_sync":2})");
  std::vector<std::string> drifted_objects;
  for (const nlohmann::json& object : fleet["databases"][2]["result"]["objects"]) {
    drifted_objects.push_back(StrCat(object["identity"].get<std::string>(), " ",
                                     object["status"].get<std::string>()));
  }
  EXPECT_THAT(drifted_objects, ElementsAre("table public.scratch remote_only",
                                           "column public.posts.extra remote_only"));

  // The same fleet as repeated --remote flags: no labels, one line each.
  ProcessResult flags = Check({"--remote", server.ConnectionString(replica.name()), "--remote",
                               server.ConnectionString(drifted.name())});
  EXPECT_EQ(flags.exit_code, kExitDrift) << flags.out << flags.err;
  lines = Lines(flags.out);
  ASSERT_EQ(lines.size(), 3u) << flags.out;
  EXPECT_THAT(lines[0], StartsWith(StrCat("ok    ", server.ConnectionString(replica.name()))));
  EXPECT_THAT(lines[1], StartsWith(StrCat("drift ", server.ConnectionString(drifted.name()))));
  EXPECT_THAT(lines[1], HasSubstr("2 objects (2 remote_only)"));
  EXPECT_EQ(lines[2], "2 databases: 1 in sync, 1 drifted, 0 errors");

  // An unset variable stops the check before anything is read, naming file and line.
  ProcessResult unset = Check({"--remotes-file", dir.Write("unset.txt", "a: ${PGDRIFT_FLEET_UNSET}\n").string()});
  EXPECT_EQ(unset.exit_code, kExitError);
  EXPECT_THAT(unset.err, HasSubstr("unset.txt:1:4: environment variable \"PGDRIFT_FLEET_UNSET\" is not set"));
  unsetenv("PGDRIFT_FLEET_PRIMARY_URL");
}

}  // namespace
}  // namespace pgdrift::cli
