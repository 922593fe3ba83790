// Chain order: migrations that fail when the chain is replayed in version order but
// succeed when moved after a later migration (a policy file whose version sorts before the
// file creating its table). The remote applied them in a working order, so the fix is a
// new version for the file, not a change of its statements.
#ifndef PGDRIFT_PLANNER_CHAIN_ORDER_H_
#define PGDRIFT_PLANNER_CHAIN_ORDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "parser/source_file.h"

namespace pgdrift::planner {

// One migration of a chain, in the order the chain applies them.
struct ChainMigration {
  std::string version;
  std::string name;
  parser::SourceFile source;
};

// A proposal to give a migration a later version.
struct VersionMove {
  std::string version;      // the migration's version now
  std::string name;
  std::string path;         // its file, as shown
  std::string after;        // the version of the migration it must follow
  std::string new_version;  // a free version between `after` and the next one
  std::string first_error;  // the replay error in the current order, "path:line:col: message"
};

// Returns the smallest version greater than `version` (a 14-digit timestamp gets one more
// second, any other run of digits one more unit) that is not in `taken` and sorts before
// `before` (ignored when empty); "" when there is none.
std::string NextFreeVersion(std::string_view version, std::string_view before,
                            const std::vector<std::string>& taken);

// Replays `chain` onto `initial`. For each migration whose replay reports errors, finds
// the earliest later migration after which it replays without error while every
// migration after it still replays as before; returns those moves, in chain order.
// Migrations that fail wherever they go are left out (the replay errors say why).
std::vector<VersionMove> ProposeVersionMoves(const std::vector<ChainMigration>& chain,
                                             const model::Catalog& initial);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_CHAIN_ORDER_H_
