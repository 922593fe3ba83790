// RunProcess: runs a program with arguments (no shell), feeds it standard input and
// collects its standard output and error. Used for the few external programs pgdrift
// talks to: git (chain checks against a revision) and Graphviz's dot (report pictures).
#ifndef PGDRIFT_BASE_SUBPROCESS_H_
#define PGDRIFT_BASE_SUBPROCESS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace pgdrift {

struct ProcessResult {
  // The exit status; 128 + the signal number when a signal ended the process.
  int exit_code = 0;
  std::string out;
  std::string err;
  bool ok() const { return exit_code == 0; }
};

struct ProcessOptions {
  std::string input;              // written to the program's standard input
  std::string working_directory;  // "" keeps the current one
};

// Runs `argv[0]` (looked up on PATH when it has no '/') with `argv`. An error status only
// when the program could not be started (not found, not executable); a program that runs
// and fails is a ProcessResult with its exit code.
[[nodiscard]] absl::StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& argv,
                                                       const ProcessOptions& options = {});

// The full path of `name` on PATH, or nullopt.
std::optional<std::string> FindExecutable(std::string_view name);

}  // namespace pgdrift

#endif  // PGDRIFT_BASE_SUBPROCESS_H_
