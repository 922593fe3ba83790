// Steps for PlanMigration of every kind outside the table family: schemas, extensions,
// types, domains, functions and procedures, triggers, policies, views and materialized
// views.
#include "planner/internal/object_sql.h"

namespace pgdrift::planner::internal {

std::vector<PlannedStatement> CreateOtherKindSql(const model::ObjectId& id, const ObjectSqlContext& ctx) {
  (void)id;
  (void)ctx;
  return {};
}

std::vector<PlannedStatement> DropOtherKindSql(const model::ObjectId& id, const ObjectSqlContext& ctx) {
  (void)id;
  (void)ctx;
  return {};
}

AlterOutcome AlterOtherKindSql(const diff::ObjectDrift& drift, const ObjectSqlContext& ctx) {
  (void)drift;
  (void)ctx;
  return {};
}

}  // namespace pgdrift::planner::internal
