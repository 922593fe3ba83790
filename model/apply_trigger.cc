// Applies CREATE TRIGGER, ENABLE / DISABLE TRIGGER and DROP TRIGGER (commands/trigger.c
// CreateTriggerFiringOn, EnableDisableTrigger, RemoveTriggerById), and dispatches DROP
// TRIGGER / POLICY.
//
// The checks that need no catalog (transition tables, WHEN references to OLD / NEW,
// constraint trigger syntax) are made by the transform; the ones here need the relation
// and the trigger function.
#include <algorithm>
#include <set>

#include "absl/status/statusor.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "model/internal/apply_context.h"
#include "model/internal/namespaces.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

// Trigger functions pg_catalog provides (pg_proc.prorettype = trigger, not internal
// RI_FKey_* ones).
bool IsBuiltinTriggerFunction(const std::string& name) {
  static const std::set<std::string> kBuiltins = {
      "suppress_redundant_updates_trigger", "tsvector_update_trigger",
      "tsvector_update_trigger_column"};
  return kBuiltins.contains(name);
}

// Whether routines of `schema` may exist without being modelled one by one: a schema
// whose contents the platform profile manages, or one an extension puts its objects in
// (extension members are represented by the extension).
bool SchemaHidesRoutines(const Catalog& catalog, const std::string& schema) {
  if (catalog.IsManagedSchema(schema)) return true;
  for (const auto& [name, extension] : catalog.extensions) {
    if (extension.schema == schema && name != "plpgsql") return true;
  }
  return false;
}

// The trigger function `written` (no arguments) as parse_func.c LookupFuncName finds it,
// or the error PostgreSQL reports.
absl::StatusOr<QualifiedName> ResolveTriggerFunction(const QualifiedName& written,
                                                     ApplyContext& ctx) {
  const Catalog& catalog = *ctx.catalog;
  const std::string shown = WrittenName(written);
  if (!written.schema.empty() && written.schema != "pg_catalog" &&
      !catalog.schemas.contains(written.schema)) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("schema \"", written.schema, "\" does not exist"));
  }
  auto routine_at = [&catalog](const QualifiedName& name) -> const Routine* {
    auto it = catalog.routines.find(RoutineKey{name, ""});
    return it == catalog.routines.end() || it->second.procedure ? nullptr : &it->second;
  };
  std::vector<std::string> candidates;
  if (written.schema.empty()) {
    // pg_catalog is searched first when search_path does not name it.
    candidates.push_back("pg_catalog");
    for (const std::string& entry : catalog.search_path) {
      candidates.push_back(entry == "$user" ? catalog.current_user : entry);
    }
  } else {
    candidates.push_back(written.schema);
  }
  for (const std::string& schema : candidates) {
    QualifiedName name{schema, written.name};
    if (schema == "pg_catalog") {
      if (IsBuiltinTriggerFunction(written.name)) return name;
      continue;
    }
    if (!catalog.schemas.contains(schema)) continue;
    if (const Routine* routine = routine_at(name)) {
      if (routine->result != "trigger") {
        return ctx.Error(absl::StatusCode::kInvalidArgument,
                         StrCat("function ", shown, " must return type trigger"));
      }
      return name;
    }
    if (SchemaHidesRoutines(catalog, schema)) return name;
  }
  return ctx.Error(absl::StatusCode::kNotFound, StrCat("function ", shown, "() does not exist"));
}

// The relation's triggers: a table's, or a view's (INSTEAD OF triggers).
struct TriggerHolder {
  std::map<std::string, Trigger>* triggers = nullptr;
  bool is_view = false;
  Table* table = nullptr;
  const View* view = nullptr;
};

std::optional<TriggerHolder> FindHolder(Catalog& catalog, const QualifiedName& name) {
  if (Table* table = catalog.FindTable(name)) return TriggerHolder{&table->triggers, false, table};
  if (auto it = catalog.views.find(name); it != catalog.views.end()) {
    return TriggerHolder{&it->second.triggers, true, nullptr, &it->second};
  }
  return std::nullopt;
}

// Checks the relation kind against the trigger's timing (trigger.c: tables cannot have
// INSTEAD OF triggers; views only INSTEAD OF row triggers and statement triggers).
absl::Status CheckRelationKind(const TriggerHolder& holder, const QualifiedName& name,
                               const Trigger& trigger, ApplyContext& ctx) {
  const bool materialized = holder.view != nullptr && holder.view->materialized;
  if (materialized) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", name.name,
                            "\" is a materialized view\nDETAIL:  This operation is not "
                            "supported for materialized views."));
  }
  if (!holder.is_view) {
    if (trigger.timing == TriggerTiming::kInsteadOf) {
      return ctx.Error(absl::StatusCode::kInvalidArgument,
                       StrCat("\"", name.name,
                              "\" is a table\nDETAIL:  Tables cannot have INSTEAD OF triggers."));
    }
    return absl::OkStatus();
  }
  if (trigger.timing != TriggerTiming::kInsteadOf && trigger.for_each_row) {
    return ctx.Error(
        absl::StatusCode::kInvalidArgument,
        StrCat("\"", name.name,
               "\" is a view\nDETAIL:  Views cannot have row-level BEFORE or AFTER triggers."));
  }
  if (trigger.on_truncate) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", name.name,
                            "\" is a view\nDETAIL:  Views cannot have TRUNCATE triggers."));
  }
  if (!trigger.old_table.empty() || !trigger.new_table.empty()) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", name.name,
                            "\" is a view\nDETAIL:  Triggers on views cannot have transition "
                            "tables."));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplyCreateTrigger(const CreateTrigger& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> relation = ctx.Resolve(m.relation);
  std::optional<TriggerHolder> holder;
  if (relation.has_value()) holder = FindHolder(catalog, *relation);
  if (!holder.has_value()) {
    if (relation.has_value()) {
      return ctx.Error(absl::StatusCode::kInvalidArgument,
                       StrCat("\"", relation->name, "\" is not a table or view"));
    }
    return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, m.relation));
  }
  Trigger trigger = m.trigger;
  PGDRIFT_RETURN_IF_ERROR(CheckRelationKind(*holder, *relation, trigger, ctx));

  if (holder->table != nullptr) {
    std::set<std::string> seen;
    for (const std::string& column : trigger.update_columns) {
      if (holder->table->FindColumn(column) == nullptr) {
        return ctx.Error(absl::StatusCode::kNotFound,
                         StrCat("column \"", column, "\" of relation \"", relation->name,
                                "\" does not exist"));
      }
      if (!seen.insert(column).second) {
        return ctx.Error(absl::StatusCode::kInvalidArgument,
                         StrCat("column \"", column, "\" specified more than once"));
      }
    }
  }
  if (trigger.referenced_table.has_value()) {
    std::optional<QualifiedName> referenced = ctx.Resolve(*trigger.referenced_table);
    if (!referenced.has_value()) {
      return ctx.Error(absl::StatusCode::kNotFound,
                       MissingRelationMessage(catalog, *trigger.referenced_table));
    }
    trigger.referenced_table = *referenced;
  }
  PGDRIFT_ASSIGN_OR_RETURN(trigger.function, ResolveTriggerFunction(trigger.function, ctx));

  auto existing = holder->triggers->find(trigger.name);
  if (existing != holder->triggers->end()) {
    if (!m.or_replace) {
      return ctx.Error(absl::StatusCode::kAlreadyExists,
                       StrCat("trigger \"", trigger.name, "\" for relation \"", relation->name,
                              "\" already exists"));
    }
    if (existing->second.constraint) {
      return ctx.Error(absl::StatusCode::kInvalidArgument,
                       StrCat("trigger \"", trigger.name, "\" for relation \"", relation->name,
                              "\" is a constraint trigger"));
    }
    // OR REPLACE rewrites the pg_trigger row in place: tgenabled is back to 'O' (as
    // written in the new definition) and the comment stays (same OID).
    trigger.comment = existing->second.comment;
    trigger.lineage = existing->second.lineage;
    trigger.lineage.Touch(ctx.span());
    existing->second = std::move(trigger);
    return absl::OkStatus();
  }
  trigger.lineage = Lineage::At(ctx.span());
  std::string name = trigger.name;
  holder->triggers->emplace(std::move(name), std::move(trigger));
  return absl::OkStatus();
}

absl::Status ApplyDropRelationChild(const DropRelationChild& m, ApplyContext& ctx) {
  return m.kind == ObjectKind::kPolicy ? DropPolicy(m, ctx) : DropTrigger(m, ctx);
}

absl::Status DropTrigger(const DropRelationChild& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> relation = ctx.Resolve(m.relation);
  std::optional<TriggerHolder> holder;
  if (relation.has_value()) holder = FindHolder(catalog, *relation);
  if (!holder.has_value()) {
    std::string message = relation.has_value()
                              ? StrCat("\"", relation->name, "\" is not a table or view")
                              : MissingRelationMessage(catalog, m.relation);
    if (m.if_exists && !relation.has_value()) {
      ctx.Notice(message + ", skipping");
      return absl::OkStatus();
    }
    return ctx.Error(absl::StatusCode::kNotFound, message);
  }
  auto it = holder->triggers->find(m.name);
  if (it == holder->triggers->end()) {
    // get_trigger_oid: "for table" in the error, "for relation" in the IF EXISTS notice
    // (dropcmds.c does_not_exist_skipping).
    if (m.if_exists) {
      ctx.Notice(StrCat("trigger \"", m.name, "\" for relation \"", relation->name,
                        "\" does not exist, skipping"));
      return absl::OkStatus();
    }
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("trigger \"", m.name, "\" for table \"", relation->name,
                            "\" does not exist"));
  }
  // Nothing depends on a trigger, so RESTRICT and CASCADE drop it alike.
  holder->triggers->erase(it);
  return absl::OkStatus();
}

absl::Status ApplySetTriggerEnabled(Table& table, const alter::SetTriggerEnabled& c,
                                    ApplyContext& ctx) {
  if (c.all_user_triggers || c.trigger.empty()) {
    for (auto& [name, trigger] : table.triggers) {
      trigger.enabled = c.state;
      trigger.lineage.Touch(ctx.span());
    }
    return absl::OkStatus();
  }
  auto it = table.triggers.find(c.trigger);
  if (it == table.triggers.end()) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("trigger \"", c.trigger, "\" for table \"", table.name.name,
                            "\" does not exist"));
  }
  it->second.enabled = c.state;
  it->second.lineage.Touch(ctx.span());
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
