#include "diff/history_diff.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "base/strings.h"

namespace pgdrift::diff {
namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Compares two digit strings as numbers of any length: -1, 0 or 1.
int CompareNumbers(std::string_view a, std::string_view b) {
  a.remove_prefix(std::min(a.find_first_not_of('0'), a.size()));
  b.remove_prefix(std::min(b.find_first_not_of('0'), b.size()));
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int order = a.compare(b);
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

// Flyway compares versions part by part ("1.10" after "1.9"; `_` separates parts like `.`),
// as numbers (org.flywaydb.core.api.MigrationVersion compareTo).
bool FlywayVersionLess(std::string_view a, std::string_view b) {
  auto parts = [](std::string_view version) {
    return StrSplit(ReplaceAll(version, "_", "."), '.');
  };
  std::vector<std::string> left = parts(a);
  std::vector<std::string> right = parts(b);
  for (size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
    std::string_view x = i < left.size() ? std::string_view(left[i]) : "0";
    std::string_view y = i < right.size() ? std::string_view(right[i]) : "0";
    int order = AllDigits(x) && AllDigits(y) ? CompareNumbers(x, y) : x.compare(y);
    if (order != 0) return order < 0;
  }
  return a < b;
}

// The order the remote's tool applies versions in: Flyway by version parts, golang-migrate
// by number (its versions are uint), the Supabase CLI, dbmate and Prisma by text.
std::function<bool(std::string_view, std::string_view)> ToolOrder(model::HistoryTool tool) {
  switch (tool) {
    case model::HistoryTool::kFlyway:
      return FlywayVersionLess;
    case model::HistoryTool::kGolangMigrate:
      return [](std::string_view a, std::string_view b) {
        if (AllDigits(a) && AllDigits(b) && CompareNumbers(a, b) != 0) {
          return CompareNumbers(a, b) < 0;
        }
        return a < b;
      };
    case model::HistoryTool::kSupabase:
    case model::HistoryTool::kDbmate:
    case model::HistoryTool::kPrisma:
      return VersionLess;
  }
  return VersionLess;
}

// Whether the recorded statements (fingerprints) of `row` are usable.
bool HasStatements(const model::HistoryEntry& row) {
  return row.statements.has_value() && row.fingerprints.size() == row.statements->size();
}

// Why `local` differs from what `row` recorded, or "" when it does not (or cannot be told).
std::string ModifiedDetail(const model::LocalMigration& local, const model::HistoryEntry& row) {
  if (HasStatements(row)) {
    const std::vector<std::string>& recorded = row.fingerprints;
    if (recorded.size() != local.fingerprints.size()) {
      return StrCat(recorded.size(), recorded.size() == 1 ? " statement" : " statements",
                    " recorded, ", local.fingerprints.size(), " in the file");
    }
    for (size_t i = 0; i < recorded.size(); ++i) {
      if (recorded[i] != local.fingerprints[i]) {
        return StrCat("statement ", i + 1, " of ", recorded.size(), " differs");
      }
    }
    return "";
  }
  if (row.checksum.has_value() && !local.checksum.empty() && *row.checksum != local.checksum) {
    return StrCat("checksum ", *row.checksum, " recorded, ", local.checksum, " now");
  }
  return "";
}

// Whether `local` holds what `row` recorded: the same statement fingerprints when the row
// has statements, else the same checksum when both have one. False when it cannot be told.
bool SameContent(const model::LocalMigration& local, const model::HistoryEntry& row) {
  if (HasStatements(row)) return !row.fingerprints.empty() && row.fingerprints == local.fingerprints;
  return row.checksum.has_value() && !local.checksum.empty() && *row.checksum == local.checksum;
}

// The status of a version both sides have.
VersionDrift Matched(const model::LocalMigration& local, const model::HistoryEntry& row) {
  VersionDrift drift{.version = local.version,
                     .name = local.name.empty() ? row.name : local.name,
                     .local_path = local.path,
                     .applied_at = row.applied_at};
  if (row.failed) {
    drift.status = VersionStatus::kFailed;
    drift.detail = row.failure.empty() ? "failed" : row.failure;
    return drift;
  }
  drift.detail = ModifiedDetail(local, row);
  drift.status = drift.detail.empty() ? VersionStatus::kApplied : VersionStatus::kModified;
  return drift;
}

VersionDrift RemoteOnly(const model::HistoryEntry& row) {
  VersionDrift drift{.version = row.version, .name = row.name, .applied_at = row.applied_at};
  drift.status = row.failed ? VersionStatus::kFailed : VersionStatus::kRemoteOnly;
  if (row.failed) drift.detail = row.failure.empty() ? "failed" : row.failure;
  return drift;
}

// Pairs remote-only versions with local-only files that hold the same migration under
// another version (a file renamed, or re-created with `migration new`, after it was
// pushed): same name — or any name when the remote recorded none — and same content.
void MatchRenamedVersions(const std::vector<model::LocalMigration>& local,
                          const model::History& remote, std::vector<VersionDrift>& versions,
                          std::vector<std::string>& warnings) {
  std::map<std::string, const model::LocalMigration*> local_by_version;
  for (const model::LocalMigration& file : local) {
    if (!file.repeatable) local_by_version.emplace(file.version, &file);
  }
  std::map<std::string, const model::HistoryEntry*> remote_by_version;
  for (const model::HistoryEntry& row : remote.entries) {
    if (!row.version.empty()) remote_by_version[row.version] = &row;
  }
  std::set<size_t> paired_local;
  for (VersionDrift& theirs : versions) {
    if (theirs.status != VersionStatus::kRemoteOnly) continue;
    const model::HistoryEntry& row = *remote_by_version.at(theirs.version);
    for (size_t i = 0; i < versions.size(); ++i) {
      VersionDrift& ours = versions[i];
      if (ours.status != VersionStatus::kLocalOnly && ours.status != VersionStatus::kOutOfOrder) {
        continue;
      }
      if (paired_local.count(i) > 0 || ours.local_path.empty()) continue;
      auto file = local_by_version.find(ours.version);
      if (file == local_by_version.end()) continue;
      if (!row.name.empty() && row.name != file->second->name) continue;
      if (!SameContent(*file->second, row)) continue;
      paired_local.insert(i);
      theirs.same_as = ours.version;
      ours.same_as = theirs.version;
      warnings.push_back(StrCat("local migration ", ours.local_path, " holds what remote version ",
                                theirs.version, " recorded: rename the file to version ",
                                theirs.version, " instead of pushing it again"));
      break;
    }
  }
}

// Warns when the versions' text order (how the Supabase CLI and `ORDER BY version` sort
// them) and numeric order (how `supabase migration list` pairs them) disagree, which can
// only happen when all-digit versions have different lengths.
void WarnOrderDisagreement(const std::vector<VersionDrift>& versions,
                           std::vector<std::string>& warnings) {
  std::vector<std::string_view> numbers;
  for (const VersionDrift& drift : versions) {
    if (AllDigits(drift.version)) numbers.push_back(drift.version);
  }
  // `versions` is in text order; any inversion shows between neighbours.
  for (size_t i = 1; i < numbers.size(); ++i) {
    if (CompareNumbers(numbers[i - 1], numbers[i]) > 0) {
      warnings.push_back(StrCat("versions ", numbers[i - 1], " and ", numbers[i],
                                " sort differently as text and as numbers: the Supabase CLI "
                                "applies and compares versions as text (",
                                numbers[i - 1], " first); use versions of one length"));
      return;
    }
  }
}

// Flyway repeatable migrations: no version, re-applied whenever their checksum changes;
// each file is compared with the latest row that has its description.
void CompareRepeatable(const std::vector<model::LocalMigration>& local,
                       const model::History& remote, std::vector<VersionDrift>& versions) {
  std::map<std::string, const model::HistoryEntry*> latest;  // by description
  for (const model::HistoryEntry& row : remote.entries) {
    if (row.version.empty()) latest[row.name] = &row;
  }
  std::map<std::string, VersionDrift> repeatable;  // by name, for a stable order
  for (const model::LocalMigration& file : local) {
    if (!file.repeatable) continue;
    auto row = latest.find(file.name);
    if (row == latest.end()) {
      repeatable[file.name] = {.version = "",
                               .name = file.name,
                               .status = VersionStatus::kLocalOnly,
                               .local_path = file.path};
      continue;
    }
    repeatable[file.name] = Matched(file, *row->second);
    latest.erase(row);
  }
  for (const auto& [name, row] : latest) repeatable[name] = RemoteOnly(*row);
  for (auto& [name, drift] : repeatable) versions.push_back(std::move(drift));
}

}  // namespace

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

// The Supabase CLI compares versions as Go strings (byte order): pkg/migration/file.go
// FindPendingMigrations walks local files and remote rows with `remote < local`, the
// remote rows come from `SELECT version … ORDER BY version` (a text column) and the local
// files in directory order. Only its `migration list` table pairs them by number
// (internal/migration/list/list.go makeTable, strconv.Atoi).
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
  HistoryReport report;
  report.tool = std::string(model::HistoryToolName(remote.tool));
  report.table = remote.table;
  auto less = ToolOrder(remote.tool);
  auto compare_versions = [&less](const std::string& a, const std::string& b) {
    return less(a, b);
  };

  std::map<std::string, const model::LocalMigration*, decltype(compare_versions)> local_by_version(
      compare_versions);
  for (const model::LocalMigration& file : local) {
    if (file.repeatable) continue;
    auto [it, inserted] = local_by_version.emplace(file.version, &file);
    if (!inserted) {
      report.warnings.push_back(StrCat("version ", file.version, " is used by ", it->second->path,
                                       " and ", file.path, "; only the first is compared"));
    }
  }
  // Rows with the same version (a tool that re-records a retried migration): the last one
  // is what the tool now believes.
  std::map<std::string, const model::HistoryEntry*, decltype(compare_versions)> remote_by_version(
      compare_versions);
  std::map<std::string, int> rows_per_version;
  for (const model::HistoryEntry& row : remote.entries) {
    if (row.version.empty()) continue;
    remote_by_version[row.version] = &row;
    if (++rows_per_version[row.version] == 2) {
      report.warnings.push_back(
          StrCat("version ", row.version, " has more than one row in ", remote.table,
                 "; the last one is compared"));
    }
  }
  std::string newest_remote =
      remote_by_version.empty() ? "" : remote_by_version.rbegin()->first;

  std::set<std::string, decltype(compare_versions)> all_versions(compare_versions);
  for (const auto& [version, file] : local_by_version) all_versions.insert(version);
  for (const auto& [version, row] : remote_by_version) all_versions.insert(version);
  for (const std::string& version : all_versions) {
    auto file = local_by_version.find(version);
    auto row = remote_by_version.find(version);
    if (file != local_by_version.end() && row != remote_by_version.end()) {
      report.versions.push_back(Matched(*file->second, *row->second));
    } else if (row != remote_by_version.end()) {
      report.versions.push_back(RemoteOnly(*row->second));
    } else {
      VersionDrift drift{.version = version,
                         .name = file->second->name,
                         .status = VersionStatus::kLocalOnly,
                         .local_path = file->second->path};
      if (!newest_remote.empty() && less(version, newest_remote)) {
        drift.status = VersionStatus::kOutOfOrder;
        drift.detail = StrCat("sorts before ", newest_remote, ", the newest version ",
                              remote.table.empty() ? "the remote" : remote.table, " records");
      }
      report.versions.push_back(std::move(drift));
    }
  }
  MatchRenamedVersions(local, remote, report.versions, report.warnings);
  if (remote.tool == model::HistoryTool::kSupabase) {
    WarnOrderDisagreement(report.versions, report.warnings);
  }
  CompareRepeatable(local, remote, report.versions);
  if (!remote.ignored_columns.empty()) {
    report.warnings.push_back(StrCat(remote.table, " has columns pgdrift does not read: ",
                                     StrJoin(remote.ignored_columns, ", ")));
  }
  return report;
}

}  // namespace pgdrift::diff
