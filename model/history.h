// History: the migration versions a database records as applied, read from the history
// table of the tool that applied them (Supabase CLI, Flyway, golang-migrate, dbmate,
// Prisma), and the same facts for the local migration files, so that diff/ can compare
// the two without knowing where either came from.
#ifndef PGDRIFT_MODEL_HISTORY_H_
#define PGDRIFT_MODEL_HISTORY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pgdrift::model {

// The tool whose history table a database holds.
enum class HistoryTool { kSupabase, kFlyway, kGolangMigrate, kDbmate, kPrisma };

// "supabase", "flyway", "golang-migrate", "dbmate" or "prisma" (as parser::LayoutName
// spells the matching layouts).
std::string_view HistoryToolName(HistoryTool tool);

// One row of a history table.
struct HistoryEntry {
  std::string version;
  // Supabase `name`, Flyway `description`, Prisma `migration_name` minus its version
  // prefix; "" when the tool (or the CLI version that wrote the row) records none.
  std::string name;
  // Supabase `statements`: the statements the CLI recorded, in order. Empty optional when
  // the column does not exist or is NULL (older CLI versions, rows written by hand).
  std::optional<std::vector<std::string>> statements;
  // Fingerprints of `statements` (parser::StatementFingerprint: the hash of the parse
  // tree, literals included), one per statement (filled by the reader).
  std::vector<std::string> fingerprints;
  // Flyway `checksum` (a signed 32-bit CRC as decimal text), Prisma `checksum` (SHA-256
  // hex); empty optional when the tool records none.
  std::optional<std::string> checksum;
  // When it was applied, as the server printed the timestamp; "" when not recorded.
  std::string applied_at;
  // A migration the tool says did not complete: Flyway success = false, golang-migrate
  // dirty, Prisma finished_at NULL or rolled_back_at set. `failure` says which.
  bool failed = false;
  std::string failure;
};

// A database's migration history.
struct History {
  HistoryTool tool = HistoryTool::kSupabase;
  // The table read, e.g. "supabase_migrations.schema_migrations".
  std::string table;
  // Columns the reader does not know, left alone (listed so reports can mention them).
  std::vector<std::string> ignored_columns;
  // Every row, in the order the tool applies versions (see diff/history_diff.h
  // VersionLess for Supabase); rows with the same version are kept as they are.
  std::vector<HistoryEntry> entries;
};

// One local migration file, as a history comparison sees it.
struct LocalMigration {
  std::string version;
  std::string name;
  std::string path;  // as shown in messages
  // The statements of the file as the Supabase CLI records them (its own split, text
  // without the terminating semicolon), and their fingerprints (parser::StatementFingerprint).
  std::vector<std::string> statements;
  std::vector<std::string> fingerprints;
  // What the layout's tool would record as checksum for this file (Flyway CRC32, Prisma
  // SHA-256), "" when the tool records none.
  std::string checksum;
  bool repeatable = false;  // Flyway R__ files: no version, re-applied when changed
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_HISTORY_H_
