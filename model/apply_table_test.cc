#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/internal/apply_context.h"
#include "model/testing/apply_builders.h"
#include "model/nextval.h"

namespace pgdrift::model {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// users (id integer PRIMARY KEY, email text UNIQUE)
Catalog CatalogWithUsers() {
  Catalog catalog = NewCatalog();
  EXPECT_THAT(ApplyOne(catalog, NewTable("users", {Col("id"), Col("email", "text")},
                                         {Key(ConstraintType::kPrimaryKey, {"id"}),
                                          Key(ConstraintType::kUnique, {"email"})})),
              IsOk());
  return catalog;
}

TEST(ApplyTable, CreatesTableWithImplicitNames) {
  Catalog catalog = CatalogWithUsers();
  ConstraintDef status_check = Check("status <> ''::text", {"status"});
  status_check.column = "status";
  ConstraintDef user_fk = ForeignKey({}, "users", {"id"});
  user_fk.column = "user_id";
  CreateTable m =
      NewTable("orders",
               {Serial("id"), Col("email", "text"), Col("status", "text"), Col("user_id"),
                Col("qty"), Col("price")},
               {Key(ConstraintType::kPrimaryKey, {}), Key(ConstraintType::kUnique, {"email"}),
                status_check, user_fk, Check("qty > 0 AND price > 0", {"qty", "price"})});
  m.constraints[0].column = "id";
  ASSERT_THAT(ApplyOne(catalog, m), IsOk());

  const Table& orders = TableOf(catalog, "orders");
  EXPECT_THAT(ConstraintNames(orders),
              ElementsAre("orders_check", "orders_email_key", "orders_pkey", "orders_status_check",
                          "orders_user_id_fkey"));
  EXPECT_THAT(IndexNames(catalog),
              ElementsAre("orders_email_key", "orders_pkey", "users_email_key", "users_pkey"));
  const Constraint& fk = orders.constraints.at("orders_user_id_fkey");
  EXPECT_EQ(fk.referenced_table, (QualifiedName{"public", "users"}));
  EXPECT_THAT(fk.columns, ElementsAre("user_id"));
  EXPECT_THAT(fk.referenced_columns, ElementsAre("id"));
  const Index& pkey = catalog.indexes.at({"public", "orders_pkey"});
  EXPECT_EQ(pkey.constraint_name, "orders_pkey");
  EXPECT_TRUE(pkey.unique);
  EXPECT_EQ(pkey.table, (QualifiedName{"public", "orders"}));

  const Column& id = orders.columns.at(0);
  EXPECT_EQ(id.type, TypeRef::Builtin("integer"));
  EXPECT_TRUE(id.not_null);
  EXPECT_EQ(id.default_expr, "nextval('public.orders_id_seq'::regclass)");
  const Sequence& sequence = catalog.sequences.at({"public", "orders_id_seq"});
  EXPECT_EQ(sequence.data_type, TypeRef::Builtin("integer"));
  EXPECT_EQ(sequence.max_value, 2147483647);
  EXPECT_FALSE(sequence.identity);
  ASSERT_TRUE(sequence.owned_by.has_value());
  EXPECT_EQ(*sequence.owned_by, (SequenceOwner{{"public", "orders"}, "id"}));
  EXPECT_EQ(sequence.lineage.created, kSpan);
  EXPECT_EQ(orders.lineage.created, kSpan);
  EXPECT_EQ(orders.constraints.at("orders_check").lineage.created, kSpan);
  EXPECT_EQ(id.lineage.created, kSpan);
}

TEST(ApplyTable, ExpandsSerialKinds) {
  struct Case {
    SerialKind kind;
    std::string type;
    int64_t max;
  };
  const std::vector<Case> cases = {{SerialKind::kSmall, "smallint", 32767},
                                   {SerialKind::kRegular, "integer", 2147483647},
                                   {SerialKind::kBig, "bigint", INT64_MAX}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.type);
    Catalog catalog = NewCatalog();
    ASSERT_THAT(ApplyOne(catalog, NewTable("t", {Serial("n", c.kind)})), IsOk());
    EXPECT_EQ(TableOf(catalog, "t").columns[0].type, TypeRef::Builtin(c.type));
    const Sequence& sequence = catalog.sequences.at({"public", "t_n_seq"});
    EXPECT_EQ(sequence.data_type, TypeRef::Builtin(c.type));
    EXPECT_EQ(sequence.max_value, c.max);
    EXPECT_EQ(sequence.start, 1);
  }
}

TEST(ApplyTable, SerialSequenceNameIsQuotedInTheDefault) {
  Catalog catalog = NewCatalog();
  ASSERT_THAT(ApplyOne(catalog, NewTable("Orders", {Serial("id")})), IsOk());
  EXPECT_EQ(TableOf(catalog, "Orders").columns[0].default_expr,
            "nextval('public.\"Orders_id_seq\"'::regclass)");
  EXPECT_EQ(NextvalExpression({"public", "it's_seq"}), "nextval('public.\"it''s_seq\"'::regclass)");
}

TEST(ApplyTable, CreatesIdentityColumns) {
  Catalog catalog = NewCatalog();
  ColumnDef id = Col("id", "bigint");
  id.column.identity = IdentityKind::kAlways;
  id.identity_options.start = 10;
  id.identity_options.increment = 5;
  ASSERT_THAT(ApplyOne(catalog, NewTable("t", {id})), IsOk());
  const Column& column = TableOf(catalog, "t").columns[0];
  EXPECT_EQ(column.identity, IdentityKind::kAlways);
  EXPECT_TRUE(column.not_null);
  EXPECT_FALSE(column.default_expr.has_value());
  const Sequence& sequence = catalog.sequences.at({"public", "t_id_seq"});
  EXPECT_TRUE(sequence.identity);
  EXPECT_EQ(sequence.data_type, TypeRef::Builtin("bigint"));
  EXPECT_EQ(sequence.start, 10);
  EXPECT_EQ(sequence.increment, 5);
  EXPECT_EQ(*sequence.owned_by, (SequenceOwner{{"public", "t"}, "id"}));

  ColumnDef named = Col("id", "integer");
  named.column.identity = IdentityKind::kByDefault;
  named.identity_options.sequence_name = QualifiedName{"", "custom_seq"};
  ASSERT_THAT(ApplyOne(catalog, NewTable("u", {named})), IsOk());
  EXPECT_TRUE(catalog.sequences.contains({"public", "custom_seq"}));
}

TEST(ApplyTable, PutsAQualifiedIdentitySequenceNameInItsSchema) {
  struct Case {
    std::string name;
    QualifiedName sequence_name;
    QualifiedName expected;
  };
  std::vector<Case> cases = {
      // pg_dump writes SEQUENCE NAME schema-qualified.
      {"qualified", {"public", "t_id_seq"}, {"public", "t_id_seq"}},
      {"unqualified", {"", "t_ids"}, {"public", "t_ids"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Catalog catalog = NewCatalog();
    ColumnDef id = Col("id", "bigint");
    id.column.identity = IdentityKind::kAlways;
    id.identity_options.sequence_name = c.sequence_name;
    ASSERT_THAT(ApplyOne(catalog, NewTable("t", {id})), IsOk());
    std::vector<QualifiedName> sequences;
    for (const auto& [name, sequence] : catalog.sequences) sequences.push_back(name);
    EXPECT_THAT(sequences, ElementsAre(c.expected));
    EXPECT_EQ(catalog.sequences.begin()->second.owned_by, (SequenceOwner{{"public", "t"}, "id"}));
  }
}

TEST(ApplyTable, IdentitySequenceInAnotherSchemaIsOwnedThroughThatSchema) {
  // generateSerialExtraStmts writes OWNED BY audit.t.id for SEQUENCE NAME audit.t_ids.
  struct Case {
    std::string name;
    QualifiedName sequence_name;
    absl::StatusCode code;
    std::string message;
  };
  std::vector<Case> cases = {
      {"no such schema", {"nope", "t_ids"}, absl::StatusCode::kNotFound,
       "schema \"nope\" does not exist"},
      {"no table of that name there", {"audit", "t_ids"}, absl::StatusCode::kNotFound,
       "relation \"audit.t\" does not exist"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Catalog catalog = NewCatalog();
    catalog.schemas["audit"] = Schema{"audit"};
    ColumnDef id = Col("id", "bigint");
    id.column.identity = IdentityKind::kAlways;
    id.identity_options.sequence_name = c.sequence_name;
    EXPECT_THAT(ApplyOne(catalog, NewTable("t", {id})), StatusIs(c.code, c.message));
    EXPECT_TRUE(catalog.tables.empty());
    EXPECT_TRUE(catalog.sequences.empty());
  }
}

TEST(ApplyTable, ReportsPostgresErrors) {
  struct Case {
    std::string name;
    CreateTable m;
    absl::StatusCode code;
    std::string message;
  };
  ColumnDef text_identity = Col("id", "text");
  text_identity.column.identity = IdentityKind::kAlways;
  CreateTable qualified = NewTable("t", {Col("a")});
  qualified.table.name.schema = "nope";
  std::vector<Case> cases = {
      {"exists", NewTable("users", {Col("a")}), absl::StatusCode::kAlreadyExists,
       "relation \"users\" already exists"},
      {"schema missing", qualified, absl::StatusCode::kNotFound, "schema \"nope\" does not exist"},
      {"duplicate column", NewTable("t", {Col("a"), Col("a")}), absl::StatusCode::kInvalidArgument,
       "column \"a\" specified more than once"},
      {"two primary keys",
       NewTable("t", {Col("a"), Col("b")},
                {Key(ConstraintType::kPrimaryKey, {"a"}), Key(ConstraintType::kPrimaryKey, {"b"})}),
       absl::StatusCode::kInvalidArgument, "multiple primary keys for table \"t\" are not allowed"},
      {"key column missing", NewTable("t", {Col("a")}, {Key(ConstraintType::kUnique, {"x"})}),
       absl::StatusCode::kNotFound, "column \"x\" named in key does not exist"},
      {"referenced table missing", NewTable("t", {Col("a")}, {ForeignKey({"a"}, "nope")}),
       absl::StatusCode::kNotFound, "relation \"nope\" does not exist"},
      {"fk column missing", NewTable("t", {Col("a")}, {ForeignKey({"b"}, "users")}),
       absl::StatusCode::kNotFound,
       "column \"b\" referenced in foreign key constraint does not exist"},
      {"no unique key", NewTable("t", {Col("a")}, {ForeignKey({"a"}, "plain", {"a"})}),
       absl::StatusCode::kInvalidArgument,
       "there is no unique constraint matching given keys for referenced table \"plain\""},
      {"no primary key", NewTable("t", {Col("a")}, {ForeignKey({"a"}, "plain")}),
       absl::StatusCode::kInvalidArgument,
       "there is no primary key for referenced table \"plain\""},
      {"fk arity", NewTable("t", {Col("a"), Col("b")}, {ForeignKey({"a", "b"}, "users", {"id"})}),
       absl::StatusCode::kInvalidArgument,
       "number of referencing and referenced columns for foreign key disagree"},
      {"identity type", NewTable("t", {text_identity}), absl::StatusCode::kInvalidArgument,
       "identity column type must be smallint, integer, or bigint"},
      {"inherit missing",
       [] {
         CreateTable m = NewTable("t", {Col("a")});
         m.table.inherits = {{"", "nope"}};
         return m;
       }(),
       absl::StatusCode::kNotFound, "relation \"nope\" does not exist"},
      {"partition of plain table",
       [] {
         CreateTable m = NewTable("t", {});
         m.table.partition_of = QualifiedName{"", "plain"};
         return m;
       }(),
       absl::StatusCode::kInvalidArgument, "\"plain\" is not partitioned"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Catalog catalog = CatalogWithUsers();
    ASSERT_THAT(ApplyOne(catalog, NewTable("plain", {Col("a")})), IsOk());
    Catalog before = catalog;
    absl::Status status = ApplyOne(catalog, c.m);
    EXPECT_THAT(status, StatusIs(c.code, c.message));
    EXPECT_THAT(status, StatusIs(c.code, "migrations/0002.sql:7:1: "));
    EXPECT_EQ(catalog.tables.size(), before.tables.size());
    EXPECT_EQ(catalog.indexes.size(), before.indexes.size());
    EXPECT_EQ(catalog.sequences.size(), before.sequences.size());
  }
}

TEST(ApplyTable, NoSchemaSelected) {
  Catalog catalog = NewCatalog();
  catalog.search_path = {"nowhere"};
  EXPECT_THAT(ApplyOne(catalog, NewTable("t", {Col("a")})),
              StatusIs(absl::StatusCode::kNotFound, "no schema has been selected to create in"));
}

TEST(ApplyTable, IfNotExistsSkipsWithNotice) {
  Catalog catalog = CatalogWithUsers();
  CreateTable m = NewTable("users", {Serial("other")});
  m.if_not_exists = true;
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, m, &notes), IsOk());
  EXPECT_THAT(Notes(notes), ElementsAre("relation \"users\" already exists, skipping"));
  EXPECT_EQ(notes.diagnostics()[0].severity, Severity::kNote);
  EXPECT_EQ(TableOf(catalog, "users").columns.size(), 2u);
  EXPECT_THAT(SequenceNames(catalog), IsEmpty());
}

TEST(ApplyTable, FailingStatementLeavesNoSequenceBehind) {
  Catalog catalog = CatalogWithUsers();
  EXPECT_THAT(
      ApplyOne(catalog, NewTable("t", {Serial("id"), Col("u")}, {ForeignKey({"u"}, "nope")})),
      StatusIs(absl::StatusCode::kNotFound, "relation \"nope\" does not exist"));
  EXPECT_THAT(SequenceNames(catalog), IsEmpty());
  EXPECT_FALSE(catalog.tables.contains({"public", "t"}));
  EXPECT_EQ(catalog.indexes.size(), 2u);
}

TEST(ApplyTable, AddsSuffixWhenImplicitNameIsTaken) {
  Catalog catalog = NewCatalog();
  CreateSequence taken;
  taken.name = {"", "t_a_key"};
  ASSERT_THAT(ApplyOne(catalog, taken), IsOk());
  ASSERT_THAT(ApplyOne(catalog, NewTable("t", {Col("a"), Col("b")},
                                         {Key(ConstraintType::kUnique, {"a"}),
                                          Check("a > 0", {"a"}), Check("a < 10", {"a"})})),
              IsOk());
  EXPECT_THAT(ConstraintNames(TableOf(catalog, "t")),
              ElementsAre("t_a_check", "t_a_check1", "t_a_key1"));
  EXPECT_TRUE(catalog.indexes.contains({"public", "t_a_key1"}));
}

TEST(ApplyTable, TruncatesLongImplicitNames) {
  Catalog catalog = NewCatalog();
  std::string table(60, 'a');
  ASSERT_THAT(ApplyOne(catalog,
                       NewTable(table, {Serial("id")}, {Key(ConstraintType::kPrimaryKey, {"id"})})),
              IsOk());
  EXPECT_TRUE(catalog.sequences.contains({"public", std::string(56, 'a') + "_id_seq"}));
  EXPECT_TRUE(catalog.indexes.contains({"public", std::string(58, 'a') + "_pkey"}));
}

TEST(ApplyTable, KeepsOneIndexForDuplicateKeys) {
  Catalog catalog = NewCatalog();
  ASSERT_THAT(ApplyOne(catalog, NewTable("t", {Col("id"), Col("a")},
                                         {Key(ConstraintType::kUnique, {"id"}),
                                          Key(ConstraintType::kPrimaryKey, {"id"}),
                                          Key(ConstraintType::kUnique, {"a"}),
                                          Key(ConstraintType::kUnique, {"a"}, "named_a")})),
              IsOk());
  EXPECT_THAT(ConstraintNames(TableOf(catalog, "t")), ElementsAre("named_a", "t_pkey"));
  EXPECT_THAT(IndexNames(catalog), ElementsAre("named_a", "t_pkey"));
  EXPECT_TRUE(TableOf(catalog, "t").columns[0].not_null);
}

TEST(ApplyTable, AllowsSelfReferencingForeignKey) {
  Catalog catalog = NewCatalog();
  ConstraintDef parent = ForeignKey({"parent_id"}, "nodes");
  ASSERT_THAT(ApplyOne(catalog, NewTable("nodes", {Col("id"), Col("parent_id")},
                                         {parent, Key(ConstraintType::kPrimaryKey, {"id"})})),
              IsOk());
  const Constraint& fk = TableOf(catalog, "nodes").constraints.at("nodes_parent_id_fkey");
  EXPECT_EQ(fk.referenced_table, (QualifiedName{"public", "nodes"}));
  EXPECT_THAT(fk.referenced_columns, ElementsAre("id"));
}

TEST(ApplyTable, CreateTableIgnoresNotValid) {
  Catalog catalog = CatalogWithUsers();
  ConstraintDef check = Check("a > 0", {"a"});
  check.constraint.validated = false;
  ConstraintDef fk = ForeignKey({"a"}, "users");
  fk.constraint.validated = false;
  ASSERT_THAT(ApplyOne(catalog, NewTable("t", {Col("a")}, {check, fk})), IsOk());
  EXPECT_TRUE(TableOf(catalog, "t").constraints.at("t_a_check").validated);
  EXPECT_TRUE(TableOf(catalog, "t").constraints.at("t_a_fkey").validated);
}

TEST(ApplyTable, MergesInheritedColumnsAndChecks) {
  Catalog catalog = NewCatalog();
  ColumnDef a = Col("a", "integer", /*not_null=*/true);
  a.column.default_expr = "1";
  ConstraintDef no_inherit = Check("b <> ''::text", {"b"}, "parent_b_check");
  no_inherit.constraint.no_inherit = true;
  ASSERT_THAT(ApplyOne(catalog, NewTable("parent", {a, Col("b", "text")},
                                         {Check("a > 0", {"a"}), no_inherit})),
              IsOk());
  CreateTable child = NewTable("child", {Col("a"), Col("c")});
  child.table.inherits = {{"", "parent"}};
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, child, &notes), IsOk());
  EXPECT_THAT(Notes(notes), ElementsAre("merging column \"a\" with inherited definition"));
  const Table& table = TableOf(catalog, "child");
  ASSERT_EQ(table.columns.size(), 3u);
  EXPECT_EQ(table.columns[0].name, "a");
  EXPECT_TRUE(table.columns[0].is_local);
  EXPECT_EQ(table.columns[0].inherit_count, 1);
  EXPECT_TRUE(table.columns[0].not_null);
  EXPECT_EQ(table.columns[0].default_expr, "1");
  EXPECT_EQ(table.columns[1].name, "b");
  EXPECT_FALSE(table.columns[1].is_local);
  EXPECT_EQ(table.columns[1].inherit_count, 1);
  EXPECT_EQ(table.columns[2].name, "c");
  EXPECT_EQ(table.columns[2].inherit_count, 0);
  EXPECT_THAT(ConstraintNames(table), ElementsAre("parent_a_check"));
  EXPECT_THAT(table.inherits, ElementsAre(QualifiedName{"public", "parent"}));

  CreateTable conflict = NewTable("bad", {Col("a", "text")});
  conflict.table.inherits = {{"", "parent"}};
  EXPECT_THAT(ApplyOne(catalog, conflict),
              StatusIs(absl::StatusCode::kInvalidArgument, "column \"a\" has a type conflict"));
}

TEST(ApplyTable, ClonesParentObjectsOntoPartitions) {
  Catalog catalog = CatalogWithUsers();
  CreateTable parent = NewTable(
      "measurements", {Col("id"), Col("logdate", "date"), Col("city", "text"), Col("user_id")},
      {Key(ConstraintType::kPrimaryKey, {"id", "logdate"}), Check("id > 0", {"id"}),
       ForeignKey({"user_id"}, "users")});
  parent.table.partition_key = "RANGE (logdate)";
  ASSERT_THAT(ApplyOne(catalog, parent), IsOk());
  CreateIndex lower;
  lower.index.table = {"", "measurements"};
  IndexElement key;
  key.expression = "lower(city)";
  lower.index.keys = {key};
  lower.key_name_hints = {"lower"};
  ASSERT_THAT(ApplyOne(catalog, lower), IsOk());

  CreateTable partition = NewTable("m2024", {});
  partition.table.partition_of = QualifiedName{"", "measurements"};
  partition.table.partition_bound = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')";
  ASSERT_THAT(ApplyOne(catalog, partition), IsOk());

  const Table& table = TableOf(catalog, "m2024");
  EXPECT_EQ(table.partition_of, (QualifiedName{"public", "measurements"}));
  ASSERT_EQ(table.columns.size(), 4u);
  for (const Column& column : table.columns) {
    EXPECT_FALSE(column.is_local);
    EXPECT_EQ(column.inherit_count, 1);
  }
  EXPECT_TRUE(table.columns[0].not_null);
  EXPECT_THAT(ConstraintNames(table),
              ElementsAre("m2024_pkey", "measurements_id_check", "measurements_user_id_fkey"));
  EXPECT_EQ(table.constraints.at("m2024_pkey").type, ConstraintType::kPrimaryKey);
  EXPECT_THAT(IndexNames(catalog),
              ElementsAre("m2024_expr_idx", "m2024_pkey", "measurements_lower_idx",
                          "measurements_pkey", "users_email_key", "users_pkey"));
  EXPECT_EQ(catalog.indexes.at({"public", "m2024_pkey"}).constraint_name, "m2024_pkey");
  EXPECT_EQ(catalog.indexes.at({"public", "m2024_expr_idx"}).constraint_name, "");

  // A partition that already uses the foreign key's name gets a chosen one.
  CreateTable named =
      NewTable("m2025", {}, {Check("id < 100", {"id"}, "measurements_user_id_fkey")});
  named.table.partition_of = QualifiedName{"", "measurements"};
  ASSERT_THAT(ApplyOne(catalog, named), IsOk());
  EXPECT_THAT(ConstraintNames(TableOf(catalog, "m2025")),
              ElementsAre("m2025_pkey", "m2025_user_id_fkey", "measurements_id_check",
                          "measurements_user_id_fkey"));
}

TEST(ApplyTable, RejectsUniqueKeyWithoutPartitionColumns) {
  Catalog catalog = NewCatalog();
  CreateTable parent =
      NewTable("p", {Col("id"), Col("day", "date")}, {Key(ConstraintType::kPrimaryKey, {"id"})});
  parent.table.partition_key = "RANGE (day)";
  EXPECT_THAT(ApplyOne(catalog, parent),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "unique constraint on partitioned table must include all partitioning "
                       "columns"));
}

TEST(ApplyTable, CreatesTypedTable) {
  Catalog catalog = NewCatalog();
  UserType type;
  type.name = {"public", "address"};
  type.kind = UserTypeKind::kComposite;
  type.attributes = {{"street", TypeRef::Builtin("text"), ""},
                     {"zip", TypeRef::Builtin("integer"), ""}};
  catalog.types[type.name] = type;
  CreateTable m = NewTable("addresses", {}, {Key(ConstraintType::kPrimaryKey, {"zip"})});
  ColumnDef options;
  options.column.name = "street";
  options.column.not_null = true;
  m.columns = {options};
  m.of_type = QualifiedName{"", "address"};
  ASSERT_THAT(ApplyOne(catalog, m), IsOk());
  const Table& table = TableOf(catalog, "addresses");
  ASSERT_EQ(table.columns.size(), 2u);
  EXPECT_EQ(table.columns[0].type, TypeRef::Builtin("text"));
  EXPECT_TRUE(table.columns[0].not_null);
  EXPECT_TRUE(table.columns[1].not_null);  // primary key
  EXPECT_TRUE(table.columns[1].is_local);

  m.table.name.name = "other";
  m.of_type = QualifiedName{"", "missing"};
  EXPECT_THAT(ApplyOne(catalog, m),
              StatusIs(absl::StatusCode::kNotFound, "type \"missing\" does not exist"));
}

}  // namespace
}  // namespace pgdrift::model
