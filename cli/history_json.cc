#include "cli/history_json.h"

namespace pgdrift::cli {

using Json = nlohmann::ordered_json;

Json VersionDriftJson(const diff::VersionDrift& drift, bool with_time) {
  Json json = Json::object();
  json["version"] = drift.version;
  json["name"] = drift.name;
  json["status"] = std::string(diff::VersionStatusName(drift.status));
  if (!drift.local_path.empty()) json["file"] = drift.local_path;
  if (with_time && !drift.applied_at.empty()) json["applied_at"] = drift.applied_at;
  if (!drift.detail.empty()) json["detail"] = drift.detail;
  if (!drift.same_as.empty()) json["same_as"] = drift.same_as;
  return json;
}

Json HistoryToJson(const diff::HistoryReport& report) {
  Json json = Json::object();
  json["format"] = kHistoryFormat;
  json["aligned"] = report.aligned();
  json["tool"] = report.tool;
  json["table"] = report.table;
  Json summary = Json::object();
  for (diff::VersionStatus status :
       {diff::VersionStatus::kApplied, diff::VersionStatus::kLocalOnly,
        diff::VersionStatus::kRemoteOnly, diff::VersionStatus::kModified,
        diff::VersionStatus::kOutOfOrder, diff::VersionStatus::kFailed}) {
    summary[std::string(diff::VersionStatusName(status))] = report.Count(status);
  }
  json["summary"] = std::move(summary);
  Json versions = Json::array();
  for (const diff::VersionDrift& drift : report.versions) {
    versions.push_back(VersionDriftJson(drift, /*with_time=*/true));
  }
  json["versions"] = std::move(versions);
  json["warnings"] = report.warnings;
  return json;
}

}  // namespace pgdrift::cli
