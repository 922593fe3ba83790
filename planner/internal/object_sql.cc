#include "planner/internal/object_sql.h"

namespace pgdrift::planner::internal {
namespace {

bool IsTableFamily(model::ObjectKind kind) {
  switch (kind) {
    case model::ObjectKind::kTable:
    case model::ObjectKind::kColumn:
    case model::ObjectKind::kConstraint:
    case model::ObjectKind::kIndex:
    case model::ObjectKind::kSequence:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<PlannedStatement> CreateObjectSql(const model::ObjectId& id, const ObjectSqlContext& ctx) {
  return IsTableFamily(id.kind) ? CreateTableFamilySql(id, ctx) : CreateOtherKindSql(id, ctx);
}

std::vector<PlannedStatement> DropObjectSql(const model::ObjectId& id, const ObjectSqlContext& ctx) {
  return IsTableFamily(id.kind) ? DropTableFamilySql(id, ctx) : DropOtherKindSql(id, ctx);
}

AlterOutcome AlterObjectSql(const diff::ObjectDrift& drift, const ObjectSqlContext& ctx) {
  return IsTableFamily(drift.id.kind) ? AlterTableFamilySql(drift, ctx) : AlterOtherKindSql(drift, ctx);
}

}  // namespace pgdrift::planner::internal
