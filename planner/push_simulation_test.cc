#include "planner/push_simulation.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "planner/testing/replay_catalog.h"

namespace pgdrift::planner {
namespace {

using ::testing::HasSubstr;
using testing::PostgresSeed;
using testing::ReplayOnto;

parser::MigrationFile File(std::string version, std::string sql) {
  std::string path = "migrations/" + version + "_m.sql";
  return {version, "m", path, parser::SourceFile{path, std::move(sql)}};
}

TEST(SimulatePush, ClassifiesEachPendingMigration) {
  model::Catalog remote =
      ReplayOnto(PostgresSeed(), "create table public.t (id int);\ncreate table public.u (id int);\n").catalog;
  struct Case {
    std::string sql;
    PushOutcome outcome;
    std::string message;  // of the first finding, "" for none
    int line;
  };
  for (const Case& c : std::vector<Case>{
           {"create table public.n (id int);\n", PushOutcome::kPush, "", 0},
           {"create table public.t (id int);\n", PushOutcome::kAlreadyApplied, "already exists", 1},
           {"create table public.u (id int);\n\nalter table public.t add column note text;\n",
            PushOutcome::kPartlyApplied, "already exists", 1},
           {"alter table public.t\n  drop column missing;\n", PushOutcome::kAlreadyApplied,
            "column \"missing\" of relation \"t\" does not exist", 1},
       }) {
    SCOPED_TRACE(c.sql);
    PushSimulation simulation = SimulatePush(remote, {File("20240102000000", c.sql)});
    ASSERT_EQ(simulation.migrations.size(), 1u);
    EXPECT_EQ(simulation.migrations[0].outcome, c.outcome);
    if (c.message.empty()) {
      EXPECT_TRUE(simulation.findings.empty());
      continue;
    }
    ASSERT_FALSE(simulation.findings.empty());
    EXPECT_THAT(simulation.findings[0].message, HasSubstr(c.message));
    EXPECT_EQ(simulation.findings[0].line, c.line);
    EXPECT_EQ(simulation.findings[0].file, "migrations/20240102000000_m.sql");
    EXPECT_EQ(simulation.findings[0].severity, "error");
  }
}

TEST(SimulatePush, LaterMigrationsRunWithoutTheFailedOnes) {
  model::Catalog remote = ReplayOnto(PostgresSeed(), "create table public.t (id int);\n").catalog;
  PushSimulation simulation =
      SimulatePush(remote, {File("20240102000000", "create table public.t (id int);\ncreate table public.v (id int);\n"),
                            File("20240103000000", "alter table public.v add column x int;\n"),
                            File("20240104000000", "create table public.w (id int);\n")});
  ASSERT_EQ(simulation.migrations.size(), 3u);
  EXPECT_EQ(simulation.migrations[0].outcome, PushOutcome::kPartlyApplied);
  EXPECT_EQ(simulation.migrations[1].outcome, PushOutcome::kAlreadyApplied);
  EXPECT_THAT(simulation.migrations[1].findings[0].message, HasSubstr("\"public.v\" does not exist"));
  EXPECT_EQ(simulation.migrations[2].outcome, PushOutcome::kPush);
  EXPECT_TRUE(simulation.after.tables.contains({"public", "w"}));
  EXPECT_FALSE(simulation.after.tables.contains({"public", "v"}));
}

}  // namespace
}  // namespace pgdrift::planner
