// `pgdrift history` and the history part of `pgdrift check`: the renderers on hand-made
// reports, and, against a real database built from testdata/history/basic with history
// rows written the way the Supabase CLI writes them, the statuses and exit codes.
#include <string>
#include <vector>

#include "base/strings.h"
#include "cli/drift_json.h"
#include "cli/exit_code.h"
#include "cli/history_json.h"
#include "cli/history_text.h"
#include "cli/testing/golden.h"
#include "cli/testing/test_databases.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "parser/profile.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

using ::pgdrift::testing::PostgresServer;
using ::testing::HasSubstr;

diff::HistoryReport SampleReport() {
  diff::HistoryReport report;
  report.tool = "supabase";
  report.table = "supabase_migrations.schema_migrations";
  report.versions = {
      {.version = "20231231000000", .name = "hotfix", .status = diff::VersionStatus::kRemoteOnly},
      {.version = "20240101000000",
       .name = "create_orders",
       .status = diff::VersionStatus::kApplied,
       .local_path = "m/20240101000000_create_orders.sql",
       .applied_at = "2024-01-01 10:00:00+00"},
      {.version = "20240102000000",
       .name = "add_status",
       .status = diff::VersionStatus::kModified,
       .local_path = "m/20240102000000_add_status.sql",
       .detail = "statement 1 of 2 differs"},
      {.version = "20240103000000",
       .name = "create_customers",
       .status = diff::VersionStatus::kLocalOnly,
       .local_path = "m/20240103000000_create_customers.sql"},
  };
  report.warnings = {"something to know"};
  return report;
}

TEST(HistoryText, VersionTimeFormatsTimestampVersions) {
  EXPECT_EQ(VersionTime("20240102030405"), "2024-01-02 03:04:05");
  EXPECT_EQ(VersionTime("20240102"), "20240102");
  EXPECT_EQ(VersionTime("1.2"), "1.2");
}

TEST(HistoryText, PrintsATableLikeMigrationList) {
  std::ostringstream stream;
  PrintHistoryText(SampleReport(), Output{&stream, false});
  EXPECT_EQ(stream.str(),
            "History table: supabase_migrations.schema_migrations\n"
            "\n"
            "  Local          | Remote         | Time (UTC)          | Status\n"
            "  ---------------|----------------|---------------------|-"
            "----------------------------------\n"
            "                 | 20231231000000 | 2023-12-31 00:00:00 | remote_only\n"
            "  20240101000000 | 20240101000000 | 2024-01-01 00:00:00 | applied\n"
            "  20240102000000 | 20240102000000 | 2024-01-02 00:00:00 | modified: statement 1 of 2 "
            "differs\n"
            "  20240103000000 |                | 2024-01-03 00:00:00 | local_only\n"
            "\n"
            "warning: something to know\n"
            "\n"
            "Not aligned: 1 applied, 1 local only, 1 remote only, 1 modified.\n");
}

TEST(HistoryText, SummaryOfAnAlignedHistory) {
  diff::HistoryReport report;
  report.versions = {{.version = "1", .status = diff::VersionStatus::kApplied}};
  Output plain{nullptr, false};
  EXPECT_EQ(HistorySummary(report, plain), "Aligned: 1 version applied.");
  EXPECT_EQ(HistorySummary(report, plain, "History"), "History aligned: 1 version applied.");
}

TEST(HistoryText, CheckSectionListsOnlyDrift) {
  std::ostringstream stream;
  PrintHistorySection(SampleReport(), Output{&stream, false});
  EXPECT_EQ(stream.str(),
            "History (supabase_migrations.schema_migrations):\n"
            "  20231231000000 remote_only\n"
            "  20240102000000 modified: statement 1 of 2 differs  "
            "(m/20240102000000_add_status.sql)\n"
            "  20240103000000 local_only  (m/20240103000000_create_customers.sql)\n"
            "  warning: something to know\n"
            "\n");
}

TEST(HistoryJson, DocumentHasEveryStatusCount) {
  nlohmann::ordered_json json = HistoryToJson(SampleReport());
  EXPECT_EQ(json["format"], "pgdrift.history/v1");
  EXPECT_EQ(json["aligned"], false);
  EXPECT_EQ(json["tool"], "supabase");
  EXPECT_EQ(json["summary"].dump(),
            R"({"applied":1,"local_only":1,"remote_only":1,"modified":1,"out_of_order":0,"failed":0})");
  ASSERT_EQ(json["versions"].size(), 4u);
  EXPECT_EQ(json["versions"][1].dump(),
            R"({"version":"20240101000000","name":"create_orders","status":"applied",)"
            R"("file":"m/20240101000000_create_orders.sql","applied_at":"2024-01-01 10:00:00+00"})");
  EXPECT_EQ(json["warnings"].dump(), R"(["something to know"])");
}

TEST(DriftJson, HistoryDriftIsDrift) {
  diff::ChangeSet none;
  diff::HistoryReport report = SampleReport();
  nlohmann::ordered_json json = DriftToJson(none, &report);
  EXPECT_EQ(json["drift"], true);
  EXPECT_EQ(json["summary"]["history_local_only"], 1);
  EXPECT_EQ(json["summary"]["history_remote_only"], 1);
  EXPECT_EQ(json["summary"]["history_modified"], 1);
  EXPECT_EQ(json["summary"]["history_out_of_order"], 0);
  EXPECT_EQ(json["summary"]["history_failed"], 0);
  ASSERT_EQ(json["history"].size(), 3u);  // applied versions are not drift
  EXPECT_EQ(json["history"][1].dump(),
            R"({"version":"20240102000000","name":"add_status","status":"modified",)"
            R"("file":"m/20240102000000_add_status.sql","detail":"statement 1 of 2 differs"})");
  // Without a history the document is as it always was.
  nlohmann::ordered_json plain = DriftToJson(none);
  EXPECT_EQ(plain["drift"], false);
  EXPECT_FALSE(plain["summary"].contains("history_out_of_order"));
  EXPECT_TRUE(plain["history"].empty());
}

constexpr char kChain[] = "testdata/history/basic";

// The statuses of a pgdrift.history/v1 or drift "history" array as "version status"
// lines (detail appended).
std::vector<std::string> Statuses(const nlohmann::json& versions) {
  std::vector<std::string> lines;
  for (const nlohmann::json& version : versions) {
    std::string line =
        StrCat(version["version"].get<std::string>(), " ", version["status"].get<std::string>());
    if (version.contains("detail")) StrAppend(&line, " [", version["detail"].get<std::string>(), "]");
    lines.push_back(line);
  }
  return lines;
}

TEST(IntegrationHistory, HistoryAndCheckReportVersionDrift) {
  PostgresServer& server = PostgresServer::Shared();
  absl::StatusOr<std::string> built = testing::BuildChainDatabase(
      StrCat(PGDRIFT_SOURCE_DIR, "/", kChain), parser::Profile::kSupabase, "history");
  ASSERT_TRUE(built.ok()) << built.status();
  testing::ScopedDatabase database(*built);
  // As `supabase db push` records them (version, name, statements): one applied as it is,
  // one whose first statement was edited after the push (its NOT NULL and default
  // added later), one only the database has; the
  // last local file is not recorded (pending).
  ASSERT_TRUE(server
                  .RunSql(database.name(),
                          "delete from supabase_migrations.schema_migrations; "
                          "insert into supabase_migrations.schema_migrations (version, name, "
                          "statements) values "
                          "('20231231000000', 'hotfix', array['select 1']), "
                          "('20240101000000', 'create_orders', array['create table public.orders "
                          "(id bigint primary key, note text)']), "
                          "('20240102000000', 'add_status', array['alter table public.orders add "
                          "column status text', 'create index "
                          "orders_status_idx on public.orders (status)'])")
                  .ok());
  std::string remote = server.ConnectionString(database.name());

  testing::CliResult history =
      testing::RunCli({"history", "--local", kChain, "--remote", remote, "--format", "json"});
  ASSERT_EQ(history.exit_code, kExitDrift) << history.err << history.out;
  nlohmann::json report = nlohmann::json::parse(history.out);
  EXPECT_EQ(report["format"], "pgdrift.history/v1");
  EXPECT_EQ(report["aligned"], false);
  EXPECT_EQ(report["table"], "supabase_migrations.schema_migrations");
  EXPECT_THAT(Statuses(report["versions"]),
              ::testing::ElementsAre("20231231000000 remote_only", "20240101000000 applied",
                                     "20240102000000 modified [statement 1 of 2 differs]",
                                     "20240103000000 local_only"));

  testing::CliResult text = testing::RunCli({"history", "--local", kChain, "--remote", remote});
  EXPECT_EQ(text.exit_code, kExitDrift) << text.err;
  EXPECT_THAT(text.out, HasSubstr("  20240101000000 | 20240101000000 | 2024-01-01 00:00:00 | applied\n"));
  EXPECT_THAT(text.out, HasSubstr("Not aligned: 1 applied, 1 local only, 1 remote only, 1 modified."));

  testing::CliResult check =
      testing::RunCli({"check", "--local", kChain, "--remote", remote, "--format", "json"});
  ASSERT_EQ(check.exit_code, kExitDrift) << check.err << check.out;
  nlohmann::json drift = nlohmann::json::parse(check.out);
  EXPECT_EQ(drift["drift"], true);
  EXPECT_TRUE(drift["objects"].empty()) << drift["objects"].dump(2);
  EXPECT_EQ(drift["summary"]["history_local_only"], 1);
  EXPECT_EQ(drift["summary"]["history_remote_only"], 1);
  EXPECT_EQ(drift["summary"]["history_modified"], 1);
  EXPECT_THAT(Statuses(drift["history"]),
              ::testing::ElementsAre("20231231000000 remote_only",
                                     "20240102000000 modified [statement 1 of 2 differs]",
                                     "20240103000000 local_only"));
  testing::CliResult check_text = testing::RunCli({"check", "--local", kChain, "--remote", remote});
  EXPECT_EQ(check_text.exit_code, kExitDrift);
  EXPECT_THAT(check_text.out, HasSubstr("History not aligned: 1 applied, 1 local only"));

  // Repaired as `supabase migration repair` would: aligned, nothing to report.
  ASSERT_TRUE(server
                  .RunSql(database.name(),
                          "delete from supabase_migrations.schema_migrations where version = "
                          "'20231231000000'; "
                          "update supabase_migrations.schema_migrations set statements = null "
                          "where version = '20240102000000'; "
                          "insert into supabase_migrations.schema_migrations (version, name) "
                          "values ('20240103000000', 'create_customers')")
                  .ok());
  history = testing::RunCli({"history", "--local", kChain, "--remote", remote});
  EXPECT_EQ(history.exit_code, kExitOk) << history.err << history.out;
  EXPECT_THAT(history.out, HasSubstr("Aligned: 3 versions applied."));
  check = testing::RunCli({"check", "--local", kChain, "--remote", remote, "--format", "json"});
  EXPECT_EQ(check.exit_code, kExitOk) << check.err << check.out;

  // No history table at all: every local migration is pending.
  ASSERT_TRUE(server.RunSql(database.name(), "drop table supabase_migrations.schema_migrations").ok());
  history = testing::RunCli({"history", "--local", kChain, "--remote", remote, "--format", "json"});
  EXPECT_EQ(history.exit_code, kExitDrift) << history.err << history.out;
  report = nlohmann::json::parse(history.out);
  EXPECT_THAT(Statuses(report["versions"]),
              ::testing::ElementsAre("20240101000000 local_only", "20240102000000 local_only",
                                     "20240103000000 local_only"));
}

TEST(HistoryCommand, RefusesARemoteThatIsNotADatabase) {
  testing::CliResult result =
      testing::RunCli({"history", "--local", kChain, "--remote", "snapshot.json"});
  EXPECT_EQ(result.exit_code, kExitError);
  EXPECT_THAT(result.err, HasSubstr("--remote must be a database"));
}

}  // namespace
}  // namespace pgdrift::cli
