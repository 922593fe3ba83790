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

TEST(TransformAlterOwner, SetsOwnersOfSchemasTypesAndDomains) {
  model::Catalog catalog = BasicCatalog();
  catalog.current_user = "migrator";
  catalog.domains[{"public", "email"}].name = {"public", "email"};
  struct Case {
    std::string sql;
    model::ObjectKind kind;
    model::QualifiedName object;
    std::string role;
  };
  const Case kCases[] = {
      {"ALTER SCHEMA app OWNER TO alice", model::ObjectKind::kSchema, {"", "app"}, "alice"},
      {"ALTER SCHEMA app OWNER TO CURRENT_USER",
       model::ObjectKind::kSchema,
       {"", "app"},
       "migrator"},
      {"ALTER TYPE public.mood OWNER TO \"Admin\"",
       model::ObjectKind::kType,
       {"public", "mood"},
       "Admin"},
      {"ALTER TYPE email OWNER TO SESSION_USER",
       model::ObjectKind::kDomain,
       {"", "email"},
       "migrator"},
      {"ALTER DOMAIN app.code OWNER TO CURRENT_ROLE",
       model::ObjectKind::kDomain,
       {"app", "code"},
       "migrator"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::SetObjectOwner owner =
        SingleMutation<model::SetObjectOwner>(TransformSql(c.sql, catalog));
    EXPECT_EQ(owner.kind, c.kind);
    EXPECT_EQ(owner.object, c.object);
    EXPECT_EQ(owner.role, c.role);
  }
}

TEST(TransformAlterOwner, ReportsUnmodelledKindsAndPublic) {
  EXPECT_THAT(
      TransformSql("ALTER PUBLICATION p OWNER TO bob", BasicCatalog()).status,
      StatusIs(absl::StatusCode::kUnimplemented, "ALTER PUBLICATION … OWNER TO is not modelled"));
  EXPECT_THAT(TransformSql("ALTER SCHEMA s OWNER TO PUBLIC", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kNotFound, "role \"public\" does not exist"));
}

}  // namespace
}  // namespace pgdrift::parser
