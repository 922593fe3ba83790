// Renders a Report as one self-contained HTML file (see report_html.h): landmarks (header,
// nav, main), one section per drifted object, tables with captions and header scopes,
// status in words next to its colour, and the dependency picture with a text alternative.
#include "report/report_html.h"

#include <string_view>

#include "base/strings.h"
#include "diff/value.h"
#include "model/object_kind.h"

namespace pgdrift::report {
namespace {

// Colours: text #1a1a1a on white (17:1); badges are Okabe-Ito colours under black text
// (above 7:1), the same as the picture's fills, each with its own border style so that
// the status does not rest on colour alone.
constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 72rem; padding: 0 1.5rem 3rem; font: 16px/1.5 system-ui,
  -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1a1a1a; background: #ffffff; }
a { color: #0b4f8a; }
a:focus, a:hover { outline: 2px solid #0b4f8a; outline-offset: 2px; }
h1, h2, h3, h4 { line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 1.5rem 0 0.5rem; }
h2 { font-size: 1.45rem; margin-top: 2.5rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.2rem; margin-top: 2rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 0.9em; }
pre { background: #f3f3f3; border: 1px solid #767676; padding: 0.75rem; overflow-x: auto;
  white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border: 1px solid #767676; padding: 0.3rem 0.6rem; text-align: left;
  vertical-align: top; }
thead th { background: #e8e8e8; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.provenance dt { font-weight: 600; }
dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
.verdict { font-size: 1.1rem; font-weight: 600; }
.badge { display: inline-block; padding: 0 0.5rem; border: 2px solid #1a1a1a;
  border-radius: 0.3rem; color: #000000; font-weight: 600; }
.badge.local_only { background: #56B4E9; border-style: solid; }
.badge.remote_only { background: #E69F00; border-style: dashed; }
.badge.changed { background: #CC79A7; border-style: solid; border-width: 4px; }
.badge.version { background: #ffffff; }
.hazards { font-weight: 600; }
.skip-link { position: absolute; left: -10000px; top: auto; }
.skip-link:focus { position: static; display: inline-block; margin: 0.5rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-style: italic; margin-top: 0.5rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .skip-link { display: none; }
  header, nav, main, section { position: static; }
  #objects, section.object + section.object, #history, #picture { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  table, pre, figure { break-inside: avoid; }
  pre { white-space: pre-wrap; }
  a { color: #000000; }
  a[href^="http"]::after { content: " (" attr(href) ")"; }
  nav a[href^="#"]::after { content: ""; }
}
)css";

// `text` with the five characters that are special in HTML escaped.
std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out.append("&amp;"); break;
      case '<': out.append("&lt;"); break;
      case '>': out.append("&gt;"); break;
      case '"': out.append("&quot;"); break;
      case '\'': out.append("&#39;"); break;
      default: out.push_back(c);
    }
  }
  return out;
}

// A contract name ("remote_only", "materialized_view") in words.
std::string Words(std::string_view name) { return ReplaceAll(name, "_", " "); }

// What an object status means, after its badge.
std::string_view StatusMeaning(std::string_view status) {
  if (status == "local_only") return "in the migrations, not in the database";
  if (status == "remote_only") return "in the database, not in the migrations";
  if (status == "changed") return "in both, with different attributes";
  return "";
}

std::string Badge(std::string_view status) {
  return StrCat("<span class=\"badge ", Escape(status), "\">", Escape(Words(status)),
                "</span>");
}

// "file:line" of a span, "" when it names no place.
std::string FileLine(const SourceSpan& span) {
  if (span.file.empty()) return "";
  if (span.line <= 0) return span.file;
  return StrCat(span.file, ":", span.line);
}

std::string HazardWords(const std::set<planner::Hazard>& hazards) {
  return StrJoin(hazards, ", ",
                 [](planner::Hazard hazard) { return Words(planner::HazardName(hazard)); });
}

std::string ObjectAnchor(size_t i) { return StrCat("object-", i + 1); }

void AppendHeader(const Report& report, std::string* out) {
  const Provenance& p = report.provenance;
  StrAppend(out, "<header>\n<h1>Drift report</h1>\n<p class=\"verdict\">");
  if (report.in_sync()) {
    StrAppend(out, "The database matches the migrations.");
  } else {
    StrAppend(out, report.objects.size(), report.objects.size() == 1 ? " object" : " objects",
              " drifted; ", report.versions.size(),
              report.versions.size() == 1 ? " migration version is" : " migration versions are",
              " not applied as the migrations say.");
  }
  StrAppend(out, "</p>\n<dl class=\"provenance\">\n");
  auto item = [&](std::string_view term, const std::string& value) {
    if (value.empty()) return;
    StrAppend(out, "<dt>", term, "</dt><dd>", Escape(value), "</dd>\n");
  };
  item("Generated", p.generated_at);
  item("pgdrift version", p.pgdrift_version);
  item("Migrations (local)", p.local);
  if (!p.newest_version.empty()) {
    item("Newest local version",
         p.newest_file.empty() ? p.newest_version : StrCat(p.newest_version, " (", p.newest_file, ")"));
  }
  item("Database (remote)", p.remote);
  item("History table", p.history_table.empty() ? "none" : p.history_table);
  item("Profile", p.profile);
  StrAppend(out, "</dl>\n</header>\n");
}

void AppendNav(const Report& report, std::string* out) {
  StrAppend(out, "<nav aria-labelledby=\"contents-heading\">\n",
            "<h2 id=\"contents-heading\">Contents</h2>\n<ol>\n",
            "<li><a href=\"#summary\">Summary</a></li>\n");
  if (!report.objects.empty()) {
    StrAppend(out, "<li><a href=\"#objects\">Drifted objects</a>\n<ol>\n");
    for (size_t i = 0; i < report.objects.size(); ++i) {
      const diff::ObjectDrift& drift = report.objects[i].drift;
      StrAppend(out, "<li><a href=\"#", ObjectAnchor(i), "\">", Escape(drift.id.ToString()),
                "</a> (", Escape(Words(diff::DriftStatusName(drift.status))), ")</li>\n");
    }
    StrAppend(out, "</ol>\n</li>\n");
  }
  StrAppend(out, "<li><a href=\"#history\">Migration history</a></li>\n",
            "<li><a href=\"#picture\">Dependency picture</a></li>\n");
  if (!report.unsupported.empty() || !report.notes.empty()) {
    StrAppend(out, "<li><a href=\"#notes\">Notes</a></li>\n");
  }
  StrAppend(out, "</ol>\n</nav>\n");
}

void AppendSummary(const Report& report, std::string* out) {
  const Summary& s = report.summary;
  StrAppend(out, "<section id=\"summary\" aria-labelledby=\"summary-heading\">\n",
            "<h2 id=\"summary-heading\">Summary</h2>\n");
  if (s.by_kind.empty()) {
    StrAppend(out, "<p>No object differs between the migrations and the database.</p>\n");
  } else {
    static constexpr std::string_view kStatuses[] = {"local_only", "remote_only", "changed"};
    StrAppend(out, "<table>\n<caption>Drifted objects by kind and status</caption>\n",
              "<thead><tr><th scope=\"col\">Kind</th>");
    for (std::string_view status : kStatuses) {
      StrAppend(out, "<th scope=\"col\">",
                status == "local_only"    ? "Only in the migrations"
                : status == "remote_only" ? "Only in the database"
                                          : "Changed",
                "</th>");
    }
    StrAppend(out, "<th scope=\"col\">Total</th></tr></thead>\n<tbody>\n");
    for (const auto& [kind, counts] : s.by_kind) {
      StrAppend(out, "<tr><th scope=\"row\">", Escape(Words(kind)), "</th>");
      int total = 0;
      for (std::string_view status : kStatuses) {
        auto it = counts.find(std::string(status));
        int count = it == counts.end() ? 0 : it->second;
        total += count;
        StrAppend(out, "<td class=\"number\">", count, "</td>");
      }
      StrAppend(out, "<td class=\"number\">", total, "</td></tr>\n");
    }
    StrAppend(out, "</tbody>\n<tfoot><tr><th scope=\"row\">All kinds</th>",
              "<td class=\"number\">", s.local_only, "</td><td class=\"number\">", s.remote_only,
              "</td><td class=\"number\">", s.changed, "</td><td class=\"number\">",
              s.local_only + s.remote_only + s.changed, "</td></tr></tfoot>\n</table>\n");
  }
  if (s.history_compared) {
    StrAppend(out, "<table>\n<caption>Migration versions by status</caption>\n",
              "<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Versions</th></tr>"
              "</thead>\n<tbody>\n");
    for (const auto& [status, count] : s.history) {
      StrAppend(out, "<tr><th scope=\"row\">", Escape(Words(status)), "</th><td class=\"number\">",
                count, "</td></tr>\n");
    }
    StrAppend(out, "</tbody>\n</table>\n<p>",
              s.history_aligned ? "Every migration version is applied."
                                : "The history table and the migrations disagree.",
              "</p>\n");
  } else {
    StrAppend(out, "<p>No history table was compared.</p>\n");
  }
  StrAppend(out, "<p>Corrective statements: ", s.corrective_statements);
  if (s.highest_hazard.has_value()) {
    StrAppend(out, "; highest hazard: <span class=\"hazards\">",
              Words(planner::HazardName(*s.highest_hazard)), "</span>");
  }
  StrAppend(out, ".</p>\n</section>\n");
}

void AppendObject(const ObjectEntry& entry, size_t i, std::string* out) {
  const diff::ObjectDrift& drift = entry.drift;
  const std::string anchor = ObjectAnchor(i);
  const std::string_view status = diff::DriftStatusName(drift.status);
  StrAppend(out, "<section class=\"object\" id=\"", anchor, "\" aria-labelledby=\"", anchor,
            "-heading\">\n<h3 id=\"", anchor, "-heading\">", Escape(drift.id.ToString()),
            "</h3>\n<p>Status: ", Badge(status), " — ", StatusMeaning(status), "</p>\n");

  if (!drift.changes.empty()) {
    StrAppend(out, "<table>\n<caption>What differs</caption>\n",
              "<thead><tr><th scope=\"col\">Attribute</th>",
              "<th scope=\"col\">In the migrations (local)</th>",
              "<th scope=\"col\">In the database (remote)</th></tr></thead>\n<tbody>\n");
    for (const diff::AttributeChange& change : drift.changes) {
      StrAppend(out, "<tr><th scope=\"row\">", Escape(change.attribute), "</th><td><code>",
                Escape(diff::ValueToString(change.local)), "</code></td><td><code>",
                Escape(diff::ValueToString(change.remote)), "</code></td></tr>\n");
    }
    StrAppend(out, "</tbody>\n</table>\n");
  }
  if (!drift.contains.empty()) {
    StrAppend(out, "<p>Contains:</p>\n<ul>\n");
    for (const model::ObjectId& child : drift.contains) {
      StrAppend(out, "<li><code>", Escape(child.ToString()), "</code></li>\n");
    }
    StrAppend(out, "</ul>\n");
  }

  const std::string created = FileLine(drift.local_lineage.created);
  const std::string changed = FileLine(drift.local_lineage.changed);
  if (!created.empty()) {
    StrAppend(out, "<p>Defined in <code>", Escape(created), "</code>");
    if (!changed.empty() && changed != created) {
      StrAppend(out, ", last changed in <code>", Escape(changed), "</code>");
    }
    StrAppend(out, ".</p>\n");
  } else if (drift.status == diff::DriftStatus::kRemoteOnly) {
    StrAppend(out, "<p>Defined in no migration file.</p>\n");
  }
  if (!drift.local_lineage.former_names.empty()) {
    StrAppend(out, "<p>Formerly named ",
              StrJoin(drift.local_lineage.former_names, ", ",
                      [](const std::string& name) {
                        return StrCat("<code>", Escape(name), "</code>");
                      }),
              ".</p>\n");
  }

  if (!entry.explained_by.empty()) {
    StrAppend(out, "<p>May be explained by ",
              entry.explained_by.size() == 1 ? "version" : "versions", ":</p>\n<ul>\n");
    for (const Explanation& explanation : entry.explained_by) {
      StrAppend(out, "<li><code>", Escape(explanation.version), "</code>");
      if (!explanation.name.empty()) StrAppend(out, " ", Escape(explanation.name));
      StrAppend(out, explanation.recorded ? " — its recorded statements create or change it"
                                          : " — it recorded no statements",
                "</li>\n");
    }
    StrAppend(out, "</ul>\n");
  }

  StrAppend(out, "<h4>Corrective SQL</h4>\n");
  if (entry.corrective.empty()) {
    StrAppend(out, "<p>No corrective statement.</p>\n");
  } else {
    StrAppend(out, "<p>Hazards: <span class=\"hazards\">",
              entry.hazards.empty() ? "none" : HazardWords(entry.hazards), "</span>.</p>\n");
    for (const planner::PlanStatement& statement : entry.corrective) {
      const planner::PlannedStatement& planned = statement.statement;
      if (!planned.hazards.empty() || statement.commented_out || !planned.why.empty()) {
        StrAppend(out, "<p>");
        if (!planned.hazards.empty()) {
          StrAppend(out, "Hazards: <span class=\"hazards\">", HazardWords(planned.hazards),
                    "</span>. ");
        }
        if (statement.commented_out) {
          StrAppend(out, "Written commented out: it loses data unless ",
                    "<code>--allow-hazard data_loss</code> is given. ");
        }
        if (!planned.why.empty()) StrAppend(out, Escape(planned.why), ".");
        StrAppend(out, "</p>\n");
      }
      StrAppend(out, "<pre><code>", Escape(planned.sql), "</code></pre>\n");
    }
  }
  StrAppend(out, "</section>\n");
}

void AppendHistory(const Report& report, std::string* out) {
  StrAppend(out, "<section id=\"history\" aria-labelledby=\"history-heading\">\n",
            "<h2 id=\"history-heading\">Migration history</h2>\n");
  if (report.versions.empty()) {
    StrAppend(out, "<p>",
              report.summary.history_compared ? "Every migration version is applied."
                                              : "No history table was compared.",
              "</p>\n");
  } else {
    StrAppend(out, "<table>\n<caption>Migration versions that are not applied as the "
                   "migrations say</caption>\n<thead><tr><th scope=\"col\">Version</th>",
              "<th scope=\"col\">Name</th><th scope=\"col\">Status</th>",
              "<th scope=\"col\">Local file</th><th scope=\"col\">Applied at</th>",
              "<th scope=\"col\">Detail</th></tr></thead>\n<tbody>\n");
    for (const diff::VersionDrift& version : report.versions) {
      std::string detail = version.detail;
      if (!version.same_as.empty()) {
        detail = StrCat(detail, detail.empty() ? "" : "; ", "same as version ", version.same_as);
      }
      StrAppend(out, "<tr><th scope=\"row\"><code>", Escape(version.version), "</code></th><td>",
                Escape(version.name), "</td><td>",
                Escape(Words(diff::VersionStatusName(version.status))), "</td><td>",
                version.local_path.empty() ? ""
                                           : StrCat("<code>", Escape(version.local_path), "</code>"),
                "</td><td>", Escape(version.applied_at), "</td><td>", Escape(detail),
                "</td></tr>\n");
    }
    StrAppend(out, "</tbody>\n</table>\n");
  }
  if (!report.history_warnings.empty()) {
    StrAppend(out, "<p>Warnings:</p>\n<ul>\n");
    for (const std::string& warning : report.history_warnings) {
      StrAppend(out, "<li>", Escape(warning), "</li>\n");
    }
    StrAppend(out, "</ul>\n");
  }
  StrAppend(out, "</section>\n");
}

// One sentence that says what the picture shows, for its <desc> and caption.
std::string PictureSummary(const DependencyPicture& picture) {
  int counts[3] = {0, 0, 0};
  int neighbours = 0;
  for (const PictureNode& node : picture.nodes) {
    if (node.status == "local_only") ++counts[0];
    else if (node.status == "remote_only") ++counts[1];
    else if (node.status == "changed") ++counts[2];
    else ++neighbours;
  }
  std::string text = StrCat(counts[0] + counts[1] + counts[2], " drifted objects (", counts[0],
                            " local only, ", counts[1], " remote only, ", counts[2],
                            " changed) and ", neighbours,
                            " neighbouring objects they depend on or that depend on them, with ",
                            picture.edges.size(), " dependencies drawn as arrows from the "
                            "dependent object to what it depends on.");
  if (picture.omitted > 0) {
    StrAppend(&text, " ", picture.omitted, " more neighbours are left out.");
  }
  return text;
}

// The SVG that `dot` printed, as an image with an accessible name and description.
std::string AccessibleSvg(const std::string& svg, const std::string& summary) {
  size_t open_end = svg.find('>');
  if (svg.compare(0, 4, "<svg") != 0 || open_end == std::string::npos) return svg;
  std::string out = svg.substr(0, open_end);
  StrAppend(&out, " role=\"img\" aria-labelledby=\"picture-title\" "
                  "aria-describedby=\"picture-desc\">\n",
            "<title id=\"picture-title\">Dependency picture of the drift</title>\n",
            "<desc id=\"picture-desc\">", Escape(summary), "</desc>");
  // Graphviz names the graph in a <title> of its own ("G"); the one above replaces it.
  std::string rest = svg.substr(open_end + 1);
  size_t graph_title = rest.find("<title>G</title>");
  if (graph_title != std::string::npos) rest.erase(graph_title, std::string_view("<title>G</title>").size());
  out.append(rest);
  return out;
}

void AppendPicture(const Report& report, std::string* out) {
  const DependencyPicture& picture = report.picture;
  StrAppend(out, "<section id=\"picture\" aria-labelledby=\"picture-heading\">\n",
            "<h2 id=\"picture-heading\">Dependency picture</h2>\n");
  if (picture.empty()) {
    StrAppend(out, "<p>Nothing drifted, so there is nothing to draw.</p>\n</section>\n");
    return;
  }
  const std::string summary = PictureSummary(picture);
  StrAppend(out, "<figure aria-labelledby=\"picture-caption\">\n");
  if (!picture.svg.empty()) {
    StrAppend(out, AccessibleSvg(picture.svg, summary));
    if (out->back() != '\n') out->push_back('\n');
  } else {
    StrAppend(out, "<p>No rendered picture: ", Escape(picture.svg_error),
              ". Its Graphviz source follows; <code>dot -Tsvg</code> draws it.</p>\n",
              "<pre><code>", Escape(picture.dot), "</code></pre>\n");
  }
  StrAppend(out, "<figcaption id=\"picture-caption\">", Escape(summary),
            " Fill colour and border show the status: blue with a solid border, only in the "
            "migrations; orange with a dashed border, only in the database; purple with a bold "
            "border, changed; white, not drifted.</figcaption>\n");
  StrAppend(out, "<div class=\"visually-hidden\">\n<p>The picture as text. Objects:</p>\n<ul>\n");
  for (const PictureNode& node : picture.nodes) {
    StrAppend(out, "<li>", Escape(node.identity), " (",
              node.status.empty() ? "not drifted" : Escape(Words(node.status)), ")</li>\n");
  }
  StrAppend(out, "</ul>\n<p>Dependencies:</p>\n<ul>\n");
  for (const PictureEdge& edge : picture.edges) {
    StrAppend(out, "<li>", Escape(picture.nodes[edge.from].identity), " depends on ",
              Escape(picture.nodes[edge.to].identity), "</li>\n");
  }
  StrAppend(out, "</ul>\n</div>\n</figure>\n</section>\n");
}

void AppendNotes(const Report& report, std::string* out) {
  if (report.unsupported.empty() && report.notes.empty()) return;
  StrAppend(out, "<section id=\"notes\" aria-labelledby=\"notes-heading\">\n",
            "<h2 id=\"notes-heading\">Notes</h2>\n");
  if (!report.unsupported.empty()) {
    StrAppend(out, "<p>Differences no corrective statement expresses:</p>\n<ul>\n");
    for (const std::string& item : report.unsupported) {
      StrAppend(out, "<li>", Escape(item), "</li>\n");
    }
    StrAppend(out, "</ul>\n");
  }
  if (!report.notes.empty()) {
    StrAppend(out, "<ul>\n");
    for (const std::string& note : report.notes) StrAppend(out, "<li>", Escape(note), "</li>\n");
    StrAppend(out, "</ul>\n");
  }
  StrAppend(out, "</section>\n");
}

}  // namespace

std::string ReportHtml(const Report& report) {
  std::string out;
  StrAppend(&out, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<title>Drift report: ", Escape(report.provenance.remote), "</title>\n<style>",
            kStyle, "</style>\n</head>\n<body>\n",
            "<a class=\"skip-link\" href=\"#main\">Skip to the report</a>\n");
  AppendHeader(report, &out);
  AppendNav(report, &out);
  StrAppend(&out, "<main id=\"main\">\n");
  AppendSummary(report, &out);
  if (!report.objects.empty()) {
    StrAppend(&out, "<section id=\"objects\" aria-labelledby=\"objects-heading\">\n",
              "<h2 id=\"objects-heading\">Drifted objects</h2>\n");
    for (size_t i = 0; i < report.objects.size(); ++i) AppendObject(report.objects[i], i, &out);
    StrAppend(&out, "</section>\n");
  }
  AppendHistory(report, &out);
  AppendPicture(report, &out);
  AppendNotes(report, &out);
  StrAppend(&out, "</main>\n</body>\n</html>\n");
  return out;
}

}  // namespace pgdrift::report
