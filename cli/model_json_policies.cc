#include "cli/model_json_policies.h"

#include <string>
#include <vector>

#include "base/strings.h"
#include "cli/model_json_lineage.h"
#include "model/object_id.h"

namespace pgdrift::cli {
namespace {

using Json = nlohmann::ordered_json;

Json PolicyJson(const model::QualifiedName& table, const model::Policy& policy) {
  model::ObjectId id = model::ObjectId::Child(model::ObjectKind::kPolicy, table, policy.name);
  Json json = Json::object();
  json["identity"] = id.ToString();
  json["schema"] = table.schema;
  json["parent"] = table.name;
  json["name"] = policy.name;
  json["permissive"] = policy.permissive;
  json["command"] = policy.command;
  json["roles"] = policy.roles;
  if (!policy.using_expr.empty()) json["using"] = policy.using_expr;
  if (!policy.check_expr.empty()) json["with_check"] = policy.check_expr;
  if (!policy.depends_on.empty()) {
    Json depends_on = Json::array();
    for (const model::ObjectId& dependency : policy.depends_on) {
      Json item = Json::object();
      item["kind"] = std::string(model::KindName(dependency.kind));
      item["schema"] = dependency.schema;
      item["name"] = dependency.name;
      if (!dependency.args.empty()) item["args"] = dependency.args;
      depends_on.push_back(std::move(item));
    }
    json["depends_on"] = std::move(depends_on);
  }
  if (!policy.comment.empty()) json["comment"] = policy.comment;
  PutLineage(json, policy.lineage);
  return json;
}

absl::Status Text(const Json& json, const char* key, bool required, std::string* out) {
  auto it = json.find(key);
  if (it == json.end() || it->is_null()) {
    return required ? absl::InvalidArgumentError(StrCat(key, " is missing")) : absl::OkStatus();
  }
  if (!it->is_string()) return absl::InvalidArgumentError(StrCat(key, " is not a string"));
  *out = it->get<std::string>();
  return absl::OkStatus();
}

absl::Status List(const Json& json, const char* key, std::vector<std::string>* out) {
  auto it = json.find(key);
  if (it == json.end()) return absl::OkStatus();
  if (!it->is_array()) return absl::InvalidArgumentError(StrCat(key, " is not an array"));
  out->clear();
  for (const Json& item : *it) {
    if (!item.is_string()) return absl::InvalidArgumentError(StrCat(key, " holds a non-string"));
    out->push_back(item.get<std::string>());
  }
  return absl::OkStatus();
}

// Reads one entry; returns the first problem as "<key> <what>".
absl::Status ReadPolicy(const Json& json, model::QualifiedName* table, model::Policy* policy) {
  if (!json.is_object()) return absl::InvalidArgumentError("is not an object");
  for (absl::Status status :
       {Text(json, "schema", true, &table->schema), Text(json, "parent", true, &table->name),
        Text(json, "name", true, &policy->name), Text(json, "command", true, &policy->command),
        Text(json, "using", false, &policy->using_expr),
        Text(json, "with_check", false, &policy->check_expr),
        Text(json, "comment", false, &policy->comment), List(json, "roles", &policy->roles)}) {
    if (!status.ok()) return status;
  }
  if (auto it = json.find("permissive"); it != json.end()) {
    if (!it->is_boolean()) return absl::InvalidArgumentError("permissive is not a boolean");
    policy->permissive = it->get<bool>();
  }
  if (policy->command != "ALL" && policy->command != "SELECT" && policy->command != "INSERT" &&
      policy->command != "UPDATE" && policy->command != "DELETE") {
    return absl::InvalidArgumentError(StrCat("command \"", policy->command, "\" is unknown"));
  }
  if (auto it = json.find("depends_on"); it != json.end()) {
    if (!it->is_array()) return absl::InvalidArgumentError("depends_on is not an array");
    for (const Json& item : *it) {
      if (!item.is_object()) return absl::InvalidArgumentError("depends_on holds a non-object");
      std::string kind_name;
      model::ObjectId dependency;
      for (absl::Status status : {Text(item, "kind", true, &kind_name),
                                  Text(item, "schema", true, &dependency.schema),
                                  Text(item, "name", true, &dependency.name),
                                  Text(item, "args", false, &dependency.args)}) {
        if (!status.ok()) return absl::InvalidArgumentError(StrCat("depends_on ", status.message()));
      }
      std::optional<model::ObjectKind> kind = model::KindFromName(kind_name);
      if (!kind.has_value()) {
        return absl::InvalidArgumentError(StrCat("depends_on kind \"", kind_name, "\" is unknown"));
      }
      dependency.kind = *kind;
      policy->depends_on.push_back(std::move(dependency));
    }
  }
  policy->lineage = LineageFromJson(json);
  return absl::OkStatus();
}

}  // namespace

nlohmann::ordered_json PoliciesToJson(const model::Catalog& catalog) {
  Json list = Json::array();
  for (const auto& [name, table] : catalog.tables) {
    for (const auto& [policy_name, policy] : table.policies) list.push_back(PolicyJson(name, policy));
  }
  return list;
}

absl::Status PoliciesFromJson(const nlohmann::ordered_json& document, model::Catalog* catalog) {
  auto it = document.find("policies");
  if (it == document.end()) return absl::OkStatus();
  if (!it->is_array()) return absl::InvalidArgumentError("$.policies is not an array");
  for (size_t i = 0; i < it->size(); ++i) {
    model::QualifiedName table_name;
    model::Policy policy;
    absl::Status status = ReadPolicy((*it)[i], &table_name, &policy);
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          StrCat("$.policies[", i, "].", std::string(status.message())));
    }
    model::Table& table = catalog->tables[table_name];
    if (table.name.name.empty()) {
      // Not in the snapshot's tables: a managed table (storage.objects) holding a user policy.
      table.name = table_name;
      table.managed = true;
    }
    std::string name = policy.name;
    table.policies[name] = std::move(policy);
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::cli
