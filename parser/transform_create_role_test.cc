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

TEST(TransformCreateRole, EmitsTheRoleName) {
  struct Case {
    std::string sql;
    std::string name;
  };
  const Case kCases[] = {
      {"CREATE ROLE app_reader NOLOGIN", "app_reader"},
      {"CREATE USER \"Reporting\" WITH PASSWORD 'x' LOGIN", "Reporting"},
      {"CREATE GROUP admins", "admins"},
      {"CREATE ROLE worker IN ROLE admins", "worker"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    EXPECT_EQ(SingleMutation<model::CreateRole>(TransformSql(c.sql, BasicCatalog())).name, c.name);
  }
}

TEST(TransformCreateRole, RejectsReservedNames) {
  EXPECT_THAT(TransformSql("CREATE ROLE pg_mine", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument, "role name \"pg_mine\" is reserved"));
}

}  // namespace
}  // namespace pgdrift::parser
