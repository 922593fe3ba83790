#include "planner/policy_ddl.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::planner {
namespace {

using ::testing::ElementsAre;

model::Policy MakePolicy(std::string name) {
  model::Policy policy;
  policy.name = std::move(name);
  return policy;
}

TEST(PolicyDdl, CreatesPoliciesAsPgDumpWritesThem) {
  const model::QualifiedName table{"public", "workspaces"};
  model::Policy plain = MakePolicy("p");
  plain.using_expr = "(owner = auth.uid())";
  model::Policy full = MakePolicy("Members insert");
  full.permissive = false;
  full.command = "UPDATE";
  full.roles = {"anon", "authenticated"};
  full.using_expr = "true";
  full.check_expr = "(name <> ''::text)";
  model::Policy check_only = MakePolicy("ins");
  check_only.command = "INSERT";
  check_only.roles = {"Admin"};
  check_only.check_expr = "(n > 0)";
  struct Case {
    model::Policy policy;
    std::string sql;
  };
  const std::vector<Case> cases = {
      {plain, "CREATE POLICY p ON public.workspaces USING ((owner = auth.uid()));"},
      {full,
       "CREATE POLICY \"Members insert\" ON public.workspaces AS RESTRICTIVE FOR UPDATE TO anon, "
       "authenticated USING (true) WITH CHECK ((name <> ''::text));"},
      {check_only,
       "CREATE POLICY ins ON public.workspaces FOR INSERT TO \"Admin\" WITH CHECK ((n > 0));"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    EXPECT_EQ(CreatePolicySql(table, c.policy), c.sql);
  }
}

TEST(PolicyDdl, AltersDropsAndComments) {
  const model::QualifiedName table{"storage", "objects"};
  model::Policy policy = MakePolicy("Avatar");
  policy.using_expr = "(bucket_id = 'avatars'::text)";
  EXPECT_EQ(AlterPolicySql(table, policy),
            "ALTER POLICY \"Avatar\" ON storage.objects TO PUBLIC USING ((bucket_id = "
            "'avatars'::text));");
  EXPECT_EQ(DropPolicySql(table, policy), "DROP POLICY \"Avatar\" ON storage.objects;");
  EXPECT_EQ(PolicyCommentSql(table, policy), "COMMENT ON POLICY \"Avatar\" ON storage.objects IS NULL;");
  policy.comment = "it's theirs";
  EXPECT_THAT(PolicySql(table, policy),
              ElementsAre("CREATE POLICY \"Avatar\" ON storage.objects USING ((bucket_id = "
                          "'avatars'::text));",
                          "COMMENT ON POLICY \"Avatar\" ON storage.objects IS 'it''s theirs';"));
}

}  // namespace
}  // namespace pgdrift::planner
