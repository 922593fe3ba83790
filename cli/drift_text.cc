#include "cli/drift_text.h"

#include <algorithm>
#include <vector>

#include "base/plural.h"
#include "base/strings.h"
#include "cli/history_text.h"

namespace pgdrift::cli {
namespace {

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

// "(file:line)" for a finding with a local side, "" for the others.
std::string Location(const Finding& finding) {
  if (finding.location_is_fallback || finding.file.empty()) return "";
  // A version's location is its whole file.
  bool with_line = finding.line > 0 && finding.subject != FindingSubject::kVersion;
  return with_line ? StrCat("(", finding.file, ":", finding.line, ")") : StrCat("(", finding.file, ")");
}

// One finding's line (and its attribute changes), unless it is ignored.
void PrintFinding(const Finding& finding, std::string_view marker, std::string_view color,
                  const Output& out) {
  std::string label = finding.identity;
  if (finding.subject == FindingSubject::kVersion && finding.version.has_value()) {
    const diff::VersionDrift& version = *finding.version;
    label = StrCat(version.version.empty() ? StrCat("R__", version.name) : version.version, " ",
                   diff::VersionStatusName(version.status));
    if (!version.detail.empty()) StrAppend(&label, ": ", version.detail);
    if (!version.same_as.empty()) {
      StrAppend(&label, version.detail.empty() ? " " : "; ", "(same migration as ",
                version.local_path.empty() ? "local version " : "remote version ", version.same_as,
                ")");
    }
  } else if (finding.subject == FindingSubject::kChainFile) {
    label = finding.message;
  }
  *out.stream << "  " << out.Paint(color, marker.empty() ? label : StrCat(marker, " ", label));
  std::string location = Location(finding);
  if (!location.empty()) *out.stream << out.Paint("2", StrCat("  ", location));
  *out.stream << "\n";
  for (const diff::AttributeChange& change : finding.changes) {
    *out.stream << "      - " << change.attribute << ": " << diff::ValueToString(change.local)
                << " → " << diff::ValueToString(change.remote) << "\n";
  }
  if (!finding.contains.empty()) {
    *out.stream << out.Paint("2", StrCat("      with ", finding.contains.size(), " contained object",
                                         finding.contains.size() == 1 ? "" : "s"))
                << "\n";
  }
}

// The findings of `categories` that no rule ignores, under `heading`.
void PrintFindingGroup(const CheckResult& result, const std::vector<std::string_view>& categories,
                       std::string_view heading, std::string_view marker, std::string_view color,
                       const Output& out) {
  bool any = false;
  for (const Finding& finding : result.findings) {
    if (finding.ignored ||
        std::find(categories.begin(), categories.end(), finding.category) == categories.end()) {
      continue;
    }
    if (!any) *out.stream << out.Paint("1", heading) << "\n";
    any = true;
    PrintFinding(finding, marker, color, out);
  }
  if (any) *out.stream << "\n";
}

// "History aligned: 3 versions applied." or "History not aligned: 2 applied, 1 local
// only, …", counting the versions no rule ignores.
std::string CheckHistorySummary(const CheckResult& result, const Output& out) {
  int applied = static_cast<int>(result.applied_versions.size());
  std::vector<std::string> counts = {StrCat(applied, " applied")};
  bool aligned = true;
  for (std::string_view category : {"history_local_only", "history_remote_only", "history_modified",
                                    "history_out_of_order", "history_failed"}) {
    int count = result.Count(category);
    if (count == 0) continue;
    aligned = false;
    counts.push_back(StrCat(count, " ", ReplaceAll(category.substr(8), "_", " ")));
  }
  if (aligned) {
    return StrCat(out.Paint("32", "History aligned"), ": ", Plural(applied, "version"), " applied.");
  }
  return StrCat(out.Paint("1", "History not aligned"), ": ", StrJoin(counts, ", "), ".");
}

}  // namespace

void PrintCheckText(const CheckResult& result, const Output& out) {
  if (!result.error.empty()) {
    *out.stream << out.Paint("1;31", "error") << ": " << result.error << "\n";
    return;
  }
  const bool has_remote = !result.remote.empty() || !result.description.empty();
  PrintFindingGroup(result, {"local_only"}, "Only in migrations (missing from the remote):", "+",
                    "32", out);
  PrintFindingGroup(result, {"remote_only"}, "Only in the remote (not in migrations):", "-", "31",
                    out);
  PrintFindingGroup(result, {"changed"}, "Changed (migrations → the remote):", "~", "33", out);
  if (result.history_compared) {
    PrintFindingGroup(result,
                      {"history_local_only", "history_remote_only", "history_modified",
                       "history_out_of_order", "history_failed"},
                      StrCat("History (", result.history_table, "):"), "", "33", out);
    for (const std::string& warning : result.history_warnings) {
      *out.stream << out.Paint("33", "warning") << ": " << warning << "\n";
    }
    if (!result.history_warnings.empty()) *out.stream << "\n";
  }
  PrintFindingGroup(result, {"chain_edited", "chain_removed", "chain_out_of_order"},
                    "Migration chain (merged files):", "!", "33", out);
  if (result.IgnoredCount() > 0) {
    *out.stream << out.Paint("1", "Ignored:") << "\n";
    for (const Finding& finding : result.findings) {
      if (!finding.ignored) continue;
      *out.stream << "  " << out.Paint("2", finding.identity) << "  (ignored by "
                  << finding.ignored_by << ")\n";
    }
    *out.stream << "\n";
  }

  int objects = result.Count("local_only") + result.Count("remote_only") + result.Count("changed");
  if (has_remote) {
    if (objects == 0) {
      *out.stream << out.Paint("32", "No drift") << ": migrations and the remote match.\n";
    } else {
      *out.stream << out.Paint("1", "Drift") << ": " << Plural(result.Count("local_only"), "object")
                  << " only in migrations, " << result.Count("remote_only")
                  << " only in the remote, " << result.Count("changed") << " changed.\n";
    }
  }
  if (result.history_compared) *out.stream << CheckHistorySummary(result, out) << "\n";
  int chain = result.Count("chain_edited") + result.Count("chain_removed") +
              result.Count("chain_out_of_order");
  bool chain_checked = std::any_of(result.findings.begin(), result.findings.end(), [](const Finding& f) {
    return f.subject == FindingSubject::kChainFile;
  });
  if (chain > 0 || chain_checked || !has_remote) {
    *out.stream << out.Paint(chain == 0 ? "32" : "1", chain == 0 ? "Chain unchanged" : "Chain changed")
                << ": " << result.Count("chain_edited") << " edited, " << result.Count("chain_removed")
                << " removed, " << result.Count("chain_out_of_order") << " out of order.\n";
  }
  int failing = result.FailingCount();
  int ignored = result.IgnoredCount();
  std::string verdict = failing == 0 ? "No finding fails the build under --fail-on"
                                     : StrCat(Plural(failing, "finding"),
                                              failing == 1 ? " fails" : " fail",
                                              " the build under --fail-on");
  *out.stream << out.Paint(failing == 0 ? "32" : "1;31", verdict);
  if (ignored > 0) *out.stream << " (" << ignored << " ignored)";
  *out.stream << ".\n";
}

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
