// `pgdrift check --format junit`: JUnit XML as Jenkins and GitLab read it: per remote one
// test suite for the schema (a test case per object, failing for drift) and one for the
// history (a test case per version); ignored findings are skipped test cases.
#ifndef PGDRIFT_CLI_CHECK_JUNIT_H_
#define PGDRIFT_CLI_CHECK_JUNIT_H_

#include <string>
#include <vector>

#include "cli/check_findings.h"

namespace pgdrift::cli {

// The JUnit XML document for `results` (one per remote), ending in a newline.
std::string CheckJunit(const std::vector<CheckResult>& results);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_CHECK_JUNIT_H_
