// ForEachExpression: visits every stored expression text of a Catalog, so that a rename
// or SET SCHEMA can rewrite the expressions PostgreSQL would print differently afterwards
// (it stores them by OID and attnum; the model stores canonical text).
//
// Visited: column defaults and generation expressions, CHECK expressions, exclusion
// element expressions and predicates, index expression keys and predicates, partition
// keys, domain defaults and domain CHECK expressions, policy USING and WITH CHECK
// expressions. Empty fields are not visited.
#ifndef PGDRIFT_MODEL_INTERNAL_EXPRESSION_FIELDS_H_
#define PGDRIFT_MODEL_INTERNAL_EXPRESSION_FIELDS_H_

#include <functional>
#include <map>
#include <set>
#include <string>

#include "model/catalog.h"

namespace pgdrift::model::internal {

// Calls `visit` on every non-empty expression field of `catalog`; `visit` may change it.
// With `tables`, only the expressions of those tables and of their indexes are visited.
void ForEachExpression(Catalog& catalog, const std::function<void(std::string&)>& visit,
                       const std::set<QualifiedName>* tables = nullptr);

// Replaces every expression field whose whole text equals a key of `rewrites` with the
// mapped text (each field at most once, so chains like a→b, b→c do not compound). With
// `tables`, only within those tables (a column rename must not touch an equal
// expression of another table).
void RewriteExpressions(Catalog& catalog, const std::map<std::string, std::string>& rewrites,
                        const std::set<QualifiedName>* tables = nullptr);

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_EXPRESSION_FIELDS_H_
