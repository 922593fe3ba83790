#include "report/report_json.h"

#include <string>
#include <variant>

#include "model/object_kind.h"
#include "planner/migration.h"
#include "report/value_json.h"

namespace pgdrift::report {
namespace {

using Json = nlohmann::ordered_json;

// {"file", "line"} of a known span, else null.
Json PlaceJson(const SourceSpan& span) {
  if (!span.known()) return nullptr;
  return Json{{"file", span.file}, {"line", span.line}};
}

Json HazardsJson(const std::set<planner::Hazard>& hazards) {
  Json json = Json::array();
  for (planner::Hazard hazard : hazards) json.push_back(std::string(planner::HazardName(hazard)));
  return json;
}

Json TextOrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json ObjectJson(const ObjectEntry& entry) {
  const diff::ObjectDrift& drift = entry.drift;
  Json json = Json::object();
  json["identity"] = drift.id.ToString();
  json["kind"] = std::string(model::KindName(drift.id.kind));
  json["schema"] = drift.id.schema;
  json["name"] = drift.id.name;
  json["parent"] = TextOrNull(drift.id.parent);
  json["args"] = TextOrNull(drift.id.args);
  json["status"] = std::string(diff::DriftStatusName(drift.status));
  Json changes = Json::array();
  for (const diff::AttributeChange& change : drift.changes) {
    changes.push_back(
        {{"attribute", change.attribute}, {"migrations", ValueJson(change.local)}, {"database", ValueJson(change.remote)}});
  }
  json["changes"] = std::move(changes);
  json["defined_in"] = PlaceJson(drift.local_lineage.created);
  json["last_changed_in"] = PlaceJson(drift.local_lineage.changed);
  Json explained = Json::array();
  for (const Explanation& explanation : entry.explained_by) {
    explained.push_back(
        {{"version", explanation.version}, {"name", explanation.name}, {"recorded", explanation.recorded}});
  }
  json["explained_by"] = std::move(explained);
  json["hazards"] = HazardsJson(entry.hazards);
  Json corrective = Json::array();
  for (const planner::PlanStatement& statement : entry.corrective) {
    Json item = Json::object();
    item["sql"] = statement.statement.sql;
    item["object"] = statement.object.ToString();
    item["step"] = std::string(planner::StepActionName(statement.action));
    item["hazards"] = HazardsJson(statement.statement.hazards);
    item["transactional"] = statement.statement.transactional;
    item["commented_out"] = statement.commented_out;
    item["why"] = TextOrNull(statement.statement.why);
    corrective.push_back(std::move(item));
  }
  json["corrective"] = std::move(corrective);
  Json contains = Json::array();
  for (const model::ObjectId& child : drift.contains) contains.push_back(child.ToString());
  json["contains"] = std::move(contains);
  return json;
}

Json VersionJson(const diff::VersionDrift& version) {
  return {{"version", version.version},
          {"name", version.name},
          {"status", std::string(diff::VersionStatusName(version.status))},
          {"local_path", TextOrNull(version.local_path)},
          {"applied_at", TextOrNull(version.applied_at)},
          {"detail", TextOrNull(version.detail)},
          {"same_as", TextOrNull(version.same_as)}};
}

Json StringsJson(const std::vector<std::string>& lines) {
  Json json = Json::array();
  for (const std::string& line : lines) json.push_back(line);
  return json;
}

}  // namespace

nlohmann::ordered_json ReportJson(const Report& report) {
  Json json = Json::object();
  json["format"] = kReportFormat;
  json["in_sync"] = report.in_sync();

  const Provenance& provenance = report.provenance;
  json["provenance"] = {{"generated_at", provenance.generated_at},
                        {"pgdrift_version", provenance.pgdrift_version},
                        {"local", provenance.local},
                        {"newest_version", TextOrNull(provenance.newest_version)},
                        {"newest_file", TextOrNull(provenance.newest_file)},
                        {"remote", provenance.remote},
                        {"history_table", TextOrNull(provenance.history_table)},
                        {"profile", provenance.profile}};

  const Summary& summary = report.summary;
  Json by_kind = Json::object();
  for (const auto& [kind, statuses] : summary.by_kind) {
    Json counts = Json::object();
    for (const auto& [status, count] : statuses) counts[status] = count;
    by_kind[kind] = std::move(counts);
  }
  Json history = Json::object();
  history["compared"] = summary.history_compared;
  history["aligned"] = summary.history_aligned;
  Json counts = Json::object();
  for (const auto& [status, count] : summary.history) counts[status] = count;
  history["counts"] = std::move(counts);
  json["summary"] = {{"objects", report.objects.size()},
                     {"local_only", summary.local_only},
                     {"remote_only", summary.remote_only},
                     {"changed", summary.changed},
                     {"by_kind", std::move(by_kind)},
                     {"history", std::move(history)},
                     {"highest_hazard", summary.highest_hazard
                                            ? Json(std::string(planner::HazardName(*summary.highest_hazard)))
                                            : Json(nullptr)},
                     {"corrective_statements", summary.corrective_statements}};

  Json objects = Json::array();
  for (const ObjectEntry& entry : report.objects) objects.push_back(ObjectJson(entry));
  json["objects"] = std::move(objects);
  Json versions = Json::array();
  for (const diff::VersionDrift& version : report.versions) versions.push_back(VersionJson(version));
  json["versions"] = std::move(versions);
  json["history_warnings"] = StringsJson(report.history_warnings);
  json["unsupported"] = StringsJson(report.unsupported);
  json["notes"] = StringsJson(report.notes);

  const DependencyPicture& picture = report.picture;
  Json nodes = Json::array();
  for (const PictureNode& node : picture.nodes) {
    nodes.push_back({{"identity", node.identity}, {"label", node.label}, {"status", TextOrNull(node.status)}});
  }
  Json edges = Json::array();
  for (const PictureEdge& edge : picture.edges) edges.push_back({{"from", edge.from}, {"to", edge.to}});
  json["picture"] = {{"nodes", std::move(nodes)},
                     {"edges", std::move(edges)},
                     {"omitted", picture.omitted},
                     {"dot", picture.dot},
                     {"svg_available", !picture.svg.empty()}};
  return json;
}

}  // namespace pgdrift::report
