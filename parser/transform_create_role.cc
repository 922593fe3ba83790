// CREATE ROLE / USER / GROUP (CreateRoleStmt) → model::CreateRole.
//
// Only the name is modelled: roles matter as owners and grantees. Role attributes
// (LOGIN, SUPERUSER, PASSWORD, IN ROLE …) are cluster-wide and not part of a schema.
#include "parser/transform.h"

namespace pgdrift::parser {

absl::Status TransformCreateRoleStmt(const PgQuery__CreateRoleStmt& stmt, TransformContext& ctx) {
  std::string name = stmt.role;
  if (name.empty()) return ctx.Invalid("role name is missing");
  // CreateRole (user.c): pg_ names belong to the system; PUBLIC and NONE are no roles.
  if (name.starts_with("pg_") || name == "public" || name == "none") {
    return ctx.Invalid("role name \"" + name + "\" is reserved");
  }
  ctx.Emit(model::CreateRole{std::move(name)});
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
