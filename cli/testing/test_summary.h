// Test summaries: the one line a long-running suite writes about what it covered (e.g.
// `fidelity: 15 chains, 15 agree`), printed to stdout and kept in
// <build dir>/test-summary/<Suite>.<Test>.txt so that scripts/test can show every
// suite's counts at the end of a run, whatever CTest did with the output.
#ifndef PGDRIFT_CLI_TESTING_TEST_SUMMARY_H_
#define PGDRIFT_CLI_TESTING_TEST_SUMMARY_H_

#include <string>

namespace pgdrift::cli::testing {

// Prints `line` and writes it (with a newline) to the summary file of the running
// GoogleTest test, replacing what an earlier run wrote there.
void WriteTestSummary(const std::string& line);

}  // namespace pgdrift::cli::testing

#endif  // PGDRIFT_CLI_TESTING_TEST_SUMMARY_H_
