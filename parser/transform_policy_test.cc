#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/mutation.h"
#include "parser/normalize.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::MakeColumn;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// public.workspaces (id, owner, name, status varchar(20), n), public.memberships
// (workspace_id, user_id), the functions auth.uid() and auth.jwt(), the roles anon and
// authenticated, current user postgres.
model::Catalog TestCatalog() {
  model::Catalog catalog = BasicCatalog();
  catalog.schemas["auth"] = model::Schema{"auth"};
  model::Table& workspaces = catalog.tables[{"public", "workspaces"}];
  workspaces.name = {"public", "workspaces"};
  workspaces.columns = {MakeColumn("id", "uuid"), MakeColumn("owner", "uuid"),
                        MakeColumn("name", "text"),
                        MakeColumn("status", "character varying(20)"),
                        MakeColumn("n", "integer")};
  model::Table& memberships = catalog.tables[{"public", "memberships"}];
  memberships.name = {"public", "memberships"};
  memberships.columns = {MakeColumn("workspace_id", "uuid"), MakeColumn("user_id", "uuid")};
  for (auto [name, result] : {std::pair{"uid", "uuid"}, std::pair{"jwt", "jsonb"}}) {
    model::Routine routine;
    routine.name = {"auth", name};
    routine.result = result;
    catalog.routines[routine.key()] = routine;
  }
  catalog.roles = {"postgres", "anon", "authenticated"};
  return catalog;
}

// What the canonicalizer makes of `catalog_text` (pg_get_expr output) for workspaces.
std::string CatalogForm(const model::Catalog& catalog, const std::string& catalog_text) {
  ExpressionContext context;
  context.catalog = &catalog;
  context.table = {"public", "workspaces"};
  absl::StatusOr<std::string> text = NormalizeExpressionText(catalog_text, context);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : "";
}

TEST(TransformCreatePolicy, TransformsClauses) {
  const model::Catalog catalog = TestCatalog();
  struct Case {
    std::string sql;
    bool permissive;
    std::string command;
    std::vector<std::string> roles;
  };
  const std::vector<Case> cases = {
      {"CREATE POLICY p ON workspaces USING (true)", true, "ALL", {"public"}},
      {"CREATE POLICY p ON workspaces AS RESTRICTIVE FOR SELECT TO authenticated, anon USING (true)",
       false, "SELECT", {"anon", "authenticated"}},
      {"CREATE POLICY p ON workspaces AS PERMISSIVE FOR insert TO CURRENT_USER WITH CHECK (true)",
       true, "INSERT", {"postgres"}},
      {"CREATE POLICY p ON workspaces FOR UPDATE TO anon, anon USING (true)", true, "UPDATE",
       {"anon"}},
      {"CREATE POLICY p ON public.workspaces FOR DELETE TO PUBLIC USING (true)", true, "DELETE",
       {"public"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    model::CreatePolicy m = SingleMutation<model::CreatePolicy>(TransformSql(c.sql, catalog));
    EXPECT_EQ(m.policy.name, "p");
    EXPECT_EQ(m.policy.permissive, c.permissive);
    EXPECT_EQ(m.policy.command, c.command);
    EXPECT_EQ(m.policy.roles, c.roles);
  }
}

TEST(TransformCreatePolicy, PublicWithOtherRolesKeepsPublicAndWarns) {
  testing::TransformOutput output = TransformSql(
      "CREATE POLICY p ON workspaces TO PUBLIC, authenticated USING (true)", TestCatalog());
  model::CreatePolicy m = SingleMutation<model::CreatePolicy>(output);
  EXPECT_THAT(m.policy.roles, ElementsAre("public"));
  ASSERT_EQ(output.diagnostics.size(), 1u);
  EXPECT_THAT(output.diagnostics[0].message,
              ::testing::HasSubstr("ignoring specified roles other than PUBLIC"));
}

TEST(TransformCreatePolicy, RejectsClausesTheCommandDoesNotTake) {
  const model::Catalog catalog = TestCatalog();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"CREATE POLICY p ON workspaces FOR INSERT USING (true)",
       "only WITH CHECK expression allowed for INSERT"},
      {"CREATE POLICY p ON workspaces FOR SELECT WITH CHECK (true)",
       "WITH CHECK cannot be applied to SELECT or DELETE"},
      {"CREATE POLICY p ON workspaces FOR DELETE WITH CHECK (true)",
       "WITH CHECK cannot be applied to SELECT or DELETE"},
  };
  for (const auto& [sql, message] : cases) {
    SCOPED_TRACE(sql);
    EXPECT_THAT(TransformSql(sql, catalog).status,
                StatusIs(absl::StatusCode::kInvalidArgument, message));
  }
}

// USING / WITH CHECK meet what pg_get_expr(polqual, polrelid) prints (PostgreSQL 15,
// search_path empty) for the same policy.
TEST(TransformCreatePolicy, ExpressionsMeetCatalogText) {
  const model::Catalog catalog = TestCatalog();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"owner = auth.uid()", "(owner = auth.uid())"},
      {"name <> ''", "(name <> ''::text)"},
      {"(auth.jwt() ->> 'role') = 'admin'", "((auth.jwt() ->> 'role'::text) = 'admin'::text)"},
      {"status in ('a','b') and n > 0",
       "(((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])) "
       "AND (n > 0))"},
      {"workspaces.n > 0", "(n > 0)"},
  };
  for (const auto& [written, catalog_text] : cases) {
    SCOPED_TRACE(written);
    model::CreatePolicy m = SingleMutation<model::CreatePolicy>(
        TransformSql("CREATE POLICY p ON workspaces USING (" + written + ")", catalog));
    EXPECT_EQ(m.policy.using_expr, CatalogForm(catalog, catalog_text));
    EXPECT_FALSE(m.policy.using_expr.empty());
    EXPECT_THAT(m.policy.check_expr, IsEmpty());
  }
}

TEST(TransformCreatePolicy, CollectsRelationsAndRoutinesRead) {
  model::CreatePolicy m = SingleMutation<model::CreatePolicy>(TransformSql(
      "CREATE POLICY p ON workspaces FOR INSERT WITH CHECK (EXISTS (SELECT 1 FROM memberships m "
      "WHERE m.workspace_id = id AND m.user_id = (select auth.uid())) AND lower(name) <> '')",
      TestCatalog()));
  EXPECT_THAT(m.policy.depends_on,
              ElementsAre(model::ObjectId{model::ObjectKind::kTable, "public", "memberships", "", ""},
                          model::ObjectId{model::ObjectKind::kFunction, "auth", "uid", "", ""}));
}

TEST(TransformAlterPolicy, TransformsChangedClausesOnly) {
  model::Catalog catalog = TestCatalog();
  model::Policy existing;
  existing.name = "p";
  existing.check_expr = "(owner = auth.uid())";
  catalog.tables.at({"public", "workspaces"}).policies["p"] = existing;

  model::AlterPolicy roles_only = SingleMutation<model::AlterPolicy>(
      TransformSql("ALTER POLICY p ON workspaces TO authenticated", catalog));
  EXPECT_EQ(roles_only.name, "p");
  EXPECT_EQ(roles_only.roles, (std::vector<std::string>{"authenticated"}));
  EXPECT_FALSE(roles_only.using_expr.has_value());
  EXPECT_FALSE(roles_only.check_expr.has_value());
  EXPECT_FALSE(roles_only.depends_on.has_value());

  model::AlterPolicy using_only = SingleMutation<model::AlterPolicy>(
      TransformSql("ALTER POLICY p ON workspaces USING ((auth.jwt() ->> 'role') = 'x')", catalog));
  EXPECT_FALSE(using_only.roles.has_value());
  ASSERT_TRUE(using_only.using_expr.has_value());
  EXPECT_EQ(*using_only.using_expr,
            CatalogForm(catalog, "((auth.jwt() ->> 'role'::text) = 'x'::text)"));
  // The WITH CHECK left alone still reads auth.uid().
  ASSERT_TRUE(using_only.depends_on.has_value());
  EXPECT_THAT(*using_only.depends_on,
              ElementsAre(model::ObjectId{model::ObjectKind::kFunction, "auth", "jwt", "", ""},
                          model::ObjectId{model::ObjectKind::kFunction, "auth", "uid", "", ""}));
}

TEST(TransformPolicyForms, DropRenameAndComment) {
  const model::Catalog catalog = TestCatalog();
  model::DropRelationChild drop = SingleMutation<model::DropRelationChild>(
      TransformSql("DROP POLICY IF EXISTS p ON public.workspaces CASCADE", catalog));
  EXPECT_EQ(drop.kind, model::ObjectKind::kPolicy);
  EXPECT_EQ(drop.relation, (model::QualifiedName{"public", "workspaces"}));
  EXPECT_EQ(drop.name, "p");
  EXPECT_TRUE(drop.if_exists);
  EXPECT_TRUE(drop.cascade);

  model::Rename rename = SingleMutation<model::Rename>(
      TransformSql("ALTER POLICY p ON workspaces RENAME TO q", catalog));
  EXPECT_EQ(rename.kind, model::ObjectKind::kPolicy);
  EXPECT_EQ(rename.object, (model::QualifiedName{"", "workspaces"}));
  EXPECT_EQ(rename.sub_name, "p");
  EXPECT_EQ(rename.new_name, "q");

  model::Comment comment = SingleMutation<model::Comment>(
      TransformSql("COMMENT ON POLICY p ON public.workspaces IS 'own rows'", catalog));
  EXPECT_EQ(comment.kind, model::ObjectKind::kPolicy);
  EXPECT_EQ(comment.object, (model::QualifiedName{"public", "workspaces"}));
  EXPECT_EQ(comment.sub_name, "p");
  EXPECT_EQ(comment.text, std::optional<std::string>("own rows"));
}

}  // namespace
}  // namespace pgdrift::parser
