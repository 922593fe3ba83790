// Scenario remotes for tests that need a real database: builds the remote database of a
// reconciliation scenario (testdata/scenarios/<n>_<name>/) on the shared PostgreSQL
// fixture, as its remote/ folder describes — the Supabase profile's bootstrap, the
// migrations remote/applied.txt lists (applied and recorded as `supabase db push` records
// them, recorded without statements, or run by hand and not recorded), then drift.sql and
// history.sql. Used by the report tests (Markdown, JSON, HTML) of scenario 1.
#ifndef PGDRIFT_CLI_TESTING_SCENARIO_DATABASE_H_
#define PGDRIFT_CLI_TESTING_SCENARIO_DATABASE_H_

#include <filesystem>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace pgdrift::cli::testing {

// One line of remote/applied.txt: `<file> [--no-statements | --unrecorded]`.
struct ScenarioMigration {
  std::filesystem::path path;  // remote/migrations/<file> when it exists, else the local file
  std::string version;
  std::string name;
  enum class Record { kWithStatements, kWithoutStatements, kNone } record = Record::kWithStatements;
};

// The scenario directory of testdata/scenarios whose name starts with `prefix` (e.g.
// "1_"), as an absolute path; "" when there is none.
std::filesystem::path ScenarioDirectory(const std::string& prefix);

// Reads `scenario`/remote/applied.txt (an empty list when the file does not exist).
[[nodiscard]] absl::StatusOr<std::vector<ScenarioMigration>> ReadScenarioApplied(
    const std::filesystem::path& scenario);

// Builds the remote database of `scenario` on testing::PostgresServer::Shared(); returns
// its name (the caller drops it, e.g. with ScopedDatabase). Errors name the file the
// server rejected.
[[nodiscard]] absl::StatusOr<std::string> BuildScenarioDatabase(const std::filesystem::path& scenario);

}  // namespace pgdrift::cli::testing

#endif  // PGDRIFT_CLI_TESTING_SCENARIO_DATABASE_H_
