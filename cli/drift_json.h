// The drift document (`--format json` of `check` and `diff`), format
// "pgdrift.drift/v1" exactly as ARCHITECTURE.md specifies it; docs/json-formats.md
// documents every field.
#ifndef PGDRIFT_CLI_DRIFT_JSON_H_
#define PGDRIFT_CLI_DRIFT_JSON_H_

#include "cli/check_findings.h"
#include "diff/change_set.h"
#include "diff/history_diff.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

inline constexpr char kDriftFormat[] = "pgdrift.drift/v1";

// Returns the pgdrift.drift/v1 document for `changes`. Without `history` (a remote that
// keeps none: dump, snapshot, chain) the history counts are 0 and the "history" array is
// empty; with it, the counts (plus history_out_of_order and history_failed) are filled,
// "history" lists every version that is not applied, and history drift is drift.
nlohmann::ordered_json DriftToJson(const diff::ChangeSet& changes,
                                   const diff::HistoryReport* history = nullptr);

// The pgdrift.drift/v1 document of one `check` result: DriftToJson's fields (the counts
// leave ignored findings out, `drift` is whether some finding is not ignored) plus, on
// every object and version, "failing", and on ignored ones "ignored": true and
// "ignored_by"; summary "chain_edited", "chain_removed", "chain_out_of_order", "ignored"
// and "failing"; and "chain": the chain findings as {"file", "status" (edited, removed,
// out_of_order), "line", "message", "failing", "ignored"…}. An errored result also has
// "error".
nlohmann::ordered_json CheckResultToJson(const CheckResult& result);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_DRIFT_JSON_H_
