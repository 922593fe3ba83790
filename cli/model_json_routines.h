// Functions and procedures in the "pgdrift.model/v1" document: one top-level "routines"
// list, written by ModelToJson and read back by ModelFromJson. Each entry carries the
// identity ("function public.f(integer)"), every model::Routine attribute and its
// origin, so a snapshot reads back to an equal model.
#ifndef PGDRIFT_CLI_MODEL_JSON_ROUTINES_H_
#define PGDRIFT_CLI_MODEL_JSON_ROUTINES_H_

#include "absl/status/status.h"
#include "model/catalog.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

// Returns the "routines" list: the routines outside managed schemas, or every routine
// with `include_managed`.
nlohmann::ordered_json RoutinesToJson(const model::Catalog& catalog, bool include_managed);

// Reads document["routines"] (absent means none) into `catalog`; kInvalidArgument
// naming the JSON path of a malformed entry.
[[nodiscard]] absl::Status RoutinesFromJson(const nlohmann::ordered_json& document,
                                            model::Catalog* catalog);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_MODEL_JSON_ROUTINES_H_
