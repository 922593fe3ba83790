// CREATE POLICY and ALTER POLICY.
#include "parser/transform.h"

namespace pgdrift::parser {

absl::Status TransformCreatePolicyStmt(const PgQuery__CreatePolicyStmt&, TransformContext& ctx) {
  return ctx.NotModelled("CREATE POLICY");
}

absl::Status TransformAlterPolicyStmt(const PgQuery__AlterPolicyStmt&, TransformContext& ctx) {
  return ctx.NotModelled("ALTER POLICY");
}

}  // namespace pgdrift::parser
