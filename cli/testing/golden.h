// Golden-file helpers for tests: compare an output with testdata/…/expected_*, or
// rewrite the expected file when PGDRIFT_UPDATE_GOLDEN=1 (the diff is reviewed like code).
#ifndef PGDRIFT_CLI_TESTING_GOLDEN_H_
#define PGDRIFT_CLI_TESTING_GOLDEN_H_

#include <filesystem>
#include <string>
#include <vector>

namespace pgdrift::cli::testing {

// The directories directly under `dir` (relative to the source tree), sorted.
std::vector<std::filesystem::path> CaseDirectories(const std::filesystem::path& dir);

// Reads a whole file ("" when it does not exist).
std::string ReadFileOrEmpty(const std::filesystem::path& path);

// Compares `actual` with the file at `expected_path`, or writes it when updating.
// Returns "" when they match, else a message that shows the first differing line.
std::string CompareGolden(const std::filesystem::path& expected_path, const std::string& actual);

// Whether PGDRIFT_UPDATE_GOLDEN=1.
bool UpdatingGoldens();

// Runs the CLI in-process with `args` (without the program name), from the source tree
// root so that paths in messages are relative and stable.
struct CliResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};
CliResult RunCli(const std::vector<std::string>& args);

}  // namespace pgdrift::cli::testing

#endif  // PGDRIFT_CLI_TESTING_GOLDEN_H_
