// The committed example snapshots, testdata/snapshots/order_workflow_app/prod.json and
// the demo's testdata/demo/production-snapshot.json: a production database built from
// the chain, drifted by drift.sql, then written by `pgdrift inspect --format json`. The integration test
// rebuilds it and compares (PGDRIFT_UPDATE_GOLDEN=1 rewrites it); the unit test pins the
// drift that docs/ci.md and other golden tests rely on, with no server.
#include <filesystem>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/subprocess.h"
#include "cli/exit_code.h"
#include "cli/testing/golden.h"
#include "cli/testing/test_databases.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

// A committed snapshot and how it is made.
struct Example {
  const char* chain;     // the migration chain the database is built from
  const char* drift;     // the SQL that drifted it
  const char* snapshot;  // the committed `pgdrift inspect --format json` output
};

constexpr char kChain[] = "testdata/chains/order_workflow_app";
constexpr char kExample[] = "testdata/snapshots/order_workflow_app";

// The docs/ci.md example, and the demo that scripts/demo checks with no server.
const Example kExamples[] = {
    {kChain, "testdata/snapshots/order_workflow_app/drift.sql",
     "testdata/snapshots/order_workflow_app/prod.json"},
    {"testdata/demo", "testdata/demo/drift.sql", "testdata/demo/production-snapshot.json"},
};

TEST(IntegrationSnapshotExample, InspectOfTheDriftedDatabaseIsTheCommittedSnapshot) {
  ASSERT_TRUE(fs::exists(PGDRIFT_BINARY)) << "build the pgdrift target first: " << PGDRIFT_BINARY;
  ::pgdrift::testing::PostgresServer& server = ::pgdrift::testing::PostgresServer::Shared();
  for (const Example& example : kExamples) {
    SCOPED_TRACE(example.snapshot);
    absl::StatusOr<std::string> built = testing::BuildChainDatabase(
        StrCat(PGDRIFT_SOURCE_DIR, "/", example.chain), parser::Profile::kSupabase, "prod_example");
    ASSERT_TRUE(built.ok()) << built.status();
    testing::ScopedDatabase database(*built);
    ASSERT_TRUE(server.RunSqlFile(database.name(), StrCat(PGDRIFT_SOURCE_DIR, "/", example.drift)).ok());

    absl::StatusOr<ProcessResult> inspect =
        RunProcess({PGDRIFT_BINARY, "inspect", server.ConnectionUri(database.name()), "--profile",
                    "supabase", "--format", "json"});
    ASSERT_TRUE(inspect.ok()) << inspect.status();
    ASSERT_EQ(inspect->exit_code, kExitOk) << inspect->err;
    std::string mismatch =
        testing::CompareGolden(fs::path(PGDRIFT_SOURCE_DIR) / example.snapshot, inspect->out);
    EXPECT_EQ(mismatch, "") << "regenerate with PGDRIFT_UPDATE_GOLDEN=1 and review the diff";
  }
}

// "version status" or "identity status" of each entry of `list`.
std::vector<std::string> Statuses(const nlohmann::json& list, const char* key) {
  std::vector<std::string> lines;
  for (const nlohmann::json& item : list) {
    lines.push_back(StrCat(item[key].get<std::string>(), " ", item["status"].get<std::string>()));
  }
  return lines;
}

TEST(SnapshotExample, ChainAgainstTheSnapshotShowsTheInjectedDrift) {
  testing::CliResult check = testing::RunCli(
      {"check", "--local", kChain, "--remote", StrCat(kExample, "/prod.json"), "--format", "json"});
  ASSERT_EQ(check.exit_code, kExitDrift) << check.err << check.out;
  nlohmann::json drift = nlohmann::json::parse(check.out);
  EXPECT_THAT(Statuses(drift["objects"], "identity"),
              ElementsAre("column public.orders.internal_note remote_only",
                          "column public.orders.note changed",
                          "index public.orders_created_at_idx remote_only"));
  EXPECT_THAT(Statuses(drift["history"], "version"),
              ElementsAre("20240212101500 remote_only"));
}

TEST(SnapshotExample, DemoAgainstItsSnapshotShowsTheHandMadeChanges) {
  testing::CliResult check =
      testing::RunCli({"check", "--local", "testdata/demo", "--remote",
                       "testdata/demo/production-snapshot.json", "--format", "json"});
  ASSERT_EQ(check.exit_code, kExitDrift) << check.err << check.out;
  nlohmann::json drift = nlohmann::json::parse(check.out);
  EXPECT_THAT(Statuses(drift["objects"], "identity"),
              ElementsAre("table public.boards changed", "column public.tasks.due_on changed",
                          "column public.tasks.estimate_minutes remote_only",
                          "index public.tasks_board_id_idx local_only"));
  EXPECT_THAT(Statuses(drift["history"], "version"), ElementsAre());
}

}  // namespace
}  // namespace pgdrift::cli
