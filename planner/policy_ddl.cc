#include "planner/policy_ddl.h"

#include "base/identifier.h"
#include "base/strings.h"

namespace pgdrift::planner {
namespace {

std::string Target(const model::QualifiedName& table, const model::Policy& policy) {
  return StrCat(QuoteIdent(policy.name), " ON ", QuoteQualified(table.schema, table.name));
}

// The TO list (pg_dump dumpPolicy leaves it out for PUBLIC alone).
std::string RolesSql(const model::Policy& policy) {
  std::vector<std::string> roles;
  for (const std::string& role : policy.roles) {
    roles.push_back(role == "public" ? std::string("PUBLIC") : QuoteIdent(role));
  }
  return StrJoin(roles, ", ");
}

bool PublicOnly(const model::Policy& policy) {
  return policy.roles.empty() || (policy.roles.size() == 1 && policy.roles[0] == "public");
}

}  // namespace

std::string CreatePolicySql(const model::QualifiedName& table, const model::Policy& policy) {
  std::string sql = StrCat("CREATE POLICY ", Target(table, policy));
  if (!policy.permissive) StrAppend(&sql, " AS RESTRICTIVE");
  if (policy.command != "ALL") StrAppend(&sql, " FOR ", policy.command);
  if (!PublicOnly(policy)) StrAppend(&sql, " TO ", RolesSql(policy));
  if (!policy.using_expr.empty()) StrAppend(&sql, " USING (", policy.using_expr, ")");
  if (!policy.check_expr.empty()) StrAppend(&sql, " WITH CHECK (", policy.check_expr, ")");
  return sql + ";";
}

std::string AlterPolicySql(const model::QualifiedName& table, const model::Policy& policy) {
  std::string sql = StrCat("ALTER POLICY ", Target(table, policy), " TO ",
                           PublicOnly(policy) ? std::string("PUBLIC") : RolesSql(policy));
  if (!policy.using_expr.empty()) StrAppend(&sql, " USING (", policy.using_expr, ")");
  if (!policy.check_expr.empty()) StrAppend(&sql, " WITH CHECK (", policy.check_expr, ")");
  return sql + ";";
}

std::string DropPolicySql(const model::QualifiedName& table, const model::Policy& policy) {
  return StrCat("DROP POLICY ", Target(table, policy), ";");
}

std::string PolicyCommentSql(const model::QualifiedName& table, const model::Policy& policy) {
  return StrCat("COMMENT ON POLICY ", Target(table, policy), " IS ",
                policy.comment.empty() ? std::string("NULL") : QuoteLiteral(policy.comment), ";");
}

std::vector<std::string> PolicySql(const model::QualifiedName& table, const model::Policy& policy) {
  std::vector<std::string> statements = {CreatePolicySql(table, policy)};
  if (!policy.comment.empty()) statements.push_back(PolicyCommentSql(table, policy));
  return statements;
}

}  // namespace pgdrift::planner
