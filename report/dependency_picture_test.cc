#include "report/dependency_picture.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <utility>

#include "base/strings.h"
#include "diff/compare.h"
#include "gtest/gtest.h"
#include "report/testing/html_sample_report.h"

namespace pgdrift::report {
namespace {

using model::ObjectId;
using model::ObjectKind;

std::vector<std::string> Identities(const DependencyPicture& picture) {
  std::vector<std::string> out;
  for (const PictureNode& node : picture.nodes) out.push_back(node.identity);
  return out;
}

std::set<std::pair<std::string, std::string>> Edges(const DependencyPicture& picture) {
  std::set<std::pair<std::string, std::string>> out;
  for (const PictureEdge& edge : picture.edges) {
    out.emplace(picture.nodes[edge.from].identity, picture.nodes[edge.to].identity);
  }
  return out;
}

TEST(DrawNeighbourhood, DrawsDriftedObjectsFirstThenTheirNeighbours) {
  testing::SampleDrift sample = testing::SampleCatalogs();
  DependencyPicture picture = DrawNeighbourhood(sample.local, sample.remote, sample.changes);
  EXPECT_EQ(Identities(picture),
            (std::vector<std::string>{
                "table public.audit_log",
                "table public.orders",
                "column public.orders.note",
                "column public.orders.status",
                "index public.orders_status_idx",
                "policy public.orders.staff_select",
                "view public.open_orders",
                "trigger public.orders.orders_set_updated_at",
            }));
  std::vector<std::string> statuses;
  for (const PictureNode& node : picture.nodes) statuses.push_back(node.status);
  EXPECT_EQ(statuses, (std::vector<std::string>{"local_only", "changed", "remote_only", "changed",
                                                "remote_only", "remote_only", "", ""}));
  EXPECT_EQ(picture.nodes[1].label, "table\npublic.orders");
  EXPECT_EQ(picture.omitted, 0u);
}

TEST(DrawNeighbourhood, DrawsEdgesFromGraphAndModel) {
  testing::SampleDrift sample = testing::SampleCatalogs();
  DependencyPicture picture = DrawNeighbourhood(sample.local, sample.remote, sample.changes);
  std::set<std::pair<std::string, std::string>> edges = Edges(picture);
  const std::pair<std::string, std::string> expected[] = {
      {"column public.orders.note", "table public.orders"},
      {"column public.orders.status", "table public.orders"},
      {"index public.orders_status_idx", "column public.orders.status"},
      {"index public.orders_status_idx", "table public.orders"},
      {"policy public.orders.staff_select", "table public.orders"},
      {"view public.open_orders", "column public.orders.status"},
      {"view public.open_orders", "table public.orders"},
      {"trigger public.orders.orders_set_updated_at", "table public.orders"},
  };
  for (const auto& edge : expected) {
    SCOPED_TRACE(edge.first + " -> " + edge.second);
    EXPECT_TRUE(edges.contains(edge));
  }
  // Nothing points at a schema, and no node points at itself.
  for (const auto& [from, to] : edges) {
    EXPECT_NE(from, to);
    EXPECT_FALSE(to.starts_with("schema ")) << to;
  }
}

// A remote-only trigger brings its table and its function; a view drift brings the
// function its query calls and the table it reads.
TEST(DrawNeighbourhood, DerivesTriggerAndViewEdgesFromTheModel) {
  testing::SampleDrift sample = testing::SampleCatalogs();
  model::Catalog remote = sample.local;
  model::Table& orders = remote.tables.at({"public", "orders"});
  model::Trigger trigger = orders.triggers.at("orders_set_updated_at");
  trigger.name = "orders_touch";
  orders.triggers["orders_touch"] = trigger;
  remote.views.at({"public", "open_orders"}).comment = "open ones";
  remote.views.at({"public", "open_orders"})
      .depends_on.push_back(ObjectId{ObjectKind::kFunction, "public", "set_updated_at", "", ""});
  diff::ChangeSet changes = diff::Compare(sample.local, remote);
  DependencyPicture picture = DrawNeighbourhood(sample.local, remote, changes);
  std::set<std::pair<std::string, std::string>> edges = Edges(picture);
  const std::pair<std::string, std::string> expected[] = {
      {"trigger public.orders.orders_touch", "table public.orders"},
      {"trigger public.orders.orders_touch", "function public.set_updated_at()"},
      {"view public.open_orders", "table public.orders"},
      {"view public.open_orders", "function public.set_updated_at()"},
  };
  for (const auto& edge : expected) {
    SCOPED_TRACE(edge.first + " -> " + edge.second);
    EXPECT_TRUE(edges.contains(edge));
  }
}

TEST(DrawNeighbourhood, KeepsDriftedObjectsAndCountsOmittedNeighbours) {
  testing::SampleDrift sample = testing::SampleCatalogs();
  DependencyPicture picture = DrawNeighbourhood(sample.local, sample.remote, sample.changes, 6);
  EXPECT_EQ(picture.nodes.size(), 6u);
  EXPECT_EQ(picture.omitted, 2u);
  for (const PictureNode& node : picture.nodes) EXPECT_FALSE(node.status.empty()) << node.identity;
  for (const PictureEdge& edge : picture.edges) {
    EXPECT_LT(edge.from, picture.nodes.size());
    EXPECT_LT(edge.to, picture.nodes.size());
  }
  // Even below the number of drifted objects, every drifted object is drawn.
  EXPECT_EQ(DrawNeighbourhood(sample.local, sample.remote, sample.changes, 2).nodes.size(), 6u);
}

TEST(DrawNeighbourhood, IsEmptyWithoutDrift) {
  testing::SampleDrift sample = testing::SampleCatalogs();
  DependencyPicture picture = DrawNeighbourhood(sample.local, sample.local, diff::ChangeSet{});
  EXPECT_TRUE(picture.empty());
  EXPECT_EQ(picture.dot, "");
}

TEST(DrawNeighbourhood, WritesDeterministicDotWithStylesAndLegend) {
  testing::SampleDrift sample = testing::SampleCatalogs();
  DependencyPicture picture = DrawNeighbourhood(sample.local, sample.remote, sample.changes);
  EXPECT_EQ(picture.dot, DrawNeighbourhood(sample.local, sample.remote, sample.changes).dot);
  const std::string needles[] = {
      "digraph G {",
      "rankdir=LR;",
      "subgraph cluster_legend {",
      "1[label=\"table\\npublic.orders\", shape=box, style=\"filled,bold\", "
      "fillcolor=\"#CC79A7\", class=\"changed\"];",
      "0[label=\"table\\npublic.audit_log\", shape=box, style=\"filled,solid\", "
      "fillcolor=\"#56B4E9\", class=\"local_only\"];",
      "2[label=\"column\\npublic.orders.note\", shape=ellipse, style=\"filled,dashed\", "
      "fillcolor=\"#E69F00\", class=\"remote_only\"];",
      "6[label=\"view\\npublic.open_orders\", shape=tab, style=\"filled\", "
      "fillcolor=\"#FFFFFF\", class=\"neighbour\"];",
      "2->1 ;",
      "legend_remote_only [label=\"only in the database\"",
  };
  for (const std::string& needle : needles) {
    SCOPED_TRACE(needle);
    EXPECT_NE(picture.dot.find(needle), std::string::npos) << picture.dot;
  }
}

TEST(DrawNeighbourhood, EscapesQuotesInLabels) {
  model::Catalog local;
  model::Catalog remote;
  model::Table table;
  table.name = {"public", "Odd \"name\""};
  remote.tables[table.name] = table;
  diff::ChangeSet changes;
  changes.objects.push_back({ObjectId::Of(ObjectKind::kTable, table.name),
                             diff::DriftStatus::kRemoteOnly, {}, {}, {}});
  DependencyPicture picture = DrawNeighbourhood(local, remote, changes);
  ASSERT_EQ(picture.nodes.size(), 1u);
  EXPECT_NE(picture.dot.find("label=\"table\\npublic.\\\"Odd \\\"\\\"name\\\"\\\"\\\"\""),
            std::string::npos)
      << picture.dot;
}

TEST(RenderSvg, RendersInlineSvgWithDot) {
  testing::SampleDrift sample = testing::SampleCatalogs();
  DependencyPicture picture = DrawNeighbourhood(sample.local, sample.remote, sample.changes);
  RenderSvg(&picture);
  ASSERT_EQ(picture.svg_error, "") << "Graphviz's dot must be installed (scripts/setup does)";
  EXPECT_TRUE(picture.svg.starts_with("<svg")) << picture.svg.substr(0, 200);
  EXPECT_EQ(picture.svg.find("<?xml"), std::string::npos);
  EXPECT_EQ(picture.svg.find("<!DOCTYPE"), std::string::npos);
  EXPECT_TRUE(picture.svg.ends_with("</svg>\n"));
  EXPECT_NE(picture.svg.find("class=\"node remote_only\""), std::string::npos);
  EXPECT_NE(picture.svg.find("class=\"node legend\""), std::string::npos);
}

TEST(RenderSvg, SaysWhyWhenDotFails) {
  DependencyPicture picture;
  picture.dot = "digraph G { this is not dot";
  RenderSvg(&picture);
  EXPECT_EQ(picture.svg, "");
  EXPECT_TRUE(picture.svg_error.starts_with("dot failed with exit code")) << picture.svg_error;
}

TEST(RenderSvg, SaysWhenDotIsNotInstalled) {
  const char* old_path = std::getenv("PATH");
  std::string saved = old_path == nullptr ? "" : old_path;
  std::filesystem::path empty = std::filesystem::temp_directory_path() / "pgdrift-no-dot";
  std::filesystem::create_directories(empty);
  setenv("PATH", empty.c_str(), 1);
  DependencyPicture picture;
  picture.dot = "digraph G { a; }";
  RenderSvg(&picture);
  setenv("PATH", saved.c_str(), 1);
  std::filesystem::remove_all(empty);
  EXPECT_EQ(picture.svg, "");
  EXPECT_EQ(picture.svg_error, "dot (Graphviz) is not installed");
}

}  // namespace
}  // namespace pgdrift::report
