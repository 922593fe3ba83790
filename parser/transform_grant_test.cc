#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
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
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// "letters(columns)" for each privilege spec, for compact expectations.
std::vector<std::string> Specs(const model::GrantPrivileges& grant) {
  std::vector<std::string> specs;
  for (const model::PrivilegeSpec& spec : grant.privileges) {
    std::string text = spec.letters;
    if (!spec.columns.empty()) {
      text += "(";
      for (size_t i = 0; i < spec.columns.size(); ++i) {
        if (i > 0) text += ",";
        text += spec.columns[i];
      }
      text += ")";
    }
    specs.push_back(text);
  }
  return specs;
}

TEST(TransformGrant, ReadsPrivilegesTargetsAndGrantees) {
  model::Catalog catalog = BasicCatalog();
  catalog.current_user = "alice";
  struct Case {
    std::string sql;
    bool grant;
    model::AclObjectKind target;
    std::vector<std::string> specs;
    std::vector<std::string> grantees;
    bool grant_option;
    bool all_privileges;
  };
  const std::vector<Case> cases = {
      {"GRANT SELECT, INSERT ON TABLE app.orders TO anon, authenticated",
       true,
       model::AclObjectKind::kTable,
       {"r", "a"},
       {"anon", "authenticated"},
       false,
       false},
      {"GRANT ALL ON orders TO PUBLIC",
       true,
       model::AclObjectKind::kTable,
       {"arwdDxt"},
       {"PUBLIC"},
       false,
       true},
      {"GRANT ALL PRIVILEGES ON SEQUENCE s TO CURRENT_USER WITH GRANT OPTION",
       true,
       model::AclObjectKind::kSequence,
       {"rwU"},
       {"alice"},
       true,
       true},
      {"GRANT SELECT (a, b), UPDATE (c) ON t TO anon",
       true,
       model::AclObjectKind::kTable,
       {"r(a,b)", "w(c)"},
       {"anon"},
       false,
       false},
      {"GRANT ALL (a) ON t TO anon",
       true,
       model::AclObjectKind::kTable,
       {"arwx(a)"},
       {"anon"},
       false,
       false},
      {"REVOKE GRANT OPTION FOR USAGE ON SCHEMA app FROM bob CASCADE",
       false,
       model::AclObjectKind::kSchema,
       {"U"},
       {"bob"},
       true,
       false},
      {"GRANT USAGE, CREATE ON SCHEMA app TO bob",
       true,
       model::AclObjectKind::kSchema,
       {"U", "C"},
       {"bob"},
       false,
       false},
      {"REVOKE ALL ON TYPE mood FROM PUBLIC",
       false,
       model::AclObjectKind::kType,
       {"U"},
       {"PUBLIC"},
       false,
       true},
      {"GRANT USAGE ON DOMAIN email TO anon",
       true,
       model::AclObjectKind::kType,
       {"U"},
       {"anon"},
       false,
       false},
      {"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO anon",
       true,
       model::AclObjectKind::kFunction,
       {"X"},
       {"anon"},
       false,
       false},
      {"GRANT TRUNCATE, REFERENCES, TRIGGER, DELETE, UPDATE ON t TO anon",
       true,
       model::AclObjectKind::kTable,
       {"D", "x", "t", "d", "w"},
       {"anon"},
       false,
       false},
      {"GRANT USAGE ON TABLE s TO anon",
       true,
       model::AclObjectKind::kTable,
       {"U"},
       {"anon"},
       false,
       false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    TransformOutput output = TransformSql(c.sql, catalog);
    ASSERT_THAT(output.status, IsOk());
    auto grant = SingleMutation<model::GrantPrivileges>(output);
    EXPECT_EQ(grant.grant, c.grant);
    EXPECT_EQ(grant.target, c.target);
    EXPECT_EQ(Specs(grant), c.specs);
    EXPECT_EQ(grant.grantees, c.grantees);
    EXPECT_EQ(grant.grant_option, c.grant_option);
    EXPECT_EQ(grant.all_privileges, c.all_privileges);
  }
}

TEST(TransformGrant, ReadsObjects) {
  model::Catalog catalog = BasicCatalog();
  {
    auto grant = SingleMutation<model::GrantPrivileges>(
        TransformSql("GRANT SELECT ON app.orders, t TO anon", catalog));
    EXPECT_THAT(grant.objects,
                ElementsAre(model::QualifiedName{"app", "orders"}, model::QualifiedName{"", "t"}));
  }
  {
    auto grant = SingleMutation<model::GrantPrivileges>(
        TransformSql("GRANT USAGE ON SCHEMA app, \"My Schema\" TO anon", catalog));
    EXPECT_THAT(grant.objects, ElementsAre(model::QualifiedName{"", "app"},
                                           model::QualifiedName{"", "My Schema"}));
  }
  {
    auto grant = SingleMutation<model::GrantPrivileges>(
        TransformSql("GRANT USAGE ON TYPE app.mood TO anon", catalog));
    EXPECT_THAT(grant.objects, ElementsAre(model::QualifiedName{"app", "mood"}));
  }
  {
    auto grant = SingleMutation<model::GrantPrivileges>(
        TransformSql("GRANT SELECT ON ALL TABLES IN SCHEMA public, app TO anon", catalog));
    EXPECT_THAT(grant.all_in_schemas, ElementsAre("public", "app"));
    EXPECT_TRUE(grant.objects.empty());
  }
  {
    auto grant = SingleMutation<model::GrantPrivileges>(
        TransformSql("GRANT EXECUTE ON FUNCTION app.f(integer, text), g TO anon", catalog));
    ASSERT_EQ(grant.routines.size(), 2u);
    EXPECT_EQ(grant.routines[0].name, (model::QualifiedName{"app", "f"}));
    EXPECT_EQ(grant.routines[0].args, "integer, text");
    EXPECT_EQ(grant.routines[1].name, (model::QualifiedName{"", "g"}));
    EXPECT_EQ(grant.routines[1].args, std::nullopt);
    EXPECT_EQ(grant.routine_kind, model::ObjectKind::kFunction);
    EXPECT_FALSE(grant.any_routine_kind);
  }
  {
    auto grant = SingleMutation<model::GrantPrivileges>(
        TransformSql("REVOKE EXECUTE ON PROCEDURE p() FROM PUBLIC", catalog));
    ASSERT_EQ(grant.routines.size(), 1u);
    EXPECT_EQ(grant.routines[0].args, "");
    EXPECT_EQ(grant.routine_kind, model::ObjectKind::kProcedure);
  }
  {
    auto grant = SingleMutation<model::GrantPrivileges>(
        TransformSql("GRANT ALL ON ALL ROUTINES IN SCHEMA app TO anon", catalog));
    EXPECT_TRUE(grant.any_routine_kind);
    EXPECT_THAT(grant.all_in_schemas, ElementsAre("app"));
  }
}

TEST(TransformGrant, RejectsInvalidPrivileges) {
  model::Catalog catalog = BasicCatalog();
  struct Case {
    std::string sql;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"GRANT EXECUTE ON t TO anon", "invalid privilege type EXECUTE for relation"},
      {"GRANT INSERT ON SEQUENCE s TO anon", "invalid privilege type INSERT for sequence"},
      {"GRANT SELECT ON FUNCTION f() TO anon", "invalid privilege type SELECT for function"},
      {"GRANT SELECT ON PROCEDURE p() TO anon", "invalid privilege type SELECT for procedure"},
      {"GRANT SELECT ON SCHEMA app TO anon", "invalid privilege type SELECT for schema"},
      {"GRANT SELECT ON DOMAIN d TO anon", "invalid privilege type SELECT for domain"},
      {"GRANT DELETE (a) ON t TO anon", "invalid privilege type DELETE for column"},
      {"GRANT USAGE (a) ON SCHEMA app TO anon", "column privileges are only valid for relations"},
      {"GRANT SELECT ON t TO public_role, CURRENT_USER, SESSION_USER, PUBLIC", ""},
      {"ALTER DEFAULT PRIVILEGES GRANT USAGE ON TABLES TO anon",
       "invalid privilege type USAGE for relation"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    TransformOutput output = TransformSql(c.sql, catalog);
    if (c.message.empty()) {
      EXPECT_THAT(output.status, IsOk());
    } else {
      EXPECT_THAT(output.status, StatusIs(absl::StatusCode::kInvalidArgument, c.message));
    }
  }
}

TEST(TransformGrant, ReportsUnmodelledTargets) {
  model::Catalog catalog = BasicCatalog();
  TransformOutput output = TransformSql("GRANT CONNECT ON DATABASE postgres TO anon", catalog);
  EXPECT_THAT(output.status,
              StatusIs(absl::StatusCode::kUnimplemented, "GRANT ON DATABASE is not modelled"));
}

TEST(TransformAlterDefaultPrivileges, ReadsRolesSchemasAndAction) {
  model::Catalog catalog = BasicCatalog();
  catalog.current_user = "alice";
  struct Case {
    std::string sql;
    std::vector<std::string> roles;
    std::vector<std::string> schemas;
    char object_type;
    bool grant;
    std::string letters;
    std::vector<std::string> grantees;
    bool grant_option;
  };
  const std::vector<Case> cases = {
      {"ALTER DEFAULT PRIVILEGES FOR ROLE postgres, supabase_admin IN SCHEMA public "
       "GRANT ALL ON TABLES TO anon, authenticated, service_role",
       {"postgres", "supabase_admin"},
       {"public"},
       'r',
       true,
       "arwdDxt",
       {"anon", "authenticated", "service_role"},
       false},
      {"ALTER DEFAULT PRIVILEGES GRANT SELECT, UPDATE ON SEQUENCES TO anon WITH GRANT OPTION",
       {},
       {},
       'S',
       true,
       "rw",
       {"anon"},
       true},
      {"ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
       {},
       {},
       'f',
       false,
       "X",
       {"PUBLIC"},
       false},
      {"ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT ALL ON ROUTINES TO anon",
       {},
       {"app"},
       'f',
       true,
       "X",
       {"anon"},
       false},
      {"ALTER DEFAULT PRIVILEGES FOR USER CURRENT_USER GRANT USAGE ON TYPES TO anon",
       {"alice"},
       {},
       'T',
       true,
       "U",
       {"anon"},
       false},
      {"ALTER DEFAULT PRIVILEGES REVOKE GRANT OPTION FOR CREATE ON SCHEMAS FROM bob",
       {},
       {},
       'n',
       false,
       "C",
       {"bob"},
       true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    TransformOutput output = TransformSql(c.sql, catalog);
    ASSERT_THAT(output.status, IsOk());
    auto alter = SingleMutation<model::AlterDefaultPrivileges>(output);
    EXPECT_EQ(alter.roles, c.roles);
    EXPECT_EQ(alter.schemas, c.schemas);
    EXPECT_EQ(alter.object_type, c.object_type);
    EXPECT_EQ(alter.grant, c.grant);
    EXPECT_EQ(alter.letters, c.letters);
    EXPECT_EQ(alter.grantees, c.grantees);
    EXPECT_EQ(alter.grant_option, c.grant_option);
  }
}

}  // namespace
}  // namespace pgdrift::parser
