#include "cli/plan_command.h"

#include <algorithm>
#include <optional>

#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/diagnostics_printer.h"
#include "cli/exit_code.h"
#include "cli/plan_writer.h"
#include "parser/migration_dir.h"
#include "parser/profile.h"
#include "planner/plan.h"

namespace pgdrift::cli {
namespace {

absl::StatusOr<planner::Plan> MakePlan(const PlanCommandOptions& options, PlanSources* sources,
                                       bool verbose, const Output& err) {
  planner::PlanInput input;
  input.direction = options.direction == "pull" ? planner::PlanDirection::kPull
                                                : planner::PlanDirection::kPush;
  input.allow_data_loss = std::find(options.allow_hazards.begin(), options.allow_hazards.end(),
                                    "data_loss") != options.allow_hazards.end();
  input.online = options.online;

  DiagnosticSink local_sink;
  parser::Profile profile = options.source_options.profile.value_or(
      parser::DetectProfile(options.local).value_or(parser::Profile::kPostgres));
  PGDRIFT_ASSIGN_OR_RETURN(input.chain, parser::LoadMigrationDirectory(
                                            options.local, options.source_options.layout, &local_sink));
  PGDRIFT_ASSIGN_OR_RETURN(input.seed, parser::SeedCatalog(profile));
  PrintDiagnostics(local_sink.diagnostics(), verbose, err);
  sources->local = StrCat("migration chain ", options.local, " (", parser::LayoutName(input.chain.layout),
                          " layout, ", input.chain.files.size(),
                          input.chain.files.size() == 1 ? " file)" : " files)");

  // The remote is read with the local side's profile, so both agree on scope, and its
  // history from the table of the chain's tool, in the same snapshot as its schema.
  SourceOptions remote_options = options.source_options;
  remote_options.profile = profile;
  remote_options.layout = input.chain.layout;
  PGDRIFT_ASSIGN_OR_RETURN(LoadedSource remote, LoadSource(options.remote, remote_options));
  PrintDiagnostics(remote.diagnostics.diagnostics(), verbose, err);
  sources->remote = remote.description;
  input.remote = std::move(remote.catalog);
  input.history = std::move(remote.history);
  return planner::BuildPlan(input);
}

}  // namespace

int RunPlan(const PlanCommandOptions& options, const Output& out, const Output& err) {
  PlanSources sources;
  absl::StatusOr<planner::Plan> plan = MakePlan(options, &sources, options.verbose, err);
  if (!plan.ok()) {
    *err.stream << err.Paint("1;31", "error: ") << plan.status().message() << "\n";
    return kExitError;
  }
  absl::Status written = WritePlanDirectory(*plan, sources, options.out);
  if (!written.ok()) {
    *err.stream << err.Paint("1;31", "error: ") << written.message() << "\n";
    return kExitError;
  }
  std::optional<planner::Hazard> highest = HighestHazard(*plan);
  if (plan->in_sync) {
    *out.stream << "The remote is in sync with the local chain; plan written to " << options.out << "\n";
  } else {
    *out.stream << "Plan written to " << options.out << ": " << plan->steps.size()
                << (plan->steps.size() == 1 ? " step" : " steps") << ", highest hazard "
                << (highest ? std::string(planner::HazardName(*highest)) : "none") << ", "
                << plan->simulation.size() << " failing push statement"
                << (plan->simulation.size() == 1 ? "" : "s") << ". Read " << options.out
                << "/PLAN.md.\n";
  }
  return kExitOk;
}

}  // namespace pgdrift::cli
