#include <string>

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::StatusIs;

TEST(TransformCreateSeq, ReadsEveryOption) {
  model::CreateSequence create = SingleMutation<model::CreateSequence>(
      TransformSql("CREATE UNLOGGED SEQUENCE IF NOT EXISTS app.order_no AS integer INCREMENT BY -2 "
                   "MINVALUE -100 NO MAXVALUE START WITH -5 CACHE 10 CYCLE OWNED BY orders.no",
                   BasicCatalog()));
  EXPECT_EQ(create.name, (model::QualifiedName{"app", "order_no"}));
  EXPECT_TRUE(create.if_not_exists);
  EXPECT_TRUE(create.unlogged);
  const model::SequenceOptions& options = create.options;
  ASSERT_TRUE(options.data_type.has_value());
  EXPECT_EQ(options.data_type->ToString(), "integer");
  EXPECT_EQ(options.increment, -2);
  ASSERT_TRUE(options.min_value.has_value());
  EXPECT_EQ(*options.min_value, -100);
  ASSERT_TRUE(options.max_value.has_value());
  EXPECT_FALSE(options.max_value->has_value());  // NO MAXVALUE
  EXPECT_EQ(options.start, -5);
  EXPECT_EQ(options.cache, 10);
  EXPECT_EQ(options.cycle, true);
  ASSERT_TRUE(options.owned_by.has_value() && options.owned_by->has_value());
  EXPECT_EQ((*options.owned_by)->table, (model::QualifiedName{"", "orders"}));
  EXPECT_EQ((*options.owned_by)->column, "no");
  EXPECT_FALSE(options.restart.has_value());
  EXPECT_FALSE(options.sequence_name.has_value());
}

TEST(TransformCreateSeq, LeavesUnwrittenOptionsUnset) {
  model::CreateSequence create =
      SingleMutation<model::CreateSequence>(TransformSql("CREATE SEQUENCE s", BasicCatalog()));
  EXPECT_EQ(create.name, (model::QualifiedName{"", "s"}));
  EXPECT_FALSE(create.if_not_exists);
  EXPECT_FALSE(create.unlogged);
  EXPECT_FALSE(create.options.data_type.has_value());
  EXPECT_FALSE(create.options.increment.has_value());
  EXPECT_FALSE(create.options.min_value.has_value());
  EXPECT_FALSE(create.options.max_value.has_value());
  EXPECT_FALSE(create.options.start.has_value());
  EXPECT_FALSE(create.options.cache.has_value());
  EXPECT_FALSE(create.options.cycle.has_value());
  EXPECT_FALSE(create.options.owned_by.has_value());
}

TEST(TransformCreateSeq, ReadsBigintBoundsAndQualifiedOwner) {
  model::CreateSequence create = SingleMutation<model::CreateSequence>(
      TransformSql("CREATE SEQUENCE s AS bigint MAXVALUE 9223372036854775807 "
                   "MINVALUE -9223372036854775808 OWNED BY public.t.id",
                   BasicCatalog()));
  EXPECT_EQ(create.options.data_type->ToString(), "bigint");
  EXPECT_EQ(*create.options.max_value, INT64_MAX);
  EXPECT_EQ(*create.options.min_value, INT64_MIN);
  EXPECT_EQ((*create.options.owned_by)->table, (model::QualifiedName{"public", "t"}));
  EXPECT_EQ((*create.options.owned_by)->column, "id");
}

TEST(TransformCreateSeq, RejectsInvalidOptions) {
  struct Case {
    std::string sql;
    absl::StatusCode code;
    std::string message;
  };
  const Case kCases[] = {
      {"CREATE SEQUENCE s AS text", absl::StatusCode::kInvalidArgument,
       "sequence type must be smallint, integer, or bigint"},
      {"CREATE SEQUENCE s AS numeric", absl::StatusCode::kInvalidArgument,
       "sequence type must be smallint, integer, or bigint"},
      {"CREATE SEQUENCE s AS nosuch", absl::StatusCode::kNotFound,
       "type \"nosuch\" does not exist"},
      {"CREATE SEQUENCE s INCREMENT 1 INCREMENT 2", absl::StatusCode::kInvalidArgument,
       "conflicting or redundant options"},
      {"CREATE SEQUENCE s OWNED BY t", absl::StatusCode::kInvalidArgument,
       "invalid OWNED BY option"},
      {"CREATE SEQUENCE s MAXVALUE 99999999999999999999", absl::StatusCode::kInvalidArgument,
       "out of range for type bigint"},
      {"CREATE TEMPORARY SEQUENCE s", absl::StatusCode::kUnimplemented,
       "CREATE TEMPORARY SEQUENCE is not modelled"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    EXPECT_THAT(TransformSql(c.sql, BasicCatalog()).status, StatusIs(c.code, c.message));
  }
}

TEST(TransformAlterSeq, ReadsOptionsAndIfExists) {
  model::AlterSequence alter = SingleMutation<model::AlterSequence>(TransformSql(
      "ALTER SEQUENCE IF EXISTS app.s NO CYCLE RESTART WITH 3 OWNED BY NONE NO MINVALUE "
      "MAXVALUE 9999999999999 AS smallint",
      BasicCatalog()));
  EXPECT_EQ(alter.name, (model::QualifiedName{"app", "s"}));
  EXPECT_TRUE(alter.if_exists);
  EXPECT_EQ(alter.options.cycle, false);
  EXPECT_EQ(alter.options.restart, 3);
  ASSERT_TRUE(alter.options.owned_by.has_value());
  EXPECT_FALSE(alter.options.owned_by->has_value());  // OWNED BY NONE
  ASSERT_TRUE(alter.options.min_value.has_value());
  EXPECT_FALSE(alter.options.min_value->has_value());  // NO MINVALUE
  EXPECT_EQ(*alter.options.max_value, 9999999999999);
  EXPECT_EQ(alter.options.data_type->ToString(), "smallint");
}

TEST(TransformAlterSeq, RestartWithoutValueRecordsNothing) {
  model::AlterSequence alter = SingleMutation<model::AlterSequence>(
      TransformSql("ALTER SEQUENCE s RESTART", BasicCatalog()));
  EXPECT_FALSE(alter.if_exists);
  EXPECT_FALSE(alter.options.restart.has_value());
}

}  // namespace
}  // namespace pgdrift::parser
