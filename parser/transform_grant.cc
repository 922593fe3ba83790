// GRANT / REVOKE on objects and ALTER DEFAULT PRIVILEGES.
#include "parser/transform.h"

namespace pgdrift::parser {

absl::Status TransformGrantStmt(const PgQuery__GrantStmt&, TransformContext& ctx) {
  return ctx.NotModelled("GRANT");
}

absl::Status TransformAlterDefaultPrivilegesStmt(const PgQuery__AlterDefaultPrivilegesStmt&, TransformContext& ctx) {
  return ctx.NotModelled("ALTER DEFAULT PRIVILEGES");
}

}  // namespace pgdrift::parser
