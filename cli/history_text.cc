#include "cli/history_text.h"

#include <algorithm>
#include <vector>

#include "base/strings.h"

namespace pgdrift::cli {
namespace {

using diff::VersionStatus;

constexpr VersionStatus kStatuses[] = {VersionStatus::kApplied,    VersionStatus::kLocalOnly,
                                       VersionStatus::kRemoteOnly, VersionStatus::kModified,
                                       VersionStatus::kOutOfOrder, VersionStatus::kFailed};

// The ANSI colour of a status: pending work green, remote-only red, changed yellow.
std::string_view StatusColor(VersionStatus status) {
  switch (status) {
    case VersionStatus::kApplied:
      return "2";
    case VersionStatus::kLocalOnly:
      return "32";
    case VersionStatus::kRemoteOnly:
      return "31";
    case VersionStatus::kModified:
    case VersionStatus::kOutOfOrder:
      return "33";
    case VersionStatus::kFailed:
      return "1;31";
  }
  return "0";
}

// The status with its words: "local only", "out of order" …
std::string StatusWords(VersionStatus status) {
  return ReplaceAll(diff::VersionStatusName(status), "_", " ");
}

bool OnRemote(const diff::VersionDrift& drift) {
  return drift.status != VersionStatus::kLocalOnly && drift.status != VersionStatus::kOutOfOrder;
}

// What the Status column (and the check section) says about `drift`.
std::string StatusText(const diff::VersionDrift& drift) {
  std::string text = std::string(diff::VersionStatusName(drift.status));
  if (!drift.detail.empty()) StrAppend(&text, ": ", drift.detail);
  if (!drift.same_as.empty()) {
    StrAppend(&text, drift.detail.empty() ? " " : "; ", "(same migration as ",
              drift.local_path.empty() ? "local version " : "remote version ", drift.same_as, ")");
  }
  return text;
}

// How a version is shown in the Local and Remote columns (repeatable migrations by name).
std::string Shown(const diff::VersionDrift& drift) {
  return drift.version.empty() ? StrCat("R__", drift.name) : drift.version;
}

std::string Pad(std::string_view text, size_t width) {
  std::string padded(text);
  if (padded.size() < width) padded.append(width - padded.size(), ' ');
  return padded;
}

}  // namespace

std::string VersionTime(std::string_view version) {
  bool digits = version.size() == 14 && std::all_of(version.begin(), version.end(), [](char c) {
                  return c >= '0' && c <= '9';
                });
  if (!digits) return std::string(version);
  return StrCat(version.substr(0, 4), "-", version.substr(4, 2), "-", version.substr(6, 2), " ",
                version.substr(8, 2), ":", version.substr(10, 2), ":", version.substr(12, 2));
}

std::string HistorySummary(const diff::HistoryReport& report, const Output& out,
                           std::string_view subject) {
  int applied = report.Count(VersionStatus::kApplied);
  if (report.aligned()) {
    return StrCat(out.Paint("32", subject.empty() ? "Aligned" : StrCat(subject, " aligned")), ": ",
                  applied,
                  applied == 1 ? " version applied." : " versions applied.");
  }
  std::vector<std::string> counts;
  for (VersionStatus status : kStatuses) {
    int count = report.Count(status);
    if (count > 0 || status == VersionStatus::kApplied) {
      counts.push_back(StrCat(count, " ", StatusWords(status)));
    }
  }
  return StrCat(out.Paint("1", subject.empty() ? "Not aligned" : StrCat(subject, " not aligned")),
                ": ", StrJoin(counts, ", "), ".");
}

void PrintHistoryText(const diff::HistoryReport& report, const Output& out) {
  std::ostream& stream = *out.stream;
  if (!report.table.empty()) stream << "History table: " << report.table << "\n\n";
  const std::vector<std::string> headings = {"Local", "Remote", "Time (UTC)", "Status"};
  std::vector<std::vector<std::string>> rows;
  for (const diff::VersionDrift& drift : report.versions) {
    rows.push_back({drift.local_path.empty() ? "" : Shown(drift), OnRemote(drift) ? Shown(drift) : "",
                    drift.version.empty() ? "" : VersionTime(drift.version), StatusText(drift)});
  }
  std::vector<size_t> widths;
  for (const std::string& heading : headings) widths.push_back(heading.size());
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  // The last column is not padded, so lines carry no trailing spaces.
  auto print_row = [&](const std::vector<std::string>& cells, std::string_view color) {
    stream << "  ";
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i + 1 < cells.size()) {
        stream << Pad(cells[i], widths[i]) << " | ";
      } else {
        stream << (color.empty() ? cells[i] : out.Paint(color, cells[i]));
      }
    }
    stream << "\n";
  };
  print_row(headings, "");
  std::vector<std::string> rule;
  for (size_t width : widths) rule.push_back(std::string(width, '-'));
  stream << "  " << StrJoin(rule, "-|-") << "\n";
  for (size_t i = 0; i < rows.size(); ++i) print_row(rows[i], StatusColor(report.versions[i].status));
  stream << "\n";
  for (const std::string& warning : report.warnings) {
    stream << out.Paint("33", "warning") << ": " << warning << "\n";
  }
  if (!report.warnings.empty()) stream << "\n";
  stream << HistorySummary(report, out) << "\n";
}

void PrintHistorySection(const diff::HistoryReport& report, const Output& out) {
  if (report.aligned()) return;
  std::ostream& stream = *out.stream;
  stream << out.Paint("1", StrCat("History (", report.table, "):")) << "\n";
  for (const diff::VersionDrift& drift : report.versions) {
    if (drift.status == VersionStatus::kApplied) continue;
    stream << "  " << out.Paint(StatusColor(drift.status), StrCat(Shown(drift), " ", StatusText(drift)));
    if (!drift.local_path.empty()) stream << out.Paint("2", StrCat("  (", drift.local_path, ")"));
    stream << "\n";
  }
  for (const std::string& warning : report.warnings) {
    stream << "  " << out.Paint("33", "warning") << ": " << warning << "\n";
  }
  stream << "\n";
}

}  // namespace pgdrift::cli
