#include "parser/null_default.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parser/type_name.h"

namespace pgdrift::parser {
namespace {

// The type's name without its modifier, as format_type spells the unmodified type:
// `character varying(16)` → `character varying`, `timestamp(3) with time zone` →
// `timestamp with time zone`, `interval year to month` → `interval`. `bpchar` is
// format_type's name for character without a length.
std::string BaseName(const std::string& name) {
  if (name.rfind("interval", 0) == 0) return "interval";
  if (name == "bpchar") return "character";
  size_t open = name.find('(');
  size_t close = name.find(')', open);
  if (open == std::string::npos || close == std::string::npos) return name;
  return name.substr(0, open) + name.substr(close + 1);
}

// Whether `type` carries a type modifier (pg_attribute.atttypmod ≥ 0).
bool HasModifier(const model::TypeRef& type) {
  if (type.is_user_defined()) return !type.typmod.empty();
  return BaseName(type.name) != type.name && type.name != "bpchar";
}

// Whether `a` and `b` are the same type, modifiers aside (so coerce_type has nothing to
// do between them).
bool SameType(const model::TypeRef& a, const model::TypeRef& b) {
  return a.schema == b.schema && a.array == b.array && BaseName(a.name) == BaseName(b.name);
}

bool IsNodeOf(const PgQuery__Node* node, PgQuery__Node__NodeCase node_case) {
  return node != nullptr && node->node_case == node_case;
}

bool IsDomain(const model::TypeRef& type, const model::Catalog& catalog) {
  return type.is_user_defined() && !type.array && catalog.domains.contains(type.qualified());
}

// Coerces a null constant of type `from` (nullopt: an untyped NULL literal) to `to` as
// coerce_to_target_type (parse_coerce.c) does. Returns the type the constant has
// afterwards, or nullopt when the result is an expression instead.
std::optional<model::TypeRef> CoerceNull(const std::optional<model::TypeRef>& from,
                                         const model::TypeRef& to, const model::Catalog& catalog) {
  if (IsDomain(to, catalog)) return std::nullopt;  // CoerceToDomain
  if (!from.has_value()) {
    // The literal goes through the type's input function with typmod -1, except for a
    // scalar interval, which takes its modifier (coerce_type); any other modifier then
    // needs a length coercion (coerce_type_typmod), arrays element by element.
    if (!HasModifier(to)) return to;
    if (!to.is_user_defined() && !to.array && BaseName(to.name) == "interval") return to;
    return std::nullopt;
  }
  // Another type: a cast function, a RelabelType or a CoerceViaIO, never folded here.
  if (!SameType(*from, to)) return std::nullopt;
  // The same type: a modifier the constant does not have yet needs a length coercion.
  if (!HasModifier(to) || (from->name == to.name && from->typmod == to.typmod)) return from;
  return std::nullopt;
}

}  // namespace

bool IsDiscardedNullDefault(const PgQuery__Node& expr, const model::TypeRef& target,
                            const model::Catalog& catalog) {
  std::vector<const PgQuery__TypeName*> casts;  // outermost first
  const PgQuery__Node* value = &expr;
  // coerce_to_target_type strips a COLLATE on top and finds the null constant under it;
  // one under a cast stays a CollateExpr.
  while (IsNodeOf(value, PG_QUERY__NODE__NODE_COLLATE_CLAUSE)) value = value->collate_clause->arg;
  while (IsNodeOf(value, PG_QUERY__NODE__NODE_TYPE_CAST)) {
    if (value->type_cast->type_name == nullptr) return false;
    casts.push_back(value->type_cast->type_name);
    value = value->type_cast->arg;
  }
  if (!IsNodeOf(value, PG_QUERY__NODE__NODE_A_CONST) || !value->a_const->isnull) return false;
  std::optional<model::TypeRef> type;  // the constant's type so far; nullopt = untyped
  for (auto cast = casts.rbegin(); cast != casts.rend(); ++cast) {
    absl::StatusOr<model::TypeRef> written = ResolveTypeName(**cast, catalog);
    if (!written.ok()) return false;
    std::optional<model::TypeRef> coerced = CoerceNull(type, *written, catalog);
    if (!coerced.has_value()) return false;
    type = std::move(coerced);
  }
  return CoerceNull(type, target, catalog).has_value();
}

}  // namespace pgdrift::parser
