#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/apply.h"

namespace pgdrift::model {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

Mutation M(MutationBody body) {
  return Mutation{SourceSpan{"t.sql", 7, 1}, "stmt", std::move(body)};
}

std::vector<std::string> Messages(const DiagnosticSink& sink) {
  std::vector<std::string> messages;
  for (const Diagnostic& d : sink.diagnostics()) messages.push_back(d.message);
  return messages;
}

UserType Enum(std::string name, std::vector<std::string> values) {
  UserType type;
  type.name = {"", std::move(name)};
  type.enum_values = std::move(values);
  return type;
}

UserType Composite(std::string name, std::vector<CompositeAttribute> attributes) {
  UserType type;
  type.name = {"", std::move(name)};
  type.kind = UserTypeKind::kComposite;
  type.attributes = std::move(attributes);
  return type;
}

UserType Range(std::string name, std::string multirange = "") {
  UserType type;
  type.name = {"", std::move(name)};
  type.kind = UserTypeKind::kRange;
  type.range_subtype = TypeRef::Builtin("integer");
  type.multirange_name = std::move(multirange);
  return type;
}

// public with a table t (row type t), a sequence s, enum mood, composite pair used by t.p.
Catalog Base() {
  Catalog catalog;
  catalog.schemas["public"] = Schema{"public", "postgres"};
  Table& table = catalog.tables[{"public", "t"}];
  table.name = {"public", "t"};
  Column column;
  column.name = "p";
  column.type = TypeRef{"public", "pair"};
  table.columns.push_back(column);
  catalog.sequences[{"public", "s"}].name = {"public", "s"};
  UserType mood = Enum("mood", {"sad", "ok", "happy"});
  mood.name.schema = "public";
  catalog.types[mood.name] = mood;
  UserType pair = Composite("pair", {{"a", TypeRef::Builtin("integer"), ""}});
  pair.name.schema = "public";
  catalog.types[pair.name] = pair;
  UserType loose = Composite("loose", {{"x", TypeRef::Builtin("text"), ""}});
  loose.name.schema = "public";
  catalog.types[loose.name] = loose;
  return catalog;
}

TEST(ApplyType, CreatesTypesInTheCreationSchema) {
  Catalog catalog = Base();
  catalog.current_user = "alice";
  ASSERT_THAT(Apply(M(CreateType{Enum("status", {"new", "done"})}), &catalog, nullptr), IsOk());
  ASSERT_THAT(Apply(M(CreateType{Composite("point2", {{"x", TypeRef::Builtin("integer"), ""}})}),
                    &catalog, nullptr),
              IsOk());
  ASSERT_THAT(Apply(M(CreateType{Range("intrange2")}), &catalog, nullptr), IsOk());
  ASSERT_THAT(Apply(M(CreateType{Range("span")}), &catalog, nullptr), IsOk());
  const UserType& status = catalog.types.at({"public", "status"});
  EXPECT_THAT(status.enum_values, ElementsAre("new", "done"));
  EXPECT_EQ(status.owner, "alice");
  EXPECT_EQ(status.lineage.created.line, 7);
  EXPECT_EQ(catalog.types.at({"public", "point2"}).kind, UserTypeKind::kComposite);
  // pg_type.c makeMultirangeTypeName.
  EXPECT_EQ(catalog.types.at({"public", "intrange2"}).multirange_name, "intmultirange2");
  EXPECT_EQ(catalog.types.at({"public", "span"}).multirange_name, "span_multirange");
  // Long names: 52 bytes of the range's name before "_multirange", at most 63 bytes.
  ASSERT_THAT(Apply(M(CreateType{Range(std::string(60, 'x'))}), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.types.at({"public", std::string(60, 'x')}).multirange_name,
            std::string(52, 'x') + "_multirange");
  const std::string long_range = std::string(58, 'y') + "range";
  ASSERT_THAT(Apply(M(CreateType{Range(long_range)}), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.types.at({"public", long_range}).multirange_name,
            std::string(58, 'y') + "multi");
  EXPECT_EQ(UserTypeKindName(UserTypeKind::kEnum), "enum");
  EXPECT_EQ(UserTypeKindName(UserTypeKind::kComposite), "composite");
  EXPECT_EQ(UserTypeKindName(UserTypeKind::kRange), "range");
}

TEST(ApplyType, RejectsNamesTakenInTheTypeNamespace) {
  struct Row {
    UserType type;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {Enum("mood", {"x"}), absl::StatusCode::kAlreadyExists,
       "t.sql:7:1: type \"mood\" already exists"},
      // Every table has a row type of its own name.
      {Enum("t", {"x"}), absl::StatusCode::kAlreadyExists, "type \"t\" already exists"},
      {Composite("t", {}), absl::StatusCode::kAlreadyExists, "type \"t\" already exists"},
      // A composite type is a relation too; a sequence has no row type.
      {Composite("s", {}), absl::StatusCode::kAlreadyExists, "relation \"s\" already exists"},
      {Composite("c",
                 {{"a", TypeRef::Builtin("integer"), ""}, {"a", TypeRef::Builtin("text"), ""}}),
       absl::StatusCode::kInvalidArgument, "column \"a\" specified more than once"},
      {Enum("dup", {"a", "b", "a"}), absl::StatusCode::kAlreadyExists,
       "duplicate key value violates unique constraint \"pg_enum_typid_label_index\""},
      {Enum("long", {std::string(64, 'x')}), absl::StatusCode::kInvalidArgument,
       "invalid enum label \"" + std::string(64, 'x') +
           "\"\nDETAIL:  Labels must be 63 bytes or less."},
      {Range("moodrange", "mood"), absl::StatusCode::kAlreadyExists,
       "type \"mood\" already exists"},
      {Range("pai"), absl::StatusCode::kAlreadyExists,
       "type \"pai_multirange\" already exists\nDETAIL:  Failed while creating a multirange type "
       "for "
       "type \"pai\".\nHINT:  You can manually specify a multirange type name using the "
       "\"multirange_type_name\" attribute."},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    catalog.types[{"public", "pai_multirange"}].name = {"public", "pai_multirange"};
    const size_t before = catalog.types.size();
    EXPECT_THAT(Apply(M(CreateType{row.type}), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_EQ(catalog.types.size(), before);
  }
}

TEST(ApplyType, RejectsMissingSchemas) {
  Catalog catalog = Base();
  UserType qualified = Enum("x", {});
  qualified.name.schema = "nowhere";
  EXPECT_THAT(Apply(M(CreateType{qualified}), &catalog, nullptr),
              StatusIs(absl::StatusCode::kNotFound, "schema \"nowhere\" does not exist"));
  catalog.search_path = {"nowhere"};
  EXPECT_THAT(Apply(M(CreateType{Enum("x", {})}), &catalog, nullptr),
              StatusIs(absl::StatusCode::kNotFound, "no schema has been selected to create in"));
}

TEST(ApplyType, SkipsExistingTypeWithNotice) {
  Catalog catalog = Base();
  DiagnosticSink notes;
  ASSERT_THAT(Apply(M(CreateType{Enum("mood", {"x"}), true}), &catalog, &notes), IsOk());
  EXPECT_THAT(Messages(notes), ElementsAre("type \"mood\" already exists, skipping"));
  EXPECT_THAT(catalog.types.at({"public", "mood"}).enum_values, ElementsAre("sad", "ok", "happy"));
}

TEST(ApplyType, AddsEnumValuesWhereWritten) {
  struct Row {
    alter_type::AddValue command;
    std::vector<std::string> expected;
  };
  const std::vector<Row> rows = {
      {{"meh"}, {"sad", "ok", "happy", "meh"}},
      {{"meh", "ok", true}, {"sad", "meh", "ok", "happy"}},
      {{"meh", "ok", false}, {"sad", "ok", "meh", "happy"}},
      {{"meh", "happy", false}, {"sad", "ok", "happy", "meh"}},
      {{"meh", "sad", true}, {"meh", "sad", "ok", "happy"}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.command.value + " near " + row.command.neighbor);
    Catalog catalog = Base();
    ASSERT_THAT(Apply(M(AlterType{{"", "mood"}, {row.command}}), &catalog, nullptr), IsOk());
    const UserType& mood = catalog.types.at({"public", "mood"});
    EXPECT_EQ(mood.enum_values, row.expected);
    EXPECT_EQ(mood.lineage.changed.line, 7);
  }
}

TEST(ApplyType, RejectsEnumChangesPostgresRejects) {
  struct Row {
    AlterType mutation;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {{{"", "mood"}, {alter_type::AddValue{"ok"}}},
       absl::StatusCode::kAlreadyExists,
       "enum label \"ok\" already exists"},
      {{{"", "mood"}, {alter_type::AddValue{"meh", "fine"}}},
       absl::StatusCode::kInvalidArgument,
       "\"fine\" is not an existing enum label"},
      {{{"", "mood"}, {alter_type::RenameValue{"fine", "good"}}},
       absl::StatusCode::kInvalidArgument,
       "\"fine\" is not an existing enum label"},
      {{{"", "mood"}, {alter_type::RenameValue{"ok", "happy"}}},
       absl::StatusCode::kAlreadyExists,
       "enum label \"happy\" already exists"},
      {{{"", "pair"}, {alter_type::AddValue{"x"}}},
       absl::StatusCode::kInvalidArgument,
       "pair is not an enum"},
      {{{"", "nope"}, {alter_type::AddValue{"x"}}},
       absl::StatusCode::kNotFound,
       "type \"nope\" does not exist"},
      {{{"other", "nope"}, {alter_type::AddValue{"x"}}},
       absl::StatusCode::kNotFound,
       "schema \"other\" does not exist"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_THAT(catalog.types.at({"public", "mood"}).enum_values,
                ElementsAre("sad", "ok", "happy"));
  }
}

TEST(ApplyType, SkipsExistingEnumValueWithNotice) {
  Catalog catalog = Base();
  DiagnosticSink notes;
  alter_type::AddValue add{"ok", "", false, true};
  ASSERT_THAT(Apply(M(AlterType{{"public", "mood"}, {add}}), &catalog, &notes), IsOk());
  EXPECT_THAT(Messages(notes), ElementsAre("enum label \"ok\" already exists, skipping"));
  ASSERT_THAT(Apply(M(AlterType{{"public", "mood"}, {alter_type::RenameValue{"ok", "fine"}}}),
                    &catalog, &notes),
              IsOk());
  EXPECT_THAT(catalog.types.at({"public", "mood"}).enum_values,
              ElementsAre("sad", "fine", "happy"));
}

TEST(ApplyType, ChangesCompositeAttributes) {
  Catalog catalog = Base();
  DiagnosticSink notes;
  AlterType alter{{"", "loose"},
                  {alter_type::AddAttribute{{"y", TypeRef::Builtin("integer"), ""}},
                   alter_type::AlterAttributeType{"y", TypeRef::Builtin("bigint"), ""},
                   alter_type::RenameAttribute{"x", "label"},
                   alter_type::DropAttribute{"gone", true}, alter_type::SetOwner{"bob"}}};
  ASSERT_THAT(Apply(M(alter), &catalog, &notes), IsOk());
  const UserType& loose = catalog.types.at({"public", "loose"});
  ASSERT_EQ(loose.attributes.size(), 2u);
  EXPECT_EQ(loose.attributes[0].name, "label");
  EXPECT_EQ(loose.attributes[1].name, "y");
  EXPECT_EQ(loose.attributes[1].type, TypeRef::Builtin("bigint"));
  EXPECT_EQ(loose.owner, "bob");
  EXPECT_THAT(Messages(notes),
              ElementsAre("column \"gone\" of relation \"loose\" does not exist, skipping"));
  ASSERT_THAT(
      Apply(M(AlterType{{"", "loose"}, {alter_type::DropAttribute{"y"}}}), &catalog, nullptr),
      IsOk());
  EXPECT_EQ(catalog.types.at({"public", "loose"}).attributes.size(), 1u);
}

TEST(ApplyType, RejectsCompositeChangesPostgresRejects) {
  struct Row {
    AlterType mutation;
    absl::StatusCode code;
    std::string message;
  };
  const TypeRef integer = TypeRef::Builtin("integer");
  const std::vector<Row> rows = {
      {{{"", "loose"}, {alter_type::AddAttribute{{"x", integer, ""}}}},
       absl::StatusCode::kAlreadyExists,
       "column \"x\" of relation \"loose\" already exists"},
      {{{"", "loose"}, {alter_type::DropAttribute{"nope"}}},
       absl::StatusCode::kNotFound,
       "column \"nope\" of relation \"loose\" does not exist"},
      {{{"", "loose"}, {alter_type::RenameAttribute{"nope", "y"}}},
       absl::StatusCode::kNotFound,
       "column \"nope\" does not exist"},
      {{{"", "loose"}, {alter_type::AddAttribute{{"self", TypeRef{"public", "loose"}, ""}}}},
       absl::StatusCode::kInvalidArgument,
       "composite type loose cannot be made a member of itself"},
      // t.p stores pair values (tablecmds.c find_composite_type_dependencies).
      {{{"", "pair"}, {alter_type::AlterAttributeType{"a", TypeRef::Builtin("bigint"), ""}}},
       absl::StatusCode::kFailedPrecondition,
       "cannot alter type \"pair\" because column \"t.p\" uses it"},
      {{{"", "mood"}, {alter_type::AddAttribute{{"y", integer, ""}}}},
       absl::StatusCode::kNotFound,
       "relation \"mood\" does not exist"},
      {{{"", "t"}, {alter_type::AddAttribute{{"y", integer, ""}}}},
       absl::StatusCode::kInvalidArgument,
       "\"t\" is not a composite type"},
      // The statement is atomic: the first command's effect is not kept.
      {{{"", "loose"},
        {alter_type::AddAttribute{{"y", integer, ""}}, alter_type::DropAttribute{"nope"}}},
       absl::StatusCode::kNotFound,
       "column \"nope\" of relation \"loose\" does not exist"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_EQ(catalog.types.at({"public", "loose"}).attributes.size(), 1u);
  }
}

TEST(ApplyType, ChangesTheOwnerOfTypesAndDomains) {
  Catalog catalog = Base();
  catalog.domains[{"public", "email"}].name = {"public", "email"};
  ASSERT_THAT(Apply(M(AlterType{{"", "mood"}, {alter_type::SetOwner{"bob"}}}), &catalog, nullptr),
              IsOk());
  ASSERT_THAT(Apply(M(AlterType{{"", "email"}, {alter_type::SetOwner{"bob"}}}), &catalog, nullptr),
              IsOk());
  EXPECT_EQ(catalog.types.at({"public", "mood"}).owner, "bob");
  EXPECT_EQ(catalog.domains.at({"public", "email"}).owner, "bob");
  EXPECT_THAT(Apply(M(AlterType{{"", "t"}, {alter_type::SetOwner{"bob"}}}), &catalog, nullptr),
              StatusIs(absl::StatusCode::kInvalidArgument, "t is a table's row type"));
  EXPECT_THAT(Apply(M(AlterType{{"", "mood"}, {}}), &catalog, nullptr), IsOk());
  EXPECT_THAT(catalog.types.at({"public", "mood"}).enum_values, Not(IsEmpty()));
}

}  // namespace
}  // namespace pgdrift::model
