#include "cli/model_json_views.h"

#include <optional>
#include <string>

#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/model_json_lineage.h"
#include "cli/model_json_privileges.h"
#include "model/object_id.h"

namespace pgdrift::cli {
namespace {

using Json = nlohmann::ordered_json;

Json ViewJson(const model::View& view) {
  model::ObjectId id = model::ObjectId::Of(view.kind(), view.name);
  Json json = Json::object();
  json["identity"] = id.ToString();
  json["kind"] = std::string(model::KindName(id.kind));
  json["schema"] = view.name.schema;
  json["name"] = view.name.name;
  Json columns = Json::array();
  for (const model::ViewColumn& column : view.columns) {
    Json item = Json::object();
    item["name"] = column.name;
    if (!column.comment.empty()) item["comment"] = column.comment;
    PutPrivileges(item, column.privileges);
    columns.push_back(std::move(item));
  }
  json["columns"] = std::move(columns);
  json["query"] = view.query;
  if (!view.options.empty()) {
    Json options = Json::object();
    for (const auto& [key, value] : view.options) options[key] = value;
    json["options"] = std::move(options);
  }
  if (view.materialized) json["populated"] = view.populated;
  if (!view.tablespace.empty()) json["tablespace"] = view.tablespace;
  if (!view.access_method.empty()) json["access_method"] = view.access_method;
  if (!view.depends_on.empty()) {
    Json depends_on = Json::array();
    for (const model::ObjectId& dependency : view.depends_on) {
      Json item = Json::object();
      item["kind"] = std::string(model::KindName(dependency.kind));
      item["schema"] = dependency.schema;
      if (!dependency.parent.empty()) item["parent"] = dependency.parent;
      item["name"] = dependency.name;
      if (!dependency.args.empty()) item["args"] = dependency.args;
      depends_on.push_back(std::move(item));
    }
    json["depends_on"] = std::move(depends_on);
  }
  if (!view.owner.empty()) json["owner"] = view.owner;
  if (!view.comment.empty()) json["comment"] = view.comment;
  PutPrivileges(json, view.privileges);
  PutLineage(json, view.lineage);
  return json;
}

// The string member `key` of `json` into `*out`; absent is an error when `required`.
absl::Status Text(const Json& json, const char* key, bool required, std::string* out) {
  auto it = json.find(key);
  if (it == json.end()) {
    return required ? absl::InvalidArgumentError(StrCat(key, " is missing")) : absl::OkStatus();
  }
  if (!it->is_string()) return absl::InvalidArgumentError(StrCat(key, " is not a string"));
  *out = it->get<std::string>();
  return absl::OkStatus();
}

absl::Status ReadView(const Json& json, model::View* view) {
  if (!json.is_object()) return absl::InvalidArgumentError("is not an object");
  std::string kind;
  for (absl::Status status : {Text(json, "kind", true, &kind), Text(json, "schema", true, &view->name.schema),
                              Text(json, "name", true, &view->name.name), Text(json, "query", true, &view->query),
                              Text(json, "tablespace", false, &view->tablespace),
                              Text(json, "access_method", false, &view->access_method),
                              Text(json, "owner", false, &view->owner),
                              Text(json, "comment", false, &view->comment)}) {
    PGDRIFT_RETURN_IF_ERROR(status);
  }
  if (kind != "view" && kind != std::string(model::KindName(model::ObjectKind::kMaterializedView))) {
    return absl::InvalidArgumentError(StrCat("kind \"", kind, "\" is not a view"));
  }
  view->materialized = kind != "view";
  if (auto it = json.find("columns"); it != json.end()) {
    if (!it->is_array()) return absl::InvalidArgumentError("columns is not an array");
    for (const Json& item : *it) {
      model::ViewColumn column;
      if (!item.is_object()) return absl::InvalidArgumentError("columns holds a non-object");
      PGDRIFT_RETURN_IF_ERROR(Text(item, "name", true, &column.name));
      PGDRIFT_RETURN_IF_ERROR(Text(item, "comment", false, &column.comment));
      column.privileges = PrivilegesFromJson(item);
      view->columns.push_back(std::move(column));
    }
  }
  if (auto it = json.find("options"); it != json.end()) {
    if (!it->is_object()) return absl::InvalidArgumentError("options is not an object");
    for (const auto& [key, value] : it->items()) {
      if (!value.is_string()) return absl::InvalidArgumentError(StrCat("options.", key, " is not a string"));
      view->options[key] = value.get<std::string>();
    }
  }
  if (auto it = json.find("populated"); it != json.end()) {
    if (!it->is_boolean()) return absl::InvalidArgumentError("populated is not a boolean");
    view->populated = it->get<bool>();
  }
  if (auto it = json.find("depends_on"); it != json.end()) {
    if (!it->is_array()) return absl::InvalidArgumentError("depends_on is not an array");
    for (const Json& item : *it) {
      if (!item.is_object()) return absl::InvalidArgumentError("depends_on holds a non-object");
      std::string kind_name;
      model::ObjectId dependency;
      for (absl::Status status :
           {Text(item, "kind", true, &kind_name), Text(item, "schema", true, &dependency.schema),
            Text(item, "parent", false, &dependency.parent), Text(item, "name", true, &dependency.name),
            Text(item, "args", false, &dependency.args)}) {
        if (!status.ok()) return absl::InvalidArgumentError(StrCat("depends_on ", status.message()));
      }
      std::optional<model::ObjectKind> dependency_kind = model::KindFromName(kind_name);
      if (!dependency_kind) return absl::InvalidArgumentError(StrCat("depends_on kind \"", kind_name, "\" is unknown"));
      dependency.kind = *dependency_kind;
      view->depends_on.push_back(std::move(dependency));
    }
  }
  view->privileges = PrivilegesFromJson(json);
  view->lineage = LineageFromJson(json);
  return absl::OkStatus();
}

}  // namespace

nlohmann::ordered_json ViewsToJson(const model::Catalog& catalog, bool include_managed) {
  Json views = Json::array();
  for (const auto& [name, view] : catalog.views) {
    if (!include_managed && catalog.IsManagedSchema(name.schema)) continue;
    views.push_back(ViewJson(view));
  }
  return views;
}

absl::Status ViewsFromJson(const nlohmann::ordered_json& document, model::Catalog* catalog) {
  auto it = document.find("views");
  if (it == document.end()) return absl::OkStatus();
  if (!it->is_array()) return absl::InvalidArgumentError("$.views is not an array");
  for (size_t i = 0; i < it->size(); ++i) {
    model::View view;
    absl::Status status = ReadView((*it)[i], &view);
    if (!status.ok()) return absl::InvalidArgumentError(StrCat("$.views[", i, "].", std::string(status.message())));
    model::QualifiedName name = view.name;
    catalog->views[name] = std::move(view);
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::cli
