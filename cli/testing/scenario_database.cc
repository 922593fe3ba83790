#include "cli/testing/scenario_database.h"

#include <memory>
#include <regex>
#include <sstream>

#include "base/strings.h"
#include "cli/testing/golden.h"
#include "introspect/executor.h"
#include "parser/local_migrations.h"
#include "parser/profile.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli::testing {

namespace fs = std::filesystem;

fs::path ScenarioDirectory(const std::string& prefix) {
  for (const fs::path& dir : CaseDirectories("testdata/scenarios")) {
    if (dir.filename().string().starts_with(prefix)) return fs::path(PGDRIFT_SOURCE_DIR) / dir;
  }
  return {};
}

absl::StatusOr<std::vector<ScenarioMigration>> ReadScenarioApplied(const fs::path& scenario) {
  std::vector<ScenarioMigration> applied;
  fs::path list = scenario / "remote" / "applied.txt";
  if (!fs::exists(list)) return applied;
  static const std::regex kFileName(R"(^([0-9]+)_(.*)\.sql$)");
  std::istringstream lines(ReadFileOrEmpty(list));
  std::string line;
  while (std::getline(lines, line)) {
    std::string_view text = Trim(line);
    if (text.empty() || text.starts_with("#")) continue;
    std::vector<std::string> words = StrSplit(text, ' ');
    ScenarioMigration migration;
    std::smatch match;
    if (!std::regex_match(words[0], match, kFileName)) {
      return absl::InvalidArgumentError(StrCat(list.string(), ": not a migration file name: ", words[0]));
    }
    migration.version = match[1];
    migration.name = match[2];
    // A file in remote/migrations is the text the remote ran (an edited or remote-only
    // migration); otherwise it is the local chain's file.
    migration.path = scenario / "remote" / "migrations" / words[0];
    if (!fs::exists(migration.path)) {
      migration.path = scenario / "local" / "supabase" / "migrations" / words[0];
    }
    if (!fs::exists(migration.path)) {
      return absl::NotFoundError(StrCat(list.string(), ": no file ", words[0]));
    }
    for (size_t i = 1; i < words.size(); ++i) {
      if (words[i] == "--no-statements") {
        migration.record = ScenarioMigration::Record::kWithoutStatements;
      } else if (words[i] == "--unrecorded") {
        migration.record = ScenarioMigration::Record::kNone;
      } else if (!words[i].empty()) {
        return absl::InvalidArgumentError(StrCat(list.string(), ": unknown flag ", words[i]));
      }
    }
    applied.push_back(std::move(migration));
  }
  return applied;
}

absl::StatusOr<std::string> BuildScenarioDatabase(const fs::path& scenario) {
  ::pgdrift::testing::PostgresServer& server = ::pgdrift::testing::PostgresServer::Shared();
  absl::StatusOr<std::vector<ScenarioMigration>> applied = ReadScenarioApplied(scenario);
  if (!applied.ok()) return applied.status();
  absl::StatusOr<std::string> database = server.CreateDatabase("scenario");
  if (!database.ok()) return database.status();
  for (std::string_view script : parser::ProfileScripts(parser::Profile::kSupabase)) {
    absl::Status status = server.RunSql(*database, script);
    if (!status.ok()) return status;
  }
  introspect::ExecutorOptions options;
  options.connection_string = server.ConnectionString(*database);
  absl::StatusOr<std::unique_ptr<introspect::WriteSession>> session = introspect::OpenWriteSession(options);
  if (!session.ok()) return session.status();
  for (const ScenarioMigration& migration : *applied) {
    std::string text = ReadFileOrEmpty(migration.path);
    absl::Status status;
    switch (migration.record) {
      case ScenarioMigration::Record::kWithStatements:
        // As `supabase db push`: the file and its history row in one transaction.
        status = (*session)->RunTransaction(
            {text}, introspect::MigrationRecord{migration.version, migration.name,
                                                parser::SplitStatementsForHistory(text)});
        break;
      case ScenarioMigration::Record::kWithoutStatements:
        status = (*session)->RunTransaction(
            {text, StrCat("insert into supabase_migrations.schema_migrations (version, name) values (",
                          introspect::SqlLiteral(migration.version), ", ",
                          introspect::SqlLiteral(migration.name), ")")});
        break;
      case ScenarioMigration::Record::kNone:
        status = (*session)->RunScriptInTransaction(text);
        break;
    }
    if (!status.ok()) {
      return absl::Status(status.code(), StrCat(migration.path.string(), ": ", status.message()));
    }
  }
  session->reset();
  for (std::string_view file : {"drift.sql", "history.sql"}) {
    fs::path path = scenario / "remote" / file;
    if (!fs::exists(path)) continue;
    absl::Status status = server.RunSqlFile(*database, path.string());
    if (!status.ok()) return absl::Status(status.code(), StrCat(path.string(), ": ", status.message()));
  }
  return *database;
}

}  // namespace pgdrift::cli::testing
