// The history document (`pgdrift history --format json`, format "pgdrift.history/v1") and
// the version entries the drift document's "history" array shares with it;
// docs/json-formats.md documents every field.
#ifndef PGDRIFT_CLI_HISTORY_JSON_H_
#define PGDRIFT_CLI_HISTORY_JSON_H_

#include "diff/history_diff.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

inline constexpr char kHistoryFormat[] = "pgdrift.history/v1";

// One version: "version", "name", "status", then "file", "applied_at" (when
// `with_time`), "detail" and "same_as" when set.
nlohmann::ordered_json VersionDriftJson(const diff::VersionDrift& drift, bool with_time);

// The pgdrift.history/v1 document for `report`: "format", "aligned", "tool", "table",
// "summary" (a count per status, every status listed), "versions" (every version, in
// order) and "warnings".
nlohmann::ordered_json HistoryToJson(const diff::HistoryReport& report);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_HISTORY_JSON_H_
