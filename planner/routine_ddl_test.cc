#include "planner/routine_ddl.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace pgdrift::planner {
namespace {

using model::ArgMode;
using model::TypeRef;

model::Routine Function(std::string name) {
  model::Routine routine;
  routine.name = {"public", std::move(name)};
  return routine;
}

TEST(RoutineDdl, PrintsFunctionsAsPgDumpDoes) {
  struct Case {
    std::string label;
    model::Routine routine;
    std::string sql;
  };
  model::Routine plain = Function("add");
  plain.args = {{ArgMode::kIn, "a", TypeRef::Builtin("integer"), "(1 + 1)"},
                {ArgMode::kIn, "b", TypeRef::Builtin("text"), "'x'::text"}};
  plain.result = "integer";
  plain.body = "select a";

  model::Routine table = Function("rows_of");
  table.args = {{ArgMode::kIn, "n", TypeRef::Builtin("integer")},
                {ArgMode::kTable, "id", TypeRef::Builtin("integer")},
                {ArgMode::kTable, "M", TypeRef{"public", "mood"}}};
  table.result = "TABLE(id integer, \"M\" public.mood)";
  table.rows = 1000;
  table.language = "plpgsql";
  table.volatility = model::Volatility::kStable;
  table.body = "begin return query select 1, 'a'; end";

  model::Routine definer = Function("secret");
  definer.result = "void";
  definer.language = "plpgsql";
  definer.security_definer = true;
  definer.strict = true;
  definer.cost = 5;
  definer.config = {{"search_path", "\"\""}, {"work_mem", "64MB"}};
  definer.body = "begin end";

  model::Routine procedure = Function("move");
  procedure.procedure = true;
  procedure.args = {{ArgMode::kIn, "a", TypeRef::Builtin("integer")},
                    {ArgMode::kOut, "b", TypeRef::Builtin("integer")}};
  procedure.language = "plpgsql";
  procedure.body = "begin b := a; end $function$";

  const std::vector<Case> cases = {
      {"sql", plain,
       "CREATE OR REPLACE FUNCTION public.add(a integer DEFAULT (1 + 1), b text DEFAULT "
       "'x'::text)\n RETURNS integer\n LANGUAGE sql\nAS $function$select a$function$;"},
      {"table", table,
       "CREATE OR REPLACE FUNCTION public.rows_of(n integer)\n RETURNS TABLE(id integer, \"M\" "
       "public.mood)\n LANGUAGE plpgsql\n STABLE\nAS $function$begin return query select 1, "
       "'a'; end$function$;"},
      {"definer", definer,
       "CREATE OR REPLACE FUNCTION public.secret()\n RETURNS void\n LANGUAGE plpgsql\n STRICT "
       "SECURITY DEFINER COST 5\n SET search_path TO ''\n SET work_mem TO '64MB'\nAS "
       "$function$begin end$function$;"},
      {"procedure", procedure,
       "CREATE OR REPLACE PROCEDURE public.move(IN a integer, OUT b integer)\n LANGUAGE "
       "plpgsql\nAS $procedure$begin b := a; end $function$$procedure$;"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    EXPECT_EQ(CreateRoutineSql(c.routine), c.sql);
  }
}

TEST(RoutineDdl, PicksADollarTagNotInTheBody) {
  model::Routine routine = Function("f");
  routine.result = "text";
  routine.body = "select '$function$'";
  EXPECT_EQ(CreateRoutineSql(routine),
            "CREATE OR REPLACE FUNCTION public.f()\n RETURNS text\n LANGUAGE sql\nAS "
            "$function_1$select '$function$'$function_1$;");
}

TEST(RoutineDdl, QuotesSearchPathItemsAsLiterals) {
  model::Routine routine = Function("f");
  routine.result = "void";
  routine.config = {{"search_path", "public, \"My Schema\", pg_temp"}};
  EXPECT_NE(CreateRoutineSql(routine).find(" SET search_path TO 'public', 'My Schema', 'pg_temp'\n"),
            std::string::npos);
}

TEST(RoutineDdl, NamesRoutinesBySignature) {
  model::Routine routine = Function("f");
  routine.args = {{ArgMode::kIn, "a", TypeRef::Builtin("integer")},
                  {ArgMode::kOut, "b", TypeRef::Builtin("text")}};
  routine.owner = "app";
  routine.comment = "it's";
  EXPECT_EQ(RoutineOwnerSql(routine), "ALTER FUNCTION public.f(integer) OWNER TO app;");
  EXPECT_EQ(RoutineCommentSql(routine), "COMMENT ON FUNCTION public.f(integer) IS 'it''s';");
  EXPECT_EQ(DropRoutineSql(routine), "DROP FUNCTION public.f(integer);");
}

}  // namespace
}  // namespace pgdrift::planner
