// Columns: queries/columns.sql → Table::columns, in attnum order.
#include "base/status_macros.h"
#include "introspect/internal/acl.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/columns.sql.h"

namespace pgdrift::introspect::internal {
namespace {

// pg_attribute.attidentity.
model::IdentityKind IdentityOf(std::string_view code) {
  if (code == "a") return model::IdentityKind::kAlways;
  if (code == "d") return model::IdentityKind::kByDefault;
  return model::IdentityKind::kNone;
}

}  // namespace

absl::Status ReadColumns(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet rows, RunQuery(ctx, "columns", kColumnsSql));
  for (ResultSet::Row row : rows) {
    model::Table* table =
        ctx.catalog->FindTable({row.Text("table_schema"), row.Text("table_name")});
    if (table == nullptr) continue;  // both queries read one snapshot
    model::Column column;
    column.name = row.Text("name");
    column.type = TypeRefFromRow(row, "type");
    column.collation = row.Text("collation");
    column.not_null = row.Bool("not_null");
    column.default_expr = row.Get("default_expr");
    column.identity = IdentityOf(row.Text("identity"));
    column.generated_expr = row.Get("generated_expr");
    column.statistics_target = static_cast<int>(row.Int("statistics_target", -1));
    column.storage = row.Text("storage");
    column.compression = row.Text("compression");
    column.options = ParseOptionList(row.TextArray("options"));
    column.inherit_count = static_cast<int>(row.Int("inherit_count"));
    column.is_local = row.Bool("is_local");
    column.comment = row.Text("comment");
    column.privileges = ParseAcl(row, "acl");
    table->columns.push_back(std::move(column));
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
