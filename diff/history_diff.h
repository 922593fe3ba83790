// History diff: the local migration files against the versions a database recorded, in
// the statuses of pgdrift.drift/v1 (`applied`, `local_only`, `remote_only`, `modified`,
// `out_of_order`) plus `failed` for rows the tool marks as not completed.
#ifndef PGDRIFT_DIFF_HISTORY_DIFF_H_
#define PGDRIFT_DIFF_HISTORY_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/history.h"

namespace pgdrift::diff {

enum class VersionStatus { kApplied, kLocalOnly, kRemoteOnly, kModified, kOutOfOrder, kFailed };

// "applied", "local_only", "remote_only", "modified", "out_of_order", "failed".
std::string_view VersionStatusName(VersionStatus status);

// Orders versions as the Supabase CLI does (text order of the version strings, which is
// numeric order only while all versions have the same length).
bool VersionLess(std::string_view a, std::string_view b);

// One version, present on either side or both.
struct VersionDrift {
  std::string version;
  std::string name;        // the local file's name, else the remote row's
  VersionStatus status = VersionStatus::kApplied;
  std::string local_path;  // "" when only the remote has it
  std::string applied_at;  // from the remote row, "" when none
  // Why: for kModified which statement differs ("statement 3 of 5 differs" / "checksum
  // 123 recorded, 456 now"), for kFailed the tool's word ("dirty"), for kOutOfOrder the
  // newest applied version it sorts before.
  std::string detail;
  // For a remote-only version matched to a local-only file with the same name and
  // statement fingerprints: the local file's version (the file should be renamed to this
  // version rather than pushed again). Set on both entries of the pair.
  std::string same_as;
};

// The whole comparison.
struct HistoryReport {
  std::string tool;   // model::HistoryToolName of the remote history, "" when it has none
  std::string table;  // the history table read
  std::vector<VersionDrift> versions;  // in VersionLess order
  // Warnings for the report (text and numeric order disagree, unknown columns …).
  std::vector<std::string> warnings;

  // Whether every version is applied.
  bool aligned() const;
  int Count(VersionStatus status) const;
};

// Compares `local` (in the order the layout applies them) with `remote`.
HistoryReport CompareHistory(const std::vector<model::LocalMigration>& local,
                             const model::History& remote);

}  // namespace pgdrift::diff

#endif  // PGDRIFT_DIFF_HISTORY_DIFF_H_
