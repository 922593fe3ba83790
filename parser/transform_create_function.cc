// CREATE FUNCTION / PROCEDURE and ALTER FUNCTION / PROCEDURE / ROUTINE.
#include "parser/transform.h"

namespace pgdrift::parser {

absl::Status TransformCreateFunctionStmt(const PgQuery__CreateFunctionStmt&, TransformContext& ctx) {
  return ctx.NotModelled("CREATE FUNCTION");
}

absl::Status TransformAlterFunctionStmt(const PgQuery__AlterFunctionStmt&, TransformContext& ctx) {
  return ctx.NotModelled("ALTER FUNCTION");
}

}  // namespace pgdrift::parser
