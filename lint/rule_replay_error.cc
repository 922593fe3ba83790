// replay-error: what the replay reports as an error (the errors `pgdrift inspect` prints)
// is a finding of severity error. Syntax errors are among them: the parser reports each
// statement that does not parse and the replay goes on with the next, so one run lists
// every problem. Warnings (statements pgdrift does not model) are not findings.
#include "base/strings.h"
#include "lint/rules.h"

namespace pgdrift::lint {

std::vector<Finding> CheckReplayErrors(const LintInput& input) {
  std::vector<Finding> findings;
  for (const Diagnostic& diagnostic : input.replay_diagnostics) {
    if (diagnostic.severity != Severity::kError) continue;
    Finding finding;
    finding.span = diagnostic.span;
    // PostgreSQL-style DETAIL and HINT lines join the message on its one line.
    std::vector<std::string> lines;
    for (const std::string& line : StrSplit(diagnostic.message, '\n')) {
      std::string_view trimmed = Trim(line);
      if (!trimmed.empty()) lines.emplace_back(trimmed);
    }
    finding.message = StrJoin(lines, "; ");
    finding.why =
        "PostgreSQL stops the migration at this statement, so the chain cannot build a new "
        "database";
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace pgdrift::lint
