// The lint rules, one function per rule (each in lint/rule_<name>.cc). A rule returns its
// findings with object, span, message and why filled in; the registry (lint/registry.h)
// stamps the rule id and severity and sorts them.
#ifndef PGDRIFT_LINT_RULES_H_
#define PGDRIFT_LINT_RULES_H_

#include <vector>

#include "lint/finding.h"
#include "lint/lint_input.h"

namespace pgdrift::lint {

// replay-error: every error the replay reported (a statement PostgreSQL would reject, a
// syntax error), at the statement.
std::vector<Finding> CheckReplayErrors(const LintInput& input);

// rls-disabled: a table in an exposed schema (ExposedSchemas) without row level security.
std::vector<Finding> CheckRlsDisabled(const LintInput& input);

// rls-no-policy: a table with row level security enabled and no policy.
std::vector<Finding> CheckRlsNoPolicy(const LintInput& input);

// security-definer-search-path: a SECURITY DEFINER routine that does not set search_path.
std::vector<Finding> CheckSecurityDefinerSearchPath(const LintInput& input);

// policy-per-row-auth-call: a policy whose USING or WITH CHECK calls auth.uid(),
// auth.jwt(), auth.role(), auth.email() or current_setting() outside a sub-select.
std::vector<Finding> CheckPolicyPerRowAuthCall(const LintInput& input);

// fk-without-index: a foreign key whose columns lead no index of the referencing table.
std::vector<Finding> CheckFkWithoutIndex(const LintInput& input);

// not-idempotent: in a chain written to be re-run, a CREATE without IF NOT EXISTS or
// OR REPLACE.
std::vector<Finding> CheckNotIdempotent(const LintInput& input);

}  // namespace pgdrift::lint

#endif  // PGDRIFT_LINT_RULES_H_
