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

IndexElement ColumnKey(std::string column) {
  IndexElement key;
  key.column = std::move(column);
  return key;
}

IndexElement ExpressionKey(std::string expression) {
  IndexElement key;
  key.expression = std::move(expression);
  return key;
}

CreateIndex NewIndex(std::string table, std::vector<IndexElement> keys,
                     std::vector<std::string> hints = {}, std::string name = "") {
  CreateIndex m;
  m.index.name = {"", std::move(name)};
  m.index.table = {"", std::move(table)};
  m.index.keys = std::move(keys);
  m.key_name_hints = std::move(hints);
  return m;
}

Catalog WithTable() {
  Catalog catalog = NewCatalog();
  EXPECT_THAT(ApplyOne(catalog, NewTable("t", {Col("a"), Col("b"), Col("email", "text")})), IsOk());
  return catalog;
}

TEST(ApplyIndex, ChoosesImplicitNames) {
  struct Case {
    CreateIndex m;
    std::string expected;
  };
  CreateIndex unique = NewIndex("t", {ColumnKey("a")});
  unique.index.unique = true;
  CreateIndex include = NewIndex("t", {ColumnKey("a")});
  include.index.include = {"b"};
  const std::vector<Case> cases = {
      {NewIndex("t", {ColumnKey("a"), ColumnKey("b")}), "t_a_b_idx"},
      {unique, "t_a_idx"},
      {NewIndex("t", {ExpressionKey("lower(email)")}, {"lower"}), "t_lower_idx"},
      {NewIndex("t", {ExpressionKey("(a + b)")}, {""}), "t_expr_idx"},
      {NewIndex("t", {ColumnKey("a"), ColumnKey("a")}), "t_a_a1_idx"},
      {include, "t_a_b_idx"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expected);
    Catalog catalog = WithTable();
    ASSERT_THAT(ApplyOne(catalog, c.m), IsOk());
    ASSERT_TRUE(catalog.indexes.contains({"public", c.expected}));
    const Index& index = catalog.indexes.at({"public", c.expected});
    EXPECT_EQ(index.table, (QualifiedName{"public", "t"}));
    EXPECT_EQ(index.lineage.created, kSpan);
    EXPECT_EQ(index.method, "btree");
  }
}

TEST(ApplyIndex, AddsSuffixOnCollision) {
  Catalog catalog = WithTable();
  ASSERT_THAT(ApplyOne(catalog, NewIndex("t", {ColumnKey("a")})), IsOk());
  ASSERT_THAT(ApplyOne(catalog, NewIndex("t", {ColumnKey("a")})), IsOk());
  ASSERT_THAT(ApplyOne(catalog, NewIndex("t", {ColumnKey("a")})), IsOk());
  EXPECT_THAT(IndexNames(catalog), ElementsAre("t_a_idx", "t_a_idx1", "t_a_idx2"));
}

TEST(ApplyIndex, NamedIndexCollisionsAndIfNotExists) {
  Catalog catalog = WithTable();
  ASSERT_THAT(ApplyOne(catalog, NewIndex("t", {ColumnKey("a")}, {}, "t_idx")), IsOk());
  EXPECT_THAT(ApplyOne(catalog, NewIndex("t", {ColumnKey("b")}, {}, "t_idx")),
              StatusIs(absl::StatusCode::kAlreadyExists, "relation \"t_idx\" already exists"));
  EXPECT_THAT(ApplyOne(catalog, NewIndex("t", {ColumnKey("b")}, {}, "t")),
              StatusIs(absl::StatusCode::kAlreadyExists, "relation \"t\" already exists"));
  CreateIndex again = NewIndex("t", {ColumnKey("b")}, {}, "t_idx");
  again.if_not_exists = true;
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, again, &notes), IsOk());
  EXPECT_THAT(Notes(notes), ElementsAre("relation \"t_idx\" already exists, skipping"));
  EXPECT_EQ(catalog.indexes.at({"public", "t_idx"}).keys[0].column, "a");
}

TEST(ApplyIndex, ReportsMissingObjects) {
  Catalog catalog = WithTable();
  EXPECT_THAT(ApplyOne(catalog, NewIndex("nope", {ColumnKey("a")})),
              StatusIs(absl::StatusCode::kNotFound, "relation \"nope\" does not exist"));
  EXPECT_THAT(ApplyOne(catalog, NewIndex("t", {ColumnKey("zz")})),
              StatusIs(absl::StatusCode::kNotFound, "column \"zz\" does not exist"));
  CreateIndex include = NewIndex("t", {ColumnKey("a")});
  include.index.include = {"yy"};
  EXPECT_THAT(ApplyOne(catalog, include),
              StatusIs(absl::StatusCode::kNotFound, "column \"yy\" does not exist"));
}

TEST(ApplyIndex, LivesInTheTableSchema) {
  Catalog catalog = NewCatalog();
  catalog.schemas["app"] = Schema{"app"};
  CreateTable table = NewTable("t", {Col("a")});
  table.table.name.schema = "app";
  ASSERT_THAT(ApplyOne(catalog, table), IsOk());
  CreateIndex m = NewIndex("t", {ColumnKey("a")});
  m.index.table.schema = "app";
  m.index.name.schema = "public";  // ignored: an index lives with its table
  ASSERT_THAT(ApplyOne(catalog, m), IsOk());
  EXPECT_TRUE(catalog.indexes.contains({"app", "t_a_idx"}));
}

TEST(ApplyIndex, KeepsTheSortOrderAsWritten) {
  Catalog catalog = WithTable();
  IndexElement key = ColumnKey("a");
  key.descending = true;
  key.nulls_first = true;
  ASSERT_THAT(ApplyOne(catalog, NewIndex("t", {key})), IsOk());
  const IndexElement& stored = catalog.indexes.at({"public", "t_a_idx"}).keys[0];
  EXPECT_TRUE(stored.descending);
  EXPECT_TRUE(stored.nulls_first);
}

TEST(ApplyIndex, RecursesToPartitions) {
  Catalog catalog = NewCatalog();
  CreateTable parent = NewTable("p", {Col("id"), Col("name", "text")});
  parent.table.partition_key = "HASH (id)";
  ASSERT_THAT(ApplyOne(catalog, parent), IsOk());
  for (std::string name : {"p1", "p2"}) {
    CreateTable partition = NewTable(name, {});
    partition.table.partition_of = QualifiedName{"", "p"};
    ASSERT_THAT(ApplyOne(catalog, partition), IsOk());
  }
  // p2 already has an equivalent index, which is attached rather than duplicated.
  ASSERT_THAT(
      ApplyOne(catalog, NewIndex("p2", {ExpressionKey("lower(name)")}, {"lower"}, "p2_own")),
      IsOk());
  ASSERT_THAT(ApplyOne(catalog, NewIndex("p", {ExpressionKey("lower(name)")}, {"lower"})), IsOk());
  EXPECT_THAT(IndexNames(catalog), ElementsAre("p1_lower_idx", "p2_own", "p_lower_idx"));

  CreateIndex concurrently = NewIndex("p", {ColumnKey("id")});
  concurrently.concurrently = true;
  EXPECT_THAT(ApplyOne(catalog, concurrently),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "cannot create index on partitioned table \"p\" concurrently"));
  CreateIndex only = NewIndex("p", {ColumnKey("id")});
  only.only = true;
  ASSERT_THAT(ApplyOne(catalog, only), IsOk());
  EXPECT_THAT(IndexNames(catalog),
              ElementsAre("p1_lower_idx", "p2_own", "p_id_idx", "p_lower_idx"));
}

// A partitioned table p (a, b) with partitions p1 and p2 and primary key p_pkey.
Catalog PartitionedWithKey() {
  Catalog catalog = NewCatalog();
  CreateTable parent = NewTable("p", {Col("a", "integer", true), Col("b", "integer", true)});
  parent.table.partition_key = "LIST (a)";
  parent.constraints = {Key(ConstraintType::kPrimaryKey, {"a", "b"})};
  EXPECT_THAT(ApplyOne(catalog, parent), IsOk());
  for (std::string name : {"p1", "p2"}) {
    CreateTable partition = NewTable(name, {});
    partition.table.partition_of = QualifiedName{"", "p"};
    EXPECT_THAT(ApplyOne(catalog, partition), IsOk());
  }
  return catalog;
}

// DefineIndex skips a partition's index that already has a parent (has_superclass).
TEST(ApplyIndex, DoesNotTakeAPartitionIndexAttachedElsewhere) {
  Catalog catalog = PartitionedWithKey();
  EXPECT_EQ(catalog.indexes.at({"public", "p1_pkey"}).parent_index,
            (QualifiedName{"public", "p_pkey"}));
  // p2 has a free equivalent index, which is taken.
  CreateIndex own = NewIndex("p2", {ColumnKey("a"), ColumnKey("b")}, {}, "p2_own");
  own.index.unique = true;
  ASSERT_THAT(ApplyOne(catalog, own), IsOk());
  CreateIndex unique = NewIndex("p", {ColumnKey("a"), ColumnKey("b")}, {}, "p_unique");
  unique.index.unique = true;
  ASSERT_THAT(ApplyOne(catalog, unique), IsOk());
  EXPECT_THAT(IndexNames(catalog),
              ElementsAre("p1_a_b_idx", "p1_pkey", "p2_own", "p2_pkey", "p_pkey", "p_unique"));
  const QualifiedName p_unique{"public", "p_unique"};
  EXPECT_EQ(catalog.indexes.at({"public", "p1_a_b_idx"}).parent_index, p_unique);
  EXPECT_EQ(catalog.indexes.at({"public", "p2_own"}).parent_index, p_unique);
  EXPECT_EQ(catalog.indexes.at({"public", "p1_pkey"}).parent_index,
            (QualifiedName{"public", "p_pkey"}));
}

TEST(ApplyIndex, AttachesAPartitionIndexWithPostgresChecks) {
  Catalog catalog = PartitionedWithKey();
  CreateIndex only = NewIndex("p", {ColumnKey("b")}, {}, "p_b");
  only.only = true;
  ASSERT_THAT(ApplyOne(catalog, only), IsOk());
  for (auto [table, name, column] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"p1", "p1_b", "b"}, {"p1", "p1_b2", "b"}, {"p1", "p1_a", "a"}, {"p", "p_b2", "b"}}) {
    CreateIndex index = NewIndex(table, {ColumnKey(column)}, {}, name);
    index.only = table == "p";
    ASSERT_THAT(ApplyOne(catalog, index), IsOk());
  }
  auto attach = [](std::string parent, std::string child) {
    AlterIndex m;
    m.index = {"", std::move(parent)};
    m.attach_partition = QualifiedName{"", std::move(child)};
    return m;
  };
  ASSERT_THAT(ApplyOne(catalog, attach("p_b", "p1_b")), IsOk());
  EXPECT_EQ(catalog.indexes.at({"public", "p1_b"}).parent_index, (QualifiedName{"public", "p_b"}));
  // Attaching again changes nothing.
  ASSERT_THAT(ApplyOne(catalog, attach("p_b", "p1_b")), IsOk());

  struct Case {
    std::string parent;
    std::string child;
    absl::StatusCode code;
    std::string detail;
  };
  const std::vector<Case> cases = {
      {"p_b", "p1_b2", absl::StatusCode::kFailedPrecondition,
       "Another index is already attached for partition \"p1\"."},
      {"p_b2", "p1_b", absl::StatusCode::kFailedPrecondition,
       "Index \"p1_b\" is already attached to another index."},
      {"p_b2", "p1_a", absl::StatusCode::kInvalidArgument, "The index definitions do not match."},
      {"p_b2", "p_b", absl::StatusCode::kFailedPrecondition,
       "Index \"p_b\" is not an index on any partition of table \"p\"."},
      {"p_pkey", "p1_b2", absl::StatusCode::kFailedPrecondition,
       "Another index is already attached for partition \"p1\"."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.parent + " " + c.child);
    EXPECT_THAT(
        ApplyOne(catalog, attach(c.parent, c.child)),
        StatusIs(c.code, "cannot attach index \"" + c.child + "\" as a partition of index \"" +
                             c.parent + "\"\nDETAIL:  " + c.detail));
  }
  // A constraint's index takes only a constraint's index.
  Catalog keyed = NewCatalog();
  CreateTable parent = NewTable("q", {Col("a", "integer", true), Col("b", "integer", true)});
  parent.table.partition_key = "LIST (a)";
  ASSERT_THAT(ApplyOne(keyed, parent), IsOk());
  CreateTable partition = NewTable("q1", {});
  partition.table.partition_of = QualifiedName{"", "q"};
  ASSERT_THAT(ApplyOne(keyed, partition), IsOk());
  AlterTable key;
  key.table = {"", "q"};
  key.only = true;
  key.commands = {alter::AddConstraint{Key(ConstraintType::kPrimaryKey, {"a", "b"})}};
  ASSERT_THAT(ApplyOne(keyed, key), IsOk());
  CreateIndex plain = NewIndex("q1", {ColumnKey("a"), ColumnKey("b")}, {}, "q1_ab");
  plain.index.unique = true;
  ASSERT_THAT(ApplyOne(keyed, plain), IsOk());
  EXPECT_THAT(ApplyOne(keyed, attach("q_pkey", "q1_ab")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "DETAIL:  The index \"q_pkey\" belongs to a constraint in table \"q\" but "
                       "no constraint exists for index \"q1_ab\"."));
}

TEST(ApplyIndex, AltersIndexes) {
  Catalog catalog = WithTable();
  ASSERT_THAT(ApplyOne(catalog, NewIndex("t", {ColumnKey("a")})), IsOk());
  AlterIndex m;
  m.index = {"", "t_a_idx"};
  m.set_options = {{"fillfactor", "80"}, {"deduplicate_items", "off"}};
  m.tablespace = "fast";
  SourceSpan later{"migrations/0003.sql", 2, 1, 10, 5};
  ASSERT_THAT(ApplyOne(catalog, m, nullptr, later), IsOk());
  const Index& index = catalog.indexes.at({"public", "t_a_idx"});
  EXPECT_EQ(index.options.size(), 2u);
  EXPECT_EQ(index.tablespace, "fast");
  EXPECT_EQ(index.lineage.changed, later);
  EXPECT_EQ(index.lineage.created, kSpan);

  AlterIndex reset;
  reset.index = {"", "t_a_idx"};
  reset.reset_options = {"fillfactor"};
  reset.tablespace = "pg_default";
  ASSERT_THAT(ApplyOne(catalog, reset), IsOk());
  EXPECT_EQ(catalog.indexes.at({"public", "t_a_idx"}).options.size(), 1u);
  EXPECT_EQ(catalog.indexes.at({"public", "t_a_idx"}).tablespace, "");

  AlterIndex missing;
  missing.index = {"", "nope"};
  EXPECT_THAT(ApplyOne(catalog, missing),
              StatusIs(absl::StatusCode::kNotFound, "relation \"nope\" does not exist"));
  missing.if_exists = true;
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, missing, &notes), IsOk());
  EXPECT_THAT(Notes(notes), ElementsAre("relation \"nope\" does not exist, skipping"));
  AlterIndex table;
  table.index = {"", "t"};
  EXPECT_THAT(ApplyOne(catalog, table),
              StatusIs(absl::StatusCode::kInvalidArgument, "\"t\" is not an index"));
}

}  // namespace
}  // namespace pgdrift::model
