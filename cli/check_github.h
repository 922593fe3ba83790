// `pgdrift check --format github`: GitHub Actions workflow commands, one annotation per
// finding (`::error file=…,line=…,title=…::message` for failing ones, `::warning` for
// drift --fail-on does not select, `::notice` for ignored ones) and a last summary line.
#ifndef PGDRIFT_CLI_CHECK_GITHUB_H_
#define PGDRIFT_CLI_CHECK_GITHUB_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/check_findings.h"

namespace pgdrift::cli {

// The workflow commands for `results` (one per remote), one per line.
// When the environment variable GITHUB_STEP_SUMMARY names a file, also appends
// internal::GithubStepSummary(results) to it (the job summary GitHub shows).
std::string CheckGithub(const std::vector<CheckResult>& results);

namespace internal {
// A workflow command's message data escaped: % CR LF as %25 %0D %0A.
std::string GithubEscapeData(std::string_view text);
// A workflow command's property value escaped: as data, plus ':' and ',' as %3A and %2C.
std::string GithubEscapeProperty(std::string_view text);
// The Markdown job summary: a table with one row per database, then one per finding.
std::string GithubStepSummary(const std::vector<CheckResult>& results);
}  // namespace internal

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_CHECK_GITHUB_H_
