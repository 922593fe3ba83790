// ReadHistory: the migration history table of a live database, whichever tool wrote it.
//
// Detection looks for the tables the tools create, in this order:
// supabase_migrations.schema_migrations (Supabase CLI), flyway_schema_history (Flyway,
// any schema on the search path or public), _prisma_migrations (Prisma), then
// schema_migrations in public, told apart by its columns: `dirty` → golang-migrate,
// otherwise dbmate. Columns the reader does not know are tolerated and listed;
// Supabase tables with or without `name` and `statements` (older CLI versions) are read.
#ifndef PGDRIFT_INTROSPECT_HISTORY_READER_H_
#define PGDRIFT_INTROSPECT_HISTORY_READER_H_

#include <optional>

#include "absl/status/statusor.h"
#include "introspect/connection.h"
#include "model/history.h"

namespace pgdrift::introspect {

// Reads the history of the tool `tool`, or of the first tool detected when `tool` is
// empty. Returns an empty optional when the database has no history table (a database
// no tool has migrated yet). Runs inside the Session's read-only snapshot.
[[nodiscard]] absl::StatusOr<std::optional<model::History>> ReadHistory(
    Session& session, std::optional<model::HistoryTool> tool = std::nullopt);

}  // namespace pgdrift::introspect

#endif  // PGDRIFT_INTROSPECT_HISTORY_READER_H_
