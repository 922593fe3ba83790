// PostgresServer: the one shared fixture for tests that need a real PostgreSQL 15. It
// starts a throwaway cluster (initdb into a temp directory, unix socket only,
// fsync=off), creates fresh databases on request, and removes everything at exit, also
// when a test fails.
//
// PostgreSQL refuses to run as root; when the tests run as root (CI does), the server
// runs as the unprivileged account scripts/setup creates (pgdrift-test).
#ifndef PGDRIFT_TESTING_POSTGRES_SERVER_H_
#define PGDRIFT_TESTING_POSTGRES_SERVER_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace pgdrift::testing {

class PostgresServer {
 public:
  // The server shared by every test of this process, started on first use. Aborts the
  // test binary with a message when it cannot start (a server that will not start is a
  // failure, never a skip).
  static PostgresServer& Shared();

  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // Creates a new, empty database with a unique name starting with `prefix`; returns
  // its name.
  [[nodiscard]] absl::StatusOr<std::string> CreateDatabase(std::string_view prefix);
  [[nodiscard]] absl::Status DropDatabase(const std::string& database);

  // A libpq conninfo string for `database` (unix socket, superuser postgres).
  std::string ConnectionString(const std::string& database) const;
  // The same as a postgresql:// URI.
  std::string ConnectionUri(const std::string& database) const;

  // Runs `sql` (or the file at `path`) with psql, stopping at the first error; returns
  // the error text psql printed on failure.
  [[nodiscard]] absl::Status RunSql(const std::string& database, std::string_view sql) const;
  [[nodiscard]] absl::Status RunSqlFile(const std::string& database, const std::string& path) const;
  // Runs a query and returns its unaligned, tuples-only output.
  [[nodiscard]] absl::StatusOr<std::string> Query(const std::string& database,
                                                  std::string_view sql) const;
  // pg_dump --schema-only of `database`.
  [[nodiscard]] absl::StatusOr<std::string> DumpSchema(const std::string& database) const;

  const std::string& socket_dir() const { return dir_; }
  int port() const { return port_; }

 private:
  PostgresServer() = default;
  absl::Status Start();
  void Stop();

  std::string dir_;   // cluster data in dir_/data, socket in dir_
  int port_ = 0;
  bool started_ = false;
  int next_database_ = 0;
};

}  // namespace pgdrift::testing

#endif  // PGDRIFT_TESTING_POSTGRES_SERVER_H_
