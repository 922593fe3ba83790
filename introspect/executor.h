// The one path by which pgdrift writes to a database: a write session that `pgdrift apply`
// opens (and nothing else does). It runs a plan's statements in explicit transactions
// (BEGIN … COMMIT, rolled back on the first error) or one by one outside a transaction,
// and records migrations in supabase_migrations.schema_migrations the way the Supabase
// CLI does when it pushes a migration.
//
// Invariant: no message produced here contains a password; every statement error carries
// the server's message, its SQLSTATE and the statement that failed.
#ifndef PGDRIFT_INTROSPECT_EXECUTOR_H_
#define PGDRIFT_INTROSPECT_EXECUTOR_H_

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "introspect/connection_string.h"

namespace pgdrift::introspect {

struct ExecutorOptions {
  // A postgres:// URI or libpq conninfo string; empty: the first of
  // kConnectionEnvironmentVariables that is set, then libpq's defaults (as Connect).
  std::string connection_string;
  // Session-wide statement_timeout and lock_timeout; zero disables a timeout. A plan's
  // statements may legitimately run long, so only lock waits are bounded by default.
  std::chrono::milliseconds statement_timeout{0};
  std::chrono::milliseconds lock_timeout{10'000};
  // libpq connect_timeout, added unless the string or PGCONNECT_TIMEOUT sets one.
  std::chrono::seconds connect_timeout{10};
  EnvLookup env = ProcessEnvironment();
};

// A migration as the Supabase CLI records it: one row of
// supabase_migrations.schema_migrations (version, name, statements).
struct MigrationRecord {
  std::string version;
  std::string name;
  std::vector<std::string> statements;
};

// What went wrong in the last failed call of a WriteSession.
struct StatementFailure {
  // 0-based index of the failing statement in the call's list; -1 when the failure was
  // not in one of the caller's statements (BEGIN, COMMIT, recording the history row).
  int index = -1;
  std::string statement;  // the text sent
  std::string sqlstate;   // "" when the server did not send one (lost connection)
  std::string message;    // the server's primary message
};

// An open read-write connection. Any transaction left open is rolled back and the
// connection closed when the WriteSession is destroyed.
class WriteSession {
 public:
  ~WriteSession();
  WriteSession(const WriteSession&) = delete;
  WriteSession& operator=(const WriteSession&) = delete;

  // Runs `statements` in order inside BEGIN … COMMIT; with `record`, inserts its history
  // row (creating the table first when missing) in the same transaction, after the
  // statements. On error everything is rolled back and the status reads
  // "<server message> (SQLSTATE xxxxx)\n  in statement N: <statement>"; failure() has the
  // parts. kDeadlineExceeded for statement or lock timeouts, kUnavailable when the
  // connection is lost, kInternal for other server errors.
  [[nodiscard]] absl::Status RunTransaction(const std::vector<std::string>& statements,
                                            const std::optional<MigrationRecord>& record =
                                                std::nullopt);

  // Runs `script` (any number of statements, e.g. a whole file) as one simple query
  // inside BEGIN … COMMIT; errors as above, with the whole script as the statement.
  [[nodiscard]] absl::Status RunScriptInTransaction(std::string_view script);

  // Runs one statement outside any transaction (for CREATE INDEX CONCURRENTLY, ALTER
  // TYPE … ADD VALUE before PostgreSQL 12, VACUUM …).
  [[nodiscard]] absl::Status RunOutsideTransaction(std::string_view statement);

  // Records `record` in its own transaction, exactly as the Supabase CLI does for a
  // pushed migration: CREATE SCHEMA IF NOT EXISTS supabase_migrations, CREATE TABLE IF
  // NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY),
  // ADD COLUMN IF NOT EXISTS statements text[] and name text, then
  // INSERT INTO supabase_migrations.schema_migrations(version, name, statements).
  [[nodiscard]] absl::Status RecordSupabaseMigration(const MigrationRecord& record);

  // The versions supabase_migrations.schema_migrations records; empty when the table
  // does not exist.
  [[nodiscard]] absl::StatusOr<std::set<std::string>> RecordedSupabaseVersions();

  // The last failure of RunTransaction, RunScriptInTransaction, RunOutsideTransaction or
  // RecordSupabaseMigration (cleared by every call).
  const std::optional<StatementFailure>& failure() const;
  // Where the session is connected (ConnectionTarget::Describe; never a password).
  const std::string& description() const;
  // How many statements this session has sent, BEGIN and COMMIT included.
  int statements_sent() const;

 private:
  struct Impl;
  explicit WriteSession(std::unique_ptr<Impl> impl);
  friend absl::StatusOr<std::unique_ptr<WriteSession>> OpenWriteSession(
      const ExecutorOptions& options);

  std::unique_ptr<Impl> impl_;
};

// Connects for writing and sets the session's timeouts. Errors are worded as Connect's:
// kUnavailable "could not connect to database "app" on host "db", port 5432 (user
// "postgres"): <reason>", kInvalidArgument for a malformed connection string.
[[nodiscard]] absl::StatusOr<std::unique_ptr<WriteSession>> OpenWriteSession(
    const ExecutorOptions& options);

// The SQL that inserts `record` into supabase_migrations.schema_migrations, with every
// value written as a standard-conforming string literal (statements as ARRAY[…]::text[]).
std::string SupabaseHistoryInsertSql(const MigrationRecord& record);

// `text` as a standard-conforming SQL string literal ('it''s'; E'…' never needed since
// backslashes are ordinary characters when standard_conforming_strings is on, the
// default since PostgreSQL 9.1 and what the session sets).
std::string SqlLiteral(std::string_view text);

}  // namespace pgdrift::introspect

#endif  // PGDRIFT_INTROSPECT_EXECUTOR_H_
