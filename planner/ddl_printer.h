// Shared pieces of the DDL emitters: quoted names, type names, option lists, comments,
// owners and statement terminators.
//
// The model stores names unquoted; every emitter quotes through these functions (which use
// base/identifier.h), so one name is printed one way everywhere. Expressions, collations
// and operator classes are already canonical SQL text in the model and are printed as is.
#ifndef PGDRIFT_PLANNER_DDL_PRINTER_H_
#define PGDRIFT_PLANNER_DDL_PRINTER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/object_id.h"
#include "model/type_ref.h"

namespace pgdrift::planner {

// The role a script's objects belong to when nothing says otherwise: the role that runs
// migrations (Supabase and stock PostgreSQL both use "postgres").
inline constexpr std::string_view kDefaultOwner = "postgres";

// Returns `name` as `schema.name`, each part quoted as quote_ident would.
std::string QualifiedSql(const model::QualifiedName& name);

// Returns the type name as SQL (model::TypeRef::ToString: `integer`, `public.mood[]`).
std::string TypeSql(const model::TypeRef& type);

// Returns a possibly qualified object name kept as text in the model (an operator class,
// a collation, a range's support function): text that already holds a double quote is
// printed as is, otherwise each dot-separated part goes through quote_ident rules
// (`extensions.gist_trgm_ops`, `pg_catalog."C"`, `"MyOps"` from `MyOps`).
std::string NameTextSql(std::string_view text);

// Returns the names quoted and joined with ", " (a column list without parentheses).
std::string IdentifierList(const std::vector<std::string>& names);

// Returns one storage parameter value as SQL: numbers and plain words bare, anything else
// as a string literal (`70`, `off`, `'en_US'`).
std::string OptionValueSql(std::string_view value);

// Returns `(key=value, …)` for a reloptions-style map, in key order; "" when empty.
std::string OptionListSql(const std::map<std::string, std::string>& options);

// Returns ` WITH (key=value, …)` (with the leading space), or "" when `options` is empty.
std::string WithClauseSql(const std::map<std::string, std::string>& options);

// Returns `text` followed by the statement terminator `;`.
std::string Statement(std::string_view text);

// Returns `COMMENT ON <target> IS '<text>';`, or `… IS NULL;` when `text` is empty (the
// model's "no comment"). `target` is the printed object, e.g. `TABLE public.t`.
std::string CommentSql(std::string_view target, std::string_view text);

// Returns `ALTER <object_kind> <name_sql> OWNER TO <role>;`, e.g. kind "TABLE".
std::string OwnerSql(std::string_view object_kind, std::string_view name_sql,
                     std::string_view role);

// Whether an owner recorded in the model needs an explicit OWNER TO: set and not the
// role that would own the object anyway.
bool NeedsOwnerSql(std::string_view owner, std::string_view default_owner);

// Returns a DEFAULT expression as CREATE TABLE and CREATE DOMAIN accept it. Their grammar
// takes only a restricted expression there (gram.y b_expr), so an expression with a
// top-level AND, OR, NOT, IS, IN, LIKE, BETWEEN, AT TIME ZONE, COLLATE, ANY / ALL … is
// wrapped in parentheses; anything else is printed as is (`now()`, `'new'::text`).
std::string DefaultExpressionSql(std::string_view expression);

// Returns `expression` wrapped in parentheses unless it already is a function call
// (`lower(email)`), as an index key or exclusion element must be written.
std::string IndexExpressionSql(std::string_view expression);

// Returns `sql` with every `= ANY(ARRAY['a', 'b'])` and `<> ALL(ARRAY['a', 'b'])` whose
// elements are all string literals written as `IN ('a', 'b')` and `NOT IN ('a', 'b')`.
// The canonical form leaves out the casts PostgreSQL added to such literals
// ('a'::order_stage); an ARRAY of bare literals would be text[] and fail to compare with
// an enum column, while an IN list takes its type from the left side. PostgreSQL stores
// both the same way, so the canonical form does not change.
std::string LiteralArraysAsInLists(std::string_view sql);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_DDL_PRINTER_H_
