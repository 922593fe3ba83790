#include <string>
#include <vector>

#include "base/strings.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/apply.h"
#include "model/dependency_graph.h"

namespace pgdrift::model {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const SourceSpan kSpan{"migrations/0003.sql", 4, 1, 0, 10};

Routine Function(std::string schema, std::string name, std::string result) {
  Routine routine;
  routine.name = {std::move(schema), std::move(name)};
  routine.result = std::move(result);
  routine.language = "plpgsql";
  return routine;
}

// public.t (a, b, c), trigger functions public.f() and public.g(); public.h() returns
// integer; a view public.v; the managed schema auth with table auth.users.
Catalog TestCatalog() {
  Catalog catalog;
  catalog.schemas["public"] = Schema{"public"};
  Schema auth{"auth"};
  auth.managed = true;
  auth.contents_managed = true;
  catalog.schemas["auth"] = auth;
  Table t;
  t.name = {"public", "t"};
  for (const char* column : {"a", "b", "c"}) {
    Column c;
    c.name = column;
    c.type = TypeRef::Builtin("integer");
    t.columns.push_back(c);
  }
  catalog.tables[t.name] = t;
  Table users;
  users.name = {"auth", "users"};
  users.managed = true;
  catalog.tables[users.name] = users;
  View v;
  v.name = {"public", "v"};
  catalog.views[v.name] = v;
  for (Routine routine : {Function("public", "f", "trigger"), Function("public", "g", "trigger"),
                          Function("public", "h", "integer")}) {
    catalog.routines[routine.key()] = routine;
  }
  return catalog;
}

absl::Status Exec(Catalog& catalog, MutationBody body, DiagnosticSink* notes = nullptr) {
  Mutation mutation{kSpan, "statement", std::move(body)};
  return Apply(mutation, &catalog, notes);
}

Trigger RowTrigger(std::string name, TriggerTiming timing = TriggerTiming::kBefore) {
  Trigger trigger;
  trigger.name = std::move(name);
  trigger.timing = timing;
  trigger.on_update = true;
  trigger.for_each_row = true;
  trigger.function = {"", "f"};
  return trigger;
}

CreateTrigger On(std::string relation, Trigger trigger, bool or_replace = false) {
  return CreateTrigger{{"", std::move(relation)}, std::move(trigger), or_replace};
}

TEST(ApplyTrigger, CreatesTriggerWithResolvedFunction) {
  Catalog catalog = TestCatalog();
  Trigger trigger = RowTrigger("t1");
  trigger.update_columns = {"c", "a"};
  trigger.arguments = {"x", "3"};
  ASSERT_THAT(Exec(catalog, On("t", trigger)), IsOk());
  const Trigger& stored = catalog.tables.at({"public", "t"}).triggers.at("t1");
  EXPECT_EQ(stored.function, (QualifiedName{"public", "f"}));
  EXPECT_THAT(stored.update_columns, ElementsAre("c", "a"));
  EXPECT_THAT(stored.arguments, ElementsAre("x", "3"));
  EXPECT_EQ(stored.lineage.created, kSpan);
}

TEST(ApplyTrigger, ReportsPostgresErrors) {
  struct Case {
    std::string name;
    CreateTrigger mutation;
    absl::StatusCode code;
    std::string message;
  };
  Trigger missing_function = RowTrigger("x");
  missing_function.function = {"", "nosuch"};
  Trigger not_trigger = RowTrigger("x");
  not_trigger.function = {"", "h"};
  Trigger missing_schema = RowTrigger("x");
  missing_schema.function = {"nosuch", "g"};
  Trigger bad_column = RowTrigger("x");
  bad_column.update_columns = {"z"};
  Trigger twice = RowTrigger("x");
  twice.update_columns = {"a", "a"};
  Trigger statement_on_view = RowTrigger("x", TriggerTiming::kAfter);
  statement_on_view.on_truncate = true;
  statement_on_view.for_each_row = false;
  const std::vector<Case> cases = {
      {"duplicate", On("t", RowTrigger("existing")), absl::StatusCode::kAlreadyExists,
       "trigger \"existing\" for relation \"t\" already exists"},
      {"relation", On("nosuch", RowTrigger("x")), absl::StatusCode::kNotFound,
       "relation \"nosuch\" does not exist"},
      {"instead of on table", On("t", RowTrigger("x", TriggerTiming::kInsteadOf)),
       absl::StatusCode::kInvalidArgument,
       "\"t\" is a table\nDETAIL:  Tables cannot have INSTEAD OF triggers."},
      {"row trigger on view", On("v", RowTrigger("x")), absl::StatusCode::kInvalidArgument,
       "\"v\" is a view\nDETAIL:  Views cannot have row-level BEFORE or AFTER triggers."},
      {"truncate on view", On("v", statement_on_view), absl::StatusCode::kInvalidArgument,
       "\"v\" is a view\nDETAIL:  Views cannot have TRUNCATE triggers."},
      {"function", On("t", missing_function), absl::StatusCode::kNotFound,
       "function nosuch() does not exist"},
      {"function schema", On("t", missing_schema), absl::StatusCode::kNotFound,
       "schema \"nosuch\" does not exist"},
      {"return type", On("t", not_trigger), absl::StatusCode::kInvalidArgument,
       "function h must return type trigger"},
      {"column", On("t", bad_column), absl::StatusCode::kNotFound,
       "column \"z\" of relation \"t\" does not exist"},
      {"column twice", On("t", twice), absl::StatusCode::kInvalidArgument,
       "column \"a\" specified more than once"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Catalog catalog = TestCatalog();
    ASSERT_THAT(Exec(catalog, On("t", RowTrigger("existing"))), IsOk());
    EXPECT_THAT(Exec(catalog, c.mutation), StatusIs(c.code, c.message));
  }
}

TEST(ApplyTrigger, AcceptsInsteadOfTriggerOnView) {
  Catalog catalog = TestCatalog();
  ASSERT_THAT(Exec(catalog, On("v", RowTrigger("v_insert", TriggerTiming::kInsteadOf))), IsOk());
  EXPECT_TRUE(catalog.views.at({"public", "v"}).triggers.contains("v_insert"));
}

TEST(ApplyTrigger, AcceptsFunctionsOfManagedSchemasAndBuiltins) {
  Catalog catalog = TestCatalog();
  Trigger webhook = RowTrigger("webhook", TriggerTiming::kAfter);
  webhook.function = {"auth", "notify"};  // routines of managed schemas are not modelled
  ASSERT_THAT(Exec(catalog, On("t", webhook)), IsOk());
  Trigger builtin = RowTrigger("dedupe");
  builtin.function = {"", "suppress_redundant_updates_trigger"};
  ASSERT_THAT(Exec(catalog, On("t", builtin)), IsOk());
  EXPECT_EQ(catalog.tables.at({"public", "t"}).triggers.at("dedupe").function,
            (QualifiedName{"pg_catalog", "suppress_redundant_updates_trigger"}));
}

TEST(ApplyTrigger, TriggerOnManagedTableIsKept) {
  Catalog catalog = TestCatalog();
  Trigger trigger = RowTrigger("on_auth_user_created", TriggerTiming::kAfter);
  trigger.on_update = false;
  trigger.on_insert = true;
  trigger.function = {"public", "g"};
  ASSERT_THAT(Exec(catalog, CreateTrigger{{"auth", "users"}, trigger, false}), IsOk());
  EXPECT_TRUE(catalog.tables.at({"auth", "users"}).triggers.contains("on_auth_user_created"));
}

TEST(ApplyTrigger, OrReplaceKeepsCommentAndRefusesConstraintTriggers) {
  Catalog catalog = TestCatalog();
  ASSERT_THAT(Exec(catalog, On("t", RowTrigger("t1"))), IsOk());
  catalog.tables.at({"public", "t"}).triggers.at("t1").comment = "kept";
  catalog.tables.at({"public", "t"}).triggers.at("t1").enabled = TriggerEnabled::kDisabled;
  Trigger replacement = RowTrigger("t1", TriggerTiming::kAfter);
  ASSERT_THAT(Exec(catalog, On("t", replacement, /*or_replace=*/true)), IsOk());
  const Trigger& stored = catalog.tables.at({"public", "t"}).triggers.at("t1");
  EXPECT_EQ(stored.timing, TriggerTiming::kAfter);
  EXPECT_EQ(stored.comment, "kept");
  EXPECT_EQ(stored.enabled, TriggerEnabled::kOrigin);

  Trigger constraint = RowTrigger("c1", TriggerTiming::kAfter);
  constraint.constraint = true;
  ASSERT_THAT(Exec(catalog, On("t", constraint)), IsOk());
  EXPECT_THAT(Exec(catalog, On("t", RowTrigger("c1", TriggerTiming::kAfter), true)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "trigger \"c1\" for relation \"t\" is a constraint trigger"));
}

TEST(ApplyTrigger, DropsTrigger) {
  Catalog catalog = TestCatalog();
  ASSERT_THAT(Exec(catalog, On("t", RowTrigger("t1"))), IsOk());
  DropRelationChild drop{ObjectKind::kTrigger, {"", "t"}, "t1", false, false};
  ASSERT_THAT(Exec(catalog, drop), IsOk());
  EXPECT_THAT(catalog.tables.at({"public", "t"}).triggers, IsEmpty());
  EXPECT_THAT(Exec(catalog, drop), StatusIs(absl::StatusCode::kNotFound,
                                           "trigger \"t1\" for table \"t\" does not exist"));
  DiagnosticSink notes;
  drop.if_exists = true;
  ASSERT_THAT(Exec(catalog, drop, &notes), IsOk());
  ASSERT_EQ(notes.diagnostics().size(), 1u);
  EXPECT_EQ(notes.diagnostics()[0].message,
            "trigger \"t1\" for relation \"t\" does not exist, skipping");
  drop.relation = {"", "nosuch"};
  ASSERT_THAT(Exec(catalog, drop, &notes), IsOk());
  EXPECT_EQ(notes.diagnostics().back().message, "relation \"nosuch\" does not exist, skipping");
}

TEST(ApplyTrigger, SetsEnabledState) {
  Catalog catalog = TestCatalog();
  ASSERT_THAT(Exec(catalog, On("t", RowTrigger("t1"))), IsOk());
  ASSERT_THAT(Exec(catalog, On("t", RowTrigger("t2"))), IsOk());
  AlterTable disable_one{{"", "t"}, false, false, {alter::SetTriggerEnabled{"t1", false, TriggerEnabled::kDisabled}}};
  ASSERT_THAT(Exec(catalog, disable_one), IsOk());
  const auto& triggers = catalog.tables.at({"public", "t"}).triggers;
  EXPECT_EQ(triggers.at("t1").enabled, TriggerEnabled::kDisabled);
  EXPECT_EQ(triggers.at("t2").enabled, TriggerEnabled::kOrigin);
  AlterTable replica_all{{"", "t"}, false, false, {alter::SetTriggerEnabled{"", true, TriggerEnabled::kReplica}}};
  ASSERT_THAT(Exec(catalog, replica_all), IsOk());
  EXPECT_EQ(triggers.at("t1").enabled, TriggerEnabled::kReplica);
  EXPECT_EQ(triggers.at("t2").enabled, TriggerEnabled::kReplica);
  AlterTable missing{{"", "t"}, false, false, {alter::SetTriggerEnabled{"nosuch", false, TriggerEnabled::kAlways}}};
  EXPECT_THAT(Exec(catalog, missing),
              StatusIs(absl::StatusCode::kNotFound,
                       "trigger \"nosuch\" for table \"t\" does not exist"));
}

TEST(ApplyTrigger, RenamesAndComments) {
  Catalog catalog = TestCatalog();
  ASSERT_THAT(Exec(catalog, On("t", RowTrigger("t1"))), IsOk());
  ASSERT_THAT(Exec(catalog, On("t", RowTrigger("t2"))), IsOk());
  Rename taken;
  taken.kind = ObjectKind::kTrigger;
  taken.object = {"", "t"};
  taken.sub_name = "t1";
  taken.new_name = "t2";
  EXPECT_THAT(Exec(catalog, taken), StatusIs(absl::StatusCode::kAlreadyExists,
                                            "trigger \"t2\" for relation \"t\" already exists"));
  Rename rename = taken;
  rename.new_name = "t3";
  ASSERT_THAT(Exec(catalog, rename), IsOk());
  const auto& triggers = catalog.tables.at({"public", "t"}).triggers;
  ASSERT_TRUE(triggers.contains("t3"));
  EXPECT_EQ(triggers.at("t3").name, "t3");
  EXPECT_THAT(triggers.at("t3").lineage.former_names, ElementsAre("t1"));

  Comment comment;
  comment.kind = ObjectKind::kTrigger;
  comment.object = {"", "t"};
  comment.sub_name = "t3";
  comment.text = "audits t";
  ASSERT_THAT(Exec(catalog, comment), IsOk());
  EXPECT_EQ(triggers.at("t3").comment, "audits t");
  comment.sub_name = "t1";
  EXPECT_THAT(Exec(catalog, comment), StatusIs(absl::StatusCode::kNotFound,
                                              "trigger \"t1\" for table \"t\" does not exist"));
}

TEST(ApplyTrigger, DropColumnOfUpdateOfListIsRefusedOrCascades) {
  Catalog catalog = TestCatalog();
  Trigger trigger = RowTrigger("t1");
  trigger.update_columns = {"c"};
  trigger.when = "old.b IS DISTINCT FROM new.b";
  ASSERT_THAT(Exec(catalog, On("t", trigger)), IsOk());
  for (const char* column : {"b", "c"}) {
    SCOPED_TRACE(column);
    AlterTable drop{{"", "t"}, false, false, {alter::DropColumn{column, false, false}}};
    EXPECT_THAT(Exec(catalog, drop),
                StatusIs(absl::StatusCode::kFailedPrecondition,
                         StrCat("cannot drop column ", column,
                                " of table t because other objects depend on it\nDETAIL:  trigger "
                                "t1 on table t depends on column ",
                                column, " of table t")));
  }
  AlterTable unrelated{{"", "t"}, false, false, {alter::DropColumn{"a", false, false}}};
  ASSERT_THAT(Exec(catalog, unrelated), IsOk());
  DiagnosticSink notes;
  AlterTable cascade{{"", "t"}, false, false, {alter::DropColumn{"c", false, true}}};
  ASSERT_THAT(Exec(catalog, cascade, &notes), IsOk());
  EXPECT_THAT(catalog.tables.at({"public", "t"}).triggers, IsEmpty());
  ASSERT_FALSE(notes.diagnostics().empty());
  EXPECT_EQ(notes.diagnostics().back().message, "drop cascades to trigger t1 on table t");
}

TEST(ApplyTrigger, DropTableTakesItsTriggers) {
  Catalog catalog = TestCatalog();
  ASSERT_THAT(Exec(catalog, On("t", RowTrigger("t1"))), IsOk());
  DropObjects drop;
  drop.kind = ObjectKind::kTable;
  drop.names = {{"", "t"}};
  DiagnosticSink notes;
  ASSERT_THAT(Exec(catalog, drop, &notes), IsOk());
  EXPECT_FALSE(catalog.tables.contains({"public", "t"}));
  EXPECT_THAT(notes.diagnostics(), IsEmpty());
}

TEST(ApplyTrigger, DependsOnTableFunctionAndColumns) {
  Catalog catalog = TestCatalog();
  Trigger trigger = RowTrigger("t1");
  trigger.update_columns = {"c"};
  trigger.when = "old.a IS DISTINCT FROM new.a";
  ASSERT_THAT(Exec(catalog, On("t", trigger)), IsOk());
  DependencyGraph graph = DependencyGraph::Build(catalog);
  ObjectId id = ObjectId::Child(ObjectKind::kTrigger, {"public", "t"}, "t1");
  std::vector<ObjectId> dependencies = graph.Dependencies(id);
  EXPECT_THAT(dependencies,
              ::testing::IsSupersetOf({ObjectId::Of(ObjectKind::kTable, {"public", "t"}),
                                       ObjectId::Child(ObjectKind::kColumn, {"public", "t"}, "a"),
                                       ObjectId::Child(ObjectKind::kColumn, {"public", "t"}, "c")}));
  EXPECT_THAT(dependencies, ::testing::Not(::testing::Contains(
                                ObjectId::Child(ObjectKind::kColumn, {"public", "t"}, "b"))));
}

TEST(TriggerWhenColumns, FindsOldAndNewReferences) {
  struct Case {
    std::string when;
    std::vector<std::string> columns;
  };
  const std::vector<Case> cases = {
      {"old.a IS DISTINCT FROM new.a", {"a"}},
      {"new.\"Mixed\"\"Case\" > 0 AND old.b = 'old.c'", {"Mixed\"Case", "b"}},
      {"new.total > public.limit_of(new.kind)", {"total", "kind"}},
      {"x.old.a = 1", {}},
      {"", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.when);
    EXPECT_EQ(TriggerWhenColumns(c.when), c.columns);
  }
}

}  // namespace
}  // namespace pgdrift::model
