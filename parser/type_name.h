// Canonical type names: a parsed TypeName → model::TypeRef, spelled as format_type()
// prints it with an empty search_path (`int4` → `integer`, `varchar(20)` →
// `character varying(20)`, `timestamptz(3)` → `timestamp(3) with time zone`), user
// types resolved through the catalog's search_path to their schema.
#ifndef PGDRIFT_PARSER_TYPE_NAME_H_
#define PGDRIFT_PARSER_TYPE_NAME_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "model/catalog.h"
#include "model/mutation.h"
#include "model/type_ref.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser {

// Resolves `type_name`. `serial` (may be null) receives the serial kind when the name
// is serial/bigserial/smallserial (then the returned type is the integer type); without
// `serial` those names are an error. An unknown unqualified or user type is kNotFound
// ("type \"x\" does not exist").
[[nodiscard]] absl::StatusOr<model::TypeRef> ResolveTypeName(const PgQuery__TypeName& type_name,
                                                             const model::Catalog& catalog,
                                                             model::SerialKind* serial = nullptr);

// The canonical spelling of built-in type `name` (as written or as the grammar mapped
// it, e.g. "int4", "varchar", "timestamptz", "double precision") with typmod text
// `typmods` ("" or e.g. "20", "10,2", "3"); "" when `name` is not a built-in type or
// the modifiers are not valid for it. For `interval` the modifiers are the grammar's
// integers "range mask[,precision]" (as a TypeName node holds them). "char" is the
// internal one-byte type (`"char"`), as in a TypeName node; "character" is SQL's CHAR.
std::string CanonicalBuiltinType(std::string_view name, std::string_view typmods);

// The canonical text of a COLLATE clause's name list, as the model stores collations:
// qualified and quoted (`pg_catalog."C"`, `public.german`); unqualified names are
// pg_catalog's. Returns "" for "default" (the type's own collation).
std::string CanonicalCollation(PgQuery__Node* const* names, size_t count);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_TYPE_NAME_H_
