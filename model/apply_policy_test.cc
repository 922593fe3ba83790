#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/internal/apply_context.h"
#include "model/testing/apply_builders.h"

namespace pgdrift::model {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

absl::Status ApplyPolicyMutation(Catalog& catalog, MutationBody body, DiagnosticSink* notes = nullptr) {
  Mutation mutation{kSpan, "statement", std::move(body)};
  internal::ApplyContext ctx{&catalog, &mutation, notes};
  return std::visit(
      Overloaded{
          [&](const CreatePolicy& m) { return internal::ApplyCreatePolicy(m, ctx); },
          [&](const AlterPolicy& m) { return internal::ApplyAlterPolicy(m, ctx); },
          [&](const DropRelationChild& m) { return internal::DropPolicy(m, ctx); },
          [&](const Rename& m) { return internal::ApplyRename(m, ctx); },
          [&](const Comment& m) { return internal::ApplyComment(m, ctx); },
          [&](const DropObjects& m) { return internal::ApplyDropObjects(m, ctx); },
          [&](const auto&) { return absl::UnimplementedError("not used in this test"); },
      },
      mutation.body);
}

// public.t (a, b) and public.other (x), the sequence public.s, roles anon and postgres.
Catalog WithTables() {
  Catalog catalog = NewCatalog();
  EXPECT_THAT(ApplyOne(catalog, NewTable("t", {Col("a"), Col("b")})), IsOk());
  EXPECT_THAT(ApplyOne(catalog, NewTable("other", {Col("x")})), IsOk());
  CreateSequence sequence;
  sequence.name = {"", "s"};
  EXPECT_THAT(ApplyOne(catalog, sequence), IsOk());
  catalog.roles = {"postgres", "anon"};
  return catalog;
}

CreatePolicy NewPolicy(std::string name, std::string table = "t", std::string command = "ALL") {
  CreatePolicy m;
  m.table = {"", std::move(table)};
  m.policy.name = std::move(name);
  m.policy.command = std::move(command);
  m.policy.using_expr = "(a > 0)";
  return m;
}

TEST(ApplyPolicy, CreatesPolicyOnTable) {
  Catalog catalog = WithTables();
  CreatePolicy m = NewPolicy("p");
  m.policy.roles = {"anon"};
  ASSERT_THAT(ApplyPolicyMutation(catalog, m), IsOk());
  const Table& t = TableOf(catalog, "t");
  ASSERT_TRUE(t.policies.contains("p"));
  EXPECT_EQ(t.policies.at("p").using_expr, "(a > 0)");
  EXPECT_THAT(t.policies.at("p").roles, ElementsAre("anon"));
  EXPECT_EQ(t.policies.at("p").lineage.created, kSpan);
}

TEST(ApplyPolicy, CreateErrorsAsPostgresRaisesThem) {
  struct Case {
    CreatePolicy m;
    absl::StatusCode code;
    std::string message;
  };
  CreatePolicy missing_role = NewPolicy("q");
  missing_role.policy.roles = {"nobody"};
  CreatePolicy on_sequence = NewPolicy("q", "s");
  CreatePolicy missing_schema = NewPolicy("q");
  missing_schema.table = {"nope", "t"};
  const std::vector<Case> cases = {
      {NewPolicy("p"), absl::StatusCode::kAlreadyExists,
       "policy \"p\" for table \"t\" already exists"},
      {missing_role, absl::StatusCode::kNotFound, "role \"nobody\" does not exist"},
      {NewPolicy("q", "nosuch"), absl::StatusCode::kNotFound, "relation \"nosuch\" does not exist"},
      {missing_schema, absl::StatusCode::kNotFound, "schema \"nope\" does not exist"},
      {on_sequence, absl::StatusCode::kInvalidArgument, "\"s\" is not a table"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    Catalog catalog = WithTables();
    ASSERT_THAT(ApplyPolicyMutation(catalog, NewPolicy("p")), IsOk());
    EXPECT_THAT(ApplyPolicyMutation(catalog, c.m), StatusIs(c.code, c.message));
  }
}

TEST(ApplyPolicy, AltersClausesTheCommandAllows) {
  Catalog catalog = WithTables();
  ASSERT_THAT(ApplyPolicyMutation(catalog, NewPolicy("sel", "t", "SELECT")), IsOk());
  CreatePolicy insert = NewPolicy("ins", "t", "INSERT");
  insert.policy.using_expr.clear();
  insert.policy.check_expr = "(a > 0)";
  ASSERT_THAT(ApplyPolicyMutation(catalog, insert), IsOk());

  AlterPolicy roles;
  roles.table = {"", "t"};
  roles.name = "sel";
  roles.roles = std::vector<std::string>{"anon"};
  roles.using_expr = "(b > 0)";
  roles.depends_on = std::vector<ObjectId>{};
  ASSERT_THAT(ApplyPolicyMutation(catalog, roles), IsOk());
  const Policy& sel = TableOf(catalog, "t").policies.at("sel");
  EXPECT_THAT(sel.roles, ElementsAre("anon"));
  EXPECT_EQ(sel.using_expr, "(b > 0)");
  EXPECT_THAT(sel.check_expr, IsEmpty());

  AlterPolicy check_on_select = roles;
  check_on_select.check_expr = "true";
  EXPECT_THAT(ApplyPolicyMutation(catalog, check_on_select),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "only USING expression allowed for SELECT, DELETE"));
  AlterPolicy using_on_insert;
  using_on_insert.table = {"", "t"};
  using_on_insert.name = "ins";
  using_on_insert.using_expr = "true";
  EXPECT_THAT(ApplyPolicyMutation(catalog, using_on_insert),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "only WITH CHECK expression allowed for INSERT"));
  AlterPolicy missing = using_on_insert;
  missing.name = "nosuch";
  EXPECT_THAT(ApplyPolicyMutation(catalog, missing),
              StatusIs(absl::StatusCode::kNotFound,
                       "policy \"nosuch\" for table \"t\" does not exist"));
}

TEST(ApplyPolicy, DropsWithIfExistsNotices) {
  Catalog catalog = WithTables();
  ASSERT_THAT(ApplyPolicyMutation(catalog, NewPolicy("p")), IsOk());
  DropRelationChild drop{ObjectKind::kPolicy, {"", "t"}, "nosuch"};
  EXPECT_THAT(ApplyPolicyMutation(catalog, drop),
              StatusIs(absl::StatusCode::kNotFound,
                       "policy \"nosuch\" for table \"t\" does not exist"));
  DiagnosticSink notes;
  drop.if_exists = true;
  ASSERT_THAT(ApplyPolicyMutation(catalog, drop, &notes), IsOk());
  drop.relation = {"", "nosuch"};
  ASSERT_THAT(ApplyPolicyMutation(catalog, drop, &notes), IsOk());
  EXPECT_THAT(Notes(notes),
              ElementsAre("policy \"nosuch\" for relation \"t\" does not exist, skipping",
                          "relation \"nosuch\" does not exist, skipping"));
  ASSERT_THAT(ApplyPolicyMutation(catalog, DropRelationChild{ObjectKind::kPolicy, {"public", "t"}, "p"}), IsOk());
  EXPECT_THAT(TableOf(catalog, "t").policies, IsEmpty());
}

TEST(ApplyPolicy, RenamesAndComments) {
  Catalog catalog = WithTables();
  ASSERT_THAT(ApplyPolicyMutation(catalog, NewPolicy("p")), IsOk());
  ASSERT_THAT(ApplyPolicyMutation(catalog, NewPolicy("q")), IsOk());
  Rename rename;
  rename.kind = ObjectKind::kPolicy;
  rename.object = {"", "t"};
  rename.sub_name = "p";
  rename.new_name = "q";
  EXPECT_THAT(ApplyPolicyMutation(catalog, rename), StatusIs(absl::StatusCode::kAlreadyExists,
                                             "policy \"q\" for table \"t\" already exists"));
  rename.new_name = "r";
  ASSERT_THAT(ApplyPolicyMutation(catalog, rename), IsOk());
  const Table& t = TableOf(catalog, "t");
  ASSERT_TRUE(t.policies.contains("r"));
  EXPECT_FALSE(t.policies.contains("p"));
  EXPECT_THAT(t.policies.at("r").lineage.former_names, ElementsAre("p"));

  Comment comment;
  comment.kind = ObjectKind::kPolicy;
  comment.object = {"", "t"};
  comment.sub_name = "r";
  comment.text = "own rows";
  ASSERT_THAT(ApplyPolicyMutation(catalog, comment), IsOk());
  EXPECT_EQ(TableOf(catalog, "t").policies.at("r").comment, "own rows");
  comment.sub_name = "nosuch";
  EXPECT_THAT(ApplyPolicyMutation(catalog, comment),
              StatusIs(absl::StatusCode::kNotFound,
                       "policy \"nosuch\" for table \"t\" does not exist"));
}

TEST(ApplyPolicy, DropOfWhatAPolicyReadsIsRefusedOrCascades) {
  Catalog catalog = WithTables();
  CreatePolicy m = NewPolicy("p");
  m.policy.depends_on = {ObjectId::Of(ObjectKind::kTable, {"public", "other"})};
  ASSERT_THAT(ApplyPolicyMutation(catalog, m), IsOk());
  DropObjects drop;
  drop.kind = ObjectKind::kTable;
  drop.names = {{"", "other"}};
  EXPECT_THAT(ApplyPolicyMutation(catalog, drop),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "cannot drop table other because other objects depend on it\nDETAIL:  "
                       "policy p on table t depends on table other"));
  drop.cascade = true;
  DiagnosticSink notes;
  ASSERT_THAT(ApplyPolicyMutation(catalog, drop, &notes), IsOk());
  EXPECT_THAT(Notes(notes), ElementsAre("drop cascades to policy p on table t"));
  EXPECT_THAT(TableOf(catalog, "t").policies, IsEmpty());

  // Dropping the policy's own table takes the policy silently.
  Catalog own = WithTables();
  ASSERT_THAT(ApplyPolicyMutation(own, NewPolicy("p")), IsOk());
  DropObjects drop_own;
  drop_own.kind = ObjectKind::kTable;
  drop_own.names = {{"", "t"}};
  DiagnosticSink own_notes;
  ASSERT_THAT(ApplyPolicyMutation(own, drop_own, &own_notes), IsOk());
  EXPECT_THAT(Notes(own_notes), IsEmpty());
}

TEST(ApplyPolicy, DropColumnAPolicyReadsIsRefusedOrCascades) {
  Catalog catalog = WithTables();
  ASSERT_THAT(ApplyPolicyMutation(catalog, NewPolicy("p")), IsOk());
  AlterTable alter;
  alter.table = {"", "t"};
  alter.commands.push_back(alter::DropColumn{"a"});
  EXPECT_THAT(ApplyOne(catalog, alter),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "cannot drop column a of table t because other objects depend on it\n"
                       "DETAIL:  policy p on table t depends on column a of table t"));
  alter.commands = {alter::DropColumn{"a", false, true}};
  ASSERT_THAT(ApplyOne(catalog, alter), IsOk());
  EXPECT_THAT(TableOf(catalog, "t").policies, IsEmpty());
  alter.commands = {alter::DropColumn{"b"}};
  EXPECT_THAT(ApplyOne(catalog, alter), IsOk());
}

}  // namespace
}  // namespace pgdrift::model
