#include "introspect/history_reader.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/identifier.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "introspect/queries/history_tables.sql.h"
#include "parser/local_migrations.h"

namespace pgdrift::introspect {
namespace {

using model::HistoryTool;

// A history table found by queries/history_tables.sql.
struct FoundTable {
  std::string schema;
  std::string table;
  std::vector<std::string> columns;  // in attnum order

  bool Has(std::string_view column) const {
    return std::find(columns.begin(), columns.end(), column) != columns.end();
  }
};

// The columns each tool's table has, as the tool creates it (or, for Supabase, as the
// CLI and the dashboard add them: created_by and idempotency_key are written by the
// dashboard and carry nothing a history comparison uses).
std::vector<std::string_view> KnownColumns(HistoryTool tool) {
  switch (tool) {
    case HistoryTool::kSupabase:
      return {"version", "statements", "name", "created_by", "idempotency_key"};
    case HistoryTool::kFlyway:
      return {"installed_rank", "version",     "description", "type",           "script",
              "checksum",       "installed_by", "installed_on", "execution_time", "success"};
    case HistoryTool::kGolangMigrate:
      return {"version", "dirty"};
    case HistoryTool::kDbmate:
      return {"version"};
    case HistoryTool::kPrisma:
      return {"id",         "checksum",       "finished_at", "migration_name",
              "logs",       "rolled_back_at", "started_at",  "applied_steps_count"};
  }
  return {};
}

// The column every row of the tool's table is keyed by.
std::string_view VersionColumn(HistoryTool tool) {
  return tool == HistoryTool::kPrisma ? "migration_name" : "version";
}

// The table `tool` keeps its history in, among `found` (public first), if any.
const FoundTable* TableOf(HistoryTool tool, const std::vector<FoundTable>& found) {
  for (const FoundTable& table : found) {
    switch (tool) {
      case HistoryTool::kSupabase:
        if (table.schema == "supabase_migrations" && table.table == "schema_migrations") {
          return &table;
        }
        break;
      case HistoryTool::kFlyway:
        if (table.table == "flyway_schema_history") return &table;
        break;
      case HistoryTool::kPrisma:
        if (table.table == "_prisma_migrations") return &table;
        break;
      case HistoryTool::kGolangMigrate:
      case HistoryTool::kDbmate:
        if (table.schema == "public" && table.table == "schema_migrations") return &table;
        break;
    }
  }
  return nullptr;
}

// The first tool whose table exists, in the order ReadHistory's header gives, with its
// table. A public.schema_migrations with a `dirty` column is golang-migrate's, any other
// dbmate's.
std::pair<HistoryTool, const FoundTable*> Detect(const std::vector<FoundTable>& found) {
  for (HistoryTool tool : {HistoryTool::kSupabase, HistoryTool::kFlyway, HistoryTool::kPrisma}) {
    if (const FoundTable* table = TableOf(tool, found)) return {tool, table};
  }
  if (const FoundTable* table = TableOf(HistoryTool::kDbmate, found)) {
    return {table->Has("dirty") ? HistoryTool::kGolangMigrate : HistoryTool::kDbmate, table};
  }
  return {HistoryTool::kSupabase, nullptr};
}

// The SELECT that reads `table` as `tool`'s: each known column present, as text (the
// Supabase statements as text[]), under its own name, in the order the tool applies
// versions.
std::string SelectSql(HistoryTool tool, const FoundTable& table) {
  std::vector<std::string> items;
  for (std::string_view column : KnownColumns(tool)) {
    if (!table.Has(column)) continue;
    std::string quoted = QuoteIdent(column);
    std::string_view type = tool == HistoryTool::kSupabase && column == "statements" ? "text[]" : "text";
    items.push_back(StrCat("h.", quoted, "::", type, " AS ", quoted));
  }
  std::string order;
  switch (tool) {
    case HistoryTool::kSupabase:
    case HistoryTool::kDbmate:
      order = "h.version::text COLLATE \"C\"";
      break;
    case HistoryTool::kFlyway:
      // installed_rank is the order Flyway applied the rows in.
      order = table.Has("installed_rank") ? "h.installed_rank" : "h.version::text COLLATE \"C\"";
      break;
    case HistoryTool::kGolangMigrate:
      order = "h.version";
      break;
    case HistoryTool::kPrisma:
      // Prisma applies migration folders in name order; a migration tried again after a
      // failure has a later row with the same name.
      order = table.Has("started_at") ? "h.migration_name::text COLLATE \"C\", h.started_at"
                                      : "h.migration_name::text COLLATE \"C\"";
      break;
  }
  return StrCat("SELECT ", StrJoin(items, ", "), " FROM ", QuoteQualified(table.schema, table.table),
                " AS h ORDER BY ", order);
}

// A boolean column read as text: boolean::text gives "true" / "false".
bool TextIsTrue(const std::optional<std::string>& value) {
  return value.has_value() && (*value == "true" || *value == "t");
}

// The value of `column`, "" when the table lacks it or it is NULL.
std::string TextOf(const ResultSet& rows, const ResultSet::Row& row, std::string_view column) {
  const std::vector<std::string>& columns = rows.columns();
  if (std::find(columns.begin(), columns.end(), column) == columns.end()) return "";
  return row.Text(column);
}

// The value of `column`, nullopt when the table lacks it or it is NULL.
std::optional<std::string> GetOf(const ResultSet& rows, const ResultSet::Row& row,
                                 std::string_view column) {
  const std::vector<std::string>& columns = rows.columns();
  if (std::find(columns.begin(), columns.end(), column) == columns.end()) return std::nullopt;
  return row.Get(column);
}

// `migration_name` without its leading `<digits>_` (as parser/migration_dir.cc names
// prisma folders).
std::string PrismaName(const std::string& migration_name) {
  size_t digits = 0;
  while (digits < migration_name.size() && migration_name[digits] >= '0' &&
         migration_name[digits] <= '9') {
    ++digits;
  }
  if (digits > 0 && digits < migration_name.size() && migration_name[digits] == '_') {
    return migration_name.substr(digits + 1);
  }
  return migration_name;
}

// Adds the Flyway row to `entries`. Rows of type SCHEMA (Flyway's record that it created
// the schemas it manages) are not migrations and are skipped. A row of type DELETE (a
// missing migration marked deleted by `flyway repair`) or UNDO_* (an undo migration ran)
// takes the version back out: the earlier rows of that version are removed and the row
// itself is not kept. BASELINE rows are kept: they stand for the versions up to the
// baseline, which history comparisons must see.
void AddFlywayRow(const ResultSet& rows, const ResultSet::Row& row, model::HistoryEntry entry,
                  std::vector<model::HistoryEntry>* entries) {
  std::string type = TextOf(rows, row, "type");
  if (type == "SCHEMA") return;
  if (type == "DELETE" || type.starts_with("UNDO_")) {
    std::erase_if(*entries, [&](const model::HistoryEntry& earlier) {
      return earlier.version == entry.version;
    });
    return;
  }
  entries->push_back(std::move(entry));
}

absl::StatusOr<model::History> ReadTable(Session& session, HistoryTool tool,
                                         const FoundTable& table) {
  model::History history;
  history.tool = tool;
  history.table = QuoteQualified(table.schema, table.table);
  std::vector<std::string_view> known = KnownColumns(tool);
  for (const std::string& column : table.columns) {
    if (std::find(known.begin(), known.end(), column) == known.end()) {
      history.ignored_columns.push_back(column);
    }
  }
  if (!table.Has(VersionColumn(tool))) {
    return absl::FailedPreconditionError(
        StrCat("history table ", history.table, " of ", model::HistoryToolName(tool),
               " has no column \"", VersionColumn(tool), "\""));
  }

  absl::StatusOr<ResultSet> result = session.Query(SelectSql(tool, table));
  if (!result.ok()) {
    return absl::Status(result.status().code(), StrCat("reading history table ", history.table,
                                                       ": ", result.status().message()));
  }
  const ResultSet& rows = *result;
  for (ResultSet::Row row : rows) {
    model::HistoryEntry entry;
    entry.version = TextOf(rows, row, VersionColumn(tool));
    switch (tool) {
      case HistoryTool::kSupabase:
        entry.name = TextOf(rows, row, "name");
        if (GetOf(rows, row, "statements").has_value()) {
          entry.statements = row.TextArray("statements");
          entry.fingerprints = parser::StatementFingerprints(*entry.statements);
        }
        break;
      case HistoryTool::kFlyway:
        entry.name = TextOf(rows, row, "description");
        entry.checksum = GetOf(rows, row, "checksum");
        entry.applied_at = TextOf(rows, row, "installed_on");
        if (std::optional<std::string> success = GetOf(rows, row, "success");
            success.has_value() && !TextIsTrue(success)) {
          entry.failed = true;
          entry.failure = "success = false";
        }
        AddFlywayRow(rows, row, std::move(entry), &history.entries);
        continue;
      case HistoryTool::kGolangMigrate:
        if (TextIsTrue(GetOf(rows, row, "dirty"))) {
          entry.failed = true;
          entry.failure = "dirty";
        }
        break;
      case HistoryTool::kDbmate:
        break;
      case HistoryTool::kPrisma: {
        entry.name = PrismaName(entry.version);
        entry.checksum = GetOf(rows, row, "checksum");
        entry.applied_at = TextOf(rows, row, "finished_at");
        if (GetOf(rows, row, "rolled_back_at").has_value()) {
          entry.failed = true;
          entry.failure = "rolled back";
        } else if (table.Has("finished_at") && !GetOf(rows, row, "finished_at").has_value()) {
          entry.failed = true;
          entry.failure = "not finished";
        }
        break;
      }
    }
    history.entries.push_back(std::move(entry));
  }
  return history;
}

}  // namespace

absl::StatusOr<std::optional<model::History>> ReadHistory(Session& session,
                                                          std::optional<model::HistoryTool> tool) {
  absl::StatusOr<ResultSet> tables = session.Query(kHistoryTablesSql);
  if (!tables.ok()) {
    return absl::Status(tables.status().code(),
                        StrCat("looking for a history table: ", tables.status().message()));
  }
  std::vector<FoundTable> found;
  for (ResultSet::Row row : *tables) {
    found.push_back({row.Text("schema_name"), row.Text("table_name"), row.TextArray("columns")});
  }
  std::pair<HistoryTool, const FoundTable*> chosen =
      tool.has_value() ? std::make_pair(*tool, TableOf(*tool, found)) : Detect(found);
  if (chosen.second == nullptr) return std::optional<model::History>();
  PGDRIFT_ASSIGN_OR_RETURN(model::History history,
                           ReadTable(session, chosen.first, *chosen.second));
  return std::optional<model::History>(std::move(history));
}

}  // namespace pgdrift::introspect
