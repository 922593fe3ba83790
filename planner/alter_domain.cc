// Migration SQL for domains: ALTER DOMAIN for the default, NOT NULL and CHECK constraints
// (NOT VALID then VALIDATE when the migration is online); a change of base type or
// collation recreates the domain (ALTER DOMAIN cannot change either).
#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/domain_ddl.h"
#include "planner/internal/other_kinds_sql.h"
#include "planner/internal/table_family_sql.h"

namespace pgdrift::planner::internal {
namespace {

SharedAttributes DomainShared(const model::Domain& from, const model::Domain& to) {
  SharedAttributes shared;
  shared.acl_target = StrCat("DOMAIN ", QualifiedSql(to.name));
  shared.acl_kind = model::AclObjectKind::kType;
  shared.from_acl = &from.privileges;
  shared.to_acl = &to.privileges;
  shared.from_owner = from.owner;
  shared.to_owner = to.owner;
  shared.owner_sql = DomainOwnerSql(to);
  shared.comment_sql = DomainCommentSql(to);
  return shared;
}

// DROP / ADD / VALIDATE CONSTRAINT turning `from`'s checks into `to`'s. A check whose
// expression changes is dropped and added again; one that becomes NOT VALID too (there is
// no way back from validated). Adding a validated check scans every column of the domain.
std::vector<PlannedStatement> CheckChanges(const model::Domain& from, const model::Domain& to,
                                           const ObjectSqlContext& ctx) {
  std::vector<PlannedStatement> drops;
  std::vector<PlannedStatement> adds;
  std::string prefix = StrCat("ALTER DOMAIN ", QualifiedSql(to.name), " ");
  for (const auto& [name, check] : from.checks) {
    auto it = to.checks.find(name);
    bool keep = it != to.checks.end() && it->second.expression == check.expression &&
                (it->second.validated || !check.validated);
    if (!keep) {
      drops.push_back(
          MakeStatement(Statement(StrCat(prefix, "DROP CONSTRAINT ", QuoteIdent(name)))));
    }
  }
  for (const auto& [name, check] : to.checks) {
    auto it = from.checks.find(name);
    bool kept = it != from.checks.end() && it->second.expression == check.expression &&
                (check.validated || !it->second.validated);
    std::string validate = Statement(StrCat(prefix, "VALIDATE CONSTRAINT ", QuoteIdent(name)));
    if (kept) {
      if (check.validated && !it->second.validated) {
        adds.push_back(MakeStatement(validate, {Hazard::kLongRunning}));
      }
      continue;
    }
    if (check.validated && ctx.options.online) {
      model::DomainCheck not_valid = check;
      not_valid.validated = false;
      adds.push_back(MakeStatement(AddDomainCheckSql(to, not_valid)));
      adds.push_back(MakeStatement(validate, {Hazard::kLongRunning}));
    } else {
      adds.push_back(MakeStatement(
          AddDomainCheckSql(to, check),
          check.validated ? std::set<Hazard>{Hazard::kLongRunning} : std::set<Hazard>{}));
    }
  }
  AppendStatements(&drops, std::move(adds));
  return drops;
}

}  // namespace

std::vector<PlannedStatement> CreateDomainStatements(const model::Domain& domain,
                                                     const ObjectSqlContext& ctx) {
  std::vector<std::string> create = CreateDomainSql(domain);
  std::vector<PlannedStatement> statements;
  if (ctx.options.idempotent) {
    statements.push_back(
        MakeStatement(GuardedTypeCreateSql(domain.name, StrJoin(create, "\n    "))));
  } else {
    for (std::string& sql : create) statements.push_back(MakeStatement(std::move(sql)));
  }
  AppendStatements(&statements, CreatedSharedAttributes(DomainShared(domain, domain),
                                                        domain.name.schema, domain.comment, ctx));
  return statements;
}

std::vector<PlannedStatement> DropDomainStatements(const model::Domain& domain,
                                                   const ObjectSqlContext& ctx) {
  std::string sql = DropDomainSql(domain);
  if (ctx.options.idempotent) sql = InsertAfter(sql, "DOMAIN ", "IF EXISTS ");
  return {MakeStatement(sql, {Hazard::kIrreversible})};
}

AlterOutcome AlterDomainStatements(const diff::ObjectDrift& drift, const model::Domain& from,
                                   const model::Domain& to, const ObjectSqlContext& ctx) {
  AlterOutcome outcome;
  if (Changes(drift, "base_type") || Changes(drift, "collation")) {
    outcome.recreate = true;
    return outcome;
  }
  std::set<std::string> handled = {"default", "not_null", "checks"};
  std::string prefix = StrCat("ALTER DOMAIN ", QualifiedSql(to.name), " ");
  if (Changes(drift, "default")) {
    outcome.statements.push_back(MakeStatement(
        Statement(to.default_expr.has_value() ? StrCat(prefix, "SET DEFAULT ", *to.default_expr)
                                              : StrCat(prefix, "DROP DEFAULT"))));
  }
  if (Changes(drift, "checks")) AppendStatements(&outcome.statements, CheckChanges(from, to, ctx));
  if (Changes(drift, "not_null")) {
    // SET NOT NULL checks every column of the domain (AlterDomainNotNull in typecmds.c).
    outcome.statements.push_back(
        to.not_null
            ? MakeStatement(Statement(StrCat(prefix, "SET NOT NULL")), {Hazard::kLongRunning})
            : MakeStatement(Statement(StrCat(prefix, "DROP NOT NULL"))));
  }
  AlterSharedAttributes(drift, DomainShared(from, to), ctx, &outcome, &handled);
  ReportUnhandled(drift, handled, &outcome);
  return outcome;
}

}  // namespace pgdrift::planner::internal
