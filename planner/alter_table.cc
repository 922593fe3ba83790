// The table family's steps for PlanMigration: tables, columns, constraints, indexes and
// sequences.
#include "planner/internal/object_sql.h"

namespace pgdrift::planner::internal {

std::vector<PlannedStatement> CreateTableFamilySql(const model::ObjectId& id, const ObjectSqlContext& ctx) {
  (void)id;
  (void)ctx;
  return {};
}

std::vector<PlannedStatement> DropTableFamilySql(const model::ObjectId& id, const ObjectSqlContext& ctx) {
  (void)id;
  (void)ctx;
  return {};
}

AlterOutcome AlterTableFamilySql(const diff::ObjectDrift& drift, const ObjectSqlContext& ctx) {
  (void)drift;
  (void)ctx;
  return {};
}

}  // namespace pgdrift::planner::internal
