// Repair: the history-table changes of a plan, written twice — as repair.sql (the rows
// themselves, for projects without the Supabase CLI) and as repair.sh (`supabase migration
// repair --status applied|reverted`), which does the same: `applied` inserts (newer CLIs:
// upserts) version, name and the local file's statements, `reverted` deletes the row
// (supabase/cli internal/migration/repair/repair.go, pkg/migration/history.go).
#ifndef PGDRIFT_PLANNER_REPAIR_H_
#define PGDRIFT_PLANNER_REPAIR_H_

#include <string>
#include <string_view>
#include <vector>

namespace pgdrift::planner {

enum class RepairStatus { kApplied, kReverted };

// "applied" or "reverted".
std::string_view RepairStatusName(RepairStatus status);

// One history row to write or delete.
struct RepairEntry {
  std::string version;
  std::string name;
  RepairStatus status = RepairStatus::kApplied;
  // kApplied: the statements recorded, as parser::SplitStatementsForHistory splits the
  // file the row stands for.
  std::vector<std::string> statements;
  // kApplied over a row that exists (a modified migration re-recorded): repair.sh deletes
  // it first, since older CLIs only insert.
  bool replaces_row = false;
  std::string why;  // one sentence, for PLAN.md, plan.json and the scripts' comments
};

// repair.sql for the Supabase history table `table`: the table created as the CLI creates
// it when missing, then one INSERT … ON CONFLICT (version) DO UPDATE per applied row and
// one DELETE per reverted row, each under a comment saying why, in one transaction.
std::string RepairSql(const std::vector<RepairEntry>& entries, std::string_view table);

// repair.sh: one `supabase migration repair` line per entry (in order), each under a
// comment saying why; run from the project root after the plan's migrations/ files are
// copied into supabase/migrations (the CLI reads the statements from the file).
std::string RepairScript(const std::vector<RepairEntry>& entries);

// A PostgreSQL text[] literal for `items`: ARRAY['a', 'b''c']::text[] ('{}'::text[] when empty).
std::string TextArrayLiteral(const std::vector<std::string>& items);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_REPAIR_H_
