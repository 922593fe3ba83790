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

#include <map>
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
  // A domain's CHECK (no table): the type VALUE has, i.e. the domain's base type.
  const model::TypeRef* value_type = nullptr;
  // Column references the query canonicalizer resolved (parser/normalize_query.h):
  // node → the column's type, for references inside sub-queries and views, whose range
  // entries the single `table` cannot describe.
  const std::map<const PgQuery__Node*, model::TypeRef>* column_types = nullptr;
  // A trigger's WHEN condition: `old.col` and `new.col` are columns of `table`.
  bool old_new_rows = false;
};

// The canonical text of expression node `expr`: the deparsed form (libpg_query's
// deparser, without the leading "SELECT ") of the expression after these rewrites, which
// undo what PostgreSQL's parse analysis adds when it stores an expression:
//  - cast type names spelled as format_type prints them (x::int4 → x::integer);
//  - casts PostgreSQL adds to literals dropped: to unbounded text types ('a'::text), to
//    the type the literal meets in an operator, IN list, COALESCE or assignment
//    ('a'::public.mood next to a mood column, (0)::numeric next to a numeric), and numbers
//    cast to their own literal type ('-1'::integer → -1);
//  - casts PostgreSQL adds to columns dropped: (varchar_col)::text, domain values to
//    their base type, character(n) to text next to text functions, integer to numeric
//    next to numeric operands;
//  - x IN (a, b) → x = ANY (ARRAY[a, b]) (NOT IN → <> ALL), items with columns and
//    single items as separate comparisons, BETWEEN as >= AND <=, LIKE / ILIKE / SIMILAR TO
//    as their operators, row comparisons per column, nested AND / OR flattened, CASE
//    without ELSE NULL;
//  - relation names in regclass literals (nextval('seq')) qualified through the
//    catalog's search_path; pg_catalog dropped from function and operator names;
//  - interval and time literals in the form their output function prints.
// CURRENT_TIMESTAMP and now() stay apart, as PostgreSQL keeps them. Literal values of
// other types (timestamps, dates written loosely, jsonb) stay as written.
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

// The name FigureColname (parse_target.c) gives a SELECT output column written without
// AS: "?column?" when the expression suggests none.
std::string FigureTargetName(const PgQuery__Node& expr);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_NORMALIZE_H_
