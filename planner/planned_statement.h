// PlannedStatement: one statement of a generated migration with what it risks — the unit
// every plan, rollback and `diff --format sql` output is made of.
#ifndef PGDRIFT_PLANNER_PLANNED_STATEMENT_H_
#define PGDRIFT_PLANNER_PLANNED_STATEMENT_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pgdrift::planner {

// What a statement may do to a production database.
enum class Hazard {
  kDataLoss,             // drops data (DROP TABLE, DROP COLUMN, a narrowing type change)
  kTableRewrite,         // rewrites the table (most ALTER COLUMN TYPE, volatile defaults)
  kAccessExclusiveLock,  // blocks reads and writes of the table while it runs
  kLongRunning,          // scans the table (SET NOT NULL, VALIDATE, CREATE INDEX)
  kIrreversible,         // cannot be undone by a later statement (enum ADD VALUE, DROP …)
};

// "data_loss", "table_rewrite", "access_exclusive_lock", "long_running", "irreversible".
std::string_view HazardName(Hazard hazard);

struct PlannedStatement {
  std::string sql;  // one statement, ending in ';'
  std::set<Hazard> hazards;
  // False for statements PostgreSQL refuses inside a transaction block (CREATE INDEX
  // CONCURRENTLY) or whose effect a later statement of the same transaction cannot use
  // (ALTER TYPE … ADD VALUE before the value is used).
  bool transactional = true;
  // Why the statement is there when that is not obvious from it, e.g. "dropped and
  // recreated because column public.t.c changes type".
  std::string why;
};

// The statements' SQL, one per line-separated block; a statement with kDataLoss is written
// commented out (each line prefixed "-- ") unless `allow_data_loss`, and hazards are
// written as a comment line above each statement that has any.
std::string StatementsSql(const std::vector<PlannedStatement>& statements, bool allow_data_loss);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_PLANNED_STATEMENT_H_
