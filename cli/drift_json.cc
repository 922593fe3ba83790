#include "cli/drift_json.h"

#include "cli/history_json.h"
#include "report/value_json.h"

namespace pgdrift::cli {
namespace {

using Json = nlohmann::ordered_json;

using report::ValueJson;

// [{"attribute", "local", "remote"}, …] of a changed object.
Json ChangesJson(const std::vector<diff::AttributeChange>& changes) {
  Json list = Json::array();
  for (const diff::AttributeChange& change : changes) {
    Json item = Json::object();
    item["attribute"] = change.attribute;
    item["local"] = ValueJson(change.local);
    item["remote"] = ValueJson(change.remote);
    list.push_back(std::move(item));
  }
  return list;
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
  if (!drift.changes.empty()) json["changes"] = ChangesJson(drift.changes);
  if (!drift.contains.empty()) {
    Json contains = Json::array();
    for (const model::ObjectId& id : drift.contains) contains.push_back(id.ToString());
    json["contains"] = std::move(contains);
  }
  return json;
}

// "failing", and for an ignored finding "ignored" and "ignored_by".
void AddRuleFields(const Finding& finding, Json* json) {
  (*json)["failing"] = finding.failing;
  if (finding.ignored) {
    (*json)["ignored"] = true;
    (*json)["ignored_by"] = finding.ignored_by;
  }
}

Json FindingObjectJson(const Finding& finding) {
  Json json = Json::object();
  json["identity"] = finding.identity;
  json["kind"] = finding.kind;
  if (!finding.object.schema.empty()) json["schema"] = finding.object.schema;
  json["name"] = finding.object.name;
  if (!finding.object.parent.empty()) json["parent"] = finding.object.parent;
  json["status"] = finding.category;
  if (!finding.location_is_fallback && !finding.file.empty() && finding.line > 0) {
    Json origin = Json::object();
    origin["file"] = finding.file;
    origin["line"] = finding.line;
    json["origin"] = std::move(origin);
  }
  if (!finding.changes.empty()) json["changes"] = ChangesJson(finding.changes);
  if (!finding.contains.empty()) json["contains"] = finding.contains;
  AddRuleFields(finding, &json);
  return json;
}

Json FindingChainJson(const Finding& finding) {
  Json json = Json::object();
  std::string_view status = finding.category;
  if (status.substr(0, 6) == "chain_") status.remove_prefix(6);
  json["file"] = finding.file;
  json["status"] = std::string(status);
  json["line"] = finding.line;
  json["message"] = finding.message;
  AddRuleFields(finding, &json);
  return json;
}

}  // namespace

nlohmann::ordered_json CheckResultToJson(const CheckResult& result) {
  Json json = Json::object();
  json["format"] = kDriftFormat;
  json["drift"] = result.drift();
  if (!result.error.empty()) json["error"] = result.error;
  Json summary = Json::object();
  for (std::string_view category : {"local_only", "remote_only", "changed", "history_local_only",
                                    "history_remote_only", "history_modified"}) {
    summary[std::string(category)] = result.Count(category);
  }
  if (result.history_compared) {
    summary["history_out_of_order"] = result.Count("history_out_of_order");
    summary["history_failed"] = result.Count("history_failed");
  }
  for (std::string_view category : {"chain_edited", "chain_removed", "chain_out_of_order"}) {
    summary[std::string(category)] = result.Count(category);
  }
  summary["ignored"] = result.IgnoredCount();
  summary["failing"] = result.FailingCount();
  json["summary"] = std::move(summary);
  Json objects = Json::array();
  Json versions = Json::array();
  Json chain = Json::array();
  for (const Finding& finding : result.findings) {
    switch (finding.subject) {
      case FindingSubject::kObject:
        objects.push_back(FindingObjectJson(finding));
        break;
      case FindingSubject::kVersion:
        if (finding.version.has_value()) {
          Json version = VersionDriftJson(*finding.version, /*with_time=*/false);
          AddRuleFields(finding, &version);
          versions.push_back(std::move(version));
        }
        break;
      case FindingSubject::kChainFile:
        chain.push_back(FindingChainJson(finding));
        break;
    }
  }
  json["objects"] = std::move(objects);
  json["history"] = std::move(versions);
  json["chain"] = std::move(chain);
  return json;
}

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
