// The optional `history` member of a pgdrift.model/v1 snapshot: the migration history a
// database recorded (model::History) when the snapshot was taken, so that `check` against
// a committed snapshot compares the history too, with no server. Snapshots of other
// sources (a chain, a dump) have none and leave the member out.
#ifndef PGDRIFT_CLI_MODEL_JSON_HISTORY_H_
#define PGDRIFT_CLI_MODEL_JSON_HISTORY_H_

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "model/history.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

// `history` as the snapshot member: {"tool", "table", "ignored_columns"?, "entries": [
// {"version", "name", "statements"?, "fingerprints"?, "checksum"?, "applied_at"?,
// "failed"?, "failure"?}]}; optional fields are left out when the history does not record
// them, so the same history always gives the same bytes.
nlohmann::ordered_json HistoryToJson(const model::History& history);

// The history of a snapshot `document`: nullopt when it has no `history` member;
// kInvalidArgument naming the JSON path ($.history.entries[2].version) of the first field
// that is missing or of the wrong type, or an unknown tool. Fingerprints are computed
// again from the recorded statements (the written ones are informative), so a snapshot
// taken by an older pgdrift compares like a live database.
[[nodiscard]] absl::StatusOr<std::optional<model::History>> HistoryFromModelJson(
    const nlohmann::ordered_json& document);

// The tool HistoryToolName names ("supabase", "golang-migrate" …), or nullopt.
std::optional<model::HistoryTool> HistoryToolFromName(std::string_view name);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_MODEL_JSON_HISTORY_H_
