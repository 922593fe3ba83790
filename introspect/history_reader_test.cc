#include "introspect/history_reader.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "introspect/testing/live_database.h"
#include "parser/local_migrations.h"

namespace pgdrift::introspect {
namespace {

using model::HistoryEntry;
using model::HistoryTool;
using ::pgdrift::testing::ConnectTo;
using ::pgdrift::testing::CreateDatabaseWith;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// Runs `sql` in a fresh database and reads its history (of `tool`, or detected).
absl::StatusOr<std::optional<model::History>> HistoryOfSql(
    std::string_view sql, std::optional<HistoryTool> tool = std::nullopt) {
  PGDRIFT_ASSIGN_OR_RETURN(std::string database, CreateDatabaseWith("history", sql));
  PGDRIFT_ASSIGN_OR_RETURN(std::unique_ptr<Session> session, ConnectTo(database));
  return ReadHistory(*session, tool);
}

std::vector<std::string> Versions(const model::History& history) {
  std::vector<std::string> versions;
  for (const HistoryEntry& entry : history.entries) versions.push_back(entry.version);
  return versions;
}

TEST(IntegrationReadHistory, NoHistoryTableIsEmpty) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> history,
                               HistoryOfSql("create table public.t (id int);"));
  EXPECT_FALSE(history.has_value());
}

TEST(IntegrationReadHistory, ReadsSupabaseWithStatements) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> history, HistoryOfSql(R"sql(
        create schema supabase_migrations;
        create table supabase_migrations.schema_migrations (version text not null primary key);
        alter table supabase_migrations.schema_migrations add column statements text[];
        alter table supabase_migrations.schema_migrations add column name text;
        alter table supabase_migrations.schema_migrations add column note text;
        insert into supabase_migrations.schema_migrations (version, name, statements) values
          ('20240102000000', 'add_index', array['create index on t (id)']),
          ('20240101000000', 'init', array['-- init' || chr(10) || 'create table t (id int)',
                                           'select '';''']),
          ('20240103000000', null, null);
      )sql"));
  ASSERT_TRUE(history.has_value());
  EXPECT_EQ(history->tool, HistoryTool::kSupabase);
  EXPECT_EQ(history->table, "supabase_migrations.schema_migrations");
  EXPECT_THAT(history->ignored_columns, ElementsAre("note"));
  EXPECT_THAT(Versions(*history), ElementsAre("20240101000000", "20240102000000", "20240103000000"));
  const HistoryEntry& init = history->entries[0];
  EXPECT_EQ(init.name, "init");
  ASSERT_TRUE(init.statements.has_value());
  EXPECT_THAT(*init.statements, ElementsAre("-- init\ncreate table t (id int)", "select ';'"));
  EXPECT_THAT(init.fingerprints, ElementsAre(parser::StatementFingerprint("create table t (id int)"),
                                             parser::StatementFingerprint("select ';'")));
  EXPECT_FALSE(init.checksum.has_value());
  EXPECT_FALSE(init.failed);
  EXPECT_EQ(history->entries[2].name, "");
  EXPECT_FALSE(history->entries[2].statements.has_value());
  EXPECT_THAT(history->entries[2].fingerprints, IsEmpty());
}

TEST(IntegrationReadHistory, ReadsSupabaseWithoutNameAndStatements) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> history, HistoryOfSql(R"sql(
        create schema supabase_migrations;
        create table supabase_migrations.schema_migrations (version text not null primary key);
        insert into supabase_migrations.schema_migrations values ('20240101000000'), ('0002');
      )sql"));
  ASSERT_TRUE(history.has_value());
  EXPECT_EQ(history->tool, HistoryTool::kSupabase);
  EXPECT_THAT(history->ignored_columns, IsEmpty());
  EXPECT_THAT(Versions(*history), ElementsAre("0002", "20240101000000"));
  EXPECT_EQ(history->entries[0].name, "");
  EXPECT_FALSE(history->entries[0].statements.has_value());
}

TEST(IntegrationReadHistory, ReadsFlyway) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> history, HistoryOfSql(R"sql(
        create table public.flyway_schema_history (
          installed_rank integer not null primary key, version varchar(50),
          description varchar(200) not null, type varchar(20) not null,
          script varchar(1000) not null, checksum integer, installed_by varchar(100) not null,
          installed_on timestamp not null default now(), execution_time integer not null,
          success boolean not null, extra text);
        insert into public.flyway_schema_history values
          (1, '0', '<< Flyway Schema Creation >>', 'SCHEMA', '"app"', null, 'me',
           '2024-01-01 10:00:00', 0, true, null),
          (2, '1', 'init', 'SQL', 'V1__init.sql', 354602754, 'me', '2024-01-01 10:00:01', 5, true, null),
          (4, '2', 'bad', 'SQL', 'V2__bad.sql', -593479011, 'me', '2024-01-01 10:00:03', 5, false, null),
          (3, '1.1', 'add index', 'SQL', 'V1_1__add_index.sql', 7, 'me', '2024-01-01 10:00:02', 5, true, null),
          (5, null, 'views', 'SQL', 'R__views.sql', 8, 'me', '2024-01-01 10:00:04', 5, true, null),
          (6, '1.1', 'add index', 'DELETE', 'V1_1__add_index.sql', 7, 'me', '2024-01-01 10:00:05', 0, true, null);
      )sql"));
  ASSERT_TRUE(history.has_value());
  EXPECT_EQ(history->tool, HistoryTool::kFlyway);
  EXPECT_EQ(history->table, "public.flyway_schema_history");
  EXPECT_THAT(history->ignored_columns, ElementsAre("extra"));
  // Rank order; the SCHEMA row skipped, version 1.1 taken out by its DELETE row.
  EXPECT_THAT(Versions(*history), ElementsAre("1", "2", ""));
  const HistoryEntry& init = history->entries[0];
  EXPECT_EQ(init.name, "init");
  EXPECT_EQ(init.checksum, "354602754");
  EXPECT_EQ(init.applied_at, "2024-01-01 10:00:01");
  EXPECT_FALSE(init.failed);
  const HistoryEntry& bad = history->entries[1];
  EXPECT_EQ(bad.checksum, "-593479011");
  EXPECT_TRUE(bad.failed);
  EXPECT_EQ(bad.failure, "success = false");
  EXPECT_EQ(history->entries[2].name, "views");
}

TEST(IntegrationReadHistory, KeepsFlywayBaselineRows) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> history, HistoryOfSql(R"sql(
        create schema app;
        create table app.flyway_schema_history (
          installed_rank integer not null primary key, version varchar(50),
          description varchar(200) not null, type varchar(20) not null, checksum integer,
          success boolean not null);
        insert into app.flyway_schema_history values
          (1, '5', '<< Flyway Baseline >>', 'BASELINE', null, true);
      )sql"));
  ASSERT_TRUE(history.has_value());
  EXPECT_EQ(history->table, "app.flyway_schema_history");
  ASSERT_THAT(history->entries, SizeIs(1));
  EXPECT_EQ(history->entries[0].version, "5");
  EXPECT_EQ(history->entries[0].name, "<< Flyway Baseline >>");
  EXPECT_FALSE(history->entries[0].checksum.has_value());
}

TEST(IntegrationReadHistory, ReadsGolangMigrateDirty) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> history, HistoryOfSql(R"sql(
        create table public.schema_migrations (version bigint not null primary key,
                                               dirty boolean not null);
        insert into public.schema_migrations values (20240105000000, true);
      )sql"));
  ASSERT_TRUE(history.has_value());
  EXPECT_EQ(history->tool, HistoryTool::kGolangMigrate);
  EXPECT_EQ(history->table, "public.schema_migrations");
  ASSERT_THAT(history->entries, SizeIs(1));
  EXPECT_EQ(history->entries[0].version, "20240105000000");
  EXPECT_TRUE(history->entries[0].failed);
  EXPECT_EQ(history->entries[0].failure, "dirty");
}

TEST(IntegrationReadHistory, ReadsDbmate) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> history, HistoryOfSql(R"sql(
        create table public.schema_migrations (version varchar(128) primary key);
        insert into public.schema_migrations values ('20240102000000'), ('20240101000000');
      )sql"));
  ASSERT_TRUE(history.has_value());
  EXPECT_EQ(history->tool, HistoryTool::kDbmate);
  EXPECT_THAT(Versions(*history), ElementsAre("20240101000000", "20240102000000"));
  EXPECT_FALSE(history->entries[0].failed);
}

TEST(IntegrationReadHistory, ReadsPrismaWithRolledBackAndUnfinishedRows) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> history, HistoryOfSql(R"sql(
        create table public._prisma_migrations (
          id varchar(36) primary key, checksum varchar(64) not null, finished_at timestamptz,
          migration_name varchar(255) not null, logs text, rolled_back_at timestamptz,
          started_at timestamptz not null default now(),
          applied_steps_count integer not null default 0);
        insert into public._prisma_migrations values
          ('c', 'cc', '2024-01-02 00:00:02+00', '20240102000000_add', null, null,
           '2024-01-02 00:00:01+00', 1),
          ('b', 'bb', null, '20240102000000_add', 'error', '2024-01-02 00:00:00+00',
           '2024-01-01 00:00:00+00', 0),
          ('a', 'aa', '2024-01-01 00:00:00+00', '20240101000000_init', null, null,
           '2023-12-31 00:00:00+00', 1),
          ('d', 'dd', null, '20240103000000_broken', 'error', null, '2024-01-03 00:00:00+00', 0);
      )sql"));
  ASSERT_TRUE(history.has_value());
  EXPECT_EQ(history->tool, HistoryTool::kPrisma);
  EXPECT_EQ(history->table, "public._prisma_migrations");
  EXPECT_THAT(history->ignored_columns, IsEmpty());
  EXPECT_THAT(Versions(*history), ElementsAre("20240101000000_init", "20240102000000_add",
                                              "20240102000000_add", "20240103000000_broken"));
  EXPECT_EQ(history->entries[0].name, "init");
  EXPECT_EQ(history->entries[0].checksum, "aa");
  EXPECT_FALSE(history->entries[0].failed);
  EXPECT_TRUE(history->entries[1].failed);
  EXPECT_EQ(history->entries[1].failure, "rolled back");
  EXPECT_EQ(history->entries[1].checksum, "bb");
  EXPECT_FALSE(history->entries[2].failed);
  EXPECT_TRUE(history->entries[3].failed);
  EXPECT_EQ(history->entries[3].failure, "not finished");
}

TEST(IntegrationReadHistory, PrefersSupabaseAndHonoursARequestedTool) {
  constexpr std::string_view kSql = R"sql(
        create schema supabase_migrations;
        create table supabase_migrations.schema_migrations (version text primary key);
        insert into supabase_migrations.schema_migrations values ('20240101000000');
        create table public.schema_migrations (version varchar(128) primary key);
        insert into public.schema_migrations values ('1');
      )sql";
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> detected, HistoryOfSql(kSql));
  ASSERT_TRUE(detected.has_value());
  EXPECT_EQ(detected->tool, HistoryTool::kSupabase);
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> dbmate,
                               HistoryOfSql(kSql, HistoryTool::kDbmate));
  ASSERT_TRUE(dbmate.has_value());
  EXPECT_EQ(dbmate->tool, HistoryTool::kDbmate);
  EXPECT_THAT(Versions(*dbmate), ElementsAre("1"));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> prisma,
                               HistoryOfSql(kSql, HistoryTool::kPrisma));
  EXPECT_FALSE(prisma.has_value());
}

TEST(IntegrationReadHistory, TableWithoutVersionColumnIsAnError) {
  EXPECT_THAT(HistoryOfSql(R"sql(
        create schema supabase_migrations;
        create table supabase_migrations.schema_migrations (id int);
      )sql"),
              StatusIs(absl::StatusCode::kFailedPrecondition, "has no column \"version\""));
}

}  // namespace
}  // namespace pgdrift::introspect
