#include "introspect/executor.h"

#include <exception>
#include <map>
#include <pqxx/pqxx>
#include <utility>

#include "base/strings.h"
#include "introspect/connection.h"
#include "introspect/internal/server_messages.h"

namespace pgdrift::introspect {
namespace {

using internal::CodeForSqlState;
using internal::OneLine;
using internal::PrimaryMessage;
using internal::Scrub;
using internal::WithParameters;

// The statements with which the Supabase CLI makes sure its history table exists before
// it inserts a row (supabase/cli pkg/migration/history.go: CREATE_VERSION_SCHEMA,
// CREATE_VERSION_TABLE, ADD_STATEMENTS_COLUMN, ADD_NAME_COLUMN). Each is idempotent.
constexpr std::string_view kCreateHistoryTable[] = {
    "CREATE SCHEMA IF NOT EXISTS supabase_migrations",
    "CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations "
    "(version text NOT NULL PRIMARY KEY)",
    "ALTER TABLE supabase_migrations.schema_migrations "
    "ADD COLUMN IF NOT EXISTS statements text[]",
    "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text",
};

// A statement as shown in an error: at most 20 lines.
std::string ShownStatement(std::string_view statement) {
  std::vector<std::string> lines = StrSplit(Trim(statement), '\n');
  if (lines.size() <= 20) return std::string(Trim(statement));
  lines.resize(20);
  lines.push_back("…");
  return StrJoin(lines, "\n");
}

}  // namespace

std::string SqlLiteral(std::string_view text) {
  return StrCat("'", ReplaceAll(text, "'", "''"), "'");
}

std::string SupabaseHistoryInsertSql(const MigrationRecord& record) {
  std::vector<std::string> items;
  items.reserve(record.statements.size());
  for (const std::string& statement : record.statements) items.push_back(SqlLiteral(statement));
  std::string statements = items.empty() ? std::string("'{}'::text[]")
                                         : StrCat("ARRAY[", StrJoin(items, ", "), "]::text[]");
  return StrCat(
      "INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES(",
      SqlLiteral(record.version), ", ", SqlLiteral(record.name), ", ", statements, ")");
}

struct WriteSession::Impl {
  std::unique_ptr<pqxx::connection> connection;
  std::unique_ptr<pqxx::nontransaction> work;
  std::string description;
  std::string password;
  int statements = 0;
  bool in_transaction = false;
  std::optional<StatementFailure> failure;

  // Sends `sql`; on error records the failure (with `index`) and returns its status.
  absl::Status Execute(std::string_view sql, int index, pqxx::result* result = nullptr) {
    ++statements;
    try {
      pqxx::result rows = work->exec(std::string(sql));
      if (result != nullptr) *result = std::move(rows);
      return absl::OkStatus();
    } catch (const pqxx::broken_connection& error) {
      failure = StatementFailure{index, std::string(sql), "", OneLine(error.what())};
      return absl::UnavailableError(Scrub(
          StrCat("lost the connection to ", description, ": ", OneLine(error.what())), password));
    } catch (const pqxx::sql_error& error) {
      failure = StatementFailure{index, std::string(sql), error.sqlstate(),
                                 PrimaryMessage(error.what())};
      std::string where = index >= 0 ? StrCat("statement ", index + 1) : std::string("statement");
      return absl::Status(CodeForSqlState(error.sqlstate()),
                          Scrub(StrCat(PrimaryMessage(error.what()), " (SQLSTATE ",
                                       error.sqlstate(), ")\n  in ", where, ": ",
                                       ShownStatement(sql)),
                                password));
    } catch (const std::exception& error) {
      failure = StatementFailure{index, std::string(sql), "", OneLine(error.what())};
      return absl::InternalError(Scrub(OneLine(error.what()), password));
    }
  }

  // Rolls back an open transaction; its own failure is secondary to the one reported.
  void Rollback() {
    if (!in_transaction) return;
    in_transaction = false;
    try {
      work->exec("ROLLBACK");
      ++statements;
    } catch (const std::exception&) {
      // The connection is gone; the server rolled the transaction back itself.
    }
  }

  absl::Status Begin() {
    failure.reset();
    absl::Status status = Execute("BEGIN", -1);
    if (status.ok()) in_transaction = true;
    return status;
  }

  absl::Status Commit() {
    absl::Status status = Execute("COMMIT", -1);
    in_transaction = false;
    return status;
  }

  absl::Status InsertHistoryRow(const MigrationRecord& record) {
    for (std::string_view statement : kCreateHistoryTable) {
      absl::Status status = Execute(statement, -1);
      if (!status.ok()) return status;
    }
    return Execute(SupabaseHistoryInsertSql(record), -1);
  }
};

WriteSession::WriteSession(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

WriteSession::~WriteSession() {
  if (impl_ != nullptr && impl_->work != nullptr) impl_->Rollback();
}

absl::Status WriteSession::RunTransaction(const std::vector<std::string>& statements,
                                          const std::optional<MigrationRecord>& record) {
  absl::Status status = impl_->Begin();
  if (!status.ok()) return status;
  for (size_t i = 0; i < statements.size() && status.ok(); ++i) {
    status = impl_->Execute(statements[i], static_cast<int>(i));
  }
  if (status.ok() && record.has_value()) status = impl_->InsertHistoryRow(*record);
  if (!status.ok()) {
    impl_->Rollback();
    return status;
  }
  return impl_->Commit();
}

absl::Status WriteSession::RunScriptInTransaction(std::string_view script) {
  absl::Status status = impl_->Begin();
  if (!status.ok()) return status;
  status = impl_->Execute(script, 0);
  if (!status.ok()) {
    impl_->Rollback();
    return status;
  }
  return impl_->Commit();
}

absl::Status WriteSession::RunOutsideTransaction(std::string_view statement) {
  impl_->failure.reset();
  return impl_->Execute(statement, 0);
}

absl::Status WriteSession::RecordSupabaseMigration(const MigrationRecord& record) {
  absl::Status status = impl_->Begin();
  if (!status.ok()) return status;
  status = impl_->InsertHistoryRow(record);
  if (!status.ok()) {
    impl_->Rollback();
    return status;
  }
  return impl_->Commit();
}

absl::StatusOr<std::set<std::string>> WriteSession::RecordedSupabaseVersions() {
  pqxx::result exists;
  absl::Status status = impl_->Execute(
      "SELECT pg_catalog.to_regclass('supabase_migrations.schema_migrations') IS NOT NULL",
      -1, &exists);
  if (!status.ok()) return status;
  std::set<std::string> versions;
  if (exists.empty() || std::string_view(exists[0][0].c_str()) != "t") return versions;
  pqxx::result rows;
  status = impl_->Execute("SELECT version FROM supabase_migrations.schema_migrations", -1, &rows);
  if (!status.ok()) return status;
  for (const pqxx::row& row : rows) versions.insert(row[0].c_str());
  return versions;
}

const std::optional<StatementFailure>& WriteSession::failure() const { return impl_->failure; }
const std::string& WriteSession::description() const { return impl_->description; }
int WriteSession::statements_sent() const { return impl_->statements; }

absl::StatusOr<std::unique_ptr<WriteSession>> OpenWriteSession(const ExecutorOptions& options) {
  ConnectOptions connect_options;
  connect_options.connection_string = options.connection_string;
  connect_options.env = options.env;
  ResolvedConnectionString resolved = ResolveConnectionString(connect_options);
  absl::StatusOr<std::map<std::string, std::string>> parameters =
      ParseConnectionString(resolved.connection_string);
  if (!parameters.ok()) {
    return absl::InvalidArgumentError(
        StrCat(parameters.status().message(), " (connection string from ", resolved.source, ")"));
  }
  ConnectionTarget target = TargetOf(*parameters, options.env);

  std::vector<std::pair<std::string, std::string>> extra;
  if (!parameters->contains("connect_timeout") && !options.env("PGCONNECT_TIMEOUT").has_value() &&
      options.connect_timeout.count() > 0) {
    extra.emplace_back("connect_timeout", std::to_string(options.connect_timeout.count()));
  }
  if (!parameters->contains("fallback_application_name")) {
    extra.emplace_back("fallback_application_name", "pgdrift");
  }

  auto impl = std::make_unique<WriteSession::Impl>();
  impl->description = target.Describe();
  impl->password = parameters->contains("password") ? parameters->at("password") : "";
  try {
    impl->connection =
        std::make_unique<pqxx::connection>(WithParameters(resolved.connection_string, extra));
    impl->work = std::make_unique<pqxx::nontransaction>(*impl->connection, "pgdrift_apply");
  } catch (const std::exception& error) {
    return absl::UnavailableError(Scrub(
        StrCat("could not connect to ", target.Describe(), ": ", OneLine(error.what())),
        impl->password));
  }

  // Session-wide settings (SET, not SET LOCAL): they hold for every transaction and for
  // the statements run outside one.
  std::vector<std::string> setup = {
      "SET standard_conforming_strings = on",
      StrCat("SET statement_timeout = ", options.statement_timeout.count()),
      StrCat("SET lock_timeout = ", options.lock_timeout.count()),
  };
  for (const std::string& statement : setup) {
    absl::Status status = impl->Execute(statement, -1);
    if (!status.ok()) {
      return absl::Status(status.code(), StrCat("setting up the session on ", target.Describe(),
                                                ": ", status.message()));
    }
  }
  return std::unique_ptr<WriteSession>(new WriteSession(std::move(impl)));
}

}  // namespace pgdrift::introspect
