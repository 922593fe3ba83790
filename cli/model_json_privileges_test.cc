#include "cli/model_json_privileges.h"

#include "base/testing/status_matchers.h"
#include "cli/model_json.h"
#include "cli/model_json_reader.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::cli {
namespace {

TEST(ModelJsonPrivileges, SnapshotReadsBackToEqualAcls) {
  model::Catalog catalog;
  catalog.schemas["app"] = model::Schema{"app", "postgres"};
  catalog.schemas["app"].privileges = model::Acl{{"PUBLIC", {"U", ""}}, {"postgres", {"UC", ""}}};
  model::Table table;
  table.name = {"app", "t"};
  table.owner = "postgres";
  table.privileges = model::Acl{{"anon", {"arw", "r"}}};
  model::Column column;
  column.name = "note";
  column.type = model::TypeRef::Builtin("text");
  column.privileges = model::Acl{{"my \"role\"", {"w", ""}}};
  table.columns = {column};
  catalog.tables[table.name] = table;
  model::Sequence sequence;
  sequence.name = {"app", "s"};
  sequence.privileges = model::Acl{};
  catalog.sequences[sequence.name] = sequence;
  catalog.default_privileges[{"postgres", "app", 'r'}] = {{"anon", {"arwdDxt", ""}}};
  catalog.default_privileges[{"alice", "", 'f'}] = {{"alice", {"X", ""}}};

  nlohmann::ordered_json json = ModelToJson(catalog);
  ASSERT_TRUE(json.contains("default_privileges"));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(model::Catalog read, ModelFromJson(json));
  EXPECT_EQ(read.schemas.at("app").privileges, catalog.schemas.at("app").privileges);
  const model::Table& read_table = read.tables.at({"app", "t"});
  EXPECT_EQ(read_table.privileges, table.privileges);
  ASSERT_EQ(read_table.columns.size(), 1u);
  EXPECT_EQ(read_table.columns[0].privileges, column.privileges);
  EXPECT_EQ(read.sequences.at({"app", "s"}).privileges, model::Acl{});
  EXPECT_EQ(read.default_privileges, catalog.default_privileges);
}

TEST(ModelJsonPrivileges, AbsentMeansAclDefault) {
  nlohmann::ordered_json object = {{"name", "t"}};
  EXPECT_EQ(PrivilegesFromJson(object), std::nullopt);
  nlohmann::ordered_json bad = {{"default_privileges", {{{"role", "x"}}}}};
  model::Catalog catalog;
  EXPECT_THAT(DefaultPrivilegesFromJson(bad, &catalog),
              testing::StatusIs(absl::StatusCode::kInvalidArgument, "default_privileges[0]"));
}

}  // namespace
}  // namespace pgdrift::cli
