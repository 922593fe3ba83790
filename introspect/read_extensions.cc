// Extensions: queries/extensions.sql → Catalog::extensions.
#include "base/status_macros.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/extensions.sql.h"

namespace pgdrift::introspect::internal {

absl::Status ReadExtensions(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet rows, RunQuery(ctx, "extensions", kExtensionsSql));
  for (ResultSet::Row row : rows) {
    model::Extension extension;
    extension.name = row.Text("name");
    extension.schema = row.Text("schema");
    extension.version = row.Text("version");
    extension.comment = row.Text("comment");
    ctx.catalog->extensions[extension.name] = std::move(extension);
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
