// policy-per-row-auth-call: a policy whose USING or WITH CHECK calls auth.uid(),
// auth.jwt(), auth.role(), auth.email() or current_setting() directly. These functions are
// STABLE, so PostgreSQL calls them once per row the policy filters; wrapped in a scalar
// sub-select, `(select auth.uid())`, the planner turns them into an initPlan evaluated
// once per statement (Supabase's RLS performance advice). Calls that already sit in any
// sub-select (including EXISTS (SELECT … WHERE owner = auth.uid())) are left alone.
// The expressions are parsed (parser/expression_calls.h), not matched as text.
#include <algorithm>
#include <set>

#include "base/strings.h"
#include "lint/rules.h"
#include "parser/expression_calls.h"

namespace pgdrift::lint {
namespace {

// Whether a call of `schema.name` reads the session's identity or settings.
bool IsSessionCall(const parser::ExpressionCall& call) {
  if (call.schema == "auth") {
    return call.name == "uid" || call.name == "jwt" || call.name == "role" ||
           call.name == "email";
  }
  return (call.schema.empty() || call.schema == "pg_catalog") && call.name == "current_setting";
}

// The direct session calls of `expression`, as "auth.uid()", without repeats, in text
// order. An expression that does not parse has none (the replay reported it).
std::vector<std::string> DirectSessionCalls(const std::string& expression) {
  std::vector<std::string> found;
  if (expression.empty()) return found;
  absl::StatusOr<std::vector<parser::ExpressionCall>> calls = parser::FunctionCallsIn(expression);
  if (!calls.ok()) return found;
  std::set<std::string> seen;
  for (const parser::ExpressionCall& call : *calls) {
    if (call.in_subselect || !IsSessionCall(call)) continue;
    std::string text = StrCat(call.FullName(), "()");
    if (seen.insert(text).second) found.push_back(text);
  }
  return found;
}

}  // namespace

std::vector<Finding> CheckPolicyPerRowAuthCall(const LintInput& input) {
  std::vector<Finding> findings;
  for (const auto& [table_name, table] : input.catalog->tables) {
    // Policies count wherever they are: users add them to managed tables too
    // (storage.objects), and the profile itself defines none.
    for (const auto& [policy_name, policy] : table.policies) {
      std::vector<std::string> clauses;
      std::vector<std::string> calls;
      for (const auto& [clause, expression] :
           {std::pair<const char*, const std::string*>{"USING", &policy.using_expr},
            {"WITH CHECK", &policy.check_expr}}) {
        std::vector<std::string> direct = DirectSessionCalls(*expression);
        if (direct.empty()) continue;
        clauses.push_back(clause);
        for (std::string& call : direct) {
          if (std::find(calls.begin(), calls.end(), call) == calls.end()) calls.push_back(call);
        }
      }
      if (calls.empty()) continue;
      Finding finding;
      finding.span = policy.lineage.created;
      finding.object =
          model::ObjectId::Child(model::ObjectKind::kPolicy, table_name, policy_name).ToString();
      finding.message = StrCat(finding.object, " calls ", StrJoin(calls, ", "), " for every row in ",
                               StrJoin(clauses, " and "));
      finding.why = StrCat("wrap the call in a sub-select, (select ", calls.front(),
                           "), so PostgreSQL evaluates it once per statement");
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace pgdrift::lint
