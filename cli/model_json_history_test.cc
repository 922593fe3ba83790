// The `history` member of pgdrift.model/v1 snapshots: written and read back field by
// field, restored by LoadSource from a .json snapshot (and absent from a dump), and,
// against a real database built from a chain with the history rows `supabase db push`
// records, `check --remote snapshot.json` after the database is gone.
#include "cli/model_json_history.h"

#include <filesystem>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/testing/status_matchers.h"
#include "cli/exit_code.h"
#include "cli/model_json.h"
#include "cli/source.h"
#include "cli/testing/golden.h"
#include "cli/testing/scratch_dir.h"
#include "cli/testing/test_databases.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "parser/local_migrations.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

// Every field of model::History, one history per tool shape.
std::vector<model::History> SampleHistories() {
  model::History supabase;
  supabase.tool = model::HistoryTool::kSupabase;
  supabase.table = "supabase_migrations.schema_migrations";
  supabase.ignored_columns = {"created_by", "idempotency_key"};
  model::HistoryEntry pushed;
  pushed.version = "20240101000000";
  pushed.name = "create_orders";
  pushed.statements =
      std::vector<std::string>{"create table public.orders (id bigint primary key)",
                               "alter table public.orders enable row level security"};
  pushed.fingerprints = parser::StatementFingerprints(*pushed.statements);
  model::HistoryEntry repaired;  // `migration repair` writes no statements
  repaired.version = "20240102000000";
  supabase.entries = {pushed, repaired};

  model::History flyway;
  flyway.tool = model::HistoryTool::kFlyway;
  flyway.table = "public.flyway_schema_history";
  model::HistoryEntry applied;
  applied.version = "1";
  applied.name = "init";
  applied.checksum = "-1234567";
  applied.applied_at = "2024-01-01 10:00:00.123+00";
  model::HistoryEntry failed;
  failed.version = "2";
  failed.name = "add orders";
  failed.checksum = "987";
  failed.failed = true;
  failed.failure = "success = false";
  flyway.entries = {applied, failed};

  model::History golang;
  golang.tool = model::HistoryTool::kGolangMigrate;
  golang.table = "public.schema_migrations";
  model::HistoryEntry dirty;
  dirty.version = "20240101";
  dirty.failed = true;
  dirty.failure = "dirty";
  golang.entries = {dirty};

  model::History empty;
  empty.tool = model::HistoryTool::kPrisma;
  empty.table = "public._prisma_migrations";
  return {supabase, flyway, golang, empty};
}

void ExpectSameHistory(const model::History& actual, const model::History& expected) {
  EXPECT_EQ(actual.tool, expected.tool);
  EXPECT_EQ(actual.table, expected.table);
  EXPECT_EQ(actual.ignored_columns, expected.ignored_columns);
  ASSERT_EQ(actual.entries.size(), expected.entries.size());
  for (size_t i = 0; i < actual.entries.size(); ++i) {
    SCOPED_TRACE(StrCat("entry ", i));
    const model::HistoryEntry& a = actual.entries[i];
    const model::HistoryEntry& e = expected.entries[i];
    EXPECT_EQ(a.version, e.version);
    EXPECT_EQ(a.name, e.name);
    EXPECT_EQ(a.statements, e.statements);
    EXPECT_EQ(a.fingerprints, e.fingerprints);
    EXPECT_EQ(a.checksum, e.checksum);
    EXPECT_EQ(a.applied_at, e.applied_at);
    EXPECT_EQ(a.failed, e.failed);
    EXPECT_EQ(a.failure, e.failure);
  }
}

TEST(HistoryJson, RoundTripsEveryField) {
  for (const model::History& history : SampleHistories()) {
    SCOPED_TRACE(history.table);
    Json document = Json::object();
    document["format"] = kModelFormat;
    document["history"] = HistoryToJson(history);
    // Through text, as a committed snapshot is read.
    PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> read,
                                 HistoryFromModelJson(Json::parse(document.dump(2))));
    ASSERT_TRUE(read.has_value());
    ExpectSameHistory(*read, history);
    EXPECT_EQ(HistoryToJson(*read).dump(), HistoryToJson(history).dump());
  }
}

TEST(HistoryJson, LeavesOutWhatIsNotRecorded) {
  std::vector<model::History> histories = SampleHistories();
  EXPECT_EQ(HistoryToJson(histories[0])["entries"][1].dump(),
            R"({"version":"20240102000000","name":""})");
  EXPECT_EQ(HistoryToJson(histories[1]).dump(),
            R"({"tool":"flyway","table":"public.flyway_schema_history","entries":[)"
            R"({"version":"1","name":"init","checksum":"-1234567",)"
            R"("applied_at":"2024-01-01 10:00:00.123+00"},)"
            R"({"version":"2","name":"add orders","checksum":"987","failed":true,)"
            R"("failure":"success = false"}]})");
  EXPECT_EQ(HistoryToJson(histories[3]).dump(),
            R"({"tool":"prisma","table":"public._prisma_migrations","entries":[]})");
}

TEST(HistoryJson, ComputesFingerprintsFromStatements) {
  Json document = Json::parse(R"({"format": "pgdrift.model/v1", "history": {
      "tool": "supabase", "table": "supabase_migrations.schema_migrations",
      "entries": [{"version": "1", "name": "a", "statements": ["select 1", "select  2"],
                   "fingerprints": ["stale", "stale"]}]}})");
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::optional<model::History> read, HistoryFromModelJson(document));
  ASSERT_TRUE(read.has_value());
  ASSERT_EQ(read->entries.size(), 1u);
  EXPECT_EQ(read->entries[0].fingerprints,
            (std::vector<std::string>{parser::StatementFingerprint("select 1"),
                                      parser::StatementFingerprint("select 2")}));
  EXPECT_NE(read->entries[0].fingerprints[0], "stale");
}

TEST(HistoryJson, SnapshotWithoutHistoryHasNone) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      std::optional<model::History> read,
      HistoryFromModelJson(Json::parse(R"({"format": "pgdrift.model/v1", "tables": []})")));
  EXPECT_FALSE(read.has_value());
}

TEST(HistoryJson, RejectsMalformedHistory) {
  struct Case {
    const char* history;
    const char* error;
  };
  for (const Case& c : std::vector<Case>{
           {R"([])", "$.history is not an object"},
           {R"({"table": "t", "entries": []})", "$.history.tool is missing"},
           {R"({"tool": "liquibase", "table": "t", "entries": []})",
            R"($.history.tool "liquibase" is not a migration tool pgdrift knows)"},
           {R"({"tool": "supabase", "table": "t"})", "$.history.entries is missing"},
           {R"({"tool": "supabase", "table": "t", "entries": [{"name": "x"}]})",
            "$.history.entries[0].version is missing"},
           {R"({"tool": "supabase", "table": "t", "entries": [{"version": "1"},
               {"version": "2", "statements": "select 1"}]})",
            "$.history.entries[1].statements is not an array"},
           {R"({"tool": "supabase", "table": "t", "entries": [{"version": "1",
               "statements": ["select 1", 2]}]})",
            "$.history.entries[0].statements[1] is not a string"},
           {R"({"tool": "flyway", "table": "t", "entries": [{"version": "1", "failed": "yes"}]})",
            "$.history.entries[0].failed is not a boolean"},
       }) {
    SCOPED_TRACE(c.history);
    Json document = Json::object();
    document["format"] = kModelFormat;
    document["history"] = Json::parse(c.history);
    EXPECT_THAT(HistoryFromModelJson(document),
                StatusIs(absl::StatusCode::kInvalidArgument, c.error));
  }
}

TEST(HistoryToolFromName, ReadsEveryToolName) {
  for (model::HistoryTool tool :
       {model::HistoryTool::kSupabase, model::HistoryTool::kFlyway,
        model::HistoryTool::kGolangMigrate, model::HistoryTool::kDbmate,
        model::HistoryTool::kPrisma}) {
    EXPECT_EQ(HistoryToolFromName(model::HistoryToolName(tool)), tool);
  }
  EXPECT_EQ(HistoryToolFromName("Supabase"), std::nullopt);
}

// A snapshot file written with a history is loaded with it; the history goes last, after
// every object list, so a snapshot without one keeps its bytes.
TEST(LoadSourceSnapshot, RestoresTheHistory) {
  testing::ScratchDir scratch("snapshot-history");
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      LoadedSource chain,
      LoadSource(StrCat(PGDRIFT_SOURCE_DIR, "/testdata/chains/order_workflow_app"), {}));
  model::History history = SampleHistories()[0];
  ModelJsonOptions options;
  options.history = &history;
  Json document = ModelToJson(chain.catalog, options);
  EXPECT_EQ(std::prev(document.end()).key(), "history");
  EXPECT_EQ(ModelToJson(chain.catalog).dump(), [&] {
    Json without = document;
    without.erase("history");
    return without.dump();
  }());
  fs::path path = scratch.Write("prod.json", document.dump(2));

  PGDRIFT_ASSERT_OK_AND_ASSIGN(LoadedSource snapshot, LoadSource(path.string(), {}));
  ASSERT_TRUE(snapshot.history.has_value());
  ExpectSameHistory(*snapshot.history, history);

  fs::path plain = scratch.Write("plain.json", ModelToJson(chain.catalog).dump(2));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(LoadedSource without, LoadSource(plain.string(), {}));
  EXPECT_FALSE(without.history.has_value());

  fs::path broken = scratch.Write(
      "broken.json", R"({"format": "pgdrift.model/v1", "history": {"tool": "supabase"}})");
  EXPECT_THAT(LoadSource(broken.string(), {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       StrCat(broken.string(), ": $.history.table is missing")));
}

TEST(LoadSourceSnapshot, DumpHasNoHistory) {
  testing::ScratchDir scratch("dump-history");
  fs::path dump = scratch.Write("schema.sql",
                                "--\n-- PostgreSQL database dump\n--\n\n"
                                "CREATE TABLE public.t (id integer);\n");
  PGDRIFT_ASSERT_OK_AND_ASSIGN(LoadedSource source, LoadSource(dump.string(), {}));
  EXPECT_EQ(source.catalog.tables.size(), 1u);
  EXPECT_FALSE(source.history.has_value());
}

// The statuses of a drift document's history entries, as "version status".
std::vector<std::string> HistoryStatuses(const nlohmann::json& drift) {
  std::vector<std::string> lines;
  for (const nlohmann::json& version : drift["history"]) {
    lines.push_back(StrCat(version["version"].get<std::string>(), " ",
                           version["status"].get<std::string>()));
  }
  return lines;
}

std::string ReadWhole(const fs::path& path) { return testing::ReadFileOrEmpty(path); }

TEST(IntegrationSnapshotHistory, CheckAgainstASnapshotComparesTheHistoryWithoutAServer) {
  const std::string chain = "testdata/chains/order_workflow_app";
  testing::ScratchDir scratch("snapshot-check");
  fs::path snapshot = scratch.path() / "prod.json";
  {
    absl::StatusOr<std::string> built = testing::BuildChainDatabase(
        StrCat(PGDRIFT_SOURCE_DIR, "/", chain), parser::Profile::kSupabase, "snapshot");
    ASSERT_TRUE(built.ok()) << built.status();
    testing::ScopedDatabase database(*built);
    std::string url = ::pgdrift::testing::PostgresServer::Shared().ConnectionUri(database.name());
    testing::CliResult inspect =
        testing::RunCli({"inspect", url, "--profile", "supabase", "--format", "json"});
    ASSERT_EQ(inspect.exit_code, kExitOk) << inspect.err;
    scratch.Write("prod.json", inspect.out);
    // Without --profile, what Supabase manages is in the snapshot too; the check reads it
    // with the chain's profile, which leaves it out of scope again.
    testing::CliResult everything = testing::RunCli({"inspect", url, "--format", "json"});
    ASSERT_EQ(everything.exit_code, kExitOk) << everything.err;
    scratch.Write("prod-all.json", everything.out);
  }  // The database is dropped here: what follows reads only files.

  nlohmann::json written = nlohmann::json::parse(ReadWhole(snapshot));
  EXPECT_EQ(written["format"], "pgdrift.model/v1");
  ASSERT_TRUE(written.contains("history")) << written.dump(2).substr(0, 2000);
  EXPECT_EQ(written["history"]["tool"], "supabase");
  EXPECT_EQ(written["history"]["table"], "supabase_migrations.schema_migrations");
  ASSERT_EQ(written["history"]["entries"].size(), 5u);
  EXPECT_EQ(written["history"]["entries"][0]["version"], "20240108091500");
  EXPECT_EQ(written["history"]["entries"][0]["name"], "create_orders");
  EXPECT_FALSE(written["history"]["entries"][0]["statements"].empty());

  testing::CliResult same = testing::RunCli(
      {"check", "--local", chain, "--remote", snapshot.string(), "--format", "json"});
  EXPECT_EQ(same.exit_code, kExitOk) << same.err << same.out;
  nlohmann::json aligned = nlohmann::json::parse(same.out);
  EXPECT_EQ(aligned["drift"], false) << same.out;
  testing::CliResult same_all = testing::RunCli(
      {"check", "--local", chain, "--remote", (scratch.path() / "prod-all.json").string()});
  EXPECT_EQ(same_all.exit_code, kExitOk) << same_all.err << same_all.out;

  // One pending local migration: its version is local_only in the history, its table a
  // local_only object.
  fs::path local = scratch.path() / "project";
  fs::copy(fs::path(PGDRIFT_SOURCE_DIR) / chain, local, fs::copy_options::recursive);
  scratch.Write("project/supabase/migrations/20240301000000_add_refunds.sql",
                "create table public.refunds (id bigint primary key, note text);\n");
  testing::CliResult pending = testing::RunCli(
      {"check", "--local", local.string(), "--remote", snapshot.string(), "--format", "json"});
  ASSERT_EQ(pending.exit_code, kExitDrift) << pending.err << pending.out;
  nlohmann::json drift = nlohmann::json::parse(pending.out);
  EXPECT_THAT(HistoryStatuses(drift), ElementsAre("20240301000000 local_only"));
  EXPECT_EQ(drift["summary"]["history_local_only"], 1);
  ASSERT_EQ(drift["objects"].size(), 1u) << drift["objects"].dump(2);
  EXPECT_EQ(drift["objects"][0]["identity"], "table public.refunds");
  EXPECT_EQ(drift["objects"][0]["status"], "local_only");
}

}  // namespace
}  // namespace pgdrift::cli
