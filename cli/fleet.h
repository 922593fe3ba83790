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

// Runs `check` for every remote, at most `jobs` at a time (1 when `jobs` <= 0), and returns
// the results in the order of `remotes`. An exception thrown by `check` becomes an errored
// result (exit code 2, its message as the error). Each result is named by the remote's
// label when it has one (else by its redacted source, when `check` named it nothing), and
// the remote's password is hidden in its error and description. When `progress` is not
// null (stderr is a terminal), draws a progress bar there while the checks run and clears
// it at the end. `check` must be thread-safe.
std::vector<CheckResult> CheckConcurrently(const std::vector<RemoteSpec>& remotes, int jobs,
                                           const std::function<CheckResult(const RemoteSpec&)>& check,
                                           const Output* progress);

// One line per database, in order: a status word (`ok`, `drift` when some finding is not
// ignored, `error` when the check could not run; coloured when `out.color`), its label or
// redacted source padded into a column, then "in sync", what drifted ("3 objects
// (1 remote_only, 2 changed), 29 history versions (29 remote_only); 2 ignored") or the
// error. Then a total line: "8 databases: 5 in sync, 2 drifted, 1 error".
void PrintFleetSummary(const std::vector<CheckResult>& results, const Output& out);

// The pgdrift.fleet/v1 document: {"format", "databases": [{"remote", "description",
// "exit_code", "error"?, "result"}], "summary": {"databases", "in_sync", "drifted",
// "errors"}}, counted as PrintFleetSummary counts; `drift_json` renders one result as
// pgdrift.drift/v1.
nlohmann::ordered_json FleetJson(
    const std::vector<CheckResult>& results,
    const std::function<nlohmann::ordered_json(const CheckResult&)>& drift_json);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_FLEET_H_
