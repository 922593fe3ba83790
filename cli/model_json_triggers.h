// Triggers in the "pgdrift.model/v1" document: one top-level "triggers" list (each entry
// names its relation by "schema" and "parent"), written by ModelToJson and read back by
// ModelFromJson. A trigger a user put on a managed table (auth.users) is written even
// though the table is not, and reading it back gives the managed placeholder table that
// introspection gives such a trigger.
#ifndef PGDRIFT_CLI_MODEL_JSON_TRIGGERS_H_
#define PGDRIFT_CLI_MODEL_JSON_TRIGGERS_H_

#include "absl/status/status.h"
#include "model/catalog.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

// Returns the "triggers" list: the triggers of the tables and views in scope, plus the
// user triggers (function outside every managed schema) of managed tables. With
// `include_managed`, every trigger.
nlohmann::ordered_json TriggersToJson(const model::Catalog& catalog, bool include_managed);

// Reads document["triggers"] (absent means none) into the tables and views of
// `catalog`; kInvalidArgument naming the JSON path of a malformed entry.
[[nodiscard]] absl::Status TriggersFromJson(const nlohmann::ordered_json& document,
                                            model::Catalog* catalog);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_MODEL_JSON_TRIGGERS_H_
