// Fleet checks: `pgdrift check` against several remotes — read from repeated --remote flags
// or a remotes file — run concurrently with a bound, with a progress bar on a terminal,
// and summarised one line per database.
#ifndef PGDRIFT_CLI_FLEET_H_
#define PGDRIFT_CLI_FLEET_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/check_findings.h"
#include "cli/terminal.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

struct RemoteSpec {
  std::string label;   // the remotes file's `name:`; "" when none was given
  std::string source;  // what LoadSource reads (environment variables already replaced)
};

// Parses a remotes file: one remote per line, blank lines and `#` comments skipped, an
// optional label written `name: SOURCE` (name of letters, digits, `_`, `.`, `-`), and
// `${VAR}` replaced by the environment variable VAR. An unset variable or an empty source
// is an error naming `path`:line.
[[nodiscard]] absl::StatusOr<std::vector<RemoteSpec>> ParseRemotesFile(std::string_view text,
                                                                       std::string_view path);

// Runs `check` for every remote, at most `jobs` at a time, and returns the results in the
// order of `remotes`. When `progress` is not null (stderr is a terminal), draws a progress
// bar there while the checks run and clears it at the end. `check` must be thread-safe.
std::vector<CheckResult> CheckConcurrently(const std::vector<RemoteSpec>& remotes, int jobs,
                                           const std::function<CheckResult(const RemoteSpec&)>& check,
                                           const Output* progress);

// One line per database (its label or redacted source, no drift / what drifted / the
// error, and its exit code), then a total line.
void PrintFleetSummary(const std::vector<CheckResult>& results, const Output& out);

// The pgdrift.fleet/v1 document; `drift_json` renders one result as pgdrift.drift/v1.
nlohmann::ordered_json FleetJson(
    const std::vector<CheckResult>& results,
    const std::function<nlohmann::ordered_json(const CheckResult&)>& drift_json);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_FLEET_H_
