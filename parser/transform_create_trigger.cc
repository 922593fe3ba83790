// CREATE [OR REPLACE] [CONSTRAINT] TRIGGER.
#include "parser/transform.h"

namespace pgdrift::parser {

absl::Status TransformCreateTrigStmt(const PgQuery__CreateTrigStmt&, TransformContext& ctx) {
  return ctx.NotModelled("CREATE TRIGGER");
}

}  // namespace pgdrift::parser
