#include "base/subprocess.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift {
namespace {

using ::testing::HasSubstr;

TEST(RunProcessTest, CollectsOutputErrorAndExitCode) {
  absl::StatusOr<ProcessResult> result =
      RunProcess({"sh", "-c", "echo out; echo err >&2; exit 3"});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->out, "out\n");
  EXPECT_EQ(result->err, "err\n");
  EXPECT_EQ(result->exit_code, 3);
  EXPECT_FALSE(result->ok());
}

TEST(RunProcessTest, FeedsLargeInputWhileReadingLargeOutput) {
  std::string input(1 << 20, 'x');
  absl::StatusOr<ProcessResult> result = RunProcess({"cat"}, {.input = input});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->out.size(), input.size());
  EXPECT_TRUE(result->ok());
}

TEST(RunProcessTest, RunsInTheWorkingDirectory) {
  absl::StatusOr<ProcessResult> result = RunProcess({"pwd"}, {.working_directory = "/"});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->out, "/\n");
}

TEST(RunProcessTest, AMissingProgramIsAnError) {
  absl::StatusOr<ProcessResult> result = RunProcess({"pgdrift-no-such-program"});
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("not found"));
}

TEST(RunProcessTest, ASignalIsReportedAs128PlusItsNumber) {
  absl::StatusOr<ProcessResult> result = RunProcess({"sh", "-c", "kill -TERM $$"});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->exit_code, 128 + 15);
}

TEST(FindExecutableTest, FindsProgramsOnPath) {
  EXPECT_TRUE(FindExecutable("sh").has_value());
  EXPECT_FALSE(FindExecutable("pgdrift-no-such-program").has_value());
}

}  // namespace
}  // namespace pgdrift
