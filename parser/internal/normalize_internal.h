// The seam between the expression canonicalizer (parser/normalize.cc) and the query
// canonicalizer (parser/normalize_query.cc): the expression rules run over a whole
// statement tree, and the query rules resolve the sub-queries inside an expression.
#ifndef PGDRIFT_PARSER_INTERNAL_NORMALIZE_INTERNAL_H_
#define PGDRIFT_PARSER_INTERNAL_NORMALIZE_INTERNAL_H_

#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "model/type_ref.h"
#include "parser/internal/proto_tree.h"
#include "parser/normalize.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser::internal {

// Runs the expression rules over `statement` (a tree owned by `arena`) and deparses the
// whole statement, type names spelled canonically.
[[nodiscard]] absl::StatusOr<std::string> RewriteAndDeparseStatement(PgQuery__Node* statement, Arena& arena,
                                                                     const ExpressionContext& context);

// Whether `expr` holds a sub-query (SubLink).
bool ContainsSubLink(const PgQuery__Node* expr);

// Resolves, in place, every sub-query of expression `expr` as the query canonicalizer
// does, with the context table (if any) as the outer range entry; records the type of
// each resolved column reference in `column_types`.
[[nodiscard]] absl::Status ResolveSubLinks(PgQuery__Node* expr, Arena& arena, const ExpressionContext& context,
                                           std::map<const PgQuery__Node*, model::TypeRef>* column_types);

}  // namespace pgdrift::parser::internal

#endif  // PGDRIFT_PARSER_INTERNAL_NORMALIZE_INTERNAL_H_
