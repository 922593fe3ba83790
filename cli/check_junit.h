// `pgdrift check --format junit`: JUnit XML as Jenkins and GitLab read it: per remote one
// test suite for the schema (a test case per object, failing for drift) and one for the
// history (a test case per version); ignored findings are skipped test cases.
#ifndef PGDRIFT_CLI_CHECK_JUNIT_H_
#define PGDRIFT_CLI_CHECK_JUNIT_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/check_findings.h"

namespace pgdrift::cli {

// The JUnit XML document for `results` (one per remote), ending in a newline.
std::string CheckJunit(const std::vector<CheckResult>& results);

namespace internal {
// `text` escaped for XML 1.0 character data (`attribute` false) or a double-quoted
// attribute value (true): & < > always, " ' tab and newline in attributes, CR always;
// other control characters and invalid UTF-8 become U+FFFD, which XML cannot carry.
std::string XmlEscape(std::string_view text, bool attribute);
}  // namespace internal

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_CHECK_JUNIT_H_
