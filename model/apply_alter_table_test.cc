#include <string>
#include <tuple>
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

AlterTable Alter(std::string table, std::vector<AlterTableCommand> commands) {
  AlterTable m;
  m.table = {"", std::move(table)};
  m.commands = std::move(commands);
  return m;
}

// users (id serial PRIMARY KEY, email text UNIQUE, name text);
// orders (id integer PRIMARY KEY, user_id integer REFERENCES users, note text CHECK (…))
Catalog Shop() {
  Catalog catalog = NewCatalog();
  EXPECT_THAT(
      ApplyOne(catalog, NewTable("users", {Serial("id"), Col("email", "text"), Col("name", "text")},
                                 {Key(ConstraintType::kPrimaryKey, {"id"}),
                                  Key(ConstraintType::kUnique, {"email"})})),
      IsOk());
  EXPECT_THAT(ApplyOne(catalog, NewTable("orders", {Col("id"), Col("user_id"), Col("note", "text")},
                                         {Key(ConstraintType::kPrimaryKey, {"id"}),
                                          ForeignKey({"user_id"}, "users"),
                                          Check("length(note) < 100", {"note"})})),
              IsOk());
  return catalog;
}

TEST(ApplyAlterTable, AddsColumns) {
  Catalog catalog = Shop();
  alter::AddColumn plain{Col("total", "numeric(10,2)")};
  alter::AddColumn serial{Serial("seq_no", SerialKind::kBig)};
  ColumnDef identity_def = Col("ident", "integer");
  identity_def.column.identity = IdentityKind::kByDefault;
  alter::AddColumn identity{identity_def};
  alter::AddColumn with_constraints{Col("code", "text")};
  with_constraints.constraints = {Key(ConstraintType::kUnique, {}),
                                  Check("code <> ''::text", {"code"})};
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {plain, serial, identity, with_constraints})),
              IsOk());

  const Table& orders = TableOf(catalog, "orders");
  ASSERT_EQ(orders.columns.size(), 7u);
  EXPECT_EQ(orders.columns[3].name, "total");
  EXPECT_EQ(orders.columns[4].type, TypeRef::Builtin("bigint"));
  EXPECT_EQ(orders.columns[4].default_expr, "nextval('public.orders_seq_no_seq'::regclass)");
  EXPECT_TRUE(orders.columns[4].not_null);
  EXPECT_EQ(orders.columns[5].identity, IdentityKind::kByDefault);
  EXPECT_TRUE(catalog.sequences.at({"public", "orders_ident_seq"}).identity);
  EXPECT_EQ(catalog.sequences.at({"public", "orders_seq_no_seq"}).data_type,
            TypeRef::Builtin("bigint"));
  EXPECT_TRUE(orders.constraints.contains("orders_code_key"));
  EXPECT_TRUE(orders.constraints.contains("orders_code_check"));
  EXPECT_TRUE(catalog.indexes.contains({"public", "orders_code_key"}));
  EXPECT_EQ(orders.lineage.changed, kSpan);
}

TEST(ApplyAlterTable, AddColumnIfNotExistsAndDuplicates) {
  Catalog catalog = Shop();
  alter::AddColumn again{Col("note", "text")};
  again.constraints = {Key(ConstraintType::kUnique, {})};
  EXPECT_THAT(ApplyOne(catalog, Alter("orders", {again})),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       "column \"note\" of relation \"orders\" already exists"));
  again.if_not_exists = true;
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {again}), &notes), IsOk());
  EXPECT_THAT(Notes(notes),
              ElementsAre("column \"note\" of relation \"orders\" already exists, skipping"));
  EXPECT_FALSE(catalog.indexes.contains({"public", "orders_note_key"}));
}

TEST(ApplyAlterTable, RunsSubcommandsInPostgresPasses) {
  Catalog catalog = Shop();
  // The constraint is written before the column it uses: PostgreSQL adds columns first.
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {alter::AddConstraint{Check("qty > 0", {"qty"})},
                                                 alter::AddColumn{Col("qty")}})),
              IsOk());
  EXPECT_TRUE(TableOf(catalog, "orders").constraints.contains("orders_qty_check"));
}

TEST(ApplyAlterTable, FailingStatementLeavesCatalogUnchanged) {
  Catalog catalog = Shop();
  Catalog before = catalog;
  EXPECT_THAT(ApplyOne(catalog, Alter("orders", {alter::AddColumn{Serial("n")},
                                                 alter::DropColumn{"missing"}})),
              StatusIs(absl::StatusCode::kNotFound,
                       "column \"missing\" of relation \"orders\" does not exist"));
  EXPECT_EQ(TableOf(catalog, "orders").columns.size(),
            before.tables.at({"public", "orders"}).columns.size());
  EXPECT_EQ(SequenceNames(catalog), SequenceNames(before));
  EXPECT_EQ(TableOf(catalog, "orders").lineage.changed,
            before.tables.at({"public", "orders"}).lineage.changed);
}

TEST(ApplyAlterTable, MissingRelation) {
  Catalog catalog = Shop();
  EXPECT_THAT(ApplyOne(catalog, Alter("nope", {alter::SetRowSecurity{true, std::nullopt}})),
              StatusIs(absl::StatusCode::kNotFound, "relation \"nope\" does not exist"));
  AlterTable m = Alter("nope", {alter::SetRowSecurity{true, std::nullopt}});
  m.table.schema = "public";
  EXPECT_THAT(ApplyOne(catalog, m),
              StatusIs(absl::StatusCode::kNotFound, "relation \"public.nope\" does not exist"));
  m.if_exists = true;
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, m, &notes), IsOk());
  EXPECT_THAT(Notes(notes), ElementsAre("relation \"nope\" does not exist, skipping"));
}

TEST(ApplyAlterTable, DropColumnTakesDependentsAlong) {
  Catalog catalog = Shop();
  CreateIndex index;
  index.index.table = {"", "orders"};
  IndexElement key;
  key.column = "note";
  index.index.keys = {key};
  ASSERT_THAT(ApplyOne(catalog, index), IsOk());
  ASSERT_THAT(
      ApplyOne(catalog, Alter("orders", {alter::DropColumn{"note"}, alter::DropColumn{"user_id"}})),
      IsOk());
  const Table& orders = TableOf(catalog, "orders");
  EXPECT_THAT(ConstraintNames(orders), ElementsAre("orders_pkey"));
  EXPECT_FALSE(catalog.indexes.contains({"public", "orders_note_idx"}));
  ASSERT_EQ(orders.columns.size(), 1u);
}

TEST(ApplyAlterTable, DropColumnRefusesReferencedColumnUnlessCascade) {
  Catalog catalog = Shop();
  EXPECT_THAT(ApplyOne(catalog, Alter("users", {alter::DropColumn{"id"}})),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "cannot drop column id of table users because other objects depend on it"));
  EXPECT_TRUE(TableOf(catalog, "orders").constraints.contains("orders_user_id_fkey"));

  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, Alter("users", {alter::DropColumn{"id", false, true}}), &notes),
              IsOk());
  EXPECT_THAT(Notes(notes),
              ElementsAre("drop cascades to constraint orders_user_id_fkey on table orders"));
  EXPECT_FALSE(TableOf(catalog, "orders").constraints.contains("orders_user_id_fkey"));
  EXPECT_FALSE(TableOf(catalog, "users").constraints.contains("users_pkey"));
  EXPECT_FALSE(catalog.indexes.contains({"public", "users_pkey"}));
  // The serial column's sequence goes with it.
  EXPECT_FALSE(catalog.sequences.contains({"public", "users_id_seq"}));
}

TEST(ApplyAlterTable, DropColumnIfExistsAndInheritance) {
  Catalog catalog = Shop();
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {alter::DropColumn{"gone", true}}), &notes),
              IsOk());
  EXPECT_THAT(Notes(notes),
              ElementsAre("column \"gone\" of relation \"orders\" does not exist, skipping"));

  CreateTable child = NewTable("special_orders", {Col("extra")});
  child.table.inherits = {{"", "orders"}};
  ASSERT_THAT(ApplyOne(catalog, child), IsOk());
  EXPECT_THAT(
      ApplyOne(catalog, Alter("special_orders", {alter::DropColumn{"note"}})),
      StatusIs(absl::StatusCode::kInvalidArgument, "cannot drop inherited column \"note\""));
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {alter::DropColumn{"note"}})), IsOk());
  EXPECT_EQ(TableOf(catalog, "special_orders").FindColumn("note"), nullptr);
  EXPECT_FALSE(TableOf(catalog, "special_orders").constraints.contains("orders_note_check"));

  // ONLY keeps the children's column, now local.
  AlterTable only = Alter("orders", {alter::DropColumn{"user_id"}});
  only.only = true;
  ASSERT_THAT(ApplyOne(catalog, only), IsOk());
  const Column* kept = TableOf(catalog, "special_orders").FindColumn("user_id");
  ASSERT_NE(kept, nullptr);
  EXPECT_TRUE(kept->is_local);
  EXPECT_EQ(kept->inherit_count, 0);
}

TEST(ApplyAlterTable, AddColumnRecursesToChildren) {
  Catalog catalog = Shop();
  CreateTable child = NewTable("special_orders", {Col("extra")});
  child.table.inherits = {{"", "orders"}};
  ASSERT_THAT(ApplyOne(catalog, child), IsOk());
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog,
                       Alter("orders", {alter::AddColumn{Col("extra")},
                                        alter::AddColumn{Col("flag", "boolean")}}),
                       &notes),
              IsOk());
  EXPECT_THAT(Notes(notes),
              ElementsAre("merging definition of column \"extra\" for child \"special_orders\""));
  const Table& table = TableOf(catalog, "special_orders");
  EXPECT_EQ(table.FindColumn("extra")->inherit_count, 1);
  EXPECT_TRUE(table.FindColumn("extra")->is_local);
  EXPECT_FALSE(table.FindColumn("flag")->is_local);
  EXPECT_EQ(table.FindColumn("flag")->inherit_count, 1);

  AlterTable only = Alter("orders", {alter::AddColumn{Col("other")}});
  only.only = true;
  EXPECT_THAT(ApplyOne(catalog, only), StatusIs(absl::StatusCode::kInvalidArgument,
                                                "column must be added to child tables too"));
}

TEST(ApplyAlterTable, AltersColumnType) {
  Catalog catalog = NewCatalog();
  ColumnDef id = Col("id", "integer");
  id.column.identity = IdentityKind::kAlways;
  ASSERT_THAT(ApplyOne(catalog, NewTable("t", {id, Col("name", "character varying(20)")})), IsOk());
  ASSERT_THAT(
      ApplyOne(catalog, Alter("t", {alter::AlterColumnType{"id", TypeRef::Builtin("bigint")},
                                    alter::AlterColumnType{"name", TypeRef::Builtin("text"),
                                                           "pg_catalog.\"C\"", ""}})),
      IsOk());
  EXPECT_EQ(TableOf(catalog, "t").columns[0].type, TypeRef::Builtin("bigint"));
  EXPECT_EQ(TableOf(catalog, "t").columns[1].collation, "pg_catalog.\"C\"");
  const Sequence& sequence = catalog.sequences.at({"public", "t_id_seq"});
  EXPECT_EQ(sequence.data_type, TypeRef::Builtin("bigint"));
  EXPECT_EQ(sequence.max_value, INT64_MAX);
  EXPECT_THAT(
      ApplyOne(catalog, Alter("t", {alter::AlterColumnType{"id", TypeRef::Builtin("text")}})),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "identity column type must be smallint, integer, or bigint"));
}

TEST(ApplyAlterTable, SetsAndDropsDefaultsAndNotNull) {
  Catalog catalog = Shop();
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {alter::SetDefault{"note", "'x'::text"},
                                                 alter::SetNotNull{"note", true}})),
              IsOk());
  EXPECT_EQ(TableOf(catalog, "orders").FindColumn("note")->default_expr, "'x'::text");
  EXPECT_TRUE(TableOf(catalog, "orders").FindColumn("note")->not_null);
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {alter::SetDefault{"note", std::nullopt},
                                                 alter::SetNotNull{"note", false}})),
              IsOk());
  EXPECT_FALSE(TableOf(catalog, "orders").FindColumn("note")->default_expr.has_value());
  EXPECT_FALSE(TableOf(catalog, "orders").FindColumn("note")->not_null);
  EXPECT_THAT(ApplyOne(catalog, Alter("orders", {alter::SetNotNull{"id", false}})),
              StatusIs(absl::StatusCode::kInvalidArgument, "column \"id\" is in a primary key"));
  EXPECT_THAT(ApplyOne(catalog, Alter("orders", {alter::SetDefault{"nope", "1"}})),
              StatusIs(absl::StatusCode::kNotFound,
                       "column \"nope\" of relation \"orders\" does not exist"));
}

TEST(ApplyAlterTable, ManagesIdentity) {
  Catalog catalog = NewCatalog();
  ASSERT_THAT(ApplyOne(catalog, NewTable("t", {Col("id"), Col("n", "integer", true)})), IsOk());
  EXPECT_THAT(ApplyOne(catalog, Alter("t", {alter::AddIdentity{"id", IdentityKind::kAlways, {}}})),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "column \"id\" of relation \"t\" must be declared NOT NULL before identity "
                       "can be added"));
  SequenceOptions start;
  start.start = 100;
  ASSERT_THAT(
      ApplyOne(catalog, Alter("t", {alter::AddIdentity{"n", IdentityKind::kAlways, start}})),
      IsOk());
  EXPECT_EQ(TableOf(catalog, "t").columns[1].identity, IdentityKind::kAlways);
  EXPECT_EQ(catalog.sequences.at({"public", "t_n_seq"}).start, 100);
  EXPECT_EQ(catalog.sequences.at({"public", "t_n_seq"}).data_type, TypeRef::Builtin("integer"));
  EXPECT_THAT(ApplyOne(catalog, Alter("t", {alter::AddIdentity{"n", IdentityKind::kAlways, {}}})),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "column \"n\" of relation \"t\" is already an identity column"));

  SequenceOptions increment;
  increment.increment = 10;
  ASSERT_THAT(
      ApplyOne(catalog, Alter("t", {alter::SetIdentity{"n", IdentityKind::kByDefault, increment}})),
      IsOk());
  EXPECT_EQ(TableOf(catalog, "t").columns[1].identity, IdentityKind::kByDefault);
  EXPECT_EQ(catalog.sequences.at({"public", "t_n_seq"}).increment, 10);
  EXPECT_THAT(ApplyOne(catalog, Alter("t", {alter::SetDefault{"n", "1"}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "column \"n\" of relation \"t\" is an identity column"));

  ASSERT_THAT(ApplyOne(catalog, Alter("t", {alter::DropIdentity{"n"}})), IsOk());
  EXPECT_EQ(TableOf(catalog, "t").columns[1].identity, IdentityKind::kNone);
  EXPECT_THAT(SequenceNames(catalog), IsEmpty());
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, Alter("t", {alter::DropIdentity{"n", true}}), &notes), IsOk());
  EXPECT_THAT(Notes(notes),
              ElementsAre("column \"n\" of relation \"t\" is not an identity column, skipping"));
  EXPECT_THAT(ApplyOne(catalog, Alter("t", {alter::SetIdentity{"n", std::nullopt, {}}})),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "column \"n\" of relation \"t\" is not an identity column"));
}

TEST(ApplyAlterTable, DropsGenerationExpression) {
  Catalog catalog = NewCatalog();
  ColumnDef doubled = Col("doubled");
  doubled.column.generated_expr = "(a * 2)";
  ASSERT_THAT(ApplyOne(catalog, NewTable("t", {Col("a"), doubled})), IsOk());
  ASSERT_THAT(ApplyOne(catalog, Alter("t", {alter::DropExpression{"doubled"}})), IsOk());
  EXPECT_FALSE(TableOf(catalog, "t").columns[1].generated_expr.has_value());
  EXPECT_THAT(ApplyOne(catalog, Alter("t", {alter::DropExpression{"a"}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "column \"a\" of relation \"t\" is not a stored generated column"));
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, Alter("t", {alter::DropExpression{"a", true}}), &notes), IsOk());
  EXPECT_THAT(Notes(notes), ElementsAre("column \"a\" of relation \"t\" is not a stored generated "
                                        "column, skipping"));
}

TEST(ApplyAlterTable, SetsColumnStorageAttributes) {
  Catalog catalog = Shop();
  alter::SetColumnOptions options{"note", {{"n_distinct", "100"}}, {}};
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {alter::SetStatistics{"note", 500},
                                                 alter::SetStorage{"note", "EXTERNAL"},
                                                 alter::SetStorage{"id", "plain"},
                                                 alter::SetCompression{"note", "lz4"}, options})),
              IsOk());
  const Column& note = *TableOf(catalog, "orders").FindColumn("note");
  EXPECT_EQ(note.statistics_target, 500);
  EXPECT_EQ(note.storage, "external");
  EXPECT_EQ(note.compression, "lz4");
  EXPECT_EQ(note.options.at("n_distinct"), "100");
  EXPECT_EQ(TableOf(catalog, "orders").FindColumn("id")->storage, "");  // integer's default
  ASSERT_THAT(
      ApplyOne(catalog, Alter("orders", {alter::SetCompression{"note", "default"},
                                         alter::SetColumnOptions{"note", {}, {"n_distinct"}}})),
      IsOk());
  EXPECT_EQ(TableOf(catalog, "orders").FindColumn("note")->compression, "");
  EXPECT_TRUE(TableOf(catalog, "orders").FindColumn("note")->options.empty());
  EXPECT_THAT(ApplyOne(catalog, Alter("orders", {alter::SetStorage{"note", "fancy"}})),
              StatusIs(absl::StatusCode::kInvalidArgument, "invalid storage type \"fancy\""));
  EXPECT_THAT(ApplyOne(catalog, Alter("orders", {alter::SetStatistics{"note", -5}})),
              StatusIs(absl::StatusCode::kInvalidArgument, "statistics target -5 is too low"));
}

TEST(ApplyAlterTable, AddsValidatesAndAltersConstraints) {
  Catalog catalog = Shop();
  ConstraintDef check = Check("id > 0", {"id"});
  check.constraint.validated = false;
  ConstraintDef fk = ForeignKey({"user_id"}, "users", {"id"}, "orders_user_fk2");
  fk.constraint.validated = false;
  ASSERT_THAT(
      ApplyOne(catalog, Alter("orders", {alter::AddConstraint{check}, alter::AddConstraint{fk}})),
      IsOk());
  EXPECT_FALSE(TableOf(catalog, "orders").constraints.at("orders_id_check").validated);
  EXPECT_FALSE(TableOf(catalog, "orders").constraints.at("orders_user_fk2").validated);
  ASSERT_THAT(
      ApplyOne(catalog, Alter("orders", {alter::ValidateConstraint{"orders_id_check"},
                                         alter::AlterConstraint{"orders_user_fk2", true, true}})),
      IsOk());
  const Table& orders = TableOf(catalog, "orders");
  EXPECT_TRUE(orders.constraints.at("orders_id_check").validated);
  EXPECT_TRUE(orders.constraints.at("orders_user_fk2").deferrable);
  EXPECT_TRUE(orders.constraints.at("orders_user_fk2").initially_deferred);

  struct Case {
    AlterTableCommand command;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {alter::AddConstraint{Check("true", {}, "orders_pkey")}, absl::StatusCode::kAlreadyExists,
       "constraint \"orders_pkey\" for relation \"orders\" already exists"},
      {alter::AddConstraint{Key(ConstraintType::kPrimaryKey, {"note"})},
       absl::StatusCode::kInvalidArgument,
       "multiple primary keys for table \"orders\" are not allowed"},
      {alter::AddConstraint{Key(ConstraintType::kUnique, {"note"}, "users")},
       absl::StatusCode::kAlreadyExists, "relation \"users\" already exists"},
      {alter::ValidateConstraint{"orders_pkey"}, absl::StatusCode::kInvalidArgument,
       "constraint \"orders_pkey\" of relation \"orders\" is not a foreign key or check "
       "constraint"},
      {alter::ValidateConstraint{"nope"}, absl::StatusCode::kNotFound,
       "constraint \"nope\" of relation \"orders\" does not exist"},
      {alter::AlterConstraint{"orders_pkey", true, false}, absl::StatusCode::kInvalidArgument,
       "constraint \"orders_pkey\" of relation \"orders\" is not a foreign key constraint"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    EXPECT_THAT(ApplyOne(catalog, Alter("orders", {c.command})), StatusIs(c.code, c.message));
  }
}

TEST(ApplyAlterTable, DropsConstraints) {
  Catalog catalog = Shop();
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {alter::DropConstraint{"nope", true}}), &notes),
              IsOk());
  EXPECT_THAT(Notes(notes),
              ElementsAre("constraint \"nope\" of relation \"orders\" does not exist, "
                          "skipping"));
  EXPECT_THAT(ApplyOne(catalog, Alter("orders", {alter::DropConstraint{"nope"}})),
              StatusIs(absl::StatusCode::kNotFound,
                       "constraint \"nope\" of relation \"orders\" does not exist"));
  EXPECT_THAT(ApplyOne(catalog, Alter("users", {alter::DropConstraint{"users_pkey"}})),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "cannot drop constraint users_pkey on table users because other objects "
                       "depend on it"));
  DiagnosticSink cascade_notes;
  ASSERT_THAT(ApplyOne(catalog, Alter("users", {alter::DropConstraint{"users_pkey", false, true}}),
                       &cascade_notes),
              IsOk());
  EXPECT_THAT(Notes(cascade_notes),
              ElementsAre("drop cascades to constraint orders_user_id_fkey on table orders"));
  EXPECT_FALSE(catalog.indexes.contains({"public", "users_pkey"}));
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {alter::DropConstraint{"orders_note_check"}})),
              IsOk());
  EXPECT_THAT(ConstraintNames(TableOf(catalog, "orders")), ElementsAre("orders_pkey"));
}

TEST(ApplyAlterTable, AddsConstraintUsingIndex) {
  Catalog catalog = Shop();
  CreateIndex index;
  index.index.name = {"", "orders_note_uidx"};
  index.index.table = {"", "orders"};
  index.index.unique = true;
  IndexElement key;
  key.column = "note";
  index.index.keys = {key};
  ASSERT_THAT(ApplyOne(catalog, index), IsOk());
  DiagnosticSink notes;
  alter::AddConstraintUsingIndex using_index{Key(ConstraintType::kUnique, {}, "orders_note_key"),
                                             "orders_note_uidx"};
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {using_index}), &notes), IsOk());
  EXPECT_THAT(Notes(notes), ElementsAre("ALTER TABLE / ADD CONSTRAINT USING INDEX will rename "
                                        "index \"orders_note_uidx\" to \"orders_note_key\""));
  EXPECT_FALSE(catalog.indexes.contains({"public", "orders_note_uidx"}));
  const Index& renamed = catalog.indexes.at({"public", "orders_note_key"});
  EXPECT_EQ(renamed.constraint_name, "orders_note_key");
  EXPECT_THAT(renamed.lineage.former_names, ElementsAre("orders_note_uidx"));
  EXPECT_THAT(TableOf(catalog, "orders").constraints.at("orders_note_key").columns,
              ElementsAre("note"));
  EXPECT_THAT(ApplyOne(catalog, Alter("orders", {using_index})),
              StatusIs(absl::StatusCode::kNotFound, "index \"orders_note_uidx\" does not exist"));
}

TEST(ApplyAlterTable, SetsTableLevelAttributes) {
  Catalog catalog = Shop();
  ASSERT_THAT(
      ApplyOne(catalog,
               Alter("users", {alter::SetRowSecurity{true, true},
                               alter::SetOptions{{{"fillfactor", "70"}}, {}},
                               alter::SetReplicaIdentity{ReplicaIdentity::kFull, ""},
                               alter::ClusterOn{"users_email_key"}, alter::SetOwner{"app"},
                               alter::SetAccessMethod{"heap"}, alter::SetTablespace{"fast"}})),
      IsOk());
  const Table& users = TableOf(catalog, "users");
  EXPECT_TRUE(users.rls_enabled);
  EXPECT_TRUE(users.rls_forced);
  EXPECT_EQ(users.options.at("fillfactor"), "70");
  EXPECT_EQ(users.replica_identity, ReplicaIdentity::kFull);
  EXPECT_TRUE(catalog.indexes.at({"public", "users_email_key"}).clustered);
  EXPECT_EQ(users.owner, "app");
  EXPECT_EQ(catalog.sequences.at({"public", "users_id_seq"}).owner, "app");
  EXPECT_EQ(users.access_method, "");
  EXPECT_EQ(users.tablespace, "fast");

  ASSERT_THAT(ApplyOne(catalog,
                       Alter("users",
                             {alter::ClusterOn{std::nullopt}, alter::SetOptions{{}, {"fillfactor"}},
                              alter::SetReplicaIdentity{ReplicaIdentity::kIndex, "users_pkey"}})),
              IsOk());
  EXPECT_FALSE(catalog.indexes.at({"public", "users_email_key"}).clustered);
  EXPECT_TRUE(TableOf(catalog, "users").options.empty());
  EXPECT_EQ(TableOf(catalog, "users").replica_identity_index, "users_pkey");
  EXPECT_THAT(ApplyOne(catalog, Alter("users", {alter::SetReplicaIdentity{ReplicaIdentity::kIndex,
                                                                          "users_email_key"}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "index \"users_email_key\" cannot be used as replica identity because "
                       "column \"email\" is nullable"));
  EXPECT_THAT(
      ApplyOne(catalog, Alter("users", {alter::ClusterOn{"nope"}})),
      StatusIs(absl::StatusCode::kNotFound, "index \"nope\" for table \"users\" does not exist"));
}

TEST(ApplyAlterTable, ChangesPersistenceWithOwnedSequences) {
  Catalog catalog = Shop();
  EXPECT_THAT(ApplyOne(catalog, Alter("users", {alter::SetLogged{false}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "could not change table \"users\" to unlogged because it references logged "
                       "table \"orders\""));
  ASSERT_THAT(ApplyOne(catalog, Alter("orders", {alter::SetLogged{false}})), IsOk());
  ASSERT_THAT(ApplyOne(catalog, Alter("users", {alter::SetLogged{false}})), IsOk());
  EXPECT_TRUE(TableOf(catalog, "users").unlogged);
  EXPECT_TRUE(catalog.sequences.at({"public", "users_id_seq"}).unlogged);
  EXPECT_THAT(ApplyOne(catalog, Alter("orders", {alter::SetLogged{true}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "could not change table \"orders\" to logged because it references "
                       "unlogged table \"users\""));
}

TEST(ApplyAlterTable, InheritsAndDisinherits) {
  Catalog catalog = NewCatalog();
  ASSERT_THAT(
      ApplyOne(catalog, NewTable("parent", {Col("a", "integer", true)}, {Check("a > 0", {"a"})})),
      IsOk());
  ASSERT_THAT(ApplyOne(catalog, NewTable("child", {Col("a"), Col("b")})), IsOk());
  EXPECT_THAT(ApplyOne(catalog, Alter("child", {alter::Inherit{{"", "parent"}, true}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "column \"a\" in child table must be marked NOT NULL"));
  ASSERT_THAT(ApplyOne(catalog, Alter("child", {alter::SetNotNull{"a", true}})), IsOk());
  EXPECT_THAT(ApplyOne(catalog, Alter("child", {alter::Inherit{{"", "parent"}, true}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "child table is missing constraint \"parent_a_check\""));
  ASSERT_THAT(
      ApplyOne(catalog,
               Alter("child", {alter::AddConstraint{Check("a > 0", {"a"}, "parent_a_check")},
                               alter::Inherit{{"", "parent"}, true}})),
      IsOk());
  EXPECT_THAT(TableOf(catalog, "child").inherits, ElementsAre(QualifiedName{"public", "parent"}));
  EXPECT_EQ(TableOf(catalog, "child").columns[0].inherit_count, 1);
  EXPECT_THAT(ApplyOne(catalog, Alter("parent", {alter::Inherit{{"", "child"}, true}})),
              StatusIs(absl::StatusCode::kInvalidArgument, "circular inheritance not allowed"));

  ASSERT_THAT(ApplyOne(catalog, Alter("child", {alter::Inherit{{"", "parent"}, false}})), IsOk());
  EXPECT_THAT(TableOf(catalog, "child").inherits, IsEmpty());
  EXPECT_EQ(TableOf(catalog, "child").columns[0].inherit_count, 0);
  EXPECT_TRUE(TableOf(catalog, "child").columns[0].is_local);
  EXPECT_THAT(ApplyOne(catalog, Alter("child", {alter::Inherit{{"", "parent"}, false}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "relation \"parent\" is not a parent of relation \"child\""));
}

TEST(ApplyAlterTable, AttachesAndDetachesPartitions) {
  Catalog catalog = Shop();
  CreateTable parent =
      NewTable("events", {Col("id"), Col("day", "date"), Col("user_id")},
               {Key(ConstraintType::kPrimaryKey, {"id", "day"}), ForeignKey({"user_id"}, "users")});
  parent.table.partition_key = "RANGE (day)";
  ASSERT_THAT(ApplyOne(catalog, parent), IsOk());
  ASSERT_THAT(
      ApplyOne(catalog, NewTable("events_2024", {Col("id", "integer", true),
                                                 Col("day", "date", true), Col("user_id")})),
      IsOk());
  ASSERT_THAT(ApplyOne(catalog, NewTable("wrong", {Col("id"), Col("extra")})), IsOk());
  EXPECT_THAT(
      ApplyOne(catalog, Alter("events", {alter::AttachPartition{{"", "wrong"}, "DEFAULT"}})),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "table \"wrong\" contains column \"extra\" not found in parent \"events\""));
  EXPECT_THAT(
      ApplyOne(catalog, Alter("users", {alter::AttachPartition{{"", "events_2024"}, "DEFAULT"}})),
      StatusIs(absl::StatusCode::kInvalidArgument, "table \"users\" is not partitioned"));

  ASSERT_THAT(
      ApplyOne(catalog, Alter("events", {alter::AttachPartition{
                                            {"", "events_2024"},
                                            "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"}})),
      IsOk());
  const Table& partition = TableOf(catalog, "events_2024");
  EXPECT_EQ(partition.partition_of, (QualifiedName{"public", "events"}));
  EXPECT_EQ(partition.columns[0].inherit_count, 1);
  // PostgreSQL 15 marks an attached partition's columns as not local (checked against the
  // server by the fidelity suite).
  EXPECT_FALSE(partition.columns[0].is_local);
  EXPECT_THAT(ConstraintNames(partition), ElementsAre("events_2024_pkey", "events_user_id_fkey"));
  EXPECT_TRUE(catalog.indexes.contains({"public", "events_2024_pkey"}));
  EXPECT_THAT(ApplyOne(catalog, Alter("events_2024", {alter::DropConstraint{"events_2024_pkey"}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "cannot drop inherited constraint \"events_2024_pkey\" of relation "
                       "\"events_2024\""));

  ASSERT_THAT(ApplyOne(catalog, Alter("events", {alter::DetachPartition{{"", "events_2024"}}})),
              IsOk());
  EXPECT_FALSE(TableOf(catalog, "events_2024").partition_of.has_value());
  EXPECT_EQ(TableOf(catalog, "events_2024").columns[0].inherit_count, 0);
  EXPECT_THAT(ApplyOne(catalog, Alter("events", {alter::DetachPartition{{"", "events_2024"}}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "relation \"events_2024\" is not a partition of relation \"events\""));
}

TEST(ApplyAlterTable, AddsKeyToPartitionedTableAndItsPartitions) {
  Catalog catalog = NewCatalog();
  CreateTable parent = NewTable("p", {Col("id"), Col("day", "date")});
  parent.table.partition_key = "LIST (day)";
  ASSERT_THAT(ApplyOne(catalog, parent), IsOk());
  CreateTable partition = NewTable("p1", {});
  partition.table.partition_of = QualifiedName{"", "p"};
  ASSERT_THAT(ApplyOne(catalog, partition), IsOk());
  ASSERT_THAT(
      ApplyOne(catalog,
               Alter("p", {alter::AddConstraint{Key(ConstraintType::kUnique, {"day", "id"})},
                           alter::AddConstraint{Check("id > 0", {"id"})}})),
      IsOk());
  EXPECT_THAT(ConstraintNames(TableOf(catalog, "p1")), ElementsAre("p1_day_id_key", "p_id_check"));
  EXPECT_EQ(catalog.indexes.at({"public", "p1_day_id_key"}).constraint_name, "p1_day_id_key");
  ASSERT_THAT(ApplyOne(catalog, Alter("p", {alter::DropConstraint{"p_day_id_key"}})), IsOk());
  EXPECT_THAT(ConstraintNames(TableOf(catalog, "p1")), ElementsAre("p_id_check"));
  EXPECT_FALSE(catalog.indexes.contains({"public", "p1_day_id_key"}));
}

TEST(ApplyAlterTable, NotNullOnlyOnPartitionedTable) {
  Catalog catalog = NewCatalog();
  CreateTable parent = NewTable("p", {Col("id"), Col("v")});
  parent.table.partition_key = "LIST (id)";
  ASSERT_THAT(ApplyOne(catalog, parent), IsOk());
  CreateTable partition = NewTable("p1", {});
  partition.table.partition_of = QualifiedName{"", "p"};
  ASSERT_THAT(ApplyOne(catalog, partition), IsOk());
  AlterTable only = Alter("p", {alter::SetNotNull{"v", true}});
  only.only = true;
  EXPECT_THAT(ApplyOne(catalog, only), StatusIs(absl::StatusCode::kInvalidArgument,
                                                "constraint must be added to child tables too"));
  ASSERT_THAT(ApplyOne(catalog, Alter("p", {alter::SetNotNull{"v", true}})), IsOk());
  EXPECT_TRUE(TableOf(catalog, "p1").FindColumn("v")->not_null);
  EXPECT_THAT(ApplyOne(catalog, Alter("p1", {alter::SetNotNull{"v", false}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "column \"v\" is marked NOT NULL in parent table"));
  AlterTable drop_only = Alter("p", {alter::SetNotNull{"v", false}});
  drop_only.only = true;
  EXPECT_THAT(ApplyOne(catalog, drop_only),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "cannot remove constraint from only the partitioned table when partitions "
                       "exist"));
  ASSERT_THAT(ApplyOne(catalog, Alter("p", {alter::SetNotNull{"v", false}})), IsOk());
  EXPECT_FALSE(TableOf(catalog, "p1").FindColumn("v")->not_null);
}

// pg_dump's order for a partitioned table's key: the parent's alone (ONLY), then each
// partition's, then ALTER INDEX … ATTACH PARTITION.
TEST(ApplyAlterTable, OnlyGivesAPartitionedTableItsKeyAlone) {
  Catalog catalog = NewCatalog();
  CreateTable parent = NewTable("p", {Col("a", "integer", true), Col("b", "integer", true)});
  parent.table.partition_key = "LIST (a)";
  ASSERT_THAT(ApplyOne(catalog, parent), IsOk());
  for (std::string name : {"p1", "p2"}) {
    CreateTable partition = NewTable(name, {});
    partition.table.partition_of = QualifiedName{"", "p"};
    ASSERT_THAT(ApplyOne(catalog, partition), IsOk());
  }
  for (auto [table, type, name] : std::vector<std::tuple<std::string, ConstraintType, std::string>>{
           {"p", ConstraintType::kPrimaryKey, "p_pkey"},
           {"p", ConstraintType::kUnique, "p_a_b_key"},
           {"p1", ConstraintType::kPrimaryKey, "p1_pkey"},
           {"p1", ConstraintType::kUnique, "p1_a_b_key"}}) {
    SCOPED_TRACE(name);
    AlterTable only = Alter(table, {alter::AddConstraint{Key(type, {"a", "b"}, name)}});
    only.only = true;
    ASSERT_THAT(ApplyOne(catalog, only), IsOk());
  }
  EXPECT_THAT(ConstraintNames(TableOf(catalog, "p")), ElementsAre("p_a_b_key", "p_pkey"));
  EXPECT_THAT(ConstraintNames(TableOf(catalog, "p1")), ElementsAre("p1_a_b_key", "p1_pkey"));
  EXPECT_THAT(ConstraintNames(TableOf(catalog, "p2")), IsEmpty());
  EXPECT_THAT(IndexNames(catalog), ElementsAre("p1_a_b_key", "p1_pkey", "p_a_b_key", "p_pkey"));
  for (const auto& [name, index] : catalog.indexes) {
    EXPECT_FALSE(index.parent_index.has_value()) << name.name;
  }

  AlterIndex attach;
  attach.index = {"", "p_pkey"};
  attach.attach_partition = QualifiedName{"", "p1_pkey"};
  ASSERT_THAT(ApplyOne(catalog, attach), IsOk());
  EXPECT_EQ(catalog.indexes.at({"public", "p1_pkey"}).parent_index,
            (QualifiedName{"public", "p_pkey"}));
  // Attached, the partition's key is the parent's; the unattached one is its own.
  EXPECT_THAT(ApplyOne(catalog, Alter("p1", {alter::DropConstraint{"p1_pkey"}})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "cannot drop inherited constraint \"p1_pkey\" of relation \"p1\""));
  ASSERT_THAT(ApplyOne(catalog, Alter("p1", {alter::DropConstraint{"p1_a_b_key"}})), IsOk());
  // Dropping the parent's key drops the attached copy only.
  ASSERT_THAT(ApplyOne(catalog, Alter("p", {alter::DropConstraint{"p_pkey"}})), IsOk());
  EXPECT_THAT(IndexNames(catalog), ElementsAre("p_a_b_key"));
}

TEST(ApplyAlterTable, OnlyPrimaryKeyNeedsThePartitionsColumnsNotNull) {
  Catalog catalog = NewCatalog();
  CreateTable parent = NewTable("q", {Col("a"), Col("b", "integer", true)});
  parent.table.partition_key = "LIST (a)";
  ASSERT_THAT(ApplyOne(catalog, parent), IsOk());
  CreateTable partition = NewTable("q1", {});
  partition.table.partition_of = QualifiedName{"", "q"};
  ASSERT_THAT(ApplyOne(catalog, partition), IsOk());
  AlterTable only =
      Alter("q", {alter::AddConstraint{Key(ConstraintType::kPrimaryKey, {"a", "b"})}});
  only.only = true;
  EXPECT_THAT(ApplyOne(catalog, only),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "constraint must be added to child tables too\nDETAIL:  Column \"a\" of "
                       "relation \"q1\" is not already NOT NULL.\nHINT:  Do not specify the ONLY "
                       "keyword."));
  EXPECT_TRUE(TableOf(catalog, "q").constraints.empty());
  ASSERT_THAT(ApplyOne(catalog, Alter("q1", {alter::SetNotNull{"a", true}})), IsOk());
  ASSERT_THAT(ApplyOne(catalog, only), IsOk());
  EXPECT_TRUE(TableOf(catalog, "q").FindColumn("a")->not_null);
  EXPECT_THAT(IndexNames(catalog), ElementsAre("q_pkey"));
}

TEST(ApplyAlterTable, DetachingAPartitionDetachesItsIndexes) {
  Catalog catalog = NewCatalog();
  CreateTable parent = NewTable("p", {Col("a", "integer", true)});
  parent.table.partition_key = "LIST (a)";
  parent.constraints = {Key(ConstraintType::kPrimaryKey, {"a"})};
  ASSERT_THAT(ApplyOne(catalog, parent), IsOk());
  CreateTable partition = NewTable("p1", {});
  partition.table.partition_of = QualifiedName{"", "p"};
  ASSERT_THAT(ApplyOne(catalog, partition), IsOk());
  EXPECT_EQ(catalog.indexes.at({"public", "p1_pkey"}).parent_index,
            (QualifiedName{"public", "p_pkey"}));
  ASSERT_THAT(ApplyOne(catalog, Alter("p", {alter::DetachPartition{{"", "p1"}}})), IsOk());
  EXPECT_FALSE(catalog.indexes.at({"public", "p1_pkey"}).parent_index.has_value());
  ASSERT_THAT(ApplyOne(catalog, Alter("p1", {alter::DropConstraint{"p1_pkey"}})), IsOk());
}

TEST(ApplyAlterTable, PrimaryKeyMakesChildColumnsNotNull) {
  Catalog catalog = NewCatalog();
  ASSERT_THAT(ApplyOne(catalog, NewTable("parent", {Col("id")})), IsOk());
  CreateTable child = NewTable("child", {});
  child.table.inherits = {{"", "parent"}};
  ASSERT_THAT(ApplyOne(catalog, child), IsOk());
  ASSERT_THAT(
      ApplyOne(catalog,
               Alter("parent", {alter::AddConstraint{Key(ConstraintType::kPrimaryKey, {"id"})}})),
      IsOk());
  EXPECT_TRUE(TableOf(catalog, "parent").columns[0].not_null);
  EXPECT_TRUE(TableOf(catalog, "child").columns[0].not_null);
  // A primary key is not inherited.
  EXPECT_TRUE(TableOf(catalog, "child").constraints.empty());
}

}  // namespace
}  // namespace pgdrift::model
