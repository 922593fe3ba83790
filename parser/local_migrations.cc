#include "parser/local_migrations.h"

namespace pgdrift::parser {

std::string StatementFingerprint(std::string_view statement) { return std::string(statement); }

std::vector<std::string> StatementFingerprints(const std::vector<std::string>& statements) {
  std::vector<std::string> fingerprints;
  for (const std::string& statement : statements) fingerprints.push_back(StatementFingerprint(statement));
  return fingerprints;
}

std::vector<std::string> SplitStatementsForHistory(std::string_view text) {
  return {std::string(text)};
}

std::vector<model::LocalMigration> LocalMigrations(const MigrationChain& chain) {
  std::vector<model::LocalMigration> migrations;
  for (const MigrationFile& file : chain.files) {
    model::LocalMigration migration;
    migration.version = file.version;
    migration.name = file.name;
    migration.path = file.path;
    migration.repeatable = file.repeatable;
    migrations.push_back(std::move(migration));
  }
  return migrations;
}

}  // namespace pgdrift::parser
