// The human history listing: a table like `supabase migration list` (Local | Remote |
// Time (UTC) | Status, one row per version), the warnings, and a one-line summary; and the
// shorter history section `check` prints (only versions that are not applied).
#ifndef PGDRIFT_CLI_HISTORY_TEXT_H_
#define PGDRIFT_CLI_HISTORY_TEXT_H_

#include <string>
#include <string_view>

#include "cli/terminal.h"
#include "diff/history_diff.h"

namespace pgdrift::cli {

// A version as the Supabase CLI shows it in the Time (UTC) column: a 14-digit version as
// "YYYY-MM-DD HH:MM:SS", any other version unchanged (utils.FormatTimestampVersion).
std::string VersionTime(std::string_view version);

// Writes the full listing of `report` to `out`.
void PrintHistoryText(const diff::HistoryReport& report, const Output& out);

// Writes the versions of `report` that are not applied, grouped under a "History" heading
// (nothing when the history is aligned).
void PrintHistorySection(const diff::HistoryReport& report, const Output& out);

// "Aligned: 3 versions applied." or "Not aligned: 2 applied, 1 local only, …" (counts
// that are zero left out); with a `subject`, "<subject> aligned: …" / "<subject> not
// aligned: …".
std::string HistorySummary(const diff::HistoryReport& report, const Output& out,
                           std::string_view subject = "");

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_HISTORY_TEXT_H_
