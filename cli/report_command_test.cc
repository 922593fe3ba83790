// Tests of `pgdrift report`: golden Markdown and JSON reports of a chain against a schema
// dump (testdata/reports/<case>/: migrations/, remote.sql, expected_report.md,
// expected_report.json; PGDRIFT_UPDATE_GOLDEN=1 rewrites them), the files written with
// -o, credentials kept out of every message, and scenario 1 against a real database.
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "base/strings.h"
#include "cli/exit_code.h"
#include "cli/testing/golden.h"
#include "cli/testing/scenario_database.h"
#include "cli/testing/scratch_dir.h"
#include "cli/testing/test_databases.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;
using testing::CliResult;
using testing::CompareGolden;
using testing::RunCli;

const char* const kGoldenCases[] = {"testdata/reports/chain_vs_dump"};

// Sets SOURCE_DATE_EPOCH for the scope of a test, so that reports are reproducible.
class FixedTime {
 public:
  FixedTime() { setenv("SOURCE_DATE_EPOCH", "1767225600", 1); }
  ~FixedTime() { unsetenv("SOURCE_DATE_EPOCH"); }
};

std::vector<std::string> ReportArgs(const std::string& case_dir, const std::string& format) {
  return {"report", "--local", case_dir + "/migrations", "--remote", case_dir + "/remote.sql", "--format", format};
}

TEST(ReportGolden, MatchesExpectedMarkdownAndJson) {
  FixedTime fixed;
  for (const char* case_dir : kGoldenCases) {
    SCOPED_TRACE(case_dir);
    CliResult markdown = RunCli(ReportArgs(case_dir, "markdown"));
    EXPECT_EQ(markdown.exit_code, kExitOk) << markdown.err;
    EXPECT_EQ(markdown.err, "");
    EXPECT_EQ(CompareGolden(fs::path(case_dir) / "expected_report.md", markdown.out), "");
    CliResult json = RunCli(ReportArgs(case_dir, "json"));
    EXPECT_EQ(json.exit_code, kExitOk) << json.err;
    EXPECT_EQ(CompareGolden(fs::path(case_dir) / "expected_report.json", json.out), "");
    nlohmann::json parsed = nlohmann::json::parse(json.out, nullptr, false);
    ASSERT_TRUE(parsed.is_object());
    EXPECT_EQ(parsed["format"], "pgdrift.report/v1");
    EXPECT_EQ(parsed["provenance"]["generated_at"], "2026-01-01T00:00:00Z");
  }
}

TEST(ReportCommand, WritesTheReportAndThePictureBesideIt) {
  FixedTime fixed;
  testing::ScratchDir scratch("report-output");
  fs::path file = scratch.path() / "drift.md";
  std::vector<std::string> args = ReportArgs(kGoldenCases[0], "markdown");
  args.insert(args.end(), {"-o", file.string()});
  CliResult result = RunCli(args);
  ASSERT_EQ(result.exit_code, kExitOk) << result.err;
  EXPECT_EQ(result.out, "");
  std::string markdown = testing::ReadFileOrEmpty(file);
  EXPECT_NE(markdown.find("# pgdrift drift report"), std::string::npos);
  bool svg = fs::exists(scratch.path() / "drift.md.svg");
  bool dot = fs::exists(scratch.path() / "drift.md.dot");
  EXPECT_NE(svg, dot) << "exactly one of drift.md.svg and drift.md.dot";
  if (svg) {
    EXPECT_NE(markdown.find("](drift.md.svg)"), std::string::npos) << markdown;
  } else {
    EXPECT_NE(testing::ReadFileOrEmpty(scratch.path() / "drift.md.dot").find("digraph"), std::string::npos);
  }

  fs::path json_file = scratch.path() / "drift.json";
  args = ReportArgs(kGoldenCases[0], "json");
  args.insert(args.end(), {"-o", json_file.string()});
  result = RunCli(args);
  ASSERT_EQ(result.exit_code, kExitOk) << result.err;
  EXPECT_EQ(testing::ReadFileOrEmpty(json_file),
            testing::ReadFileOrEmpty(fs::path(PGDRIFT_SOURCE_DIR) / kGoldenCases[0] / "expected_report.json"));
  EXPECT_FALSE(fs::exists(scratch.path() / "drift.json.dot"));
}

TEST(ReportCommand, FailsWithoutTheChain) {
  CliResult result = RunCli({"report", "--local", "testdata/reports/no-such-dir", "--remote",
                             "testdata/reports/chain_vs_dump/remote.sql"});
  EXPECT_EQ(result.exit_code, kExitError);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("no-such-dir"), std::string::npos) << result.err;
}

TEST(ReportCommand, NeverPrintsThePasswordOfARemoteItCannotReach) {
  const std::vector<std::string> remotes = {
      "host=127.0.0.1 port=1 dbname=app user=auditor password=secret connect_timeout=2",
      "postgresql://auditor:secret@127.0.0.1:1/app?connect_timeout=2",
  };
  for (const std::string& remote : remotes) {
    SCOPED_TRACE(remote);
    CliResult result = RunCli({"report", "--local", "testdata/reports/chain_vs_dump/migrations", "--remote", remote,
                               "--format", "json"});
    EXPECT_EQ(result.exit_code, kExitError);
    EXPECT_EQ(result.out, "");
    EXPECT_NE(result.err, "");
    EXPECT_EQ(result.err.find("secret"), std::string::npos) << result.err;
  }
}

TEST(IntegrationReport, ExplainsScenario1AndAgreesWithCheck) {
  fs::path scenario = testing::ScenarioDirectory("1_");
  ASSERT_FALSE(scenario.empty());
  absl::StatusOr<std::string> database = testing::BuildScenarioDatabase(scenario);
  ASSERT_TRUE(database.ok()) << database.status();
  testing::ScopedDatabase scoped(*database);
  std::string remote = ::pgdrift::testing::PostgresServer::Shared().ConnectionUri(*database);
  std::string local = (scenario / "local").string();

  CliResult report = RunCli({"report", "--local", local, "--remote", remote, "--format", "json"});
  ASSERT_EQ(report.exit_code, kExitOk) << report.err;
  nlohmann::json json = nlohmann::json::parse(report.out, nullptr, false);
  ASSERT_TRUE(json.is_object()) << report.out;

  CliResult check = RunCli({"check", "--local", local, "--remote", remote, "--format", "json"});
  nlohmann::json drift = nlohmann::json::parse(check.out, nullptr, false);
  ASSERT_TRUE(drift.is_object()) << check.out << check.err;
  for (const char* status : {"local_only", "remote_only", "changed"}) {
    SCOPED_TRACE(status);
    EXPECT_EQ(json["summary"][status], drift["summary"][status]);
  }
  EXPECT_EQ(json["summary"]["history"]["counts"]["remote_only"], drift["summary"]["history_remote_only"]);
  EXPECT_EQ(json["summary"]["history"]["counts"]["remote_only"], 29);

  // Remote-only objects are explained by the remote-only versions whose recorded
  // statements made them.
  std::set<std::string> remote_only_versions;
  for (const nlohmann::json& version : json["versions"]) {
    if (version["status"] == "remote_only") remote_only_versions.insert(version["version"].get<std::string>());
  }
  // What no recorded statement made may come from any of the 7 versions recorded
  // without statements.
  int explained = 0;
  int unexplained = 0;
  for (const nlohmann::json& object : json["objects"]) {
    if (object["status"] != "remote_only") continue;
    for (const nlohmann::json& explanation : object["explained_by"]) {
      EXPECT_TRUE(remote_only_versions.contains(explanation["version"].get<std::string>())) << explanation.dump();
    }
    if (!object["explained_by"].empty() && object["explained_by"][0]["recorded"] == true) {
      ++explained;
    } else {
      ++unexplained;
      EXPECT_EQ(object["explained_by"].size(), 7u) << object.dump();
    }
  }
  EXPECT_GT(explained, 0) << report.out;
  EXPECT_GT(unexplained, 0) << report.out;

  EXPECT_NE(json["provenance"]["remote"].get<std::string>().find(*database), std::string::npos)
      << json["provenance"].dump();
  EXPECT_EQ(json["provenance"]["newest_version"], "20240930100000");
  EXPECT_EQ(json["provenance"]["history_table"], "supabase_migrations.schema_migrations");
}

}  // namespace
}  // namespace pgdrift::cli
