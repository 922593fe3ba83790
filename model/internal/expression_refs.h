// What a canonical expression text refers to, found without parsing SQL (model/ never
// parses): the sequences its nextval('…'::regclass) calls name, and the column names it
// mentions. PostgreSQL records both in pg_depend when it stores the expression
// (recordDependencyOnExpr); the dependency graph and DROP need the same edges.
#ifndef PGDRIFT_MODEL_INTERNAL_EXPRESSION_REFS_H_
#define PGDRIFT_MODEL_INTERNAL_EXPRESSION_REFS_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace pgdrift::model::internal {

// The sequences named by the nextval('…') calls in `expr`, in order of appearance. A
// regclass literal is read as PostgreSQL's regclassin reads it (`schema.seq`,
// `"My Seq"`, unqualified names through search_path); names that resolve to no sequence
// of `catalog` are left out.
std::vector<QualifiedName> NextvalSequences(const Catalog& catalog, std::string_view expr);

// The identifiers `expr` mentions as plain names (not function names, not after `.` or
// `::`, not inside string literals), double-quoted ones unquoted. Intersect with a
// table's columns to get the columns the expression uses.
std::set<std::string> MentionedNames(std::string_view expr);

// The columns of `table` that `expr` mentions, in table order.
std::vector<std::string> MentionedColumns(const Table& table, std::string_view expr);

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_EXPRESSION_REFS_H_
