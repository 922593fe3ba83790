#include "model/dependency_graph.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/catalog.h"

namespace pgdrift::model {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

ObjectId SchemaId(std::string name) { return ObjectId::Of(ObjectKind::kSchema, {"", name}); }
ObjectId Of(ObjectKind kind, std::string schema, std::string name) {
  return ObjectId::Of(kind, {std::move(schema), std::move(name)});
}
ObjectId ColumnId(std::string schema, std::string table, std::string column) {
  return ObjectId::Child(ObjectKind::kColumn, {std::move(schema), std::move(table)},
                         std::move(column));
}
ObjectId ConstraintId(std::string schema, std::string table, std::string name) {
  return ObjectId::Child(ObjectKind::kConstraint, {std::move(schema), std::move(table)},
                         std::move(name));
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

Constraint Key(ConstraintType type, std::string name, std::vector<std::string> columns) {
  Constraint constraint;
  constraint.type = type;
  constraint.name = std::move(name);
  constraint.columns = std::move(columns);
  return constraint;
}

Constraint ForeignKey(std::string name, std::vector<std::string> columns, QualifiedName table,
                      std::vector<std::string> referenced) {
  Constraint constraint = Key(ConstraintType::kForeignKey, std::move(name), std::move(columns));
  constraint.referenced_table = std::move(table);
  constraint.referenced_columns = std::move(referenced);
  return constraint;
}

void AddSchema(Catalog& catalog, const std::string& name) { catalog.schemas[name].name = name; }

Sequence& AddSequence(Catalog& catalog, QualifiedName name) {
  Sequence& sequence = catalog.sequences[name];
  sequence.name = name;
  return sequence;
}

Index& AddIndex(Catalog& catalog, QualifiedName name, QualifiedName table,
                std::vector<std::string> columns) {
  Index& index = catalog.indexes[name];
  index.name = name;
  index.table = table;
  for (std::string& column : columns) index.keys.push_back(IndexElement{.column = column});
  return index;
}

// A catalog with one object of every kind and every kind of edge.
Catalog EveryKind() {
  Catalog catalog;
  AddSchema(catalog, "public");
  AddSchema(catalog, "app");
  catalog.extensions["pgcrypto"] = Extension{"pgcrypto", "public"};
  const TypeRef mood{"public", "mood"};
  UserType& enum_type = catalog.types[{"public", "mood"}];
  enum_type.name = {"public", "mood"};
  enum_type.enum_values = {"sad", "happy"};
  UserType& pair = catalog.types[{"public", "pair"}];
  pair.name = {"public", "pair"};
  pair.kind = UserTypeKind::kComposite;
  pair.attributes = {{"m", mood, ""}, {"n", TypeRef::Builtin("integer"), ""}};
  UserType& range = catalog.types[{"public", "moodrange"}];
  range.name = {"public", "moodrange"};
  range.kind = UserTypeKind::kRange;
  range.range_subtype = mood;
  Domain& happy = catalog.domains[{"public", "happy"}];
  happy.name = {"public", "happy"};
  happy.base_type = mood;

  Table& a = AddTable(catalog, {"public", "a"}, {Col("id"), Col("m", mood)});
  a.constraints["a_pkey"] = Key(ConstraintType::kPrimaryKey, "a_pkey", {"id"});
  AddIndex(catalog, {"public", "a_pkey"}, {"public", "a"}, {"id"}).constraint_name = "a_pkey";
  Index& expr = AddIndex(catalog, {"public", "a_expr_idx"}, {"public", "a"}, {});
  expr.keys.push_back(IndexElement{.expression = "(id + 1)"});
  expr.predicate = "(m IS NOT NULL)";

  Column b_id = Col("id");
  b_id.default_expr = "nextval('public.b_id_seq'::regclass)";
  Table& b = AddTable(catalog, {"public", "b"},
                      {b_id, Col("a_id"), Col("note", TypeRef::Builtin("text"))});
  b.constraints["b_a_id_fkey"] = ForeignKey("b_a_id_fkey", {"a_id"}, {"public", "a"}, {"id"});
  Constraint check = Key(ConstraintType::kCheck, "b_check", {});
  check.expression = "((a_id > 0) AND (length(note) > (0)::integer))";
  b.constraints["b_check"] = check;
  AddSequence(catalog, {"public", "b_id_seq"}).owned_by = SequenceOwner{{"public", "b"}, "id"};
  AddSequence(catalog, {"public", "s"}).owned_by = SequenceOwner{{"public", "a"}, "id"};
  AddIndex(catalog, {"public", "b_a_id_idx"}, {"public", "b"}, {"a_id"}).include = {"note"};

  Table& c =
      AddTable(catalog, {"app", "c"},
               {Col("x", TypeRef{"public", "a"}), Col("h", TypeRef{"public", "happy", true})});
  c.inherits = {{"public", "a"}};

  AddTable(catalog, {"public", "p"}, {}).partition_key = "RANGE (id)";
  AddTable(catalog, {"public", "p1"}, {}).partition_of = QualifiedName{"public", "p"};
  return catalog;
}

std::vector<ObjectId> Sorted(std::vector<ObjectId> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(DependencyGraph, RecordsTheDependenciesOfEachKind) {
  const Catalog catalog = EveryKind();
  const DependencyGraph graph = DependencyGraph::Build(catalog);
  const ObjectId public_schema = SchemaId("public");
  struct Row {
    ObjectId object;
    std::vector<ObjectId> dependencies;
  };
  const std::vector<Row> rows = {
      {SchemaId("public"), {}},
      {Of(ObjectKind::kExtension, "", "pgcrypto"), {public_schema}},
      {Of(ObjectKind::kType, "public", "mood"), {public_schema}},
      {Of(ObjectKind::kType, "public", "pair"),
       {public_schema, Of(ObjectKind::kType, "public", "mood")}},
      {Of(ObjectKind::kType, "public", "moodrange"),
       {public_schema, Of(ObjectKind::kType, "public", "mood")}},
      {Of(ObjectKind::kDomain, "public", "happy"),
       {public_schema, Of(ObjectKind::kType, "public", "mood")}},
      {ColumnId("public", "a", "m"),
       {Of(ObjectKind::kTable, "public", "a"), Of(ObjectKind::kType, "public", "mood")}},
      {ColumnId("public", "b", "id"),
       {Of(ObjectKind::kTable, "public", "b"), Of(ObjectKind::kSequence, "public", "b_id_seq")}},
      // A serial sequence: the column's default needs it, so it does not depend on the column.
      {Of(ObjectKind::kSequence, "public", "b_id_seq"), {public_schema}},
      {Of(ObjectKind::kSequence, "public", "s"), {public_schema, ColumnId("public", "a", "id")}},
      {ConstraintId("public", "a", "a_pkey"),
       {Of(ObjectKind::kTable, "public", "a"), ColumnId("public", "a", "id")}},
      {ConstraintId("public", "b", "b_a_id_fkey"),
       {Of(ObjectKind::kTable, "public", "b"), ColumnId("public", "b", "a_id"),
        ConstraintId("public", "a", "a_pkey")}},
      {ConstraintId("public", "b", "b_check"),
       {Of(ObjectKind::kTable, "public", "b"), ColumnId("public", "b", "a_id"),
        ColumnId("public", "b", "note")}},
      {Of(ObjectKind::kIndex, "public", "a_expr_idx"),
       {Of(ObjectKind::kTable, "public", "a"), ColumnId("public", "a", "id"),
        ColumnId("public", "a", "m")}},
      {Of(ObjectKind::kIndex, "public", "b_a_id_idx"),
       {Of(ObjectKind::kTable, "public", "b"), ColumnId("public", "b", "a_id"),
        ColumnId("public", "b", "note")}},
      {Of(ObjectKind::kTable, "app", "c"),
       {SchemaId("app"), Of(ObjectKind::kTable, "public", "a")}},
      {ColumnId("app", "c", "x"),
       {Of(ObjectKind::kTable, "app", "c"), Of(ObjectKind::kTable, "public", "a")}},
      {ColumnId("app", "c", "h"),
       {Of(ObjectKind::kTable, "app", "c"), Of(ObjectKind::kDomain, "public", "happy")}},
      {Of(ObjectKind::kTable, "public", "p1"),
       {public_schema, Of(ObjectKind::kTable, "public", "p")}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.object.ToString());
    EXPECT_TRUE(graph.Contains(row.object));
    EXPECT_EQ(graph.Dependencies(row.object), Sorted(row.dependencies));
  }
  EXPECT_FALSE(graph.HasCycle());
}

TEST(DependencyGraph, ListsDependentsDirectlyAndTransitively) {
  const DependencyGraph graph = DependencyGraph::Build(EveryKind());
  const ObjectId mood = Of(ObjectKind::kType, "public", "mood");
  EXPECT_EQ(
      graph.Dependents(mood),
      Sorted({Of(ObjectKind::kType, "public", "pair"), Of(ObjectKind::kType, "public", "moodrange"),
              Of(ObjectKind::kDomain, "public", "happy"), ColumnId("public", "a", "m")}));
  EXPECT_EQ(
      graph.TransitiveDependents(mood),
      Sorted({Of(ObjectKind::kType, "public", "pair"), Of(ObjectKind::kType, "public", "moodrange"),
              Of(ObjectKind::kDomain, "public", "happy"), ColumnId("public", "a", "m"),
              Of(ObjectKind::kIndex, "public", "a_expr_idx"), ColumnId("app", "c", "h")}));
  EXPECT_EQ(
      graph.Dependents(ColumnId("public", "a", "id")),
      Sorted({ConstraintId("public", "a", "a_pkey"), Of(ObjectKind::kIndex, "public", "a_pkey"),
              Of(ObjectKind::kIndex, "public", "a_expr_idx"),
              Of(ObjectKind::kSequence, "public", "s")}));
  const ObjectId unknown = Of(ObjectKind::kTable, "public", "nope");
  EXPECT_FALSE(graph.Contains(unknown));
  EXPECT_THAT(graph.Dependents(unknown), IsEmpty());
  EXPECT_THAT(graph.TransitiveDependents(unknown), IsEmpty());
  EXPECT_THAT(graph.Dependencies(unknown), IsEmpty());
}

TEST(DependencyGraph, OrdersCreationByDependenciesThenIdentity) {
  Catalog catalog;
  AddSchema(catalog, "public");
  // "a" sorts first but references "z": z's primary key must come before a's foreign key.
  AddTable(catalog, {"public", "a"}, {Col("z_id")}).constraints["a_z_id_fkey"] =
      ForeignKey("a_z_id_fkey", {"z_id"}, {"public", "z"}, {"id"});
  AddTable(catalog, {"public", "z"}, {Col("id")}).constraints["z_pkey"] =
      Key(ConstraintType::kPrimaryKey, "z_pkey", {"id"});
  const DependencyGraph graph = DependencyGraph::Build(catalog);
  EXPECT_THAT(graph.CreationOrder(),
              ElementsAre(SchemaId("public"), Of(ObjectKind::kTable, "public", "a"),
                          Of(ObjectKind::kTable, "public", "z"), ColumnId("public", "z", "id"),
                          ColumnId("public", "a", "z_id"), ConstraintId("public", "z", "z_pkey"),
                          ConstraintId("public", "a", "a_z_id_fkey")));
  // Building again gives the same order.
  EXPECT_EQ(DependencyGraph::Build(catalog).CreationOrder(), graph.CreationOrder());
}

TEST(DependencyGraph, PutsEveryObjectAfterWhatItDependsOn) {
  const DependencyGraph graph = DependencyGraph::Build(EveryKind());
  const std::vector<ObjectId> order = graph.CreationOrder();
  auto position = [&order](const ObjectId& id) {
    return std::find(order.begin(), order.end(), id) - order.begin();
  };
  for (const ObjectId& id : order) {
    for (const ObjectId& dependency : graph.Dependencies(id)) {
      EXPECT_LT(position(dependency), position(id))
          << id.ToString() << " after " << dependency.ToString();
    }
  }
  EXPECT_LT(position(Of(ObjectKind::kSequence, "public", "b_id_seq")),
            position(ColumnId("public", "b", "id")));
}

TEST(DependencyGraph, PutsCyclesLastInIdentityOrder) {
  Catalog catalog;
  AddSchema(catalog, "public");
  AddTable(catalog, {"public", "y"}, {}).inherits = {{"public", "x"}};
  AddTable(catalog, {"public", "x"}, {}).inherits = {{"public", "y"}};
  AddTable(catalog, {"public", "w"}, {});
  const DependencyGraph graph = DependencyGraph::Build(catalog);
  EXPECT_TRUE(graph.HasCycle());
  EXPECT_THAT(
      graph.CreationOrder(),
      ElementsAre(SchemaId("public"), Of(ObjectKind::kTable, "public", "w"),
                  Of(ObjectKind::kTable, "public", "x"), Of(ObjectKind::kTable, "public", "y")));
}

TEST(DependencyGraph, LinksForeignKeysToTheKeyTheyUse) {
  Catalog catalog;
  AddSchema(catalog, "public");
  Table& parent =
      AddTable(catalog, {"public", "parent"}, {Col("id"), Col("code"), Col("email"), Col("other")});
  parent.constraints["parent_pkey"] = Key(ConstraintType::kPrimaryKey, "parent_pkey", {"id"});
  parent.constraints["parent_code_key"] = Key(ConstraintType::kUnique, "parent_code_key", {"code"});
  AddIndex(catalog, {"public", "parent_email_idx"}, {"public", "parent"}, {"email"}).unique = true;
  Table& child = AddTable(catalog, {"public", "child"}, {Col("p")});
  struct Row {
    std::string name;
    std::vector<std::string> referenced;
    ObjectId expected;
  };
  const std::vector<Row> rows = {
      {"by_default", {}, ConstraintId("public", "parent", "parent_pkey")},
      {"by_id", {"id"}, ConstraintId("public", "parent", "parent_pkey")},
      {"by_code", {"code"}, ConstraintId("public", "parent", "parent_code_key")},
      {"by_email", {"email"}, Of(ObjectKind::kIndex, "public", "parent_email_idx")},
      {"by_other", {"other"}, Of(ObjectKind::kTable, "public", "parent")},
  };
  for (const Row& row : rows) {
    child.constraints[row.name] = ForeignKey(row.name, {"p"}, {"public", "parent"}, row.referenced);
  }
  const DependencyGraph graph = DependencyGraph::Build(catalog);
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    EXPECT_EQ(graph.Dependencies(ConstraintId("public", "child", row.name)),
              Sorted({Of(ObjectKind::kTable, "public", "child"), ColumnId("public", "child", "p"),
                      row.expected}));
  }
}

TEST(DependencyGraph, ReadsSequencesFromNextvalDefaults) {
  Catalog catalog;
  AddSchema(catalog, "public");
  AddSchema(catalog, "app");
  AddSequence(catalog, {"public", "plain"});
  AddSequence(catalog, {"public", "Odd Seq"});
  AddSequence(catalog, {"app", "it's"});
  struct Row {
    std::string default_expr;
    std::vector<ObjectId> sequences;
  };
  const std::vector<Row> rows = {
      {"nextval('public.plain'::regclass)", {Of(ObjectKind::kSequence, "public", "plain")}},
      {"nextval('plain'::regclass)", {Of(ObjectKind::kSequence, "public", "plain")}},
      {"nextval('\"Odd Seq\"'::regclass)", {Of(ObjectKind::kSequence, "public", "Odd Seq")}},
      {"nextval('app.\"it''s\"'::regclass)", {Of(ObjectKind::kSequence, "app", "it's")}},
      {"(nextval('missing'::regclass) + nextval('PUBLIC.PLAIN'))",
       {Of(ObjectKind::kSequence, "public", "plain")}},
      {"'nextval'::text", {}},
  };
  std::vector<Column> columns;
  for (size_t i = 0; i < rows.size(); ++i) {
    Column column = Col("c" + std::to_string(i));
    column.default_expr = rows[i].default_expr;
    columns.push_back(column);
  }
  AddTable(catalog, {"public", "t"}, columns);
  const DependencyGraph graph = DependencyGraph::Build(catalog);
  for (size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE(rows[i].default_expr);
    std::vector<ObjectId> expected = rows[i].sequences;
    expected.push_back(Of(ObjectKind::kTable, "public", "t"));
    EXPECT_EQ(graph.Dependencies(ColumnId("public", "t", "c" + std::to_string(i))),
              Sorted(expected));
  }
}

TEST(DependencyGraph, FindsColumnsMentionedInCheckExpressions) {
  Catalog catalog;
  AddSchema(catalog, "public");
  Table& table = AddTable(
      catalog, {"public", "t"},
      {Col("price"), Col("Qty"), Col("numeric"), Col("zone"), Col("status"), Col("lower")});
  struct Row {
    std::string expression;
    std::vector<std::string> columns;
  };
  const std::vector<Row> rows = {
      {"((price > (0)::numeric) AND (\"Qty\" >= 1))", {"price", "Qty"}},
      {"(status = ANY (ARRAY['zone'::text, 'numeric'::text]))", {"status"}},
      {"(lower(status) <> ''::character varying)", {"status"}},
      {"(now() > '2020-01-01'::timestamp without time zone)", {}},
      {"((t.price) > 0)", {}},
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    Constraint check = Key(ConstraintType::kCheck, "c" + std::to_string(i), {});
    check.expression = rows[i].expression;
    table.constraints[check.name] = check;
  }
  const DependencyGraph graph = DependencyGraph::Build(catalog);
  for (size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE(rows[i].expression);
    std::vector<ObjectId> expected = {Of(ObjectKind::kTable, "public", "t")};
    for (const std::string& column : rows[i].columns)
      expected.push_back(ColumnId("public", "t", column));
    EXPECT_EQ(graph.Dependencies(ConstraintId("public", "t", "c" + std::to_string(i))),
              Sorted(expected));
  }
}

}  // namespace
}  // namespace pgdrift::model
