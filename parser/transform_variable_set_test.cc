#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformOutput;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::IsOk;

TEST(TransformVariableSet, SetsSearchPath) {
  struct Case {
    std::string sql;
    std::vector<std::string> schemas;
    bool reset;
  };
  const Case kCases[] = {
      {"SET search_path TO app, public", {"app", "public"}, false},
      {"SET search_path = \"$user\", public, extensions", {"$user", "public", "extensions"}, false},
      {"SET search_path TO 'App', \"Other\"", {"App", "Other"}, false},
      // One item is one schema name, commas included (GUC_LIST_QUOTE).
      {"SET search_path = 'a, b'", {"a, b"}, false},
      {"SET search_path = ''", {}, false},
      {"SET SESSION search_path TO public", {"public"}, false},
      {"SET LOCAL search_path TO app", {"app"}, false},
      {"SET Search_Path TO app", {"app"}, false},
      {"SET search_path TO DEFAULT", {}, true},
      {"SET LOCAL search_path TO DEFAULT", {}, true},
      {"RESET search_path", {}, true},
      {"RESET ALL", {}, true},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::SetSearchPath set =
        SingleMutation<model::SetSearchPath>(TransformSql(c.sql, BasicCatalog()));
    EXPECT_EQ(set.schemas, c.schemas);
    EXPECT_EQ(set.reset, c.reset);
  }
}

TEST(TransformVariableSet, IgnoresOtherSettingsSilently) {
  for (const std::string sql :
       {"SET statement_timeout = 0", "SET client_encoding = 'UTF8'",
        "SET check_function_bodies = false", "SET ROLE postgres", "SET SESSION AUTHORIZATION bob",
        "SET TIME ZONE 'UTC'", "RESET statement_timeout",
        "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", "SET no_such.setting = 1"}) {
    SCOPED_TRACE(sql);
    TransformOutput output = TransformSql(sql, BasicCatalog());
    EXPECT_THAT(output.status, IsOk());
    EXPECT_TRUE(output.mutations.empty());
    EXPECT_TRUE(output.diagnostics.empty());
  }
}

}  // namespace
}  // namespace pgdrift::parser
