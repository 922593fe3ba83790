// Migration SQL for row-level security policies: ALTER POLICY for roles, USING and WITH
// CHECK; a policy whose command or permissive flag changes, or that loses its USING or
// WITH CHECK clause (ALTER POLICY can only replace a clause), is dropped and created.
#include "base/strings.h"
#include "planner/internal/other_kinds_sql.h"
#include "planner/internal/table_family_sql.h"
#include "planner/policy_ddl.h"

namespace pgdrift::planner::internal {

std::vector<PlannedStatement> CreatePolicyStatements(const model::QualifiedName& table,
                                                     const model::Policy& policy,
                                                     const ObjectSqlContext& ctx) {
  std::vector<PlannedStatement> statements;
  // CREATE POLICY has no IF NOT EXISTS and no OR REPLACE.
  if (ctx.options.idempotent) {
    statements.push_back(
        MakeStatement(InsertAfter(DropPolicySql(table, policy), "POLICY ", "IF EXISTS ")));
  }
  for (std::string& sql : PolicySql(table, policy))
    statements.push_back(MakeStatement(std::move(sql)));
  return statements;
}

std::vector<PlannedStatement> DropPolicyStatements(const model::QualifiedName& table,
                                                   const model::Policy& policy,
                                                   const ObjectSqlContext& ctx) {
  std::string sql = DropPolicySql(table, policy);
  if (ctx.options.idempotent) sql = InsertAfter(sql, "POLICY ", "IF EXISTS ");
  return {MakeStatement(sql)};
}

AlterOutcome AlterPolicyStatements(const diff::ObjectDrift& drift,
                                   const model::QualifiedName& table, const model::Policy& from,
                                   const model::Policy& to, const ObjectSqlContext& ctx) {
  (void)ctx;
  AlterOutcome outcome;
  bool clause_removed = (!from.using_expr.empty() && to.using_expr.empty()) ||
                        (!from.check_expr.empty() && to.check_expr.empty());
  if (Changes(drift, "permissive") || Changes(drift, "command") || clause_removed) {
    outcome.recreate = true;
    return outcome;
  }
  if (Changes(drift, "roles") || Changes(drift, "using") || Changes(drift, "with_check")) {
    outcome.statements.push_back(MakeStatement(AlterPolicySql(table, to)));
  }
  if (Changes(drift, "comment"))
    outcome.statements.push_back(MakeStatement(PolicyCommentSql(table, to)));
  ReportUnhandled(drift, {"permissive", "command", "roles", "using", "with_check", "comment"},
                  &outcome);
  return outcome;
}

}  // namespace pgdrift::planner::internal
