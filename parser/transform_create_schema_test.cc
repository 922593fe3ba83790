#include <string>
#include <variant>

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformOutput;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;

TEST(TransformCreateSchema, ReadsNameOwnerAndIfNotExists) {
  struct Case {
    std::string sql;
    std::string name;
    std::string owner;
    bool if_not_exists;
  };
  const Case kCases[] = {
      {"CREATE SCHEMA app", "app", "", false},
      {"CREATE SCHEMA IF NOT EXISTS app", "app", "", true},
      {"CREATE SCHEMA app AUTHORIZATION alice", "app", "alice", false},
      {"CREATE SCHEMA AUTHORIZATION bob", "bob", "bob", false},
      {"CREATE SCHEMA IF NOT EXISTS AUTHORIZATION CURRENT_USER", "postgres", "postgres", true},
      {"CREATE SCHEMA \"My App\" AUTHORIZATION SESSION_USER", "My App", "postgres", false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::CreateSchema create =
        SingleMutation<model::CreateSchema>(TransformSql(c.sql, BasicCatalog()));
    EXPECT_EQ(create.name, c.name);
    EXPECT_EQ(create.owner, c.owner);
    EXPECT_EQ(create.if_not_exists, c.if_not_exists);
  }
}

TEST(TransformCreateSchema, RejectsPublicAsOwner) {
  EXPECT_THAT(TransformSql("CREATE SCHEMA s AUTHORIZATION PUBLIC", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kNotFound, "role \"public\" does not exist"));
}

TEST(TransformCreateSchema, PutsElementsInTheNewSchema) {
  TransformOutput output = TransformSql(
      "CREATE SCHEMA app "
      "CREATE TABLE customers (id int PRIMARY KEY) "
      "CREATE TABLE orders (id int, customer_id int REFERENCES customers) "
      "CREATE SEQUENCE order_no OWNED BY orders.id "
      "CREATE INDEX ON orders (customer_id)",
      BasicCatalog());
  ASSERT_THAT(output.status, IsOk());
  ASSERT_EQ(output.mutations.size(), 5u);
  const auto* schema = std::get_if<model::CreateSchema>(&output.mutations[0].body);
  ASSERT_NE(schema, nullptr);
  EXPECT_EQ(schema->name, "app");

  const auto* customers = std::get_if<model::CreateTable>(&output.mutations[1].body);
  ASSERT_NE(customers, nullptr);
  EXPECT_EQ(customers->table.name, (model::QualifiedName{"app", "customers"}));

  const auto* orders = std::get_if<model::CreateTable>(&output.mutations[2].body);
  ASSERT_NE(orders, nullptr);
  EXPECT_EQ(orders->table.name, (model::QualifiedName{"app", "orders"}));
  // The reference resolves in the new schema, which leads search_path meanwhile.
  bool found_fk = false;
  for (const model::ConstraintDef& def : orders->constraints) {
    if (def.constraint.type != model::ConstraintType::kForeignKey) continue;
    found_fk = true;
    EXPECT_EQ(def.constraint.referenced_table, (model::QualifiedName{"app", "customers"}));
  }
  EXPECT_TRUE(found_fk);

  const auto* sequence = std::get_if<model::CreateSequence>(&output.mutations[3].body);
  ASSERT_NE(sequence, nullptr);
  EXPECT_EQ(sequence->name, (model::QualifiedName{"app", "order_no"}));
  ASSERT_TRUE(sequence->options.owned_by && *sequence->options.owned_by);
  EXPECT_EQ((*sequence->options.owned_by)->table, (model::QualifiedName{"app", "orders"}));

  const auto* index = std::get_if<model::CreateIndex>(&output.mutations[4].body);
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->index.table, (model::QualifiedName{"app", "orders"}));
}

TEST(TransformCreateSchema, RejectsElementsInAnotherSchema) {
  EXPECT_THAT(
      TransformSql("CREATE SCHEMA app CREATE TABLE public.t (id int)", BasicCatalog()).status,
      StatusIs(absl::StatusCode::kInvalidArgument,
               "CREATE specifies a schema (public) different from the one being created (app)"));
}

TEST(TransformCreateSchema, TransformsViewElements) {
  TransformOutput output = TransformSql(
      "CREATE SCHEMA app CREATE VIEW v AS SELECT 1 AS one CREATE TABLE t (id int)", BasicCatalog());
  ASSERT_THAT(output.status, IsOk());
  ASSERT_EQ(output.mutations.size(), 3u);
  ASSERT_TRUE(std::holds_alternative<model::CreateView>(output.mutations[1].body));
  EXPECT_EQ(std::get<model::CreateView>(output.mutations[1].body).view.query, "SELECT 1 AS one");
  EXPECT_TRUE(std::holds_alternative<model::CreateTable>(output.mutations[2].body));
  EXPECT_TRUE(output.diagnostics.empty());
}

TEST(TransformCreateSchema, FailsAsAWholeWhenAnElementFails) {
  // The second table has the first one's name: PostgreSQL rolls the statement back.
  EXPECT_FALSE(TransformSql("CREATE SCHEMA app CREATE TABLE t (id int) CREATE TABLE t (id int)",
                            BasicCatalog())
                   .status.ok());
  // The schema exists already.
  model::Catalog catalog = BasicCatalog();
  catalog.schemas["app"].name = "app";
  EXPECT_THAT(TransformSql("CREATE SCHEMA app CREATE TABLE t (id int)", catalog).status,
              StatusIs(absl::StatusCode::kAlreadyExists, "app"));
}

}  // namespace
}  // namespace pgdrift::parser
