// Connecting to a live database for reading: Connect opens a libpq connection (through
// libpqxx, which stays inside introspect/) and starts the one transaction everything is
// read in — REPEATABLE READ, READ ONLY, so every query sees the same snapshot and none
// can write — with an empty search_path (so pg_get_expr, pg_get_constraintdef,
// pg_get_indexdef and format_type qualify every name outside pg_catalog) and statement,
// lock and idle-in-transaction timeouts.
//
// Invariant: no message produced here contains a password.
#ifndef PGDRIFT_INTROSPECT_CONNECTION_H_
#define PGDRIFT_INTROSPECT_CONNECTION_H_

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "introspect/connection_string.h"
#include "introspect/result_set.h"

namespace pgdrift::introspect {

// The environment variables a connection string is taken from when none is given, in
// order; after them libpq's own PG* variables and ~/.pgpass apply.
inline constexpr std::string_view kConnectionEnvironmentVariables[] = {
    "PGDRIFT_DB_URL", "SUPABASE_DB_URL", "DATABASE_URL"};

struct ConnectOptions {
  // A postgres:// or postgresql:// URI or a libpq conninfo string; empty: the first of
  // kConnectionEnvironmentVariables that is set, else "" (libpq then uses PGHOST,
  // PGPORT, PGDATABASE, PGUSER, PGPASSWORD … and ~/.pgpass).
  std::string connection_string;
  // SET LOCAL statement_timeout, lock_timeout, idle_in_transaction_session_timeout;
  // zero disables a timeout.
  std::chrono::milliseconds statement_timeout{30'000};
  std::chrono::milliseconds lock_timeout{5'000};
  std::chrono::milliseconds idle_in_transaction_timeout{60'000};
  // libpq connect_timeout, added unless the string or PGCONNECT_TIMEOUT sets one.
  std::chrono::seconds connect_timeout{10};
  // Where environment variables come from (the process environment unless a test
  // substitutes its own).
  EnvLookup env = ProcessEnvironment();
};

// The connection string Connect uses and where it came from.
struct ResolvedConnectionString {
  std::string connection_string;
  // "argument", the environment variable's name, or "libpq defaults".
  std::string source;
};

// Picks the connection string for `options` (see ConnectOptions::connection_string).
ResolvedConnectionString ResolveConnectionString(const ConnectOptions& options);

// An open connection inside its read-only snapshot transaction. The transaction is
// rolled back (it wrote nothing) and the connection closed when the Session is
// destroyed.
class Session {
 public:
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Runs one SQL statement in the transaction and returns its rows as text. Errors:
  // kUnavailable when the connection is lost, kDeadlineExceeded on statement or lock
  // timeout, kPermissionDenied for missing privileges, kFailedPrecondition for a write
  // refused by the read-only transaction, kInternal for anything else; the message
  // carries the server's text and SQLSTATE. After an error the transaction is aborted
  // and later statements fail too.
  [[nodiscard]] absl::StatusOr<ResultSet> Query(std::string_view sql);

  // Sets the configuration parameter `name` to `value` for the rest of the transaction
  // (set_config(name, value, true), i.e. SET LOCAL).
  [[nodiscard]] absl::Status SetLocal(std::string_view name, std::string_view value);

  // How many statements this session has sent, setup included.
  int statements_sent() const;
  // The server's server_version_num, e.g. 150004.
  int server_version() const;
  // Where the session is connected, e.g. `database "app" on host "db", port 5432
  // (user "postgres")`; never contains a password.
  const std::string& description() const;

 private:
  struct Impl;
  explicit Session(std::unique_ptr<Impl> impl);
  friend absl::StatusOr<std::unique_ptr<Session>> Connect(const ConnectOptions& options);

  std::unique_ptr<Impl> impl_;
};

// Connects and starts the read-only transaction. A connection that cannot be made is
// kUnavailable: "could not connect to database "app" on host "db", port 5432 (user
// "postgres"): <the server's or libpq's reason>"; a malformed connection string is
// kInvalidArgument.
[[nodiscard]] absl::StatusOr<std::unique_ptr<Session>> Connect(const ConnectOptions& options);

}  // namespace pgdrift::introspect

#endif  // PGDRIFT_INTROSPECT_CONNECTION_H_
