#include "parser/type_name.h"

#include <memory>
#include <string>

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/parse_tree.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;

// Resolves the type of column c in `CREATE TABLE t (c <type>)`.
absl::StatusOr<model::TypeRef> Resolve(const std::string& type, const model::Catalog& catalog,
                                       model::SerialKind* serial = nullptr) {
  std::string sql = "CREATE TABLE t (c " + type + ")";
  SyntaxError error;
  std::unique_ptr<ParseTree> tree = ParseTree::Parse(sql, &error);
  if (tree == nullptr) return absl::InvalidArgumentError("syntax error: " + error.message);
  const PgQuery__CreateStmt* create_stmt = tree->result().stmts[0]->stmt->create_stmt;
  const PgQuery__ColumnDef* column_def = create_stmt->table_elts[0]->column_def;
  return ResolveTypeName(*column_def->type_name, catalog, serial);
}

model::Catalog CatalogWithTypes() {
  model::Catalog catalog;
  catalog.schemas["public"].name = "public";
  catalog.schemas["app"].name = "app";
  catalog.types[{"public", "mood"}].name = {"public", "mood"};
  catalog.types[{"app", "stage"}].name = {"app", "stage"};
  catalog.domains[{"public", "email"}].name = {"public", "email"};
  return catalog;
}

struct SpellingCase {
  std::string written;
  std::string canonical;  // TypeRef::ToString()
};

TEST(TypeName, SpellsBuiltinTypesAsFormatType) {
  const SpellingCase kCases[] = {
      {"int2", "smallint"},
      {"smallint", "smallint"},
      {"int4", "integer"},
      {"int", "integer"},
      {"integer", "integer"},
      {"int8", "bigint"},
      {"bigint", "bigint"},
      {"float4", "real"},
      {"real", "real"},
      {"float8", "double precision"},
      {"double precision", "double precision"},
      {"float", "double precision"},
      {"float(1)", "real"},
      {"float(24)", "real"},
      {"float(25)", "double precision"},
      {"float(53)", "double precision"},
      {"numeric", "numeric"},
      {"numeric(10,2)", "numeric(10,2)"},
      {"numeric(10)", "numeric(10,0)"},
      {"decimal(12, 4)", "numeric(12,4)"},
      {"decimal", "numeric"},
      {"dec(5,1)", "numeric(5,1)"},
      {"numeric(5,-2)", "numeric(5,-2)"},
      {"bool", "boolean"},
      {"boolean", "boolean"},
      {"varchar", "character varying"},
      {"varchar(20)", "character varying(20)"},
      {"character varying(255)", "character varying(255)"},
      {"char varying(3)", "character varying(3)"},
      {"national character varying(7)", "character varying(7)"},
      {"char", "character(1)"},
      {"character", "character(1)"},
      {"char(10)", "character(10)"},
      {"character(2)", "character(2)"},
      {"nchar(4)", "character(4)"},
      {"bpchar(3)", "character(3)"},
      {"bpchar", "bpchar"},
      {"\"char\"", "\"char\""},
      {"text", "text"},
      {"bytea", "bytea"},
      {"date", "date"},
      {"time", "time without time zone"},
      {"time(3)", "time(3) without time zone"},
      {"time without time zone", "time without time zone"},
      {"time(2) without time zone", "time(2) without time zone"},
      {"time with time zone", "time with time zone"},
      {"time(4) with time zone", "time(4) with time zone"},
      {"timetz", "time with time zone"},
      {"timetz(1)", "time(1) with time zone"},
      {"timestamp", "timestamp without time zone"},
      {"timestamp(0)", "timestamp(0) without time zone"},
      {"timestamp without time zone", "timestamp without time zone"},
      {"timestamp(6) without time zone", "timestamp(6) without time zone"},
      {"timestamp with time zone", "timestamp with time zone"},
      {"timestamp(3) with time zone", "timestamp(3) with time zone"},
      {"timestamptz", "timestamp with time zone"},
      {"timestamptz(3)", "timestamp(3) with time zone"},
      {"timestamp(9)", "timestamp(6) without time zone"},
      {"interval", "interval"},
      {"interval(3)", "interval(3)"},
      {"interval year", "interval year"},
      {"interval month", "interval month"},
      {"interval day", "interval day"},
      {"interval hour", "interval hour"},
      {"interval minute", "interval minute"},
      {"interval second", "interval second"},
      {"interval second(2)", "interval second(2)"},
      {"interval year to month", "interval year to month"},
      {"interval day to hour", "interval day to hour"},
      {"interval day to minute", "interval day to minute"},
      {"interval day to second", "interval day to second"},
      {"interval day to second(4)", "interval day to second(4)"},
      {"interval hour to minute", "interval hour to minute"},
      {"interval hour to second", "interval hour to second"},
      {"interval minute to second", "interval minute to second"},
      {"bit", "bit(1)"},
      {"bit(8)", "bit(8)"},
      {"\"bit\"", "\"bit\""},
      {"bit varying", "bit varying"},
      {"bit varying(16)", "bit varying(16)"},
      {"varbit", "bit varying"},
      {"varbit(5)", "bit varying(5)"},
      {"uuid", "uuid"},
      {"json", "json"},
      {"jsonb", "jsonb"},
      {"jsonpath", "jsonpath"},
      {"inet", "inet"},
      {"cidr", "cidr"},
      {"macaddr", "macaddr"},
      {"macaddr8", "macaddr8"},
      {"money", "money"},
      {"xml", "xml"},
      {"tsvector", "tsvector"},
      {"tsquery", "tsquery"},
      {"oid", "oid"},
      {"regclass", "regclass"},
      {"regtype", "regtype"},
      {"name", "name"},
      {"point", "point"},
      {"line", "line"},
      {"lseg", "lseg"},
      {"box", "box"},
      {"path", "path"},
      {"polygon", "polygon"},
      {"circle", "circle"},
      {"int4range", "int4range"},
      {"int8range", "int8range"},
      {"numrange", "numrange"},
      {"tsrange", "tsrange"},
      {"tstzrange", "tstzrange"},
      {"daterange", "daterange"},
      {"int4multirange", "int4multirange"},
      {"pg_lsn", "pg_lsn"},
      {"pg_catalog.int4", "integer"},
      {"pg_catalog.varchar(5)", "character varying(5)"},
      {"pg_catalog.text", "text"},
      {"\"TEXT\"", ""},  // case matters in quotes: no such type
  };
  model::Catalog catalog = CatalogWithTypes();
  for (const SpellingCase& c : kCases) {
    SCOPED_TRACE(c.written);
    absl::StatusOr<model::TypeRef> type = Resolve(c.written, catalog);
    if (c.canonical.empty()) {
      EXPECT_THAT(type, StatusIs(absl::StatusCode::kNotFound, "does not exist"));
      continue;
    }
    ASSERT_THAT(type, IsOk());
    EXPECT_EQ(type->ToString(), c.canonical);
    EXPECT_EQ(type->schema, "");
    EXPECT_FALSE(type->array);
  }
}

TEST(TypeName, MarksArrays) {
  const SpellingCase kCases[] = {
      {"int[]", "integer[]"},
      {"integer[3]", "integer[]"},
      {"int4[][]", "integer[]"},
      {"text ARRAY", "text[]"},
      {"varchar(10)[]", "character varying(10)[]"},
      {"timestamptz(3)[]", "timestamp(3) with time zone[]"},
      {"_int4", "integer[]"},
      {"_text", "text[]"},
      {"mood[]", "public.mood[]"},
  };
  model::Catalog catalog = CatalogWithTypes();
  for (const SpellingCase& c : kCases) {
    SCOPED_TRACE(c.written);
    absl::StatusOr<model::TypeRef> type = Resolve(c.written, catalog);
    ASSERT_THAT(type, IsOk());
    EXPECT_TRUE(type->array);
    EXPECT_EQ(type->ToString(), c.canonical);
    EXPECT_EQ(type->Element().ToString() + "[]", c.canonical);
  }
}

TEST(TypeName, RejectsInvalidModifiers) {
  struct Case {
    std::string written;
    std::string message;
  };
  const Case kCases[] = {
      {"varchar(0)", "length for type varchar must be at least 1"},
      {"varchar(10485761)", "length for type varchar cannot exceed 10485760"},
      {"char(0)", "length for type char must be at least 1"},
      {"bit(0)", "length for type bit must be at least 1"},
      {"varbit(0)", "length for type varbit must be at least 1"},
      {"numeric(0)", "NUMERIC precision 0 must be between 1 and 1000"},
      {"numeric(1001,2)", "NUMERIC precision 1001 must be between 1 and 1000"},
      {"numeric(10,1001)", "NUMERIC scale 1001 must be between -1000 and 1000"},
      {"numeric(1,2,3)", "invalid NUMERIC type modifier"},
      {"text(5)", "type modifier is not allowed for type \"text\""},
      {"int4(5)", "type modifier is not allowed for type \"int4\""},
      {"uuid(1)", "type modifier is not allowed for type \"uuid\""},
      {"timestamptz(1,2)", "invalid type modifier"},
      {"mood(3)", "type modifier is not allowed for type \"mood\""},
      {"bpchar('x')", "invalid type modifier"},
  };
  model::Catalog catalog = CatalogWithTypes();
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.written);
    EXPECT_THAT(Resolve(c.written, catalog),
                StatusIs(absl::StatusCode::kInvalidArgument, c.message));
  }
}

TEST(TypeName, ResolvesUserTypesThroughSearchPath) {
  model::Catalog catalog = CatalogWithTypes();
  absl::StatusOr<model::TypeRef> mood = Resolve("mood", catalog);
  ASSERT_THAT(mood, IsOk());
  EXPECT_EQ(mood->schema, "public");
  EXPECT_EQ(mood->name, "mood");
  EXPECT_EQ(mood->ToString(), "public.mood");

  absl::StatusOr<model::TypeRef> email = Resolve("email", catalog);
  ASSERT_THAT(email, IsOk());
  EXPECT_EQ(email->ToString(), "public.email");

  // Not on search_path: unqualified "stage" is unknown, qualified it resolves.
  EXPECT_THAT(Resolve("stage", catalog),
              StatusIs(absl::StatusCode::kNotFound, "type \"stage\" does not exist"));
  absl::StatusOr<model::TypeRef> stage = Resolve("app.stage", catalog);
  ASSERT_THAT(stage, IsOk());
  EXPECT_EQ(stage->ToString(), "app.stage");

  catalog.search_path = {"app", "public"};
  absl::StatusOr<model::TypeRef> on_path = Resolve("stage", catalog);
  ASSERT_THAT(on_path, IsOk());
  EXPECT_EQ(on_path->schema, "app");
}

TEST(TypeName, ReportsUnknownTypesAsPostgresDoes) {
  model::Catalog catalog = CatalogWithTypes();
  EXPECT_THAT(Resolve("nosuch", catalog),
              StatusIs(absl::StatusCode::kNotFound, "type \"nosuch\" does not exist"));
  EXPECT_THAT(Resolve("nosuch[]", catalog),
              StatusIs(absl::StatusCode::kNotFound, "type \"nosuch[]\" does not exist"));
  EXPECT_THAT(Resolve("app.nosuch", catalog),
              StatusIs(absl::StatusCode::kNotFound, "type \"app.nosuch\" does not exist"));
  EXPECT_THAT(Resolve("pg_catalog.mood", catalog),
              StatusIs(absl::StatusCode::kNotFound, "type \"pg_catalog.mood\" does not exist"));
  // SQL spellings are keywords of the grammar, not type names: quoted they do not exist.
  EXPECT_THAT(Resolve("\"integer\"", catalog),
              StatusIs(absl::StatusCode::kNotFound, "type \"integer\" does not exist"));
}

TEST(TypeName, RejectsPercentType) {
  // %TYPE is only valid where function arguments and results are declared.
  std::string sql = "CREATE FUNCTION f(a t.c%TYPE) RETURNS void LANGUAGE sql AS ''";
  SyntaxError error;
  std::unique_ptr<ParseTree> tree = ParseTree::Parse(sql, &error);
  ASSERT_NE(tree, nullptr) << error.message;
  const PgQuery__CreateFunctionStmt* create_function_stmt =
      tree->result().stmts[0]->stmt->create_function_stmt;
  const PgQuery__TypeName* arg_type =
      create_function_stmt->parameters[0]->function_parameter->arg_type;
  EXPECT_THAT(ResolveTypeName(*arg_type, CatalogWithTypes()),
              StatusIs(absl::StatusCode::kUnimplemented, "%TYPE is not modelled"));
}

TEST(TypeName, ExpandsSerialNames) {
  struct Case {
    std::string written;
    model::SerialKind kind;
    std::string base;
  };
  const Case kCases[] = {
      {"serial", model::SerialKind::kRegular, "integer"},
      {"serial4", model::SerialKind::kRegular, "integer"},
      {"bigserial", model::SerialKind::kBig, "bigint"},
      {"serial8", model::SerialKind::kBig, "bigint"},
      {"smallserial", model::SerialKind::kSmall, "smallint"},
      {"serial2", model::SerialKind::kSmall, "smallint"},
  };
  model::Catalog catalog = CatalogWithTypes();
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.written);
    model::SerialKind serial = model::SerialKind::kNone;
    absl::StatusOr<model::TypeRef> type = Resolve(c.written, catalog, &serial);
    ASSERT_THAT(type, IsOk());
    EXPECT_EQ(serial, c.kind);
    EXPECT_EQ(type->ToString(), c.base);
    // Where serial is not accepted (casts, domains), it is no type at all.
    EXPECT_THAT(Resolve(c.written, catalog),
                StatusIs(absl::StatusCode::kNotFound, "type \"" + c.written + "\" does not exist"));
  }
  model::SerialKind serial = model::SerialKind::kNone;
  EXPECT_THAT(Resolve("serial[]", catalog, &serial),
              StatusIs(absl::StatusCode::kInvalidArgument, "array of serial is not implemented"));
  // Qualified, it is looked up as a type name.
  EXPECT_THAT(Resolve("pg_catalog.serial", catalog, &serial),
              StatusIs(absl::StatusCode::kNotFound, "does not exist"));
  EXPECT_EQ(serial, model::SerialKind::kNone);
}

TEST(TypeName, ResolvesExtensionTypesToTheExtensionSchema) {
  model::Catalog catalog = CatalogWithTypes();
  catalog.schemas["extensions"].name = "extensions";
  catalog.extensions["citext"] = {"citext", "public"};
  catalog.extensions["vector"] = {"vector", "extensions"};

  absl::StatusOr<model::TypeRef> citext = Resolve("citext", catalog);
  ASSERT_THAT(citext, IsOk());
  EXPECT_EQ(citext->ToString(), "public.citext");

  absl::StatusOr<model::TypeRef> vector = Resolve("vector(1536)", catalog);
  ASSERT_THAT(vector, IsOk());
  EXPECT_EQ(vector->schema, "extensions");
  EXPECT_EQ(vector->name, "vector");
  EXPECT_EQ(vector->typmod, "(1536)");
  EXPECT_EQ(vector->ToString(), "extensions.vector(1536)");

  absl::StatusOr<model::TypeRef> qualified = Resolve("extensions.vector(3)[]", catalog);
  ASSERT_THAT(qualified, IsOk());
  EXPECT_EQ(qualified->ToString(), "extensions.vector(3)[]");

  // hstore is known to come from the hstore extension, which is not installed; the
  // installed ones are known not to provide it.
  EXPECT_THAT(Resolve("hstore", catalog),
              StatusIs(absl::StatusCode::kNotFound, "type \"hstore\" does not exist"));
}

TEST(TypeName, GuessesUnknownExtensionTypesFromSearchPath) {
  model::Catalog catalog = CatalogWithTypes();
  catalog.schemas["gis"].name = "gis";
  // Only extensions known to provide no column types: a typo stays an error.
  catalog.extensions["pgcrypto"] = {"pgcrypto", "extensions"};
  catalog.extensions["uuid-ossp"] = {"uuid-ossp", "extensions"};
  EXPECT_THAT(Resolve("uuidd", catalog), StatusIs(absl::StatusCode::kNotFound, "uuidd"));

  catalog.extensions["postgis"] = {"postgis", "gis"};
  absl::StatusOr<model::TypeRef> geometry = Resolve("geometry(Point, 4326)", catalog);
  ASSERT_THAT(geometry, IsOk());
  EXPECT_EQ(geometry->ToString(), "gis.geometry(point,4326)");

  // An extension pgdrift knows nothing about may provide any type.
  catalog.extensions["semver"] = {"semver", "app"};
  catalog.extensions["zzz"] = {"zzz", "public"};
  absl::StatusOr<model::TypeRef> guessed = Resolve("semver", catalog);
  ASSERT_THAT(guessed, IsOk());
  EXPECT_EQ(guessed->schema, "public");  // public is on search_path, app is not
  catalog.search_path = {"app", "public"};
  guessed = Resolve("semver", catalog);
  ASSERT_THAT(guessed, IsOk());
  EXPECT_EQ(guessed->schema, "app");
}

TEST(TypeName, KeepsQualifiedTypesOfManagedSchemas) {
  model::Catalog catalog = CatalogWithTypes();
  catalog.schemas["auth"].name = "auth";
  catalog.schemas["auth"].managed = true;
  absl::StatusOr<model::TypeRef> type = Resolve("auth.aal_level", catalog);
  ASSERT_THAT(type, IsOk());
  EXPECT_EQ(type->ToString(), "auth.aal_level");
  absl::StatusOr<model::TypeRef> info = Resolve("information_schema.sql_identifier", catalog);
  ASSERT_THAT(info, IsOk());
  EXPECT_EQ(info->ToString(), "information_schema.sql_identifier");
}

TEST(TypeName, CanonicalBuiltinTypeAcceptsEverySpelling) {
  struct Case {
    std::string name;
    std::string typmods;
    std::string canonical;
  };
  const Case kCases[] = {
      {"int4", "", "integer"},
      {"integer", "", "integer"},
      {"INT", "", "integer"},
      {"double precision", "", "double precision"},
      {"float", "10", "real"},
      {"varchar", "20", "character varying(20)"},
      {"character varying", "20", "character varying(20)"},
      {"character", "", "character(1)"},
      {"bpchar", "4", "character(4)"},
      {"char", "", "\"char\""},
      {"timestamptz", "3", "timestamp(3) with time zone"},
      {"timestamp with time zone", "", "timestamp with time zone"},
      {"time without time zone", "2", "time(2) without time zone"},
      {"numeric", "10, 2", "numeric(10,2)"},
      {"decimal", "7", "numeric(7,0)"},
      {"interval", "6", "interval year to month"},
      {"interval", "32767,3", "interval(3)"},
      {"bit varying", "", "bit varying"},
      {"any", "", "\"any\""},
      {"uuid", "", "uuid"},
      {"mood", "", ""},
      {"varchar", "0", ""},
      {"varchar", "x", ""},
      {"text", "1", ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name + "(" + c.typmods + ")");
    EXPECT_EQ(CanonicalBuiltinType(c.name, c.typmods), c.canonical);
  }
}

TEST(TypeName, CanonicalCollationQualifiesWithPgCatalog) {
  struct Case {
    std::string collate;
    std::string canonical;
  };
  const Case kCases[] = {
      {"\"C\"", "pg_catalog.\"C\""},
      {"\"en_US\"", "pg_catalog.\"en_US\""},
      {"\"default\"", ""},
      {"pg_catalog.\"POSIX\"", "pg_catalog.\"POSIX\""},
      {"public.german", "public.german"},
      {"ucs_basic", "pg_catalog.ucs_basic"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.collate);
    std::string sql = "CREATE TABLE t (c text COLLATE " + c.collate + ")";
    SyntaxError error;
    std::unique_ptr<ParseTree> tree = ParseTree::Parse(sql, &error);
    ASSERT_NE(tree, nullptr) << error.message;
    const PgQuery__ColumnDef* column_def =
        tree->result().stmts[0]->stmt->create_stmt->table_elts[0]->column_def;
    // The grammar puts a column's COLLATE into its constraint list or coll_clause.
    const PgQuery__CollateClause* collate = column_def->coll_clause;
    ASSERT_NE(collate, nullptr);
    EXPECT_EQ(CanonicalCollation(collate->collname, collate->n_collname), c.canonical);
  }
}

}  // namespace
}  // namespace pgdrift::parser
