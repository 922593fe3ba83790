#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/mutation.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::MakeColumn;

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// public.users, the partitioned tables public.events (RANGE (created_at)), public.items
// (LIST (kind)) and public.buckets (HASH (id)), the composite type public.address.
model::Catalog TestCatalog() {
  model::Catalog catalog = BasicCatalog();
  model::Table& users = catalog.tables[{"public", "users"}];
  users.name = {"public", "users"};
  users.columns = {MakeColumn("id", model::TypeRef::Builtin("uuid"))};

  model::Table& events = catalog.tables[{"public", "events"}];
  events.name = {"public", "events"};
  events.columns = {MakeColumn("id", model::TypeRef::Builtin("bigint")),
                    MakeColumn("created_at", model::TypeRef::Builtin("date"))};
  events.partition_key = "RANGE (created_at)";

  model::Table& logs = catalog.tables[{"public", "logs"}];
  logs.name = {"public", "logs"};
  logs.columns = {MakeColumn("at", model::TypeRef::Builtin("timestamp without time zone"))};
  logs.partition_key = "RANGE (at)";

  model::Table& items = catalog.tables[{"public", "items"}];
  items.name = {"public", "items"};
  items.columns = {MakeColumn("kind", model::TypeRef::Builtin("text")),
                   MakeColumn("rank", model::TypeRef::Builtin("integer"))};
  items.partition_key = "LIST (kind)";

  model::Table& ranked = catalog.tables[{"public", "ranked"}];
  ranked.name = {"public", "ranked"};
  ranked.columns = {MakeColumn("rank", model::TypeRef::Builtin("integer")),
                    MakeColumn("label", model::TypeRef::Builtin("text"))};
  ranked.partition_key = "RANGE (rank, label)";

  model::Table& buckets = catalog.tables[{"public", "buckets"}];
  buckets.name = {"public", "buckets"};
  buckets.columns = {MakeColumn("id", model::TypeRef::Builtin("integer"))};
  buckets.partition_key = "HASH (id)";

  model::UserType& address = catalog.types[{"public", "address"}];
  address.name = {"public", "address"};
  address.kind = model::UserTypeKind::kComposite;
  address.attributes = {{"street", model::TypeRef::Builtin("text"), ""},
                        {"zip", model::TypeRef::Builtin("character varying(10)"), ""}};
  return catalog;
}

model::CreateTable Create(std::string_view sql) {
  return SingleMutation<model::CreateTable>(TransformSql(sql, TestCatalog()));
}

const model::ColumnDef* FindColumn(const model::CreateTable& m, std::string_view name) {
  for (const model::ColumnDef& column : m.columns) {
    if (column.column.name == name) return &column;
  }
  return nullptr;
}

TEST(TransformCreateTable, TransformsColumns) {
  model::CreateTable m = Create(R"sql(
    CREATE TABLE orders (
      id serial PRIMARY KEY,
      big_id bigserial,
      user_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      code varchar(20) COLLATE "C" DEFAULT 'x',
      total numeric(10, 2) DEFAULT 0,
      note text NULL DEFAULT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamp DEFAULT CURRENT_TIMESTAMP
    ))sql");
  EXPECT_EQ(m.table.name, (model::QualifiedName{"", "orders"}));
  EXPECT_FALSE(m.table.unlogged);
  EXPECT_FALSE(m.if_not_exists);
  struct Expected {
    std::string name;
    std::string type;
    model::SerialKind serial;
    bool not_null;
    std::optional<std::string> default_expr;
    std::string collation;
  };
  const std::vector<Expected> expected = {
      {"id", "integer", model::SerialKind::kRegular, true, std::nullopt, ""},
      {"big_id", "bigint", model::SerialKind::kBig, false, std::nullopt, ""},
      {"user_id", "uuid", model::SerialKind::kNone, true, std::nullopt, ""},
      {"status", "text", model::SerialKind::kNone, true, "'pending'", ""},
      {"code", "character varying(20)", model::SerialKind::kNone, false, "'x'", "pg_catalog.\"C\""},
      {"total", "numeric(10,2)", model::SerialKind::kNone, false, "0", ""},
      {"note", "text", model::SerialKind::kNone, false, std::nullopt, ""},
      {"created_at", "timestamp with time zone", model::SerialKind::kNone, true, "now()", ""},
      {"updated_at", "timestamp without time zone", model::SerialKind::kNone, false, "current_timestamp", ""},
  };
  ASSERT_EQ(m.columns.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(expected[i].name);
    const model::ColumnDef& column = m.columns[i];
    EXPECT_EQ(column.column.name, expected[i].name);
    EXPECT_EQ(column.column.type.ToString(), expected[i].type);
    EXPECT_EQ(column.serial, expected[i].serial);
    EXPECT_EQ(column.column.not_null, expected[i].not_null);
    EXPECT_EQ(column.column.default_expr, expected[i].default_expr);
    EXPECT_EQ(column.column.collation, expected[i].collation);
  }
  ASSERT_EQ(m.constraints.size(), 1u);
  EXPECT_EQ(m.constraints[0].constraint.type, model::ConstraintType::kPrimaryKey);
  EXPECT_EQ(m.constraints[0].column, "id");
  EXPECT_THAT(m.constraints[0].constraint.columns, ElementsAre("id"));
}

TEST(TransformCreateTable, QualifiesCollationsAsTheCatalogDoes) {
  struct Case {
    std::string collate;
    std::string collation;
  };
  const std::vector<Case> cases = {
      {"\"C\"", "pg_catalog.\"C\""},
      {"\"POSIX\"", "pg_catalog.\"POSIX\""},
      {"\"en_US\"", "pg_catalog.\"en_US\""},
      {"\"de_DE.utf8\"", "pg_catalog.\"de_DE.utf8\""},
      {"\"und-x-icu\"", "pg_catalog.\"und-x-icu\""},
      {"\"default\"", ""},
      // Not a built-in name: a collation the user created, in the creation schema.
      {"posix", "public.posix"},
      {"app.by_number", "app.by_number"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.collate);
    model::CreateTable m = Create("CREATE TABLE t (a text COLLATE " + c.collate + ")");
    ASSERT_EQ(m.columns.size(), 1u);
    EXPECT_EQ(m.columns[0].column.collation, c.collation);
  }
}

TEST(TransformCreateTable, TransformsIdentityAndGeneratedColumns) {
  model::CreateTable m = Create(R"sql(
    CREATE TABLE t (
      id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5),
      alt int GENERATED BY DEFAULT AS IDENTITY,
      price numeric,
      qty int,
      email varchar(100),
      total numeric GENERATED ALWAYS AS (price * qty) STORED,
      email_lower text GENERATED ALWAYS AS (lower(email)) STORED
    ))sql");
  const model::ColumnDef* id = FindColumn(m, "id");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->column.identity, model::IdentityKind::kAlways);
  EXPECT_TRUE(id->column.not_null);
  EXPECT_EQ(id->identity_options.start, 10);
  EXPECT_EQ(id->identity_options.increment, 5);
  EXPECT_FALSE(id->column.default_expr.has_value());
  const model::ColumnDef* alt = FindColumn(m, "alt");
  ASSERT_NE(alt, nullptr);
  EXPECT_EQ(alt->column.identity, model::IdentityKind::kByDefault);
  EXPECT_FALSE(alt->identity_options.start.has_value());
  const model::ColumnDef* total = FindColumn(m, "total");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->column.generated_expr, "price * qty");
  EXPECT_EQ(total->column.identity, model::IdentityKind::kNone);
  // pg_get_expr prints lower((email)::text); both meet in lower(email).
  const model::ColumnDef* email_lower = FindColumn(m, "email_lower");
  ASSERT_NE(email_lower, nullptr);
  EXPECT_EQ(email_lower->column.generated_expr, "lower(email)");
}

TEST(TransformCreateTable, TransformsColumnConstraints) {
  model::CreateTable m = Create(R"sql(
    CREATE TABLE t (
      id int CONSTRAINT t_id PRIMARY KEY,
      email varchar(50) UNIQUE NULLS NOT DISTINCT,
      status text CHECK (status IN ('a', 'b')) NO INHERIT,
      user_id uuid REFERENCES users ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      ref int UNIQUE INITIALLY DEFERRED
    ))sql");
  ASSERT_EQ(m.constraints.size(), 5u);

  const model::ConstraintDef& pk = m.constraints[0];
  EXPECT_EQ(pk.constraint.name, "t_id");
  EXPECT_EQ(pk.constraint.type, model::ConstraintType::kPrimaryKey);
  EXPECT_EQ(pk.column, "id");
  EXPECT_THAT(pk.constraint.columns, ElementsAre("id"));

  const model::ConstraintDef& unique = m.constraints[1];
  EXPECT_EQ(unique.constraint.type, model::ConstraintType::kUnique);
  EXPECT_EQ(unique.constraint.name, "");
  EXPECT_EQ(unique.column, "email");
  EXPECT_TRUE(unique.constraint.nulls_not_distinct);

  const model::ConstraintDef& check = m.constraints[2];
  EXPECT_EQ(check.constraint.type, model::ConstraintType::kCheck);
  EXPECT_EQ(check.column, "status");
  EXPECT_EQ(check.constraint.expression, "status = ANY(ARRAY['a', 'b'])");
  EXPECT_TRUE(check.constraint.no_inherit);
  EXPECT_THAT(check.check_columns, ElementsAre("status"));

  const model::ConstraintDef& fk = m.constraints[3];
  EXPECT_EQ(fk.constraint.type, model::ConstraintType::kForeignKey);
  EXPECT_EQ(fk.column, "user_id");
  EXPECT_THAT(fk.constraint.columns, ElementsAre("user_id"));
  EXPECT_EQ(fk.constraint.referenced_table, (model::QualifiedName{"", "users"}));
  EXPECT_THAT(fk.constraint.referenced_columns, IsEmpty());
  EXPECT_TRUE(fk.references_primary_key);
  EXPECT_EQ(fk.constraint.on_delete, model::ForeignKeyAction::kCascade);
  EXPECT_EQ(fk.constraint.on_update, model::ForeignKeyAction::kNoAction);
  EXPECT_TRUE(fk.constraint.deferrable);
  EXPECT_TRUE(fk.constraint.initially_deferred);

  // INITIALLY DEFERRED alone makes the constraint deferrable.
  const model::ConstraintDef& deferred = m.constraints[4];
  EXPECT_TRUE(deferred.constraint.deferrable);
  EXPECT_TRUE(deferred.constraint.initially_deferred);

  // The primary key column is NOT NULL.
  EXPECT_TRUE(FindColumn(m, "id")->column.not_null);
}

TEST(TransformCreateTable, TransformsTableConstraints) {
  model::CreateTable m = Create(R"sql(
    CREATE TABLE booking (
      a int, b int, c text, room int, during tstzrange, start_at date, end_at date,
      PRIMARY KEY (a, b) WITH (fillfactor = 90),
      CONSTRAINT booking_c_key UNIQUE NULLS NOT DISTINCT (c) INCLUDE (a),
      CHECK (start_at < end_at),
      CHECK (a > 0) NO INHERIT NOT VALID,
      FOREIGN KEY (a, b) REFERENCES public.other (x, y) MATCH FULL
        ON DELETE SET NULL (a) ON UPDATE RESTRICT DEFERRABLE NOT VALID,
      EXCLUDE USING gist (room WITH =, during WITH &&, lower(c) WITH OPERATOR(pg_catalog.=))
        WHERE (room > 0)
    ))sql");
  ASSERT_EQ(m.constraints.size(), 6u);

  const model::Constraint& pk = m.constraints[0].constraint;
  EXPECT_EQ(pk.type, model::ConstraintType::kPrimaryKey);
  EXPECT_THAT(pk.columns, ElementsAre("a", "b"));
  EXPECT_EQ(pk.index_options, (std::map<std::string, std::string>{{"fillfactor", "90"}}));
  EXPECT_EQ(m.constraints[0].column, "");
  EXPECT_TRUE(FindColumn(m, "a")->column.not_null);
  EXPECT_TRUE(FindColumn(m, "b")->column.not_null);
  EXPECT_FALSE(FindColumn(m, "c")->column.not_null);

  const model::Constraint& unique = m.constraints[1].constraint;
  EXPECT_EQ(unique.name, "booking_c_key");
  EXPECT_THAT(unique.columns, ElementsAre("c"));
  EXPECT_THAT(unique.include, ElementsAre("a"));
  EXPECT_TRUE(unique.nulls_not_distinct);

  EXPECT_EQ(m.constraints[2].constraint.expression, "start_at < end_at");
  EXPECT_THAT(m.constraints[2].check_columns, ElementsAre("start_at", "end_at"));
  EXPECT_FALSE(m.constraints[2].constraint.no_inherit);

  // NOT VALID has no effect in CREATE TABLE: the new table's constraints are valid.
  const model::Constraint& check = m.constraints[3].constraint;
  EXPECT_TRUE(check.no_inherit);
  EXPECT_TRUE(check.validated);

  const model::ConstraintDef& fk = m.constraints[4];
  EXPECT_THAT(fk.constraint.columns, ElementsAre("a", "b"));
  EXPECT_EQ(fk.constraint.referenced_table, (model::QualifiedName{"public", "other"}));
  EXPECT_THAT(fk.constraint.referenced_columns, ElementsAre("x", "y"));
  EXPECT_FALSE(fk.references_primary_key);
  EXPECT_EQ(fk.constraint.match, model::ForeignKeyMatch::kFull);
  EXPECT_EQ(fk.constraint.on_delete, model::ForeignKeyAction::kSetNull);
  EXPECT_THAT(fk.constraint.on_delete_set_columns, ElementsAre("a"));
  EXPECT_EQ(fk.constraint.on_update, model::ForeignKeyAction::kRestrict);
  EXPECT_TRUE(fk.constraint.deferrable);
  EXPECT_FALSE(fk.constraint.initially_deferred);
  EXPECT_TRUE(fk.constraint.validated);

  const model::ConstraintDef& excl = m.constraints[5];
  EXPECT_EQ(excl.constraint.type, model::ConstraintType::kExclusion);
  EXPECT_EQ(excl.constraint.exclusion_method, "gist");
  ASSERT_EQ(excl.constraint.exclusion_elements.size(), 3u);
  EXPECT_EQ(excl.constraint.exclusion_elements[0].element.column, "room");
  EXPECT_EQ(excl.constraint.exclusion_elements[0].op, "=");
  EXPECT_EQ(excl.constraint.exclusion_elements[1].element.column, "during");
  EXPECT_EQ(excl.constraint.exclusion_elements[1].op, "&&");
  EXPECT_EQ(excl.constraint.exclusion_elements[2].element.expression, "lower(c)");
  EXPECT_EQ(excl.constraint.exclusion_elements[2].op, "=");
  EXPECT_THAT(excl.element_name_hints, ElementsAre("room", "during", "lower"));
  EXPECT_EQ(excl.constraint.exclusion_predicate, "room > 0");
}

TEST(TransformCreateTable, TransformsTableOptions) {
  struct Case {
    std::string sql;
    bool unlogged;
    bool if_not_exists;
    std::map<std::string, std::string> options;
    std::string tablespace;
    std::string access_method;
  };
  const std::vector<Case> cases = {
      {"CREATE UNLOGGED TABLE t (a int)", true, false, {}, "", ""},
      {"CREATE TABLE IF NOT EXISTS t (a int)", false, true, {}, "", ""},
      {"CREATE TABLE t (a int) WITH (fillfactor = 70, autovacuum_enabled = false, "
       "toast.autovacuum_enabled)",
       false,
       false,
       {{"fillfactor", "70"}, {"autovacuum_enabled", "false"}, {"toast.autovacuum_enabled", "true"}},
       "",
       ""},
      {"CREATE TABLE t (a int) WITH (oids = false) TABLESPACE fast", false, false, {}, "fast", ""},
      {"CREATE TABLE t (a int) USING heap", false, false, {}, "", ""},
      {"CREATE TABLE t (a int) USING columnar", false, false, {}, "", "columnar"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    model::CreateTable m = Create(c.sql);
    EXPECT_EQ(m.table.unlogged, c.unlogged);
    EXPECT_EQ(m.if_not_exists, c.if_not_exists);
    EXPECT_EQ(m.table.options, c.options);
    EXPECT_EQ(m.table.tablespace, c.tablespace);
    EXPECT_EQ(m.table.access_method, c.access_method);
  }
}

TEST(TransformCreateTable, PrintsPartitionKeysAsPgGetPartkeydef) {
  struct Case {
    std::string sql;
    std::string key;
  };
  const std::vector<Case> cases = {
      {"CREATE TABLE p (id int, created_at date) PARTITION BY RANGE (created_at)", "RANGE (created_at)"},
      {"CREATE TABLE p (id int, k text) PARTITION BY LIST (lower(k))", "LIST (lower(k))"},
      {"CREATE TABLE p (id int, n int) PARTITION BY HASH (id, n)", "HASH (id, n)"},
      {"CREATE TABLE p (a int, b int) PARTITION BY RANGE ((a + b))", "RANGE ((a + b))"},
      {"CREATE TABLE p (a text) PARTITION BY RANGE (a COLLATE \"C\" text_pattern_ops)",
       "RANGE (a COLLATE \"C\" text_pattern_ops)"},
      {"CREATE TABLE p (\"Key\" int) PARTITION BY LIST (\"Key\")", "LIST (\"Key\")"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    EXPECT_EQ(Create(c.sql).table.partition_key, c.key);
  }
  EXPECT_THAT(TransformSql("CREATE TABLE p (a int, b int) PARTITION BY LIST (a, b)", TestCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "cannot use \"list\" partition strategy with more than one column"));
}

TEST(TransformCreateTable, PrintsPartitionBoundsAsPgGetExpr) {
  struct Case {
    std::string sql;
    model::QualifiedName parent;
    std::string bound;
  };
  const std::vector<Case> cases = {
      {"CREATE TABLE e1 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
       {"", "events"},
       "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"},
      {"CREATE TABLE e2 PARTITION OF events FOR VALUES FROM (MINVALUE) TO ('2024-01-01'::date)",
       {"", "events"},
       "FOR VALUES FROM (MINVALUE) TO ('2024-01-01')"},
      {"CREATE TABLE e3 PARTITION OF public.events DEFAULT", {"public", "events"}, "DEFAULT"},
      {"CREATE TABLE i1 PARTITION OF items FOR VALUES IN ('a', 'b')", {"", "items"},
       "FOR VALUES IN ('a', 'b')"},
      {"CREATE TABLE i2 PARTITION OF items FOR VALUES IN (NULL, 'it''s')", {"", "items"},
       "FOR VALUES IN (NULL, 'it''s')"},
      {"CREATE TABLE i3 PARTITION OF items FOR VALUES IN (1)", {"", "items"}, "FOR VALUES IN ('1')"},
      {"CREATE TABLE r1 PARTITION OF ranked FOR VALUES FROM (1, MINVALUE) TO ('10', MAXVALUE)",
       {"", "ranked"},
       "FOR VALUES FROM (1, MINVALUE) TO (10, MAXVALUE)"},
      {"CREATE TABLE b0 PARTITION OF buckets FOR VALUES WITH (MODULUS 4, REMAINDER 0)", {"", "buckets"},
       "FOR VALUES WITH (modulus 4, remainder 0)"},
      // A timestamp key prints its values as timestamp_out does.
      {"CREATE TABLE l1 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')", {"", "logs"},
       "FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-02-01 00:00:00')"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    model::CreateTable m = Create(c.sql);
    EXPECT_EQ(m.table.partition_of, c.parent);
    EXPECT_EQ(m.table.partition_bound, c.bound);
    EXPECT_THAT(m.table.inherits, IsEmpty());
  }
}

TEST(TransformCreateTable, PartitionSeesParentColumns) {
  model::CreateTable m = Create(
      "CREATE TABLE e1 PARTITION OF events (CONSTRAINT e1_id CHECK (id > 0), "
      "created_at WITH OPTIONS DEFAULT '2024-01-01'::date) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
  ASSERT_EQ(m.columns.size(), 1u);
  EXPECT_EQ(m.columns[0].column.name, "created_at");
  // The parent's column is a date: the cast is the one PostgreSQL's coercion adds.
  EXPECT_EQ(m.columns[0].column.default_expr, "'2024-01-01'");
  EXPECT_EQ(m.columns[0].column.type, model::TypeRef{});
  ASSERT_EQ(m.constraints.size(), 1u);
  EXPECT_EQ(m.constraints[0].constraint.expression, "id > 0");
}

TEST(TransformCreateTable, TransformsInheritsAndOfType) {
  model::CreateTable child = Create("CREATE TABLE child (extra int) INHERITS (users, public.events)");
  EXPECT_THAT(child.table.inherits,
              ElementsAre(model::QualifiedName{"", "users"}, model::QualifiedName{"public", "events"}));
  EXPECT_FALSE(child.table.partition_of.has_value());

  model::CreateTable typed = Create("CREATE TABLE addresses OF address (zip WITH OPTIONS NOT NULL)");
  EXPECT_EQ(typed.of_type, (model::QualifiedName{"public", "address"}));
  ASSERT_EQ(typed.columns.size(), 1u);
  EXPECT_EQ(typed.columns[0].column.name, "zip");
  EXPECT_TRUE(typed.columns[0].column.not_null);
}

TEST(TransformCreateTable, ReportsWhatIsNotModelled) {
  struct Case {
    std::string sql;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"CREATE TABLE t (LIKE users)", "CREATE TABLE … LIKE is not modelled"},
      {"CREATE TEMP TABLE t (a int)", "CREATE TEMP TABLE is not modelled"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    testing::TransformOutput output = TransformSql(c.sql, TestCatalog());
    EXPECT_THAT(output.status, StatusIs(absl::StatusCode::kUnimplemented, c.message));
    EXPECT_THAT(output.mutations, IsEmpty());
  }
}

TEST(TransformCreateTable, RejectsWhatPostgresRejects) {
  struct Case {
    std::string sql;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"CREATE TABLE t (a int NULL NOT NULL)", absl::StatusCode::kInvalidArgument,
       "conflicting NULL/NOT NULL declarations for column \"a\" of table \"t\""},
      {"CREATE TABLE t (a int DEFAULT 1 DEFAULT 2)", absl::StatusCode::kInvalidArgument,
       "multiple default values specified for column \"a\" of table \"t\""},
      {"CREATE TABLE t (a serial DEFAULT 1)", absl::StatusCode::kInvalidArgument,
       "multiple default values specified for column \"a\" of table \"t\""},
      {"CREATE TABLE t (a int DEFAULT 1 GENERATED ALWAYS AS IDENTITY)", absl::StatusCode::kInvalidArgument,
       "both default and identity specified for column \"a\" of table \"t\""},
      {"CREATE TABLE t (a int DEFAULT 1 GENERATED ALWAYS AS (2) STORED)", absl::StatusCode::kInvalidArgument,
       "both default and generation expression specified for column \"a\" of table \"t\""},
      {"CREATE TABLE t (a text GENERATED ALWAYS AS IDENTITY)", absl::StatusCode::kInvalidArgument,
       "identity column type must be smallint, integer, or bigint"},
      {"CREATE TABLE t (a int, a text)", absl::StatusCode::kAlreadyExists,
       "column \"a\" specified more than once"},
      {"CREATE TABLE t (a nosuchtype)", absl::StatusCode::kNotFound, "type \"nosuchtype\" does not exist"},
      {"CREATE TABLE t (a int CHECK (a > 0) DEFERRABLE)", absl::StatusCode::kInvalidArgument,
       "misplaced DEFERRABLE clause"},
      {"CREATE TABLE t (a int) ON COMMIT DROP", absl::StatusCode::kInvalidArgument,
       "ON COMMIT can only be used on temporary tables"},
      {"CREATE TABLE t (a text, b text DEFAULT \"a\")", absl::StatusCode::kInvalidArgument,
       "cannot use column reference in DEFAULT expression"},
      {"CREATE TABLE t (a int DEFAULT (SELECT 1))", absl::StatusCode::kInvalidArgument,
       "cannot use subquery in DEFAULT expression"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    testing::TransformOutput output = TransformSql(c.sql, TestCatalog());
    EXPECT_THAT(output.status, StatusIs(c.code, c.message));
    EXPECT_THAT(output.status, StatusIs(c.code, "test.sql:1:1: "));
    EXPECT_THAT(output.mutations, IsEmpty());
  }
}

}  // namespace
}  // namespace pgdrift::parser
