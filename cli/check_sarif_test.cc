#include "cli/check_sarif.h"

#include <filesystem>
#include <set>
#include <string>

#include "base/strings.h"
#include "base/subprocess.h"
#include "base/testing/status_matchers.h"
#include "cli/testing/check_results_fixture.h"
#include "cli/testing/golden.h"
#include "cli/version.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Runs testdata/sarif/validate.py on `document`: exit 0 valid, 1 invalid, 2 not JSON.
ProcessResult Validate(const std::string& document) {
  fs::path script = fs::path(PGDRIFT_SOURCE_DIR) / "testdata/sarif/validate.py";
  absl::StatusOr<ProcessResult> result =
      RunProcess({"/usr/bin/python3", script.string()}, ProcessOptions{document, ""});
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? *result : ProcessResult{-1, "", result.status().ToString()};
}

// `sarif` with pgdrift's version replaced by "<version>", so that goldens survive releases.
std::string WithoutVersion(const std::string& sarif) {
  return ReplaceAll(sarif, StrCat("\"", PGDRIFT_VERSION, "\""), "\"<version>\"");
}

TEST(CheckSarif, MatchesGoldenFiles) {
  for (const testing::ResultSet& set : testing::GoldenResultSets()) {
    SCOPED_TRACE(set.name);
    EXPECT_EQ(testing::CompareGolden(fs::path("testdata/ci-formats") / (set.name + ".sarif"),
                                     WithoutVersion(CheckSarif(set.results))),
              "");
  }
}

TEST(CheckSarif, ValidatesAgainstTheSarifSchema) {
  for (const testing::ResultSet& set : testing::GoldenResultSets()) {
    SCOPED_TRACE(set.name);
    ProcessResult result = Validate(CheckSarif(set.results));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, "valid\n");
  }
}

TEST(CheckSarif, SchemaValidationRejectsBrokenDocuments) {
  Json valid = Json::parse(CheckSarif({testing::DriftedResult()}));
  struct Case {
    const char* name;
    void (*breaker)(Json*);
    const char* expected;
  };
  const Case cases[] = {
      {"no driver", [](Json* doc) { (*doc)["runs"][0]["tool"].erase("driver"); },
       "'driver' is a required property"},
      {"unknown level", [](Json* doc) { (*doc)["runs"][0]["results"][0]["level"] = "fatal"; },
       "'fatal' is not one of"},
      {"line zero",
       [](Json* doc) {
         (*doc)["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]
               ["startLine"] = 0;
       },
       "less than the minimum"},
      {"suppression kind",
       [](Json* doc) { (*doc)["runs"][0]["results"][5]["suppressions"][0]["kind"] = "ignored"; },
       "'ignored' is not one of"},
      {"wrong version", [](Json* doc) { (*doc)["version"] = "2.0.0"; }, "is not one of ['2.1.0']"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.name);
    Json broken = valid;
    test.breaker(&broken);
    ProcessResult result = Validate(broken.dump());
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.err.find(test.expected), std::string::npos) << result.err;
  }
  EXPECT_EQ(Validate("{not json").exit_code, 2);
}

TEST(CheckSarif, DescribesTheLogAndEachRun) {
  Json log = Json::parse(
      CheckSarif({testing::DriftedResult(), testing::InSyncResult(), testing::ErroredResult()}));
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 3u);
  std::set<std::string> automation_ids;
  for (const Json& run : log["runs"]) {
    EXPECT_EQ(run["tool"]["driver"]["name"], "pgdrift");
    EXPECT_EQ(run["tool"]["driver"]["version"], PGDRIFT_VERSION);
    EXPECT_TRUE(run["originalUriBaseIds"].contains("%SRCROOT%"));
    automation_ids.insert(run["automationDetails"]["id"].get<std::string>());
  }
  EXPECT_EQ(automation_ids, (std::set<std::string>{"pgdrift-check/staging/", "pgdrift-check/prod/",
                                                   "pgdrift-check/analytics/"}));
  const Json& staging = log["runs"][0];
  EXPECT_EQ(staging["properties"]["remote"], "staging");
  EXPECT_EQ(staging["properties"]["historyTable"], "supabase_migrations.schema_migrations");
  EXPECT_EQ(staging["invocations"][0]["executionSuccessful"], true);
  EXPECT_EQ(staging["invocations"][0]["exitCode"], 1);

  const Json& prod = log["runs"][1];
  EXPECT_TRUE(prod["results"].empty());
  EXPECT_TRUE(prod["tool"]["driver"]["rules"].empty());

  const Json& analytics = log["runs"][2];
  EXPECT_EQ(analytics["invocations"][0]["executionSuccessful"], false);
  EXPECT_EQ(analytics["invocations"][0]["exitCode"], 2);
  const Json& notification = analytics["invocations"][0]["toolExecutionNotifications"][0];
  EXPECT_EQ(notification["level"], "error");
  EXPECT_EQ(notification["message"]["text"], testing::ErroredResult().error);
}

TEST(CheckSarif, HasOneRulePerUsedCategoryInCategoryOrder) {
  CheckResult check = testing::DriftedResult();
  Json run = Json::parse(CheckSarif({check}))["runs"][0];
  std::vector<std::string> expected;
  for (std::string_view category : FindingCategories()) {
    for (const Finding& finding : check.findings) {
      if (finding.category == category) {
        expected.emplace_back(category);
        break;
      }
    }
  }
  ASSERT_EQ(expected.size(), FindingCategories().size()) << "the fixture misses a category";
  const Json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(expected[i]);
    EXPECT_EQ(rules[i]["id"], expected[i]);
    EXPECT_FALSE(rules[i]["help"]["text"].get<std::string>().empty());
    EXPECT_FALSE(rules[i]["fullDescription"]["text"].get<std::string>().empty());
    EXPECT_EQ(rules[i]["defaultConfiguration"]["level"], "error");
  }
  EXPECT_EQ(rules[0]["name"], "LocalOnly");
  EXPECT_EQ(rules[6]["name"], "HistoryOutOfOrder");
  // Every result points at its rule.
  for (const Json& result : run["results"]) {
    EXPECT_EQ(rules[result["ruleIndex"].get<size_t>()]["id"], result["ruleId"]);
  }
}

TEST(CheckSarif, MapsEachFindingToAResult) {
  CheckResult check = testing::DriftedResult();
  Json results = Json::parse(CheckSarif({check}))["runs"][0]["results"];
  ASSERT_EQ(results.size(), check.findings.size());
  std::set<std::string> fingerprints;
  for (size_t i = 0; i < check.findings.size(); ++i) {
    const Finding& finding = check.findings[i];
    const Json& result = results[i];
    SCOPED_TRACE(finding.identity);
    EXPECT_EQ(result["ruleId"], finding.category);
    EXPECT_EQ(result["level"], finding.ignored ? "note" : finding.failing ? "error" : "warning");
    EXPECT_EQ(result["message"]["text"], finding.message);
    EXPECT_EQ(result.contains("suppressions"), finding.ignored);
    if (finding.ignored) {
      EXPECT_EQ(result["suppressions"][0]["kind"], "external");
      EXPECT_EQ(result["suppressions"][0]["justification"], finding.ignored_by);
    }
    const Json& physical = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    EXPECT_EQ(physical.contains("region"), finding.line > 0);
    if (finding.line > 0) {
      EXPECT_EQ(physical["region"]["startLine"], finding.line);
    }
    EXPECT_EQ(result["locations"][0]["logicalLocations"][0]["kind"], finding.kind);
    EXPECT_EQ(result["properties"]["identity"], finding.identity);
    EXPECT_EQ(result["properties"].contains("locationIsFallback"), finding.location_is_fallback);
    fingerprints.insert(result["partialFingerprints"]["pgdriftFinding/v1"].get<std::string>());
  }
  EXPECT_EQ(fingerprints.size(), check.findings.size()) << "fingerprints must differ";

  const Json& changed = results[1];
  EXPECT_EQ(changed["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
            "public.orders.status");
  EXPECT_EQ(changed["properties"]["changes"][0],
            Json::parse(R"({"attribute": "not_null", "local": false, "remote": true})"));
  const Json& index = results[2];
  EXPECT_EQ(index["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "supabase/migrations/20240103000000_notes%20%26%20more%2C%20100%25.sql");
}

TEST(CheckSarif, FingerprintsAreStableAcrossRunsAndRemotes) {
  CheckResult first = testing::DriftedResult();
  CheckResult second = testing::DriftedResult();
  second.remote = "other";
  second.findings[0].line = 99;
  second.findings[0].message = "worded differently";
  Json a = Json::parse(CheckSarif({first}))["runs"][0]["results"][0]["partialFingerprints"];
  Json b = Json::parse(CheckSarif({second}))["runs"][0]["results"][0]["partialFingerprints"];
  EXPECT_EQ(a, b);
  EXPECT_EQ(a["pgdriftFinding/v1"].get<std::string>().size(), 16u);
  second.findings[0].category = "changed";
  Json c = Json::parse(CheckSarif({second}))["runs"][0]["results"][0]["partialFingerprints"];
  EXPECT_NE(a, c);
}

TEST(CheckSarif, OmitsThePhysicalLocationWithoutAFile) {
  CheckResult check = testing::ChainOnlyResult();
  check.findings[0].file = "";
  check.findings[0].line = 0;
  Json result = Json::parse(CheckSarif({check}))["runs"][0]["results"][0];
  EXPECT_FALSE(result["locations"][0].contains("physicalLocation"));
  EXPECT_EQ(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
            "supabase/migrations/20240101000000_init.sql");
  EXPECT_EQ(Validate(CheckSarif({check})).exit_code, 0);
}

TEST(CheckSarif, PercentEncodesUris) {
  const struct {
    const char* path;
    const char* uri;
  } cases[] = {
      {"supabase/migrations/1_init.sql", "supabase/migrations/1_init.sql"},
      {"db/a b#1?.sql", "db/a%20b%231%3F.sql"},
      {"db/100%:x,y.sql", "db/100%25%3Ax%2Cy.sql"},
      {"db/caf\xC3\xA9.sql", "db/caf%C3%A9.sql"},
      {"db/[x]~y.sql", "db/%5Bx%5D~y.sql"},
  };
  for (const auto& test : cases) {
    SCOPED_TRACE(test.path);
    EXPECT_EQ(internal::SarifUri(test.path), test.uri);
  }
}

TEST(CheckSarif, IsDeterministic) {
  std::vector<CheckResult> results = {testing::DriftedResult(), testing::ErroredResult()};
  EXPECT_EQ(CheckSarif(results), CheckSarif(results));
  EXPECT_EQ(CheckSarif(results).back(), '\n');
}

// `pgdrift check --format sarif` end to end: the demo chain against its drifted snapshot
// (no database server needed).
TEST(CheckSarif, CliMatchesGolden) {
  testing::CliResult result =
      testing::RunCli({"check", "--local", "testdata/demo", "--remote",
                       "testdata/demo/production-snapshot.json", "--format", "sarif"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(
      testing::CompareGolden("testdata/ci-formats/cli_demo.sarif", WithoutVersion(result.out)), "");
  ProcessResult validation = Validate(result.out);
  EXPECT_EQ(validation.exit_code, 0) << validation.err;
}

}  // namespace
}  // namespace pgdrift::cli
