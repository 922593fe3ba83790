// Files a plan adds to the local chain for remote-only versions: the recorded statements
// recovered from the history table (a statement that would fail when the chain replays is
// kept commented out, with the reason), or, when the row recorded none, a placeholder that
// says so and lists the remote objects no local migration explains.
#ifndef PGDRIFT_PLANNER_PLACEHOLDER_H_
#define PGDRIFT_PLANNER_PLACEHOLDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/object_id.h"

namespace pgdrift::planner {

// One statement recovered from a history row.
struct RecoveredStatement {
  std::string sql;      // without the terminating semicolon, as recorded
  std::string failure;  // "" when it replays; else why it fails in the chain
};

// The file for remote-only version `version`: its recorded statements, each ending in ';',
// those with a failure written commented out under a comment giving the reason.
std::string RecoveredMigration(std::string_view version, std::string_view name,
                               const std::vector<RecoveredStatement>& statements);

// The placeholder for remote-only version `version` whose row recorded no statements: a
// comment block naming the version, saying its statements were not recorded, and listing
// `unexplained` (remote objects no local migration creates; they may come from it).
std::string PlaceholderMigration(std::string_view version, std::string_view name,
                                 const std::vector<model::ObjectId>& unexplained);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_PLACEHOLDER_H_
