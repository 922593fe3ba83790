// Push simulation: the pending local migrations replayed, in order, on top of the remote
// schema, as `supabase db push` would run them — every statement that would fail there
// with file:line:col, and for each migration whether it can be pushed, or whether its
// effect is already (entirely or partly) present so that it is marked applied instead.
#ifndef PGDRIFT_PLANNER_PUSH_SIMULATION_H_
#define PGDRIFT_PLANNER_PUSH_SIMULATION_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "parser/migration_dir.h"

namespace pgdrift::planner {

// One statement that would fail (or warn) when pushed.
struct SimulationFinding {
  std::string file;  // as shown
  int line = 0;
  int column = 0;
  std::string severity;   // "error" or "warning"
  std::string message;    // PostgreSQL's wording, e.g. relation "public.t" already exists
  std::string statement;  // the statement's first line
};

enum class PushOutcome {
  kPush,           // replays without error: pushed as it is
  kAlreadyApplied, // fails, and replaying it changes nothing: its effect is all there
  kPartlyApplied,  // fails, and part of its effect is missing: the corrective migration adds it
};

// "push", "already_applied", "partly_applied".
std::string_view PushOutcomeName(PushOutcome outcome);

struct SimulatedMigration {
  std::string version;
  std::string name;
  std::string path;
  PushOutcome outcome = PushOutcome::kPush;
  std::vector<SimulationFinding> findings;  // errors of this migration
};

struct PushSimulation {
  std::vector<SimulatedMigration> migrations;  // in the order given
  // The remote after the migrations with outcome kPush are applied.
  model::Catalog after;
  // Every finding, in order.
  std::vector<SimulationFinding> findings;
};

// Replays `pending` (in the order given) on `remote`. A migration with errors is not
// applied to the running state (a failed push changes nothing), so later migrations are
// simulated as they would run after it was left out.
PushSimulation SimulatePush(const model::Catalog& remote,
                            const std::vector<parser::MigrationFile>& pending);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_PUSH_SIMULATION_H_
