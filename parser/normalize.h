// The expression canonicalizer: an expression → the one text form that both sides of a
// comparison meet in (migration text and catalog text from pg_get_expr,
// pg_get_constraintdef, pg_get_indexdef all go through it).
//
// The expression is parsed by libpg_query, rewritten (type names spelled one way,
// implicit casts on literals removed, `IN (…)` and `= ANY (ARRAY[…])` unified, relation
// names qualified against the model) and deparsed. Both sides go through the same
// rewriting, so layout, parentheses and keyword case never count as drift.
#ifndef PGDRIFT_PARSER_NORMALIZE_H_
#define PGDRIFT_PARSER_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "model/catalog.h"
#include "model/column.h"
#include "model/type_ref.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser {

// What the canonicalizer needs to know about where an expression stands.
struct ExpressionContext {
  const model::Catalog* catalog = nullptr;  // for qualifying relation and type names
  // The table whose columns unqualified names refer to (defaults, checks, indexes).
  model::QualifiedName table;
  // The columns of `table` when the catalog does not hold them (yet): CREATE TABLE, ADD
  // COLUMN. Looked up before the catalog's; their types decide which casts PostgreSQL
  // would have added implicitly.
  const std::vector<model::Column>* columns = nullptr;
  // The type the value is assigned to (a column DEFAULT or generation expression): a
  // cast of a literal to exactly this type is what PostgreSQL's coercion adds, so it is
  // dropped.
  const model::TypeRef* target_type = nullptr;
};

// The canonical text of expression node `expr`.
[[nodiscard]] absl::StatusOr<std::string> NormalizeExpression(const PgQuery__Node& expr,
                                                              const ExpressionContext& context);

// Parses `text` as an expression (e.g. catalog output) and canonicalizes it.
[[nodiscard]] absl::StatusOr<std::string> NormalizeExpressionText(std::string_view text,
                                                                  const ExpressionContext& context);

// The names of the columns `expr` references (ColumnRef nodes, last name part), in order
// of first appearance without duplicates.
std::vector<std::string> ReferencedColumns(const PgQuery__Node& expr);

// The name PostgreSQL's FigureColname gives an index expression (the function name of a
// function call, the type name of a cast, else "expr"), for implicit index names.
std::string FigureColumnName(const PgQuery__Node& expr);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_NORMALIZE_H_
