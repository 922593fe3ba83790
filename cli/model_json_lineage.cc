#include "cli/model_json_lineage.h"

namespace pgdrift::cli {

using Json = nlohmann::ordered_json;

namespace {

// The span a {"file", "line", "column"} object describes; an unknown span for anything
// else.
SourceSpan SpanFromJson(const Json& json) {
  SourceSpan span;
  if (!json.is_object()) return span;
  if (json.contains("file") && json["file"].is_string()) span.file = json["file"];
  if (json.contains("line") && json["line"].is_number_integer()) span.line = json["line"];
  if (json.contains("column") && json["column"].is_number_integer()) span.column = json["column"];
  return span;
}

}  // namespace

Json SpanJson(const SourceSpan& span) {
  Json json = Json::object();
  json["file"] = span.file;
  json["line"] = span.line;
  json["column"] = span.column;
  return json;
}

void PutLineage(Json& json, const model::Lineage& lineage) {
  if (lineage.created.known()) json["origin"] = SpanJson(lineage.created);
  if (lineage.changed.known() && lineage.changed != lineage.created) {
    json["last_changed"] = SpanJson(lineage.changed);
  }
  if (!lineage.former_names.empty()) json["former_names"] = lineage.former_names;
}

model::Lineage LineageFromJson(const Json& json) {
  model::Lineage lineage;
  if (auto it = json.find("origin"); it != json.end()) lineage.created = SpanFromJson(*it);
  lineage.changed = lineage.created;
  if (auto it = json.find("last_changed"); it != json.end()) lineage.changed = SpanFromJson(*it);
  if (auto it = json.find("former_names"); it != json.end() && it->is_array()) {
    for (const Json& name : *it) {
      if (name.is_string()) lineage.former_names.push_back(name.get<std::string>());
    }
  }
  return lineage;
}

}  // namespace pgdrift::cli
