// rls-no-policy: row level security is enabled (pg_class.relrowsecurity) but the table
// has no policy (pg_policy). PostgreSQL then applies a default-deny policy: no row is
// visible or writable, except to the table owner (unless FORCE ROW LEVEL SECURITY) and
// roles with BYPASSRLS (doc: ddl-rowsecurity). Often intended for service-only tables,
// often a forgotten CREATE POLICY.
#include <set>
#include <string>

#include "base/strings.h"
#include "lint/rules.h"
#include "lint/scope.h"

namespace pgdrift::lint {

std::vector<Finding> CheckRlsNoPolicy(const LintInput& input) {
  std::vector<Finding> findings;
  for (const auto& [name, table] : input.catalog->tables) {
    if (!table.rls_enabled || !table.policies.empty() || !InScope(*input.catalog, table)) {
      continue;
    }
    Finding finding;
    finding.span = table.lineage.created;
    finding.object = model::ObjectId::Of(model::ObjectKind::kTable, name).ToString();
    finding.message =
        StrCat("row level security is enabled on ", finding.object, " but it has no policy");
    finding.why =
        "every row is denied to everyone but the owner and roles with BYPASSRLS; add a policy, "
        "or keep it so on purpose for service-only tables";
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace pgdrift::lint
