// Golden tests for `pgdrift inspect`: every case directory under testdata/inspect/ holds
// an input (`migrations/` or `input.sql`), optional extra flags in `args.txt`, and the
// expected outputs: `expected.sql` (--format sql), `expected.json` (--format json, when
// present), `expected_stderr.txt` (warnings, when there are any) or `expected_error.txt`
// (stderr and exit 2 for inputs with errors). Every
// chain in testdata/chains/ must also inspect cleanly and match its expected_inspect.sql.
#include <filesystem>

#include "base/strings.h"
#include "cli/exit_code.h"
#include "cli/testing/golden.h"
#include "gtest/gtest.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;
using testing::CaseDirectories;
using testing::CompareGolden;
using testing::ReadFileOrEmpty;
using testing::RunCli;

std::vector<std::string> InspectArgs(const fs::path& case_dir, const std::string& format) {
  fs::path input = fs::exists(fs::path(PGDRIFT_SOURCE_DIR) / case_dir / "input.sql")
                       ? case_dir / "input.sql"
                       : case_dir / "migrations";
  std::vector<std::string> args = {"inspect", input.string(), "--format", format};
  for (const std::string& arg : StrSplit(std::string(Trim(ReadFileOrEmpty(case_dir / "args.txt"))), ' ')) {
    if (!arg.empty()) args.push_back(arg);
  }
  return args;
}

TEST(InspectGolden, MatchesExpectedOutputs) {
  std::vector<fs::path> cases = CaseDirectories("testdata/inspect");
  ASSERT_GE(cases.size(), 1u) << "no cases under testdata/inspect";
  for (const fs::path& case_dir : cases) {
    SCOPED_TRACE(case_dir.string());
    bool expects_error = fs::exists(fs::path(PGDRIFT_SOURCE_DIR) / case_dir / "expected_error.txt");
    testing::CliResult sql = RunCli(InspectArgs(case_dir, "sql"));
    if (expects_error) {
      EXPECT_EQ(sql.exit_code, kExitError);
      EXPECT_EQ(sql.out, "");
      EXPECT_EQ(CompareGolden(case_dir / "expected_error.txt", sql.err), "");
      continue;
    }
    EXPECT_EQ(sql.exit_code, kExitOk) << sql.err;
    EXPECT_EQ(CompareGolden(case_dir / "expected.sql", sql.out), "");
    if (fs::exists(fs::path(PGDRIFT_SOURCE_DIR) / case_dir / "expected_stderr.txt")) {
      EXPECT_EQ(CompareGolden(case_dir / "expected_stderr.txt", sql.err), "");
    } else {
      EXPECT_EQ(sql.err, "") << "unexpected diagnostics; add expected_stderr.txt if they are right";
    }
    if (fs::exists(fs::path(PGDRIFT_SOURCE_DIR) / case_dir / "expected.json")) {
      testing::CliResult json = RunCli(InspectArgs(case_dir, "json"));
      EXPECT_EQ(json.exit_code, kExitOk) << json.err;
      EXPECT_EQ(CompareGolden(case_dir / "expected.json", json.out), "");
    }
  }
}

TEST(InspectGolden, EveryChainReplaysWithoutErrors) {
  std::vector<fs::path> chains = CaseDirectories("testdata/chains");
  ASSERT_GE(chains.size(), 10u) << "testdata/chains should hold at least 10 chains";
  for (const fs::path& chain : chains) {
    SCOPED_TRACE(chain.string());
    testing::CliResult result = RunCli({"inspect", chain.string()});
    EXPECT_EQ(result.exit_code, kExitOk) << result.err;
    EXPECT_EQ(result.err.find("error:"), std::string::npos) << result.err;
    EXPECT_EQ(CompareGolden(chain / "expected_inspect.sql", result.out), "");
  }
}

TEST(InspectGolden, SameInputGivesSameBytes) {
  std::vector<fs::path> chains = CaseDirectories("testdata/chains");
  ASSERT_FALSE(chains.empty());
  for (const char* format : {"sql", "json"}) {
    testing::CliResult first = RunCli({"inspect", chains.front().string(), "--format", format});
    testing::CliResult second = RunCli({"inspect", chains.front().string(), "--format", format});
    EXPECT_EQ(first.out, second.out) << format;
    EXPECT_FALSE(first.out.empty()) << format;
  }
}

}  // namespace
}  // namespace pgdrift::cli
