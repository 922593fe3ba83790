#include "parser/normalize_query.h"

#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parser/normalize.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::MakeColumn;
using ::pgdrift::testing::StatusIs;
using model::TypeRef;

// The tables of the cases below, as in the database whose pg_get_viewdef output the
// cases quote (PostgreSQL 15, search_path '').
model::Catalog QueryCatalog() {
  model::Catalog catalog;
  catalog.schemas["public"].name = "public";
  catalog.schemas["auth"].name = "auth";
  model::UserType status;
  status.name = {"public", "status"};
  status.enum_values = {"a", "b"};
  catalog.types[status.name] = status;
  auto add = [&](const std::string& name, std::vector<model::Column> columns) {
    model::Table& table = catalog.tables[{"public", name}];
    table.name = {"public", name};
    table.columns = std::move(columns);
  };
  add("orgs", {MakeColumn("id", TypeRef::Builtin("uuid")), MakeColumn("name", TypeRef::Builtin("text")),
               MakeColumn("active", TypeRef::Builtin("boolean")), MakeColumn("st", TypeRef{"public", "status", false}),
               MakeColumn("n", TypeRef::Builtin("integer")), MakeColumn("price", TypeRef::Builtin("numeric")),
               MakeColumn("code", TypeRef::Builtin("character varying(10)"))});
  add("members", {MakeColumn("id", TypeRef::Builtin("integer")), MakeColumn("org_id", TypeRef::Builtin("uuid")),
                  MakeColumn("user_id", TypeRef::Builtin("uuid")), MakeColumn("role", TypeRef::Builtin("text"))});
  add("tags", {MakeColumn("id", TypeRef::Builtin("integer")), MakeColumn("label", TypeRef::Builtin("text")),
               MakeColumn("org_id", TypeRef::Builtin("uuid"))});
  return catalog;
}

struct QueryCase {
  std::string name;
  std::string migration;  // as written in CREATE VIEW
  std::vector<std::string> aliases;
  std::string catalog;    // pg_get_viewdef of the view PostgreSQL made from it
};

TEST(NormalizeQuery, MeetsViewdef) {
  const std::vector<QueryCase> cases = {
      {"star", "select * from orgs", {},
       "SELECT orgs.id, orgs.name, orgs.active, orgs.st, orgs.n, orgs.price, orgs.code FROM public.orgs;"},
      {"join aggregate enum boolean",
       "select o.id, o.name, count(*) from orgs o join members m on m.org_id = o.id where o.active and "
       "o.st = 'a' group by o.id, o.name having count(*) > 1 order by o.name limit 5",
       {},
       "SELECT o.id, o.name, count(*) AS count FROM (public.orgs o JOIN public.members m ON ((m.org_id = o.id))) "
       "WHERE (o.active AND (o.st = 'a'::public.status)) GROUP BY o.id, o.name HAVING (count(*) > 1) "
       "ORDER BY o.name LIMIT 5;"},
      {"output names", "select (select 1) s, 1, name::text as nm, code::text from orgs", {},
       "SELECT ( SELECT 1) AS s, 1 AS \"?column?\", orgs.name AS nm, (orgs.code)::text AS code "
       "FROM public.orgs;"},
      {"view column names and IN sub-select",
       "select id, name from orgs where id in (select org_id from members where user_id = org_id)", {"a", "b"},
       "SELECT orgs.id AS a, orgs.name AS b FROM public.orgs WHERE (orgs.id IN ( SELECT members.org_id "
       "FROM public.members WHERE (members.user_id = members.org_id)));"},
      {"cte distinct left join",
       "with c as (select org_id, count(*) as cnt from members group by org_id) select distinct o.name, c.cnt "
       "from orgs o left join c on c.org_id = o.id",
       {},
       "WITH c AS ( SELECT members.org_id, count(*) AS cnt FROM public.members GROUP BY members.org_id ) "
       "SELECT DISTINCT o.name, c.cnt FROM (public.orgs o LEFT JOIN c ON ((c.org_id = o.id)));"},
      {"union", "select name from orgs union select role from members", {},
       "SELECT orgs.name FROM public.orgs UNION SELECT members.role AS name FROM public.members;"},
      {"window case natural join",
       "select id, row_number() over (partition by org_id order by id) rn, case when role = 'x' then 1 else 2 "
       "end, role is null from members natural join tags",
       {},
       "SELECT members.id, row_number() OVER (PARTITION BY members.org_id ORDER BY members.id) AS rn, CASE "
       "WHEN (members.role = 'x'::text) THEN 1 ELSE 2 END AS \"case\", (members.role IS NULL) AS \"?column?\" "
       "FROM (public.members JOIN public.tags USING (id, org_id));"},
      {"exists numeric in list",
       "select m.*, o.name from members m join orgs o on o.id = m.org_id join tags using (org_id) where exists "
       "(select 1 from members m2 where m2.org_id = o.id) and o.price > 10 and o.n in (1,2)",
       {},
       "SELECT m.id, m.org_id, m.user_id, m.role, o.name FROM ((public.members m JOIN public.orgs o ON "
       "((o.id = m.org_id))) JOIN public.tags USING (org_id)) WHERE ((EXISTS ( SELECT 1 FROM public.members m2 "
       "WHERE (m2.org_id = o.id))) AND (o.price > (10)::numeric) AND (o.n = ANY (ARRAY[1, 2])));"},
      {"order by position, literals",
       "select t.*, coalesce(t.label, 'x') lbl, t.id::bigint big from tags t where t.label like 'a%' "
       "order by 1 desc nulls last",
       {},
       "SELECT t.id, t.label, t.org_id, COALESCE(t.label, 'x'::text) AS lbl, (t.id)::bigint AS big FROM "
       "public.tags t WHERE (t.label ~~ 'a%'::text) ORDER BY t.id DESC NULLS LAST;"},
      {"sub-select names unique across levels", "select orgs.id from orgs join (select id from orgs) orgs2 using (id)",
       {},
       "SELECT orgs.id FROM (public.orgs JOIN ( SELECT orgs_1.id FROM public.orgs orgs_1) orgs2 USING (id));"},
      {"using column from the left", "select id from members m join tags t using (id) where label = 'x'", {},
       "SELECT m.id FROM (public.members m JOIN public.tags t USING (id)) WHERE (t.label = 'x'::text);"},
      {"sub-select star", "select * from (select 1, name from orgs) x", {},
       "SELECT x.\"?column?\", x.name FROM ( SELECT 1 AS \"?column?\", orgs.name FROM public.orgs) x;"},
      {"exists without targets", "select id from orgs o where exists (select from orgs where orgs.id = o.id)", {},
       "SELECT o.id FROM public.orgs o WHERE (EXISTS ( SELECT FROM public.orgs WHERE (orgs.id = o.id)));"},
  };
  model::Catalog catalog = QueryCatalog();
  catalog.search_path = {"public"};
  model::Catalog empty_path = catalog;
  empty_path.search_path = {};
  for (const QueryCase& c : cases) {
    SCOPED_TRACE(c.name);
    absl::StatusOr<NormalizedQuery> local = NormalizeQueryText(c.migration, catalog, c.aliases);
    ASSERT_TRUE(local.ok()) << local.status();
    absl::StatusOr<NormalizedQuery> remote = NormalizeQueryText(c.catalog, empty_path, {});
    ASSERT_TRUE(remote.ok()) << remote.status();
    EXPECT_EQ(local->text, remote->text);
    EXPECT_EQ(local->column_names, remote->column_names);
  }
}

TEST(NormalizeQuery, PrintsCanonicalForm) {
  model::Catalog catalog = QueryCatalog();
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      NormalizedQuery query,
      NormalizeQueryText("select o.name, count(*) from orgs o join members m on m.org_id = o.id group by 1",
                         catalog, {"org", "n"}));
  EXPECT_EQ(query.text,
            "SELECT o.name AS org, count(*) AS n FROM public.orgs o JOIN public.members m ON m.org_id = o.id "
            "GROUP BY o.name");
  EXPECT_THAT(query.column_names, ::testing::ElementsAre("org", "n"));
  std::vector<std::string> deps;
  for (const model::ObjectId& id : query.depends_on) deps.push_back(id.ToString());
  EXPECT_THAT(deps, ::testing::ElementsAre("table public.orgs", "table public.members", "column public.members.org_id",
                                           "column public.orgs.id", "column public.orgs.name"));
}

TEST(NormalizeQuery, RejectsWhatItCannotResolve) {
  model::Catalog catalog = QueryCatalog();
  EXPECT_THAT(NormalizeQueryText("select * from missing", catalog, {}).status(),
              StatusIs(absl::StatusCode::kNotFound, "relation \"missing\" does not exist"));
  EXPECT_THAT(NormalizeQueryText("select nope from orgs", catalog, {}).status(),
              StatusIs(absl::StatusCode::kNotFound, "column \"nope\" does not exist"));
  EXPECT_THAT(NormalizeQueryText("select id from orgs, members", catalog, {}).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "column reference \"id\" is ambiguous"));
  EXPECT_THAT(NormalizeQueryText("select * from generate_series(1, 3)", catalog, {}).status(),
              StatusIs(absl::StatusCode::kUnimplemented, "function call"));
  EXPECT_THAT(NormalizeQueryText("with recursive r as (select 1) select * from r", catalog, {}).status(),
              StatusIs(absl::StatusCode::kUnimplemented, "WITH RECURSIVE"));
  EXPECT_THAT(NormalizeQueryText("select id, id from orgs", catalog, {}).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "column \"id\" specified more than once"));
}

// Policy expressions: pg_get_expr prints the policy table's columns bare at top level
// and qualified by the table's name inside a sub-query; another reference to the same
// table inside the sub-query is renamed orgs_1.
TEST(NormalizeQuery, ResolvesSubQueriesOfExpressions) {
  model::Catalog catalog = QueryCatalog();
  catalog.search_path = {"public"};
  model::Catalog empty_path = catalog;
  empty_path.search_path = {};
  ExpressionContext local{&catalog, {"", "orgs"}};
  ExpressionContext remote{&empty_path, {"public", "orgs"}};
  struct Case {
    std::string migration;
    std::string catalog;
  };
  const std::vector<Case> cases = {
      {"exists (select 1 from members m where m.org_id = orgs.id and m.user_id = (select user_id from tags))",
       "(EXISTS ( SELECT 1 FROM public.members m WHERE ((m.org_id = orgs.id) AND (m.user_id = ( SELECT "
       "tags.user_id FROM public.tags)))))"},
      {"id in (select org_id from members where role = 'x')",
       "(id IN ( SELECT members.org_id FROM public.members WHERE (members.role = 'x'::text)))"},
      {"exists (select 1 from orgs where orgs.id = id)",
       "(EXISTS ( SELECT 1 FROM public.orgs orgs_1 WHERE (orgs_1.id = orgs_1.id)))"},
  };
  catalog.tables[{"public", "tags"}].columns.push_back(MakeColumn("user_id", TypeRef::Builtin("uuid")));
  empty_path.tables[{"public", "tags"}].columns.push_back(MakeColumn("user_id", TypeRef::Builtin("uuid")));
  for (const Case& c : cases) {
    SCOPED_TRACE(c.migration);
    PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string a, NormalizeExpressionText(c.migration, local));
    PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string b, NormalizeExpressionText(c.catalog, remote));
    EXPECT_EQ(a, b);
  }
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string text,
                               NormalizeExpressionText("id in (select org_id from members)", local));
  EXPECT_EQ(text, "id IN (SELECT members.org_id FROM public.members)");
  // A table of a managed schema (auth.users) is read without its columns being modelled.
  catalog.schemas["auth"].contents_managed = true;
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      text, NormalizeExpressionText("exists (select 1 from auth.users u where u.id = orgs.id and email = 'x')", local));
  EXPECT_EQ(text, "EXISTS (SELECT 1 FROM auth.users u WHERE u.id = orgs.id AND u.email = 'x')");
  // An unqualified name inside the sub-query is the sub-query's own column first.
  PGDRIFT_ASSERT_OK_AND_ASSIGN(text, NormalizeExpressionText("exists (select 1 from members where id = 1)", local));
  EXPECT_EQ(text, "EXISTS (SELECT 1 FROM public.members WHERE members.id = 1)");
}

}  // namespace
}  // namespace pgdrift::parser
