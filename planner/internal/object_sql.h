// Per-object SQL for PlanMigration: how to create, drop and alter one object of each
// kind. planner/migration.cc orders the steps; the functions here only say what each
// step's statements are. object_sql.cc dispatches by kind to the kind's own file
// (planner/alter_<kind>.cc).
#ifndef PGDRIFT_PLANNER_INTERNAL_OBJECT_SQL_H_
#define PGDRIFT_PLANNER_INTERNAL_OBJECT_SQL_H_

#include <vector>

#include "diff/change_set.h"
#include "model/catalog.h"
#include "model/object_id.h"
#include "planner/migration.h"
#include "planner/planned_statement.h"

namespace pgdrift::planner::internal {

struct ObjectSqlContext {
  const model::Catalog& current;
  const model::Catalog& target;
  const MigrationOptions& options;
};

// What altering one object takes: statements, or (recreate) a drop and a create because
// PostgreSQL has no ALTER for the difference (a view whose columns change, a function whose
// result type changes, a trigger whose definition changes).
struct AlterOutcome {
  std::vector<PlannedStatement> statements;
  bool recreate = false;
  // Attributes no statement expresses, as "identity: attribute".
  std::vector<std::string> unsupported;
};

// The statements that create `id` as `ctx.target` has it (the object alone: a table's
// columns and inline constraints, not its indexes, triggers or policies, which are objects
// of their own).
std::vector<PlannedStatement> CreateObjectSql(const model::ObjectId& id, const ObjectSqlContext& ctx);

// The statements that drop `id` as `ctx.current` has it (never CASCADE: dependents are
// dropped by their own steps first).
std::vector<PlannedStatement> DropObjectSql(const model::ObjectId& id, const ObjectSqlContext& ctx);

// The statements that turn `drift.id` from `ctx.current`'s into `ctx.target`'s
// (drift.status is kChanged; drift.changes lists the differing attributes, with "local"
// the target and "remote" the current value).
AlterOutcome AlterObjectSql(const diff::ObjectDrift& drift, const ObjectSqlContext& ctx);

// Per-kind entry points (one file each). The table family — tables, columns,
// constraints, indexes, sequences — is in alter_table.cc, alter_column.cc,
// alter_constraint.cc, alter_index.cc, alter_sequence.cc; the rest in alter_schema.cc
// (schemas, extensions, default privileges), alter_type.cc (types, domains),
// alter_routine.cc, alter_trigger.cc, alter_policy.cc, alter_view.cc (views and
// materialized views).
std::vector<PlannedStatement> CreateTableFamilySql(const model::ObjectId& id, const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropTableFamilySql(const model::ObjectId& id, const ObjectSqlContext& ctx);
AlterOutcome AlterTableFamilySql(const diff::ObjectDrift& drift, const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreateOtherKindSql(const model::ObjectId& id, const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropOtherKindSql(const model::ObjectId& id, const ObjectSqlContext& ctx);
AlterOutcome AlterOtherKindSql(const diff::ObjectDrift& drift, const ObjectSqlContext& ctx);

}  // namespace pgdrift::planner::internal

#endif  // PGDRIFT_PLANNER_INTERNAL_OBJECT_SQL_H_
