// `pgdrift plan --local DIR --remote SRC --out OUT`: loads the migration chain, the remote
// schema and (for a live database) its history, builds the reconciliation plan and writes
// the plan directory. Exit 0 when the plan is written, 2 on error.
#ifndef PGDRIFT_CLI_PLAN_COMMAND_H_
#define PGDRIFT_CLI_PLAN_COMMAND_H_

#include <string>
#include <vector>

#include "cli/source.h"
#include "cli/terminal.h"

namespace pgdrift::cli {

struct PlanCommandOptions {
  std::string local;   // --local: the migration directory
  std::string remote;  // --remote: a database, a .sql dump or a .json snapshot
  std::string out;     // --out: the plan directory
  std::string direction = "push";          // push | pull
  std::vector<std::string> allow_hazards;  // --allow-hazard (data_loss)
  bool online = false;                     // --online
  SourceOptions source_options;
  bool verbose = false;
};

int RunPlan(const PlanCommandOptions& options, const Output& out, const Output& err);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_PLAN_COMMAND_H_
