#include "cli/testing/test_databases.h"

#include <atomic>

#include "base/status_macros.h"
#include "base/strings.h"
#include "gtest/gtest.h"
#include "parser/local_migrations.h"
#include "parser/migration_dir.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli::testing {

using ::pgdrift::testing::PostgresServer;

std::string UniqueDatabaseName(std::string_view prefix) {
  static std::atomic<int> next{0};
  return StrCat(prefix, "_u", next++);
}

namespace {

// `text` as an SQL string literal.
std::string Literal(std::string_view text) { return StrCat("'", ReplaceAll(text, "'", "''"), "'"); }

// The history row `supabase db push` records for `file` (version, name and the statements
// as the CLI splits them), so that a database built here has the history of a pushed chain.
std::string SupabaseHistoryInsert(const parser::MigrationFile& file) {
  std::vector<std::string> statements;
  for (const std::string& statement : parser::SplitStatementsForHistory(file.source.text)) {
    statements.push_back(Literal(statement));
  }
  return StrCat("insert into supabase_migrations.schema_migrations (version, name, statements) values (",
                Literal(file.version), ", ", Literal(file.name), ", array[", StrJoin(statements, ", "),
                "]::text[]);");
}

}  // namespace

absl::StatusOr<std::string> BuildChainDatabase(const std::string& chain_dir,
                                               parser::Profile profile, std::string_view prefix) {
  PostgresServer& server = PostgresServer::Shared();
  PGDRIFT_ASSIGN_OR_RETURN(parser::MigrationChain chain,
                           parser::LoadMigrationDirectory(chain_dir, std::nullopt, nullptr));
  PGDRIFT_ASSIGN_OR_RETURN(std::string database, server.CreateDatabase(prefix));
  for (std::string_view script : parser::ProfileScripts(profile)) {
    absl::Status status = server.RunSql(database, script);
    if (!status.ok()) {
      return absl::InternalError(StrCat("bootstrapping ", database, " with the ",
                                        parser::ProfileName(profile),
                                        " profile: ", std::string(status.message())));
    }
  }
  for (const parser::MigrationFile& file : chain.files) {
    // The replayed text: for dbmate it has the down sections blanked out.
    absl::Status status = server.RunSql(database, file.source.text);
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          StrCat("PostgreSQL rejected ", file.path, ": ", std::string(status.message())));
    }
    if (chain.layout == parser::Layout::kSupabase && profile == parser::Profile::kSupabase) {
      PGDRIFT_RETURN_IF_ERROR(server.RunSql(database, SupabaseHistoryInsert(file)));
    }
  }
  return database;
}

absl::StatusOr<std::string> CopyDatabase(const std::string& template_database,
                                         std::string_view prefix) {
  std::string name = UniqueDatabaseName(prefix);
  PGDRIFT_RETURN_IF_ERROR(PostgresServer::Shared().RunSql(
      "postgres", StrCat("create database ", name, " template ", template_database)));
  return name;
}

ScopedDatabase::~ScopedDatabase() {
  absl::Status dropped = PostgresServer::Shared().DropDatabase(name_);
  EXPECT_TRUE(dropped.ok()) << dropped;
}

std::vector<std::string> DescribeChanges(const diff::ChangeSet& changes,
                                         std::string_view local_name, std::string_view remote_name,
                                         size_t limit) {
  std::vector<std::string> lines;
  auto add = [&](std::string line) {
    if (lines.size() < limit) lines.push_back(std::move(line));
  };
  size_t total = 0;
  for (const diff::ObjectDrift& drift : changes.objects) {
    std::string identity = drift.id.ToString();
    switch (drift.status) {
      case diff::DriftStatus::kLocalOnly:
        ++total;
        add(StrCat(identity, ": only in the ", local_name));
        break;
      case diff::DriftStatus::kRemoteOnly:
        ++total;
        add(StrCat(identity, ": only in the ", remote_name));
        break;
      case diff::DriftStatus::kChanged:
        for (const diff::AttributeChange& change : drift.changes) {
          ++total;
          add(StrCat(identity, ": ", change.attribute, ": ", local_name, " ",
                     diff::ValueToString(change.local), ", ", remote_name, " ",
                     diff::ValueToString(change.remote)));
        }
        break;
    }
  }
  if (total > lines.size()) {
    lines.push_back(StrCat("… and ", total - lines.size(), " more differences"));
  }
  return lines;
}

}  // namespace pgdrift::cli::testing
