#include "cli/compare_command.h"

#include "cli/diagnostics_printer.h"
#include "cli/drift_json.h"
#include "cli/drift_text.h"
#include "cli/exit_code.h"
#include "diff/compare.h"
#include "planner/migration.h"
#include "planner/planned_statement.h"

namespace pgdrift::cli {
namespace {

// Loads one side; prints its problems. Returns nullopt when it cannot be used.
std::optional<LoadedSource> LoadSide(const std::string& argument, const SourceOptions& options,
                                     bool verbose, const Output& err) {
  absl::StatusOr<LoadedSource> source = LoadSource(argument, options);
  if (!source.ok()) {
    *err.stream << err.Paint("1;31", "error") << ": " << source.status().message() << "\n";
    return std::nullopt;
  }
  PrintDiagnostics(source->diagnostics.diagnostics(), verbose, err);
  if (source->diagnostics.error_count() > 0) return std::nullopt;
  return std::move(source).value();
}

// `diff --format sql`: the migration that turns FROM (the first source) into TO, every
// statement run (data loss included: the user asked for exactly this change), hazards as
// comments, and what no statement expresses as `-- not expressed: …` lines.
void PrintMigrationSql(const LoadedSource& from, const LoadedSource& to,
                       const CompareCommandOptions& options, const Output& out) {
  planner::MigrationOptions migration_options;
  migration_options.online = options.online;
  migration_options.compare_owners = options.compare_owners;
  migration_options.include_managed = options.include_managed;
  planner::Migration migration = planner::PlanMigration(from.catalog, to.catalog, migration_options);
  for (const std::string& line : migration.unsupported) *out.stream << "-- not expressed: " << line << "\n";
  if (!migration.unsupported.empty() && !migration.empty()) *out.stream << "\n";
  std::vector<planner::PlannedStatement> statements = migration.Statements();
  for (size_t i = 0; i < statements.size(); ++i) {
    if (i > 0) *out.stream << "\n";
    if (!statements[i].transactional) *out.stream << "-- runs outside a transaction block\n";
    *out.stream << planner::StatementsSql({statements[i]}, /*allow_data_loss=*/true);
  }
}

int RunComparison(const CompareCommandOptions& options, const SideNames& sides,
                  const Output& out, const Output& err) {
  std::optional<LoadedSource> local = LoadSide(options.local, options.source_options, options.verbose, err);
  if (!local) return kExitError;
  // The remote side is read with the local side's profile, so both agree on scope.
  SourceOptions remote_options = options.source_options;
  remote_options.profile = local->profile;
  std::optional<LoadedSource> remote = LoadSide(options.remote, remote_options, options.verbose, err);
  if (!remote) return kExitError;

  diff::CompareOptions compare_options;
  compare_options.compare_owners = options.compare_owners;
  compare_options.include_managed = options.include_managed;
  diff::ChangeSet changes = diff::Compare(local->catalog, remote->catalog, compare_options);
  if (options.format == "sql") {
    PrintMigrationSql(*local, *remote, options, out);
  } else if (options.format == "json") {
    *out.stream << DriftToJson(changes).dump(2) << "\n";
  } else {
    PrintDriftText(changes, sides, out);
  }
  return changes.empty() ? kExitOk : kExitDrift;
}

}  // namespace

int RunDiff(const CompareCommandOptions& options, const Output& out, const Output& err) {
  return RunComparison(options, {options.local, options.remote}, out, err);
}

}  // namespace pgdrift::cli
