// Reconciliation scenarios (testdata/scenarios/<n>_<name>/): for each, a remote database
// is built as its remote/ folder describes (the Supabase profile, the migrations
// remote/applied.txt lists — applied and recorded as `supabase db push` records them,
// recorded without statements, or applied by hand and not recorded — then drift.sql and
// history.sql), and the whole loop is run through the command line: `pgdrift plan`,
// `pgdrift apply --yes`, the plan's migrations/ added to a copy of the local chain, then
// `pgdrift check` and `pgdrift history` must both report nothing.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "cli/exit_code.h"
#include "cli/testing/scenario_database.h"
#include "cli/testing/scratch_dir.h"
#include "cli/testing/golden.h"
#include "cli/testing/test_summary.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

using testing::ScratchDir;

namespace fs = std::filesystem;

using ::pgdrift::testing::PostgresServer;

const fs::path kScenarios = fs::path(PGDRIFT_SOURCE_DIR) / "testdata" / "scenarios";

// Extra arguments for `pgdrift plan` from the scenario's plan.args (e.g. --direction pull).
std::vector<std::string> PlanArgs(const fs::path& scenario) {
  std::vector<std::string> args;
  fs::path file = scenario / "plan.args";
  if (!fs::exists(file)) return args;
  std::istringstream words(testing::ReadFileOrEmpty(file));
  std::string word;
  while (words >> word) args.push_back(word);
  return args;
}

// Adds the plan's migrations/ to the local chain and carries out its rename_file steps,
// as the plan tells the user to.
void AddPlanMigrations(const fs::path& plan_dir, const fs::path& migrations) {
  nlohmann::json plan = nlohmann::json::parse(testing::ReadFileOrEmpty(plan_dir / "plan.json"), nullptr, false);
  if (plan.is_object() && plan.contains("steps") && plan["steps"].is_array()) {
    for (const nlohmann::json& step : plan["steps"]) {
      if (step.value("action", "") != "rename_file") continue;
      fs::path from = migrations / fs::path(step.value("from", "")).filename();
      fs::rename(from, migrations / step.value("to", ""));
    }
  }
  fs::path added = plan_dir / "migrations";
  if (!fs::is_directory(added)) return;
  for (const fs::directory_entry& entry : fs::directory_iterator(added)) {
    fs::copy_file(entry.path(), migrations / entry.path().filename(), fs::copy_options::overwrite_existing);
  }
}

// Runs every query of the scenario's expect.sql; each must return true.
std::string CheckExpectations(const fs::path& scenario, const std::string& database) {
  fs::path file = scenario / "expect.sql";
  if (!fs::exists(file)) return "";
  absl::StatusOr<std::string> result = PostgresServer::Shared().Query(database, testing::ReadFileOrEmpty(file));
  if (!result.ok()) return std::string(result.status().message());
  for (std::string_view line : StrSplit(*result, '\n')) {
    if (!Trim(line).empty() && Trim(line) != "t") return StrCat("expect.sql returned ", *result);
  }
  return "";
}

// The outcome of one scenario: how far it got.
struct Outcome {
  std::string stage;  // the first stage that failed, "" when it converged
  std::string detail;
};

Outcome RunScenario(const fs::path& scenario) {
  ScratchDir scratch(StrCat("scenario-", scenario.filename().string()));
  absl::StatusOr<std::string> database = testing::BuildScenarioDatabase(scenario);
  if (!database.ok()) return {"build remote", std::string(database.status().message())};
  std::string remote = PostgresServer::Shared().ConnectionUri(*database);

  fs::path local = scratch.path() / "local";
  fs::copy(scenario / "local", local, fs::copy_options::recursive);
  fs::path plan_dir = scratch.path() / "plan";

  std::vector<std::string> plan_args = {"plan", "--local", local.string(), "--remote", remote,
                                        "--out", plan_dir.string()};
  for (const std::string& arg : PlanArgs(scenario)) plan_args.push_back(arg);
  testing::CliResult plan = testing::RunCli(plan_args);
  if (plan.exit_code != kExitOk) {
    return {"plan", StrCat("exit ", plan.exit_code, "\n", plan.out, plan.err)};
  }
  // The plan stays readable after the run in <build dir>/scenarios/<scenario>/.
  fs::path kept = fs::path(PGDRIFT_BINARY_DIR) / "scenarios" / scenario.filename();
  fs::remove_all(kept);
  fs::create_directories(kept.parent_path());
  fs::copy(plan_dir, kept, fs::copy_options::recursive);
  testing::CliResult apply = testing::RunCli({"apply", plan_dir.string(), "--remote", remote, "--yes"});
  if (apply.exit_code != kExitOk) {
    return {"apply", StrCat("exit ", apply.exit_code, "\n", apply.out, apply.err)};
  }
  AddPlanMigrations(plan_dir, local / "supabase" / "migrations");
  testing::CliResult check = testing::RunCli({"check", "--local", local.string(), "--remote", remote});
  if (check.exit_code != kExitOk) {
    return {"check", StrCat("exit ", check.exit_code, "\n", check.out, check.err)};
  }
  testing::CliResult history = testing::RunCli({"history", "--local", local.string(), "--remote", remote});
  if (history.exit_code != kExitOk) {
    return {"history", StrCat("exit ", history.exit_code, "\n", history.out, history.err)};
  }
  std::string expectations = CheckExpectations(scenario, *database);
  if (!expectations.empty()) return {"expect.sql", expectations};
  return {};
}

std::vector<fs::path> Scenarios() {
  std::vector<fs::path> scenarios;
  for (const fs::directory_entry& entry : fs::directory_iterator(kScenarios)) {
    if (entry.is_directory()) scenarios.push_back(entry.path());
  }
  std::sort(scenarios.begin(), scenarios.end());
  return scenarios;
}

TEST(IntegrationScenarioRemote, BuildsEveryScenarioRemote) {
  for (const fs::path& scenario : Scenarios()) {
    SCOPED_TRACE(scenario.filename().string());
    absl::StatusOr<std::string> database = testing::BuildScenarioDatabase(scenario);
    ASSERT_TRUE(database.ok()) << database.status();
    // Every version applied.txt records is in the history table.
    absl::StatusOr<std::vector<testing::ScenarioMigration>> applied = testing::ReadScenarioApplied(scenario);
    ASSERT_TRUE(applied.ok()) << applied.status();
    for (const testing::ScenarioMigration& migration : *applied) {
      absl::StatusOr<std::string> recorded = PostgresServer::Shared().Query(
          *database, StrCat("select count(*), count(statements) from "
                            "supabase_migrations.schema_migrations where version = '",
                            migration.version, "'"));
      ASSERT_TRUE(recorded.ok()) << recorded.status();
      switch (migration.record) {
        case testing::ScenarioMigration::Record::kWithStatements:
          EXPECT_EQ(*recorded, "1|1\n") << migration.version;
          break;
        case testing::ScenarioMigration::Record::kWithoutStatements:
          EXPECT_EQ(*recorded, "1|0\n") << migration.version;
          break;
        case testing::ScenarioMigration::Record::kNone:
          EXPECT_EQ(*recorded, "0|0\n") << migration.version;
          break;
      }
    }
    EXPECT_TRUE(PostgresServer::Shared().DropDatabase(*database).ok());
  }
}

TEST(IntegrationScenario, EveryScenarioConverges) {
  std::vector<fs::path> scenarios = Scenarios();
  ASSERT_EQ(scenarios.size(), 5u);
  int converged = 0;
  std::map<std::string, std::vector<std::string>> blocked;  // stage → scenarios
  for (const fs::path& scenario : scenarios) {
    std::string name = scenario.filename().string();
    SCOPED_TRACE(name);
    Outcome outcome = RunScenario(scenario);
    if (outcome.stage.empty()) {
      ++converged;
    } else {
      blocked[outcome.stage].push_back(name);
      ADD_FAILURE() << name << ": stopped at " << outcome.stage << ": " << outcome.detail;
    }
  }
  std::string line = StrCat("scenarios: ", scenarios.size(), ", ", converged, " converge");
  for (const auto& [stage, names] : blocked) {
    StrAppend(&line, "; stopped at ", stage, ": ", StrJoin(names, ", "));
  }
  testing::WriteTestSummary(line);
}

}  // namespace
}  // namespace pgdrift::cli
