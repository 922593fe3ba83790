#include <string>
#include <variant>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::StatusIs;

TEST(TransformCreateEnum, KeepsLabelsInOrder) {
  model::CreateType create = SingleMutation<model::CreateType>(
      TransformSql("CREATE TYPE app.stage AS ENUM ('new', 'In Progress', 'done')", BasicCatalog()));
  EXPECT_EQ(create.type.name, (model::QualifiedName{"app", "stage"}));
  EXPECT_EQ(create.type.kind, model::UserTypeKind::kEnum);
  EXPECT_EQ(create.type.enum_values, (std::vector<std::string>{"new", "In Progress", "done"}));
  EXPECT_FALSE(create.if_not_exists);

  model::CreateType empty =
      SingleMutation<model::CreateType>(TransformSql("CREATE TYPE e AS ENUM ()", BasicCatalog()));
  EXPECT_EQ(empty.type.name, (model::QualifiedName{"", "e"}));
  EXPECT_TRUE(empty.type.enum_values.empty());
}

TEST(TransformCreateEnum, RejectsDuplicateAndLongLabels) {
  EXPECT_THAT(TransformSql("CREATE TYPE e AS ENUM ('a', 'b', 'a')", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument, "pg_enum_typid_label_index"));
  std::string long_label(64, 'x');
  EXPECT_THAT(TransformSql("CREATE TYPE e AS ENUM ('" + long_label + "')", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument, "invalid enum label"));
}

TEST(TransformCompositeType, ResolvesAttributeTypesAndCollations) {
  model::Catalog catalog = BasicCatalog();
  catalog.types[{"public", "mood"}].name = {"public", "mood"};
  model::CreateType create = SingleMutation<model::CreateType>(TransformSql(
      "CREATE TYPE address AS (street varchar(80) COLLATE \"C\", zip int, tags text[], m mood)",
      catalog));
  EXPECT_EQ(create.type.name, (model::QualifiedName{"", "address"}));
  EXPECT_EQ(create.type.kind, model::UserTypeKind::kComposite);
  ASSERT_EQ(create.type.attributes.size(), 4u);
  EXPECT_EQ(create.type.attributes[0].name, "street");
  EXPECT_EQ(create.type.attributes[0].type.ToString(), "character varying(80)");
  EXPECT_EQ(create.type.attributes[0].collation, "pg_catalog.\"C\"");
  EXPECT_EQ(create.type.attributes[1].type.ToString(), "integer");
  EXPECT_EQ(create.type.attributes[1].collation, "");
  EXPECT_EQ(create.type.attributes[2].type.ToString(), "text[]");
  EXPECT_EQ(create.type.attributes[3].type.ToString(), "public.mood");
}

TEST(TransformCompositeType, RejectsBadAttributes) {
  EXPECT_THAT(
      TransformSql("CREATE TYPE c AS (a int, a text)", BasicCatalog()).status,
      StatusIs(absl::StatusCode::kInvalidArgument, "column \"a\" specified more than once"));
  EXPECT_THAT(TransformSql("CREATE TYPE c AS (a serial)", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kNotFound, "type \"serial\" does not exist"));
}

TEST(TransformCreateRange, ReadsParametersAndTheWrittenMultirangeName) {
  struct Case {
    std::string sql;
    std::string subtype;
    std::string multirange;  // "" = not written: the model chooses PostgreSQL's name
  };
  const Case kCases[] = {
      {"CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi)",
       "double precision", ""},
      {"CREATE TYPE timespan AS RANGE (subtype = timestamptz)", "timestamp with time zone", ""},
      {"CREATE TYPE r AS RANGE (subtype = int4, multirange_type_name = many_r)", "integer",
       "many_r"},
      {"CREATE TYPE r AS RANGE (subtype = int4, multirange_type_name = public.many_r)", "integer",
       "many_r"},
      {"CREATE TYPE app.r AS RANGE (subtype = int4, multirange_type_name = app.many_r)", "integer",
       "many_r"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::CreateType create =
        SingleMutation<model::CreateType>(TransformSql(c.sql, BasicCatalog()));
    EXPECT_EQ(create.type.kind, model::UserTypeKind::kRange);
    EXPECT_EQ(create.type.range_subtype.ToString(), c.subtype);
    EXPECT_EQ(create.type.multirange_name, c.multirange);
  }
  model::CreateType full = SingleMutation<model::CreateType>(TransformSql(
      "CREATE TYPE textrange AS RANGE (subtype = text, collation = \"C\", "
      "subtype_opclass = text_pattern_ops, canonical = public.canon, subtype_diff = diff)",
      BasicCatalog()));
  EXPECT_EQ(full.type.range_collation, "pg_catalog.\"C\"");
  EXPECT_EQ(full.type.range_subtype_opclass, "text_pattern_ops");
  EXPECT_EQ(full.type.range_canonical, "public.canon");
  EXPECT_EQ(full.type.range_subtype_diff, "diff");
}

TEST(TransformCreateRange, RefusesAMultirangeInAnotherSchema) {
  // DefineRange would create app.many_r for public.r; the model keeps a multirange in
  // its range's schema, so the statement is reported, not replayed wrongly.
  EXPECT_THAT(
      TransformSql("CREATE TYPE r AS RANGE (subtype = int4, multirange_type_name = app.many_r)",
                   BasicCatalog())
          .status,
      StatusIs(absl::StatusCode::kUnimplemented,
               "a multirange type in another schema than its range type is not modelled"));
}

TEST(TransformCreateRange, RejectsMissingAndUnknownParameters) {
  EXPECT_THAT(
      TransformSql("CREATE TYPE r AS RANGE (subtype_diff = f)", BasicCatalog()).status,
      StatusIs(absl::StatusCode::kInvalidArgument, "type attribute \"subtype\" is required"));
  EXPECT_THAT(
      TransformSql("CREATE TYPE r AS RANGE (subtype = int4, colour = red)", BasicCatalog()).status,
      StatusIs(absl::StatusCode::kInvalidArgument, "type attribute \"colour\" not recognized"));
  EXPECT_THAT(
      TransformSql("CREATE TYPE r AS RANGE (subtype = int4, subtype = int8)", BasicCatalog())
          .status,
      StatusIs(absl::StatusCode::kInvalidArgument, "conflicting or redundant options"));
}

TEST(TransformAlterEnum, AddsValuesWithPosition) {
  struct Case {
    std::string sql;
    std::string value;
    std::string neighbor;
    bool before;
    bool if_not_exists;
  };
  const Case kCases[] = {
      {"ALTER TYPE stage ADD VALUE 'archived'", "archived", "", false, false},
      {"ALTER TYPE stage ADD VALUE IF NOT EXISTS 'draft' BEFORE 'new'", "draft", "new", true, true},
      {"ALTER TYPE stage ADD VALUE 'review' AFTER 'new'", "review", "new", false, false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::AlterType alter = SingleMutation<model::AlterType>(TransformSql(c.sql, BasicCatalog()));
    EXPECT_EQ(alter.type, (model::QualifiedName{"", "stage"}));
    ASSERT_EQ(alter.commands.size(), 1u);
    const auto* add = std::get_if<model::alter_type::AddValue>(&alter.commands[0]);
    ASSERT_NE(add, nullptr);
    EXPECT_EQ(add->value, c.value);
    EXPECT_EQ(add->neighbor, c.neighbor);
    EXPECT_EQ(add->before, c.before);
    EXPECT_EQ(add->if_not_exists, c.if_not_exists);
  }
}

TEST(TransformAlterEnum, RenamesValues) {
  model::AlterType alter = SingleMutation<model::AlterType>(
      TransformSql("ALTER TYPE app.stage RENAME VALUE 'done' TO 'finished'", BasicCatalog()));
  EXPECT_EQ(alter.type, (model::QualifiedName{"app", "stage"}));
  ASSERT_EQ(alter.commands.size(), 1u);
  const auto* rename = std::get_if<model::alter_type::RenameValue>(&alter.commands[0]);
  ASSERT_NE(rename, nullptr);
  EXPECT_EQ(rename->old_value, "done");
  EXPECT_EQ(rename->new_value, "finished");
}

}  // namespace
}  // namespace pgdrift::parser
