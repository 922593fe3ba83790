#include <string>
#include <vector>

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

TEST(TransformDrop, ReadsKindNamesAndBehavior) {
  struct Case {
    std::string sql;
    model::ObjectKind kind;
    std::vector<model::QualifiedName> names;
    bool if_exists;
    bool cascade;
  };
  const Case kCases[] = {
      {"DROP TABLE orders", model::ObjectKind::kTable, {{"", "orders"}}, false, false},
      {"DROP TABLE IF EXISTS app.a, b CASCADE",
       model::ObjectKind::kTable,
       {{"app", "a"}, {"", "b"}},
       true,
       true},
      {"DROP SEQUENCE s RESTRICT", model::ObjectKind::kSequence, {{"", "s"}}, false, false},
      {"DROP INDEX CONCURRENTLY IF EXISTS app.i",
       model::ObjectKind::kIndex,
       {{"app", "i"}},
       true,
       false},
      {"DROP INDEX i, j", model::ObjectKind::kIndex, {{"", "i"}, {"", "j"}}, false, false},
      {"DROP TYPE IF EXISTS app.stage, mood CASCADE",
       model::ObjectKind::kType,
       {{"app", "stage"}, {"", "mood"}},
       true,
       true},
      {"DROP DOMAIN email", model::ObjectKind::kDomain, {{"", "email"}}, false, false},
      {"DROP SCHEMA IF EXISTS app, \"Old\" CASCADE",
       model::ObjectKind::kSchema,
       {{"", "app"}, {"", "Old"}},
       true,
       true},
      {"DROP EXTENSION \"uuid-ossp\"",
       model::ObjectKind::kExtension,
       {{"", "uuid-ossp"}},
       false,
       false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::DropObjects drop =
        SingleMutation<model::DropObjects>(TransformSql(c.sql, BasicCatalog()));
    EXPECT_EQ(drop.kind, c.kind);
    EXPECT_EQ(drop.names, c.names);
    EXPECT_EQ(drop.if_exists, c.if_exists);
    EXPECT_EQ(drop.cascade, c.cascade);
  }
}

TEST(TransformDrop, DropTypeOfADomainDropsTheDomain) {
  model::Catalog catalog = BasicCatalog();
  catalog.domains[{"public", "email"}].name = {"public", "email"};
  catalog.types[{"public", "mood"}].name = {"public", "mood"};
  model::DropObjects drop =
      SingleMutation<model::DropObjects>(TransformSql("DROP TYPE email", catalog));
  EXPECT_EQ(drop.kind, model::ObjectKind::kDomain);

  // Mixed: one drop per name, in order.
  TransformOutput output = TransformSql("DROP TYPE mood, email CASCADE", catalog);
  ASSERT_THAT(output.status, IsOk());
  ASSERT_EQ(output.mutations.size(), 2u);
  const auto& first = std::get<model::DropObjects>(output.mutations[0].body);
  const auto& second = std::get<model::DropObjects>(output.mutations[1].body);
  EXPECT_EQ(first.kind, model::ObjectKind::kType);
  EXPECT_EQ(first.names, (std::vector<model::QualifiedName>{{"", "mood"}}));
  EXPECT_TRUE(first.cascade);
  EXPECT_EQ(second.kind, model::ObjectKind::kDomain);
  EXPECT_EQ(second.names, (std::vector<model::QualifiedName>{{"", "email"}}));
}

TEST(TransformDrop, RejectsConcurrentlyWithSeveralObjectsOrCascade) {
  EXPECT_THAT(TransformSql("DROP INDEX CONCURRENTLY i, j", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "DROP INDEX CONCURRENTLY does not support dropping multiple objects"));
  EXPECT_THAT(TransformSql("DROP INDEX CONCURRENTLY i CASCADE", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "DROP INDEX CONCURRENTLY does not support CASCADE"));
}

TEST(TransformDrop, ReportsUnmodelledKinds) {
  struct Case {
    std::string sql;
    std::string message;
  };
  const Case kCases[] = {
      {"DROP PUBLICATION pub", "DROP PUBLICATION is not modelled"},
      {"DROP EVENT TRIGGER et", "DROP EVENT TRIGGER is not modelled"},
      {"DROP FOREIGN TABLE ft", "DROP FOREIGN TABLE is not modelled"},
      {"DROP AGGREGATE a(int)", "DROP AGGREGATE is not modelled"},
      {"DROP RULE r ON orders", "DROP RULE is not modelled"},
      {"DROP COLLATION c", "DROP COLLATION is not modelled"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    TransformOutput output = TransformSql(c.sql, BasicCatalog());
    EXPECT_THAT(output.status, StatusIs(absl::StatusCode::kUnimplemented, c.message));
    EXPECT_TRUE(output.mutations.empty());
  }
}

}  // namespace
}  // namespace pgdrift::parser
