#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint/rules.h"
#include "lint/testing/lint_builders.h"

namespace pgdrift::lint {
namespace {

TEST(RulePolicyPerRowAuthCall, ReportsDirectSessionCallsInPolicies) {
  struct Case {
    std::string name;
    std::string using_expr;
    std::string check_expr;
    std::vector<std::string> expected;
  };
  const std::string object = "policy public.todos.own";
  std::vector<Case> cases = {
      {"direct auth.uid() in USING", "(auth.uid() = user_id)", "",
       {"4: " + object + ": " + object + " calls auth.uid() for every row in USING"}},
      {"wrapped in a sub-select", "(( SELECT auth.uid() AS uid) = user_id)",
       "(( SELECT auth.uid() AS uid) = user_id)", {}},
      {"both clauses, two functions", "((auth.jwt() ->> 'role'::text) = 'admin'::text)",
       "(current_setting('app.tenant'::text) = (tenant)::text)",
       {"4: " + object + ": " + object +
        " calls auth.jwt(), current_setting() for every row in USING and WITH CHECK"}},
      {"inside EXISTS", "(EXISTS ( SELECT 1 FROM public.m WHERE (m.user_id = auth.uid())))", "",
       {}},
      {"auth.role() only in WITH CHECK", "true", "(auth.role() = 'authenticated'::text)",
       {"4: " + object + ": " + object + " calls auth.role() for every row in WITH CHECK"}},
      {"other functions", "(owner = CURRENT_USER)", "(lower(name) = name)", {}},
      {"same-named function of another schema", "(app.uid() = user_id)", "", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::Catalog catalog = NewCatalog();
    model::Table& table = AddTable(catalog, "public", "todos");
    model::Policy policy{"own"};
    policy.using_expr = c.using_expr;
    policy.check_expr = c.check_expr;
    policy.lineage = model::Lineage::At(At(4));
    table.policies["own"] = policy;
    LintInput input{&catalog};
    EXPECT_EQ(Lines(CheckPolicyPerRowAuthCall(input)), c.expected);
  }
}

TEST(RulePolicyPerRowAuthCall, ChecksPoliciesOnManagedTablesToo) {
  model::Catalog catalog = NewCatalog();
  model::Table& objects = AddTable(catalog, "public", "objects");
  objects.managed = true;
  model::Policy policy{"read_own"};
  policy.using_expr = "(owner = auth.uid())";
  objects.policies["read_own"] = policy;
  LintInput input{&catalog};
  std::vector<Finding> findings = CheckPolicyPerRowAuthCall(input);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].object, "policy public.objects.read_own");
  EXPECT_EQ(findings[0].why,
            "wrap the call in a sub-select, (select auth.uid()), so PostgreSQL evaluates it once "
            "per statement");
}

}  // namespace
}  // namespace pgdrift::lint
