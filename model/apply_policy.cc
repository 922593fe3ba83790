// Applies CREATE POLICY, ALTER POLICY and DROP POLICY with the checks and messages of
// commands/policy.c (CreatePolicy, AlterPolicy, RemovePolicyById via dropcmds.c): roles
// must exist, the relation must be a table (RangeVarCallbackForPolicy), policy names are
// unique per table, and ALTER keeps the clauses the command allows.
#include <algorithm>

#include "absl/status/statusor.h"
#include "base/strings.h"
#include "model/internal/apply_context.h"
#include "model/internal/namespaces.h"

namespace pgdrift::model::internal {
namespace {

// policy_role_list_to_array (policy.c): every named role must exist.
absl::Status CheckRoles(const std::vector<std::string>& roles, ApplyContext& ctx) {
  for (const std::string& role : roles) {
    if (role != "public" && !ctx.catalog->RoleExists(role)) {
      return ctx.Error(absl::StatusCode::kNotFound, StrCat("role \"", role, "\" does not exist"));
    }
  }
  return absl::OkStatus();
}

// The table a policy statement names (RangeVarCallbackForPolicy: only tables and
// partitioned tables hold policies).
absl::StatusOr<Table*> PolicyTable(const QualifiedName& written, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = catalog.SearchPath(
      written, [&catalog](const QualifiedName& n) { return RelationNameTaken(catalog, n); });
  if (!name.has_value()) {
    return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, written));
  }
  Table* table = catalog.FindTable(*name);
  if (table == nullptr) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", name->name, "\" is not a table"));
  }
  return table;
}

std::string Missing(const std::string& policy, const Table& table) {
  return StrCat("policy \"", policy, "\" for table \"", table.name.name, "\" does not exist");
}

}  // namespace

absl::Status ApplyCreatePolicy(const CreatePolicy& m, ApplyContext& ctx) {
  absl::Status roles = CheckRoles(m.policy.roles, ctx);
  if (!roles.ok()) return roles;
  absl::StatusOr<Table*> table = PolicyTable(m.table, ctx);
  if (!table.ok()) return table.status();
  if ((*table)->policies.contains(m.policy.name)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("policy \"", m.policy.name, "\" for table \"", (*table)->name.name,
                            "\" already exists"));
  }
  Policy policy = m.policy;
  policy.lineage = Lineage::At(ctx.span());
  (*table)->policies[policy.name] = std::move(policy);
  return absl::OkStatus();
}

absl::Status ApplyAlterPolicy(const AlterPolicy& m, ApplyContext& ctx) {
  if (m.roles.has_value()) {
    absl::Status roles = CheckRoles(*m.roles, ctx);
    if (!roles.ok()) return roles;
  }
  absl::StatusOr<Table*> table = PolicyTable(m.table, ctx);
  if (!table.ok()) return table.status();
  auto it = (*table)->policies.find(m.name);
  if (it == (*table)->policies.end()) {
    return ctx.Error(absl::StatusCode::kNotFound, Missing(m.name, **table));
  }
  Policy& policy = it->second;
  // AlterPolicy (policy.c) checks the new clauses against the policy's command.
  if ((policy.command == "SELECT" || policy.command == "DELETE") && m.check_expr.has_value()) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     "only USING expression allowed for SELECT, DELETE");
  }
  if (policy.command == "INSERT" && m.using_expr.has_value()) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     "only WITH CHECK expression allowed for INSERT");
  }
  if (m.roles.has_value()) policy.roles = *m.roles;
  if (m.using_expr.has_value()) policy.using_expr = *m.using_expr;
  if (m.check_expr.has_value()) policy.check_expr = *m.check_expr;
  if (m.depends_on.has_value()) policy.depends_on = *m.depends_on;
  policy.lineage.Touch(ctx.span());
  return absl::OkStatus();
}

absl::Status DropPolicy(const DropRelationChild& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  // get_object_address_relobject (objectaddress.c): a missing relation or schema is
  // reported as such; under IF EXISTS everything missing is a notice.
  std::optional<QualifiedName> name = catalog.SearchPath(
      m.relation, [&catalog](const QualifiedName& n) { return RelationNameTaken(catalog, n); });
  if (!name.has_value()) {
    std::string message = MissingRelationMessage(catalog, m.relation);
    if (m.if_exists) {
      ctx.Notice(message + ", skipping");
      return absl::OkStatus();
    }
    return ctx.Error(absl::StatusCode::kNotFound, message);
  }
  Table* table = catalog.FindTable(*name);
  if (table == nullptr || !table->policies.contains(m.name)) {
    if (m.if_exists) {
      ctx.Notice(StrCat("policy \"", m.name, "\" for relation \"", name->name,
                        "\" does not exist, skipping"));
      return absl::OkStatus();
    }
    if (table == nullptr) {
      return ctx.Error(absl::StatusCode::kNotFound,
                       StrCat("policy \"", m.name, "\" for table \"", name->name,
                              "\" does not exist"));
    }
    return ctx.Error(absl::StatusCode::kNotFound, Missing(m.name, *table));
  }
  // Nothing depends on a policy, so RESTRICT and CASCADE drop the same.
  table->policies.erase(m.name);
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
