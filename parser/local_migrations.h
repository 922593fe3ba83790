// Local migrations for a history comparison: each file of a chain split into statements
// the way the Supabase CLI records them, with libpg_query fingerprints (so whitespace and
// comments do not count) and the checksum the layout's tool would store.
#ifndef PGDRIFT_PARSER_LOCAL_MIGRATIONS_H_
#define PGDRIFT_PARSER_LOCAL_MIGRATIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/history.h"
#include "parser/migration_dir.h"

namespace pgdrift::parser {

// The fingerprint of one statement: the SHA-256 (hex) of its libpg_query parse tree without
// source positions, so whitespace and comments do not count but every keyword, name and
// literal does; when the statement does not parse, its text with runs of whitespace
// collapsed (so a broken statement still compares equal only to itself).
std::string StatementFingerprint(std::string_view statement);

// The fingerprints of `statements`, in order.
std::vector<std::string> StatementFingerprints(const std::vector<std::string>& statements);

// Splits `text` into statements as the Supabase CLI records them in
// supabase_migrations.schema_migrations.statements: each statement's text without its
// terminating semicolon and without surrounding whitespace; empty statements dropped.
std::vector<std::string> SplitStatementsForHistory(std::string_view text);

// Flyway's checksum of a migration file's text: CRC-32 (java.util.zip.CRC32) over the
// UTF-8 bytes of each line without its terminator, a leading byte-order mark dropped, as
// a signed 32-bit decimal (what flyway_schema_history.checksum holds).
std::string FlywayChecksum(std::string_view text);

// Prisma's checksum of a migration.sql: the SHA-256 of its bytes as 64 lowercase hex
// digits (what _prisma_migrations.checksum holds).
std::string PrismaChecksum(std::string_view bytes);

// The tool whose history table a `layout` chain is recorded in; none for plain files.
std::optional<model::HistoryTool> HistoryToolOfLayout(Layout layout);

// Every file of `chain` as a model::LocalMigration (statements, fingerprints, and the
// checksum `chain.layout`'s tool records: Flyway's CRC32, Prisma's SHA-256).
std::vector<model::LocalMigration> LocalMigrations(const MigrationChain& chain);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_LOCAL_MIGRATIONS_H_
