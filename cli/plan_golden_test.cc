// Golden tests for `pgdrift plan`: every case directory under testdata/plans/ holds a
// local chain (`migrations/`), the remote as a schema script (`remote.sql`), optional extra
// flags in `args.txt`, and the expected `PLAN.md` and `plan.json` (PGDRIFT_UPDATE_GOLDEN=1
// rewrites them). The remote has no history, so these cases plan the schema only.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "base/strings.h"
#include "cli/exit_code.h"
#include "cli/testing/golden.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::CaseDirectories;
using testing::CompareGolden;
using testing::ReadFileOrEmpty;
using testing::RunCli;

// A fresh directory under the build tree for one plan.
fs::path OutDir(const fs::path& case_dir) {
  fs::path out = fs::path(PGDRIFT_BINARY_DIR) / "plan_golden" / case_dir.filename();
  fs::remove_all(out);
  return out;
}

std::vector<std::string> PlanArgs(const fs::path& case_dir, const fs::path& out) {
  std::vector<std::string> args = {"plan", "--local", (case_dir / "migrations").string(), "--remote",
                                   (case_dir / "remote.sql").string(), "--out", out.string()};
  for (const std::string& arg : StrSplit(std::string(Trim(ReadFileOrEmpty(case_dir / "args.txt"))), ' ')) {
    if (!arg.empty()) args.push_back(arg);
  }
  return args;
}

std::string ReadOut(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(PlanGolden, MatchesExpectedPlanFiles) {
  std::vector<fs::path> cases = CaseDirectories("testdata/plans");
  ASSERT_GE(cases.size(), 2u) << "testdata/plans should hold at least two cases";
  for (const fs::path& case_dir : cases) {
    SCOPED_TRACE(case_dir.string());
    fs::path out = OutDir(case_dir);
    testing::CliResult result = RunCli(PlanArgs(case_dir, out));
    ASSERT_EQ(result.exit_code, kExitOk) << result.err;
    EXPECT_THAT(result.out, HasSubstr(out.string()));
    EXPECT_EQ(CompareGolden(case_dir / "expected_PLAN.md", ReadOut(out / "PLAN.md")), "");
    EXPECT_EQ(CompareGolden(case_dir / "expected_plan.json", ReadOut(out / "plan.json")), "");
    for (const char* file : {"repair.sql", "repair.sh", "verify.sql", "target.json"}) {
      EXPECT_TRUE(fs::exists(out / file)) << file;
    }
  }
}

TEST(PlanGolden, RefusesANonEmptyDirectoryWithoutAPlan) {
  fs::path out = fs::path(PGDRIFT_BINARY_DIR) / "plan_golden" / "occupied";
  fs::remove_all(out);
  fs::create_directories(out);
  std::ofstream(out / "keep.txt") << "mine";
  std::vector<fs::path> cases = CaseDirectories("testdata/plans");
  ASSERT_FALSE(cases.empty());
  testing::CliResult result = RunCli(PlanArgs(cases.front(), out));
  EXPECT_EQ(result.exit_code, kExitError);
  EXPECT_THAT(result.err, HasSubstr("not empty and holds no plan.json"));
  EXPECT_EQ(ReadOut(out / "keep.txt"), "mine");
}

TEST(PlanGolden, MissingLocalDirectoryIsAnError) {
  testing::CliResult result = RunCli({"plan", "--local", "testdata/plans/no-such-dir", "--remote",
                                      "remote.sql", "--out", (fs::path(PGDRIFT_BINARY_DIR) / "plan_golden" / "x").string()});
  EXPECT_EQ(result.exit_code, kExitError);
  EXPECT_THAT(result.err, HasSubstr("no-such-dir"));
}

TEST(PlanGolden, HelpHasExamples) {
  testing::CliResult result = RunCli({"plan", "--help"});
  EXPECT_EQ(result.exit_code, kExitOk);
  EXPECT_THAT(result.out, HasSubstr("pgdrift plan --local supabase/ --remote"));
  EXPECT_THAT(result.out, HasSubstr("--direction"));
}

}  // namespace
}  // namespace pgdrift::cli
