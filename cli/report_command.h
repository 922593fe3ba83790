// `pgdrift report --local DIR --remote SRC [--format markdown|html|json] [-o FILE]`: the
// auditor's drift report — loads the migration chain and the remote (its history read from
// the chain's tool's table), builds report::Report and renders it. With -o, the dependency
// picture is also written beside the report (FILE.svg when Graphviz renders it, else
// FILE.dot) for Markdown and HTML. Exit 0 when the report is written, 2 on error.
#ifndef PGDRIFT_CLI_REPORT_COMMAND_H_
#define PGDRIFT_CLI_REPORT_COMMAND_H_

#include <string>

#include "cli/source.h"
#include "cli/terminal.h"

namespace pgdrift::cli {

struct ReportCommandOptions {
  std::string local;                // --local: the migration directory
  std::string remote;               // --remote: a database, a .sql dump or a .json snapshot
  std::string format = "markdown";  // markdown | html | json
  std::string out;                  // -o: the report file ("" = stdout)
  SourceOptions source_options;
  bool verbose = false;
};

int RunReport(const ReportCommandOptions& options, const Output& out, const Output& err);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_REPORT_COMMAND_H_
