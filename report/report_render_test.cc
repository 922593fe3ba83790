// Tests of the JSON and Markdown renderings of a hand-made report.
#include <string>

#include "gtest/gtest.h"
#include "report/report.h"
#include "report/report_json.h"
#include "report/report_markdown.h"

namespace pgdrift::report {
namespace {

Report SampleReport() {
  Report report;
  report.provenance.generated_at = "2026-01-02T03:04:05Z";
  report.provenance.pgdrift_version = "0.1.0";
  report.provenance.local = "migration chain supabase/migrations (supabase layout, 1 file)";
  report.provenance.newest_version = "20240101000000";
  report.provenance.remote = "database \"app\" on host \"db\" port 5432 as user \"auditor\"";
  report.provenance.profile = "supabase";

  ObjectEntry changed;
  changed.drift.id = model::ObjectId::Child(model::ObjectKind::kColumn, {"public", "orders"}, "status");
  changed.drift.status = diff::DriftStatus::kChanged;
  changed.drift.changes.push_back({"default", std::string("'a|b'::text"), std::string("'new'::text")});
  changed.drift.local_lineage = model::Lineage::At({"supabase/migrations/20240101000000_init.sql", 3, 1});
  planner::PlanStatement statement;
  statement.object = changed.drift.id;
  statement.statement.sql = "ALTER TABLE public.orders ALTER COLUMN status SET DEFAULT 'a|b'::text;";
  statement.statement.hazards = {planner::Hazard::kAccessExclusiveLock};
  changed.corrective.push_back(statement);
  changed.hazards = statement.statement.hazards;
  changed.explained_by.push_back({"20240105000000", "tweak", true});
  report.objects.push_back(changed);

  report.summary.by_kind["column"]["changed"] = 1;
  report.summary.changed = 1;
  report.summary.highest_hazard = planner::Hazard::kAccessExclusiveLock;
  report.summary.corrective_statements = 1;
  report.notes.push_back("a note");
  return report;
}

TEST(ReportJson, WritesEveryObjectField) {
  nlohmann::ordered_json json = ReportJson(SampleReport());
  EXPECT_EQ(json["format"], "pgdrift.report/v1");
  EXPECT_EQ(json["in_sync"], false);
  EXPECT_EQ(json["provenance"]["newest_version"], "20240101000000");
  EXPECT_TRUE(json["provenance"]["history_table"].is_null());
  EXPECT_EQ(json["summary"]["by_kind"]["column"]["changed"], 1);
  EXPECT_EQ(json["summary"]["highest_hazard"], "access_exclusive_lock");
  const nlohmann::ordered_json& object = json["objects"][0];
  EXPECT_EQ(object["identity"], "column public.orders.status");
  EXPECT_EQ(object["parent"], "orders");
  EXPECT_EQ(object["changes"][0]["migrations"], "'a|b'::text");
  EXPECT_EQ(object["changes"][0]["database"], "'new'::text");
  EXPECT_EQ(object["defined_in"]["file"], "supabase/migrations/20240101000000_init.sql");
  EXPECT_EQ(object["defined_in"]["line"], 3);
  EXPECT_EQ(object["explained_by"][0]["version"], "20240105000000");
  EXPECT_EQ(object["explained_by"][0]["recorded"], true);
  EXPECT_EQ(object["corrective"][0]["step"], "alter");
  EXPECT_EQ(object["corrective"][0]["hazards"][0], "access_exclusive_lock");
  EXPECT_EQ(object["corrective"][0]["commented_out"], false);
  EXPECT_EQ(json["picture"]["svg_available"], false);
  EXPECT_EQ(json["notes"][0], "a note");
  EXPECT_EQ(ReportJson(SampleReport()).dump(), json.dump());
}

TEST(ReportMarkdown, PutsTheSummaryFirstAndEscapesTableCells) {
  std::string markdown = ReportMarkdown(SampleReport());
  size_t summary = markdown.find("## Summary");
  size_t objects = markdown.find("## Drifted objects");
  size_t notes = markdown.find("## Notes");
  ASSERT_NE(summary, std::string::npos) << markdown;
  ASSERT_NE(objects, std::string::npos) << markdown;
  ASSERT_NE(notes, std::string::npos) << markdown;
  EXPECT_LT(summary, objects);
  EXPECT_LT(objects, notes);
  EXPECT_NE(markdown.find("| default | `'new'::text` | `'a\\|b'::text` |"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("Defined in `supabase/migrations/20240101000000_init.sql:3`"), std::string::npos);
  EXPECT_NE(markdown.find("May be explained by version `20240105000000` (tweak)"), std::string::npos);
  EXPECT_NE(markdown.find("```sql\n-- hazards: access_exclusive_lock\nALTER TABLE"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("| column | 0 | 0 | 1 |"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("`database \"app\" on host"), 0u);
}

TEST(ReportMarkdown, LinksTheSvgFileInsteadOfTheDotText) {
  Report report = SampleReport();
  report.picture.nodes.push_back({"column public.orders.status", "column\npublic.orders.status", "changed"});
  report.picture.dot = "digraph G {\n0;\n}\n";
  std::string with_dot = ReportMarkdown(report);
  EXPECT_NE(with_dot.find("```dot\ndigraph G {"), std::string::npos) << with_dot;
  std::string with_svg = ReportMarkdown(report, "report.md.svg");
  EXPECT_NE(with_svg.find("](report.md.svg)"), std::string::npos) << with_svg;
  EXPECT_EQ(with_svg.find("```dot"), std::string::npos);
}

}  // namespace
}  // namespace pgdrift::report
