// rls-disabled: a table in a schema the API serves (ExposedSchemas) without row level
// security (pg_class.relrowsecurity false). PostgREST runs every request as anon or
// authenticated, so such a table is readable and writable by any client, as far as the
// table's grants allow (Supabase grants everything in public to both roles by default).
#include <set>
#include <string>

#include "base/strings.h"
#include "lint/rules.h"
#include "lint/scope.h"

namespace pgdrift::lint {

std::vector<Finding> CheckRlsDisabled(const LintInput& input) {
  std::vector<Finding> findings;
  std::set<std::string> exposed = ExposedSchemas(input);
  for (const auto& [name, table] : input.catalog->tables) {
    if (table.rls_enabled || !exposed.contains(name.schema) || !InScope(*input.catalog, table)) {
      continue;
    }
    Finding finding;
    finding.span = table.lineage.created;
    finding.object = model::ObjectId::Of(model::ObjectKind::kTable, name).ToString();
    finding.message = StrCat("row level security is not enabled on ", finding.object,
                             " in exposed schema \"", name.schema, "\"");
    finding.why = StrCat("every API client can read and change all its rows; add ALTER TABLE ",
                         name.ToString(), " ENABLE ROW LEVEL SECURITY and policies");
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace pgdrift::lint
