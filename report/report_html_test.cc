#include "report/report_html.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/strings.h"
#include "gtest/gtest.h"
#include "report/testing/html_sample_report.h"

namespace pgdrift::report {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldens = fs::path(PGDRIFT_SOURCE_DIR) / "testdata" / "reports" / "html";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

size_t Count(const std::string& text, std::string_view needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// Compares `actual` with the golden file, or rewrites it when PGDRIFT_UPDATE_GOLDEN=1.
void ExpectGolden(const fs::path& path, const std::string& actual) {
  const char* update = std::getenv("PGDRIFT_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::string expected = ReadFile(path);
  if (expected == actual) return;
  std::vector<std::string> want = StrSplit(expected, '\n');
  std::vector<std::string> got = StrSplit(actual, '\n');
  for (size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    std::string w = i < want.size() ? want[i] : "(end of file)";
    std::string g = i < got.size() ? got[i] : "(end of file)";
    if (w != g) {
      ADD_FAILURE() << path.string() << ":" << i + 1 << " differs (PGDRIFT_UPDATE_GOLDEN=1 "
                    << "rewrites it)\n  expected: " << w << "\n  actual:   " << g;
      return;
    }
  }
}

TEST(ReportHtml, MatchesGolden) {
  ExpectGolden(kGoldens / "expected_sample_report.html", ReportHtml(testing::SampleReport()));
}

TEST(ReportHtml, IsOneSelfContainedAccessibleDocument) {
  Report report = testing::SampleReport();
  std::string html = ReportHtml(report);
  const std::string needles[] = {
      "<!doctype html>\n<html lang=\"en\">",
      "<meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<title>Drift report: database &quot;shop&quot; on host &quot;db.example.com&quot; port "
      "5432 as user &quot;auditor&quot;</title>",
      "<a class=\"skip-link\" href=\"#main\">",
      "<header>",
      "<dl class=\"provenance\">",
      "<dt>Generated</dt><dd>2026-11-21T12:00:00Z</dd>",
      "<nav aria-labelledby=\"contents-heading\">",
      "<main id=\"main\">",
      "<caption>Drifted objects by kind and status</caption>",
      "<th scope=\"col\">Kind</th>",
      "<th scope=\"row\">column</th>",
      "@media print",
      "break-before: page",
      "<span class=\"badge remote_only\">remote only</span> — in the database, not in the "
      "migrations",
      "Defined in <code>migrations/0002_audit_log.sql:1</code>",
      "<code>20261101093000</code> — it recorded no statements",
      "<pre><code>ALTER TABLE public.orders DROP COLUMN note;</code></pre>",
      "Hazards: <span class=\"hazards\">data loss, access exclusive lock</span>",
      "<caption>Migration versions that are not applied as the migrations say</caption>",
      "<figure aria-labelledby=\"picture-caption\">",
      "<figcaption id=\"picture-caption\">",
      "<div class=\"visually-hidden\">",
      "<li>view public.open_orders depends on table public.orders</li>",
      "No rendered picture: dot (Graphviz) is not installed.",
      "<pre><code>digraph G {",
  };
  for (const std::string& needle : needles) {
    SCOPED_TRACE(needle);
    EXPECT_NE(html.find(needle), std::string::npos);
  }
  // The summary comes before the objects, the objects before the history, the history
  // before the picture.
  EXPECT_LT(html.find("id=\"summary\""), html.find("id=\"objects\""));
  EXPECT_LT(html.find("id=\"objects\""), html.find("id=\"history\""));
  EXPECT_LT(html.find("id=\"history\""), html.find("id=\"picture\""));
  EXPECT_EQ(Count(html, "<section class=\"object\""), report.objects.size());
  EXPECT_EQ(Count(html, "<section "), Count(html, "aria-labelledby=\"") - 2);  // nav, figure
  // No scripts, no external resources, no fixed positioning.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("position: fixed"), std::string::npos);
}

TEST(ReportHtml, EscapesEverythingItIsGiven) {
  Report report;
  report.provenance.remote = "<b>\"db\" & 'x'</b>";
  report.notes = {"<script>alert('x')</script>"};
  report.versions = {{"1<2", "a&b", diff::VersionStatus::kRemoteOnly, "", "", "\"d\"", ""}};
  std::string html = ReportHtml(report);
  EXPECT_NE(html.find("<title>Drift report: &lt;b&gt;&quot;db&quot; &amp; &#39;x&#39;&lt;/b&gt;"
                      "</title>"),
            std::string::npos);
  EXPECT_NE(html.find("<li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</li>"),
            std::string::npos);
  EXPECT_NE(html.find("<code>1&lt;2</code></th><td>a&amp;b</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>&quot;d&quot;</td>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
}

TEST(ReportHtml, InlinesTheSvgAsAnImageWithNameAndDescription) {
  Report report = testing::SampleReport();
  report.picture.svg_error.clear();
  report.picture.svg =
      "<svg width=\"80pt\" height=\"40pt\" viewBox=\"0 0 80 40\">\n<g id=\"graph0\" "
      "class=\"graph\">\n<title>G</title>\n<g id=\"node1\" class=\"node changed\"></g>\n</g>\n"
      "</svg>\n";
  std::string html = ReportHtml(report);
  EXPECT_NE(html.find("<svg width=\"80pt\" height=\"40pt\" viewBox=\"0 0 80 40\" role=\"img\" "
                      "aria-labelledby=\"picture-title\" aria-describedby=\"picture-desc\">\n"
                      "<title id=\"picture-title\">Dependency picture of the drift</title>\n"
                      "<desc id=\"picture-desc\">6 drifted objects (1 local only, 3 remote only, "
                      "2 changed) and 2 neighbouring objects"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("<title>G</title>"), std::string::npos);
  EXPECT_EQ(html.find("<pre><code>digraph"), std::string::npos);
  EXPECT_EQ(html.find("No rendered picture"), std::string::npos);
}

TEST(ReportHtml, SaysWhenNothingDrifted) {
  Report report;
  report.provenance.remote = "snapshot prod.json";
  report.summary.history_compared = true;
  report.summary.history = {{"applied", 3}};
  std::string html = ReportHtml(report);
  EXPECT_NE(html.find("The database matches the migrations."), std::string::npos);
  EXPECT_NE(html.find("No object differs between the migrations and the database."),
            std::string::npos);
  EXPECT_NE(html.find("Nothing drifted, so there is nothing to draw."), std::string::npos);
  EXPECT_EQ(html.find("id=\"objects\""), std::string::npos);
  EXPECT_EQ(html.find("<figure"), std::string::npos);
}

}  // namespace
}  // namespace pgdrift::report
