#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parser/replay.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::pgdrift::parser::testing::MakeColumn;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

// public with enum mood and table t (id integer).
model::Catalog Base() {
  model::Catalog catalog = BasicCatalog();
  catalog.types[{"public", "mood"}] = {.name = {"public", "mood"}};
  model::Table& table = catalog.tables[{"public", "t"}];
  table.name = {"public", "t"};
  table.columns.push_back(MakeColumn("id", "integer"));
  return catalog;
}

model::Routine Created(std::string_view sql) {
  return SingleMutation<model::CreateRoutine>(TransformSql(sql, Base())).routine;
}

std::vector<std::string> ArgTexts(const model::Routine& routine) {
  std::vector<std::string> texts;
  for (const model::RoutineArg& arg : routine.args) {
    std::string text = std::string(model::ArgModeName(arg.mode)) + " " + arg.name + " " +
                       arg.type.ToString();
    if (arg.default_expr) text += " = " + *arg.default_expr;
    texts.push_back(text);
  }
  return texts;
}

TEST(TransformCreateFunction, ReadsArgumentsResultAndBody) {
  struct Case {
    std::string sql;
    std::vector<std::string> args;
    std::string result;
    std::string identity;
    double rows;
  };
  const std::vector<Case> cases = {
      {"CREATE FUNCTION f1(a int4 DEFAULT 1+1, b text DEFAULT 'x') RETURNS int LANGUAGE sql "
       "AS $$select a$$",
       // pg_get_function_arg_default prints (1 + 1) and 'x'::text; both sides canonicalize.
       {"in a integer = 1 + 1", "in b text = 'x'"},
       "integer",
       "integer, text",
       0},
      {"CREATE FUNCTION f2(INOUT x integer, OUT y text) LANGUAGE sql AS $$select 1, 'a'$$",
       {"inout x integer", "out y text"},
       "record",
       "integer",
       0},
      {"CREATE FUNCTION f3() RETURNS SETOF t LANGUAGE sql AS 'select * from t'",
       {},
       "SETOF public.t",
       "",
       1000},
      {"CREATE FUNCTION f4(n t.id%TYPE) RETURNS TABLE(id integer, \"M\" mood) LANGUAGE sql "
       "AS $$select 1$$",
       {"in n integer", "table id integer", "table M public.mood"},
       "TABLE(id integer, \"M\" public.mood)",
       "integer",
       1000},
      {"CREATE FUNCTION f5(OUT y text) LANGUAGE sql AS $$select 'a'$$", {"out y text"}, "text", "", 0},
      {"CREATE FUNCTION f8(VARIADIC xs integer[]) RETURNS integer LANGUAGE sql AS $$select 1$$",
       {"variadic xs integer[]"},
       "integer",
       "integer[]",
       0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    model::Routine routine = Created(c.sql);
    EXPECT_THAT(ArgTexts(routine), ::testing::ElementsAreArray(c.args));
    EXPECT_EQ(routine.result, c.result);
    EXPECT_EQ(routine.IdentityArgs(), c.identity);
    EXPECT_EQ(routine.rows, c.rows);
  }
}

TEST(TransformCreateFunction, KeepsTheBodyAsProsrcDoes) {
  EXPECT_EQ(Created("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$\n select 1 $body$").body,
            "\n select 1 ");
  EXPECT_EQ(Created("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select ''a'''").body,
            "select 'a'");
  model::Routine c = Created("CREATE FUNCTION f(int) RETURNS int LANGUAGE C AS '$libdir/x', 'f_c'");
  EXPECT_EQ(c.probin, "$libdir/x");
  EXPECT_EQ(c.body, "f_c");
  EXPECT_EQ(c.cost, 1);
}

TEST(TransformCreateFunction, ReadsAttributes) {
  model::Routine routine = Created(
      "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql IMMUTABLE STRICT SECURITY DEFINER "
      "LEAKPROOF PARALLEL SAFE COST 5 SET search_path = '' SET work_mem = '64MB' "
      "AS $$begin return 1; end$$");
  EXPECT_EQ(routine.language, "plpgsql");
  EXPECT_EQ(routine.volatility, model::Volatility::kImmutable);
  EXPECT_TRUE(routine.strict);
  EXPECT_TRUE(routine.security_definer);
  EXPECT_TRUE(routine.leakproof);
  EXPECT_EQ(routine.parallel, model::ParallelSafety::kSafe);
  EXPECT_EQ(routine.cost, 5);
  EXPECT_THAT(routine.config,
              ElementsAre(Pair("search_path", "\"\""), Pair("work_mem", "64MB")));
}

TEST(TransformCreateFunction, StoresSetClausesAsProconfig) {
  struct Case {
    std::string clause;
    std::string value;
  };
  // Values as PostgreSQL 15 stores them in pg_proc.proconfig.
  const std::vector<Case> cases = {
      {"SET search_path = ''", "\"\""},
      {"SET search_path = public, pg_temp", "public, pg_temp"},
      {"SET search_path = 'public, pg_temp'", "\"public, pg_temp\""},
      {"SET search_path TO \"$user\", public", "\"$user\", public"},
      {"SET work_mem = '64MB'", "64MB"},
      {"SET statement_timeout = 0", "0"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.clause);
    model::Routine routine =
        Created("CREATE FUNCTION f() RETURNS void LANGUAGE sql " + c.clause + " AS ''");
    ASSERT_EQ(routine.config.size(), 1u);
    EXPECT_EQ(routine.config[0].second, c.value);
  }
}

TEST(TransformCreateFunction, ReadsProcedures) {
  model::Routine routine = Created(
      "CREATE PROCEDURE p(a integer, OUT b integer) LANGUAGE plpgsql AS $$begin b := a; end$$");
  EXPECT_TRUE(routine.procedure);
  EXPECT_EQ(routine.result, "");
  EXPECT_EQ(routine.IdentityArgs(), "integer");
}

TEST(TransformCreateFunction, RejectsWhatPostgresRejects) {
  struct Case {
    std::string sql;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"CREATE FUNCTION f(a int) LANGUAGE sql AS ''", "function result type must be specified"},
      {"CREATE FUNCTION f(a int DEFAULT 1, b int) RETURNS int LANGUAGE sql AS ''",
       "input parameters after one with a default value must also have defaults"},
      {"CREATE FUNCTION f(OUT a int DEFAULT 1) LANGUAGE sql AS ''",
       "only input parameters can have default values"},
      {"CREATE FUNCTION f() RETURNS int LANGUAGE sql ROWS 5 AS ''",
       "ROWS is not applicable when function does not return a set"},
      {"CREATE FUNCTION f() RETURNS int AS ''", "no language specified"},
      {"CREATE FUNCTION f(OUT a int) RETURNS text LANGUAGE sql AS ''",
       "function result type must be integer because of OUT parameters"},
      {"CREATE FUNCTION f(a int, a text) RETURNS int LANGUAGE sql AS ''",
       "parameter name \"a\" used more than once"},
      {"CREATE FUNCTION f() RETURNS int LANGUAGE sql STABLE VOLATILE AS ''",
       "conflicting or redundant options"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    EXPECT_THAT(TransformSql(c.sql, Base()).status, StatusIs(absl::StatusCode::kInvalidArgument,
                                                            c.error));
  }
}

TEST(TransformCreateFunction, WarnsAboutWhatIsNotModelled) {
  testing::TransformOutput output =
      TransformSql("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END", Base());
  ASSERT_THAT(output.status, IsOk());
  ASSERT_EQ(output.diagnostics.size(), 1u);
  EXPECT_THAT(output.diagnostics[0].message, HasSubstr("BEGIN ATOMIC body"));
  EXPECT_EQ(SingleMutation<model::CreateRoutine>(output).routine.body, "");
}

TEST(TransformAlterFunction, ReadsActions) {
  model::AlterRoutine alter = SingleMutation<model::AlterRoutine>(TransformSql(
      "ALTER FUNCTION public.f(int4, text) STABLE COST 3 SET search_path = '' RESET work_mem",
      Base()));
  EXPECT_EQ(alter.routine.name, (model::QualifiedName{"public", "f"}));
  EXPECT_EQ(alter.routine.args, "integer, text");
  EXPECT_EQ(alter.volatility, model::Volatility::kStable);
  EXPECT_EQ(alter.cost, 3);
  EXPECT_THAT(alter.config, ElementsAre(Pair("search_path", std::optional<std::string>("\"\"")),
                                        Pair("work_mem", std::nullopt)));
}

TEST(TransformDropFunction, NamesInputTypesOnly) {
  model::DropRoutines drop = SingleMutation<model::DropRoutines>(
      TransformSql("DROP FUNCTION IF EXISTS f(IN a integer, OUT b text), g CASCADE", Base()));
  ASSERT_EQ(drop.routines.size(), 2u);
  EXPECT_EQ(drop.routines[0].args, "integer");
  EXPECT_EQ(drop.routines[1].args, std::nullopt);
  EXPECT_TRUE(drop.if_exists);
  EXPECT_TRUE(drop.cascade);
}

TEST(TransformRoutineNames, RenameSetSchemaOwnerAndComment) {
  model::Rename rename = SingleMutation<model::Rename>(
      TransformSql("ALTER PROCEDURE p(int) RENAME TO q", Base()));
  EXPECT_EQ(rename.kind, model::ObjectKind::kProcedure);
  EXPECT_EQ(rename.routine_args, "integer");
  EXPECT_EQ(rename.new_name, "q");
  model::SetSchema set_schema = SingleMutation<model::SetSchema>(
      TransformSql("ALTER FUNCTION f SET SCHEMA extensions", Base()));
  EXPECT_EQ(set_schema.kind, model::ObjectKind::kFunction);
  EXPECT_EQ(set_schema.routine_args, std::nullopt);
  model::SetObjectOwner owner = SingleMutation<model::SetObjectOwner>(
      TransformSql("ALTER ROUTINE f(text) OWNER TO app", Base()));
  EXPECT_EQ(owner.role, "app");
  EXPECT_EQ(owner.routine_args, "text");
  model::Comment comment = SingleMutation<model::Comment>(
      TransformSql("COMMENT ON FUNCTION f(mood) IS 'x'", Base()));
  EXPECT_EQ(comment.routine_args, "public.mood");
  EXPECT_EQ(comment.text, "x");
}

// Replays `sql` on Base(); returns the catalog, the diagnostics in `messages`.
model::Catalog Replay(const std::string& sql, std::vector<std::string>* messages) {
  DiagnosticSink sink;
  Replayer replayer(Base(), &sink);
  replayer.ReplayFile({"test.sql", sql});
  for (const Diagnostic& d : sink.diagnostics()) messages->push_back(d.message);
  return replayer.TakeCatalog();
}

TEST(ReplayRoutines, ReportsPostgresErrors) {
  const std::string setup =
      "CREATE FUNCTION f1(a integer DEFAULT 3, b text DEFAULT 'y') RETURNS integer "
      "LANGUAGE sql AS 'select 1';\n"
      "CREATE FUNCTION f11(integer) RETURNS int LANGUAGE sql AS 'select 1';\n"
      "CREATE FUNCTION f11(text) RETURNS int LANGUAGE sql AS 'select 1';\n";
  struct Case {
    std::string sql;
    std::string message;
  };
  // Messages as PostgreSQL 15 raises them.
  const std::vector<Case> cases = {
      {"CREATE FUNCTION f1(a integer, b text) RETURNS integer LANGUAGE sql AS 'select 1'",
       "function \"f1\" already exists with same argument types"},
      {"CREATE OR REPLACE FUNCTION f1(x integer DEFAULT 3, b text DEFAULT 'y') RETURNS integer "
       "LANGUAGE sql AS 'select 1'",
       "cannot change name of input parameter \"a\"\nHINT:  Use DROP FUNCTION f1(integer,text) "
       "first."},
      {"CREATE OR REPLACE FUNCTION f1(a integer, b text DEFAULT 'y') RETURNS integer "
       "LANGUAGE sql AS 'select 1'",
       "cannot remove parameter defaults from existing function"},
      {"CREATE OR REPLACE FUNCTION f1(a integer, b text) RETURNS text LANGUAGE sql AS ''",
       "cannot change return type of existing function"},
      {"CREATE OR REPLACE PROCEDURE f1(a integer, b text) LANGUAGE sql AS ''",
       "cannot change routine kind\nDETAIL:  \"f1\" is a function."},
      {"DROP FUNCTION f11", "function name \"f11\" is not unique"},
      {"DROP FUNCTION nope", "could not find a function named \"nope\""},
      {"DROP FUNCTION nope(int)", "function nope(integer) does not exist"},
      {"DROP PROCEDURE f1(integer, text)", "f1(integer, text) is not a procedure"},
      {"DROP FUNCTION IF EXISTS nope(int, text)", "function nope(integer,text) does not exist, skipping"},
      {"DROP TYPE mood",
       "cannot drop type mood because other objects depend on it\nDETAIL:  function "
       "f_mood(mood) depends on type mood"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    std::vector<std::string> messages;
    Replay(setup + "CREATE FUNCTION f_mood(m mood) RETURNS int LANGUAGE sql AS 'select 1';\n" +
               c.sql + ";",
           &messages);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_THAT(messages[0], HasSubstr(c.message));
  }
}

TEST(ReplayRoutines, ReplaceKeepsOwnerAndComment) {
  std::vector<std::string> messages;
  model::Catalog catalog = Replay(
      "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select 1';\n"
      "COMMENT ON FUNCTION f(int) IS 'one';\n"
      "ALTER FUNCTION f(integer) OWNER TO app;\n"
      "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql STABLE AS 'select 2';\n",
      &messages);
  EXPECT_THAT(messages, ::testing::IsEmpty());
  const model::Routine& f = catalog.routines.at({{"public", "f"}, "integer"});
  EXPECT_EQ(f.body, "select 2");
  EXPECT_EQ(f.volatility, model::Volatility::kStable);
  EXPECT_EQ(f.comment, "one");
  EXPECT_EQ(f.owner, "app");
}

TEST(ReplayRoutines, RenamesMovesAltersAndDrops) {
  std::vector<std::string> messages;
  model::Catalog catalog = Replay(
      "CREATE FUNCTION f(a int) RETURNS SETOF int LANGUAGE sql AS 'select 1';\n"
      "ALTER FUNCTION f RENAME TO g;\n"
      "ALTER FUNCTION g(int) SET SCHEMA extensions;\n"
      "ALTER FUNCTION extensions.g(int) ROWS 10 SET search_path = public;\n"
      "CREATE PROCEDURE p() LANGUAGE sql AS '';\n"
      "DROP PROCEDURE p;\n",
      &messages);
  EXPECT_THAT(messages, ::testing::IsEmpty());
  ASSERT_EQ(catalog.routines.size(), 1u);
  const model::Routine& g = catalog.routines.at({{"extensions", "g"}, "integer"});
  EXPECT_EQ(g.rows, 10);
  EXPECT_THAT(g.config, ElementsAre(Pair("search_path", "public")));
  EXPECT_THAT(g.lineage.former_names, ElementsAre("f"));
}

TEST(ReplayRoutines, DropCascadeOfTypeAndSchemaTakesRoutines) {
  std::vector<std::string> messages;
  model::Catalog catalog = Replay(
      "CREATE SCHEMA s;\n"
      "CREATE FUNCTION s.f() RETURNS int LANGUAGE sql AS 'select 1';\n"
      "CREATE FUNCTION m(x mood) RETURNS int LANGUAGE sql AS 'select 1';\n"
      "CREATE FUNCTION r() RETURNS SETOF mood LANGUAGE sql AS 'select 1';\n"
      "DROP TYPE mood CASCADE;\n"
      "DROP SCHEMA s CASCADE;\n",
      &messages);
  EXPECT_THAT(messages, ElementsAre("drop cascades to 2 other objects\nDETAIL:  drop cascades to "
                                    "function m(mood)\ndrop cascades to function r()",
                                    "drop cascades to function s.f()"));
  EXPECT_TRUE(catalog.routines.empty());
}

}  // namespace
}  // namespace pgdrift::parser
