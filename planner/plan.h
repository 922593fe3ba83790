// Plan: the ordered reconciliation of a migration chain and a remote database (`pgdrift
// plan`): files to add to the chain for remote-only versions, history repairs, pending
// migrations to push, the corrective migration and its rollback, and what to verify.
// BuildPlan decides; cli/plan_writer renders the plan directory.
#ifndef PGDRIFT_PLANNER_PLAN_H_
#define PGDRIFT_PLANNER_PLAN_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "diff/history_diff.h"
#include "model/catalog.h"
#include "model/history.h"
#include "model/object_id.h"
#include "parser/migration_dir.h"
#include "planner/migration.h"
#include "planner/planned_statement.h"
#include "planner/push_simulation.h"
#include "planner/repair.h"

namespace pgdrift::planner {

// Which side is the truth: push (the migrations; the database is changed) or pull (the
// database; only the chain and the history table are changed).
enum class PlanDirection { kPush, kPull };

// "push" or "pull".
std::string_view PlanDirectionName(PlanDirection direction);

struct PlanInput {
  PlanDirection direction = PlanDirection::kPush;
  // What the local chain replays on (parser::SeedCatalog of its profile).
  model::Catalog seed;
  // The local migrations, in the order their layout applies them.
  parser::MigrationChain chain;
  // The remote schema and, for a live database, its history (nullopt: a dump or
  // snapshot, or a database no tool migrated; only the schema is planned then).
  model::Catalog remote;
  std::optional<model::History> history;
  bool allow_data_loss = false;  // --allow-hazard data_loss
  bool online = false;           // --online
};

enum class PlanAction { kAddFile, kRenameFile, kRepair, kPush, kMigrate };

// "add_file", "rename_file", "repair", "push", "migrate".
std::string_view PlanActionName(PlanAction action);

// One statement of a corrective migration, with the object it belongs to.
struct PlanStatement {
  PlannedStatement statement;
  model::ObjectId object;
  StepAction action = StepAction::kAlter;
  bool commented_out = false;  // data_loss without --allow-hazard data_loss
};

struct PlanStep {
  PlanAction action = PlanAction::kAddFile;
  std::string version;
  std::string name;
  // The file in the plan directory (add_file, push, migrate; repair: "repair.sql");
  // rename_file: the new file name.
  std::string file;
  // add_file: "recovered", "placeholder" or "remote_schema".
  std::string why;
  // Sentences for PLAN.md: why the step exists.
  std::string explanation;
  // How to undo the step, for PLAN.md.
  std::string undo;
  bool transactional = true;      // push, migrate
  std::string rollback;           // migrate: the down migration ("" when none)
  std::set<Hazard> rollback_hazards;  // of the down migration's statements
  std::string source_path;        // push, rename_file: the local file as shown
  std::vector<PlanStatement> statements;  // migrate
  std::vector<RepairEntry> repairs;       // repair
};

// What the plan does with one pending local migration (PLAN.md lists them).
struct PendingDecision {
  std::string version;
  std::string path;
  std::string decision;  // one or two sentences
};

struct Plan {
  PlanDirection direction = PlanDirection::kPush;
  bool allow_data_loss = false;
  std::string history_tool;   // "" when the remote has no history
  std::string history_table;  // e.g. "supabase_migrations.schema_migrations"
  diff::HistoryReport history_report;
  std::vector<SimulationFinding> simulation;
  std::vector<PendingDecision> pending;
  std::vector<PlanStep> steps;
  // Files of the plan directory other than PLAN.md, plan.json and target.json, by path
  // relative to it (migrations/…, push/…, rollback/…, repair.sql, repair.sh, verify.sql).
  std::map<std::string, std::string> files;
  // The schema the remote has once the plan is applied (target.json).
  model::Catalog target;
  // Statements of the chain as it will be replay to `target`, except when data_loss
  // statements were left commented out: the objects that then still differ.
  std::vector<std::string> remaining_differences;
  // Differences no corrective statement expresses (Migration::unsupported).
  std::vector<std::string> unsupported;
  // Further remarks for PLAN.md (no history, chain replay errors …).
  std::vector<std::string> notes;
  // Whether the remote needs no change at all (no push, no migrate, no repair).
  bool in_sync = false;
};

// The 14-digit timestamp version `seconds` after `version` (calendar arithmetic in UTC);
// a version that is not 14 digits is treated as a number and `seconds` added to it.
std::string AddSeconds(std::string_view version, int seconds);

// The migrate steps that carry `migration`: one file per run of consecutive statements
// with the same `transactional` (statements PostgreSQL refuses in a transaction block get
// files of their own), at versions `first_version` + 0, 1, 2 … seconds, named `name`,
// `name`_2 … for transactional runs and `name`_concurrently for the others. data_loss
// statements are commented out unless `allow_data_loss`. The files' text goes to `files`.
std::vector<PlanStep> CorrectiveSteps(const Migration& migration, bool allow_data_loss,
                                      const std::string& first_version, std::string_view name,
                                      std::map<std::string, std::string>* files);

// Builds the plan from `input` and the history comparison `report` (of the chain's
// parser::LocalMigrations against input.history; empty when there is no history).
[[nodiscard]] absl::StatusOr<Plan> BuildPlanFromReport(const PlanInput& input,
                                                       const diff::HistoryReport& report);

// Builds the plan: BuildPlanFromReport with diff::CompareHistory of the chain and the
// remote history.
[[nodiscard]] absl::StatusOr<Plan> BuildPlan(const PlanInput& input);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_PLAN_H_
