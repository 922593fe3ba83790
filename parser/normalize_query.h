// The query canonicalizer: a SELECT (a view's query) → the one text form that the
// migration's CREATE VIEW and the catalog's pg_get_viewdef (read with an empty
// search_path) meet in.
//
// Besides the expression rules of parser/normalize.h it undoes what PostgreSQL's parse
// analysis and ruleutils.c do to a stored query: relations schema-qualified, every
// column reference qualified by its range entry's name (alias, else relation name, made
// unique across query levels as set_rtable_names does), `*` and `t.*` expanded, NATURAL
// joins written as USING, output names spelled as get_target_list prints them, ORDER BY
// and GROUP BY positions and output names replaced by the expressions they stand for.
// A form it cannot resolve is an error naming it, never silently wrong text.
#ifndef PGDRIFT_PARSER_NORMALIZE_QUERY_H_
#define PGDRIFT_PARSER_NORMALIZE_QUERY_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "model/catalog.h"
#include "model/object_id.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser {

// A canonical query and what it tells about the view.
struct NormalizedQuery {
  std::string text;                       // canonical SELECT, no trailing semicolon
  std::vector<std::string> column_names;  // output columns, view column renames applied
  // Relations (tables, views, materialized views) and their columns the query reads, in
  // order of first mention without duplicates.
  std::vector<model::ObjectId> depends_on;
};

// Canonicalizes `select` (a SelectStmt node) against `catalog` (search_path, relation
// columns and types). `column_aliases` are the view's column names as written in
// CREATE VIEW v (a, b); they rename the first output columns. kNotFound for a relation
// or column that does not exist, kUnimplemented for a form not modelled.
[[nodiscard]] absl::StatusOr<NormalizedQuery> NormalizeQuery(const PgQuery__Node& select,
                                                             const model::Catalog& catalog,
                                                             const std::vector<std::string>& column_aliases);

// Parses `text` (e.g. pg_get_viewdef output, a trailing semicolon allowed) and
// canonicalizes it as NormalizeQuery does.
[[nodiscard]] absl::StatusOr<NormalizedQuery> NormalizeQueryText(std::string_view text,
                                                                 const model::Catalog& catalog,
                                                                 const std::vector<std::string>& column_aliases);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_NORMALIZE_QUERY_H_
