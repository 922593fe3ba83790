#include "introspect/catalog_reader.h"

#include "base/status_macros.h"
#include "base/strings.h"
#include "introspect/internal/readers.h"

namespace pgdrift::introspect {

absl::StatusOr<model::Catalog> ReadCatalog(Session& session, const ReadOptions& options) {
  // The queries use pg_index.indnullsnotdistinct and pg_constraint.confdelsetcols.
  if (session.server_version() < 150000) {
    return absl::FailedPreconditionError(
        StrCat("reading the catalog needs PostgreSQL 15 or later; ", session.description(),
               " runs server_version_num ", session.server_version()));
  }
  // The queries take their scope from these settings (see introspect/queries/*.sql), so
  // that each file also runs as is in psql.
  PGDRIFT_RETURN_IF_ERROR(session.SetLocal("pgdrift.excluded_schemas",
                                           internal::TextArrayLiteral(options.excluded_schemas)));
  PGDRIFT_RETURN_IF_ERROR(
      session.SetLocal("pgdrift.schemas", internal::TextArrayLiteral(options.schemas)));
  PGDRIFT_RETURN_IF_ERROR(session.SetLocal("pgdrift.include_extension_objects",
                                           options.include_extension_objects ? "on" : "off"));

  model::Catalog catalog;
  internal::ReadContext ctx{&session, &catalog, &options};
  // Order matters only for what a step looks up: columns and constraints need their
  // tables, the index-backed constraint details need the indexes.
  PGDRIFT_RETURN_IF_ERROR(internal::ReadRoles(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadSchemas(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadExtensions(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadTypes(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadDomains(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadSequences(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadTables(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadColumns(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadConstraints(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadIndexes(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadRoutines(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadViews(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadPolicies(ctx));
  PGDRIFT_RETURN_IF_ERROR(internal::ReadDefaultPrivileges(ctx));
  // Triggers canonicalize their WHEN text themselves, with the columns and views read.
  PGDRIFT_RETURN_IF_ERROR(internal::ReadTriggers(ctx));
  internal::CanonicalizeExpressions(ctx);
  internal::CompleteIndexBackedConstraints(&catalog);
  return catalog;
}

}  // namespace pgdrift::introspect
