// Hand-built CheckResults for the tests of the CI formats (SARIF, JUnit, GitHub): every
// finding category, failing, non-failing and ignored findings, fallback locations, text
// that needs escaping, an in-sync remote and one whose check failed.
#ifndef PGDRIFT_CLI_TESTING_CHECK_RESULTS_FIXTURE_H_
#define PGDRIFT_CLI_TESTING_CHECK_RESULTS_FIXTURE_H_

#include <string>
#include <vector>

#include "cli/check_findings.h"

namespace pgdrift::cli::testing {

// One remote ("staging") with a finding of every category: failing ones, one that
// --fail-on does not select, ignored ones, fallback locations, a file name and a message
// that need escaping, in-sync objects and applied versions.
CheckResult DriftedResult();

// A remote that agrees with the chain ("prod"): no findings, exit code 0.
CheckResult InSyncResult();

// A remote whose check could not run ("analytics"): exit code 2 and an error.
CheckResult ErroredResult();

// A chain-only check (remote ""): the chain_* findings of DriftedResult().
CheckResult ChainOnlyResult();

// A named set of results that each format has a golden file for:
// testdata/ci-formats/<name>.{sarif,xml,txt}.
struct ResultSet {
  std::string name;
  std::vector<CheckResult> results;
};
std::vector<ResultSet> GoldenResultSets();

}  // namespace pgdrift::cli::testing

#endif  // PGDRIFT_CLI_TESTING_CHECK_RESULTS_FIXTURE_H_
