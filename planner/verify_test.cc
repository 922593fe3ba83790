#include "planner/verify.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "planner/testing/replay_catalog.h"

namespace pgdrift::planner {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::PostgresSeed;
using testing::ReplayOnto;

std::vector<std::string> Whats(const std::vector<VerifyQuery>& queries) {
  std::vector<std::string> whats;
  for (const VerifyQuery& query : queries) whats.push_back(query.what);
  return whats;
}

TEST(SchemaExpectations, OneQueryPerDifference) {
  model::Catalog before = ReplayOnto(PostgresSeed(),
                                     "create table public.t (id int);\n"
                                     "create table public.gone (id int);\n").catalog;
  model::Catalog after = ReplayOnto(PostgresSeed(),
                                    "create table public.t (id int, note text not null);\n"
                                    "create table public.\"New\" (id bigint);\n"
                                    "create function public.f(a int) returns int language sql as 'select a';\n")
                             .catalog;
  std::vector<VerifyQuery> queries = SchemaExpectations(before, after);
  EXPECT_THAT(Whats(queries),
              ElementsAre("table public.\"New\" exists", "column public.\"New\".id exists as bigint (nullable)",
                          "table public.gone does not exist", "column public.t.note exists as text NOT NULL",
                          "function public.f(integer) exists"));
  EXPECT_EQ(queries[0].sql, "SELECT EXISTS (SELECT 1 WHERE to_regclass('public.\"New\"') IS NOT NULL) AS ok;");
  EXPECT_EQ(queries[2].sql, "SELECT NOT EXISTS (SELECT 1 WHERE to_regclass('public.gone') IS NOT NULL) AS ok;");
  EXPECT_EQ(queries[3].sql,
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass('public.t') "
            "AND attname = 'note' AND NOT attisdropped AND format_type(atttypid, atttypmod) = 'text' "
            "AND attnotnull = true) AS ok;");
  EXPECT_EQ(queries[4].sql, "SELECT EXISTS (SELECT 1 WHERE to_regprocedure('public.f(integer)') IS NOT NULL) AS ok;");
}

TEST(HistoryExpectations, PresentAndAbsentRows) {
  std::vector<VerifyQuery> queries =
      HistoryExpectations("supabase_migrations.schema_migrations", {"20240101000000"}, {"20240102000000"});
  ASSERT_EQ(queries.size(), 2u);
  EXPECT_EQ(queries[0].sql,
            "SELECT EXISTS (SELECT 1 FROM supabase_migrations.schema_migrations WHERE version = "
            "'20240101000000') AS ok;");
  EXPECT_THAT(queries[1].sql, HasSubstr("SELECT NOT EXISTS"));
  EXPECT_THAT(VerifySql(queries), HasSubstr("\n-- history row 20240102000000 is not recorded\nSELECT NOT"));
}

}  // namespace
}  // namespace pgdrift::planner
