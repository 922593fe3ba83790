#include <string>

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::StatusIs;

TEST(TransformCreateExtension, ReadsEveryOption) {
  struct Case {
    std::string sql;
    std::string name;
    std::string schema;
    std::string version;
    bool if_not_exists;
    bool cascade;
  };
  const Case kCases[] = {
      {"CREATE EXTENSION citext", "citext", "", "", false, false},
      {"CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA extensions", "uuid-ossp",
       "extensions", "", true, false},
      {"CREATE EXTENSION vector SCHEMA extensions VERSION '0.7.0' CASCADE", "vector", "extensions",
       "0.7.0", false, true},
      {"CREATE EXTENSION postgis WITH VERSION \"3.4.2\"", "postgis", "", "3.4.2", false, false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::CreateExtension create =
        SingleMutation<model::CreateExtension>(TransformSql(c.sql, BasicCatalog()));
    EXPECT_EQ(create.name, c.name);
    EXPECT_EQ(create.schema, c.schema);
    EXPECT_EQ(create.version, c.version);
    EXPECT_EQ(create.if_not_exists, c.if_not_exists);
    EXPECT_EQ(create.cascade, c.cascade);
  }
}

TEST(TransformCreateExtension, RejectsFromAndRepeatedOptions) {
  EXPECT_THAT(TransformSql("CREATE EXTENSION hstore FROM unpackaged", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "CREATE EXTENSION ... FROM is no longer supported"));
  EXPECT_THAT(TransformSql("CREATE EXTENSION hstore SCHEMA a SCHEMA b", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument, "conflicting or redundant options"));
}

}  // namespace
}  // namespace pgdrift::parser
