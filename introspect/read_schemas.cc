// Schemas: queries/schemas.sql → Catalog::schemas.
#include "base/status_macros.h"
#include "introspect/internal/acl.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/schemas.sql.h"

namespace pgdrift::introspect::internal {

absl::Status ReadSchemas(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet rows, RunQuery(ctx, "schemas", kSchemasSql));
  for (ResultSet::Row row : rows) {
    model::Schema schema;
    schema.name = row.Text("name");
    schema.owner = row.Text("owner");
    schema.comment = row.Text("comment");
    schema.privileges = ParseAcl(row, "acl");
    // An excluded schema exists, but what it holds is the platform's, not the user's.
    schema.managed = row.Bool("excluded");
    schema.contents_managed = schema.managed;
    ctx.catalog->schemas[schema.name] = std::move(schema);
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
