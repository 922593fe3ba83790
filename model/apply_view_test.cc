#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/internal/apply_context.h"
#include "model/testing/apply_builders.h"

namespace pgdrift::model {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Pair;

absl::Status Apply(Catalog& catalog, MutationBody body) {
  Mutation mutation{kSpan, "statement", std::move(body)};
  internal::ApplyContext ctx{&catalog, &mutation, nullptr};
  return std::visit(Overloaded{
                        [&](const CreateView& m) { return internal::ApplyCreateView(m, ctx); },
                        [&](const AlterView& m) { return internal::ApplyAlterView(m, ctx); },
                        [&](const DropObjects& m) { return internal::ApplyDropObjects(m, ctx); },
                        [&](const Comment& m) { return internal::ApplyComment(m, ctx); },
                        [&](const CreateIndex& m) { return internal::ApplyCreateIndex(m, ctx); },
                        [&](const auto&) { return absl::UnimplementedError("not used in this test"); },
                    },
                    mutation.body);
}

// public.orders (id, status) and a view over it.
Catalog OrdersCatalog() {
  Catalog catalog = NewCatalog();
  EXPECT_THAT(ApplyOne(catalog, NewTable("orders", {Col("id", "bigint"), Col("status", "text")})), IsOk());
  return catalog;
}

CreateView NewView(std::string name, std::vector<std::string> columns, bool materialized = false) {
  CreateView m;
  m.view.name = {"", std::move(name)};
  m.view.materialized = materialized;
  for (std::string& column : columns) m.view.columns.push_back({std::move(column), "", std::nullopt});
  m.view.query = "SELECT orders.id, orders.status FROM public.orders";
  m.view.depends_on = {ObjectId::Of(ObjectKind::kTable, {"public", "orders"}),
                       ObjectId::Child(ObjectKind::kColumn, {"public", "orders"}, "id")};
  return m;
}

TEST(ApplyView, CreatesView) {
  Catalog catalog = OrdersCatalog();
  ASSERT_THAT(Apply(catalog, NewView("open_orders", {"id", "status"})), IsOk());
  const View& view = catalog.views.at({"public", "open_orders"});
  EXPECT_EQ(view.owner, "postgres");
  EXPECT_EQ(view.lineage.created, kSpan);
  EXPECT_EQ(catalog.RelationKindOf({"public", "open_orders"}), ObjectKind::kView);
  EXPECT_EQ(catalog.ResolveRelation({"", "open_orders"}), (QualifiedName{"public", "open_orders"}));
  EXPECT_THAT(Apply(catalog, NewView("open_orders", {"id"})),
              StatusIs(absl::StatusCode::kAlreadyExists, "relation \"open_orders\" already exists"));
  EXPECT_THAT(Apply(catalog, NewView("orders", {"id"})),
              StatusIs(absl::StatusCode::kAlreadyExists, "relation \"orders\" already exists"));
}

TEST(ApplyView, ReplacesViewAsPostgresAllows) {
  Catalog catalog = OrdersCatalog();
  ASSERT_THAT(Apply(catalog, NewView("v", {"id", "status"})), IsOk());
  Comment comment{.kind = ObjectKind::kColumn, .object = {"", "v"}, .sub_name = "id", .text = "the id"};
  ASSERT_THAT(Apply(catalog, comment), IsOk());
  CreateView replace = NewView("v", {"id", "status", "extra"});
  replace.or_replace = true;
  ASSERT_THAT(Apply(catalog, replace), IsOk());
  const View& view = catalog.views.at({"public", "v"});
  EXPECT_EQ(view.columns.size(), 3u);
  EXPECT_EQ(view.columns[0].comment, "the id");

  CreateView fewer = NewView("v", {"id"});
  fewer.or_replace = true;
  EXPECT_THAT(Apply(catalog, fewer), StatusIs(absl::StatusCode::kInvalidArgument, "cannot drop columns from view"));
  CreateView renamed = NewView("v", {"order_id", "status", "extra"});
  renamed.or_replace = true;
  EXPECT_THAT(Apply(catalog, renamed),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "cannot change name of view column \"id\" to \"order_id\""));
}

TEST(ApplyView, AltersOptionsAndRefreshes) {
  Catalog catalog = OrdersCatalog();
  CreateView matview = NewView("totals", {"id", "status"}, /*materialized=*/true);
  matview.view.populated = false;
  ASSERT_THAT(Apply(catalog, matview), IsOk());
  AlterView refresh{.view = {"", "totals"}, .materialized = true, .populated = true};
  ASSERT_THAT(Apply(catalog, refresh), IsOk());
  EXPECT_TRUE(catalog.views.at({"public", "totals"}).populated);
  AlterView set{.view = {"", "totals"}, .materialized = true, .set_options = {{"fillfactor", "70"}}};
  ASSERT_THAT(Apply(catalog, set), IsOk());
  EXPECT_THAT(catalog.views.at({"public", "totals"}).options, ElementsAre(Pair("fillfactor", "70")));
  AlterView wrong{.view = {"", "totals"}, .set_options = {{"security_barrier", "true"}}};
  EXPECT_THAT(Apply(catalog, wrong), StatusIs(absl::StatusCode::kInvalidArgument, "\"totals\" is not a view"));
  // CREATE INDEX on a materialized view.
  CreateIndex index;
  index.index.table = {"", "totals"};
  index.index.keys = {{.column = "status"}};
  ASSERT_THAT(Apply(catalog, index), IsOk());
  EXPECT_TRUE(catalog.indexes.contains({"public", "totals_status_idx"}));
}

TEST(ApplyView, DropsViewsAndRefusesDroppingWhatTheyRead) {
  Catalog catalog = OrdersCatalog();
  ASSERT_THAT(Apply(catalog, NewView("v", {"id", "status"})), IsOk());
  DropObjects drop_table{.kind = ObjectKind::kTable, .names = {{"", "orders"}}};
  EXPECT_THAT(Apply(catalog, drop_table),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "cannot drop table orders because other objects depend on it"));
  DropObjects wrong_kind{.kind = ObjectKind::kMaterializedView, .names = {{"", "v"}}};
  EXPECT_THAT(Apply(catalog, wrong_kind),
              StatusIs(absl::StatusCode::kInvalidArgument, "\"v\" is not a materialized view"));
  drop_table.cascade = true;
  ASSERT_THAT(Apply(catalog, drop_table), IsOk());
  EXPECT_TRUE(catalog.views.empty());

  catalog = OrdersCatalog();
  ASSERT_THAT(Apply(catalog, NewView("v", {"id", "status"})), IsOk());
  ASSERT_THAT(Apply(catalog, DropObjects{.kind = ObjectKind::kView, .names = {{"", "v"}}}), IsOk());
  EXPECT_TRUE(catalog.views.empty());
  EXPECT_THAT(Apply(catalog, DropObjects{.kind = ObjectKind::kView, .names = {{"", "v"}}}),
              StatusIs(absl::StatusCode::kNotFound, "view \"v\" does not exist"));
}

}  // namespace
}  // namespace pgdrift::model
