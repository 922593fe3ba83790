// Steps for PlanMigration of every kind outside the table family: the dispatch of
// CreateOtherKindSql / DropOtherKindSql / AlterOtherKindSql to the kind's own file
// (alter_schema.cc, alter_type.cc, alter_domain.cc, alter_routine.cc, alter_trigger.cc,
// alter_policy.cc, alter_view.cc) and the helpers of planner/internal/other_kinds_sql.h.
#include <algorithm>

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/internal/acl_change.h"
#include "planner/internal/object_sql.h"
#include "planner/internal/other_kinds_sql.h"
#include "planner/internal/table_family_sql.h"

namespace pgdrift::planner::internal {
namespace {

using model::ObjectKind;

const model::Trigger* FindTrigger(const model::Catalog& catalog, const model::ObjectId& id) {
  model::QualifiedName relation = id.qualified();
  if (const model::Table* table = catalog.FindTable(relation)) {
    auto it = table->triggers.find(id.name);
    return it == table->triggers.end() ? nullptr : &it->second;
  }
  auto view = catalog.views.find(relation);
  if (view == catalog.views.end()) return nullptr;
  auto it = view->second.triggers.find(id.name);
  return it == view->second.triggers.end() ? nullptr : &it->second;
}

const model::Policy* FindPolicy(const model::Catalog& catalog, const model::ObjectId& id) {
  const model::Table* table = catalog.FindTable(id.qualified());
  if (table == nullptr) return nullptr;
  auto it = table->policies.find(id.name);
  return it == table->policies.end() ? nullptr : &it->second;
}

template <typename Map, typename Key>
const typename Map::mapped_type* Find(const Map& map, const Key& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

model::RoutineKey RoutineKeyOf(const model::ObjectId& id) {
  return {{id.schema, id.name}, id.args};
}

AlterOutcome Missing(const diff::ObjectDrift& drift) {
  AlterOutcome outcome;
  outcome.unsupported.push_back(StrCat(drift.id.ToString(), ": not found in both catalogs"));
  return outcome;
}

AlterOutcome Unsupported(const diff::ObjectDrift& drift) {
  AlterOutcome outcome;
  for (const diff::AttributeChange& change : drift.changes) {
    outcome.unsupported.push_back(StrCat(drift.id.ToString(), ": ", change.attribute));
  }
  return outcome;
}

}  // namespace

void AppendStatements(std::vector<PlannedStatement>* out, std::vector<PlannedStatement> more) {
  for (PlannedStatement& statement : more) out->push_back(std::move(statement));
}

void AlterSharedAttributes(const diff::ObjectDrift& drift, const SharedAttributes& shared,
                           const ObjectSqlContext& ctx, AlterOutcome* outcome,
                           std::set<std::string>* handled) {
  bool owner_changes = ctx.options.compare_owners && Changes(drift, "owner");
  if (owner_changes) outcome->statements.push_back(MakeStatement(shared.owner_sql));
  if (Changes(drift, "comment")) outcome->statements.push_back(MakeStatement(shared.comment_sql));
  if (Changes(drift, "privileges") || owner_changes) {
    AppendStatements(
        &outcome->statements,
        AclChangeSql(shared.acl_target, shared.acl_kind, *shared.from_acl, shared.from_owner,
                     *shared.to_acl, shared.to_owner, ctx.options.compare_owners));
  }
  handled->insert("owner");
  handled->insert("comment");
  handled->insert("privileges");
}

void ReportUnhandled(const diff::ObjectDrift& drift, const std::set<std::string>& handled,
                     AlterOutcome* outcome) {
  if (outcome->recreate) return;
  for (const diff::AttributeChange& change : drift.changes) {
    if (!handled.contains(change.attribute)) {
      outcome->unsupported.push_back(StrCat(drift.id.ToString(), ": ", change.attribute));
    }
  }
}

std::vector<PlannedStatement> CreatedSharedAttributes(const SharedAttributes& shared,
                                                      const std::string& schema,
                                                      const std::string& comment,
                                                      const ObjectSqlContext& ctx) {
  std::vector<PlannedStatement> statements;
  if (ctx.options.compare_owners && NeedsOwnerSql(shared.to_owner, kDefaultOwner)) {
    statements.push_back(MakeStatement(shared.owner_sql));
  }
  if (!comment.empty()) statements.push_back(MakeStatement(shared.comment_sql));
  AppendStatements(&statements, CreatedAclStatements(shared.acl_target, shared.acl_kind, schema,
                                                     *shared.to_acl, shared.to_owner, ctx));
  return statements;
}

std::string GuardedTypeCreateSql(const model::QualifiedName& name, std::string_view create) {
  return StrCat(
      "DO $pgdrift$\nBEGIN\n  IF NOT EXISTS (SELECT FROM pg_catalog.pg_type t JOIN "
      "pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ",
      QuoteLiteral(name.schema), " AND t.typname = ", QuoteLiteral(name.name), ") THEN\n    ",
      create, "\n  END IF;\nEND\n$pgdrift$;");
}

std::vector<PlannedStatement> CreateOtherKindSql(const model::ObjectId& id,
                                                 const ObjectSqlContext& ctx) {
  const model::Catalog& target = ctx.target;
  switch (id.kind) {
    case ObjectKind::kSchema:
      if (const auto* schema = Find(target.schemas, id.name))
        return CreateSchemaStatements(*schema, ctx);
      break;
    case ObjectKind::kExtension:
      if (const auto* extension = Find(target.extensions, id.name)) {
        return CreateExtensionStatements(*extension, ctx);
      }
      break;
    case ObjectKind::kType:
      if (const auto* type = Find(target.types, id.qualified()))
        return CreateTypeStatements(*type, ctx);
      break;
    case ObjectKind::kDomain:
      if (const auto* domain = Find(target.domains, id.qualified())) {
        return CreateDomainStatements(*domain, ctx);
      }
      break;
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
      if (const auto* routine = Find(target.routines, RoutineKeyOf(id))) {
        return CreateRoutineStatements(*routine, ctx);
      }
      break;
    case ObjectKind::kTrigger:
      if (const model::Trigger* trigger = FindTrigger(target, id)) {
        return CreateTriggerStatements(id.qualified(), *trigger, ctx);
      }
      break;
    case ObjectKind::kPolicy:
      if (const model::Policy* policy = FindPolicy(target, id)) {
        return CreatePolicyStatements(id.qualified(), *policy, ctx);
      }
      break;
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
      if (const auto* view = Find(target.views, id.qualified()))
        return CreateViewStatements(*view, ctx);
      break;
    case ObjectKind::kSequence:
    case ObjectKind::kTable:
    case ObjectKind::kColumn:
    case ObjectKind::kConstraint:
    case ObjectKind::kIndex:
    case ObjectKind::kAggregate:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      break;
  }
  return {};
}

std::vector<PlannedStatement> DropOtherKindSql(const model::ObjectId& id,
                                               const ObjectSqlContext& ctx) {
  const model::Catalog& current = ctx.current;
  switch (id.kind) {
    case ObjectKind::kSchema:
      if (const auto* schema = Find(current.schemas, id.name))
        return DropSchemaStatements(*schema, ctx);
      break;
    case ObjectKind::kExtension:
      if (const auto* extension = Find(current.extensions, id.name)) {
        return DropExtensionStatements(*extension, ctx);
      }
      break;
    case ObjectKind::kType:
      if (const auto* type = Find(current.types, id.qualified()))
        return DropTypeStatements(*type, ctx);
      break;
    case ObjectKind::kDomain:
      if (const auto* domain = Find(current.domains, id.qualified())) {
        return DropDomainStatements(*domain, ctx);
      }
      break;
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
      if (const auto* routine = Find(current.routines, RoutineKeyOf(id))) {
        return DropRoutineStatements(*routine, ctx);
      }
      break;
    case ObjectKind::kTrigger:
      if (const model::Trigger* trigger = FindTrigger(current, id)) {
        return DropTriggerStatements(id.qualified(), *trigger, ctx);
      }
      break;
    case ObjectKind::kPolicy:
      if (const model::Policy* policy = FindPolicy(current, id)) {
        return DropPolicyStatements(id.qualified(), *policy, ctx);
      }
      break;
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
      if (const auto* view = Find(current.views, id.qualified()))
        return DropViewStatements(*view, ctx);
      break;
    case ObjectKind::kSequence:
    case ObjectKind::kTable:
    case ObjectKind::kColumn:
    case ObjectKind::kConstraint:
    case ObjectKind::kIndex:
    case ObjectKind::kAggregate:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      break;
  }
  return {};
}

AlterOutcome AlterOtherKindSql(const diff::ObjectDrift& drift, const ObjectSqlContext& ctx) {
  const model::ObjectId& id = drift.id;
  const model::Catalog& current = ctx.current;
  const model::Catalog& target = ctx.target;
  switch (id.kind) {
    case ObjectKind::kSchema: {
      const auto* from = Find(current.schemas, id.name);
      const auto* to = Find(target.schemas, id.name);
      if (from == nullptr || to == nullptr) return Missing(drift);
      return AlterSchemaStatements(drift, *from, *to, ctx);
    }
    case ObjectKind::kExtension: {
      const auto* from = Find(current.extensions, id.name);
      const auto* to = Find(target.extensions, id.name);
      if (from == nullptr || to == nullptr) return Missing(drift);
      return AlterExtensionStatements(drift, *from, *to, ctx);
    }
    case ObjectKind::kType: {
      const auto* from = Find(current.types, id.qualified());
      const auto* to = Find(target.types, id.qualified());
      if (from == nullptr || to == nullptr) return Missing(drift);
      return AlterTypeStatements(drift, *from, *to, ctx);
    }
    case ObjectKind::kDomain: {
      const auto* from = Find(current.domains, id.qualified());
      const auto* to = Find(target.domains, id.qualified());
      if (from == nullptr || to == nullptr) return Missing(drift);
      return AlterDomainStatements(drift, *from, *to, ctx);
    }
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure: {
      const auto* from = Find(current.routines, RoutineKeyOf(id));
      const auto* to = Find(target.routines, RoutineKeyOf(id));
      if (from == nullptr || to == nullptr) return Missing(drift);
      return AlterRoutineStatements(drift, *from, *to, ctx);
    }
    case ObjectKind::kTrigger: {
      const model::Trigger* from = FindTrigger(current, id);
      const model::Trigger* to = FindTrigger(target, id);
      if (from == nullptr || to == nullptr) return Missing(drift);
      return AlterTriggerStatements(drift, id.qualified(), *from, *to, ctx);
    }
    case ObjectKind::kPolicy: {
      const model::Policy* from = FindPolicy(current, id);
      const model::Policy* to = FindPolicy(target, id);
      if (from == nullptr || to == nullptr) return Missing(drift);
      return AlterPolicyStatements(drift, id.qualified(), *from, *to, ctx);
    }
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView: {
      const auto* from = Find(current.views, id.qualified());
      const auto* to = Find(target.views, id.qualified());
      if (from == nullptr || to == nullptr) return Missing(drift);
      return AlterViewStatements(drift, *from, *to, ctx);
    }
    case ObjectKind::kSequence:
    case ObjectKind::kTable:
    case ObjectKind::kColumn:
    case ObjectKind::kConstraint:
    case ObjectKind::kIndex:
    case ObjectKind::kAggregate:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      break;
  }
  return Unsupported(drift);
}

}  // namespace pgdrift::planner::internal
