// Golden tests for `pgdrift lint`: every case directory under testdata/lint/ holds an
// input (`migrations/` or `input.sql`), optional extra flags in `args.txt`, and the
// expected outputs: `expected.txt` (--format text; empty for a clean source, which must
// exit 0, else exit 1), `expected.json` (--format json), `expected_stderr.txt` (replay
// warnings, when there are any) or `expected_error.txt` (stderr and exit 2 for a source
// that cannot be loaded).
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

bool CaseHas(const fs::path& case_dir, const char* file) {
  return fs::exists(fs::path(PGDRIFT_SOURCE_DIR) / case_dir / file);
}

std::vector<std::string> LintArgs(const fs::path& case_dir, const std::string& format) {
  fs::path input = CaseHas(case_dir, "input.sql") ? case_dir / "input.sql" : case_dir / "migrations";
  std::vector<std::string> args = {"lint", input.string(), "--format", format};
  for (const std::string& arg :
       StrSplit(std::string(Trim(ReadFileOrEmpty(case_dir / "args.txt"))), ' ')) {
    if (!arg.empty()) args.push_back(arg);
  }
  return args;
}

TEST(LintGolden, MatchesExpectedOutputs) {
  std::vector<fs::path> cases = CaseDirectories("testdata/lint");
  ASSERT_GE(cases.size(), 4u) << "too few cases under testdata/lint";
  for (const fs::path& case_dir : cases) {
    SCOPED_TRACE(case_dir.string());
    testing::CliResult text = RunCli(LintArgs(case_dir, "text"));
    if (CaseHas(case_dir, "expected_error.txt")) {
      EXPECT_EQ(text.exit_code, kExitError);
      EXPECT_EQ(text.out, "");
      EXPECT_EQ(CompareGolden(case_dir / "expected_error.txt", text.err), "");
      continue;
    }
    EXPECT_EQ(CompareGolden(case_dir / "expected.txt", text.out), "");
    EXPECT_EQ(text.exit_code, text.out.empty() ? kExitOk : kExitDrift) << text.err;
    if (CaseHas(case_dir, "expected_stderr.txt")) {
      EXPECT_EQ(CompareGolden(case_dir / "expected_stderr.txt", text.err), "");
    } else {
      EXPECT_EQ(text.err, "") << "unexpected diagnostics; add expected_stderr.txt if they are right";
    }
    testing::CliResult json = RunCli(LintArgs(case_dir, "json"));
    EXPECT_EQ(json.exit_code, text.exit_code);
    EXPECT_EQ(CompareGolden(case_dir / "expected.json", json.out), "");
  }
}

TEST(LintGolden, RejectsAnUnknownFormat) {
  testing::CliResult result = RunCli({"lint", "testdata/lint/clean/migrations", "--format", "sarif"});
  EXPECT_EQ(result.exit_code, kExitError);
  EXPECT_NE(result.err.find("--format"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace pgdrift::cli
