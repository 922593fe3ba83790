#include "parser/expression_rewrite.h"

#include <string>

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/testing/transform_test_util.h"
#include "parser/normalize.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::MakeColumn;

using ::pgdrift::testing::IsOk;
using Kind = NameChange::Kind;

// The canonical text of `expression` over `table` of `catalog`.
std::string Canonical(const std::string& expression, const model::Catalog& catalog,
                      const model::QualifiedName& table) {
  ExpressionContext context{&catalog, table};
  absl::StatusOr<std::string> text = NormalizeExpressionText(expression, context);
  EXPECT_THAT(text, IsOk()) << expression;
  return text.ok() ? *text : "";
}

// public.orders (id bigint default nextval, price numeric, qty integer, note text,
// status public.stage) with a CHECK, a generated column and two expression indexes,
// and public.other with an identical CHECK text on a column of the same name.
model::Catalog OrdersCatalog() {
  model::Catalog catalog;
  catalog.schemas["public"].name = "public";
  catalog.schemas["app"].name = "app";
  model::UserType& stage = catalog.types[{"public", "stage"}];
  stage.name = {"public", "stage"};
  stage.enum_values = {"new", "done"};
  model::Sequence& sequence = catalog.sequences[{"public", "orders_id_seq"}];
  sequence.name = {"public", "orders_id_seq"};
  sequence.owned_by = model::SequenceOwner{{"public", "orders"}, "id"};

  const model::QualifiedName orders_name{"public", "orders"};
  model::Table& orders = catalog.tables[orders_name];
  orders.name = orders_name;
  orders.columns = {MakeColumn("id", "bigint"), MakeColumn("price", "numeric"),
                    MakeColumn("qty", "integer"), MakeColumn("note", "text"),
                    MakeColumn("total", "numeric")};
  model::Column status;
  status.name = "status";
  status.type = {"public", "stage", false};
  orders.columns.push_back(status);

  model::Table& other = catalog.tables[{"public", "other"}];
  other.name = {"public", "other"};
  other.columns = {MakeColumn("price", "numeric")};

  // Expressions in canonical form, computed once every object they mention exists.
  orders.columns[0].default_expr =
      Canonical("nextval('orders_id_seq'::regclass)", catalog, orders_name);
  orders.columns[4].generated_expr = Canonical("price * qty", catalog, orders_name);
  orders.columns[5].default_expr = Canonical("'new'::stage", catalog, orders_name);
  model::Constraint check;
  check.name = "orders_price_check";
  check.type = model::ConstraintType::kCheck;
  check.expression = Canonical("price > 0", catalog, orders_name);
  orders.constraints[check.name] = check;
  model::Constraint other_check = check;
  other_check.name = "other_price_check";
  other.constraints[other_check.name] = other_check;

  model::Index& index = catalog.indexes[{"public", "orders_lower_idx"}];
  index.name = {"public", "orders_lower_idx"};
  index.table = orders_name;
  model::IndexElement key;
  key.expression = Canonical("lower(note)", catalog, orders_name);
  index.keys.push_back(key);
  index.predicate = Canonical("qty > 0", catalog, orders_name);
  return catalog;
}

model::Mutation MutationOf(model::MutationBody body) { return {{}, "", std::move(body)}; }

TEST(ExpressionRewrite, RenamesColumnReferences) {
  model::Catalog before = OrdersCatalog();
  model::Catalog after = before;
  after.tables.at({"public", "orders"}).columns[1].name = "unit_price";
  const model::QualifiedName orders{"public", "orders"};
  std::vector<NameChange> changes = {{Kind::kColumn, orders, "price", {"", "unit_price"}}};
  ExpressionContext context{&after, orders};

  struct Case {
    std::string written;
    std::string renamed;  // empty: not affected
  };
  const Case kCases[] = {
      {"price > 0", "unit_price > 0"},
      {"orders.price * qty", "orders.unit_price * qty"},
      {"public.orders.price IS NOT NULL", "public.orders.unit_price IS NOT NULL"},
      {"other.price > 0", ""},
      {"qty > 0", ""},
      {"'price'::text", ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.written);
    std::string text = Canonical(c.written, before, orders);
    absl::StatusOr<std::optional<std::string>> rewritten =
        RewriteExpression(text, changes, before, context);
    ASSERT_THAT(rewritten, IsOk());
    if (c.renamed.empty()) {
      EXPECT_FALSE(rewritten->has_value()) << **rewritten;
    } else {
      ASSERT_TRUE(rewritten->has_value());
      EXPECT_EQ(**rewritten, Canonical(c.renamed, after, orders));
    }
  }
}

TEST(ExpressionRewrite, QuotesRenamedColumnsWhenNeeded) {
  model::Catalog before = OrdersCatalog();
  model::Catalog after = before;
  after.tables.at({"public", "orders"}).columns[1].name = "Unit Price";
  const model::QualifiedName orders{"public", "orders"};
  absl::StatusOr<std::optional<std::string>> rewritten = RewriteExpression(
      Canonical("price > 0", before, orders),
      {{Kind::kColumn, orders, "price", {"", "Unit Price"}}}, before, {&after, orders});
  ASSERT_THAT(rewritten, IsOk());
  ASSERT_TRUE(rewritten->has_value());
  EXPECT_NE((*rewritten)->find("\"Unit Price\""), std::string::npos) << **rewritten;
}

TEST(ExpressionRewrite, RenamesSequenceInNextval) {
  model::Catalog before = OrdersCatalog();
  model::Catalog after = before;
  auto node = after.sequences.extract({"public", "orders_id_seq"});
  node.key() = {"public", "order_ids"};
  node.mapped().name = node.key();
  after.sequences.insert(std::move(node));
  const model::QualifiedName orders{"public", "orders"};
  const std::vector<NameChange> changes = {
      {Kind::kRelation, {"public", "orders_id_seq"}, "", {"public", "order_ids"}}};
  for (const std::string written :
       {"nextval('orders_id_seq'::regclass)", "nextval('public.orders_id_seq')",
        "nextval('\"public\".\"orders_id_seq\"'::regclass)"}) {
    SCOPED_TRACE(written);
    absl::StatusOr<std::optional<std::string>> rewritten =
        RewriteExpression(Canonical(written, before, orders), changes, before, {&after, orders});
    ASSERT_THAT(rewritten, IsOk());
    ASSERT_TRUE(rewritten->has_value());
    EXPECT_EQ(**rewritten, Canonical("nextval('public.order_ids'::regclass)", after, orders));
  }
  // Another sequence's nextval is left alone.
  before.sequences[{"public", "other_seq"}].name = {"public", "other_seq"};
  absl::StatusOr<std::optional<std::string>> untouched =
      RewriteExpression("nextval('public.other_seq'::regclass)", changes, before, {&after, orders});
  ASSERT_THAT(untouched, IsOk());
  EXPECT_FALSE(untouched->has_value());
}

TEST(ExpressionRewrite, MovesTypesAndSchemas) {
  model::Catalog before = OrdersCatalog();
  const model::QualifiedName orders{"public", "orders"};
  std::string text = *before.tables.at(orders).columns[5].default_expr;

  model::Catalog after = before;
  auto node = after.types.extract({"public", "stage"});
  node.key() = {"app", "stage"};
  node.mapped().name = node.key();
  after.types.insert(std::move(node));
  after.tables.at(orders).columns[5].type = {"app", "stage", false};
  absl::StatusOr<std::optional<std::string>> moved = RewriteExpression(
      text, {{Kind::kType, {"public", "stage"}, "", {"app", "stage"}}}, before, {&after, orders});
  ASSERT_THAT(moved, IsOk());
  ASSERT_TRUE(moved->has_value());
  EXPECT_EQ(**moved, Canonical("'new'::app.stage", after, orders));

  // A column change does not touch the type name.
  absl::StatusOr<std::optional<std::string>> untouched = RewriteExpression(
      text, {{Kind::kColumn, orders, "stage", {"", "phase"}}}, before, {&before, orders});
  ASSERT_THAT(untouched, IsOk());
  EXPECT_FALSE(untouched->has_value());
}

TEST(ExpressionRewrite, ComputesRewritesOfAColumnRename) {
  model::Catalog before = OrdersCatalog();
  const model::QualifiedName orders{"public", "orders"};
  model::Rename rename;
  rename.kind = model::ObjectKind::kColumn;
  rename.object = orders;
  rename.sub_name = "qty";
  rename.new_name = "quantity";
  ExpressionRewrites rewrites = ComputeExpressionRewrites(
      before, MutationOf(rename), {{Kind::kColumn, orders, "qty", {"", "quantity"}}});
  EXPECT_TRUE(rewrites.failures.empty());

  model::Catalog after = before;
  after.tables.at(orders).columns[2].name = "quantity";
  const model::Table& table = before.tables.at(orders);
  const model::Index& index = before.indexes.at({"public", "orders_lower_idx"});
  std::map<std::string, std::string> expected = {
      {*table.columns[4].generated_expr, Canonical("price * quantity", after, orders)},
      {index.predicate, Canonical("quantity > 0", after, orders)},
  };
  EXPECT_EQ(rewrites.rewrites, expected);
}

TEST(ExpressionRewrite, ComputesRewritesOfATableMoveWithItsSequence) {
  model::Catalog before = OrdersCatalog();
  model::SetSchema set_schema;
  set_schema.kind = model::ObjectKind::kTable;
  set_schema.object = {"public", "orders"};
  set_schema.new_schema = "app";
  ExpressionRewrites rewrites = ComputeExpressionRewrites(
      before, MutationOf(set_schema),
      {{Kind::kRelation, {"public", "orders"}, "", {"app", "orders"}},
       {Kind::kRelation, {"public", "orders_id_seq"}, "", {"app", "orders_id_seq"}}});
  EXPECT_TRUE(rewrites.failures.empty());
  const std::string& old_default = *before.tables.at({"public", "orders"}).columns[0].default_expr;
  ASSERT_EQ(rewrites.rewrites.size(), 1u);
  ASSERT_TRUE(rewrites.rewrites.contains(old_default));
  EXPECT_NE(rewrites.rewrites.at(old_default).find("'app.orders_id_seq'"), std::string::npos)
      << rewrites.rewrites.at(old_default);
}

TEST(ExpressionRewrite, RenamesTableQualifiers) {
  model::Catalog before = OrdersCatalog();
  const model::QualifiedName orders{"public", "orders"};
  model::Catalog after = before;
  auto node = after.tables.extract(orders);
  node.key() = {"public", "purchases"};
  node.mapped().name = node.key();
  after.tables.insert(std::move(node));
  const model::QualifiedName purchases{"public", "purchases"};
  absl::StatusOr<std::optional<std::string>> rewritten =
      RewriteExpression("orders.price > public.orders.qty",
                        {{Kind::kRelation, orders, "", purchases}}, before, {&after, purchases});
  ASSERT_THAT(rewritten, IsOk());
  ASSERT_TRUE(rewritten->has_value());
  EXPECT_EQ(**rewritten, Canonical("purchases.price > public.purchases.qty", after, purchases));
}

TEST(ExpressionRewrite, RenamesColumnsOfPartitionKeys) {
  model::Catalog before = OrdersCatalog();
  const model::QualifiedName events{"public", "events"};
  model::Table& table = before.tables[events];
  table.name = events;
  table.columns = {MakeColumn("created_at", "timestamp with time zone"),
                   MakeColumn("kind", "text")};
  struct Case {
    std::string key;
    std::string column;
    std::string new_name;
    std::string renamed;  // empty: not affected
  };
  const Case kCases[] = {
      {"RANGE (created_at)", "created_at", "occurred_at", "RANGE (occurred_at)"},
      {"LIST (lower(kind))", "kind", "Kind Of", "LIST (lower(\"Kind Of\"))"},
      {"HASH (kind, created_at)", "kind", "category", "HASH (category, created_at)"},
      {"RANGE (kind COLLATE \"C\" text_pattern_ops)", "kind", "k",
       "RANGE (k COLLATE \"C\" text_pattern_ops)"},
      {"RANGE (created_at)", "kind", "category", ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.key);
    table.partition_key = c.key;
    model::Rename rename;
    rename.kind = model::ObjectKind::kColumn;
    rename.object = events;
    rename.sub_name = c.column;
    rename.new_name = c.new_name;
    ExpressionRewrites rewrites = ComputeExpressionRewrites(
        before, MutationOf(rename), {{Kind::kColumn, events, c.column, {"", c.new_name}}});
    EXPECT_TRUE(rewrites.failures.empty());
    if (c.renamed.empty()) {
      EXPECT_FALSE(rewrites.rewrites.contains(c.key));
    } else {
      ASSERT_TRUE(rewrites.rewrites.contains(c.key));
      EXPECT_EQ(rewrites.rewrites.at(c.key), c.renamed);
    }
  }
}

TEST(ExpressionRewrite, NothingToRewriteWhenNothingMentionsTheName) {
  model::Catalog before = OrdersCatalog();
  model::Rename rename;
  rename.kind = model::ObjectKind::kIndex;
  rename.object = {"public", "orders_lower_idx"};
  rename.new_name = "orders_note_idx";
  ExpressionRewrites rewrites = ComputeExpressionRewrites(
      before, MutationOf(rename),
      {{Kind::kRelation, {"public", "orders_lower_idx"}, "", {"public", "orders_note_idx"}}});
  EXPECT_TRUE(rewrites.rewrites.empty());
  EXPECT_TRUE(rewrites.failures.empty());
}

TEST(ExpressionRewrite, NothingWhenTheStatementWouldFail) {
  model::Catalog before = OrdersCatalog();
  const model::QualifiedName orders{"public", "orders"};
  model::Rename rename;
  rename.kind = model::ObjectKind::kColumn;
  rename.object = orders;
  rename.sub_name = "qty";
  rename.new_name = "price";  // taken: the rename fails when applied
  ExpressionRewrites rewrites = ComputeExpressionRewrites(
      before, MutationOf(rename), {{Kind::kColumn, orders, "qty", {"", "price"}}});
  EXPECT_TRUE(rewrites.rewrites.empty());
}

}  // namespace
}  // namespace pgdrift::parser
