// The drift document (`--format json` of `check` and `diff`), format
// "pgdrift.drift/v1" exactly as ARCHITECTURE.md specifies it; docs/json-formats.md
// documents every field.
#ifndef PGDRIFT_CLI_DRIFT_JSON_H_
#define PGDRIFT_CLI_DRIFT_JSON_H_

#include "diff/change_set.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

inline constexpr char kDriftFormat[] = "pgdrift.drift/v1";

// Returns the pgdrift.drift/v1 document for `changes` (history arrays stay empty until
// history is compared).
nlohmann::ordered_json DriftToJson(const diff::ChangeSet& changes);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_DRIFT_JSON_H_
