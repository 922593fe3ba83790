// Finding: one problem `pgdrift lint` reports — the rule that found it, how serious it
// is, where (the file:line that created the object, or the statement), which object,
// what is wrong and, in one line, why it matters.
#ifndef PGDRIFT_LINT_FINDING_H_
#define PGDRIFT_LINT_FINDING_H_

#include <string>

#include "base/diagnostic.h"
#include "base/source_span.h"

namespace pgdrift::lint {

struct Finding {
  std::string rule;  // the rule id, e.g. "rls-disabled" (part of the output contract)
  Severity severity = Severity::kWarning;  // kError or kWarning
  SourceSpan span;     // unknown (line 0) when the source has no positions (a snapshot)
  std::string object;  // the object's identity, e.g. "table public.todos"; "" when none
  std::string message;
  std::string why;  // one line: the consequence, and the usual fix
};

// The order findings are reported in: by file, line, column, then rule id and object;
// findings without a position last.
bool FindingBefore(const Finding& a, const Finding& b);

}  // namespace pgdrift::lint

#endif  // PGDRIFT_LINT_FINDING_H_
