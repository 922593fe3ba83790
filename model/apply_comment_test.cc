#include <optional>
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

Mutation M(MutationBody body) {
  return Mutation{SourceSpan{"c.sql", 8, 1}, "stmt", std::move(body)};
}

Comment CommentOn(ObjectKind kind, QualifiedName object, std::optional<std::string> text,
                  std::string sub = "") {
  return Comment{kind, std::move(object), std::move(sub), std::move(text)};
}

Catalog Base() {
  Catalog catalog;
  catalog.schemas["public"] = Schema{"public"};
  catalog.extensions["citext"] = Extension{"citext", "public"};
  Table& t = catalog.tables[{"public", "t"}];
  t.name = {"public", "t"};
  t.columns.push_back(Column{.name = "id"});
  t.constraints["t_pkey"] = Constraint{.name = "t_pkey", .type = ConstraintType::kPrimaryKey};
  catalog.indexes[{"public", "t_pkey"}] = Index{{"public", "t_pkey"}, {"public", "t"}};
  catalog.sequences[{"public", "s"}].name = {"public", "s"};
  catalog.types[{"public", "mood"}].name = {"public", "mood"};
  UserType& pair = catalog.types[{"public", "pair"}];
  pair.name = {"public", "pair"};
  pair.kind = UserTypeKind::kComposite;
  pair.attributes = {{"x", TypeRef::Builtin("integer"), ""}};
  Domain& dm = catalog.domains[{"public", "dm"}];
  dm.name = {"public", "dm"};
  dm.checks["dm_check"] = DomainCheck{"dm_check", "(VALUE > 0)"};
  return catalog;
}

// Reads back the comment of the object `comment` addresses.
std::string CommentOf(const Catalog& catalog, const Comment& comment) {
  const QualifiedName name{"public", comment.object.name};
  switch (comment.kind) {
    case ObjectKind::kTable:
      return catalog.tables.at(name).comment;
    case ObjectKind::kColumn:
      return catalog.tables.at(name).columns[0].comment;
    case ObjectKind::kConstraint:
      return catalog.tables.at(name).constraints.at(comment.sub_name).comment;
    case ObjectKind::kIndex:
      return catalog.indexes.at(name).comment;
    case ObjectKind::kSequence:
      return catalog.sequences.at(name).comment;
    case ObjectKind::kType:
      if (catalog.domains.contains(name)) return catalog.domains.at(name).comment;
      return catalog.types.at(name).comment;
    case ObjectKind::kDomain:
      return catalog.domains.at(name).comment;
    case ObjectKind::kSchema:
      return catalog.schemas.at(comment.object.name).comment;
    case ObjectKind::kExtension:
      return catalog.extensions.at(comment.object.name).comment;
    default:
      return "?";
  }
}

TEST(ApplyComment, SetsAndClearsCommentsOfEveryKind) {
  const std::vector<Comment> comments = {
      CommentOn(ObjectKind::kTable, {"", "t"}, "orders"),
      CommentOn(ObjectKind::kColumn, {"public", "t"}, "key", "id"),
      CommentOn(ObjectKind::kConstraint, {"", "t"}, "pk", "t_pkey"),
      CommentOn(ObjectKind::kIndex, {"", "t_pkey"}, "index"),
      CommentOn(ObjectKind::kSequence, {"", "s"}, "counter"),
      CommentOn(ObjectKind::kType, {"", "mood"}, "feelings"),
      CommentOn(ObjectKind::kType, {"", "dm"}, "via type"),
      CommentOn(ObjectKind::kDomain, {"", "dm"}, "positive"),
      CommentOn(ObjectKind::kSchema, {"", "public"}, "standard"),
      CommentOn(ObjectKind::kExtension, {"", "citext"}, "text"),
  };
  for (const Comment& comment : comments) {
    SCOPED_TRACE(std::string(KindName(comment.kind)) + " " + comment.object.name);
    Catalog catalog = Base();
    ASSERT_THAT(Apply(M(comment), &catalog, nullptr), IsOk());
    EXPECT_EQ(CommentOf(catalog, comment), *comment.text);
    Comment cleared = comment;
    cleared.text = std::nullopt;
    ASSERT_THAT(Apply(M(cleared), &catalog, nullptr), IsOk());
    EXPECT_EQ(CommentOf(catalog, comment), "");
    ASSERT_THAT(Apply(M(comment), &catalog, nullptr), IsOk());
    cleared.text = "";
    ASSERT_THAT(Apply(M(cleared), &catalog, nullptr), IsOk());
    EXPECT_EQ(CommentOf(catalog, comment), "");
  }
  Catalog catalog = Base();
  ASSERT_THAT(Apply(M(CommentOn(ObjectKind::kTable, {"", "t"}, "x")), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.tables.at({"public", "t"}).lineage.changed.line, 8);
}

TEST(ApplyComment, AcceptsCommentsTheModelDoesNotKeep) {
  Catalog catalog = Base();
  EXPECT_THAT(Apply(M(CommentOn(ObjectKind::kColumn, {"", "pair"}, "x", "x")), &catalog, nullptr),
              IsOk());
  EXPECT_THAT(
      Apply(M(CommentOn(ObjectKind::kConstraint, {"", "dm"}, "x", "dm_check")), &catalog, nullptr),
      IsOk());
  EXPECT_THAT(Apply(M(CommentOn(ObjectKind::kType, {"", "t"}, "row type")), &catalog, nullptr),
              IsOk());
  EXPECT_EQ(catalog.tables.at({"public", "t"}).comment, "");
}

TEST(ApplyComment, RejectsMissingAndMisnamedObjects) {
  struct Row {
    Comment mutation;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {CommentOn(ObjectKind::kTable, {"public", "nope"}, "x"), absl::StatusCode::kNotFound,
       "c.sql:8:1: relation \"public.nope\" does not exist"},
      {CommentOn(ObjectKind::kTable, {"", "s"}, "x"), absl::StatusCode::kInvalidArgument,
       "\"s\" is not a table"},
      {CommentOn(ObjectKind::kSequence, {"", "t"}, "x"), absl::StatusCode::kInvalidArgument,
       "\"t\" is not a sequence"},
      {CommentOn(ObjectKind::kIndex, {"", "t"}, "x"), absl::StatusCode::kInvalidArgument,
       "\"t\" is not an index"},
      {CommentOn(ObjectKind::kTable, {"", "pair"}, "x"), absl::StatusCode::kInvalidArgument,
       "\"pair\" is not a table"},
      {CommentOn(ObjectKind::kColumn, {"public", "t"}, "x", "nope"), absl::StatusCode::kNotFound,
       "column \"nope\" of relation \"public.t\" does not exist"},
      {CommentOn(ObjectKind::kColumn, {"", "pair"}, "x", "nope"), absl::StatusCode::kNotFound,
       "column \"nope\" of relation \"pair\" does not exist"},
      {CommentOn(ObjectKind::kConstraint, {"", "t"}, "x", "nope"), absl::StatusCode::kNotFound,
       "constraint \"nope\" for table \"t\" does not exist"},
      {CommentOn(ObjectKind::kConstraint, {"", "dm"}, "x", "nope"), absl::StatusCode::kNotFound,
       "constraint \"nope\" for domain dm does not exist"},
      {CommentOn(ObjectKind::kType, {"", "nope"}, "x"), absl::StatusCode::kNotFound,
       "type \"nope\" does not exist"},
      {CommentOn(ObjectKind::kDomain, {"", "mood"}, "x"), absl::StatusCode::kInvalidArgument,
       "\"mood\" is not a domain"},
      {CommentOn(ObjectKind::kSchema, {"", "nope"}, "x"), absl::StatusCode::kNotFound,
       "schema \"nope\" does not exist"},
      {CommentOn(ObjectKind::kExtension, {"", "nope"}, "x"), absl::StatusCode::kNotFound,
       "extension \"nope\" does not exist"},
      {CommentOn(ObjectKind::kFunction, {"", "f"}, "x"), absl::StatusCode::kNotFound,
       "could not find a function named \"f\""},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
  }
}

}  // namespace
}  // namespace pgdrift::model
