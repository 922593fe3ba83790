// The convergence check (ARCHITECTURE.md, "Tests that hold the design to reality") for one
// pair of databases: the migration planner::PlanMigration plans from the model of database
// A to the model of database B is run on A with psql, A is read again, and it must then
// not differ from B. What goes wrong is told as the failing statement with the server's
// error, or as the differences that remain.
#ifndef PGDRIFT_CLI_TESTING_CONVERGENCE_H_
#define PGDRIFT_CLI_TESTING_CONVERGENCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "model/catalog.h"
#include "parser/profile.h"
#include "planner/planned_statement.h"

namespace pgdrift::cli::testing {

// A migration as one psql script: runs of consecutive transactional statements each in
// one transaction (BEGIN … COMMIT), a statement that must run outside a transaction block
// on its own, as `apply` runs them.
struct MigrationScript {
  struct Lines {
    int first = 0;  // 1-based, inclusive
    int last = 0;
  };
  std::string text;
  std::vector<Lines> statements;  // where each statement is in `text`, in order
};

MigrationScript BuildMigrationScript(const std::vector<planner::PlannedStatement>& statements);

// The index of the statement of `script` that psql's output `psql_output` reports the
// error of ("psql:<file>:<line>: ERROR: …"), or -1 when the error is outside every
// statement (a COMMIT that fails on a deferred constraint) or the output names no line.
int FailingStatement(const MigrationScript& script, std::string_view psql_output);

// The server's error in psql's output: the ERROR line and the DETAIL / HINT lines after
// it, without psql's file:line prefix; the whole output when it holds no ERROR line.
std::string ServerError(std::string_view psql_output);

// Reads the database `database` of the shared test server in process, as LoadSource
// reads a live database: the profile's managed schemas are out of scope. A read error or
// an error-severity diagnostic is an error.
[[nodiscard]] absl::StatusOr<model::Catalog> ReadDatabase(const std::string& database,
                                                          parser::Profile profile);

// How one pair went.
struct PairOutcome {
  bool converged = false;
  int statements = 0;  // in the planned migration
  // Why the pair did not converge, several lines: the failing statement (its object and
  // SQL) and the server's error, or the differences that remain.
  std::string problem;
  // One line that classifies the failure for a results table, e.g.
  // "statement error: create table: relation \"public.t\" already exists" or
  // "differs: column public.t.c: only in the target".
  std::string summary;
};

// Plans the migration from `from` (the model of `database` as it is) to `to`, runs it on
// `database` with psql, reads the database again and compares it with `to` (diff::Compare
// with default options, as `pgdrift diff` compares). An empty migration is not run.
PairOutcome MigrateAndCompare(const std::string& database, parser::Profile profile,
                              const model::Catalog& from, const model::Catalog& to);

// Compares `migrated` with `to` and fills the outcome's convergence fields; exposed for
// callers that run the migration another way (through the CLI).
PairOutcome CompareWithTarget(const model::Catalog& migrated, const model::Catalog& to,
                              int statements);

}  // namespace pgdrift::cli::testing

#endif  // PGDRIFT_CLI_TESTING_CONVERGENCE_H_
