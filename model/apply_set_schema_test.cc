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

Mutation M(MutationBody body) {
  return Mutation{SourceSpan{"s.sql", 9, 3}, "stmt", std::move(body)};
}

SetSchema Move(ObjectKind kind, QualifiedName object, std::string schema) {
  SetSchema set;
  set.kind = kind;
  set.object = std::move(object);
  set.new_schema = std::move(schema);
  return set;
}

Column Col(std::string name, TypeRef type = TypeRef::Builtin("integer")) {
  Column column;
  column.name = std::move(name);
  column.type = std::move(type);
  return column;
}

// public: table t (serial id with sequence t_id_seq, index t_pkey), table u referencing t
// and using its row type, enum mood, range span, domain dm, free sequence counter;
// schemas app and archive (archive holds a table "taken" and an enum "busy").
Catalog Base() {
  Catalog catalog;
  for (const char* schema : {"public", "app", "archive"}) catalog.schemas[schema] = Schema{schema};
  Table& t = catalog.tables[{"public", "t"}];
  t.name = {"public", "t"};
  t.columns = {Col("id"), Col("m", TypeRef{"public", "mood"})};
  t.columns[0].default_expr = "nextval('public.t_id_seq'::regclass)";
  t.constraints["t_pkey"].name = "t_pkey";
  t.constraints["t_pkey"].type = ConstraintType::kPrimaryKey;
  t.constraints["t_pkey"].columns = {"id"};
  Index& pkey = catalog.indexes[{"public", "t_pkey"}];
  pkey.name = {"public", "t_pkey"};
  pkey.table = {"public", "t"};
  pkey.constraint_name = "t_pkey";
  Sequence& serial = catalog.sequences[{"public", "t_id_seq"}];
  serial.name = {"public", "t_id_seq"};
  serial.owned_by = SequenceOwner{{"public", "t"}, "id"};
  catalog.sequences[{"public", "counter"}].name = {"public", "counter"};

  Table& u = catalog.tables[{"public", "u"}];
  u.name = {"public", "u"};
  u.columns = {Col("t_id"), Col("row", TypeRef{"public", "t"})};
  u.constraints["u_t_id_fkey"].name = "u_t_id_fkey";
  u.constraints["u_t_id_fkey"].type = ConstraintType::kForeignKey;
  u.constraints["u_t_id_fkey"].columns = {"t_id"};
  u.constraints["u_t_id_fkey"].referenced_table = {"public", "t"};
  u.constraints["u_t_id_fkey"].referenced_columns = {"id"};

  catalog.types[{"public", "mood"}].name = {"public", "mood"};
  UserType& span = catalog.types[{"public", "span"}];
  span.name = {"public", "span"};
  span.kind = UserTypeKind::kRange;
  span.multirange_name = "span_multirange";
  Domain& dm = catalog.domains[{"public", "dm"}];
  dm.name = {"public", "dm"};
  dm.base_type = TypeRef{"public", "mood"};
  dm.default_expr = "'ok'::public.mood";

  catalog.tables[{"archive", "taken"}].name = {"archive", "taken"};
  catalog.types[{"archive", "busy"}].name = {"archive", "busy"};
  catalog.types[{"archive", "span_multirange"}].name = {"archive", "span_multirange"};
  catalog.extensions["citext"] = Extension{"citext", "public"};
  return catalog;
}

TEST(ApplySetSchema, MovesATableWithItsIndexesAndOwnedSequences) {
  Catalog catalog = Base();
  Index& attached = catalog.indexes[{"public", "t_part_pkey"}];
  attached.name = {"public", "t_part_pkey"};
  attached.table = {"public", "u"};
  attached.parent_index = QualifiedName{"public", "t_pkey"};
  SetSchema move = Move(ObjectKind::kTable, {"", "t"}, "app");
  move.expression_rewrites = {
      {"nextval('public.t_id_seq'::regclass)", "nextval('app.t_id_seq'::regclass)"}};
  ASSERT_THAT(Apply(M(move), &catalog, nullptr), IsOk());
  const QualifiedName moved{"app", "t"};
  ASSERT_TRUE(catalog.tables.contains(moved));
  EXPECT_FALSE(catalog.tables.contains({"public", "t"}));
  EXPECT_EQ(catalog.tables.at(moved).name, moved);
  EXPECT_EQ(catalog.tables.at(moved).lineage.changed.line, 9);
  EXPECT_EQ(catalog.indexes.at({"app", "t_pkey"}).name, (QualifiedName{"app", "t_pkey"}));
  EXPECT_EQ(catalog.indexes.at({"app", "t_pkey"}).table, moved);
  EXPECT_FALSE(catalog.indexes.contains({"public", "t_pkey"}));
  // An index attached to one that moved follows it (pg_inherits holds OIDs).
  EXPECT_EQ(catalog.indexes.at({"public", "t_part_pkey"}).parent_index,
            (QualifiedName{"app", "t_pkey"}));
  EXPECT_EQ(catalog.sequences.at({"app", "t_id_seq"}).owned_by->table, moved);
  EXPECT_TRUE(catalog.sequences.contains({"public", "counter"}));
  EXPECT_EQ(catalog.tables.at({"public", "u"}).constraints.at("u_t_id_fkey").referenced_table,
            moved);
  EXPECT_EQ(catalog.tables.at({"public", "u"}).columns[1].type, (TypeRef{"app", "t"}));
  EXPECT_EQ(catalog.tables.at(moved).columns[0].default_expr, "nextval('app.t_id_seq'::regclass)");
}

TEST(ApplySetSchema, MovesSequencesTypesDomainsAndExtensions) {
  Catalog catalog = Base();
  ASSERT_THAT(Apply(M(Move(ObjectKind::kSequence, {"", "counter"}, "app")), &catalog, nullptr),
              IsOk());
  EXPECT_EQ(catalog.sequences.at({"app", "counter"}).name, (QualifiedName{"app", "counter"}));

  SetSchema type = Move(ObjectKind::kType, {"public", "mood"}, "app");
  type.expression_rewrites = {{"'ok'::public.mood", "'ok'::app.mood"}};
  ASSERT_THAT(Apply(M(type), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.types.at({"app", "mood"}).name, (QualifiedName{"app", "mood"}));
  EXPECT_EQ(catalog.tables.at({"public", "t"}).columns[1].type, (TypeRef{"app", "mood"}));
  EXPECT_EQ(catalog.domains.at({"public", "dm"}).base_type, (TypeRef{"app", "mood"}));
  EXPECT_EQ(catalog.domains.at({"public", "dm"}).default_expr, "'ok'::app.mood");

  ASSERT_THAT(Apply(M(Move(ObjectKind::kDomain, {"", "dm"}, "app")), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.domains.at({"app", "dm"}).name, (QualifiedName{"app", "dm"}));

  ASSERT_THAT(Apply(M(Move(ObjectKind::kExtension, {"", "citext"}, "app")), &catalog, nullptr),
              IsOk());
  EXPECT_EQ(catalog.extensions.at("citext").schema, "app");
}

TEST(ApplySetSchema, MovingIntoTheSameSchemaChangesNothing) {
  Catalog catalog = Base();
  SetSchema move = Move(ObjectKind::kTable, {"public", "t"}, "public");
  move.expression_rewrites = {{"nextval('public.t_id_seq'::regclass)", "changed"}};
  ASSERT_THAT(Apply(M(move), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.tables.at({"public", "t"}).columns[0].default_expr,
            "nextval('public.t_id_seq'::regclass)");
  EXPECT_EQ(catalog.tables.at({"public", "t"}).lineage.changed.line, 0);
  ASSERT_THAT(Apply(M(Move(ObjectKind::kType, {"", "mood"}, "public")), &catalog, nullptr), IsOk());
  EXPECT_TRUE(catalog.types.contains({"public", "mood"}));
}

TEST(ApplySetSchema, RejectsMovesPostgresRejects) {
  struct Row {
    SetSchema mutation;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {Move(ObjectKind::kTable, {"", "nope"}, "app"), absl::StatusCode::kNotFound,
       "s.sql:9:3: relation \"nope\" does not exist"},
      {Move(ObjectKind::kTable, {"", "t"}, "nowhere"), absl::StatusCode::kNotFound,
       "schema \"nowhere\" does not exist"},
      {Move(ObjectKind::kSequence, {"", "t_id_seq"}, "app"), absl::StatusCode::kFailedPrecondition,
       "cannot move an owned sequence into another schema\nDETAIL:  Sequence \"t_id_seq\" is "
       "linked "
       "to table \"t\"."},
      {Move(ObjectKind::kSequence, {"", "t"}, "app"), absl::StatusCode::kInvalidArgument,
       "\"t\" is not a sequence"},
      {Move(ObjectKind::kTable, {"", "t_pkey"}, "app"), absl::StatusCode::kInvalidArgument,
       "cannot change schema of index \"t_pkey\"\nHINT:  Change the schema of the table instead."},
      {Move(ObjectKind::kType, {"", "nope"}, "app"), absl::StatusCode::kNotFound,
       "type \"nope\" does not exist"},
      {Move(ObjectKind::kType, {"", "t"}, "app"), absl::StatusCode::kInvalidArgument,
       "t is a table's row type\nHINT:  Use ALTER TABLE instead."},
      {Move(ObjectKind::kDomain, {"", "mood"}, "app"), absl::StatusCode::kInvalidArgument,
       "mood is not a domain"},
      {Move(ObjectKind::kType, {"", "span"}, "archive"), absl::StatusCode::kAlreadyExists,
       "type \"span_multirange\" already exists in schema \"archive\""},
      {Move(ObjectKind::kExtension, {"", "nope"}, "app"), absl::StatusCode::kNotFound,
       "extension \"nope\" does not exist"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_TRUE(catalog.tables.contains({"public", "t"}));
    EXPECT_TRUE(catalog.sequences.contains({"public", "t_id_seq"}));
    EXPECT_TRUE(catalog.types.contains({"public", "span"}));
  }
}

TEST(ApplySetSchema, RejectsNamesTakenInTheTargetSchema) {
  struct Row {
    std::string setup;  // what archive gets before the move
    SetSchema mutation;
    std::string message;
  };
  const std::vector<Row> rows = {
      {"table t", Move(ObjectKind::kTable, {"", "t"}, "archive"),
       "relation \"t\" already exists in schema \"archive\""},
      {"type t", Move(ObjectKind::kTable, {"", "t"}, "archive"),
       "type \"t\" already exists in schema \"archive\""},
      {"index t_pkey", Move(ObjectKind::kTable, {"", "t"}, "archive"),
       "relation \"t_pkey\" already exists in schema \"archive\""},
      {"sequence t_id_seq", Move(ObjectKind::kTable, {"", "t"}, "archive"),
       "relation \"t_id_seq\" already exists in schema \"archive\""},
      {"type mood", Move(ObjectKind::kType, {"", "mood"}, "archive"),
       "type \"mood\" already exists in schema \"archive\""},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.setup);
    Catalog catalog = Base();
    if (row.setup == "table t") catalog.tables[{"archive", "t"}].name = {"archive", "t"};
    if (row.setup == "type t") catalog.types[{"archive", "t"}].name = {"archive", "t"};
    if (row.setup == "index t_pkey")
      catalog.indexes[{"archive", "t_pkey"}].name = {"archive", "t_pkey"};
    if (row.setup == "sequence t_id_seq") {
      catalog.sequences[{"archive", "t_id_seq"}].name = {"archive", "t_id_seq"};
    }
    if (row.setup == "type mood") catalog.types[{"archive", "mood"}].name = {"archive", "mood"};
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr),
                StatusIs(absl::StatusCode::kAlreadyExists, row.message));
    EXPECT_TRUE(catalog.tables.contains({"public", "t"}));
    EXPECT_TRUE(catalog.indexes.contains({"public", "t_pkey"}));
    EXPECT_TRUE(catalog.types.contains({"public", "mood"}));
  }
}

TEST(ApplySetSchema, SkipsMissingObjectsWithNotice) {
  Catalog catalog = Base();
  DiagnosticSink notes;
  SetSchema table = Move(ObjectKind::kTable, {"", "nope"}, "app");
  table.if_exists = true;
  SetSchema type = Move(ObjectKind::kType, {"public", "nope"}, "app");
  type.if_exists = true;
  ASSERT_THAT(Apply(M(table), &catalog, &notes), IsOk());
  ASSERT_THAT(Apply(M(type), &catalog, &notes), IsOk());
  std::vector<std::string> messages;
  for (const Diagnostic& d : notes.diagnostics()) messages.push_back(d.message);
  EXPECT_THAT(messages, ElementsAre("relation \"nope\" does not exist, skipping",
                                    "type \"public.nope\" does not exist, skipping"));
}

}  // namespace
}  // namespace pgdrift::model
