// The HTML report of reconciliation scenario 1 (testdata/scenarios/1_sql_editor_versions),
// produced by the built binary against a real database, rendered in headless Chromium:
// its dependency picture is drawn as SVG with a node for every drifted object. The report
// and a screenshot are kept in the build directory (reports/) to be looked at.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/subprocess.h"
#include "base/testing/status_matchers.h"
#include "cli/testing/scenario_database.h"
#include "cli/testing/test_databases.h"
#include "gtest/gtest.h"
#include "report/testing/headless_chromium.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The text between `open` and the next `close` after it, for each occurrence.
std::vector<std::string> Between(const std::string& text, std::string_view open,
                                 std::string_view close) {
  std::vector<std::string> out;
  for (size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
    size_t start = at + open.size();
    size_t end = text.find(close, start);
    if (end == std::string::npos) break;
    out.push_back(text.substr(start, end - start));
  }
  return out;
}

TEST(IntegrationReportHtml, RendersScenarioOneWithItsDependencyPicture) {
  ASSERT_TRUE(fs::exists(PGDRIFT_BINARY)) << "build the pgdrift target first: " << PGDRIFT_BINARY;
  const fs::path scenario = testing::ScenarioDirectory("1_");
  ASSERT_FALSE(scenario.empty()) << "testdata/scenarios/1_* is missing";
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string name, testing::BuildScenarioDatabase(scenario));
  testing::ScopedDatabase database(name);

  const fs::path dir = fs::path(PGDRIFT_BINARY_DIR) / "reports";
  fs::create_directories(dir);
  const fs::path html_path = dir / "1_sql_editor_versions.html";
  fs::remove(html_path);
  const std::string local =
      fs::relative(scenario / "local", fs::path(PGDRIFT_SOURCE_DIR)).string();
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      ProcessResult run,
      RunProcess({PGDRIFT_BINARY, "report", "--local", local, "--remote",
                  pgdrift::testing::PostgresServer::Shared().ConnectionUri(name), "--format",
                  "html", "-o", html_path.string()},
                 {.working_directory = PGDRIFT_SOURCE_DIR}));
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  const std::string html = ReadFile(html_path);
  ASSERT_TRUE(html.starts_with("<!doctype html>")) << html.substr(0, 200);
  EXPECT_EQ(html.find("<script"), std::string::npos);

  // The scenario drifted, and every drifted object is a node of the picture.
  std::vector<std::string> headings;
  static const std::regex kObjectHeading(R"re(<h3 id="object-[0-9]+-heading">([^<]*)</h3>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kObjectHeading);
       it != std::sregex_iterator(); ++it) {
    headings.push_back((*it)[1]);
  }
  ASSERT_FALSE(headings.empty()) << "scenario 1 reported no drifted object";
  ASSERT_NE(html.find("<svg"), std::string::npos) << "no inline SVG: is Graphviz's dot installed?";
  const std::string text_alternative =
      Between(html, "The picture as text. Objects:</p>\n<ul>\n", "</ul>").at(0);
  const std::vector<std::string> nodes = Between(text_alternative, "<li>", "</li>");
  for (const std::string& heading : headings) {
    SCOPED_TRACE(heading);
    bool drawn = false;
    for (const std::string& node : nodes) drawn = drawn || node.starts_with(heading + " (");
    EXPECT_TRUE(drawn);
  }

  absl::StatusOr<nlohmann::json> probe =
      report::testing::ProbeRendering(html, dir / "1_sql_editor_versions_probe");
  ASSERT_TRUE(probe.ok()) << probe.status().message();
  SCOPED_TRACE(probe->dump());
  EXPECT_TRUE((*probe)["title"].get<std::string>().starts_with("Drift report: database "));
  EXPECT_EQ((*probe)["svg_count"], 1);
  EXPECT_GT((*probe)["svg_width"].get<double>(), 0);
  EXPECT_GT((*probe)["svg_height"].get<double>(), 0);
  EXPECT_EQ((*probe)["graph_nodes"].get<size_t>(), nodes.size());
  EXPECT_EQ((*probe)["hidden_headings"], nlohmann::json::array());
  EXPECT_EQ((*probe)["resources"], 0);
  EXPECT_EQ((*probe)["scripts"], 0);
  EXPECT_EQ((*probe)["unnamed_images"], nlohmann::json::array());

  const fs::path png = dir / "1_sql_editor_versions.png";
  absl::Status screenshot = report::testing::Screenshot(html_path, png, 1280, 2400);
  ASSERT_TRUE(screenshot.ok()) << screenshot.message();
  uintmax_t size = 0;
  EXPECT_TRUE(report::testing::IsPng(png, &size)) << png;
  EXPECT_GT(size, 20000u);

  // The picture on its own (the page screenshot shows the top of the report).
  const fs::path picture = dir / "1_sql_editor_versions_picture.png";
  ASSERT_TRUE(fs::exists(html_path.string() + ".svg"));
  screenshot = report::testing::Screenshot(html_path.string() + ".svg", picture, 1600, 1400);
  ASSERT_TRUE(screenshot.ok()) << screenshot.message();
  EXPECT_TRUE(report::testing::IsPng(picture, &size)) << picture;
  EXPECT_GT(size, 20000u);

  // The same drift as GitHub annotations, kept beside the report: every drifted object
  // the report lists is one `::error` line at a migration file.
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      ProcessResult check,
      RunProcess({PGDRIFT_BINARY, "check", "--local", local, "--remote",
                  pgdrift::testing::PostgresServer::Shared().ConnectionUri(name), "--format",
                  "github", "-o", (dir / "1_sql_editor_versions.github.txt").string()},
                 {.working_directory = PGDRIFT_SOURCE_DIR}));
  EXPECT_EQ(check.exit_code, 1) << check.out << check.err;
  const std::string annotations = ReadFile(dir / "1_sql_editor_versions.github.txt");
  for (const std::string& heading : headings) {
    SCOPED_TRACE(heading);
    std::string unescaped = heading;
    for (auto [entity, character] : {std::pair{"&quot;", "\""}, {"&amp;", "&"}}) {
      unescaped = ReplaceAll(unescaped, entity, character);
    }
    EXPECT_NE(annotations.find(StrCat("::", unescaped, " ")), std::string::npos);
  }
}

}  // namespace
}  // namespace pgdrift::cli
