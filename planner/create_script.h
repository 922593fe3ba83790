// CreateScript: the SQL script that recreates a catalog's schema in an empty database —
// what `pgdrift inspect SRC --format sql` prints.
//
// The script is deterministic (the same catalog gives the same bytes) and ordered so
// that it runs top to bottom: schemas, extensions, types and domains, sequences, tables
// (parents before children), indexes, then the constraints that must wait for every
// table and index (foreign keys, which may form cycles or rely on a unique index, and NOT
// VALID ones), sequence ownership, table flags and comments.
#ifndef PGDRIFT_PLANNER_CREATE_SCRIPT_H_
#define PGDRIFT_PLANNER_CREATE_SCRIPT_H_

#include <string>

#include "model/catalog.h"
#include "planner/ddl_printer.h"

namespace pgdrift::planner {

struct CreateScriptOptions {
  // Whether objects the platform profile provides (`managed`: schemas, extensions, tables
  // and what belongs to those tables) are part of the script. Off by default: the
  // platform creates them itself.
  bool include_managed = false;
  // Default privileges the platform sets up itself (the profile's seed catalog): entries
  // equal to one of them are left out unless include_managed, like managed objects.
  const model::DefaultAcls* platform_default_privileges = nullptr;
  // The role the script runs as; objects owned by it need no OWNER TO.
  std::string default_owner = std::string(kDefaultOwner);
};

// Returns the script that creates every object of `catalog` from nothing: statements
// separated by blank lines, ending in a newline ("" for an empty catalog). Within each
// group objects come in dependency order, ties broken by identity.
std::string CreateScript(const model::Catalog& catalog, const CreateScriptOptions& options = {});

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_CREATE_SCRIPT_H_
