// CREATE DOMAIN and ALTER DOMAIN (typecmds.c DefineDomain, AlterDomainDefault,
// AlterDomainNotNull, AlterDomainAddConstraint, AlterDomainDropConstraint,
// AlterDomainValidateConstraint). Unnamed CHECK constraints are named by
// ChooseConstraintName(domain, NULL, "check"), unique across the schema's constraints.
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "model/implicit_names.h"
#include "model/internal/apply_context.h"
#include "model/internal/default_privileges.h"
#include "model/internal/namespaces.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

std::vector<std::string> CheckNames(const Domain& domain) {
  std::vector<std::string> names;
  for (const auto& [name, check] : domain.checks) names.push_back(name);
  return names;
}

// Adds CHECK constraint `def` to `domain` (domainAddConstraint): an explicit name must be
// free on the domain; an implicit one is <domain>_check with a suffix when taken.
absl::Status AddCheck(const ConstraintDef& def, Domain& domain, ApplyContext& ctx) {
  std::string name = def.constraint.name;
  if (name.empty()) {
    name = ChooseConstraintName(*ctx.catalog, domain.name.schema, domain.name.name, "", "check",
                                CheckNames(domain));
  } else if (domain.checks.contains(name)) {
    return ctx.Error(
        absl::StatusCode::kAlreadyExists,
        StrCat("constraint \"", name, "\" for domain \"", domain.name.name, "\" already exists"));
  }
  domain.checks[name] = DomainCheck{name, def.constraint.expression, def.constraint.validated};
  return absl::OkStatus();
}

std::string NoSuchConstraint(const std::string& constraint, const QualifiedName& written) {
  return StrCat("constraint \"", constraint, "\" of domain \"", WrittenName(written),
                "\" does not exist");
}

}  // namespace

absl::Status ApplyCreateDomain(const CreateDomain& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  Domain domain = m.domain;
  domain.name = catalog.ForCreation(m.domain.name);
  if (domain.name.schema.empty()) {
    return ctx.Error(absl::StatusCode::kNotFound, "no schema has been selected to create in");
  }
  if (!catalog.schemas.contains(domain.name.schema)) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("schema \"", domain.name.schema, "\" does not exist"));
  }
  if (TypeNameTaken(catalog, domain.name)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("type \"", domain.name.name, "\" already exists"));
  }
  for (const ConstraintDef& def : m.checks) {
    PGDRIFT_RETURN_IF_ERROR(AddCheck(def, domain, ctx));
  }
  if (domain.owner.empty()) domain.owner = catalog.current_user;
  // typacl from ALTER DEFAULT PRIVILEGES (TypeCreate: get_user_default_acl).
  domain.privileges =
      NewObjectAcl(catalog, AclObjectKind::kType, domain.owner, domain.name.schema);
  domain.lineage = Lineage::At(ctx.span());
  QualifiedName key = domain.name;
  catalog.domains.emplace(std::move(key), std::move(domain));
  return absl::OkStatus();
}

absl::Status ApplyAlterDomain(const AlterDomain& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = ResolveAnyType(catalog, m.domain);
  if (!name.has_value()) {
    return ctx.Error(absl::StatusCode::kNotFound, MissingTypeMessage(catalog, m.domain));
  }
  auto it = catalog.domains.find(*name);
  if (it == catalog.domains.end()) {
    // typecmds.c checkDomainOwner.
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat(FormatTypeName(catalog, *name), " is not a domain"));
  }
  Domain domain = it->second;
  if (m.set_default.has_value()) domain.default_expr = *m.set_default;
  if (m.not_null.has_value()) domain.not_null = *m.not_null;
  if (m.add_check.has_value()) PGDRIFT_RETURN_IF_ERROR(AddCheck(*m.add_check, domain, ctx));
  if (m.drop_constraint.has_value()) {
    if (domain.checks.erase(*m.drop_constraint) == 0) {
      if (!m.drop_if_exists) {
        return ctx.Error(absl::StatusCode::kNotFound,
                         NoSuchConstraint(*m.drop_constraint, m.domain));
      }
      ctx.Notice(NoSuchConstraint(*m.drop_constraint, m.domain) + ", skipping");
    }
  }
  if (m.validate_constraint.has_value()) {
    auto check = domain.checks.find(*m.validate_constraint);
    if (check == domain.checks.end()) {
      return ctx.Error(absl::StatusCode::kNotFound,
                       NoSuchConstraint(*m.validate_constraint, m.domain));
    }
    check->second.validated = true;
  }
  if (m.owner.has_value()) domain.owner = *m.owner;
  domain.lineage.Touch(ctx.span());
  it->second = std::move(domain);
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
