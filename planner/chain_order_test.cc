#include "planner/chain_order.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parser/profile.h"

namespace pgdrift::planner {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

ChainMigration Migration(std::string version, std::string name, std::string sql) {
  std::string path = "migrations/" + version + "_" + name + ".sql";
  return {version, name, parser::SourceFile{path, std::move(sql)}};
}

model::Catalog Seed() {
  auto seed = parser::SeedCatalog(parser::Profile::kPostgres);
  EXPECT_TRUE(seed.ok()) << seed.status();
  return seed.ok() ? *seed : model::Catalog{};
}

TEST(NextFreeVersion, AddsOneSecondToATimestamp) {
  EXPECT_EQ(NextFreeVersion("20240101000059", "", {}), "20240101000100");
  EXPECT_EQ(NextFreeVersion("20241231235959", "", {}), "20250101000000");
}

TEST(NextFreeVersion, SkipsTakenVersionsAndStopsBeforeTheNextOne) {
  EXPECT_EQ(NextFreeVersion("20240101000000", "", {"20240101000001"}), "20240101000002");
  EXPECT_EQ(NextFreeVersion("20240101000000", "20240101000001", {}), "");
  EXPECT_EQ(NextFreeVersion("0009", "", {}), "0010");
  EXPECT_EQ(NextFreeVersion("V1", "", {}), "");
}

TEST(ProposeVersionMoves, MovesAPolicyFileAfterTheFileCreatingItsTable) {
  std::vector<ChainMigration> chain = {
      Migration("20240101000000", "protect_notes",
                "alter table public.notes enable row level security;\n"
                "create policy owner_only on public.notes using (owner = current_user);\n"),
      Migration("20240102000000", "create_notes", "create table public.notes (id int, owner text);\n"),
      Migration("20240103000000", "index_notes", "create index on public.notes (owner);\n"),
  };
  std::vector<VersionMove> moves = ProposeVersionMoves(chain, Seed());
  ASSERT_EQ(moves.size(), 1u);
  EXPECT_EQ(moves[0].version, "20240101000000");
  EXPECT_EQ(moves[0].after, "20240102000000");
  EXPECT_EQ(moves[0].new_version, "20240102000001");
  EXPECT_THAT(moves[0].first_error, HasSubstr("migrations/20240101000000_protect_notes.sql:1:"));
  EXPECT_THAT(moves[0].first_error, HasSubstr("\"public.notes\" does not exist"));
}

TEST(ProposeVersionMoves, LeavesAChainThatReplaysAlone) {
  std::vector<ChainMigration> chain = {
      Migration("20240101000000", "create_notes", "create table public.notes (id int);\n"),
      Migration("20240102000000", "more", "alter table public.notes add column body text;\n"),
  };
  EXPECT_THAT(ProposeVersionMoves(chain, Seed()), IsEmpty());
}

TEST(ProposeVersionMoves, LeavesAFileThatFailsWhereverItGoes) {
  std::vector<ChainMigration> chain = {
      Migration("20240101000000", "broken", "alter table public.missing add column x int;\n"),
      Migration("20240102000000", "create_notes", "create table public.notes (id int);\n"),
  };
  EXPECT_THAT(ProposeVersionMoves(chain, Seed()), IsEmpty());
}

TEST(ProposeVersionMoves, RefusesAMoveThatBreaksALaterFile) {
  // After 002 the file would add the column 003 adds, so 003 would fail; after 003 it
  // fails itself.
  std::vector<ChainMigration> chain = {
      Migration("20240101000000", "early",
                "alter table public.notes add column body text;\n"),
      Migration("20240102000000", "create_notes", "create table public.notes (id int);\n"),
      Migration("20240103000000", "late", "alter table public.notes add column body text;\n"),
  };
  EXPECT_THAT(ProposeVersionMoves(chain, Seed()), IsEmpty());
}

}  // namespace
}  // namespace pgdrift::planner
