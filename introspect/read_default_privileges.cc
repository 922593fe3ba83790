// Default privileges: queries/default_privileges.sql → Catalog::default_privileges.
#include "base/status_macros.h"
#include "introspect/internal/acl.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/default_privileges.sql.h"

namespace pgdrift::introspect::internal {

absl::Status ReadDefaultPrivileges(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet rows,
                           RunQuery(ctx, "default privileges", kDefaultPrivilegesSql));
  for (ResultSet::Row row : rows) {
    std::string object_type = row.Text("object_type");
    if (object_type.size() != 1) continue;
    model::DefaultAclKey key{row.Text("role"), row.Text("schema"), object_type[0]};
    ctx.catalog->default_privileges[key] = ParseAcl(row, "acl").value_or(model::Acl{});
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
