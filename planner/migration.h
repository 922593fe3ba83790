// PlanMigration: the ordered DDL that turns one catalog into another — what `pgdrift diff
// FROM TO --format sql` prints and what a plan's corrective migration holds.
//
// The steps are ordered with Boost.Graph over both catalogs' dependency graphs: drops in
// reverse dependency order (of the current catalog), creates in dependency order (of the
// target), alters after what they need exists; objects that depend on something dropped
// and recreated (a view over a column whose type changes, a policy over a function that is
// replaced by drop and create) are dropped first and recreated after.
#ifndef PGDRIFT_PLANNER_MIGRATION_H_
#define PGDRIFT_PLANNER_MIGRATION_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "model/object_id.h"
#include "planner/planned_statement.h"

namespace pgdrift::planner {

struct MigrationOptions {
  // Online-safe forms where PostgreSQL has them: CREATE INDEX CONCURRENTLY (outside a
  // transaction), ADD CONSTRAINT … NOT VALID then VALIDATE CONSTRAINT, a CHECK (c IS NOT
  // NULL) NOT VALID + VALIDATE before SET NOT NULL.
  bool online = false;
  // Forms that are a no-op on a database already at the target: IF [NOT] EXISTS, CREATE OR
  // REPLACE, renames guarded by a DO block that checks the old name exists. A plan's
  // corrective migration is added to the local chain, whose replay is already the target,
  // so it must replay there without error and without effect.
  bool idempotent = false;
  // Use the target's lineage (former names): a current object whose name the target
  // object had before is renamed instead of dropped and created.
  bool renames = true;
  // As diff::CompareOptions.
  bool compare_owners = false;
  bool include_managed = false;
};

enum class StepAction { kCreate, kAlter, kDrop, kRename };

// "create", "alter", "drop", "rename".
std::string_view StepActionName(StepAction action);

// The statements for one object.
struct MigrationStep {
  model::ObjectId object;
  StepAction action = StepAction::kAlter;
  std::vector<PlannedStatement> statements;
};

struct Migration {
  std::vector<MigrationStep> steps;  // in the order they must run
  // Differences no statement expresses (e.g. a column order change), one line each naming
  // the object and attribute; reported, never silently dropped.
  std::vector<std::string> unsupported;

  bool empty() const { return steps.empty(); }
  // Every statement of every step, in order.
  std::vector<PlannedStatement> Statements() const;
};

// Returns the migration that turns `current` into `target`: after it runs on a database
// whose model is `current`, diff::Compare(target, database) is empty (objects the target
// has and the current lacks are created, those only the current has are dropped, the rest
// altered). Deterministic.
Migration PlanMigration(const model::Catalog& current, const model::Catalog& target,
                        const MigrationOptions& options = {});

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_MIGRATION_H_
