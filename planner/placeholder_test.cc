#include "planner/placeholder.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::planner {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(RecoveredMigration, WritesStatementsAndCommentsOutFailingOnes) {
  std::string text = RecoveredMigration(
      "20240102000000", "hotfix",
      {{"create table public.x (id int)", ""},
       {"create table public.a (\n  id int\n)", "relation \"a\" already exists"}});
  EXPECT_THAT(text, HasSubstr("-- Migration 20240102000000 (hotfix), recovered"));
  EXPECT_THAT(text, HasSubstr("\ncreate table public.x (id int);\n"));
  EXPECT_THAT(text, HasSubstr("-- not replayed: it fails when the local chain replays (relation \"a\" already exists)"));
  EXPECT_THAT(text, HasSubstr("-- create table public.a (\n--   id int\n-- );\n"));
}

TEST(PlaceholderMigration, SaysTheStatementsWereNotRecorded) {
  std::string text = PlaceholderMigration(
      "20240102000000", "", {model::ObjectId::Of(model::ObjectKind::kTable, {"public", "extra"})});
  EXPECT_THAT(text, HasSubstr("-- Migration 20240102000000: placeholder"));
  EXPECT_THAT(text, HasSubstr("were not recorded"));
  EXPECT_THAT(text, HasSubstr("--   table public.extra\n"));
  // Only comments: the file changes nothing.
  EXPECT_THAT(text, Not(HasSubstr("\ncreate")));
  EXPECT_THAT(PlaceholderMigration("1", "x", {}), HasSubstr("Every remote object is explained"));
}

}  // namespace
}  // namespace pgdrift::planner
