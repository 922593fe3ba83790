#include "planner/view_ddl.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/dependency_graph.h"
#include "planner/create_script.h"

namespace pgdrift::planner {
namespace {

using ::testing::ElementsAre;

model::View MakeView(std::string name, std::string query) {
  model::View view;
  view.name = {"public", std::move(name)};
  view.query = std::move(query);
  view.columns = {{"id", "", std::nullopt}};
  return view;
}

TEST(ViewDdl, PrintsCreateViewAsPgDump) {
  model::View view = MakeView("open_orders", "SELECT orders.id FROM public.orders");
  view.options = {{"security_invoker", "true"}, {"check_option", "local"}};
  EXPECT_EQ(CreateViewSql(view),
            "CREATE VIEW public.open_orders WITH (security_invoker=true) AS\n"
            "SELECT orders.id FROM public.orders\n  WITH LOCAL CHECK OPTION;");
  EXPECT_EQ(DropViewSql(view), "DROP VIEW public.open_orders;");
}

TEST(ViewDdl, PrintsMaterializedView) {
  model::View view = MakeView("totals", "SELECT orders.id FROM public.orders");
  view.materialized = true;
  view.populated = false;
  view.comment = "daily";
  view.columns[0].comment = "the id";
  EXPECT_EQ(CreateViewSql(view),
            "CREATE MATERIALIZED VIEW public.totals AS\nSELECT orders.id FROM public.orders\n  WITH NO DATA;");
  EXPECT_THAT(ViewCommentSql(view), ElementsAre("COMMENT ON MATERIALIZED VIEW public.totals IS 'daily';",
                                                "COMMENT ON COLUMN public.totals.id IS 'the id';"));
  EXPECT_EQ(DropViewSql(view), "DROP MATERIALIZED VIEW public.totals;");
}

// A view that reads another comes after it, whatever their names.
TEST(ViewDdl, CreateScriptOrdersViewsByDependency) {
  model::Catalog catalog;
  catalog.schemas["public"].name = "public";
  model::View inner = MakeView("z_inner", "SELECT 1 AS id");
  model::View outer = MakeView("a_outer", "SELECT z_inner.id FROM public.z_inner");
  outer.depends_on = {model::ObjectId::Of(model::ObjectKind::kView, inner.name)};
  catalog.views[inner.name] = inner;
  catalog.views[outer.name] = outer;
  std::string script = CreateScript(catalog, {});
  size_t inner_at = script.find("CREATE VIEW public.z_inner");
  size_t outer_at = script.find("CREATE VIEW public.a_outer");
  ASSERT_NE(inner_at, std::string::npos) << script;
  ASSERT_NE(outer_at, std::string::npos) << script;
  EXPECT_LT(inner_at, outer_at);
}

}  // namespace
}  // namespace pgdrift::planner
