// `pgdrift history --local DIR --remote DB`: the local migration files against the
// versions the database's history table records, as a table like `supabase migration
// list` or as pgdrift.history/v1 JSON. Exit 0 aligned, 1 not, 2 error.
#ifndef PGDRIFT_CLI_HISTORY_COMMAND_H_
#define PGDRIFT_CLI_HISTORY_COMMAND_H_

#include <string>

#include "cli/source.h"
#include "cli/terminal.h"
#include "diff/history_diff.h"

namespace pgdrift::cli {

struct HistoryOptions {
  std::string local;   // the migration directory
  std::string remote;  // a connection string; "" = PGDRIFT_DB_URL, SUPABASE_DB_URL, …
  std::string format = "text";  // text | json
  SourceOptions source_options;  // only the layout is used
  bool verbose = false;
};

// Compares the migrations in `local_dir` with the history of the database `remote` (""
// = the environment's): a database without a history table has every local migration
// pending. Problems with the files go to `diagnostics`.
[[nodiscard]] absl::StatusOr<diff::HistoryReport> LoadHistoryReport(
    const std::string& local_dir, const std::string& remote, std::optional<parser::Layout> layout,
    DiagnosticSink* diagnostics);

// Runs `history`; returns the exit code.
int RunHistory(const HistoryOptions& options, const Output& out, const Output& err);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_HISTORY_COMMAND_H_
