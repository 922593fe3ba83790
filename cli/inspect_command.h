// `pgdrift inspect SRC`: prints the model of one source — as a deterministic,
// dependency-ordered SQL script that recreates it, or as JSON (pgdrift.model/v1).
#ifndef PGDRIFT_CLI_INSPECT_COMMAND_H_
#define PGDRIFT_CLI_INSPECT_COMMAND_H_

#include <string>

#include "cli/source.h"
#include "cli/terminal.h"

namespace pgdrift::cli {

struct InspectOptions {
  std::string source;
  std::string format = "sql";  // sql | json
  SourceOptions source_options;
  bool include_managed = false;
  bool verbose = false;
};

// Runs the command; returns the exit code (0, or 2 when the source has errors).
int RunInspect(const InspectOptions& options, const Output& out, const Output& err);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_INSPECT_COMMAND_H_
