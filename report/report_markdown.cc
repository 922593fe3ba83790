#include "report/report_markdown.h"

#include <algorithm>
#include <string_view>
#include <variant>

#include "base/strings.h"
#include "model/object_kind.h"
#include "planner/migration.h"

namespace pgdrift::report {
namespace {

using diff::DriftStatus;

// Text for a GitHub-flavoured Markdown table cell: `|` escaped, lines joined.
std::string Cell(std::string_view text) {
  std::string cell = ReplaceAll(std::string(text), "\r", "");
  cell = ReplaceAll(cell, "\n", " ");
  return ReplaceAll(cell, "|", "\\|");
}

// The longest run of backticks in `text`.
size_t LongestBacktickRun(std::string_view text) {
  size_t longest = 0;
  size_t run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// `text` as an inline code span (for a table cell when `in_table`).
std::string Code(std::string_view text, bool in_table = false) {
  std::string body = std::string(text);
  if (in_table) body = Cell(body);
  std::string ticks(LongestBacktickRun(body) + 1, '`');
  bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return StrCat(ticks, pad ? " " : "", body, pad ? " " : "", ticks);
}

// A fenced code block of `language` holding `text`.
std::string Fence(std::string_view language, std::string_view text) {
  std::string fence(std::max<size_t>(3, LongestBacktickRun(text) + 1), '`');
  std::string body(text);
  if (!body.empty() && body.back() != '\n') body += "\n";
  return StrCat(fence, language, "\n", body, fence, "\n\n");
}

std::string StatusWords(DriftStatus status) {
  switch (status) {
    case DriftStatus::kLocalOnly:
      return "only in the migrations (missing from the database)";
    case DriftStatus::kRemoteOnly:
      return "only in the database (no migration creates it)";
    case DriftStatus::kChanged:
      return "changed (the database differs from the migrations)";
  }
  return "";
}

// An attribute's value for the before/after table: text as it is, `(none)` for absent.
std::string ValueCell(const diff::Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return "(none)";
  if (const std::string* text = std::get_if<std::string>(&value)) return Code(*text, true);
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    return list->empty() ? "(empty)" : Code(StrJoin(*list, ", "), true);
  }
  return Code(diff::ValueToString(value), true);
}

std::string HazardList(const std::set<planner::Hazard>& hazards) {
  if (hazards.empty()) return "none";
  std::vector<std::string> names;
  for (planner::Hazard hazard : hazards) names.push_back(Code(planner::HazardName(hazard)));
  return StrJoin(names, ", ");
}

std::string Place(const SourceSpan& span) { return Code(StrCat(span.file, ":", span.line)); }

void AppendProvenance(const Provenance& provenance, std::string* out) {
  *out += "| | |\n|---|---|\n";
  StrAppend(out, "| Generated at | ", Cell(provenance.generated_at), " |\n");
  StrAppend(out, "| pgdrift version | ", Cell(provenance.pgdrift_version), " |\n");
  StrAppend(out, "| Local | ", Cell(provenance.local), " |\n");
  StrAppend(out, "| Newest local version | ",
            provenance.newest_version.empty()
                ? "none"
                : StrCat(Code(provenance.newest_version, true),
                         provenance.newest_file.empty() ? "" : StrCat(" (", Code(provenance.newest_file, true), ")")),
            " |\n");
  StrAppend(out, "| Remote | ", Cell(provenance.remote), " |\n");
  StrAppend(out, "| History table | ",
            provenance.history_table.empty() ? "none" : Code(provenance.history_table, true), " |\n");
  StrAppend(out, "| Profile | ", Cell(provenance.profile), " |\n\n");
}

void AppendSummary(const Report& report, std::string* out) {
  const Summary& summary = report.summary;
  *out += "## Summary\n\n";
  if (report.in_sync()) {
    *out += "No drift: the database matches the migrations";
    *out += summary.history_compared ? " and every version is applied.\n\n" : ".\n\n";
  } else {
    size_t objects = report.objects.size();
    StrAppend(out, objects == 0 ? "No object differs" : StrCat(objects, objects == 1 ? " object differs" : " objects differ"),
              " between the migrations and the database",
              report.versions.empty() ? "" : StrCat("; ", report.versions.size(),
                                                    report.versions.size() == 1 ? " version is" : " versions are",
                                                    " not applied as recorded"),
              ".\n\n");
  }
  if (!report.objects.empty()) {
    *out += "| kind | only in the migrations | only in the database | changed |\n|---|---:|---:|---:|\n";
    for (const auto& [kind, statuses] : summary.by_kind) {
      auto count = [&statuses](std::string_view status) {
        auto it = statuses.find(std::string(status));
        return it == statuses.end() ? 0 : it->second;
      };
      StrAppend(out, "| ", Cell(kind), " | ", count("local_only"), " | ", count("remote_only"), " | ",
                count("changed"), " |\n");
    }
    StrAppend(out, "| **total** | **", summary.local_only, "** | **", summary.remote_only, "** | **",
              summary.changed, "** |\n\n");
  }
  if (summary.history_compared) {
    std::vector<std::string> parts;
    for (const auto& [status, count] : summary.history) parts.push_back(StrCat(count, " ", status));
    StrAppend(out, "History alignment: ", summary.history_aligned ? "aligned" : "not aligned", " (",
              StrJoin(parts, ", "), ").\n\n");
  } else {
    *out += "History alignment: not compared (the remote keeps no migration history).\n\n";
  }
  StrAppend(out, "Highest hazard of the corrective statements: ",
            summary.highest_hazard ? Code(planner::HazardName(*summary.highest_hazard)) : "none", " (",
            summary.corrective_statements, summary.corrective_statements == 1 ? " statement" : " statements",
            ").\n\n");
}

void AppendCorrective(const ObjectEntry& entry, std::string* out) {
  if (entry.corrective.empty()) {
    *out += "Corrective SQL: none (no statement expresses this difference; see the notes).\n\n";
    return;
  }
  StrAppend(out, "Corrective SQL (hazards: ", HazardList(entry.hazards), "):\n\n");
  std::string sql;
  for (const planner::PlanStatement& statement : entry.corrective) {
    if (!sql.empty()) sql += "\n";
    if (statement.object != entry.drift.id) StrAppend(&sql, "-- on ", statement.object.ToString(), "\n");
    if (!statement.statement.why.empty()) StrAppend(&sql, "-- ", statement.statement.why, "\n");
    if (!statement.statement.hazards.empty()) {
      std::vector<std::string> names;
      for (planner::Hazard hazard : statement.statement.hazards) names.emplace_back(planner::HazardName(hazard));
      StrAppend(&sql, "-- hazards: ", StrJoin(names, ", "), "\n");
    }
    if (statement.commented_out) {
      sql += "-- commented out: needs --allow-hazard data_loss\n";
      for (std::string_view line : StrSplit(statement.statement.sql, '\n')) StrAppend(&sql, "-- ", line, "\n");
    } else {
      StrAppend(&sql, statement.statement.sql, "\n");
    }
  }
  *out += Fence("sql", sql);
}

void AppendObject(const ObjectEntry& entry, std::string* out) {
  const diff::ObjectDrift& drift = entry.drift;
  StrAppend(out, "### ", Code(drift.id.ToString()), "\n\n");
  StrAppend(out, "Status: ", StatusWords(drift.status), ".\n\n");
  if (!drift.changes.empty()) {
    *out += "| attribute | database (before) | migrations (after) |\n|---|---|---|\n";
    for (const diff::AttributeChange& change : drift.changes) {
      StrAppend(out, "| ", Cell(change.attribute), " | ", ValueCell(change.remote), " | ", ValueCell(change.local), " |\n");
    }
    *out += "\n";
  }
  if (!drift.contains.empty()) {
    std::vector<std::string> children;
    for (const model::ObjectId& child : drift.contains) children.push_back(Code(child.ToString()));
    StrAppend(out, "Contains: ", StrJoin(children, ", "), ".\n\n");
  }
  const model::Lineage& lineage = drift.local_lineage;
  if (lineage.created.known()) {
    StrAppend(out, "Defined in ", Place(lineage.created),
              lineage.changed.known() && lineage.changed != lineage.created
                  ? StrCat(", last changed in ", Place(lineage.changed))
                  : "",
              ".\n\n");
  }
  std::vector<std::string> recorded;
  std::vector<std::string> unrecorded;
  for (const Explanation& explanation : entry.explained_by) {
    std::string version = StrCat(Code(explanation.version), explanation.name.empty() ? "" : StrCat(" (", explanation.name, ")"));
    (explanation.recorded ? recorded : unrecorded).push_back(version);
  }
  if (!recorded.empty()) {
    StrAppend(out, "May be explained by ", recorded.size() == 1 ? "version " : "versions ", StrJoin(recorded, ", "),
              ": ", recorded.size() == 1 ? "its" : "their",
              " recorded statements create or change it, and no local file has ",
              recorded.size() == 1 ? "it" : "them", ".\n\n");
  }
  if (!unrecorded.empty()) {
    StrAppend(out, "May be explained by ", unrecorded.size() == 1 ? "version " : "versions ",
              StrJoin(unrecorded, ", "), ": applied on the database without recorded statements, so ",
              unrecorded.size() == 1 ? "it" : "any of them", " may be the origin.\n\n");
  }
  AppendCorrective(entry, out);
}

void AppendVersions(const Report& report, std::string* out) {
  if (report.versions.empty() && report.history_warnings.empty()) return;
  *out += "## History versions\n\n";
  if (!report.versions.empty()) {
    *out += "| version | name | status | local file | applied at | detail |\n|---|---|---|---|---|---|\n";
    for (const diff::VersionDrift& version : report.versions) {
      std::string detail = version.detail;
      if (!version.same_as.empty()) {
        detail = StrCat(detail.empty() ? "" : StrCat(detail, "; "), "same as ", version.same_as);
      }
      StrAppend(out, "| ", Code(version.version, true), " | ", Cell(version.name), " | ",
                diff::VersionStatusName(version.status), " | ",
                version.local_path.empty() ? "" : Code(version.local_path, true), " | ", Cell(version.applied_at),
                " | ", Cell(detail), " |\n");
    }
    *out += "\n";
  }
  for (const std::string& warning : report.history_warnings) StrAppend(out, "- Warning: ", warning, "\n");
  if (!report.history_warnings.empty()) *out += "\n";
}

void AppendPicture(const DependencyPicture& picture, const std::string& svg_file, std::string* out) {
  if (picture.empty()) return;
  *out += "## Dependency picture\n\n";
  size_t drifted = std::count_if(picture.nodes.begin(), picture.nodes.end(),
                                 [](const PictureNode& node) { return !node.status.empty(); });
  StrAppend(out, "The drifted objects (", drifted, ") and their neighbours (", picture.nodes.size() - drifted,
            picture.omitted > 0 ? StrCat(", ", picture.omitted, " more left out") : "",
            ") one dependency away; an edge points from an object to what it depends on.\n\n");
  if (!svg_file.empty()) {
    StrAppend(out, "![Dependency picture of the drift](", svg_file, ")\n\n");
  } else {
    *out += Fence("dot", picture.dot);
  }
}

void AppendNotes(const Report& report, std::string* out) {
  if (report.notes.empty() && report.unsupported.empty()) return;
  *out += "## Notes\n\n";
  for (const std::string& line : report.unsupported) {
    StrAppend(out, "- Not expressed by any corrective statement: ", line, "\n");
  }
  for (const std::string& note : report.notes) StrAppend(out, "- ", note, "\n");
  *out += "\n";
}

}  // namespace

std::string ReportMarkdown(const Report& report, const std::string& svg_file) {
  std::string out = "# pgdrift drift report\n\n";
  AppendProvenance(report.provenance, &out);
  AppendSummary(report, &out);
  if (!report.objects.empty()) {
    out += "## Drifted objects\n\n";
    for (const ObjectEntry& entry : report.objects) AppendObject(entry, &out);
  }
  AppendVersions(report, &out);
  AppendPicture(report.picture, svg_file, &out);
  AppendNotes(report, &out);
  while (out.size() >= 2 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace pgdrift::report
