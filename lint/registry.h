// The registry of lint rules: their ids (a stable contract: they appear in output, and
// in JSON as "rule"), severities and one-line summaries, and RunLint, which runs them all.
#ifndef PGDRIFT_LINT_REGISTRY_H_
#define PGDRIFT_LINT_REGISTRY_H_

#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "lint/finding.h"
#include "lint/lint_input.h"

namespace pgdrift::lint {

struct Rule {
  std::string_view id;  // e.g. "rls-disabled"
  Severity severity;    // of every finding of the rule
  std::string_view summary;
  std::vector<Finding> (*check)(const LintInput& input);
};

// Every rule, in the order the documentation lists them.
const std::vector<Rule>& Rules();

// The rule called `id`, or nullptr.
const Rule* FindRule(std::string_view id);

// Runs every rule on `input`; the findings carry their rule's id and severity and are in
// FindingBefore order.
std::vector<Finding> RunLint(const LintInput& input);

}  // namespace pgdrift::lint

#endif  // PGDRIFT_LINT_REGISTRY_H_
