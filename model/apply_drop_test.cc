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

Mutation M(MutationBody body) {
  return Mutation{SourceSpan{"x.sql", 5, 1}, "stmt", std::move(body)};
}

DropObjects Drop(ObjectKind kind, std::vector<QualifiedName> names, bool cascade = false,
                 bool if_exists = false) {
  DropObjects drop;
  drop.kind = kind;
  drop.names = std::move(names);
  drop.cascade = cascade;
  drop.if_exists = if_exists;
  return drop;
}

std::vector<std::string> Messages(const DiagnosticSink& sink) {
  std::vector<std::string> messages;
  for (const Diagnostic& d : sink.diagnostics()) messages.push_back(d.message);
  return messages;
}

Column Col(std::string name, TypeRef type = TypeRef::Builtin("integer")) {
  Column column;
  column.name = std::move(name);
  column.type = std::move(type);
  return column;
}

Table& AddTable(Catalog& catalog, QualifiedName name, std::vector<Column> columns) {
  Table& table = catalog.tables[name];
  table.name = name;
  table.columns = std::move(columns);
  return table;
}

Index& AddIndex(Catalog& catalog, QualifiedName name, QualifiedName table,
                std::vector<std::string> columns, std::string constraint = "") {
  Index& index = catalog.indexes[name];
  index.name = name;
  index.table = table;
  for (std::string& column : columns) index.keys.push_back(IndexElement{.column = column});
  index.constraint_name = std::move(constraint);
  return index;
}

Sequence& AddSequence(Catalog& catalog, QualifiedName name) {
  Sequence& sequence = catalog.sequences[name];
  sequence.name = name;
  return sequence;
}

Lineage CreatedAt(int line) { return Lineage::At(SourceSpan{"chain.sql", line, 1}); }

// a ← b (foreign key); c with a serial id whose sequence d.x also uses and a default on the
// free sequence shared; enum mood used by e.m, composite pair and domain happy; f with an
// identity column; partitioned p with p1; parent with kid (INHERITS); schema app.
Catalog Base() {
  Catalog catalog;
  for (const char* schema : {"public", "app", "empty"}) catalog.schemas[schema] = Schema{schema};
  Table& a = AddTable(catalog, {"public", "a"}, {Col("id"), Col("name")});
  a.constraints["a_pkey"] =
      Constraint{.name = "a_pkey", .type = ConstraintType::kPrimaryKey, .columns = {"id"}};
  AddIndex(catalog, {"public", "a_pkey"}, {"public", "a"}, {"id"}, "a_pkey");
  Table& b = AddTable(catalog, {"public", "b"}, {Col("id"), Col("a_id")});
  b.constraints["b_a_id_fkey"] = Constraint{.name = "b_a_id_fkey",
                                            .type = ConstraintType::kForeignKey,
                                            .columns = {"a_id"},
                                            .referenced_table = {"public", "a"},
                                            .referenced_columns = {"id"}};
  AddIndex(catalog, {"public", "b_a_id_idx"}, {"public", "b"}, {"a_id"});

  Table& c = AddTable(catalog, {"public", "c"}, {Col("id"), Col("n")});
  c.columns[0].default_expr = "nextval('public.c_id_seq'::regclass)";
  c.columns[1].default_expr = "nextval('public.shared'::regclass)";
  AddSequence(catalog, {"public", "c_id_seq"}).owned_by = SequenceOwner{{"public", "c"}, "id"};
  AddSequence(catalog, {"public", "shared"});
  AddTable(catalog, {"public", "d"}, {Col("x")}).columns[0].default_expr =
      "nextval('public.c_id_seq'::regclass)";

  const TypeRef mood{"public", "mood"};
  UserType& enum_type = catalog.types[{"public", "mood"}];
  enum_type.name = {"public", "mood"};
  enum_type.lineage = CreatedAt(1);
  Table& e = AddTable(catalog, {"public", "e"}, {Col("m", mood), Col("n")});
  e.columns[0].lineage = CreatedAt(10);
  AddIndex(catalog, {"public", "e_m_idx"}, {"public", "e"}, {"m"});
  UserType& pair = catalog.types[{"public", "pair"}];
  pair.name = {"public", "pair"};
  pair.kind = UserTypeKind::kComposite;
  pair.attributes = {{"p", mood, ""}, {"q", TypeRef::Builtin("integer"), ""}};
  pair.lineage = CreatedAt(20);
  Domain& happy = catalog.domains[{"public", "happy"}];
  happy.name = {"public", "happy"};
  happy.base_type = mood;
  happy.lineage = CreatedAt(30);

  AddTable(catalog, {"public", "f"}, {Col("id")}).columns[0].identity = IdentityKind::kAlways;
  Sequence& identity = AddSequence(catalog, {"public", "f_id_seq"});
  identity.owned_by = SequenceOwner{{"public", "f"}, "id"};
  identity.identity = true;

  AddTable(catalog, {"public", "p"}, {Col("k")}).partition_key = "LIST (k)";
  AddTable(catalog, {"public", "p1"}, {Col("k")}).partition_of = QualifiedName{"public", "p"};
  AddTable(catalog, {"public", "parent"}, {Col("k")});
  AddTable(catalog, {"public", "kid"}, {Col("k")}).inherits = {{"public", "parent"}};

  AddTable(catalog, {"app", "t"}, {Col("id")});
  AddSequence(catalog, {"app", "s"});
  catalog.types[{"app", "k"}].name = {"app", "k"};
  catalog.extensions["citext"] = Extension{"citext", "public"};
  return catalog;
}

TEST(ApplyDrop, RestrictRefusesWithPostgresDetail) {
  Catalog catalog = Base();
  EXPECT_THAT(Apply(M(Drop(ObjectKind::kTable, {{"", "a"}})), &catalog, nullptr),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "x.sql:5:1: cannot drop table a because other objects depend on it\n"
                       "DETAIL:  constraint b_a_id_fkey on table b depends on table a\n"
                       "HINT:  Use DROP ... CASCADE to drop the dependent objects too."));
  EXPECT_TRUE(catalog.tables.contains({"public", "a"}));
  EXPECT_TRUE(catalog.indexes.contains({"public", "a_pkey"}));
}

TEST(ApplyDrop, CascadeDropsDependentsWithNotice) {
  Catalog catalog = Base();
  DiagnosticSink notes;
  ASSERT_THAT(Apply(M(Drop(ObjectKind::kTable, {{"public", "a"}}, true)), &catalog, &notes),
              IsOk());
  EXPECT_THAT(Messages(notes), ElementsAre("drop cascades to constraint b_a_id_fkey on table b"));
  EXPECT_FALSE(catalog.tables.contains({"public", "a"}));
  EXPECT_FALSE(catalog.indexes.contains({"public", "a_pkey"}));
  EXPECT_THAT(catalog.tables.at({"public", "b"}).constraints, IsEmpty());
  EXPECT_EQ(catalog.tables.at({"public", "b"}).columns.size(), 2u);
  EXPECT_TRUE(catalog.indexes.contains({"public", "b_a_id_idx"}));
}

TEST(ApplyDrop, DropsATablesOwnPartsSilently) {
  Catalog catalog = Base();
  DiagnosticSink notes;
  ASSERT_THAT(
      Apply(M(Drop(ObjectKind::kTable, {{"", "b"}, {"", "f"}, {"", "p"}})), &catalog, &notes),
      IsOk());
  EXPECT_THAT(notes.diagnostics(), IsEmpty());
  EXPECT_FALSE(catalog.tables.contains({"public", "b"}));
  EXPECT_FALSE(catalog.indexes.contains({"public", "b_a_id_idx"}));
  EXPECT_FALSE(catalog.sequences.contains({"public", "f_id_seq"}));
  // Partitions go with their partitioned table (pg_depend 'a').
  EXPECT_FALSE(catalog.tables.contains({"public", "p1"}));
  EXPECT_TRUE(catalog.tables.contains({"public", "a"}));
}

TEST(ApplyDrop, DroppingTogetherNeedsNoCascade) {
  Catalog catalog = Base();
  ASSERT_THAT(Apply(M(Drop(ObjectKind::kTable, {{"", "a"}, {"", "b"}})), &catalog, nullptr),
              IsOk());
  EXPECT_FALSE(catalog.tables.contains({"public", "a"}));
  EXPECT_FALSE(catalog.tables.contains({"public", "b"}));
  ASSERT_THAT(Apply(M(Drop(ObjectKind::kTable, {{"", "parent"}, {"", "kid"}})), &catalog, nullptr),
              IsOk());
  EXPECT_THAT(
      Apply(M(Drop(ObjectKind::kTable, {{"", "c"}, {"", "e"}})), &catalog, nullptr),
      StatusIs(absl::StatusCode::kFailedPrecondition,
               "cannot drop desired object(s) because other objects depend on them\n"
               "DETAIL:  default value for column x of table d depends on sequence c_id_seq"));
}

TEST(ApplyDrop, OwnedSequenceUsedElsewhereNeedsCascade) {
  Catalog catalog = Base();
  DiagnosticSink notes;
  EXPECT_THAT(Apply(M(Drop(ObjectKind::kTable, {{"", "c"}})), &catalog, &notes),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "cannot drop table c because other objects depend on it\nDETAIL:  default "
                       "value for column x of table d depends on sequence c_id_seq\nHINT:"));
  ASSERT_THAT(Apply(M(Drop(ObjectKind::kTable, {{"", "c"}}, true)), &catalog, &notes), IsOk());
  EXPECT_THAT(Messages(notes),
              ElementsAre("drop cascades to default value for column x of table d"));
  EXPECT_FALSE(catalog.sequences.contains({"public", "c_id_seq"}));
  EXPECT_TRUE(catalog.sequences.contains({"public", "shared"}));
  ASSERT_EQ(catalog.tables.at({"public", "d"}).columns.size(), 1u);
  EXPECT_FALSE(catalog.tables.at({"public", "d"}).columns[0].default_expr.has_value());
}

TEST(ApplyDrop, DroppingASequenceCascadesToDefaultsOnly) {
  Catalog catalog = Base();
  DiagnosticSink notes;
  EXPECT_THAT(Apply(M(Drop(ObjectKind::kSequence, {{"", "shared"}})), &catalog, &notes),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "cannot drop sequence shared because other objects depend on it\nDETAIL:  "
                       "default value for column n of table c depends on sequence shared"));
  ASSERT_THAT(Apply(M(Drop(ObjectKind::kSequence, {{"", "shared"}}, true)), &catalog, &notes),
              IsOk());
  EXPECT_THAT(Messages(notes),
              ElementsAre("drop cascades to default value for column n of table c"));
  const Table& c = catalog.tables.at({"public", "c"});
  ASSERT_EQ(c.columns.size(), 2u);
  EXPECT_FALSE(c.columns[1].default_expr.has_value());
  EXPECT_EQ(c.columns[0].default_expr, "nextval('public.c_id_seq'::regclass)");
}

TEST(ApplyDrop, DroppingATypeCascadesToItsUses) {
  Catalog catalog = Base();
  EXPECT_THAT(Apply(M(Drop(ObjectKind::kType, {{"", "mood"}})), &catalog, nullptr),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "cannot drop type mood because other objects depend on it\n"
                       "DETAIL:  column m of table e depends on type mood\n"
                       "column p of composite type pair depends on type mood\n"
                       "type happy depends on type mood\n"
                       "HINT:  Use DROP ... CASCADE to drop the dependent objects too."));
  DiagnosticSink notes;
  ASSERT_THAT(Apply(M(Drop(ObjectKind::kType, {{"", "mood"}}, true)), &catalog, &notes), IsOk());
  EXPECT_THAT(Messages(notes), ElementsAre("drop cascades to 3 other objects\n"
                                           "DETAIL:  drop cascades to column m of table e\n"
                                           "drop cascades to column p of composite type pair\n"
                                           "drop cascades to type happy"));
  EXPECT_FALSE(catalog.types.contains({"public", "mood"}));
  EXPECT_FALSE(catalog.domains.contains({"public", "happy"}));
  ASSERT_EQ(catalog.tables.at({"public", "e"}).columns.size(), 1u);
  EXPECT_EQ(catalog.tables.at({"public", "e"}).columns[0].name, "n");
  EXPECT_FALSE(catalog.indexes.contains({"public", "e_m_idx"}));
  ASSERT_EQ(catalog.types.at({"public", "pair"}).attributes.size(), 1u);
  EXPECT_EQ(catalog.types.at({"public", "pair"}).attributes[0].name, "q");
}

TEST(ApplyDrop, DroppingASchemaNeedsCascadeUnlessEmpty) {
  Catalog catalog = Base();
  EXPECT_THAT(Apply(M(Drop(ObjectKind::kSchema, {{"", "app"}})), &catalog, nullptr),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "cannot drop schema app because other objects depend on it\n"
                       "DETAIL:  type app.k depends on schema app\n"
                       "sequence app.s depends on schema app\n"
                       "table app.t depends on schema app\nHINT:"));
  DiagnosticSink notes;
  ASSERT_THAT(
      Apply(M(Drop(ObjectKind::kSchema, {{"", "app"}, {"", "empty"}}, true)), &catalog, &notes),
      IsOk());
  EXPECT_THAT(Messages(notes), ElementsAre("drop cascades to 3 other objects\n"
                                           "DETAIL:  drop cascades to type app.k\n"
                                           "drop cascades to sequence app.s\n"
                                           "drop cascades to table app.t"));
  EXPECT_FALSE(catalog.schemas.contains("app"));
  EXPECT_FALSE(catalog.schemas.contains("empty"));
  EXPECT_FALSE(catalog.tables.contains({"app", "t"}));
  EXPECT_FALSE(catalog.sequences.contains({"app", "s"}));
  EXPECT_FALSE(catalog.types.contains({"app", "k"}));
  EXPECT_TRUE(catalog.tables.contains({"public", "a"}));
}

TEST(ApplyDrop, InheritanceChildrenNeedCascade) {
  Catalog catalog = Base();
  EXPECT_THAT(Apply(M(Drop(ObjectKind::kTable, {{"", "parent"}})), &catalog, nullptr),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "DETAIL:  table kid depends on table parent"));
  DiagnosticSink notes;
  ASSERT_THAT(Apply(M(Drop(ObjectKind::kTable, {{"", "parent"}}, true)), &catalog, &notes), IsOk());
  EXPECT_THAT(Messages(notes), ElementsAre("drop cascades to table kid"));
  EXPECT_FALSE(catalog.tables.contains({"public", "kid"}));
}

TEST(ApplyDrop, RefusesObjectsOwnedByAnother) {
  struct Row {
    DropObjects mutation;
    std::string message;
  };
  const std::vector<Row> rows = {
      {Drop(ObjectKind::kIndex, {{"", "a_pkey"}}, true),
       "cannot drop index a_pkey because constraint a_pkey on table a requires it\nHINT:  You can "
       "drop constraint a_pkey on table a instead."},
      {Drop(ObjectKind::kSequence, {{"", "f_id_seq"}}),
       "cannot drop sequence f_id_seq because column id of table f requires it\nHINT:  You can "
       "drop "
       "column id of table f instead."},
      {Drop(ObjectKind::kType, {{"", "a"}}),
       "cannot drop type a because table a requires it\nHINT:  You can drop table a instead."},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr),
                StatusIs(absl::StatusCode::kFailedPrecondition, row.message));
    EXPECT_TRUE(catalog.indexes.contains({"public", "a_pkey"}));
    EXPECT_TRUE(catalog.sequences.contains({"public", "f_id_seq"}));
  }
}

TEST(ApplyDrop, ReportsMissingAndMisnamedObjects) {
  struct Row {
    DropObjects mutation;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {Drop(ObjectKind::kTable, {{"public", "nope"}}), absl::StatusCode::kNotFound,
       "table \"nope\" does not exist"},
      {Drop(ObjectKind::kTable, {{"ghost", "nope"}}), absl::StatusCode::kNotFound,
       "schema \"ghost\" does not exist"},
      {Drop(ObjectKind::kSequence, {{"", "nope"}}), absl::StatusCode::kNotFound,
       "sequence \"nope\" does not exist"},
      {Drop(ObjectKind::kIndex, {{"", "nope"}}), absl::StatusCode::kNotFound,
       "index \"nope\" does not exist"},
      {Drop(ObjectKind::kType, {{"public", "nope"}}), absl::StatusCode::kNotFound,
       "type \"public.nope\" does not exist"},
      {Drop(ObjectKind::kDomain, {{"", "nope"}}), absl::StatusCode::kNotFound,
       "type \"nope\" does not exist"},
      {Drop(ObjectKind::kSchema, {{"", "nope"}}), absl::StatusCode::kNotFound,
       "schema \"nope\" does not exist"},
      {Drop(ObjectKind::kExtension, {{"", "nope"}}), absl::StatusCode::kNotFound,
       "extension \"nope\" does not exist"},
      {Drop(ObjectKind::kTable, {{"", "shared"}}), absl::StatusCode::kInvalidArgument,
       "\"shared\" is not a table\nHINT:  Use DROP SEQUENCE to remove a sequence."},
      {Drop(ObjectKind::kIndex, {{"", "a"}}), absl::StatusCode::kInvalidArgument,
       "\"a\" is not an index\nHINT:  Use DROP TABLE to remove a table."},
      {Drop(ObjectKind::kTable, {{"", "pair"}}), absl::StatusCode::kInvalidArgument,
       "\"pair\" is not a table\nHINT:  Use DROP TYPE to remove a type."},
      {Drop(ObjectKind::kDomain, {{"", "mood"}}), absl::StatusCode::kInvalidArgument,
       "\"mood\" is not a domain"},
      // A later missing name fails the whole statement.
      {Drop(ObjectKind::kTable, {{"", "b"}, {"", "nope"}}), absl::StatusCode::kNotFound,
       "table \"nope\" does not exist"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_TRUE(catalog.tables.contains({"public", "b"}));
  }
}

TEST(ApplyDrop, IfExistsSkipsMissingNamesWithNotice) {
  Catalog catalog = Base();
  DiagnosticSink notes;
  const std::vector<DropObjects> drops = {
      Drop(ObjectKind::kTable, {{"", "nope"}, {"", "b"}}, false, true),
      Drop(ObjectKind::kTable, {{"ghost", "nope"}}, false, true),
      Drop(ObjectKind::kSequence, {{"", "nope"}}, false, true),
      Drop(ObjectKind::kIndex, {{"", "nope"}}, false, true),
      Drop(ObjectKind::kType, {{"", "nope"}}, false, true),
      Drop(ObjectKind::kDomain, {{"", "nope"}}, false, true),
      Drop(ObjectKind::kSchema, {{"", "nope"}}, false, true),
      Drop(ObjectKind::kExtension, {{"", "nope"}}, false, true),
  };
  for (const DropObjects& drop : drops) ASSERT_THAT(Apply(M(drop), &catalog, &notes), IsOk());
  EXPECT_THAT(Messages(notes), ElementsAre("table \"nope\" does not exist, skipping",
                                           "schema \"ghost\" does not exist, skipping",
                                           "sequence \"nope\" does not exist, skipping",
                                           "index \"nope\" does not exist, skipping",
                                           "type \"nope\" does not exist, skipping",
                                           "type \"nope\" does not exist, skipping",
                                           "schema \"nope\" does not exist, skipping",
                                           "extension \"nope\" does not exist, skipping"));
  EXPECT_FALSE(catalog.tables.contains({"public", "b"}));
}

TEST(ApplyDrop, DropsIndexesDomainsAndExtensions) {
  Catalog catalog = Base();
  catalog.tables.at({"public", "b"}).replica_identity = ReplicaIdentity::kIndex;
  catalog.tables.at({"public", "b"}).replica_identity_index = "b_a_id_idx";
  ASSERT_THAT(Apply(M(Drop(ObjectKind::kIndex, {{"", "b_a_id_idx"}})), &catalog, nullptr), IsOk());
  EXPECT_FALSE(catalog.indexes.contains({"public", "b_a_id_idx"}));
  EXPECT_EQ(catalog.tables.at({"public", "b"}).replica_identity_index, "");
  ASSERT_THAT(Apply(M(Drop(ObjectKind::kDomain, {{"", "happy"}})), &catalog, nullptr), IsOk());
  EXPECT_FALSE(catalog.domains.contains({"public", "happy"}));
  ASSERT_THAT(Apply(M(Drop(ObjectKind::kExtension, {{"", "citext"}})), &catalog, nullptr), IsOk());
  EXPECT_FALSE(catalog.extensions.contains("citext"));
}

// A partition's index attached to a partitioned index (pg_depend 'P' and 'S').
TEST(ApplyDrop, AnAttachedIndexGoesWithItsPartitionedIndex) {
  Catalog catalog = Base();
  AddIndex(catalog, {"public", "p_k_idx"}, {"public", "p"}, {"k"});
  AddIndex(catalog, {"public", "p1_k_idx"}, {"public", "p1"}, {"k"}).parent_index =
      QualifiedName{"public", "p_k_idx"};
  AddIndex(catalog, {"public", "p1_own"}, {"public", "p1"}, {"k"});
  EXPECT_THAT(Apply(M(Drop(ObjectKind::kIndex, {{"", "p1_k_idx"}})), &catalog, nullptr),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "cannot drop index p1_k_idx because index p_k_idx requires it\nHINT:  You "
                       "can drop index p_k_idx instead."));
  DiagnosticSink notes;
  ASSERT_THAT(Apply(M(Drop(ObjectKind::kIndex, {{"", "p_k_idx"}})), &catalog, &notes), IsOk());
  EXPECT_THAT(Messages(notes), IsEmpty());
  EXPECT_FALSE(catalog.indexes.contains({"public", "p_k_idx"}));
  EXPECT_FALSE(catalog.indexes.contains({"public", "p1_k_idx"}));
  EXPECT_TRUE(catalog.indexes.contains({"public", "p1_own"}));
}

}  // namespace
}  // namespace pgdrift::model
