// CREATE VIEW, CREATE MATERIALIZED VIEW (CREATE TABLE AS), REFRESH MATERIALIZED VIEW.
#include "parser/transform.h"

namespace pgdrift::parser {

absl::Status TransformViewStmt(const PgQuery__ViewStmt&, TransformContext& ctx) {
  return ctx.NotModelled("CREATE VIEW");
}

absl::Status TransformCreateTableAsStmt(const PgQuery__CreateTableAsStmt&, TransformContext& ctx) {
  return ctx.NotModelled("CREATE TABLE AS");
}

absl::Status TransformRefreshMatViewStmt(const PgQuery__RefreshMatViewStmt&, TransformContext& ctx) {
  return ctx.NotModelled("REFRESH MATERIALIZED VIEW");
}

}  // namespace pgdrift::parser
