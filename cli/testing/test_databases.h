// Databases for the tests that hold pgdrift to a real PostgreSQL: a migration chain
// applied to a fresh database on the shared fixture (testing/postgres_server.h) the way a
// platform would apply it, copies of such a database (CREATE DATABASE … TEMPLATE), and
// the drift between two catalogs as one readable line per difference.
#ifndef PGDRIFT_CLI_TESTING_TEST_DATABASES_H_
#define PGDRIFT_CLI_TESTING_TEST_DATABASES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "diff/change_set.h"
#include "parser/profile.h"

namespace pgdrift::cli::testing {

// A database name that no other call in this process returns, starting with `prefix`.
std::string UniqueDatabaseName(std::string_view prefix);

// Creates a database from template0, runs `profile`'s bootstrap scripts
// (parser::ProfileScripts) in it, then every migration file of the chain in `chain_dir`
// in the order its layout applies them, one psql run per file. Returns the database
// name; the error names the file the server rejected.
[[nodiscard]] absl::StatusOr<std::string> BuildChainDatabase(const std::string& chain_dir,
                                                             parser::Profile profile,
                                                             std::string_view prefix);

// Creates a copy of `template_database` (which must have no open connection) named
// UniqueDatabaseName(prefix); returns its name.
[[nodiscard]] absl::StatusOr<std::string> CopyDatabase(const std::string& template_database,
                                                       std::string_view prefix);

// Drops the database it names when it goes out of scope (a failure to drop fails the
// running test).
class ScopedDatabase {
 public:
  explicit ScopedDatabase(std::string name) : name_(std::move(name)) {}
  ~ScopedDatabase();
  ScopedDatabase(const ScopedDatabase&) = delete;
  ScopedDatabase& operator=(const ScopedDatabase&) = delete;

  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

// One line per difference in `changes`, at most `limit` lines (and a last line saying
// how many were left out), e.g.
//   column public.orders.note: default: replay 'x'::text, database (none)
//   table public.audit: only in the database
// `local_name` and `remote_name` name the two sides Compare was given.
std::vector<std::string> DescribeChanges(const diff::ChangeSet& changes,
                                         std::string_view local_name, std::string_view remote_name,
                                         size_t limit = 50);

}  // namespace pgdrift::cli::testing

#endif  // PGDRIFT_CLI_TESTING_TEST_DATABASES_H_
