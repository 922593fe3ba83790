#include "introspect/connection.h"

#include <map>
#include <memory>
#include <string>

#include "base/strings.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "introspect/testing/live_database.h"
#include "testing/postgres_server.h"

namespace pgdrift::introspect {
namespace {

using ::pgdrift::testing::ConnectTo;
using ::pgdrift::testing::CreateDatabaseWith;
using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::PostgresServer;
using ::pgdrift::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;

EnvLookup FakeEnv(std::map<std::string, std::string> values) {
  return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
    auto it = values.find(std::string(name));
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

TEST(ResolveConnectionString, PrefersTheArgumentThenTheVariablesInOrder) {
  struct Case {
    std::string argument;
    std::map<std::string, std::string> env;
    std::string expected;
    std::string source;
  };
  const Case cases[] = {
      {"host=a", {{"PGDRIFT_DB_URL", "host=b"}}, "host=a", "argument"},
      {"",
       {{"PGDRIFT_DB_URL", "host=b"}, {"SUPABASE_DB_URL", "host=c"}},
       "host=b",
       "PGDRIFT_DB_URL"},
      {"",
       {{"SUPABASE_DB_URL", "host=c"}, {"DATABASE_URL", "host=d"}},
       "host=c",
       "SUPABASE_DB_URL"},
      {"", {{"PGDRIFT_DB_URL", "  "}, {"DATABASE_URL", "host=d"}}, "host=d", "DATABASE_URL"},
      {"", {{"PGHOST", "e"}}, "", "libpq defaults"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expected);
    ConnectOptions options;
    options.connection_string = c.argument;
    options.env = FakeEnv(c.env);
    ResolvedConnectionString resolved = ResolveConnectionString(options);
    EXPECT_EQ(resolved.connection_string, c.expected);
    EXPECT_EQ(resolved.source, c.source);
  }
}

TEST(Connect, RejectsAMalformedConnectionStringWithoutShowingThePassword) {
  ConnectOptions options;
  options.connection_string = "host=db password='s3cret";
  absl::StatusOr<std::unique_ptr<Session>> session = Connect(options);
  EXPECT_THAT(session, StatusIs(absl::StatusCode::kInvalidArgument, "unterminated quoted string"));
  EXPECT_THAT(std::string(session.status().message()), Not(HasSubstr("s3cret")));
}

TEST(IntegrationConnect, FailureNamesHostPortAndDatabaseButNotThePassword) {
  PostgresServer& server = PostgresServer::Shared();
  struct Case {
    std::string connection_string;
    std::string reason;
  };
  const Case cases[] = {
      {StrCat("host=", server.socket_dir(), " port=", server.port(),
              " dbname=no_such_db user=postgres password=Sup3rSecret"),
       "database \"no_such_db\" does not exist"},
      {StrCat("postgresql://postgres:Sup3rSecret@/no_such_db?host=",
              ReplaceAll(server.socket_dir(), "/", "%2F"), "&port=", server.port()),
       "database \"no_such_db\" does not exist"},
      {StrCat("host=", server.socket_dir(), " port=1 dbname=app password=Sup3rSecret"),
       "No such file or directory"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.connection_string);
    ConnectOptions options;
    options.connection_string = c.connection_string;
    absl::StatusOr<std::unique_ptr<Session>> session = Connect(options);
    ASSERT_THAT(session, StatusIs(absl::StatusCode::kUnavailable, "could not connect to database"));
    std::string message(session.status().message());
    EXPECT_THAT(message, HasSubstr(StrCat("host \"", server.socket_dir(), "\"")));
    EXPECT_THAT(message, HasSubstr(c.reason));
    EXPECT_THAT(message, Not(HasSubstr("Sup3rSecret")));
  }
  ConnectOptions wrong_port;
  wrong_port.connection_string =
      StrCat("host=", server.socket_dir(), " port=1 dbname=app password=Sup3rSecret");
  EXPECT_THAT(Connect(wrong_port), StatusIs(absl::StatusCode::kUnavailable,
                                            "could not connect to database \"app\" on host"));
  EXPECT_THAT(Connect(wrong_port), StatusIs(absl::StatusCode::kUnavailable, "port 1 "));
}

TEST(IntegrationConnect, UsesTheEnvironmentWhenNoStringIsGiven) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database, CreateDatabaseWith("env", ""));
  ConnectOptions options;
  options.env = FakeEnv({{"SUPABASE_DB_URL", PostgresServer::Shared().ConnectionUri(database)}});
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Session> session, Connect(options));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(ResultSet rows, session->Query("SELECT current_database() AS db"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows.row(0).Text("db"), database);
  EXPECT_THAT(session->description(), HasSubstr(StrCat("database \"", database, "\"")));
}

TEST(IntegrationSession, RunsInOneReadOnlyRepeatableReadTransactionWithEmptySearchPath) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database, CreateDatabaseWith("session", ""));
  ConnectOptions options;
  options.connection_string = PostgresServer::Shared().ConnectionString(database);
  options.statement_timeout = std::chrono::milliseconds(12'000);
  options.lock_timeout = std::chrono::milliseconds(3'000);
  options.idle_in_transaction_timeout = std::chrono::milliseconds(45'000);
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Session> session, Connect(options));
  EXPECT_GE(session->server_version(), 150000);
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      ResultSet rows,
      session->Query("SELECT current_setting('transaction_isolation') AS isolation,"
                     " current_setting('transaction_read_only') AS read_only,"
                     " current_setting('search_path') AS search_path,"
                     " current_setting('statement_timeout') AS statement_timeout,"
                     " current_setting('lock_timeout') AS lock_timeout,"
                     " current_setting('idle_in_transaction_session_timeout') AS idle,"
                     " now() = statement_timestamp() AS fresh_transaction"));
  ASSERT_EQ(rows.size(), 1u);
  ResultSet::Row row = rows.row(0);
  EXPECT_EQ(row.Text("isolation"), "repeatable read");
  EXPECT_EQ(row.Text("read_only"), "on");
  EXPECT_EQ(row.Text("search_path"), "\"\"");
  EXPECT_EQ(row.Text("statement_timeout"), "12s");
  EXPECT_EQ(row.Text("lock_timeout"), "3s");
  EXPECT_EQ(row.Text("idle"), "45s");
  // now() is the transaction's start: a later statement in the same transaction sees an
  // older now() than its own statement_timestamp().
  EXPECT_FALSE(row.Bool("fresh_transaction"));

  ASSERT_THAT(session->SetLocal("pgdrift.example", "it's"), IsOk());
  PGDRIFT_ASSERT_OK_AND_ASSIGN(ResultSet setting,
                               session->Query("SELECT current_setting('pgdrift.example') AS v"));
  EXPECT_EQ(setting.row(0).Text("v"), "it's");
}

TEST(IntegrationSession, RefusesToWrite) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database,
                               CreateDatabaseWith("readonly", "create table public.t (id int);"));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Session> session, ConnectTo(database));
  EXPECT_THAT(session->Query("INSERT INTO public.t VALUES (1)"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "cannot execute INSERT in a read-only transaction (SQLSTATE 25006)"));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Session> other, ConnectTo(database));
  EXPECT_THAT(other->Query("CREATE TABLE public.u (id int)"),
              StatusIs(absl::StatusCode::kFailedPrecondition, "read-only transaction"));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      std::string count, PostgresServer::Shared().Query(database, "select count(*) from public.t"));
  EXPECT_EQ(Trim(count), "0");
}

TEST(IntegrationSession, ReportsTimeoutsAndErrorsWithTheirSqlState) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database, CreateDatabaseWith("timeouts", ""));
  ConnectOptions options;
  options.connection_string = PostgresServer::Shared().ConnectionString(database);
  options.statement_timeout = std::chrono::milliseconds(100);
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Session> session, Connect(options));
  EXPECT_THAT(session->Query("SELECT pg_sleep(5)"),
              StatusIs(absl::StatusCode::kDeadlineExceeded, "statement timeout (SQLSTATE 57014)"));

  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Session> other, ConnectTo(database));
  absl::StatusOr<ResultSet> missing = other->Query("SELECT * FROM no_such_table");
  EXPECT_THAT(missing, StatusIs(absl::StatusCode::kInternal,
                                "relation \"no_such_table\" does not exist (SQLSTATE 42P01)"));
  EXPECT_EQ(missing.status().message(),
            "relation \"no_such_table\" does not exist (SQLSTATE 42P01)");
  EXPECT_EQ(other->statements_sent(), 6);  // BEGIN, four SET LOCAL, the query
}

}  // namespace
}  // namespace pgdrift::introspect
