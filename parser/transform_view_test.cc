#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parser/replay.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::MakeColumn;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Pair;

model::Catalog ViewCatalog() {
  model::Catalog catalog = BasicCatalog();
  model::Table& orders = catalog.tables[{"public", "orders"}];
  orders.name = {"public", "orders"};
  orders.columns = {MakeColumn("id", "bigint"), MakeColumn("status", "text"), MakeColumn("total", "numeric")};
  return catalog;
}

std::vector<std::string> ColumnNames(const model::View& view) {
  std::vector<std::string> names;
  for (const model::ViewColumn& column : view.columns) names.push_back(column.name);
  return names;
}

TEST(TransformView, BuildsCreateView) {
  model::CreateView create = SingleMutation<model::CreateView>(
      TransformSql("CREATE OR REPLACE VIEW open_orders (order_id) WITH (security_invoker = true) AS "
                   "SELECT id, status FROM orders WHERE status = 'open' WITH LOCAL CHECK OPTION",
                   ViewCatalog()));
  EXPECT_TRUE(create.or_replace);
  EXPECT_EQ(create.view.name, (model::QualifiedName{"", "open_orders"}));
  EXPECT_FALSE(create.view.materialized);
  EXPECT_THAT(ColumnNames(create.view), ElementsAre("order_id", "status"));
  EXPECT_EQ(create.view.query,
            "SELECT orders.id AS order_id, orders.status FROM public.orders WHERE orders.status = 'open'");
  EXPECT_THAT(create.view.options, ElementsAre(Pair("check_option", "local"), Pair("security_invoker", "true")));
  ASSERT_FALSE(create.view.depends_on.empty());
  EXPECT_EQ(create.view.depends_on[0].ToString(), "table public.orders");
}

TEST(TransformView, BuildsMaterializedViewAndRefresh) {
  model::CreateView create = SingleMutation<model::CreateView>(
      TransformSql("CREATE MATERIALIZED VIEW IF NOT EXISTS totals AS SELECT status, sum(total) FROM orders "
                   "GROUP BY status WITH NO DATA",
                   ViewCatalog()));
  EXPECT_TRUE(create.view.materialized);
  EXPECT_TRUE(create.if_not_exists);
  EXPECT_FALSE(create.view.populated);
  EXPECT_THAT(ColumnNames(create.view), ElementsAre("status", "sum"));
  EXPECT_EQ(create.view.query,
            "SELECT orders.status, sum(orders.total) AS sum FROM public.orders GROUP BY orders.status");

  model::AlterView refresh =
      SingleMutation<model::AlterView>(TransformSql("REFRESH MATERIALIZED VIEW totals", ViewCatalog()));
  EXPECT_TRUE(refresh.materialized);
  EXPECT_EQ(refresh.populated, std::optional<bool>(true));
}

TEST(TransformView, AltersOptions) {
  testing::TransformOutput output =
      TransformSql("ALTER VIEW v SET (security_barrier = false)", ViewCatalog());
  model::AlterView alter = SingleMutation<model::AlterView>(output);
  EXPECT_THAT(alter.set_options, ElementsAre(Pair("security_barrier", "false")));
  model::AlterView reset =
      SingleMutation<model::AlterView>(TransformSql("ALTER VIEW v RESET (check_option)", ViewCatalog()));
  EXPECT_THAT(reset.reset_options, ElementsAre("check_option"));
}

TEST(TransformView, ReportsWhatItCannotModel) {
  EXPECT_THAT(TransformSql("CREATE VIEW v AS SELECT * FROM missing", ViewCatalog()).status,
              StatusIs(absl::StatusCode::kNotFound, "relation \"missing\" does not exist"));
  EXPECT_THAT(TransformSql("CREATE VIEW v AS SELECT * FROM generate_series(1, 2)", ViewCatalog()).status,
              StatusIs(absl::StatusCode::kUnimplemented, "not modelled"));
  EXPECT_THAT(TransformSql("CREATE TABLE t2 AS SELECT 1", ViewCatalog()).status,
              StatusIs(absl::StatusCode::kUnimplemented, "CREATE TABLE AS"));
  testing::TransformOutput temp = TransformSql("CREATE TEMP VIEW v AS SELECT 1", ViewCatalog());
  EXPECT_TRUE(temp.status.ok());
  EXPECT_TRUE(temp.mutations.empty());
  EXPECT_EQ(temp.diagnostics.size(), 1u);
}

// A renamed materialized view keeps its index and is found under its new name by what
// reads it afterwards.
TEST(ReplayViews, RenamesViewsAndTheirIndexes) {
  DiagnosticSink sink;
  Replayer replayer(ViewCatalog(), &sink);
  replayer.ReplayFile({"test.sql",
                       "CREATE MATERIALIZED VIEW totals AS SELECT status, sum(total) AS total "
                       "FROM orders GROUP BY status;\n"
                       "CREATE INDEX totals_status_idx ON totals (status);\n"
                       "ALTER MATERIALIZED VIEW totals RENAME TO status_totals;\n"
                       "CREATE VIEW open_orders AS SELECT id FROM orders;\n"
                       "ALTER TABLE open_orders RENAME TO pending_orders;\n"
                       "COMMENT ON VIEW pending_orders IS 'renamed';\n"});
  EXPECT_TRUE(sink.diagnostics().empty()) << sink.diagnostics()[0].message;
  model::Catalog catalog = replayer.TakeCatalog();
  ASSERT_TRUE(catalog.views.contains({"public", "status_totals"}));
  EXPECT_FALSE(catalog.views.contains({"public", "totals"}));
  EXPECT_EQ(catalog.views.at({"public", "status_totals"}).lineage.former_names,
            std::vector<std::string>{"totals"});
  EXPECT_EQ(catalog.indexes.at({"public", "totals_status_idx"}).table,
            (model::QualifiedName{"public", "status_totals"}));
  ASSERT_TRUE(catalog.views.contains({"public", "pending_orders"}));
  EXPECT_EQ(catalog.views.at({"public", "pending_orders"}).comment, "renamed");
}

}  // namespace
}  // namespace pgdrift::parser
