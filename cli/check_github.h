// `pgdrift check --format github`: GitHub Actions workflow commands, one annotation per
// finding (`::error file=…,line=…,title=…::message` for failing ones, `::warning` for
// drift --fail-on does not select, `::notice` for ignored ones) and a last summary line.
#ifndef PGDRIFT_CLI_CHECK_GITHUB_H_
#define PGDRIFT_CLI_CHECK_GITHUB_H_

#include <string>
#include <vector>

#include "cli/check_findings.h"

namespace pgdrift::cli {

// The workflow commands for `results` (one per remote), one per line.
std::string CheckGithub(const std::vector<CheckResult>& results);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_CHECK_GITHUB_H_
