// Case lists: the `case<TAB>reason` TSV files in which the long suites keep the cases they
// run but do not hold to account yet (testdata/fidelity/peer_exclusions.tsv,
// testdata/fidelity/convergence_exclusions.tsv), each with the reason.
#ifndef PGDRIFT_CLI_TESTING_CASE_LIST_H_
#define PGDRIFT_CLI_TESTING_CASE_LIST_H_

#include <filesystem>
#include <map>
#include <string>

#include "absl/status/statusor.h"

namespace pgdrift::cli::testing {

// Reads a case list: lines starting with # are comments, blank lines are skipped, the
// first other line is the header `case<TAB>reason`, every later line one case and a
// non-empty reason. Returns case → reason; a case listed twice is an error.
[[nodiscard]] absl::StatusOr<std::map<std::string, std::string>> ReadCaseList(
    const std::filesystem::path& path);

}  // namespace pgdrift::cli::testing

#endif  // PGDRIFT_CLI_TESTING_CASE_LIST_H_
