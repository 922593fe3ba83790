// security-definer-search-path: a SECURITY DEFINER routine (pg_proc.prosecdef) whose
// proconfig does not set search_path. It runs with its owner's privileges but resolves
// unqualified names through the caller's search_path, so a caller who can create objects
// in a schema early on that path can make it run their code (doc: sql-createfunction,
// "Writing SECURITY DEFINER Functions Safely"). Any fixed value counts; the empty one
// (SET search_path = '') is the safest, with every name in the body qualified.
#include <set>
#include <string>

#include "base/strings.h"
#include "lint/rules.h"
#include "lint/scope.h"

namespace pgdrift::lint {

std::vector<Finding> CheckSecurityDefinerSearchPath(const LintInput& input) {
  std::vector<Finding> findings;
  for (const auto& [key, routine] : input.catalog->routines) {
    if (!routine.security_definer || !InScope(*input.catalog, routine)) continue;
    bool fixed = false;
    for (const auto& [parameter, value] : routine.config) {
      if (AsciiLower(parameter) == "search_path") fixed = true;
    }
    if (fixed) continue;
    model::ObjectId id = model::ObjectId::Of(
        routine.procedure ? model::ObjectKind::kProcedure : model::ObjectKind::kFunction,
        routine.name);
    id.args = key.args;
    Finding finding;
    finding.span = routine.lineage.created;
    finding.object = id.ToString();
    finding.message = StrCat("SECURITY DEFINER ", finding.object, " does not set search_path");
    finding.why =
        "it runs with its owner's privileges but looks names up in the caller's search_path; "
        "add SET search_path = '' and qualify the names it uses";
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace pgdrift::lint
