#include "planner/repair.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::planner {
namespace {

using ::testing::HasSubstr;

TEST(TextArrayLiteral, QuotesEachItem) {
  EXPECT_EQ(TextArrayLiteral({}), "'{}'::text[]");
  EXPECT_EQ(TextArrayLiteral({"create table t (id int)", "select 'x'"}),
            "ARRAY['create table t (id int)', 'select ''x''']::text[]");
}

TEST(RepairSql, WritesRowsAsTheSupabaseCliDoesInOneTransaction) {
  std::vector<RepairEntry> entries = {
      {"20240102000000", "add_b", RepairStatus::kApplied, {"create table b (id int)"}, false, "already there"},
      {"20240103000000", "", RepairStatus::kReverted, {}, false, "failed"},
  };
  std::string sql = RepairSql(entries, "supabase_migrations.schema_migrations");
  EXPECT_THAT(sql, HasSubstr("BEGIN;\nCREATE SCHEMA IF NOT EXISTS supabase_migrations;\n"));
  EXPECT_THAT(sql, HasSubstr("ADD COLUMN IF NOT EXISTS statements text[];"));
  EXPECT_THAT(sql, HasSubstr("-- 20240102000000 applied: already there\n"
                             "INSERT INTO supabase_migrations.schema_migrations (version, name, statements)\n"
                             "VALUES ('20240102000000', 'add_b', ARRAY['create table b (id int)']::text[])\n"
                             "ON CONFLICT (version) DO UPDATE SET name = EXCLUDED.name, statements = "
                             "EXCLUDED.statements;\n"));
  EXPECT_THAT(sql, HasSubstr("DELETE FROM supabase_migrations.schema_migrations WHERE version = '20240103000000';\n"));
  EXPECT_TRUE(sql.ends_with("COMMIT;\n"));
}

TEST(RepairScript, OneCommandPerEntryWithItsReason) {
  std::vector<RepairEntry> entries = {
      {"20240101000000", "init", RepairStatus::kApplied, {}, true, "edited after it was applied"},
      {"20240103000000", "", RepairStatus::kReverted, {}, false, "failed"},
  };
  std::string script = RepairScript(entries);
  EXPECT_THAT(script, HasSubstr("# 20240101000000 applied: edited after it was applied\n"));
  EXPECT_THAT(script, HasSubstr("supabase migration repair --status reverted 20240101000000\n"
                                "supabase migration repair --status applied 20240101000000\n"));
  EXPECT_THAT(script, HasSubstr("# 20240103000000 reverted: failed\nsupabase migration repair --status reverted 20240103000000\n"));
  EXPECT_THAT(RepairScript({}), HasSubstr("# Nothing to repair."));
}

}  // namespace
}  // namespace pgdrift::planner
