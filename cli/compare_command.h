// `pgdrift diff FROM TO`: load two sources, compare them, print the drift as text,
// pgdrift.drift/v1 JSON or the SQL that turns FROM into TO. Exit 0 when they match, 1
// when they differ, 2 on error. (`check` is in cli/check_command.h.)
#ifndef PGDRIFT_CLI_COMPARE_COMMAND_H_
#define PGDRIFT_CLI_COMPARE_COMMAND_H_

#include <string>

#include "cli/source.h"
#include "cli/terminal.h"

namespace pgdrift::cli {

struct CompareCommandOptions {
  std::string local;   // FROM
  std::string remote;  // TO
  std::string format = "text";  // text | json | sql (the migration FROM → TO)
  bool online = false;          // diff --format sql: online-safe DDL
  SourceOptions source_options;
  bool compare_owners = false;
  bool include_managed = false;
  bool verbose = false;
};

// `diff`: the sides are named by their arguments.
int RunDiff(const CompareCommandOptions& options, const Output& out, const Output& err);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_COMPARE_COMMAND_H_
