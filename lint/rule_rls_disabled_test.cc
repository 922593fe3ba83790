#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint/rules.h"
#include "lint/testing/lint_builders.h"

namespace pgdrift::lint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(RuleRlsDisabled, ReportsTablesOfExposedSchemasWithoutRls) {
  model::Catalog catalog = NewCatalog();
  AddTable(catalog, "public", "todos", 3);
  AddTable(catalog, "public", "secured", 5).rls_enabled = true;
  AddTable(catalog, "app", "jobs", 7);  // app is not exposed
  LintInput input{&catalog, parser::Profile::kSupabase};
  std::vector<Finding> findings = CheckRlsDisabled(input);
  EXPECT_THAT(Lines(findings),
              ElementsAre("3: table public.todos: row level security is not enabled on table "
                          "public.todos in exposed schema \"public\""));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].span.file, "migrations/0001.sql");
  EXPECT_THAT(findings[0].why, ::testing::HasSubstr("ENABLE ROW LEVEL SECURITY"));
}

TEST(RuleRlsDisabled, ExposedSchemasFollowProfileGrantsAndFlags) {
  struct Case {
    std::string name;
    parser::Profile profile;
    std::vector<std::string> flags;
    std::optional<model::Acl> app_acl;
    std::vector<std::string> tables;  // objects reported
  };
  model::Acl usage_to_authenticated = {{"authenticated", {"U", ""}}, {"postgres", {"UC", ""}}};
  model::Acl usage_to_other = {{"reporting", {"U", ""}}};
  model::Acl create_only = {{"anon", {"C", ""}}};
  std::vector<Case> cases = {
      {"postgres exposes nothing", parser::Profile::kPostgres, {}, std::nullopt, {}},
      {"postgres with a flag", parser::Profile::kPostgres, {"app"}, std::nullopt,
       {"table app.jobs"}},
      {"supabase exposes public", parser::Profile::kSupabase, {}, std::nullopt,
       {"table public.todos"}},
      {"supabase and USAGE to authenticated", parser::Profile::kSupabase, {},
       usage_to_authenticated, {"table app.jobs", "table public.todos"}},
      {"USAGE to another role", parser::Profile::kSupabase, {}, usage_to_other,
       {"table public.todos"}},
      {"CREATE is not USAGE", parser::Profile::kSupabase, {}, create_only, {"table public.todos"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::Catalog catalog = NewCatalog();
    catalog.schemas["app"].privileges = c.app_acl;
    AddTable(catalog, "public", "todos");
    AddTable(catalog, "app", "jobs");
    LintInput input{&catalog, c.profile, c.flags};
    std::vector<std::string> objects;
    for (const Finding& finding : CheckRlsDisabled(input)) objects.push_back(finding.object);
    EXPECT_EQ(objects, c.tables);
  }
}

TEST(RuleRlsDisabled, LeavesWhatTheProfileProvidesAlone) {
  model::Catalog catalog = NewCatalog();
  catalog.schemas["auth"] = model::Schema{"auth"};
  catalog.schemas["auth"].contents_managed = true;
  catalog.schemas["auth"].privileges = model::Acl{{"anon", {"U", ""}}};
  AddTable(catalog, "auth", "users");
  AddTable(catalog, "public", "platform_table").managed = true;
  LintInput input{&catalog, parser::Profile::kSupabase, {"auth"}};
  EXPECT_THAT(CheckRlsDisabled(input), IsEmpty());
}

}  // namespace
}  // namespace pgdrift::lint
