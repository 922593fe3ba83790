// Expression rewrites after a rename or a schema change: PostgreSQL stores expressions
// by OID and attribute number, so renaming a column, a relation, a type or a schema
// changes how every expression that mentions it prints. The model stores printed
// (canonical) text and never parses, so the transform computes, for each affected
// expression of the catalog before the statement, its new canonical text
// (model::Rename::expression_rewrites, model::SetSchema::expression_rewrites).
//
// An expression is parsed with libpg_query, the mentions are renamed in the tree
// (ColumnRef, relation names inside regclass literals such as nextval's argument, type
// names, schema qualifiers), and the tree is printed by the canonicalizer
// (parser/normalize.h) against the catalog after the statement, so the result is
// canonical too.
#ifndef PGDRIFT_PARSER_EXPRESSION_REWRITE_H_
#define PGDRIFT_PARSER_EXPRESSION_REWRITE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "model/catalog.h"
#include "model/mutation.h"
#include "parser/normalize.h"

namespace pgdrift::parser {

// One name that a statement changes. Names are resolved (schema-qualified).
struct NameChange {
  enum class Kind {
    kColumn,    // column `column` of table `object` becomes `new_name.name`
    kRelation,  // table, sequence or index `object` becomes `new_name`
    kType,      // type or domain `object` becomes `new_name`
    kSchema,    // schema `object.name` becomes `new_name.name`
  };
  Kind kind = Kind::kColumn;
  model::QualifiedName object;
  std::string column;
  model::QualifiedName new_name;
};

// The result of rewriting a catalog's expressions: old canonical text → new canonical
// text, and a message for each expression that could not be rewritten.
struct ExpressionRewrites {
  std::map<std::string, std::string> rewrites;
  std::vector<std::string> failures;
};

// Rewrites canonical expression `text` for `changes`: mentions are resolved in `before`
// (unqualified names through its search_path), the result is canonicalized with
// `after_context`. Returns nullopt when the expression mentions none of the changed
// names.
[[nodiscard]] absl::StatusOr<std::optional<std::string>> RewriteExpression(
    std::string_view text, const std::vector<NameChange>& changes, const model::Catalog& before,
    const ExpressionContext& after_context);

// The rewrites a statement needs: every expression of `before` that `changes` may affect
// (column defaults, generated columns, CHECK constraints, exclusion constraints, index
// expressions and predicates, domain defaults and checks — for a column change only
// those of its table and the table's indexes, plus the table's partition key, whose
// column tokens are renamed in place) rewritten against the catalog after
// `mutation` (a Rename or SetSchema without rewrites, applied to a copy of `before`).
// Empty when nothing mentions the changed names or when `mutation` does not apply (the
// replay then reports that error itself).
ExpressionRewrites ComputeExpressionRewrites(const model::Catalog& before,
                                             const model::Mutation& mutation,
                                             const std::vector<NameChange>& changes);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_EXPRESSION_REWRITE_H_
