#include "planner/repair.h"

#include "base/identifier.h"
#include "base/strings.h"

namespace pgdrift::planner {
namespace {

// The comment lines for `why` (one "-- " or "# " line per line of text).
std::string CommentLines(std::string_view prefix, std::string_view why) {
  std::string out;
  for (std::string_view line : StrSplit(why, '\n')) StrAppend(&out, prefix, line, "\n");
  return out;
}

}  // namespace

std::string_view RepairStatusName(RepairStatus status) {
  switch (status) {
    case RepairStatus::kApplied:
      return "applied";
    case RepairStatus::kReverted:
      return "reverted";
  }
  return "applied";
}

std::string TextArrayLiteral(const std::vector<std::string>& items) {
  if (items.empty()) return "'{}'::text[]";
  std::vector<std::string> literals;
  literals.reserve(items.size());
  for (const std::string& item : items) literals.push_back(QuoteLiteral(item));
  return StrCat("ARRAY[", StrJoin(literals, ", "), "]::text[]");
}

std::string RepairSql(const std::vector<RepairEntry>& entries, std::string_view table) {
  std::string out =
      "-- History repairs of this plan, in one transaction. The table is created as the\n"
      "-- Supabase CLI creates it when it is missing (CreateMigrationTable).\n"
      "BEGIN;\n";
  if (table == "supabase_migrations.schema_migrations") {
    out +=
        "CREATE SCHEMA IF NOT EXISTS supabase_migrations;\n"
        "CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL "
        "PRIMARY KEY);\n"
        "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements "
        "text[];\n"
        "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text;\n";
  }
  for (const RepairEntry& entry : entries) {
    out += "\n";
    out += CommentLines("-- ", StrCat(entry.version, " ", RepairStatusName(entry.status), ": ", entry.why));
    if (entry.status == RepairStatus::kApplied) {
      StrAppend(&out, "INSERT INTO ", table, " (version, name, statements)\nVALUES (",
                QuoteLiteral(entry.version), ", ", QuoteLiteral(entry.name), ", ",
                TextArrayLiteral(entry.statements),
                ")\nON CONFLICT (version) DO UPDATE SET name = EXCLUDED.name, statements = "
                "EXCLUDED.statements;\n");
    } else {
      StrAppend(&out, "DELETE FROM ", table, " WHERE version = ", QuoteLiteral(entry.version), ";\n");
    }
  }
  out += "\nCOMMIT;\n";
  return out;
}

std::string RepairScript(const std::vector<RepairEntry>& entries) {
  std::string out =
      "#!/bin/sh\n"
      "# History repairs of this plan with the Supabase CLI. Run from the project root after\n"
      "# copying the plan's migrations/ files into supabase/migrations: `--status applied`\n"
      "# records the statements of the local file with that version.\n"
      "set -e\n";
  if (entries.empty()) out += "# Nothing to repair.\n";
  for (const RepairEntry& entry : entries) {
    out += "\n";
    out += CommentLines("# ", StrCat(entry.version, " ", RepairStatusName(entry.status), ": ", entry.why));
    if (entry.status == RepairStatus::kApplied && entry.replaces_row) {
      out += "# The row exists: it is deleted first, as older CLIs only insert.\n";
      StrAppend(&out, "supabase migration repair --status reverted ", entry.version, "\n");
    }
    StrAppend(&out, "supabase migration repair --status ", RepairStatusName(entry.status), " ",
              entry.version, "\n");
  }
  return out;
}

}  // namespace pgdrift::planner
