#include "planner/push_simulation.h"

#include "base/diagnostic.h"
#include "diff/compare.h"
#include "parser/replay.h"

namespace pgdrift::planner {

std::string_view PushOutcomeName(PushOutcome outcome) {
  switch (outcome) {
    case PushOutcome::kPush:
      return "push";
    case PushOutcome::kAlreadyApplied:
      return "already_applied";
    case PushOutcome::kPartlyApplied:
      return "partly_applied";
  }
  return "push";
}

PushSimulation SimulatePush(const model::Catalog& remote,
                            const std::vector<parser::MigrationFile>& pending) {
  PushSimulation simulation;
  model::Catalog state = remote;
  for (const parser::MigrationFile& file : pending) {
    SimulatedMigration migration{file.version, file.name, file.path};
    DiagnosticSink sink;
    parser::Replayer replayer(state, &sink);
    replayer.ReplayFile(file.source);
    for (const Diagnostic& diagnostic : sink.diagnostics()) {
      if (diagnostic.severity != Severity::kError) continue;
      migration.findings.push_back({diagnostic.span.file.empty() ? file.path : diagnostic.span.file,
                                    diagnostic.span.line, diagnostic.span.column, "error",
                                    diagnostic.message, diagnostic.statement});
    }
    if (migration.findings.empty()) {
      state = replayer.TakeCatalog();
    } else {
      // The replay skipped the failing statements; what the rest changed is what the
      // remote still lacks of this migration.
      bool unchanged = diff::Compare(replayer.catalog(), state).empty();
      migration.outcome = unchanged ? PushOutcome::kAlreadyApplied : PushOutcome::kPartlyApplied;
    }
    simulation.findings.insert(simulation.findings.end(), migration.findings.begin(),
                               migration.findings.end());
    simulation.migrations.push_back(std::move(migration));
  }
  simulation.after = std::move(state);
  return simulation;
}

}  // namespace pgdrift::planner
