#include "introspect/testing/live_database.h"

#include "base/status_macros.h"
#include "testing/postgres_server.h"

namespace pgdrift::testing {

absl::StatusOr<std::string> CreateDatabaseWith(std::string_view prefix, std::string_view sql) {
  PostgresServer& server = PostgresServer::Shared();
  PGDRIFT_ASSIGN_OR_RETURN(std::string database, server.CreateDatabase(prefix));
  if (!sql.empty()) PGDRIFT_RETURN_IF_ERROR(server.RunSql(database, sql));
  return database;
}

absl::StatusOr<std::unique_ptr<introspect::Session>> ConnectTo(const std::string& database) {
  introspect::ConnectOptions options;
  options.connection_string = PostgresServer::Shared().ConnectionString(database);
  return introspect::Connect(options);
}

absl::StatusOr<model::Catalog> ReadCatalogOfSql(std::string_view sql,
                                                const introspect::ReadOptions& options) {
  PGDRIFT_ASSIGN_OR_RETURN(std::string database, CreateDatabaseWith("introspect", sql));
  PGDRIFT_ASSIGN_OR_RETURN(std::unique_ptr<introspect::Session> session, ConnectTo(database));
  return introspect::ReadCatalog(*session, options);
}

}  // namespace pgdrift::testing
