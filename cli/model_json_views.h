// Views and materialized views in the "pgdrift.model/v1" document: one top-level
// "views" list, written by ModelToJson and read back by ModelFromJson. Each entry
// carries the identity ("view public.v"), every model::View attribute (INSTEAD OF
// triggers are in the "triggers" list) and its origin, so a snapshot reads back to an
// equal model.
#ifndef PGDRIFT_CLI_MODEL_JSON_VIEWS_H_
#define PGDRIFT_CLI_MODEL_JSON_VIEWS_H_

#include "absl/status/status.h"
#include "model/catalog.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

// Returns the "views" list: the views outside managed schemas, or every view with
// `include_managed`.
nlohmann::ordered_json ViewsToJson(const model::Catalog& catalog, bool include_managed);

// Reads document["views"] (absent means none) into `catalog`; kInvalidArgument naming
// the JSON path of a malformed entry.
[[nodiscard]] absl::Status ViewsFromJson(const nlohmann::ordered_json& document, model::Catalog* catalog);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_MODEL_JSON_VIEWS_H_
