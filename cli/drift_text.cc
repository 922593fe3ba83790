#include "cli/drift_text.h"

#include "base/strings.h"
#include "cli/history_text.h"

namespace pgdrift::cli {
namespace {

std::string Plural(int count, std::string_view word) {
  return StrCat(count, " ", word, count == 1 ? "" : "s");
}

void PrintGroup(const diff::ChangeSet& changes, diff::DriftStatus status, std::string_view heading,
                std::string_view marker, std::string_view color, const Output& out) {
  if (changes.Count(status) == 0) return;
  *out.stream << out.Paint("1", heading) << "\n";
  for (const diff::ObjectDrift& drift : changes.objects) {
    if (drift.status != status) continue;
    *out.stream << "  " << out.Paint(color, StrCat(marker, " ", drift.id.ToString()));
    if (drift.local_lineage.created.known()) {
      const SourceSpan& origin = drift.local_lineage.created;
      *out.stream << out.Paint("2", StrCat("  (", origin.file, ":", origin.line, ")"));
    }
    *out.stream << "\n";
    for (const diff::AttributeChange& change : drift.changes) {
      *out.stream << "      - " << change.attribute << ": " << diff::ValueToString(change.local)
                  << " → " << diff::ValueToString(change.remote) << "\n";
    }
    if (!drift.contains.empty()) {
      *out.stream << out.Paint("2", StrCat("      with ", drift.contains.size(), " contained object",
                                           drift.contains.size() == 1 ? "" : "s"))
                  << "\n";
    }
  }
  *out.stream << "\n";
}

}  // namespace

void PrintDriftText(const diff::ChangeSet& changes, const SideNames& sides, const Output& out,
                    const diff::HistoryReport* history) {
  PrintGroup(changes, diff::DriftStatus::kLocalOnly,
             StrCat("Only in ", sides.local, " (missing from ", sides.remote, "):"), "+", "32", out);
  PrintGroup(changes, diff::DriftStatus::kRemoteOnly,
             StrCat("Only in ", sides.remote, " (not in ", sides.local, "):"), "-", "31", out);
  PrintGroup(changes, diff::DriftStatus::kChanged,
             StrCat("Changed (", sides.local, " → ", sides.remote, "):"), "~", "33", out);
  if (history != nullptr) PrintHistorySection(*history, out);
  bool history_drift = history != nullptr && !history->aligned();
  if (changes.empty() && !history_drift) {
    *out.stream << out.Paint("32", "No drift") << ": " << sides.local << " and " << sides.remote
                << " match.\n";
    return;
  }
  *out.stream << out.Paint("1", "Drift") << ": "
              << Plural(changes.Count(diff::DriftStatus::kLocalOnly), "object") << " only in "
              << sides.local << ", " << changes.Count(diff::DriftStatus::kRemoteOnly) << " only in "
              << sides.remote << ", " << changes.Count(diff::DriftStatus::kChanged) << " changed.\n";
  if (history != nullptr) *out.stream << HistorySummary(*history, out, "History") << "\n";
}

}  // namespace pgdrift::cli
