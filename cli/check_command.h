// `pgdrift check`: the migration chain against one or more remotes (live databases, .sql
// dumps, .json snapshots) and, with --against git:REV, against the chain at a git
// revision; findings filtered by ignore rules and judged by --fail-on, rendered as text,
// pgdrift.drift/v1 (or pgdrift.fleet/v1) JSON, SARIF, JUnit or GitHub annotations.
// Exit 0 when no finding fails, 1 when one does, 2 on error.
#ifndef PGDRIFT_CLI_CHECK_COMMAND_H_
#define PGDRIFT_CLI_CHECK_COMMAND_H_

#include <string>
#include <vector>

#include "cli/source.h"
#include "cli/terminal.h"

namespace pgdrift::cli {

struct CheckOptions {
  std::string local;                 // --local: the migration directory
  std::vector<std::string> remotes;  // --remote, repeatable
  std::string remotes_file;          // --remotes-file
  std::string against;               // --against git:REV
  std::string format = "text";       // text | json | sarif | junit | github
  std::string output;                // -o: write here instead of to stdout
  std::vector<std::string> fail_on;  // --fail-on, each a comma-separated list (ParseFailOn)
  std::vector<std::string> ignore;   // --ignore patterns
  std::string ignore_file;           // --ignore-file; else FindIgnoreFile(local)
  int jobs = 4;                      // remotes checked at the same time
  SourceOptions source_options;
  bool compare_owners = false;
  bool include_managed = false;
  bool verbose = false;   // notices from the replay; the full listing of every remote
  bool progress = false;  // draw a progress bar on `err` (a terminal) for several remotes
};

// Runs the check and writes its output to `out` (or options.output); problems go to `err`.
// Returns the worst exit code over the remotes.
int RunCheck(const CheckOptions& options, const Output& out, const Output& err);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_CHECK_COMMAND_H_
