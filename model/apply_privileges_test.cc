#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/apply.h"
#include "model/internal/default_privileges.h"

namespace pgdrift::model {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

Mutation M(MutationBody body) {
  return Mutation{SourceSpan{"m.sql", 4, 1}, "stmt", std::move(body)};
}

absl::Status Apply(const Mutation& mutation, Catalog* catalog) {
  return model::Apply(mutation, catalog, nullptr);
}

std::vector<std::string> Messages(const DiagnosticSink& sink) {
  std::vector<std::string> messages;
  for (const Diagnostic& d : sink.diagnostics()) messages.push_back(d.message);
  return messages;
}

// public and app (owned by postgres), roles postgres, alice, anon, authenticated;
// table app.orders (columns id, note), sequence app.orders_id_seq, view app.v, type
// app.mood, domain app.email, function app.f(integer) and procedure app.p().
Catalog Sample() {
  Catalog catalog;
  catalog.roles = {"postgres", "alice", "anon", "authenticated"};
  catalog.schemas["public"] = Schema{"public", "postgres"};
  catalog.schemas["app"] = Schema{"app", "postgres"};
  Table orders;
  orders.name = {"app", "orders"};
  orders.owner = "postgres";
  Column id;
  id.name = "id";
  Column note;
  note.name = "note";
  orders.columns = {id, note};
  catalog.tables[orders.name] = orders;
  Sequence sequence;
  sequence.name = {"app", "orders_id_seq"};
  sequence.owner = "postgres";
  catalog.sequences[sequence.name] = sequence;
  View view;
  view.name = {"app", "v"};
  view.owner = "postgres";
  view.columns = {ViewColumn{"id"}};
  catalog.views[view.name] = view;
  UserType mood;
  mood.name = {"app", "mood"};
  mood.owner = "postgres";
  catalog.types[mood.name] = mood;
  Domain email;
  email.name = {"app", "email"};
  email.owner = "postgres";
  catalog.domains[email.name] = email;
  Routine f;
  f.name = {"app", "f"};
  f.owner = "postgres";
  f.args = {RoutineArg{ArgMode::kIn, "", TypeRef::Builtin("integer")}};
  catalog.routines[f.key()] = f;
  Routine p;
  p.name = {"app", "p"};
  p.procedure = true;
  p.owner = "postgres";
  catalog.routines[p.key()] = p;
  catalog.search_path = {"app"};
  return catalog;
}

GrantPrivileges Grant(AclObjectKind target, std::vector<QualifiedName> objects, std::string letters,
                      std::vector<std::string> grantees) {
  GrantPrivileges grant;
  grant.target = target;
  grant.objects = std::move(objects);
  grant.privileges = {{std::move(letters), {}}};
  grant.grantees = std::move(grantees);
  return grant;
}

GrantPrivileges Revoke(AclObjectKind target, std::vector<QualifiedName> objects,
                       std::string letters, std::vector<std::string> grantees) {
  GrantPrivileges revoke =
      Grant(target, std::move(objects), std::move(letters), std::move(grantees));
  revoke.grant = false;
  return revoke;
}

std::vector<std::string> Texts(const std::optional<Acl>& acl) {
  if (!acl.has_value()) return {"NULL"};
  return AclTexts(*acl);
}

TEST(ApplyGrant, StartsFromAclDefaultAndKeepsTheResult) {
  Catalog catalog = Sample();
  ASSERT_THAT(Apply(M(Grant(AclObjectKind::kTable, {{"", "orders"}}, "ra", {"anon"})), &catalog),
              IsOk());
  EXPECT_THAT(Texts(catalog.tables.at({"app", "orders"}).privileges),
              ElementsAre("anon=ar", "postgres=arwdDxt"));
  ASSERT_THAT(
      Apply(M(Revoke(AclObjectKind::kTable, {{"app", "orders"}}, "ar", {"anon"})), &catalog),
      IsOk());
  // Back to the default, but stored: relacl is no longer NULL.
  EXPECT_THAT(Texts(catalog.tables.at({"app", "orders"}).privileges),
              ElementsAre("postgres=arwdDxt"));
  EXPECT_EQ(catalog.tables.at({"app", "orders"}).lineage.changed.line, 4);
}

TEST(ApplyGrant, GrantOptionsAreGrantedAndRevokedApart) {
  Catalog catalog = Sample();
  GrantPrivileges grant = Grant(AclObjectKind::kSchema, {{"", "app"}}, "UC", {"alice"});
  grant.grant_option = true;
  ASSERT_THAT(Apply(M(grant), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.schemas.at("app").privileges),
              ElementsAre("alice=U*C*", "postgres=UC"));
  GrantPrivileges revoke_option = Revoke(AclObjectKind::kSchema, {{"", "app"}}, "C", {"alice"});
  revoke_option.grant_option = true;
  ASSERT_THAT(Apply(M(revoke_option), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.schemas.at("app").privileges), ElementsAre("alice=U*C", "postgres=UC"));
  ASSERT_THAT(Apply(M(Revoke(AclObjectKind::kSchema, {{"", "app"}}, "U", {"alice"})), &catalog),
              IsOk());
  EXPECT_THAT(Texts(catalog.schemas.at("app").privileges), ElementsAre("alice=C", "postgres=UC"));
}

TEST(ApplyGrant, TypesFunctionsAndPublic) {
  Catalog catalog = Sample();
  ASSERT_THAT(
      Apply(M(Revoke(AclObjectKind::kType, {{"", "mood"}, {"app", "email"}}, "U", {"PUBLIC"})),
            &catalog),
      IsOk());
  EXPECT_THAT(Texts(catalog.types.at({"app", "mood"}).privileges), ElementsAre("postgres=U"));
  EXPECT_THAT(Texts(catalog.domains.at({"app", "email"}).privileges), ElementsAre("postgres=U"));

  GrantPrivileges execute;
  execute.target = AclObjectKind::kFunction;
  execute.routines = {RoutineSignature{{"", "f"}, "integer"}};
  execute.privileges = {{"X", {}}};
  execute.grantees = {"anon"};
  ASSERT_THAT(Apply(M(execute), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.routines.at({{"app", "f"}, "integer"}).privileges),
              ElementsAre("=X", "anon=X", "postgres=X"));

  GrantPrivileges on_procedure = execute;
  on_procedure.routines = {RoutineSignature{{"", "p"}, std::nullopt}};
  on_procedure.routine_kind = ObjectKind::kProcedure;
  ASSERT_THAT(Apply(M(on_procedure), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.routines.at({{"app", "p"}, ""}).privileges),
              ElementsAre("=X", "anon=X", "postgres=X"));
}

TEST(ApplyGrant, ColumnPrivileges) {
  Catalog catalog = Sample();
  GrantPrivileges grant;
  grant.target = AclObjectKind::kTable;
  grant.objects = {{"", "orders"}};
  grant.privileges = {{"r", {"id", "note"}}, {"w", {"note"}}};
  grant.grantees = {"anon"};
  ASSERT_THAT(Apply(M(grant), &catalog), IsOk());
  const Table& table = catalog.tables.at({"app", "orders"});
  EXPECT_EQ(table.privileges, std::nullopt);  // relacl untouched
  EXPECT_THAT(Texts(table.columns[0].privileges), ElementsAre("anon=r"));
  EXPECT_THAT(Texts(table.columns[1].privileges), ElementsAre("anon=rw"));

  grant.objects = {{"", "v"}};
  grant.privileges = {{"r", {"id"}}};
  ASSERT_THAT(Apply(M(grant), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.views.at({"app", "v"}).columns[0].privileges), ElementsAre("anon=r"));

  // REVOKE on the table also revokes the privilege on every column.
  ASSERT_THAT(Apply(M(Revoke(AclObjectKind::kTable, {{"", "orders"}}, "r", {"anon"})), &catalog),
              IsOk());
  EXPECT_EQ(table.columns[0].privileges, std::nullopt);
  EXPECT_THAT(Texts(table.columns[1].privileges), ElementsAre("anon=w"));
  EXPECT_THAT(Texts(table.privileges), ElementsAre("postgres=arwdDxt"));

  grant.objects = {{"", "orders"}};
  grant.privileges = {{"r", {"missing"}}};
  EXPECT_THAT(Apply(M(grant), &catalog),
              StatusIs(absl::StatusCode::kNotFound,
                       "column \"missing\" of relation \"orders\" does not exist"));
}

TEST(ApplyGrant, SequencesNamedOnTable) {
  Catalog catalog = Sample();
  DiagnosticSink notes;
  GrantPrivileges grant = Grant(AclObjectKind::kTable, {{"", "orders_id_seq"}}, "arw", {"anon"});
  ASSERT_THAT(Apply(M(grant), &catalog, &notes), IsOk());
  EXPECT_THAT(Messages(notes), ElementsAre("sequence \"orders_id_seq\" only supports USAGE, "
                                           "SELECT, and UPDATE privileges"));
  EXPECT_THAT(Texts(catalog.sequences.at({"app", "orders_id_seq"}).privileges),
              ElementsAre("anon=rw", "postgres=rwU"));

  grant = Grant(AclObjectKind::kTable, {{"", "orders_id_seq"}}, "arwdDxt", {"alice"});
  grant.all_privileges = true;
  ASSERT_THAT(Apply(M(grant), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.sequences.at({"app", "orders_id_seq"}).privileges),
              ElementsAre("alice=rwU", "anon=rw", "postgres=rwU"));
}

TEST(ApplyGrant, AllInSchema) {
  Catalog catalog = Sample();
  GrantPrivileges grant = Grant(AclObjectKind::kTable, {}, "r", {"anon"});
  grant.all_in_schemas = {"app"};
  ASSERT_THAT(Apply(M(grant), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.tables.at({"app", "orders"}).privileges),
              ElementsAre("anon=r", "postgres=arwdDxt"));
  EXPECT_THAT(Texts(catalog.views.at({"app", "v"}).privileges),
              ElementsAre("anon=r", "postgres=arwdDxt"));
  EXPECT_EQ(catalog.sequences.at({"app", "orders_id_seq"}).privileges, std::nullopt);

  GrantPrivileges functions = Grant(AclObjectKind::kFunction, {}, "X", {"anon"});
  functions.all_in_schemas = {"app"};
  ASSERT_THAT(Apply(M(functions), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.routines.at({{"app", "f"}, "integer"}).privileges),
              ElementsAre("=X", "anon=X", "postgres=X"));
  EXPECT_EQ(catalog.routines.at({{"app", "p"}, ""}).privileges, std::nullopt);
}

TEST(ApplyGrant, RejectsWhatPostgresRejects) {
  struct Case {
    GrantPrivileges grant;
    absl::StatusCode code;
    std::string message;
  };
  GrantPrivileges public_option = Grant(AclObjectKind::kTable, {{"", "orders"}}, "r", {"PUBLIC"});
  public_option.grant_option = true;
  GrantPrivileges missing_function = Grant(AclObjectKind::kFunction, {}, "X", {"anon"});
  missing_function.routines = {RoutineSignature{{"", "f"}, "text"}};
  GrantPrivileges procedure_as_function = missing_function;
  procedure_as_function.routines = {RoutineSignature{{"", "p"}, ""}};
  GrantPrivileges unnamed = missing_function;
  unnamed.routines = {RoutineSignature{{"", "nope"}, std::nullopt}};
  GrantPrivileges missing_schema = Grant(AclObjectKind::kTable, {}, "r", {"anon"});
  missing_schema.all_in_schemas = {"nope"};
  const std::vector<Case> cases = {
      {Grant(AclObjectKind::kTable, {{"", "orders"}}, "r", {"nobody"}), absl::StatusCode::kNotFound,
       "role \"nobody\" does not exist"},
      {Grant(AclObjectKind::kTable, {{"", "missing"}}, "r", {"anon"}), absl::StatusCode::kNotFound,
       "relation \"missing\" does not exist"},
      {Grant(AclObjectKind::kSequence, {{"", "orders"}}, "r", {"anon"}),
       absl::StatusCode::kInvalidArgument, "\"orders\" is not a sequence"},
      {Grant(AclObjectKind::kTable, {{"", "orders"}}, "U", {"anon"}),
       absl::StatusCode::kInvalidArgument, "invalid privilege type USAGE for table"},
      {Grant(AclObjectKind::kSchema, {{"", "nope"}}, "U", {"anon"}), absl::StatusCode::kNotFound,
       "schema \"nope\" does not exist"},
      {Grant(AclObjectKind::kType, {{"", "nope"}}, "U", {"anon"}), absl::StatusCode::kNotFound,
       "type \"nope\" does not exist"},
      {public_option, absl::StatusCode::kInvalidArgument,
       "grant options can only be granted to roles"},
      {missing_function, absl::StatusCode::kNotFound, "function f(text) does not exist"},
      {procedure_as_function, absl::StatusCode::kInvalidArgument, "p() is not a function"},
      {unnamed, absl::StatusCode::kNotFound, "could not find a function named \"nope\""},
      {missing_schema, absl::StatusCode::kNotFound, "schema \"nope\" does not exist"},
  };
  for (const Case& c : cases) {
    Catalog catalog = Sample();
    SCOPED_TRACE(c.message);
    EXPECT_THAT(Apply(M(c.grant), &catalog), StatusIs(c.code, c.message));
  }
}

TEST(ApplyGrant, OwnerChangeMovesTheOwnersPrivileges) {
  Catalog catalog = Sample();
  ASSERT_THAT(Apply(M(Grant(AclObjectKind::kSchema, {{"", "app"}}, "U", {"anon"})), &catalog),
              IsOk());
  SetObjectOwner owner;
  owner.kind = ObjectKind::kSchema;
  owner.object = {"", "app"};
  owner.role = "alice";
  ASSERT_THAT(Apply(M(owner), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.schemas.at("app").privileges), ElementsAre("alice=UC", "anon=U"));
  // A default ACL stays the default of the new owner.
  owner.kind = ObjectKind::kType;
  owner.object = {"app", "mood"};
  ASSERT_THAT(Apply(M(owner), &catalog), IsOk());
  EXPECT_EQ(catalog.types.at({"app", "mood"}).privileges, std::nullopt);
}

AlterDefaultPrivileges Defaults(std::vector<std::string> roles, std::vector<std::string> schemas,
                                char object_type, bool grant, std::string letters,
                                std::vector<std::string> grantees) {
  AlterDefaultPrivileges alter;
  alter.roles = std::move(roles);
  alter.schemas = std::move(schemas);
  alter.object_type = object_type;
  alter.grant = grant;
  alter.letters = std::move(letters);
  alter.grantees = std::move(grantees);
  return alter;
}

TEST(ApplyAlterDefaultPrivileges, StoresEntriesAsPgDefaultAcl) {
  Catalog catalog = Sample();
  catalog.current_user = "alice";
  // A global entry holds the whole ACL, acldefault included.
  ASSERT_THAT(Apply(M(Defaults({}, {}, 'r', true, "r", {"anon"})), &catalog), IsOk());
  ASSERT_EQ(catalog.default_privileges.count({"alice", "", 'r'}), 1u);
  EXPECT_THAT(AclTexts(catalog.default_privileges.at({"alice", "", 'r'})),
              ElementsAre("alice=arwdDxt", "anon=r"));
  // A per-schema entry holds only its grants.
  ASSERT_THAT(Apply(M(Defaults({"postgres"}, {"app"}, 'f', true, "X", {"anon"})), &catalog),
              IsOk());
  EXPECT_THAT(AclTexts(catalog.default_privileges.at({"postgres", "app", 'f'})),
              ElementsAre("anon=X"));
  // Entries equal to their default disappear.
  ASSERT_THAT(Apply(M(Defaults({}, {}, 'r', false, "r", {"anon"})), &catalog), IsOk());
  ASSERT_THAT(Apply(M(Defaults({"postgres"}, {"app"}, 'f', false, "X", {"anon"})), &catalog),
              IsOk());
  EXPECT_THAT(catalog.default_privileges, IsEmpty());
  // Revoking in a schema where nothing was granted stores nothing.
  ASSERT_THAT(Apply(M(Defaults({}, {"app"}, 'T', false, "U", {"PUBLIC"})), &catalog), IsOk());
  EXPECT_THAT(catalog.default_privileges, IsEmpty());
  // A global revoke from PUBLIC is stored.
  ASSERT_THAT(Apply(M(Defaults({}, {}, 'f', false, "X", {"PUBLIC"})), &catalog), IsOk());
  EXPECT_THAT(AclTexts(catalog.default_privileges.at({"alice", "", 'f'})), ElementsAre("alice=X"));
}

TEST(ApplyAlterDefaultPrivileges, RejectsWhatPostgresRejects) {
  Catalog catalog = Sample();
  EXPECT_THAT(Apply(M(Defaults({}, {"app"}, 'n', true, "U", {"anon"})), &catalog),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS"));
  EXPECT_THAT(Apply(M(Defaults({}, {"nope"}, 'r', true, "r", {"anon"})), &catalog),
              StatusIs(absl::StatusCode::kNotFound, "schema \"nope\" does not exist"));
  EXPECT_THAT(Apply(M(Defaults({"ghost"}, {}, 'r', true, "r", {"anon"})), &catalog),
              StatusIs(absl::StatusCode::kNotFound, "role \"ghost\" does not exist"));
}

TEST(NewObjectAcl, MirrorsGetUserDefaultAcl) {
  Catalog catalog = Sample();
  EXPECT_EQ(internal::NewObjectAcl(catalog, AclObjectKind::kTable, "postgres", "app"),
            std::nullopt);
  ASSERT_THAT(Apply(M(Defaults({"postgres"}, {"app"}, 'r', true, "arwdDxt", {"anon"})), &catalog),
              IsOk());
  EXPECT_THAT(Texts(internal::NewObjectAcl(catalog, AclObjectKind::kTable, "postgres", "app")),
              ElementsAre("anon=arwdDxt", "postgres=arwdDxt"));
  // Other schema, other role, other kind: the hard-wired default.
  EXPECT_EQ(internal::NewObjectAcl(catalog, AclObjectKind::kTable, "postgres", "public"),
            std::nullopt);
  EXPECT_EQ(internal::NewObjectAcl(catalog, AclObjectKind::kTable, "alice", "app"), std::nullopt);
  EXPECT_EQ(internal::NewObjectAcl(catalog, AclObjectKind::kSequence, "postgres", "app"),
            std::nullopt);
  // The global entry replaces acldefault, the per-schema one adds to it.
  ASSERT_THAT(Apply(M(Defaults({"postgres"}, {}, 'r', false, "D", {"postgres"})), &catalog),
              IsOk());
  EXPECT_THAT(Texts(internal::NewObjectAcl(catalog, AclObjectKind::kTable, "postgres", "app")),
              ElementsAre("anon=arwdDxt", "postgres=arwdxt"));
  EXPECT_THAT(Texts(internal::NewObjectAcl(catalog, AclObjectKind::kTable, "postgres", "public")),
              ElementsAre("postgres=arwdxt"));
  // A global grant undone by the per-schema one's equal content is still not NULL.
  ASSERT_THAT(Apply(M(Defaults({"postgres"}, {}, 'f', false, "X", {"PUBLIC"})), &catalog), IsOk());
  ASSERT_THAT(Apply(M(Defaults({"postgres"}, {"app"}, 'f', true, "X", {"PUBLIC"})), &catalog),
              IsOk());
  EXPECT_EQ(internal::NewObjectAcl(catalog, AclObjectKind::kFunction, "postgres", "app"),
            std::nullopt);
  EXPECT_THAT(
      Texts(internal::NewObjectAcl(catalog, AclObjectKind::kFunction, "postgres", "public")),
      ElementsAre("postgres=X"));
}

TEST(NewObjectAcl, AppliedWhenObjectsAreCreated) {
  Catalog catalog = Sample();
  ASSERT_THAT(Apply(M(Defaults({}, {"public"}, 'r', true, "r", {"anon"})), &catalog), IsOk());
  ASSERT_THAT(Apply(M(Defaults({}, {"public"}, 'S', true, "U", {"anon"})), &catalog), IsOk());
  ASSERT_THAT(Apply(M(Defaults({}, {"public"}, 'T', true, "U", {"anon"})), &catalog), IsOk());
  ASSERT_THAT(Apply(M(Defaults({}, {}, 'n', true, "U", {"anon"})), &catalog), IsOk());
  CreateTable create;
  create.table.name = {"public", "t"};
  ColumnDef id;
  id.column.name = "id";
  id.column.type = TypeRef::Builtin("integer");
  id.serial = SerialKind::kRegular;
  create.columns = {id};
  ASSERT_THAT(Apply(M(create), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.tables.at({"public", "t"}).privileges),
              ElementsAre("anon=r", "postgres=arwdDxt"));
  EXPECT_THAT(Texts(catalog.sequences.at({"public", "t_id_seq"}).privileges),
              ElementsAre("anon=U", "postgres=rwU"));
  CreateSequence sequence;
  sequence.name = {"public", "s"};
  ASSERT_THAT(Apply(M(sequence), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.sequences.at({"public", "s"}).privileges),
              ElementsAre("anon=U", "postgres=rwU"));
  CreateSchema schema;
  schema.name = "extra";
  ASSERT_THAT(Apply(M(schema), &catalog), IsOk());
  EXPECT_THAT(Texts(catalog.schemas.at("extra").privileges), ElementsAre("anon=U", "postgres=UC"));
  // Another owner's defaults do not apply.
  schema.name = "alices";
  schema.owner = "alice";
  ASSERT_THAT(Apply(M(schema), &catalog), IsOk());
  EXPECT_EQ(catalog.schemas.at("alices").privileges, std::nullopt);
}

}  // namespace
}  // namespace pgdrift::model
