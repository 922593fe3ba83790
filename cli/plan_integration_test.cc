// `pgdrift plan` against a live database carrying Supabase history rows: a remote-only
// version with recorded statements, one without, a migration edited after it was applied,
// and a pending local migration.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "cli/exit_code.h"
#include "cli/testing/golden.h"
#include "cli/testing/test_databases.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteText(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// The step of `plan` with `action` and `version`, or null.
const nlohmann::json* FindStep(const nlohmann::json& plan, std::string_view action, std::string_view version) {
  for (const nlohmann::json& step : plan["steps"]) {
    if (step["action"] == action && step.value("version", "") == version) return &step;
  }
  return nullptr;
}

TEST(IntegrationPlan, PlansRemoteOnlyModifiedAndPendingVersions) {
  ::pgdrift::testing::PostgresServer& server = ::pgdrift::testing::PostgresServer::Shared();
  absl::StatusOr<std::string> created = server.CreateDatabase("plan_history");
  ASSERT_TRUE(created.ok()) << created.status();
  testing::ScopedDatabase database(*created);
  ASSERT_TRUE(server
                  .RunSql(database.name(),
                          "create table public.a (id int);\n"
                          "create table public.b (id int);\n"
                          "create table public.c (id int);\n"
                          "create table public.d (id int);\n"
                          "create schema supabase_migrations;\n"
                          "create table supabase_migrations.schema_migrations (version text not null "
                          "primary key, statements text[], name text);\n"
                          "insert into supabase_migrations.schema_migrations values\n"
                          " ('20240101000000', array['create table public.a (id int)'], 'init'),\n"
                          " ('20240102000000', array['create table public.b (id int)'], 'add_b'),\n"
                          " ('20240103000000', null, null),\n"
                          " ('20240104000000', array['create table public.d (id int)'], 'add_d');\n")
                  .ok());

  fs::path root = fs::path(PGDRIFT_BINARY_DIR) / "plan_integration";
  fs::remove_all(root);
  fs::path chain = root / "supabase" / "migrations";
  WriteText(chain / "20240101000000_init.sql", "create table public.a (id int);\n");
  WriteText(chain / "20240104000000_add_d.sql", "create table public.d (id int, note text);\n");
  WriteText(chain / "20240105000000_add_e.sql", "create table public.e (id int);\n");
  fs::path out = root / "plan";

  testing::CliResult result = testing::RunCli({"plan", "--local", (root / "supabase").string(), "--remote",
                                               server.ConnectionUri(database.name()), "--out", out.string()});
  ASSERT_EQ(result.exit_code, kExitOk) << result.err;
  nlohmann::json plan = nlohmann::json::parse(ReadText(out / "plan.json"));
  EXPECT_EQ(plan["format"], "pgdrift.plan/v1");
  EXPECT_EQ(plan["history"]["table"], "supabase_migrations.schema_migrations");

  const nlohmann::json* recovered = FindStep(plan, "add_file", "20240102000000");
  ASSERT_NE(recovered, nullptr) << plan.dump(2);
  EXPECT_EQ((*recovered)["why"], "recovered");
  EXPECT_THAT(ReadText(out / (*recovered)["file"].get<std::string>()), HasSubstr("create table public.b (id int);"));

  const nlohmann::json* placeholder = FindStep(plan, "add_file", "20240103000000");
  ASSERT_NE(placeholder, nullptr) << plan.dump(2);
  EXPECT_EQ((*placeholder)["why"], "placeholder");
  EXPECT_EQ((*placeholder)["file"], "migrations/20240103000000_remote_migration.sql");
  EXPECT_THAT(ReadText(out / "migrations/20240103000000_remote_migration.sql"), HasSubstr("table public.c"));

  const nlohmann::json* repair = FindStep(plan, "repair", "");
  ASSERT_NE(repair, nullptr) << plan.dump(2);
  bool modified_recorded = false;
  for (const nlohmann::json& version : (*repair)["versions"]) {
    if (version["version"] == "20240104000000" && version["status"] == "applied") modified_recorded = true;
  }
  EXPECT_TRUE(modified_recorded) << repair->dump(2);

  const nlohmann::json* push = FindStep(plan, "push", "20240105000000");
  ASSERT_NE(push, nullptr) << plan.dump(2);
  EXPECT_EQ(ReadText(out / (*push)["file"].get<std::string>()), "create table public.e (id int);\n");

  std::string markdown = ReadText(out / "PLAN.md");
  EXPECT_THAT(markdown, HasSubstr("supabase migration repair --status applied 20240102000000"));
  EXPECT_THAT(ReadText(out / "repair.sql"), HasSubstr("'20240104000000'"));
  EXPECT_THAT(ReadText(out / "verify.sql"), HasSubstr("WHERE version = '20240105000000'"));

  // Carried out by hand (as apply would), every verify query holds.
  ASSERT_TRUE(server.RunSql(database.name(), ReadText(out / "repair.sql")).ok());
  for (const char* action : {"push", "migrate"}) {
    for (const nlohmann::json& step : plan["steps"]) {
      if (step["action"] != action) continue;
      std::string version = step["version"];
      absl::Status ran = server.RunSql(
          database.name(), ReadText(out / step["file"].get<std::string>()) +
                               "\ninsert into supabase_migrations.schema_migrations (version, name) values ('" +
                               version + "', '" + step["name"].get<std::string>() + "');\n");
      ASSERT_TRUE(ran.ok()) << ran;
    }
  }
  int checked = 0;
  std::istringstream verify(ReadText(out / "verify.sql"));
  for (std::string line; std::getline(verify, line);) {
    if (!line.starts_with("SELECT")) continue;
    absl::StatusOr<std::string> ok = server.Query(database.name(), line);
    ASSERT_TRUE(ok.ok()) << ok.status() << "\n" << line;
    EXPECT_EQ(std::string(ok->substr(0, 1)), "t") << line;
    ++checked;
  }
  EXPECT_EQ(checked, 6);
}

}  // namespace
}  // namespace pgdrift::cli
