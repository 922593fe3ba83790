// Test helpers for reading live databases: a fresh database on the shared PostgreSQL
// fixture (testing/postgres_server.h) with some SQL run in it, a Session on it, and its
// catalog read back.
#ifndef PGDRIFT_INTROSPECT_TESTING_LIVE_DATABASE_H_
#define PGDRIFT_INTROSPECT_TESTING_LIVE_DATABASE_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "introspect/catalog_reader.h"
#include "introspect/connection.h"
#include "model/catalog.h"

namespace pgdrift::testing {

// Creates a database whose name starts with `prefix` and runs `sql` in it; returns its name.
[[nodiscard]] absl::StatusOr<std::string> CreateDatabaseWith(std::string_view prefix,
                                                             std::string_view sql);

// Connects to `database` on the shared server with default options.
[[nodiscard]] absl::StatusOr<std::unique_ptr<introspect::Session>> ConnectTo(
    const std::string& database);

// Runs `sql` in a fresh database and reads its catalog with `options`.
[[nodiscard]] absl::StatusOr<model::Catalog> ReadCatalogOfSql(
    std::string_view sql, const introspect::ReadOptions& options = {});

}  // namespace pgdrift::testing

#endif  // PGDRIFT_INTROSPECT_TESTING_LIVE_DATABASE_H_
