// `pgdrift check --format sarif`: SARIF 2.1.0, one run per checked remote, one result per
// finding (ignored ones carry a suppression), one rule per finding category, locations
// at the migration file:line that defines the local side. GitHub code scanning and
// GitLab read it.
#ifndef PGDRIFT_CLI_CHECK_SARIF_H_
#define PGDRIFT_CLI_CHECK_SARIF_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/check_findings.h"

namespace pgdrift::cli {

// The SARIF log for `results` (one per remote), pretty-printed JSON ending in a newline.
std::string CheckSarif(const std::vector<CheckResult>& results);

namespace internal {
// `path` as a relative URI reference: every byte but unreserved characters (RFC 3986
// section 2.3) and '/' percent-encoded, so "a b#1.sql" becomes "a%20b%231.sql".
std::string SarifUri(std::string_view path);
}  // namespace internal

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_CHECK_SARIF_H_
