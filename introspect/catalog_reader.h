// ReadCatalog: a live database → model::Catalog, in the same canonical form that
// replaying the migrations that built it produces, so that the two compare equal field
// by field.
//
// One query per object kind (introspect/queries/*.sql), never one per object, all in the
// Session's read-only snapshot. Expressions from pg_get_expr and pg_get_indexdef go
// through parser/normalize.h, the canonicalizer migration text goes through.
#ifndef PGDRIFT_INTROSPECT_CATALOG_READER_H_
#define PGDRIFT_INTROSPECT_CATALOG_READER_H_

#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "base/diagnostic.h"
#include "introspect/connection.h"
#include "model/catalog.h"

namespace pgdrift::introspect {

struct ReadOptions {
  // Schemas whose contents are out of scope besides the system schemas (pg_catalog,
  // information_schema, pg_toast*, pg_temp*), usually a profile's managed schemas. Each
  // still appears in Catalog::schemas, with managed = true and nothing read inside it.
  std::set<std::string> excluded_schemas;
  // When not empty, only these schemas are read (the others are left out entirely).
  std::set<std::string> schemas;
  // Objects that belong to an extension (pg_depend deptype 'e') are represented by the
  // extension alone unless this is set.
  bool include_extension_objects = false;
  // Receives a warning for each catalog expression the canonicalizer could not handle
  // (the catalog's own text is kept then). May be null.
  DiagnosticSink* warnings = nullptr;
};

// Reads every in-scope schema, extension, type, domain, sequence, table (columns,
// constraints) and index, plus the cluster's roles. Needs PostgreSQL 15 or later
// (kFailedPrecondition otherwise). Query errors are returned with the kind being read
// as context ("reading tables: …"). The returned catalog's search_path is the default
// one, ready for replaying migrations on top of it.
[[nodiscard]] absl::StatusOr<model::Catalog> ReadCatalog(Session& session,
                                                         const ReadOptions& options);

}  // namespace pgdrift::introspect

#endif  // PGDRIFT_INTROSPECT_CATALOG_READER_H_
