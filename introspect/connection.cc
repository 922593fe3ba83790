#include "introspect/connection.h"

#include <exception>
#include <map>
#include <pqxx/pqxx>
#include <utility>
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "introspect/internal/server_messages.h"

namespace pgdrift::introspect {
namespace {

using internal::CodeForSqlState;
using internal::OneLine;
using internal::PrimaryMessage;
using internal::Scrub;
using internal::WithParameters;

// The statement that opens the snapshot. Sent by us rather than by pqxx::transaction
// (which sends "BEGIN; SET TRANSACTION …") so that the session runs exactly this one
// statement and counts it like every other.
constexpr std::string_view kBeginSql = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";

}  // namespace

struct Session::Impl {
  std::unique_ptr<pqxx::connection> connection;
  std::unique_ptr<pqxx::nontransaction> work;
  int statements = 0;
  int server_version = 0;
  std::string description;

  absl::Status Execute(std::string_view sql, pqxx::result* result) {
    ++statements;
    try {
      pqxx::result rows = work->exec(std::string(sql));
      if (result != nullptr) *result = std::move(rows);
      return absl::OkStatus();
    } catch (const pqxx::broken_connection& error) {
      return absl::UnavailableError(
          StrCat("lost the connection to ", description, ": ", OneLine(error.what())));
    } catch (const pqxx::sql_error& error) {
      return absl::Status(
          CodeForSqlState(error.sqlstate()),
          StrCat(PrimaryMessage(error.what()), " (SQLSTATE ", error.sqlstate(), ")"));
    } catch (const std::exception& error) {
      return absl::InternalError(OneLine(error.what()));
    }
  }
};

ResolvedConnectionString ResolveConnectionString(const ConnectOptions& options) {
  if (!Trim(options.connection_string).empty()) {
    return {options.connection_string, "argument"};
  }
  for (std::string_view variable : kConnectionEnvironmentVariables) {
    std::optional<std::string> value = options.env(variable);
    if (value.has_value() && !Trim(*value).empty()) return {*value, std::string(variable)};
  }
  return {"", "libpq defaults"};
}

Session::Session(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Session::~Session() {
  if (impl_ == nullptr || impl_->work == nullptr) return;
  try {
    impl_->work->exec("ROLLBACK");
  } catch (const std::exception&) {
    // The transaction is gone with the connection; closing it rolls back anyway.
  }
}

absl::StatusOr<ResultSet> Session::Query(std::string_view sql) {
  pqxx::result result;
  PGDRIFT_RETURN_IF_ERROR(impl_->Execute(sql, &result));
  std::vector<std::string> columns;
  columns.reserve(result.columns());
  for (pqxx::row::size_type i = 0; i < result.columns(); ++i) {
    columns.emplace_back(result.column_name(i));
  }
  std::vector<ResultSet::Values> rows;
  rows.reserve(result.size());
  for (const pqxx::row& row : result) {
    ResultSet::Values values;
    values.reserve(row.size());
    for (const pqxx::field& field : row) {
      if (field.is_null()) {
        values.emplace_back(std::nullopt);
      } else {
        values.emplace_back(std::string(field.c_str(), field.size()));
      }
    }
    rows.push_back(std::move(values));
  }
  return ResultSet(std::move(columns), std::move(rows));
}

absl::Status Session::SetLocal(std::string_view name, std::string_view value) {
  std::string sql;
  try {
    sql = StrCat("SELECT pg_catalog.set_config(", impl_->work->quote(std::string(name)), ", ",
                 impl_->work->quote(std::string(value)), ", true)");
  } catch (const std::exception& error) {
    return absl::InternalError(OneLine(error.what()));
  }
  return impl_->Execute(sql, nullptr);
}

int Session::statements_sent() const { return impl_->statements; }
int Session::server_version() const { return impl_->server_version; }
const std::string& Session::description() const { return impl_->description; }

absl::StatusOr<std::unique_ptr<Session>> Connect(const ConnectOptions& options) {
  ResolvedConnectionString resolved = ResolveConnectionString(options);
  absl::StatusOr<std::map<std::string, std::string>> parameters =
      ParseConnectionString(resolved.connection_string);
  if (!parameters.ok()) {
    // The string itself is not shown: a malformed one may hold a password where the
    // redaction cannot recognise it.
    return absl::InvalidArgumentError(
        StrCat(parameters.status().message(), " (connection string from ", resolved.source, ")"));
  }
  ConnectionTarget target = TargetOf(*parameters, options.env);
  std::string password = parameters->contains("password") ? parameters->at("password") : "";

  std::vector<std::pair<std::string, std::string>> extra;
  if (!parameters->contains("connect_timeout") && !options.env("PGCONNECT_TIMEOUT").has_value() &&
      options.connect_timeout.count() > 0) {
    extra.emplace_back("connect_timeout", std::to_string(options.connect_timeout.count()));
  }
  if (!parameters->contains("fallback_application_name")) {
    extra.emplace_back("fallback_application_name", "pgdrift");
  }

  auto impl = std::make_unique<Session::Impl>();
  impl->description = target.Describe();
  try {
    impl->connection =
        std::make_unique<pqxx::connection>(WithParameters(resolved.connection_string, extra));
    impl->server_version = impl->connection->server_version();
    impl->work = std::make_unique<pqxx::nontransaction>(*impl->connection, "pgdrift");
  } catch (const std::exception& error) {
    return absl::UnavailableError(Scrub(
        StrCat("could not connect to ", target.Describe(), ": ", OneLine(error.what())), password));
  }

  // The snapshot and its settings. SET LOCAL ends with the transaction, so nothing
  // outlives the session.
  std::vector<std::string> setup = {
      std::string(kBeginSql),
      "SET LOCAL search_path = ''",
      StrCat("SET LOCAL statement_timeout = ", options.statement_timeout.count()),
      StrCat("SET LOCAL lock_timeout = ", options.lock_timeout.count()),
      StrCat("SET LOCAL idle_in_transaction_session_timeout = ",
             options.idle_in_transaction_timeout.count()),
  };
  for (const std::string& statement : setup) {
    absl::Status status = impl->Execute(statement, nullptr);
    if (!status.ok()) {
      return absl::Status(status.code(), Scrub(StrCat("starting the read-only transaction on ",
                                                      target.Describe(), ": ", status.message()),
                                               password));
    }
  }
  return std::unique_ptr<Session>(new Session(std::move(impl)));
}

}  // namespace pgdrift::introspect
