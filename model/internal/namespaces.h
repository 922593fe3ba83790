// Name lookups shared by the apply_<kind>.cc files: which names are taken in a schema's
// relation and type namespaces, and whether an object is visible through search_path
// (namespace.c RelationIsVisible / TypeIsVisible), which decides whether PostgreSQL's
// messages print it schema-qualified (format_type_be, getObjectDescription).
//
// PostgreSQL gives every table a row type of the same name (pg_type.typrelid) and every
// composite type a pg_class entry (relkind 'c'), so both namespaces see both kinds.
#ifndef PGDRIFT_MODEL_INTERNAL_NAMESPACES_H_
#define PGDRIFT_MODEL_INTERNAL_NAMESPACES_H_

#include <optional>
#include <string>

#include "model/catalog.h"

namespace pgdrift::model::internal {

// Whether `name` (schema required) is a composite type created with CREATE TYPE … AS.
bool IsCompositeType(const Catalog& catalog, const QualifiedName& name);

// Whether a relation (table, sequence, index, composite type) called `name` exists.
bool RelationNameTaken(const Catalog& catalog, const QualifiedName& name);

// Whether pg_type has an entry called `name`: a user type, a domain, a table's row type
// or the multirange type of a range type.
bool TypeNameTaken(const Catalog& catalog, const QualifiedName& name);

// The range type whose multirange type is called `name`, if any.
const UserType* RangeOfMultirange(const Catalog& catalog, const QualifiedName& name);

// The name PostgreSQL gives the multirange type of range type `range_name`
// (pg_type.c makeMultirangeTypeName: the first "range" becomes "multirange", otherwise
// "_multirange" is appended to the name's first 52 bytes; clipped to 63 bytes).
std::string MultirangeTypeName(const std::string& range_name);

// Resolves a possibly unqualified type name through search_path against every pg_type
// entry (TypeNameTaken), table row types included.
std::optional<QualifiedName> ResolveAnyType(const Catalog& catalog, const QualifiedName& name);

// Whether an unqualified lookup of `name.name` through search_path finds `name` first.
bool RelationIsVisible(const Catalog& catalog, const QualifiedName& name);
bool TypeIsVisible(const Catalog& catalog, const QualifiedName& name);

// format_type_be of a user type: its name, schema-qualified only when not visible.
std::string FormatTypeName(const Catalog& catalog, const QualifiedName& name);

// The relation name the way getRelationDescription prints it: qualified only when not
// visible, each part quoted as quote_identifier does.
std::string RelationDisplayName(const Catalog& catalog, const QualifiedName& name);

// The error of a failed relation lookup (namespace.c RangeVarGetRelidExtended):
// `schema "s" does not exist` when the written schema is missing, else
// `relation "s.t" does not exist`.
std::string MissingRelationMessage(const Catalog& catalog, const QualifiedName& written);

// The same for a type lookup (parse_type.c LookupTypeName): `schema "s" does not exist`
// or `type "s.t" does not exist`.
std::string MissingTypeMessage(const Catalog& catalog, const QualifiedName& written);

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_NAMESPACES_H_
