#include "lint/registry.h"

#include <algorithm>

#include "lint/rules.h"

namespace pgdrift::lint {

const std::vector<Rule>& Rules() {
  static const std::vector<Rule>* rules = new std::vector<Rule>{
      {"replay-error", Severity::kError, "a statement fails when the chain is replayed",
       &CheckReplayErrors},
      {"rls-disabled", Severity::kError,
       "a table in a schema the API serves has row level security disabled", &CheckRlsDisabled},
      {"rls-no-policy", Severity::kWarning, "row level security is enabled but no policy exists",
       &CheckRlsNoPolicy},
      {"security-definer-search-path", Severity::kWarning,
       "a SECURITY DEFINER routine does not fix its search_path", &CheckSecurityDefinerSearchPath},
      {"policy-per-row-auth-call", Severity::kWarning,
       "a policy calls auth.uid() or current_setting() once per row", &CheckPolicyPerRowAuthCall},
      {"fk-without-index", Severity::kWarning, "a foreign key has no index on its columns",
       &CheckFkWithoutIndex},
      {"not-idempotent", Severity::kWarning,
       "a CREATE in an idempotent chain lacks IF NOT EXISTS or OR REPLACE", &CheckNotIdempotent},
  };
  return *rules;
}

const Rule* FindRule(std::string_view id) {
  for (const Rule& rule : Rules()) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

std::vector<Finding> RunLint(const LintInput& input) {
  std::vector<Finding> findings;
  for (const Rule& rule : Rules()) {
    for (Finding& finding : rule.check(input)) {
      finding.rule = std::string(rule.id);
      finding.severity = rule.severity;
      findings.push_back(std::move(finding));
    }
  }
  std::stable_sort(findings.begin(), findings.end(), FindingBefore);
  return findings;
}

}  // namespace pgdrift::lint
