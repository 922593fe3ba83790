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
using ::pgdrift::testing::StatusIs;

TEST(TransformSelect, SetConfigOfSearchPathSetsIt) {
  struct Case {
    std::string sql;
    std::vector<std::string> schemas;
    bool reset;
  };
  const Case kCases[] = {
      {"SELECT pg_catalog.set_config('search_path', '', false)", {}, false},
      {"SELECT set_config('search_path', 'app, public', false)", {"app", "public"}, false},
      {"SELECT set_config('search_path', '\"$user\", Public, \"My Schema\"', true)",
       {"$user", "public", "My Schema"},
       false},
      {"SELECT set_config('SEARCH_PATH', 'app', false)", {"app"}, false},
      {"SELECT set_config('search_path', NULL, false)", {}, true},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::SetSearchPath set =
        SingleMutation<model::SetSearchPath>(TransformSql(c.sql, BasicCatalog()));
    EXPECT_EQ(set.schemas, c.schemas);
    EXPECT_EQ(set.reset, c.reset);
  }
}

TEST(TransformSelect, SetConfigOfOtherSettingsDoesNothing) {
  TransformOutput output =
      TransformSql("SELECT pg_catalog.set_config('statement_timeout', '0', false)", BasicCatalog());
  EXPECT_THAT(output.status, IsOk());
  EXPECT_TRUE(output.mutations.empty());
}

TEST(TransformSelect, RejectsInvalidSearchPathLists) {
  EXPECT_THAT(
      TransformSql("SELECT set_config('search_path', 'a,,b', false)", BasicCatalog()).status,
      StatusIs(absl::StatusCode::kInvalidArgument,
               "invalid value for parameter \"search_path\": \"a,,b\""));
}

TEST(TransformSelect, OtherSelectsAreNotModelled) {
  for (const std::string sql :
       {"SELECT 1", "SELECT set_config('search_path', current_setting('x'), false)",
        "SELECT set_config('search_path', '', false) FROM pg_class", "SELECT count(*) FROM orders",
        "SELECT lower('A')"}) {
    SCOPED_TRACE(sql);
    TransformOutput output = TransformSql(sql, BasicCatalog());
    EXPECT_THAT(output.status,
                StatusIs(absl::StatusCode::kUnimplemented, "SELECT is not modelled"));
    EXPECT_TRUE(output.mutations.empty());
  }
}

}  // namespace
}  // namespace pgdrift::parser
