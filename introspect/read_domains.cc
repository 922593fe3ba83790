// Domains: queries/domains.sql and domain_constraints.sql → Catalog::domains.
#include "base/status_macros.h"
#include "introspect/internal/acl.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/domain_constraints.sql.h"
#include "introspect/queries/domains.sql.h"

namespace pgdrift::introspect::internal {

absl::Status ReadDomains(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet domains, RunQuery(ctx, "domains", kDomainsSql));
  for (ResultSet::Row row : domains) {
    model::Domain domain;
    domain.name = {row.Text("schema"), row.Text("name")};
    domain.base_type = TypeRefFromRow(row, "base_type");
    domain.collation = row.Text("collation");
    domain.default_expr = row.Get("default_expr");
    domain.not_null = row.Bool("not_null");
    domain.owner = row.Text("owner");
    domain.comment = row.Text("comment");
    domain.privileges = ParseAcl(row, "acl");
    model::QualifiedName name = domain.name;
    ctx.catalog->domains[name] = std::move(domain);
  }

  PGDRIFT_ASSIGN_OR_RETURN(ResultSet checks,
                           RunQuery(ctx, "domain constraints", kDomainConstraintsSql));
  for (ResultSet::Row row : checks) {
    auto it = ctx.catalog->domains.find({row.Text("domain_schema"), row.Text("domain_name")});
    if (it == ctx.catalog->domains.end()) continue;
    model::DomainCheck check;
    check.name = row.Text("name");
    check.expression = row.Text("expression");
    check.validated = row.Bool("validated");
    it->second.checks[check.name] = std::move(check);
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
