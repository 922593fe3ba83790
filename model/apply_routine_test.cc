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
using ::testing::Pair;

Mutation M(MutationBody body) { return Mutation{SourceSpan{"r.sql", 3, 1}, "stmt", std::move(body)}; }

Catalog Base() {
  Catalog catalog;
  catalog.schemas["public"] = Schema{"public", "postgres"};
  catalog.types[{"public", "mood"}].name = {"public", "mood"};
  return catalog;
}

CreateRoutine NewFunction(std::string name, std::vector<RoutineArg> args, std::string result = "integer") {
  CreateRoutine create;
  create.routine.name = {"", std::move(name)};
  create.routine.args = std::move(args);
  create.routine.result = std::move(result);
  create.routine.body = "select 1";
  return create;
}

RoutineArg In(std::string name, TypeRef type) { return {ArgMode::kIn, std::move(name), std::move(type)}; }

TEST(ApplyRoutine, CreatesKeyedByInputTypes) {
  Catalog catalog = Base();
  CreateRoutine create = NewFunction(
      "f", {In("a", TypeRef::Builtin("integer")), {ArgMode::kOut, "b", TypeRef::Builtin("text")}},
      "text");
  ASSERT_THAT(Apply(M(create), &catalog, nullptr), IsOk());
  ASSERT_EQ(catalog.routines.size(), 1u);
  const auto& [key, routine] = *catalog.routines.begin();
  EXPECT_EQ(key, (RoutineKey{{"public", "f"}, "integer"}));
  EXPECT_EQ(routine.owner, "postgres");
  EXPECT_EQ(routine.lineage.created.line, 3);
  EXPECT_EQ(RoutineId(routine).ToString(), "function public.f(integer)");
}

TEST(ApplyRoutine, OverloadsAreSeparateAndDuplicatesFail) {
  Catalog catalog = Base();
  ASSERT_THAT(Apply(M(NewFunction("f", {In("a", TypeRef::Builtin("integer"))})), &catalog, nullptr),
              IsOk());
  ASSERT_THAT(Apply(M(NewFunction("f", {In("a", TypeRef::Builtin("text"))})), &catalog, nullptr),
              IsOk());
  EXPECT_EQ(catalog.routines.size(), 2u);
  EXPECT_THAT(Apply(M(NewFunction("f", {In("x", TypeRef::Builtin("text"))})), &catalog, nullptr),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       "function \"f\" already exists with same argument types"));
}

TEST(ApplyRoutine, ReplaceChecksAndKeepsOwnerAndComment) {
  Catalog catalog = Base();
  ASSERT_THAT(Apply(M(NewFunction("f", {In("a", TypeRef::Builtin("integer"))})), &catalog, nullptr),
              IsOk());
  Routine& f = catalog.routines.begin()->second;
  f.owner = "app";
  f.comment = "kept";
  CreateRoutine replace = NewFunction("f", {In("a", TypeRef::Builtin("integer"))});
  replace.or_replace = true;
  replace.routine.body = "select 2";
  ASSERT_THAT(Apply(M(replace), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.routines.begin()->second.body, "select 2");
  EXPECT_EQ(catalog.routines.begin()->second.owner, "app");
  EXPECT_EQ(catalog.routines.begin()->second.comment, "kept");

  CreateRoutine other_result = replace;
  other_result.routine.result = "SETOF integer";
  EXPECT_THAT(Apply(M(other_result), &catalog, nullptr),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "cannot change return type of existing function\nHINT:  Use DROP FUNCTION "
                       "f(integer) first."));
}

TEST(ApplyRoutine, AlterMergesConfigAndChecksRows) {
  Catalog catalog = Base();
  ASSERT_THAT(Apply(M(NewFunction("f", {})), &catalog, nullptr), IsOk());
  AlterRoutine alter;
  alter.routine = {{"", "f"}, std::nullopt};
  alter.config = {{"search_path", "\"\""}, {"work_mem", "1MB"}, {"search_path", "public"}};
  alter.strict = true;
  ASSERT_THAT(Apply(M(alter), &catalog, nullptr), IsOk());
  const Routine& f = catalog.routines.begin()->second;
  EXPECT_TRUE(f.strict);
  EXPECT_THAT(f.config, ElementsAre(Pair("search_path", "public"), Pair("work_mem", "1MB")));
  AlterRoutine rows;
  rows.routine = {{"public", "f"}, ""};
  rows.rows = 5;
  EXPECT_THAT(Apply(M(rows), &catalog, nullptr),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "ROWS is not applicable when function does not return a set"));
}

TEST(ApplyRoutine, DropNeedsAUniqueNameWithoutArguments) {
  Catalog catalog = Base();
  ASSERT_THAT(Apply(M(NewFunction("f", {In("a", TypeRef::Builtin("integer"))})), &catalog, nullptr),
              IsOk());
  ASSERT_THAT(Apply(M(NewFunction("f", {In("a", TypeRef::Builtin("text"))})), &catalog, nullptr),
              IsOk());
  DropRoutines drop;
  drop.routines = {{{"", "f"}, std::nullopt}};
  EXPECT_THAT(Apply(M(drop), &catalog, nullptr),
              StatusIs(absl::StatusCode::kInvalidArgument, "function name \"f\" is not unique"));
  drop.routines = {{{"", "f"}, "text"}};
  ASSERT_THAT(Apply(M(drop), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.routines.size(), 1u);
  EXPECT_TRUE(catalog.routines.contains({{"public", "f"}, "integer"}));
}

TEST(ApplyRoutine, DropTypeIsRefusedWhileAFunctionUsesIt) {
  Catalog catalog = Base();
  ASSERT_THAT(Apply(M(NewFunction("f", {In("m", TypeRef{"public", "mood"})})), &catalog, nullptr),
              IsOk());
  DropObjects drop{.kind = ObjectKind::kType, .names = {{"", "mood"}}};
  EXPECT_THAT(Apply(M(drop), &catalog, nullptr),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "function f(mood) depends on type mood"));
  drop.cascade = true;
  DiagnosticSink notes;
  ASSERT_THAT(Apply(M(drop), &catalog, &notes), IsOk());
  EXPECT_TRUE(catalog.routines.empty());
  ASSERT_EQ(notes.diagnostics().size(), 1u);
  EXPECT_EQ(notes.diagnostics()[0].message, "drop cascades to function f(mood)");
}

TEST(ApplyRoutine, RenameAndSetSchemaRefuseTakenSignatures) {
  Catalog catalog = Base();
  catalog.schemas["s"] = Schema{"s", "postgres"};
  ASSERT_THAT(Apply(M(NewFunction("f", {})), &catalog, nullptr), IsOk());
  ASSERT_THAT(Apply(M(NewFunction("g", {})), &catalog, nullptr), IsOk());
  Rename rename{.kind = ObjectKind::kFunction, .object = {"", "f"}, .new_name = "g"};
  EXPECT_THAT(Apply(M(rename), &catalog, nullptr),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       "function g() already exists in schema \"public\""));
  SetSchema move{.kind = ObjectKind::kFunction, .object = {"", "f"}, .new_schema = "s"};
  ASSERT_THAT(Apply(M(move), &catalog, nullptr), IsOk());
  EXPECT_TRUE(catalog.routines.contains({{"s", "f"}, ""}));
}

}  // namespace
}  // namespace pgdrift::model
