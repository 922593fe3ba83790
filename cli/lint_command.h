// `pgdrift lint SRC`: replays a source and reports replay errors and risky patterns
// (lint/registry.h lists the rules) as `file:line:col: severity: message [rule-id]` plus
// a one-line why, or as pgdrift.lint/v1 JSON. Exit 0 clean, 1 findings, 2 when the
// source cannot be loaded at all.
#ifndef PGDRIFT_CLI_LINT_COMMAND_H_
#define PGDRIFT_CLI_LINT_COMMAND_H_

#include <string>
#include <vector>

#include "cli/source.h"
#include "cli/terminal.h"

namespace pgdrift::cli {

struct LintOptions {
  std::string source;
  std::string format = "text";  // text | json
  SourceOptions source_options;
  std::vector<std::string> exposed_schemas;  // --exposed-schema, repeatable
  bool verbose = false;
};

// Runs the command; returns the exit code.
int RunLint(const LintOptions& options, const Output& out, const Output& err);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_LINT_COMMAND_H_
