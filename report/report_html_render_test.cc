// What a browser renders of the HTML report: headless Chromium loads a copy of it with a
// probe script appended (the report itself has none) and the probe's measurements are
// asserted; a screenshot is kept in the build directory to look at.
#include <filesystem>
#include <fstream>
#include <string>

#include "base/strings.h"
#include "gtest/gtest.h"
#include "report/dependency_picture.h"
#include "report/report_html.h"
#include "report/testing/headless_chromium.h"
#include "report/testing/html_sample_report.h"

namespace pgdrift::report {
namespace {

namespace fs = std::filesystem;

TEST(ReportHtmlRender, ChromiumIsInstalled) {
  absl::StatusOr<std::string> chromium = testing::FindChromium();
  EXPECT_TRUE(chromium.ok()) << chromium.status().message();
}

TEST(ReportHtmlRender, RendersThePictureAndEveryHeading) {
  Report report = testing::SampleReport();
  RenderSvg(&report.picture);
  ASSERT_EQ(report.picture.svg_error, "") << "Graphviz's dot must be installed";
  const std::string html = ReportHtml(report);
  ASSERT_EQ(html.find("<script"), std::string::npos);

  const fs::path dir = fs::path(PGDRIFT_BINARY_DIR) / "reports";
  fs::create_directories(dir);
  absl::StatusOr<nlohmann::json> probe =
      testing::ProbeRendering(html, dir / "sample_report_probe");
  ASSERT_TRUE(probe.ok()) << probe.status().message();
  SCOPED_TRACE(probe->dump());

  EXPECT_EQ((*probe)["title"], StrCat("Drift report: ", report.provenance.remote));
  EXPECT_EQ((*probe)["svg_count"], 1);
  EXPECT_GT((*probe)["svg_width"].get<double>(), 100);
  EXPECT_GT((*probe)["svg_height"].get<double>(), 50);
  EXPECT_EQ((*probe)["svg_role"], "img");
  EXPECT_EQ((*probe)["graph_nodes"].get<size_t>(), report.picture.nodes.size());
  EXPECT_EQ((*probe)["legend_nodes"], 4);
  // summary, objects, one per object, history, picture, notes.
  EXPECT_EQ((*probe)["sections"].get<size_t>(), report.objects.size() + 5);
  EXPECT_EQ((*probe)["hidden_headings"], nlohmann::json::array());
  EXPECT_EQ((*probe)["resources"], 0);
  EXPECT_EQ((*probe)["scripts"], 0);
  EXPECT_EQ((*probe)["unnamed_images"], nlohmann::json::array());
}

TEST(ReportHtmlRender, TakesAScreenshot) {
  Report report = testing::SampleReport();
  RenderSvg(&report.picture);
  const fs::path dir = fs::path(PGDRIFT_BINARY_DIR) / "reports";
  fs::create_directories(dir);
  const fs::path html = dir / "sample_report.html";
  {
    std::ofstream out(html, std::ios::binary);
    out << ReportHtml(report);
  }
  const fs::path png = dir / "sample_report.png";
  absl::Status status = testing::Screenshot(html, png, 1280, 2400);
  ASSERT_TRUE(status.ok()) << status.message();
  uintmax_t size = 0;
  EXPECT_TRUE(testing::IsPng(png, &size)) << png;
  EXPECT_GT(size, 20000u);
}

}  // namespace
}  // namespace pgdrift::report
