#include "cli/history_command.h"

#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/diagnostics_printer.h"
#include "cli/exit_code.h"
#include "cli/history_json.h"
#include "cli/history_text.h"
#include "diff/history_diff.h"
#include "introspect/connection.h"
#include "introspect/connection_string.h"
#include "introspect/history_reader.h"
#include "parser/local_migrations.h"
#include "parser/migration_dir.h"

namespace pgdrift::cli {
namespace {

int Fail(const Output& err, std::string_view message) {
  *err.stream << err.Paint("1;31", "error") << ": " << message << "\n";
  return kExitError;
}

}  // namespace

absl::StatusOr<diff::HistoryReport> LoadHistoryReport(const std::string& local_dir,
                                                      const std::string& remote,
                                                      std::optional<parser::Layout> layout,
                                                      DiagnosticSink* diagnostics) {
  PGDRIFT_ASSIGN_OR_RETURN(parser::MigrationChain chain,
                           parser::LoadMigrationDirectory(local_dir, layout, diagnostics));
  std::vector<model::LocalMigration> local = parser::LocalMigrations(chain);
  introspect::ConnectOptions connect_options;
  connect_options.connection_string = remote;
  PGDRIFT_ASSIGN_OR_RETURN(std::unique_ptr<introspect::Session> session,
                           introspect::Connect(connect_options));
  std::optional<model::HistoryTool> tool = parser::HistoryToolOfLayout(chain.layout);
  PGDRIFT_ASSIGN_OR_RETURN(std::optional<model::History> history,
                           introspect::ReadHistory(*session, tool));
  if (history.has_value()) return diff::CompareHistory(local, *history);
  // A database no tool has migrated yet: every local migration is pending.
  model::History empty;
  if (tool) empty.tool = *tool;
  diff::HistoryReport report = diff::CompareHistory(local, empty);
  report.tool.clear();
  report.warnings.insert(report.warnings.begin(),
                         StrCat("the database has no migration history table (",
                                session->description(), ")"));
  return report;
}

int RunHistory(const HistoryOptions& options, const Output& out, const Output& err) {
  if (!options.remote.empty() && !introspect::IsConnectionString(options.remote)) {
    return Fail(err, StrCat("--remote must be a database (postgres:// URI or conninfo string), not ",
                            options.remote));
  }
  DiagnosticSink diagnostics;
  absl::StatusOr<diff::HistoryReport> report = LoadHistoryReport(
      options.local, options.remote, options.source_options.layout, &diagnostics);
  PrintDiagnostics(diagnostics.diagnostics(), options.verbose, err);
  if (!report.ok()) return Fail(err, StrCat(report.status().message()));
  if (options.format == "json") {
    *out.stream << HistoryToJson(*report).dump(2) << "\n";
  } else {
    PrintHistoryText(*report, out);
  }
  return report->aligned() ? kExitOk : kExitDrift;
}

}  // namespace pgdrift::cli
