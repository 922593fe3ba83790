// Fleet checks without a database: remotes files, the bounded concurrent runner, the
// progress bar, the one-line-per-database summary and the pgdrift.fleet/v1 document.
#include "cli/fleet.h"

#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "base/strings.h"
#include "base/testing/status_matchers.h"
#include "cli/progress_bar.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::cli {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::pgdrift::testing::StatusIs;

// "label|source" for each remote.
std::vector<std::string> Describe(const std::vector<RemoteSpec>& remotes) {
  std::vector<std::string> lines;
  for (const RemoteSpec& remote : remotes) lines.push_back(remote.label + "|" + remote.source);
  return lines;
}

TEST(ParseRemotesFile, ReadsLabelsCommentsAndVariables) {
  setenv("PGDRIFT_FLEET_TEST_PASSWORD", "s3cret", 1);
  setenv("PGDRIFT_FLEET_TEST_HOST", "db.example.com", 1);
  struct Case {
    std::string name;
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"plain lines", "a.sql\nsnap.json\n", {"|a.sql", "|snap.json"}},
      {"comments and blank lines", "# the fleet\n\n   \n  # indented comment\nb.sql\n", {"|b.sql"}},
      {"labels", "prod-eu: postgres://u@h/db\nstaging.1:\tb.sql\n",
       {"prod-eu|postgres://u@h/db", "staging.1|b.sql"}},
      {"a uri is not a label", "postgres://u@h:5432/db\n", {"|postgres://u@h:5432/db"}},
      {"a conninfo string is not a label", "host=h port=1 dbname=x\n", {"|host=h port=1 dbname=x"}},
      {"variables", "prod: postgres://app:${PGDRIFT_FLEET_TEST_PASSWORD}@${PGDRIFT_FLEET_TEST_HOST}/db",
       {"prod|postgres://app:s3cret@db.example.com/db"}},
      {"a lone dollar stays", "cost$1.sql\n", {"|cost$1.sql"}},
      {"crlf line ends and surrounding spaces", "  a: x.sql  \r\nb.sql\r\n", {"a|x.sql", "|b.sql"}},
      {"empty file", "", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PGDRIFT_ASSERT_OK_AND_ASSIGN(std::vector<RemoteSpec> remotes, ParseRemotesFile(c.text, "remotes.txt"));
    EXPECT_EQ(Describe(remotes), c.expected);
  }
  unsetenv("PGDRIFT_FLEET_TEST_PASSWORD");
  unsetenv("PGDRIFT_FLEET_TEST_HOST");
}

TEST(ParseRemotesFile, ErrorsNameTheLineAndNeverTheSecret) {
  unsetenv("PGDRIFT_FLEET_TEST_UNSET");
  setenv("PGDRIFT_FLEET_TEST_EMPTY", "", 1);
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"a.sql\n# c\nprod: postgres://app:hunter2@h/${PGDRIFT_FLEET_TEST_UNSET}\n",
       "fleet.txt:3:32: environment variable \"PGDRIFT_FLEET_TEST_UNSET\" is not set"},
      {"postgres://app:hunter2@h/${DB\n", "fleet.txt:1:26: unterminated variable reference"},
      {"postgres://app:hunter2@h/${1DB}\n", "fleet.txt:1:26: invalid environment variable name \"1DB\""},
      {"\nprod:\n", "fleet.txt:2:6: remote \"prod\" has no source"},
      {"${PGDRIFT_FLEET_TEST_EMPTY}\n",
       "fleet.txt:1:1: the source is empty once environment variables are replaced"},
      {"prod: a.sql\nstaging: b.sql\nprod: c.sql\n",
       "fleet.txt:3:1: duplicate label \"prod\" (first used on line 1)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    absl::StatusOr<std::vector<RemoteSpec>> parsed = ParseRemotesFile(c.text, "fleet.txt");
    EXPECT_THAT(parsed.status(), StatusIs(absl::StatusCode::kInvalidArgument, c.message));
    EXPECT_THAT(std::string(parsed.status().message()), Not(HasSubstr("hunter2")));
  }
  unsetenv("PGDRIFT_FLEET_TEST_EMPTY");
}

std::vector<RemoteSpec> Remotes(int count) {
  std::vector<RemoteSpec> remotes;
  for (int i = 0; i < count; ++i) remotes.push_back({.label = "", .source = StrCat("db", i, ".sql")});
  return remotes;
}

// A check that records how many calls run at once. Each call waits (up to two seconds)
// until `expected_max` calls have been in flight together, so that a loaded machine
// cannot hide a pool that runs fewer at once; later remotes then finish first, so results
// come back out of order.
struct ConcurrencyProbe {
  int expected_max = 1;
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  std::atomic<int> calls{0};

  CheckResult operator()(const RemoteSpec& remote) {
    int now = ++in_flight;
    int seen = max_in_flight.load();
    while (now > seen && !max_in_flight.compare_exchange_weak(seen, now)) {
    }
    ++calls;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (max_in_flight.load() < expected_max && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    int index = std::stoi(remote.source.substr(2));
    std::this_thread::sleep_for(std::chrono::milliseconds(5 * (10 - index)));
    --in_flight;
    CheckResult result;
    result.remote = remote.source;
    result.description = StrCat("dump ", remote.source);
    return result;
  }
};

TEST(CheckConcurrently, RespectsTheBoundAndKeepsTheOrder) {
  struct Case {
    int jobs;
    int remotes;
    int expected_max;
  };
  for (const Case& c : std::vector<Case>{{3, 8, 3}, {0, 4, 1}, {-2, 3, 1}, {1, 5, 1}, {16, 4, 4}}) {
    SCOPED_TRACE(StrCat("jobs ", c.jobs, ", remotes ", c.remotes));
    ConcurrencyProbe probe;
    probe.expected_max = c.expected_max;
    std::vector<CheckResult> results = CheckConcurrently(
        Remotes(c.remotes), c.jobs, [&probe](const RemoteSpec& remote) { return probe(remote); },
        nullptr);
    EXPECT_EQ(probe.calls.load(), c.remotes);
    EXPECT_EQ(probe.max_in_flight.load(), c.expected_max);
    ASSERT_EQ(results.size(), static_cast<size_t>(c.remotes));
    for (int i = 0; i < c.remotes; ++i) {
      EXPECT_EQ(results[i].remote, StrCat("db", i, ".sql"));
      EXPECT_EQ(results[i].description, StrCat("dump db", i, ".sql"));
    }
  }
}

TEST(CheckConcurrently, TurnsExceptionsIntoErrorsAndUsesLabels) {
  std::vector<RemoteSpec> remotes = {
      {.label = "prod", .source = "postgresql://app:hunter2@db.example.com/app"},
      {.label = "", .source = "postgresql://app:hunter2@replica.example.com/app"},
      {.label = "odd", .source = "x.sql"},
      {.label = "", .source = "ok.sql"},
  };
  std::vector<CheckResult> results = CheckConcurrently(
      remotes, 2,
      [](const RemoteSpec& remote) -> CheckResult {
        if (remote.source == "x.sql") throw 42;
        if (remote.source == "ok.sql") {
          CheckResult result;
          result.remote = "ok.sql";
          return result;
        }
        throw std::runtime_error(StrCat("could not read ", remote.source));
      },
      nullptr);
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0].remote, "prod");
  EXPECT_EQ(results[0].exit_code, 2);
  EXPECT_EQ(results[0].error, "could not read postgresql://app:***@db.example.com/app");
  EXPECT_EQ(results[1].remote, "postgresql://app:***@replica.example.com/app");
  EXPECT_EQ(results[1].exit_code, 2);
  EXPECT_THAT(results[1].error, AllOf(HasSubstr("replica.example.com"), Not(HasSubstr("hunter2"))));
  EXPECT_EQ(results[2].remote, "odd");
  EXPECT_EQ(results[2].exit_code, 2);
  EXPECT_EQ(results[2].error, "unknown error");
  EXPECT_EQ(results[3].remote, "ok.sql");
  EXPECT_EQ(results[3].exit_code, 0);
  EXPECT_EQ(results[3].error, "");
}

TEST(CheckConcurrently, DrawsAndClearsAProgressBar) {
  std::ostringstream stream;
  Output progress{&stream, false};
  std::vector<CheckResult> results = CheckConcurrently(
      Remotes(3), 2, [](const RemoteSpec& remote) { return CheckResult{.remote = remote.source}; },
      &progress);
  ASSERT_EQ(results.size(), 3u);
  std::string drawn = stream.str();
  EXPECT_THAT(drawn, HasSubstr("\rchecking databases [--------------------] 0/3"));
  EXPECT_THAT(drawn, HasSubstr("\rchecking databases [####################] 3/3  db"));
  EXPECT_EQ(drawn.find('\n'), std::string::npos);
  // The last thing drawn blanks the line and returns to its start.
  size_t last_line = drawn.rfind("\rchecking databases [####################] 3/3  db");
  std::string width_of_last(std::string("checking databases [####################] 3/3  db0.sql").size(), ' ');
  EXPECT_TRUE(drawn.ends_with("\r" + width_of_last + "\r")) << drawn.substr(last_line);
}

TEST(ProgressBar, RendersDoneOfTotalAndTheName) {
  EXPECT_EQ(ProgressBar::Render("checking databases", 3, 8, "prod-eu", false),
            "checking databases [#######-------------] 3/8  prod-eu");
  EXPECT_EQ(ProgressBar::Render("checking databases", 0, 2, "", false),
            "checking databases [--------------------] 0/2");
  EXPECT_EQ(ProgressBar::Render("x", 1, 2, "", true), "x [\x1b[36m##########\x1b[0m----------] 1/2");
  EXPECT_EQ(ProgressBar::Render("x", 1, 1, "a-very-long-database-name-that-goes-on-and-on", false),
            "x [####################] 1/1  a-very-long-database-name-that-…");
}

TEST(ProgressBar, PadsOverALongerEarlierLine) {
  std::ostringstream stream;
  Output out{&stream, false};
  {
    ProgressBar bar(&out, "t", 2);
    bar.Done("longer-name");
    bar.Done("x");
  }
  EXPECT_EQ(stream.str(),
            "\rt [##########----------] 1/2  longer-name"
            "\rt [####################] 2/2  x          "
            "\r" + std::string(31, ' ') + "\r");
}

Finding MakeFinding(FindingSubject subject, std::string category, bool ignored = false) {
  Finding finding;
  finding.subject = subject;
  finding.category = std::move(category);
  finding.identity = StrCat(finding.category, " thing");
  finding.ignored = ignored;
  finding.failing = !ignored;
  return finding;
}

std::vector<CheckResult> SampleFleet() {
  CheckResult in_sync{.remote = "staging", .description = "snapshot staging.json"};
  CheckResult drifted{.remote = "prod-eu", .description = "database \"app\" on host \"eu\"",
                      .exit_code = 1};
  drifted.findings = {MakeFinding(FindingSubject::kObject, "remote_only"),
                      MakeFinding(FindingSubject::kObject, "changed"),
                      MakeFinding(FindingSubject::kObject, "changed"),
                      MakeFinding(FindingSubject::kObject, "local_only", true),
                      MakeFinding(FindingSubject::kVersion, "history_remote_only"),
                      MakeFinding(FindingSubject::kVersion, "history_remote_only"),
                      MakeFinding(FindingSubject::kVersion, "history_modified"),
                      MakeFinding(FindingSubject::kChainFile, "chain_edited", true)};
  CheckResult ignored_only{.remote = "ci", .exit_code = 0};
  ignored_only.findings = {MakeFinding(FindingSubject::kObject, "changed", true)};
  CheckResult not_failing{.remote = "dev", .exit_code = 0};
  not_failing.findings = {MakeFinding(FindingSubject::kVersion, "history_local_only")};
  not_failing.findings[0].failing = false;
  CheckResult errored{.remote = "postgresql://app@10.0.0.9:1/app",
                      .exit_code = 2,
                      .error = "connection to server at \"10.0.0.9\", port 1 failed: Connection refused"};
  return {in_sync, drifted, ignored_only, not_failing, errored};
}

TEST(PrintFleetSummary, OneLinePerDatabaseThenTheTotals) {
  std::ostringstream stream;
  PrintFleetSummary(SampleFleet(), Output{&stream, false});
  EXPECT_EQ(stream.str(),
            "ok    staging                          in sync\n"
            "drift prod-eu                          3 objects (1 remote_only, 2 changed), "
            "3 history versions (2 remote_only, 1 modified); 2 ignored\n"
            "ok    ci                               in sync; 1 ignored\n"
            "drift dev                              1 history version (1 local_only); none failing\n"
            "error postgresql://app@10.0.0.9:1/app  connection to server at \"10.0.0.9\", port 1 "
            "failed: Connection refused\n"
            "5 databases: 2 in sync, 2 drifted, 1 error\n");
}

TEST(PrintFleetSummary, ColoursOnlyTheStatusWordAndRedactsRemotes) {
  std::vector<CheckResult> results(2);
  results[0].remote = "postgresql://app:hunter2@db/app";
  results[1].remote = "b";
  results[1].exit_code = 2;
  results[1].error = "boom";
  std::ostringstream stream;
  PrintFleetSummary(results, Output{&stream, true});
  EXPECT_EQ(stream.str(),
            "\x1b[32mok\x1b[0m    postgresql://app:***@db/app  in sync\n"
            "\x1b[31merror\x1b[0m b                            boom\n"
            "2 databases: 1 in sync, 0 drifted, 1 error\n");
}

TEST(FleetJson, WrapsEachDriftDocument) {
  nlohmann::ordered_json json =
      FleetJson(SampleFleet(), [](const CheckResult& result) {
        return nlohmann::ordered_json{{"format", "pgdrift.drift/v1"}, {"drift", result.drift()}};
      });
  EXPECT_EQ(json["format"], "pgdrift.fleet/v1");
  ASSERT_EQ(json["databases"].size(), 5u);
  EXPECT_EQ(json["databases"][1].dump(),
            R"({"remote":"prod-eu","description":"database \"app\" on host \"eu\"","exit_code":1,)"
            R"("result":{"format":"pgdrift.drift/v1","drift":true}})");
  EXPECT_EQ(json["databases"][4].dump(),
            R"({"remote":"postgresql://app@10.0.0.9:1/app","description":"","exit_code":2,)"
            R"("error":"connection to server at \"10.0.0.9\", port 1 failed: Connection refused",)"
            R"("result":{"format":"pgdrift.drift/v1","drift":false}})");
  EXPECT_EQ(json["summary"].dump(), R"({"databases":5,"in_sync":2,"drifted":2,"errors":1})");
  EXPECT_EQ(FleetJson({}, nullptr).dump(),
            R"({"format":"pgdrift.fleet/v1","databases":[],"summary":{"databases":0,"in_sync":0,"drifted":0,"errors":0}})");
}

}  // namespace
}  // namespace pgdrift::cli
