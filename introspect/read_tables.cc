// Tables: queries/tables.sql → Catalog::tables (table-level attributes; columns and
// constraints have their own readers).
#include "base/status_macros.h"
#include "introspect/internal/acl.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/tables.sql.h"

namespace pgdrift::introspect::internal {
namespace {

// pg_class.relreplident.
model::ReplicaIdentity ReplicaIdentityOf(std::string_view code) {
  if (code == "n") return model::ReplicaIdentity::kNothing;
  if (code == "f") return model::ReplicaIdentity::kFull;
  if (code == "i") return model::ReplicaIdentity::kIndex;
  return model::ReplicaIdentity::kDefault;
}

}  // namespace

absl::Status ReadTables(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet rows, RunQuery(ctx, "tables", kTablesSql));
  for (ResultSet::Row row : rows) {
    model::Table table;
    table.name = {row.Text("schema"), row.Text("name")};
    table.unlogged = row.Bool("unlogged");
    table.partition_key = row.Text("partition_key");
    if (!row.IsNull("partition_of_name")) {
      table.partition_of =
          model::QualifiedName{row.Text("partition_of_schema"), row.Text("partition_of_name")};
    }
    table.partition_bound = row.Text("partition_bound");
    std::vector<std::string> parent_schemas = row.TextArray("inherits_schemas");
    std::vector<std::string> parent_names = row.TextArray("inherits_names");
    for (size_t i = 0; i < parent_names.size() && i < parent_schemas.size(); ++i) {
      table.inherits.push_back({parent_schemas[i], parent_names[i]});
    }
    table.rls_enabled = row.Bool("rls_enabled");
    table.rls_forced = row.Bool("rls_forced");
    table.replica_identity = ReplicaIdentityOf(row.Text("replica_identity"));
    if (table.replica_identity == model::ReplicaIdentity::kIndex) {
      table.replica_identity_index = row.Text("replica_identity_index");
    }
    table.options = ParseOptionList(row.TextArray("options"));
    table.access_method = row.Text("access_method");
    table.tablespace = row.Text("tablespace");
    table.owner = row.Text("owner");
    table.comment = row.Text("comment");
    table.privileges = ParseAcl(row, "acl");
    model::QualifiedName name = table.name;
    ctx.catalog->tables[name] = std::move(table);
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
