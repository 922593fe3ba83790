#include "introspect/executor.h"

#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "introspect/testing/live_database.h"
#include "testing/postgres_server.h"

namespace pgdrift::introspect {
namespace {

using ::pgdrift::testing::CreateDatabaseWith;
using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::pgdrift::testing::PostgresServer;
using ::testing::HasSubstr;

TEST(SqlLiteral, DoublesQuotesAndLeavesBackslashes) {
  struct Row {
    std::string text;
    std::string literal;
  };
  const std::vector<Row> rows = {
      {"", "''"},
      {"create table t (id int)", "'create table t (id int)'"},
      {"it's", "'it''s'"},
      {R"(a\b)", R"('a\b')"},
      {"line 1\nline 2", "'line 1\nline 2'"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    EXPECT_EQ(SqlLiteral(row.text), row.literal);
  }
}

TEST(SupabaseHistoryInsertSql, WritesVersionNameAndStatementsArray) {
  EXPECT_EQ(SupabaseHistoryInsertSql({"20240101000000", "init", {"create table t (id int)",
                                                                  "comment on table t is 'x'"}}),
            "INSERT INTO supabase_migrations.schema_migrations(version, name, statements) "
            "VALUES('20240101000000', 'init', ARRAY['create table t (id int)', "
            "'comment on table t is ''x''']::text[])");
  EXPECT_EQ(SupabaseHistoryInsertSql({"20240101000001", "", {}}),
            "INSERT INTO supabase_migrations.schema_migrations(version, name, statements) "
            "VALUES('20240101000001', '', '{}'::text[])");
}

// A write session on a fresh database of the shared server.
absl::StatusOr<std::unique_ptr<WriteSession>> OpenOn(const std::string& database,
                                                     ExecutorOptions options = {}) {
  options.connection_string = PostgresServer::Shared().ConnectionString(database);
  return OpenWriteSession(options);
}

std::string QueryText(const std::string& database, std::string_view sql) {
  absl::StatusOr<std::string> result = PostgresServer::Shared().Query(database, sql);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? std::string(*result) : "";
}

TEST(IntegrationWriteSession, CommitsATransactionWithItsHistoryRow) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database, CreateDatabaseWith("exec_commit", ""));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<WriteSession> session, OpenOn(database));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::set<std::string> before, session->RecordedSupabaseVersions());
  EXPECT_TRUE(before.empty());

  MigrationRecord record{"20240101000000", "init",
                         {"create table public.t (id int)", "insert into public.t values (1)"}};
  ASSERT_THAT(session->RunTransaction(record.statements, record), IsOk());

  EXPECT_EQ(QueryText(database, "select count(*) from public.t"), "1\n");
  EXPECT_EQ(QueryText(database,
                      "select version || '|' || name || '|' || array_to_string(statements, ';') "
                      "from supabase_migrations.schema_migrations"),
            "20240101000000|init|create table public.t (id int);insert into public.t values (1)\n");
  // The table as the Supabase CLI creates it: version is the primary key.
  EXPECT_EQ(QueryText(database,
                      "select string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' "
                      "order by attnum) from pg_attribute where attrelid = "
                      "'supabase_migrations.schema_migrations'::regclass and attnum > 0"),
            "version text, statements text[], name text\n");
  EXPECT_EQ(QueryText(database, "select conname from pg_constraint where conrelid = "
                                "'supabase_migrations.schema_migrations'::regclass"),
            "schema_migrations_pkey\n");
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::set<std::string> after, session->RecordedSupabaseVersions());
  EXPECT_EQ(after, std::set<std::string>{"20240101000000"});
}

TEST(IntegrationWriteSession, RollsBackOnErrorAndNamesTheStatement) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database,
                               CreateDatabaseWith("exec_rollback", "create table public.t (id int)"));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<WriteSession> session, OpenOn(database));
  std::vector<std::string> statements = {"create table public.u (id int)",
                                         "create table public.t (id int)",
                                         "create table public.v (id int)"};
  absl::Status status =
      session->RunTransaction(statements, MigrationRecord{"20240101000000", "x", statements});
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInternal,
                               "relation \"t\" already exists (SQLSTATE 42P07)\n  in statement 2: "
                               "create table public.t (id int)"));
  ASSERT_TRUE(session->failure().has_value());
  EXPECT_EQ(session->failure()->index, 1);
  EXPECT_EQ(session->failure()->sqlstate, "42P07");
  EXPECT_EQ(session->failure()->message, "relation \"t\" already exists");
  // Nothing of the transaction stayed: neither u nor the history table.
  EXPECT_EQ(QueryText(database, "select count(*) from pg_class where relname in "
                                "('u', 'v', 'schema_migrations')"),
            "0\n");
  // The session is usable again.
  EXPECT_THAT(session->RunTransaction({"create table public.u (id int)"}), IsOk());
  EXPECT_EQ(session->failure(), std::nullopt);
}

TEST(IntegrationWriteSession, RunsStatementsOutsideATransaction) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database,
                               CreateDatabaseWith("exec_outside", "create table public.t (id int)"));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<WriteSession> session, OpenOn(database));
  // CREATE INDEX CONCURRENTLY cannot run inside a transaction block (SQLSTATE 25001).
  EXPECT_THAT(session->RunTransaction({"create index concurrently t_id_idx on public.t (id)"}),
              StatusIs(absl::StatusCode::kInternal, "cannot run inside a transaction block"));
  EXPECT_EQ(session->failure()->sqlstate, "25001");
  ASSERT_THAT(session->RunOutsideTransaction("create index concurrently t_id_idx on public.t (id)"),
              IsOk());
  ASSERT_THAT(session->RecordSupabaseMigration({"20240102000000", "index", {"create index …"}}),
              IsOk());
  EXPECT_EQ(QueryText(database, "select indexrelid::regclass from pg_index where indrelid = "
                                "'public.t'::regclass"),
            "t_id_idx\n");
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::set<std::string> versions, session->RecordedSupabaseVersions());
  EXPECT_EQ(versions, std::set<std::string>{"20240102000000"});
  // A second row with the same version violates the primary key, as for the CLI.
  EXPECT_THAT(session->RecordSupabaseMigration({"20240102000000", "index", {}}),
              StatusIs(absl::StatusCode::kInternal, "(SQLSTATE 23505)"));
}

TEST(IntegrationWriteSession, AddsMissingColumnsToAnOldHistoryTable) {
  // Older CLI versions created the table with the version column only.
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      std::string database,
      CreateDatabaseWith("exec_old_history",
                         "create schema supabase_migrations; create table "
                         "supabase_migrations.schema_migrations (version text primary key); "
                         "insert into supabase_migrations.schema_migrations values ('1')"));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<WriteSession> session, OpenOn(database));
  ASSERT_THAT(session->RecordSupabaseMigration({"2", "two", {"select 1"}}), IsOk());
  EXPECT_EQ(QueryText(database, "select version, name, statements from "
                                "supabase_migrations.schema_migrations order by version"),
            "1||\n2|two|{\"select 1\"}\n");
}

TEST(IntegrationWriteSession, StatementTimeoutIsADeadline) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database, CreateDatabaseWith("exec_timeout", ""));
  ExecutorOptions options;
  options.statement_timeout = std::chrono::milliseconds(50);
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<WriteSession> session, OpenOn(database, options));
  EXPECT_THAT(session->RunTransaction({"select pg_sleep(2)"}),
              StatusIs(absl::StatusCode::kDeadlineExceeded,
                       "canceling statement due to statement timeout (SQLSTATE 57014)"));
}

TEST(IntegrationWriteSession, ConnectionErrorsAreWordedAsConnect) {
  ExecutorOptions options;
  options.connection_string =
      "postgresql://app:s3cret-pass@/nodb?host=/nonexistent-pgdrift-socket&port=5999";
  absl::StatusOr<std::unique_ptr<WriteSession>> session = OpenWriteSession(options);
  EXPECT_THAT(session.status(),
              StatusIs(absl::StatusCode::kUnavailable,
                       "could not connect to database \"nodb\" on host "
                       "\"/nonexistent-pgdrift-socket\", port 5999 (user \"app\"): "));
  EXPECT_THAT(std::string(session.status().message()), ::testing::Not(HasSubstr("s3cret")));
}

}  // namespace
}  // namespace pgdrift::introspect
