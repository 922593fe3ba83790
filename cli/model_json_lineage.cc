#include "cli/model_json_lineage.h"

namespace pgdrift::cli {

using Json = nlohmann::ordered_json;

Json SpanJson(const SourceSpan& span) {
  Json json = Json::object();
  json["file"] = span.file;
  json["line"] = span.line;
  json["column"] = span.column;
  return json;
}

SourceSpan SpanFromJson(const Json& json) {
  SourceSpan span;
  if (!json.is_object()) return span;
  if (json.contains("file") && json["file"].is_string()) span.file = json["file"];
  if (json.contains("line") && json["line"].is_number_integer()) span.line = json["line"];
  if (json.contains("column") && json["column"].is_number_integer()) span.column = json["column"];
  return span;
}

void PutLineage(Json& json, const model::Lineage& lineage) {
  if (lineage.created.known()) json["origin"] = SpanJson(lineage.created);
  if (lineage.changed.known() && lineage.changed != lineage.created) {
    json["last_changed"] = SpanJson(lineage.changed);
  }
  if (!lineage.former_names.empty()) json["former_names"] = lineage.former_names;
}

}  // namespace pgdrift::cli
