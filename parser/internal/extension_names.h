// Names that well-known extensions provide (operator classes, functions) and the
// extension each belongs to. PostgreSQL prints such names qualified with the extension's
// schema once search_path is empty (pg_get_indexdef, pg_get_expr), so an unqualified
// one written in a migration is qualified the same way when the catalog has the
// extension. Objects of extensions are not modelled one by one; this list stands in.
#ifndef PGDRIFT_PARSER_INTERNAL_EXTENSION_NAMES_H_
#define PGDRIFT_PARSER_INTERNAL_EXTENSION_NAMES_H_

#include <string>

#include "model/catalog.h"

namespace pgdrift::parser::internal {

// The schema of the extension that provides operator class `opclass` (pg_trgm's
// gin_trgm_ops, btree_gist's gist_*_ops, …) when the catalog has that extension; ""
// otherwise.
std::string ExtensionOpclassSchema(const std::string& opclass, const model::Catalog& catalog);

// The schema of the extension that provides function `function` (uuid-ossp's
// uuid_generate_v4, pgcrypto's crypt, pg_trgm's similarity, …) when the catalog has that
// extension; "" otherwise (and for names pg_catalog has too, such as gen_random_uuid).
std::string ExtensionFunctionSchema(const std::string& function, const model::Catalog& catalog);

}  // namespace pgdrift::parser::internal

#endif  // PGDRIFT_PARSER_INTERNAL_EXTENSION_NAMES_H_
