#include "parser/local_migrations.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::parser {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using ::testing::SizeIs;

struct SplitCase {
  std::string name;
  std::string sql;
  std::vector<std::string> statements;
};

TEST(SplitStatementsForHistory, SplitsAsTheSupabaseCliRecords) {
  const std::vector<SplitCase> cases = {
      {"trims and drops the semicolon", "  create table t (id int) ;\n\nselect 1;\n",
       {"create table t (id int)", "select 1"}},
      {"keeps a leading comment with its statement", "-- users\ncreate table u ();\n",
       {"-- users\ncreate table u ()"}},
      {"a trailing comment is a statement of its own", "select 1;\n-- done\n",
       {"select 1", "-- done"}},
      {"drops empty statements", ";\n;select 1;;", {"select 1"}},
      {"last statement without semicolon", "select 1;\n  select 2  \n",
       {"select 1", "select 2"}},
      {"semicolon in a line comment", "select --; 1\n;", {"select --; 1"}},
      {"semicolon in a block comment", "select /* ; */ 1; select 2", {"select /* ; */ 1", "select 2"}},
      {"nested block comment", "select /*; /*;*/ ;*/ 1", {"select /*; /*;*/ ;*/ 1"}},
      {"a slash alone starts no comment", "/ * ; */ end", {"/ *", "*/ end"}},
      {"a dash alone starts no comment", "- ;end", {"-", "end"}},
      {"semicolon in a string", "select ';'';' 1; select 2", {"select ';'';' 1", "select 2"}},
      {"backslash is literal inside quotes", "select '\\'; 1'", {"select '\\'", "1'"}},
      {"semicolon in a quoted identifier", "create policy \"a;b\" on t; end",
       {"create policy \"a;b\" on t", "end"}},
      {"dollar-quoted body",
       "create function f() returns int language sql as $body$ select 1; $body$;\nselect 2;",
       {"create function f() returns int language sql as $body$ select 1; $body$", "select 2"}},
      {"anonymous dollar quote", "do $$ begin perform 1; end $$;", {"do $$ begin perform 1; end $$"}},
      {"backslash escapes a semicolon, trailing semicolons all go", "\\;;\\;", {"\\", "\\"}},
      {"a closed string ends its state", "select ('a'); select 2", {"select ('a')", "select 2"}},
      {"parentheses suspend splitting",
       "create rule r as on update to t do (notify t; select 1);select 2",
       {"create rule r as on update to t do (notify t; select 1)", "select 2"}},
      {"parentheses do not nest", "select ((1); 2); 3", {"select ((1)", "2)", "3"}},
      {"begin atomic body",
       "create function add(a int, b int) returns int language sql\nbegin atomic\n  select a + b;\nend;"
       "select 1;",
       {"create function add(a int, b int) returns int language sql\nbegin atomic\n  select a + b;\nend",
        "select 1"}},
      {"atomic needs white space before it", "select nonatomic; select 2",
       {"select nonatomic", "select 2"}},
      {"multibyte characters pass through", "insert into t values ('é;ü'); select '€'",
       {"insert into t values ('é;ü')", "select '€'"}},
      {"only white space", " \n\t ", {}},
  };
  for (const SplitCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(SplitStatementsForHistory(c.sql), c.statements);
  }
}

TEST(StatementFingerprint, IgnoresWhitespaceAndComments) {
  std::string base = StatementFingerprint("create table public.t (id integer primary key)");
  EXPECT_THAT(base, MatchesRegex("[0-9a-f]{64}"));
  EXPECT_EQ(StatementFingerprint("CREATE TABLE public.t (\n  id integer PRIMARY KEY -- key\n)"),
            base);
  EXPECT_EQ(StatementFingerprint("/* users */ create   table public.t (id integer primary key)"),
            base);
}

TEST(StatementFingerprint, DiffersForRealChanges) {
  std::string base = StatementFingerprint("create table public.t (id integer primary key)");
  EXPECT_NE(StatementFingerprint("create table public.u (id integer primary key)"), base);
  EXPECT_NE(StatementFingerprint("create table public.t (id bigint primary key)"), base);
  EXPECT_NE(StatementFingerprint("create table public.t (id integer)"), base);
  // Values count too: an edited default or IN list is an edited migration.
  EXPECT_NE(StatementFingerprint("alter table public.t alter column n set default 5"),
            StatementFingerprint("alter table public.t alter column n set default 6"));
  EXPECT_NE(StatementFingerprint("select 1 where 'a' in ('a', 'b')"),
            StatementFingerprint("select 1 where 'a' in ('a', 'c')"));
}

TEST(StatementFingerprint, FallsBackToCollapsedTextWhenItDoesNotParse) {
  EXPECT_EQ(StatementFingerprint("  create tabel\n\t t  (id int) "), "create tabel t (id int)");
}

TEST(StatementFingerprints, KeepsOrder) {
  std::vector<std::string> fingerprints = StatementFingerprints({"select 1", "create table t ()"});
  ASSERT_THAT(fingerprints, SizeIs(2));
  EXPECT_EQ(fingerprints[0], StatementFingerprint("select 1"));
  EXPECT_EQ(fingerprints[1], StatementFingerprint("create table t ()"));
  EXPECT_NE(fingerprints[0], fingerprints[1]);
}

TEST(FlywayChecksum, IsCrc32OfTheLinesAsSignedDecimal) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "0"},
      // CRC-32 of this text is 0x414FA339, the well-known check value.
      {"The quick brown fox jumps over the lazy dog", "1095738169"},
      {"create table t (id int);\n", "354602754"},
      {"create table t (id int);\r\n", "354602754"},
      {"\xEF\xBB\xBF" "create table t (id int);\n", "354602754"},
      {"select 1;\nselect 2;\n", "-593479011"},
      {"select 1;\n\n\nselect 2;", "-593479011"},
  };
  for (const auto& [text, checksum] : cases) {
    SCOPED_TRACE(text);
    EXPECT_EQ(FlywayChecksum(text), checksum);
  }
}

TEST(PrismaChecksum, IsSha256Hex) {
  EXPECT_EQ(PrismaChecksum(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(PrismaChecksum("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(PrismaChecksum("-- CreateTable\nCREATE TABLE \"User\" (\"id\" SERIAL NOT NULL);\n"),
            "1dca66b01c9c14b49c49b8fecdcced9c1b6868062f83952e9d049b0b00a386b2");
}

MigrationChain ChainOf(Layout layout, const std::vector<MigrationFile>& files) {
  MigrationChain chain;
  chain.layout = layout;
  chain.files = files;
  return chain;
}

MigrationFile FileOf(std::string version, std::string name, std::string path, std::string text,
                     bool repeatable = false) {
  MigrationFile file;
  file.version = std::move(version);
  file.name = std::move(name);
  file.path = path;
  file.source = SourceFile{path, std::move(text)};
  file.repeatable = repeatable;
  return file;
}

TEST(LocalMigrations, SupabaseFilesHaveStatementsAndNoChecksum) {
  std::vector<model::LocalMigration> migrations = LocalMigrations(ChainOf(
      Layout::kSupabase,
      {FileOf("20240101000000", "init", "supabase/migrations/20240101000000_init.sql",
              "create table t (id int);\n-- index\ncreate index on t (id);\n")}));
  ASSERT_THAT(migrations, SizeIs(1));
  const model::LocalMigration& migration = migrations[0];
  EXPECT_EQ(migration.version, "20240101000000");
  EXPECT_EQ(migration.name, "init");
  EXPECT_EQ(migration.path, "supabase/migrations/20240101000000_init.sql");
  EXPECT_THAT(migration.statements,
              ElementsAre("create table t (id int)", "-- index\ncreate index on t (id)"));
  EXPECT_THAT(migration.fingerprints,
              ElementsAre(StatementFingerprint("create table t (id int)"),
                          StatementFingerprint("create index on t (id)")));
  EXPECT_EQ(migration.checksum, "");
  EXPECT_FALSE(migration.repeatable);
}

TEST(LocalMigrations, FlywayAndPrismaFilesHaveTheirToolsChecksums) {
  std::vector<model::LocalMigration> flyway = LocalMigrations(ChainOf(
      Layout::kFlyway, {FileOf("1", "init", "V1__init.sql", "create table t (id int);\r\n"),
                        FileOf("", "views", "R__views.sql", "select 1;\nselect 2;\n", true)}));
  ASSERT_THAT(flyway, SizeIs(2));
  EXPECT_EQ(flyway[0].checksum, "354602754");
  EXPECT_EQ(flyway[1].checksum, "-593479011");
  EXPECT_TRUE(flyway[1].repeatable);

  std::vector<model::LocalMigration> prisma =
      LocalMigrations(ChainOf(Layout::kPrisma, {FileOf("20240101000000_init", "init",
                                                       "prisma/migrations/20240101000000_init/migration.sql",
                                                       "abc")}));
  ASSERT_THAT(prisma, SizeIs(1));
  EXPECT_EQ(prisma[0].checksum, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_THAT(prisma[0].statements, ElementsAre("abc"));

  std::vector<model::LocalMigration> dbmate =
      LocalMigrations(ChainOf(Layout::kDbmate, {FileOf("1", "a", "db/1_a.sql", "   ")}));
  ASSERT_THAT(dbmate, SizeIs(1));
  EXPECT_EQ(dbmate[0].checksum, "");
  EXPECT_THAT(dbmate[0].statements, IsEmpty());
}

}  // namespace
}  // namespace pgdrift::parser
