#include "cli/model_json_triggers.h"

#include <string>

#include "base/strings.h"
#include "cli/model_json_lineage.h"
#include "cli/model_json_reader.h"
#include "model/object_id.h"

namespace pgdrift::cli {
namespace {

using Json = nlohmann::ordered_json;

Json TriggerJson(const model::QualifiedName& relation, bool on_view, const model::Trigger& trigger) {
  model::ObjectId id = model::ObjectId::Child(model::ObjectKind::kTrigger, relation, trigger.name);
  Json json = Json::object();
  json["identity"] = id.ToString();
  json["kind"] = std::string(model::KindName(id.kind));
  json["schema"] = id.schema;
  json["name"] = id.name;
  json["parent"] = id.parent;
  if (on_view) json["on_view"] = true;
  json["timing"] = std::string(model::TriggerTimingName(trigger.timing));
  Json events = Json::array();
  if (trigger.on_insert) events.push_back("insert");
  if (trigger.on_delete) events.push_back("delete");
  if (trigger.on_update) events.push_back("update");
  if (trigger.on_truncate) events.push_back("truncate");
  json["events"] = std::move(events);
  if (!trigger.update_columns.empty()) json["update_columns"] = trigger.update_columns;
  json["level"] = trigger.for_each_row ? "row" : "statement";
  if (!trigger.when.empty()) json["when"] = trigger.when;
  if (!trigger.old_table.empty()) json["old_table"] = trigger.old_table;
  if (!trigger.new_table.empty()) json["new_table"] = trigger.new_table;
  json["function"] = trigger.function.ToString();
  json["arguments"] = trigger.arguments;
  json["enabled"] = std::string(model::TriggerEnabledName(trigger.enabled));
  if (trigger.constraint) {
    json["constraint"] = true;
    json["deferrable"] = trigger.deferrable;
    json["initially_deferred"] = trigger.initially_deferred;
    if (trigger.referenced_table) json["referenced_table"] = trigger.referenced_table->ToString();
  }
  if (!trigger.comment.empty()) json["comment"] = trigger.comment;
  PutLineage(json, trigger.lineage);
  return json;
}

// Reads one entry; returns the first problem as "<key> <what>".
absl::Status ReadTrigger(const Json& json, model::QualifiedName* relation, bool* on_view,
                         model::Trigger* trigger) {
  auto text = [&json](const char* key, bool required, std::string* out) -> absl::Status {
    auto it = json.find(key);
    if (it == json.end() || it->is_null()) {
      return required ? absl::InvalidArgumentError(StrCat(key, " is missing")) : absl::OkStatus();
    }
    if (!it->is_string()) return absl::InvalidArgumentError(StrCat(key, " is not a string"));
    *out = it->get<std::string>();
    return absl::OkStatus();
  };
  auto flag = [&json](const char* key, bool* out) -> absl::Status {
    auto it = json.find(key);
    if (it == json.end()) return absl::OkStatus();
    if (!it->is_boolean()) return absl::InvalidArgumentError(StrCat(key, " is not a boolean"));
    *out = it->get<bool>();
    return absl::OkStatus();
  };
  auto list = [&json](const char* key, std::vector<std::string>* out) -> absl::Status {
    auto it = json.find(key);
    if (it == json.end()) return absl::OkStatus();
    if (!it->is_array()) return absl::InvalidArgumentError(StrCat(key, " is not an array"));
    for (const Json& item : *it) {
      if (!item.is_string()) return absl::InvalidArgumentError(StrCat(key, " holds a non-string"));
      out->push_back(item.get<std::string>());
    }
    return absl::OkStatus();
  };
  if (!json.is_object()) return absl::InvalidArgumentError("is not an object");
  std::string timing, level, function, enabled, referenced;
  std::vector<std::string> events;
  for (absl::Status status :
       {text("schema", true, &relation->schema), text("parent", true, &relation->name),
        text("name", true, &trigger->name), text("timing", true, &timing),
        text("level", true, &level), text("function", true, &function),
        text("enabled", false, &enabled), text("when", false, &trigger->when),
        text("old_table", false, &trigger->old_table),
        text("new_table", false, &trigger->new_table), text("comment", false, &trigger->comment),
        text("referenced_table", false, &referenced), list("events", &events),
        list("update_columns", &trigger->update_columns),
        list("arguments", &trigger->arguments),
        flag("on_view", on_view), flag("constraint", &trigger->constraint),
        flag("deferrable", &trigger->deferrable),
        flag("initially_deferred", &trigger->initially_deferred)}) {
    if (!status.ok()) return status;
  }
  bool timing_known = false;
  for (model::TriggerTiming candidate : {model::TriggerTiming::kBefore, model::TriggerTiming::kAfter,
                                         model::TriggerTiming::kInsteadOf}) {
    if (model::TriggerTimingName(candidate) == timing) {
      trigger->timing = candidate;
      timing_known = true;
    }
  }
  if (!timing_known) return absl::InvalidArgumentError(StrCat("timing \"", timing, "\" is unknown"));
  if (level != "row" && level != "statement") {
    return absl::InvalidArgumentError(StrCat("level \"", level, "\" is unknown"));
  }
  trigger->for_each_row = level == "row";
  for (const std::string& event : events) {
    if (event == "insert") {
      trigger->on_insert = true;
    } else if (event == "delete") {
      trigger->on_delete = true;
    } else if (event == "update") {
      trigger->on_update = true;
    } else if (event == "truncate") {
      trigger->on_truncate = true;
    } else {
      return absl::InvalidArgumentError(StrCat("event \"", event, "\" is unknown"));
    }
  }
  trigger->function = ParseQualifiedText(function);
  if (!enabled.empty()) {
    bool enabled_known = false;
    for (model::TriggerEnabled candidate :
         {model::TriggerEnabled::kOrigin, model::TriggerEnabled::kDisabled,
          model::TriggerEnabled::kReplica, model::TriggerEnabled::kAlways}) {
      if (model::TriggerEnabledName(candidate) == enabled) {
        trigger->enabled = candidate;
        enabled_known = true;
      }
    }
    if (!enabled_known) {
      return absl::InvalidArgumentError(StrCat("enabled \"", enabled, "\" is unknown"));
    }
  }
  if (!referenced.empty()) trigger->referenced_table = ParseQualifiedText(referenced);
  trigger->lineage = LineageFromJson(json);
  return absl::OkStatus();
}

}  // namespace

nlohmann::ordered_json TriggersToJson(const model::Catalog& catalog, bool include_managed) {
  Json list = Json::array();
  for (const auto& [name, table] : catalog.tables) {
    const bool managed = table.managed || catalog.IsManagedSchema(name.schema);
    for (const auto& [trigger_name, trigger] : table.triggers) {
      if (managed && !include_managed && catalog.IsManagedSchema(trigger.function.schema)) {
        continue;
      }
      list.push_back(TriggerJson(name, false, trigger));
    }
  }
  for (const auto& [name, view] : catalog.views) {
    if (!include_managed && catalog.IsManagedSchema(name.schema)) continue;
    for (const auto& [trigger_name, trigger] : view.triggers) {
      list.push_back(TriggerJson(name, true, trigger));
    }
  }
  return list;
}

absl::Status TriggersFromJson(const nlohmann::ordered_json& document, model::Catalog* catalog) {
  auto it = document.find("triggers");
  if (it == document.end()) return absl::OkStatus();
  if (!it->is_array()) return absl::InvalidArgumentError("$.triggers is not an array");
  for (size_t i = 0; i < it->size(); ++i) {
    model::QualifiedName relation;
    bool on_view = false;
    model::Trigger trigger;
    absl::Status status = ReadTrigger((*it)[i], &relation, &on_view, &trigger);
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          StrCat("$.triggers[", i, "].", std::string(status.message())));
    }
    std::map<std::string, model::Trigger>* triggers = nullptr;
    if (on_view) {
      auto view = catalog->views.find(relation);
      if (view == catalog->views.end()) {
        return absl::InvalidArgumentError(
            StrCat("$.triggers[", i, "]: view ", relation.ToString(), " is not in the snapshot"));
      }
      triggers = &view->second.triggers;
    } else {
      model::Table& table = catalog->tables[relation];
      if (table.name.name.empty()) {
        // Not in the snapshot's tables: a managed table (auth.users) holding a user trigger.
        table.name = relation;
        table.managed = true;
      }
      triggers = &table.triggers;
    }
    std::string name = trigger.name;
    (*triggers)[name] = std::move(trigger);
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::cli
