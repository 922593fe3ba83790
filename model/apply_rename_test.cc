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
  return Mutation{SourceSpan{"r.sql", 4, 1}, "stmt", std::move(body)};
}

Rename RenameOf(ObjectKind kind, QualifiedName object, std::string new_name, std::string sub = "") {
  Rename rename;
  rename.kind = kind;
  rename.object = std::move(object);
  rename.sub_name = std::move(sub);
  rename.new_name = std::move(new_name);
  return rename;
}

Column Col(std::string name, TypeRef type = TypeRef::Builtin("integer"), int inherited = 0) {
  Column column;
  column.name = std::move(name);
  column.type = std::move(type);
  column.inherit_count = inherited;
  column.is_local = inherited == 0;
  return column;
}

Constraint Key(ConstraintType type, std::string name, std::vector<std::string> columns) {
  Constraint constraint;
  constraint.type = type;
  constraint.name = std::move(name);
  constraint.columns = std::move(columns);
  return constraint;
}

Index& AddIndex(Catalog& catalog, std::string name, std::string table,
                std::vector<std::string> columns, std::string constraint = "") {
  Index& index = catalog.indexes[{"public", name}];
  index.name = {"public", name};
  index.table = {"public", table};
  for (std::string& column : columns) index.keys.push_back(IndexElement{.column = column});
  index.constraint_name = std::move(constraint);
  return index;
}

// public: enum mood, domain dm over mood, table a (serial id, m mood, code) with its
// keys and indexes, table b referencing a and using its row type, table child inheriting
// a; schema app; composite type pair.
Catalog Base() {
  Catalog catalog;
  catalog.schemas["public"] = Schema{"public"};
  catalog.schemas["app"] = Schema{"app"};
  catalog.extensions["pgcrypto"] = Extension{"pgcrypto", "public"};
  catalog.types[{"public", "mood"}].name = {"public", "mood"};
  UserType& pair = catalog.types[{"public", "pair"}];
  pair.name = {"public", "pair"};
  pair.kind = UserTypeKind::kComposite;
  pair.attributes = {{"x", TypeRef{"public", "mood"}, ""}, {"y", TypeRef::Builtin("integer"), ""}};
  Domain& dm = catalog.domains[{"public", "dm"}];
  dm.name = {"public", "dm"};
  dm.base_type = TypeRef{"public", "mood"};
  dm.checks["dm_check"] = DomainCheck{"dm_check", "(VALUE <> 'sad'::mood)"};
  catalog.domains[{"public", "other"}].name = {"public", "other"};

  Table& a = catalog.tables[{"public", "a"}];
  a.name = {"public", "a"};
  a.columns = {Col("id"), Col("m", TypeRef{"public", "mood"}),
               Col("code", TypeRef::Builtin("text"))};
  a.columns[0].default_expr = "nextval('public.a_id_seq'::regclass)";
  a.constraints["a_pkey"] = Key(ConstraintType::kPrimaryKey, "a_pkey", {"id"});
  a.constraints["a_code_key"] = Key(ConstraintType::kUnique, "a_code_key", {"code"});
  Constraint check = Key(ConstraintType::kCheck, "a_code_check", {});
  check.expression = "(length(code) > 1)";
  a.constraints["a_code_check"] = check;
  a.replica_identity = ReplicaIdentity::kIndex;
  a.replica_identity_index = "a_code_key";
  AddIndex(catalog, "a_pkey", "a", {"id"}, "a_pkey");
  AddIndex(catalog, "a_code_key", "a", {"code"}, "a_code_key");
  AddIndex(catalog, "a_m_idx", "a", {"m"}).include = {"code"};
  Sequence& sequence = catalog.sequences[{"public", "a_id_seq"}];
  sequence.name = {"public", "a_id_seq"};
  sequence.owned_by = SequenceOwner{{"public", "a"}, "id"};

  Table& b = catalog.tables[{"public", "b"}];
  b.name = {"public", "b"};
  b.columns = {Col("a_id"), Col("r", TypeRef{"public", "a", true})};
  Constraint fk = Key(ConstraintType::kForeignKey, "b_a_id_fkey", {"a_id"});
  fk.referenced_table = {"public", "a"};
  fk.referenced_columns = {"id"};
  b.constraints["b_a_id_fkey"] = fk;

  Table& child = catalog.tables[{"public", "child"}];
  child.name = {"public", "child"};
  child.inherits = {{"public", "a"}};
  child.columns = {Col("id", TypeRef::Builtin("integer"), 1),
                   Col("m", TypeRef{"public", "mood"}, 1), Col("code", TypeRef::Builtin("text"), 1),
                   Col("extra")};
  child.constraints["a_code_check"] = check;
  return catalog;
}

TEST(ApplyRename, RenamesTablesAndEveryReference) {
  Catalog catalog = Base();
  Rename rename = RenameOf(ObjectKind::kTable, {"", "a"}, "accounts");
  rename.expression_rewrites = {{"(length(code) > 1)", "(length(code) > 2)"}};
  ASSERT_THAT(Apply(M(rename), &catalog, nullptr), IsOk());
  ASSERT_FALSE(catalog.tables.contains({"public", "a"}));
  const Table& accounts = catalog.tables.at({"public", "accounts"});
  const QualifiedName renamed{"public", "accounts"};
  EXPECT_EQ(accounts.name, renamed);
  EXPECT_THAT(accounts.lineage.former_names, ElementsAre("a"));
  EXPECT_EQ(accounts.lineage.changed.line, 4);
  EXPECT_EQ(catalog.indexes.at({"public", "a_pkey"}).table, renamed);
  EXPECT_EQ(catalog.tables.at({"public", "b"}).constraints.at("b_a_id_fkey").referenced_table,
            renamed);
  EXPECT_EQ(catalog.tables.at({"public", "b"}).columns[1].type,
            (TypeRef{"public", "accounts", true}));
  EXPECT_THAT(catalog.tables.at({"public", "child"}).inherits, ElementsAre(renamed));
  EXPECT_EQ(catalog.sequences.at({"public", "a_id_seq"}).owned_by->table, renamed);
  EXPECT_EQ(accounts.constraints.at("a_code_check").expression, "(length(code) > 2)");
  EXPECT_EQ(catalog.tables.at({"public", "child"}).constraints.at("a_code_check").expression,
            "(length(code) > 2)");
}

TEST(ApplyRename, RenamesSequencesIntoTheTypeNamespace) {
  Catalog catalog = Base();
  Rename rename = RenameOf(ObjectKind::kSequence, {"public", "a_id_seq"}, "mood");
  rename.expression_rewrites = {
      {"nextval('public.a_id_seq'::regclass)", "nextval('public.mood'::regclass)"}};
  // Sequences have no row type, so the enum's name is free for them.
  ASSERT_THAT(Apply(M(rename), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.sequences.at({"public", "mood"}).name, (QualifiedName{"public", "mood"}));
  EXPECT_THAT(catalog.sequences.at({"public", "mood"}).lineage.former_names,
              ElementsAre("a_id_seq"));
  EXPECT_EQ(catalog.tables.at({"public", "a"}).columns[0].default_expr,
            "nextval('public.mood'::regclass)");
}

TEST(ApplyRename, RejectsRelationRenamesPostgresRejects) {
  struct Row {
    Rename mutation;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {RenameOf(ObjectKind::kTable, {"", "nope"}, "x"), absl::StatusCode::kNotFound,
       "r.sql:4:1: relation \"nope\" does not exist"},
      {RenameOf(ObjectKind::kTable, {"ghost", "nope"}, "x"), absl::StatusCode::kNotFound,
       "schema \"ghost\" does not exist"},
      {RenameOf(ObjectKind::kTable, {"", "a"}, "b"), absl::StatusCode::kAlreadyExists,
       "relation \"b\" already exists"},
      {RenameOf(ObjectKind::kTable, {"", "a"}, "a_pkey"), absl::StatusCode::kAlreadyExists,
       "relation \"a_pkey\" already exists"},
      {RenameOf(ObjectKind::kTable, {"", "a"}, "mood"), absl::StatusCode::kAlreadyExists,
       "type \"mood\" already exists"},
      {RenameOf(ObjectKind::kTable, {"", "a"}, "pair"), absl::StatusCode::kAlreadyExists,
       "relation \"pair\" already exists"},
      {RenameOf(ObjectKind::kSequence, {"", "a"}, "x"), absl::StatusCode::kInvalidArgument,
       "\"a\" is not a sequence"},
      {RenameOf(ObjectKind::kIndex, {"", "a_id_seq"}, "x"), absl::StatusCode::kInvalidArgument,
       "\"a_id_seq\" is not an index"},
      {RenameOf(ObjectKind::kTable, {"", "pair"}, "x"), absl::StatusCode::kInvalidArgument,
       "\"pair\" is a composite type\nHINT:  Use ALTER TYPE instead."},
      {RenameOf(ObjectKind::kIndex, {"", "a_code_key"}, "a_code_check"),
       absl::StatusCode::kAlreadyExists,
       "constraint \"a_code_check\" for relation \"a\" already exists"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_TRUE(catalog.tables.contains({"public", "a"}));
    EXPECT_TRUE(catalog.indexes.contains({"public", "a_code_key"}));
  }
}

TEST(ApplyRename, SkipsMissingRelationWithNotice) {
  Catalog catalog = Base();
  DiagnosticSink notes;
  Rename rename = RenameOf(ObjectKind::kTable, {"ghost", "nope"}, "x");
  rename.if_exists = true;
  ASSERT_THAT(Apply(M(rename), &catalog, &notes), IsOk());
  ASSERT_EQ(notes.diagnostics().size(), 1u);
  EXPECT_EQ(notes.diagnostics()[0].message, "relation \"nope\" does not exist, skipping");
}

TEST(ApplyRename, RenamingAnIndexRenamesItsConstraint) {
  Catalog catalog = Base();
  ASSERT_THAT(
      Apply(M(RenameOf(ObjectKind::kIndex, {"", "a_code_key"}, "a_code_uq")), &catalog, nullptr),
      IsOk());
  const Table& a = catalog.tables.at({"public", "a"});
  ASSERT_TRUE(a.constraints.contains("a_code_uq"));
  EXPECT_FALSE(a.constraints.contains("a_code_key"));
  EXPECT_EQ(a.constraints.at("a_code_uq").name, "a_code_uq");
  EXPECT_THAT(a.constraints.at("a_code_uq").lineage.former_names, ElementsAre("a_code_key"));
  const Index& index = catalog.indexes.at({"public", "a_code_uq"});
  EXPECT_EQ(index.constraint_name, "a_code_uq");
  EXPECT_THAT(index.lineage.former_names, ElementsAre("a_code_key"));
  EXPECT_EQ(a.replica_identity_index, "a_code_uq");

  ASSERT_THAT(
      Apply(M(RenameOf(ObjectKind::kIndex, {"", "a_m_idx"}, "a_mood_idx")), &catalog, nullptr),
      IsOk());
  EXPECT_TRUE(catalog.indexes.at({"public", "a_mood_idx"}).constraint_name.empty());
  EXPECT_EQ(catalog.tables.at({"public", "a"}).constraints.size(), 3u);
}

TEST(ApplyRename, RenamingAPartitionedIndexKeepsItsPartitionsAttached) {
  Catalog catalog = Base();
  AddIndex(catalog, "child_m_idx", "child", {"m"}).parent_index =
      QualifiedName{"public", "a_m_idx"};
  ASSERT_THAT(
      Apply(M(RenameOf(ObjectKind::kIndex, {"", "a_m_idx"}, "a_mood_idx")), &catalog, nullptr),
      IsOk());
  EXPECT_EQ(catalog.indexes.at({"public", "child_m_idx"}).parent_index,
            (QualifiedName{"public", "a_mood_idx"}));
}

TEST(ApplyRename, RenamingAConstraintRenamesItsIndexAndInheritedCopies) {
  Catalog catalog = Base();
  ASSERT_THAT(
      Apply(M(RenameOf(ObjectKind::kConstraint, {"", "a"}, "a_pk", "a_pkey")), &catalog, nullptr),
      IsOk());
  EXPECT_TRUE(catalog.tables.at({"public", "a"}).constraints.contains("a_pk"));
  EXPECT_TRUE(catalog.indexes.contains({"public", "a_pk"}));
  EXPECT_FALSE(catalog.indexes.contains({"public", "a_pkey"}));
  EXPECT_EQ(catalog.indexes.at({"public", "a_pk"}).constraint_name, "a_pk");

  ASSERT_THAT(Apply(M(RenameOf(ObjectKind::kConstraint, {"", "a"}, "a_code_len", "a_code_check")),
                    &catalog, nullptr),
              IsOk());
  EXPECT_TRUE(catalog.tables.at({"public", "a"}).constraints.contains("a_code_len"));
  EXPECT_TRUE(catalog.tables.at({"public", "child"}).constraints.contains("a_code_len"));
  EXPECT_FALSE(catalog.tables.at({"public", "child"}).constraints.contains("a_code_check"));
  EXPECT_THAT(
      catalog.tables.at({"public", "child"}).constraints.at("a_code_len").lineage.former_names,
      ElementsAre("a_code_check"));
}

TEST(ApplyRename, RejectsConstraintRenamesPostgresRejects) {
  struct Row {
    Rename mutation;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {RenameOf(ObjectKind::kConstraint, {"", "a"}, "x", "nope"), absl::StatusCode::kNotFound,
       "constraint \"nope\" for table \"a\" does not exist"},
      {RenameOf(ObjectKind::kConstraint, {"", "a"}, "b", "a_pkey"),
       absl::StatusCode::kAlreadyExists, "relation \"b\" already exists"},
      {RenameOf(ObjectKind::kConstraint, {"", "a"}, "a_code_key", "a_pkey"),
       absl::StatusCode::kAlreadyExists, "relation \"a_code_key\" already exists"},
      {RenameOf(ObjectKind::kConstraint, {"", "a"}, "a_pkey", "a_code_check"),
       absl::StatusCode::kAlreadyExists, "constraint \"a_pkey\" for relation \"a\" already exists"},
      {RenameOf(ObjectKind::kConstraint, {"", "nope"}, "x", "y"), absl::StatusCode::kNotFound,
       "relation \"nope\" does not exist"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_EQ(catalog.tables.at({"public", "a"}).constraints.size(), 3u);
  }
}

TEST(ApplyRename, RenamesColumnsEverywhereTheyAreUsed) {
  Catalog catalog = Base();
  Rename rename = RenameOf(ObjectKind::kColumn, {"", "a"}, "account_id", "id");
  ASSERT_THAT(Apply(M(rename), &catalog, nullptr), IsOk());
  const Table& a = catalog.tables.at({"public", "a"});
  EXPECT_EQ(a.columns[0].name, "account_id");
  EXPECT_THAT(a.columns[0].lineage.former_names, ElementsAre("id"));
  EXPECT_THAT(a.constraints.at("a_pkey").columns, ElementsAre("account_id"));
  EXPECT_EQ(catalog.indexes.at({"public", "a_pkey"}).keys[0].column, "account_id");
  EXPECT_THAT(catalog.tables.at({"public", "b"}).constraints.at("b_a_id_fkey").referenced_columns,
              ElementsAre("account_id"));
  EXPECT_THAT(catalog.tables.at({"public", "b"}).constraints.at("b_a_id_fkey").columns,
              ElementsAre("a_id"));
  EXPECT_EQ(catalog.sequences.at({"public", "a_id_seq"}).owned_by->column, "account_id");
  // Children rename the inherited column too (renameatt recurses).
  EXPECT_EQ(catalog.tables.at({"public", "child"}).columns[0].name, "account_id");

  // The same text on an unrelated table is about that table's own column: untouched.
  Constraint unrelated = Key(ConstraintType::kCheck, "b_code_check", {});
  unrelated.expression = "(length(code) > 1)";
  catalog.tables.at({"public", "b"}).constraints["b_code_check"] = unrelated;
  rename = RenameOf(ObjectKind::kColumn, {"public", "a"}, "label", "code");
  rename.expression_rewrites = {{"(length(code) > 1)", "(length(label) > 1)"}};
  ASSERT_THAT(Apply(M(rename), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.tables.at({"public", "b"}).constraints.at("b_code_check").expression,
            "(length(code) > 1)");
  EXPECT_THAT(catalog.indexes.at({"public", "a_m_idx"}).include, ElementsAre("label"));
  EXPECT_THAT(catalog.tables.at({"public", "a"}).constraints.at("a_code_key").columns,
              ElementsAre("label"));
  EXPECT_EQ(catalog.tables.at({"public", "child"}).constraints.at("a_code_check").expression,
            "(length(label) > 1)");
}

TEST(ApplyRename, RejectsColumnRenamesPostgresRejects) {
  struct Row {
    Rename mutation;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {RenameOf(ObjectKind::kColumn, {"", "a"}, "x", "nope"), absl::StatusCode::kNotFound,
       "column \"nope\" does not exist"},
      {RenameOf(ObjectKind::kColumn, {"", "a"}, "m", "id"), absl::StatusCode::kAlreadyExists,
       "column \"m\" of relation \"a\" already exists"},
      {RenameOf(ObjectKind::kColumn, {"", "a"}, "extra", "id"), absl::StatusCode::kAlreadyExists,
       "column \"extra\" of relation \"child\" already exists"},
      {RenameOf(ObjectKind::kColumn, {"", "child"}, "x", "id"), absl::StatusCode::kInvalidArgument,
       "cannot rename inherited column \"id\""},
      {RenameOf(ObjectKind::kColumn, {"", "a_id_seq"}, "x", "last_value"),
       absl::StatusCode::kInvalidArgument,
       "\"a_id_seq\" is not a table, view, materialized view, composite type, index, or foreign "
       "table"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_EQ(catalog.tables.at({"public", "a"}).columns[0].name, "id");
    EXPECT_EQ(catalog.tables.at({"public", "child"}).columns[0].name, "id");
  }
}

TEST(ApplyRename, RenamesCompositeAttributes) {
  Catalog catalog = Base();
  ASSERT_THAT(Apply(M(RenameOf(ObjectKind::kColumn, {"", "pair"}, "z", "y")), &catalog, nullptr),
              IsOk());
  EXPECT_EQ(catalog.types.at({"public", "pair"}).attributes[1].name, "z");
  EXPECT_THAT(Apply(M(RenameOf(ObjectKind::kColumn, {"", "pair"}, "x", "z")), &catalog, nullptr),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       "column \"x\" of relation \"pair\" already exists"));
}

TEST(ApplyRename, RenamesTypesAndTheirUses) {
  Catalog catalog = Base();
  Rename rename = RenameOf(ObjectKind::kType, {"", "mood"}, "feeling");
  rename.expression_rewrites = {{"(VALUE <> 'sad'::mood)", "(VALUE <> 'sad'::feeling)"}};
  ASSERT_THAT(Apply(M(rename), &catalog, nullptr), IsOk());
  const TypeRef feeling{"public", "feeling"};
  EXPECT_TRUE(catalog.types.contains({"public", "feeling"}));
  EXPECT_FALSE(catalog.types.contains({"public", "mood"}));
  EXPECT_THAT(catalog.types.at({"public", "feeling"}).lineage.former_names, ElementsAre("mood"));
  EXPECT_EQ(catalog.tables.at({"public", "a"}).columns[1].type, feeling);
  EXPECT_EQ(catalog.tables.at({"public", "child"}).columns[1].type, feeling);
  EXPECT_EQ(catalog.domains.at({"public", "dm"}).base_type, feeling);
  EXPECT_EQ(catalog.types.at({"public", "pair"}).attributes[0].type, feeling);
  EXPECT_EQ(catalog.domains.at({"public", "dm"}).checks.at("dm_check").expression,
            "(VALUE <> 'sad'::feeling)");

  ASSERT_THAT(Apply(M(RenameOf(ObjectKind::kDomain, {"", "dm"}, "dm2")), &catalog, nullptr),
              IsOk());
  EXPECT_THAT(catalog.domains.at({"public", "dm2"}).lineage.former_names, ElementsAre("dm"));
  ASSERT_THAT(Apply(M(RenameOf(ObjectKind::kType, {"", "pair"}, "couple")), &catalog, nullptr),
              IsOk());
  EXPECT_TRUE(catalog.types.contains({"public", "couple"}));
}

TEST(ApplyRename, RejectsTypeRenamesPostgresRejects) {
  struct Row {
    Rename mutation;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {RenameOf(ObjectKind::kType, {"", "nope"}, "x"), absl::StatusCode::kNotFound,
       "type \"nope\" does not exist"},
      {RenameOf(ObjectKind::kType, {"", "mood"}, "a"), absl::StatusCode::kAlreadyExists,
       "type \"a\" already exists"},
      {RenameOf(ObjectKind::kType, {"", "mood"}, "other"), absl::StatusCode::kAlreadyExists,
       "type \"other\" already exists"},
      {RenameOf(ObjectKind::kType, {"", "pair"}, "a_pkey"), absl::StatusCode::kAlreadyExists,
       "relation \"a_pkey\" already exists"},
      {RenameOf(ObjectKind::kDomain, {"", "mood"}, "x"), absl::StatusCode::kInvalidArgument,
       "mood is not a domain"},
      {RenameOf(ObjectKind::kType, {"", "a"}, "x"), absl::StatusCode::kInvalidArgument,
       "a is a table's row type\nHINT:  Use ALTER TABLE instead."},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_TRUE(catalog.types.contains({"public", "mood"}));
  }
}

TEST(ApplyRename, RenamingASchemaMovesEverythingInIt) {
  Catalog catalog = Base();
  ASSERT_THAT(Apply(M(RenameOf(ObjectKind::kSchema, {"", "public"}, "core")), &catalog, nullptr),
              IsOk());
  EXPECT_FALSE(catalog.schemas.contains("public"));
  EXPECT_THAT(catalog.schemas.at("core").lineage.former_names, ElementsAre("public"));
  EXPECT_EQ(catalog.extensions.at("pgcrypto").schema, "core");
  const QualifiedName a{"core", "a"};
  ASSERT_TRUE(catalog.tables.contains(a));
  EXPECT_EQ(catalog.tables.at(a).name, a);
  EXPECT_EQ(catalog.types.at({"core", "mood"}).name, (QualifiedName{"core", "mood"}));
  EXPECT_EQ(catalog.domains.at({"core", "dm"}).base_type, (TypeRef{"core", "mood"}));
  EXPECT_EQ(catalog.indexes.at({"core", "a_pkey"}).table, a);
  EXPECT_EQ(catalog.sequences.at({"core", "a_id_seq"}).owned_by->table, a);
  EXPECT_EQ(catalog.tables.at({"core", "b"}).constraints.at("b_a_id_fkey").referenced_table, a);
  EXPECT_EQ(catalog.tables.at({"core", "b"}).columns[1].type, (TypeRef{"core", "a", true}));
  EXPECT_THAT(catalog.tables.at({"core", "child"}).inherits, ElementsAre(a));
  EXPECT_EQ(catalog.sequences.at({"core", "a_id_seq"}).data_type, TypeRef::Builtin("bigint"));

  struct Row {
    Rename mutation;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {RenameOf(ObjectKind::kSchema, {"", "public"}, "x"), absl::StatusCode::kNotFound,
       "schema \"public\" does not exist"},
      {RenameOf(ObjectKind::kSchema, {"", "core"}, "app"), absl::StatusCode::kAlreadyExists,
       "schema \"app\" already exists"},
      {RenameOf(ObjectKind::kSchema, {"", "core"}, "pg_core"), absl::StatusCode::kInvalidArgument,
       "unacceptable schema name \"pg_core\""},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_TRUE(catalog.schemas.contains("core"));
  }
}

TEST(ApplyRename, RenamesDomainConstraints) {
  Catalog catalog = Base();
  Rename rename = RenameOf(ObjectKind::kConstraint, {"", "dm"}, "dm_not_sad", "dm_check");
  rename.on_domain = true;
  ASSERT_THAT(Apply(M(rename), &catalog, nullptr), IsOk());
  const Domain& dm = catalog.domains.at({"public", "dm"});
  EXPECT_TRUE(dm.checks.contains("dm_not_sad"));
  EXPECT_EQ(dm.checks.at("dm_not_sad").name, "dm_not_sad");
  EXPECT_THAT(Apply(M(rename), &catalog, nullptr),
              StatusIs(absl::StatusCode::kNotFound,
                       "constraint \"dm_check\" for domain dm does not exist"));
  rename.object = {"", "mood"};
  EXPECT_THAT(Apply(M(rename), &catalog, nullptr),
              StatusIs(absl::StatusCode::kInvalidArgument, "mood is not a domain"));
}

}  // namespace
}  // namespace pgdrift::model
