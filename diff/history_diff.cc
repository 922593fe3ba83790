#include "diff/history_diff.h"

#include <algorithm>

namespace pgdrift::diff {

std::string_view VersionStatusName(VersionStatus status) {
  switch (status) {
    case VersionStatus::kApplied:
      return "applied";
    case VersionStatus::kLocalOnly:
      return "local_only";
    case VersionStatus::kRemoteOnly:
      return "remote_only";
    case VersionStatus::kModified:
      return "modified";
    case VersionStatus::kOutOfOrder:
      return "out_of_order";
    case VersionStatus::kFailed:
      return "failed";
  }
  return "applied";
}

bool VersionLess(std::string_view a, std::string_view b) { return a < b; }

bool HistoryReport::aligned() const {
  return std::all_of(versions.begin(), versions.end(),
                     [](const VersionDrift& v) { return v.status == VersionStatus::kApplied; });
}

int HistoryReport::Count(VersionStatus status) const {
  return static_cast<int>(std::count_if(versions.begin(), versions.end(),
                                        [status](const VersionDrift& v) { return v.status == status; }));
}

HistoryReport CompareHistory(const std::vector<model::LocalMigration>& local,
                             const model::History& remote) {
  (void)local;
  (void)remote;
  return {};
}

}  // namespace pgdrift::diff
