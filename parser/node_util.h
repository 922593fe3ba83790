// Helpers for reading libpg_query protobuf nodes: strings, name lists, constants and
// RangeVars, so transforms read like the grammar they handle.
#ifndef PGDRIFT_PARSER_NODE_UTIL_H_
#define PGDRIFT_PARSER_NODE_UTIL_H_

#include <optional>
#include <string>
#include <vector>

#include "model/object_id.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser {

// The text of a String node ("" for anything else).
std::string StringOf(const PgQuery__Node* node);

// The texts of a list of String nodes, e.g. a column name list.
std::vector<std::string> StringList(PgQuery__Node* const* nodes, size_t count);

// A possibly qualified name from a list of String nodes (["public", "t"] or ["t"]);
// a catalog part (3 names) is dropped.
model::QualifiedName QualifiedNameOf(PgQuery__Node* const* nodes, size_t count);
model::QualifiedName QualifiedNameOf(const PgQuery__List* list);

// The schema and relation name of a RangeVar.
model::QualifiedName RangeVarName(const PgQuery__RangeVar* range_var);

// The integer value of an Integer or A_Const integer node.
std::optional<long long> IntegerOf(const PgQuery__Node* node);

// The text of a string, integer or float A_Const (or bare value) node, as written.
std::optional<std::string> ConstantText(const PgQuery__Node* node);

// The defname/arg pairs of a DefElem list, with arg rendered as text (String, Integer,
// Float, Boolean, TypeName names, or a list joined with ", ").
struct DefElemValue {
  std::string name;
  std::string value;
  const PgQuery__Node* arg = nullptr;
};
std::vector<DefElemValue> DefElems(PgQuery__Node* const* nodes, size_t count);

// The statement type's name for messages: "INSERT", "CREATE FUNCTION", "DO" …
std::string StatementName(const PgQuery__Node* statement);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_NODE_UTIL_H_
