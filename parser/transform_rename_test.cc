#include <string>
#include <variant>

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/normalize.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::MakeColumn;

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;

std::string Canonical(const std::string& expression, const model::Catalog& catalog,
                      const model::QualifiedName& table) {
  absl::StatusOr<std::string> text = NormalizeExpressionText(expression, {&catalog, table});
  EXPECT_THAT(text, IsOk()) << expression;
  return text.ok() ? *text : "";
}

// public.items (id integer default nextval(items_id_seq), price numeric with a CHECK,
// mood public.mood default 'ok'), its sequence, public.audit (price numeric),
// an index and a domain.
model::Catalog ItemsCatalog() {
  model::Catalog catalog = BasicCatalog();
  catalog.types[{"public", "mood"}].name = {"public", "mood"};
  catalog.types[{"public", "mood"}].enum_values = {"ok", "sad"};
  catalog.domains[{"public", "email"}].name = {"public", "email"};
  catalog.domains[{"public", "email"}].base_type = model::TypeRef::Builtin("text");
  catalog.sequences[{"public", "items_id_seq"}].name = {"public", "items_id_seq"};
  const model::QualifiedName items{"public", "items"};
  model::Table& table = catalog.tables[items];
  table.name = items;
  table.columns = {MakeColumn("id", "integer"), MakeColumn("price", "numeric")};
  model::Column mood;
  mood.name = "mood";
  mood.type = {"public", "mood", false};
  table.columns.push_back(mood);
  catalog.tables[{"public", "audit"}].name = {"public", "audit"};
  catalog.tables[{"public", "audit"}].columns = {MakeColumn("price", "numeric")};
  table.columns[0].default_expr = Canonical("nextval('items_id_seq'::regclass)", catalog, items);
  table.columns[2].default_expr = Canonical("'ok'::mood", catalog, items);
  model::Constraint check;
  check.name = "items_price_check";
  check.expression = Canonical("price > 0", catalog, items);
  table.constraints[check.name] = check;
  catalog.indexes[{"public", "items_pkey"}].name = {"public", "items_pkey"};
  catalog.indexes[{"public", "items_pkey"}].table = items;
  return catalog;
}

TEST(TransformRename, RenamesRelationsByTheirCatalogKind) {
  struct Case {
    std::string sql;
    model::ObjectKind kind;
    model::QualifiedName object;
    std::string new_name;
    bool if_exists;
  };
  const Case kCases[] = {
      {"ALTER TABLE items RENAME TO products",
       model::ObjectKind::kTable,
       {"", "items"},
       "products",
       false},
      {"ALTER TABLE IF EXISTS public.items RENAME TO products",
       model::ObjectKind::kTable,
       {"public", "items"},
       "products",
       true},
      {"ALTER INDEX items_pkey RENAME TO products_pkey",
       model::ObjectKind::kIndex,
       {"", "items_pkey"},
       "products_pkey",
       false},
      {"ALTER SEQUENCE items_id_seq RENAME TO product_ids",
       model::ObjectKind::kSequence,
       {"", "items_id_seq"},
       "product_ids",
       false},
      // ALTER TABLE and ALTER INDEX rename any relation.
      {"ALTER TABLE items_id_seq RENAME TO s2",
       model::ObjectKind::kSequence,
       {"", "items_id_seq"},
       "s2",
       false},
      {"ALTER INDEX items RENAME TO t2", model::ObjectKind::kTable, {"", "items"}, "t2", false},
      // Unknown: the statement's kind, for the model to report.
      {"ALTER TABLE IF EXISTS nosuch RENAME TO x",
       model::ObjectKind::kTable,
       {"", "nosuch"},
       "x",
       true},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::Rename rename = SingleMutation<model::Rename>(TransformSql(c.sql, ItemsCatalog()));
    EXPECT_EQ(rename.kind, c.kind);
    EXPECT_EQ(rename.object, c.object);
    EXPECT_EQ(rename.sub_name, "");
    EXPECT_EQ(rename.new_name, c.new_name);
    EXPECT_EQ(rename.if_exists, c.if_exists);
    EXPECT_FALSE(rename.on_domain);
  }
}

TEST(TransformRename, AlterSequenceInsistsOnASequence) {
  EXPECT_THAT(TransformSql("ALTER SEQUENCE items RENAME TO x", ItemsCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument, "\"items\" is not a sequence"));
  EXPECT_THAT(TransformSql("ALTER VIEW items RENAME TO x", ItemsCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument, "\"items\" is not a view"));
}

TEST(TransformRename, RenamesColumnsAndRewritesTheirExpressions) {
  model::Catalog catalog = ItemsCatalog();
  const model::QualifiedName items{"public", "items"};
  model::Rename rename = SingleMutation<model::Rename>(
      TransformSql("ALTER TABLE items RENAME COLUMN price TO unit_price", catalog));
  EXPECT_EQ(rename.kind, model::ObjectKind::kColumn);
  EXPECT_EQ(rename.object, (model::QualifiedName{"", "items"}));
  EXPECT_EQ(rename.sub_name, "price");
  EXPECT_EQ(rename.new_name, "unit_price");

  model::Catalog after = catalog;
  after.tables.at(items).columns[1].name = "unit_price";
  std::map<std::string, std::string> expected = {
      {catalog.tables.at(items).constraints.at("items_price_check").expression,
       Canonical("unit_price > 0", after, items)}};
  EXPECT_EQ(rename.expression_rewrites, expected);
}

TEST(TransformRename, ColumnRenameReachesInheritingTables) {
  model::Catalog catalog = ItemsCatalog();
  const model::QualifiedName child{"public", "items_2024"};
  model::Table& table = catalog.tables[child];
  table.name = child;
  table.partition_of = model::QualifiedName{"public", "items"};
  table.columns = {MakeColumn("id", "integer"), MakeColumn("price", "numeric"),
                   MakeColumn("qty", "integer")};
  model::Constraint check;
  check.name = "items_2024_check";
  check.expression = Canonical("price < qty", catalog, child);
  table.constraints[check.name] = check;

  model::Rename rename = SingleMutation<model::Rename>(
      TransformSql("ALTER TABLE items RENAME COLUMN price TO cost", catalog));
  EXPECT_TRUE(rename.expression_rewrites.contains(check.expression));

  model::Rename only = SingleMutation<model::Rename>(
      TransformSql("ALTER TABLE ONLY items RENAME COLUMN price TO cost", catalog));
  EXPECT_FALSE(only.expression_rewrites.contains(check.expression));
}

TEST(TransformRename, SequenceRenameRewritesNextvalDefaults) {
  model::Catalog catalog = ItemsCatalog();
  model::Rename rename = SingleMutation<model::Rename>(
      TransformSql("ALTER SEQUENCE items_id_seq RENAME TO item_ids", catalog));
  const std::string& old_default = *catalog.tables.at({"public", "items"}).columns[0].default_expr;
  ASSERT_EQ(rename.expression_rewrites.size(), 1u);
  ASSERT_TRUE(rename.expression_rewrites.contains(old_default));
  EXPECT_NE(rename.expression_rewrites.at(old_default).find("'public.item_ids'"), std::string::npos)
      << rename.expression_rewrites.at(old_default);
}

TEST(TransformRename, RenamesConstraintsTypesDomainsAndSchemas) {
  model::Catalog catalog = ItemsCatalog();

  model::Rename constraint = SingleMutation<model::Rename>(TransformSql(
      "ALTER TABLE IF EXISTS items RENAME CONSTRAINT items_price_check TO positive", catalog));
  EXPECT_EQ(constraint.kind, model::ObjectKind::kConstraint);
  EXPECT_EQ(constraint.object, (model::QualifiedName{"", "items"}));
  EXPECT_EQ(constraint.sub_name, "items_price_check");
  EXPECT_EQ(constraint.new_name, "positive");
  EXPECT_TRUE(constraint.if_exists);
  EXPECT_FALSE(constraint.on_domain);

  model::Rename domain_constraint = SingleMutation<model::Rename>(
      TransformSql("ALTER DOMAIN email RENAME CONSTRAINT email_check TO email_format", catalog));
  EXPECT_EQ(domain_constraint.kind, model::ObjectKind::kConstraint);
  EXPECT_TRUE(domain_constraint.on_domain);
  EXPECT_EQ(domain_constraint.object, (model::QualifiedName{"", "email"}));
  EXPECT_EQ(domain_constraint.sub_name, "email_check");
  EXPECT_EQ(domain_constraint.new_name, "email_format");

  model::Rename type =
      SingleMutation<model::Rename>(TransformSql("ALTER TYPE mood RENAME TO feeling", catalog));
  EXPECT_EQ(type.kind, model::ObjectKind::kType);
  EXPECT_EQ(type.object, (model::QualifiedName{"", "mood"}));
  EXPECT_EQ(type.new_name, "feeling");
  const std::string& mood_default = *catalog.tables.at({"public", "items"}).columns[2].default_expr;
  ASSERT_TRUE(type.expression_rewrites.contains(mood_default));
  EXPECT_NE(type.expression_rewrites.at(mood_default).find("feeling"), std::string::npos);

  model::Rename domain =
      SingleMutation<model::Rename>(TransformSql("ALTER TYPE email RENAME TO mail", catalog));
  EXPECT_EQ(domain.kind, model::ObjectKind::kDomain);
  model::Rename domain2 =
      SingleMutation<model::Rename>(TransformSql("ALTER DOMAIN email RENAME TO mail", catalog));
  EXPECT_EQ(domain2.kind, model::ObjectKind::kDomain);
  EXPECT_THAT(TransformSql("ALTER DOMAIN mood RENAME TO x", catalog).status,
              StatusIs(absl::StatusCode::kInvalidArgument, "public.mood is not a domain"));

  model::Rename schema =
      SingleMutation<model::Rename>(TransformSql("ALTER SCHEMA extensions RENAME TO ext", catalog));
  EXPECT_EQ(schema.kind, model::ObjectKind::kSchema);
  EXPECT_EQ(schema.object, (model::QualifiedName{"", "extensions"}));
  EXPECT_EQ(schema.new_name, "ext");
  EXPECT_TRUE(schema.expression_rewrites.empty());
}

TEST(TransformRename, RenamesCompositeAttributes) {
  model::AlterType alter = SingleMutation<model::AlterType>(
      TransformSql("ALTER TYPE app.address RENAME ATTRIBUTE zip TO postcode", BasicCatalog()));
  EXPECT_EQ(alter.type, (model::QualifiedName{"app", "address"}));
  ASSERT_EQ(alter.commands.size(), 1u);
  const auto* rename = std::get_if<model::alter_type::RenameAttribute>(&alter.commands[0]);
  ASSERT_NE(rename, nullptr);
  EXPECT_EQ(rename->old_name, "zip");
  EXPECT_EQ(rename->new_name, "postcode");
}

TEST(TransformRename, ReportsUnmodelledKinds) {
  struct Case {
    std::string sql;
    std::string message;
  };
  const Case kCases[] = {
      {"ALTER VIEW v RENAME COLUMN a TO b", "ALTER VIEW … RENAME COLUMN is not modelled"},
      {"ALTER ROLE a RENAME TO b", "ALTER ROLE … RENAME is not modelled"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    EXPECT_THAT(TransformSql(c.sql, ItemsCatalog()).status,
                StatusIs(absl::StatusCode::kUnimplemented, c.message));
  }
}

}  // namespace
}  // namespace pgdrift::parser
