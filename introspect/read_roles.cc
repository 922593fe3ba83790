// Roles: queries/roles.sql → Catalog::roles and Catalog::current_user.
#include "base/status_macros.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/roles.sql.h"

namespace pgdrift::introspect::internal {

absl::Status ReadRoles(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet rows, RunQuery(ctx, "roles", kRolesSql));
  for (ResultSet::Row row : rows) {
    ctx.catalog->roles.insert(row.Text("name"));
    if (row.Bool("is_current")) ctx.catalog->current_user = row.Text("name");
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
