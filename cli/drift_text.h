// The human drift listing: grouped by status, one line per object, attribute changes
// indented (`- not_null: false → true`), the local origin file:line where known, and a
// one-line summary last. Coloured only on a terminal.
#ifndef PGDRIFT_CLI_DRIFT_TEXT_H_
#define PGDRIFT_CLI_DRIFT_TEXT_H_

#include <string>

#include "cli/check_findings.h"
#include "cli/terminal.h"
#include "diff/change_set.h"
#include "diff/history_diff.h"

namespace pgdrift::cli {

// Names for the two sides in headings, e.g. "migrations" and "database".
struct SideNames {
  std::string local = "local";
  std::string remote = "remote";
};

// Writes the listing of `changes` to `out`; with `history` (a remote that keeps one), also
// the versions that are not applied, and history drift counts as drift.
void PrintDriftText(const diff::ChangeSet& changes, const SideNames& sides, const Output& out,
                    const diff::HistoryReport* history = nullptr);

// Writes the listing of one `check` result: the findings no rule ignores (objects grouped
// as PrintDriftText groups them, then versions, then chain files), an "Ignored" section
// naming the rule of each ignored finding, and summary lines ending with how many
// findings fail the build under --fail-on. An errored result prints its error.
void PrintCheckText(const CheckResult& result, const Output& out);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_DRIFT_TEXT_H_
