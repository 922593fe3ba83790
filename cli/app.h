// The pgdrift command line: subcommands, their flags, help with examples, exit codes.
#ifndef PGDRIFT_CLI_APP_H_
#define PGDRIFT_CLI_APP_H_

#include <ostream>

namespace pgdrift::cli {

// Parses `argv` and runs the chosen command, writing to `out` and `err` (coloured when
// `out_fd` / `err_fd` are terminals). Returns the process exit code.
int Main(int argc, const char* const* argv, std::ostream& out, std::ostream& err, int out_fd = -1,
         int err_fd = -1);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_APP_H_
