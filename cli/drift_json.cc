#include "cli/drift_json.h"

#include "cli/history_json.h"

namespace pgdrift::cli {
namespace {

using Json = nlohmann::ordered_json;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

Json ValueJson(const diff::Value& value) {
  return std::visit(Overloaded{
                        [](std::monostate) { return Json(nullptr); },
                        [](bool flag) { return Json(flag); },
                        [](int64_t number) { return Json(number); },
                        [](const std::string& text) { return Json(text); },
                        [](const std::vector<std::string>& list) { return Json(list); },
                    },
                    value);
}

Json ObjectJson(const diff::ObjectDrift& drift) {
  Json json = Json::object();
  json["identity"] = drift.id.ToString();
  json["kind"] = std::string(model::KindName(drift.id.kind));
  if (!drift.id.schema.empty()) json["schema"] = drift.id.schema;
  json["name"] = drift.id.name;
  if (!drift.id.parent.empty()) json["parent"] = drift.id.parent;
  json["status"] = std::string(diff::DriftStatusName(drift.status));
  if (drift.local_lineage.created.known()) {
    Json origin = Json::object();
    origin["file"] = drift.local_lineage.created.file;
    origin["line"] = drift.local_lineage.created.line;
    json["origin"] = std::move(origin);
  }
  if (!drift.changes.empty()) {
    Json changes = Json::array();
    for (const diff::AttributeChange& change : drift.changes) {
      Json item = Json::object();
      item["attribute"] = change.attribute;
      item["local"] = ValueJson(change.local);
      item["remote"] = ValueJson(change.remote);
      changes.push_back(std::move(item));
    }
    json["changes"] = std::move(changes);
  }
  if (!drift.contains.empty()) {
    Json contains = Json::array();
    for (const model::ObjectId& id : drift.contains) contains.push_back(id.ToString());
    json["contains"] = std::move(contains);
  }
  return json;
}

}  // namespace

nlohmann::ordered_json DriftToJson(const diff::ChangeSet& changes,
                                   const diff::HistoryReport* history) {
  Json json = Json::object();
  json["format"] = kDriftFormat;
  json["drift"] = !changes.empty() || (history != nullptr && !history->aligned());
  Json summary = Json::object();
  summary["local_only"] = changes.Count(diff::DriftStatus::kLocalOnly);
  summary["remote_only"] = changes.Count(diff::DriftStatus::kRemoteOnly);
  summary["changed"] = changes.Count(diff::DriftStatus::kChanged);
  auto history_count = [history](diff::VersionStatus status) {
    return history == nullptr ? 0 : history->Count(status);
  };
  summary["history_local_only"] = history_count(diff::VersionStatus::kLocalOnly);
  summary["history_remote_only"] = history_count(diff::VersionStatus::kRemoteOnly);
  summary["history_modified"] = history_count(diff::VersionStatus::kModified);
  if (history != nullptr) {
    summary["history_out_of_order"] = history_count(diff::VersionStatus::kOutOfOrder);
    summary["history_failed"] = history_count(diff::VersionStatus::kFailed);
  }
  json["summary"] = std::move(summary);
  Json objects = Json::array();
  for (const diff::ObjectDrift& drift : changes.objects) objects.push_back(ObjectJson(drift));
  json["objects"] = std::move(objects);
  Json versions = Json::array();
  if (history != nullptr) {
    for (const diff::VersionDrift& drift : history->versions) {
      if (drift.status == diff::VersionStatus::kApplied) continue;
      versions.push_back(VersionDriftJson(drift, /*with_time=*/false));
    }
  }
  json["history"] = std::move(versions);
  return json;
}

}  // namespace pgdrift::cli
