#include "cli/check_github.h"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "base/strings.h"
#include "cli/testing/check_results_fixture.h"
#include "cli/testing/golden.h"
#include "cli/testing/scratch_dir.h"
#include "gtest/gtest.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;

// Sets GITHUB_STEP_SUMMARY (or unsets it for nullopt) for one test, restoring it after:
// tests running inside GitHub Actions must not write to the job's real summary.
class ScopedStepSummary {
 public:
  explicit ScopedStepSummary(const std::optional<std::string>& value) {
    const char* old = std::getenv("GITHUB_STEP_SUMMARY");
    if (old != nullptr) old_ = old;
    if (value.has_value()) {
      setenv("GITHUB_STEP_SUMMARY", value->c_str(), 1);
    } else {
      unsetenv("GITHUB_STEP_SUMMARY");
    }
  }
  ~ScopedStepSummary() {
    if (old_.has_value()) {
      setenv("GITHUB_STEP_SUMMARY", old_->c_str(), 1);
    } else {
      unsetenv("GITHUB_STEP_SUMMARY");
    }
  }

 private:
  std::optional<std::string> old_;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = StrSplit(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

TEST(CheckGithub, MatchesGoldenFiles) {
  ScopedStepSummary no_summary(std::nullopt);
  for (const testing::ResultSet& set : testing::GoldenResultSets()) {
    SCOPED_TRACE(set.name);
    EXPECT_EQ(testing::CompareGolden(fs::path("testdata/ci-formats") / (set.name + ".txt"),
                                     CheckGithub(set.results)),
              "");
  }
}

TEST(CheckGithub, EscapesDataAndProperties) {
  const struct {
    const char* text;
    const char* data;
    const char* property;
  } cases[] = {
      {"plain text", "plain text", "plain text"},
      {"100%", "100%25", "100%25"},
      {"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
      {"file: a, b", "file: a, b", "file%3A a%2C b"},
      {"%0A", "%250A", "%250A"},
      {"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
  };
  for (const auto& test : cases) {
    SCOPED_TRACE(test.text);
    EXPECT_EQ(internal::GithubEscapeData(test.text), test.data);
    EXPECT_EQ(internal::GithubEscapeProperty(test.text), test.property);
  }
}

TEST(CheckGithub, OneAnnotationPerFindingAndASummaryLine) {
  ScopedStepSummary no_summary(std::nullopt);
  CheckResult check = testing::DriftedResult();
  std::vector<std::string> lines = Lines(CheckGithub({check}));
  ASSERT_EQ(lines.size(), check.findings.size() + 1);
  for (size_t i = 0; i < check.findings.size(); ++i) {
    const Finding& finding = check.findings[i];
    SCOPED_TRACE(finding.identity);
    std::string command = finding.ignored   ? "::notice "
                          : finding.failing ? "::error "
                                            : "::warning ";
    EXPECT_EQ(lines[i].substr(0, command.size()), command);
    EXPECT_EQ(lines[i].find('\n'), std::string::npos);
    EXPECT_EQ(lines[i].find('\r'), std::string::npos);
    EXPECT_NE(lines[i].find(StrCat("title=pgdrift ", finding.category)), std::string::npos);
    EXPECT_EQ(lines[i].find("(ignored)") != std::string::npos, finding.ignored);
    EXPECT_EQ(lines[i].find(",line=") != std::string::npos, finding.line > 0);
  }
  EXPECT_EQ(lines[2],
            "::error file=supabase/migrations/20240103000000_notes & more%2C 100%25.sql,"
            "title=pgdrift local_only::index public.orders_note_idx is in the migrations but not "
            "in the database");
  EXPECT_EQ(
      lines[5],
      "::notice file=supabase/migrations/20240106000000_newest.sql,line=1,"
      "title=pgdrift remote_only (ignored)::table public.tmp_import is in the database but in "
      "no migration (with 2 contained objects)%0Acontains: column public.tmp_import.id, "
      "column public.tmp_import.payload%0A(no local definition; shown at the newest "
      "migration)%0Aignored by public.tmp_* (.pgdriftignore:3: scratch tables)");
  EXPECT_EQ(lines.back(), "pgdrift check of staging: 11 failing, 1 not failing, 2 ignored");
}

TEST(CheckGithub, NamesTheRemoteWithSeveralDatabases) {
  ScopedStepSummary no_summary(std::nullopt);
  std::vector<std::string> lines = Lines(
      CheckGithub({testing::DriftedResult(), testing::InSyncResult(), testing::ErroredResult()}));
  EXPECT_NE(lines[0].find("title=pgdrift remote_only on staging::"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[lines.size() - 2],
            "::error title=pgdrift check failed on analytics::connection to server at "
            "\"db.example.com\" (10.0.0.5), port 5432 failed: password authentication failed for "
            "user \"ci\"");
  EXPECT_EQ(lines.back(),
            "pgdrift check of 3 databases (1 in sync, 1 drifted, 1 error): 11 failing, 1 not "
            "failing, 2 ignored");
}

TEST(CheckGithub, AppendsTheStepSummaryWhenAsked) {
  testing::ScratchDir dir("check-github");
  fs::path summary = dir.Write("summary.md", "earlier step\n");
  std::vector<CheckResult> results = {testing::DriftedResult(), testing::InSyncResult(),
                                      testing::ErroredResult()};
  std::string expected_markdown = internal::GithubStepSummary(results);
  {
    ScopedStepSummary with_summary(summary.string());
    std::string commands = CheckGithub(results);
    ScopedStepSummary without(std::nullopt);
    EXPECT_EQ(commands, CheckGithub(results)) << "the summary must not change the commands";
  }
  EXPECT_EQ(testing::ReadFileOrEmpty(summary), StrCat("earlier step\n", expected_markdown));
  EXPECT_EQ(testing::CompareGolden("testdata/ci-formats/fleet_step_summary.md", expected_markdown),
            "");
  EXPECT_NE(expected_markdown.find("| staging | drift (failing) | 11 | 1 | 2 |\n"),
            std::string::npos)
      << expected_markdown;
  EXPECT_NE(expected_markdown.find("| prod | in sync | 0 | 0 | 0 |\n"), std::string::npos);
}

// `pgdrift check --format github` end to end: the demo chain against its drifted snapshot
// (no database server needed).
TEST(CheckGithub, CliMatchesGolden) {
  ScopedStepSummary no_summary(std::nullopt);
  testing::CliResult result =
      testing::RunCli({"check", "--local", "testdata/demo", "--remote",
                       "testdata/demo/production-snapshot.json", "--format", "github"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(testing::CompareGolden("testdata/ci-formats/cli_demo.txt", result.out), "");
}

}  // namespace
}  // namespace pgdrift::cli
