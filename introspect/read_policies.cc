// Policies: queries/policies.sql → Table::policies. A policy on a table outside the read
// scope (a platform's managed table such as storage.objects, whose schema is excluded)
// gets a managed stand-in table holding only its policies, so that the policies users
// add there are compared.
#include <algorithm>

#include "base/status_macros.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/policies.sql.h"

namespace pgdrift::introspect::internal {

absl::Status ReadPolicies(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet rows, RunQuery(ctx, "policies", kPoliciesSql));
  for (ResultSet::Row row : rows) {
    model::QualifiedName table_name{row.Text("table_schema"), row.Text("table_name")};
    model::Table* table = TableOrManagedStandIn(ctx, table_name);
    if (table == nullptr) continue;
    model::Policy policy;
    policy.name = row.Text("name");
    policy.permissive = row.Bool("permissive");
    policy.command = row.Text("command");
    policy.roles = row.TextArray("roles");
    policy.using_expr = row.Text("using_expr");
    policy.check_expr = row.Text("check_expr");
    std::vector<std::string> kinds = row.TextArray("depends_on_kinds");
    std::vector<std::string> schemas = row.TextArray("depends_on_schemas");
    std::vector<std::string> names = row.TextArray("depends_on_names");
    std::vector<std::string> args = row.TextArray("depends_on_args");
    for (size_t i = 0; i < kinds.size() && i < schemas.size() && i < names.size() && i < args.size();
         ++i) {
      std::optional<model::ObjectKind> kind = model::KindFromName(kinds[i]);
      if (!kind.has_value()) continue;
      policy.depends_on.push_back({*kind, schemas[i], names[i], "", args[i]});
    }
    std::sort(policy.depends_on.begin(), policy.depends_on.end());
    policy.comment = row.Text("comment");
    std::string name = policy.name;
    table->policies[name] = std::move(policy);
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
