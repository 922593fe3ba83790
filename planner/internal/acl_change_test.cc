#include "planner/internal/acl_change.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::planner::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Sql(const std::vector<PlannedStatement>& statements) {
  std::vector<std::string> sql;
  for (const PlannedStatement& statement : statements) sql.push_back(statement.sql);
  return sql;
}

struct AclCase {
  std::string name;
  model::AclObjectKind kind;
  std::string target;
  std::optional<model::Acl> from;
  std::string from_owner;
  std::optional<model::Acl> to;
  std::string to_owner;
  bool compare_owners;
  std::vector<std::string> expected;
};

TEST(AclChangeSql, TurnsOneAclIntoAnother) {
  const std::vector<AclCase> cases = {
      {"both default",
       model::AclObjectKind::kTable,
       "TABLE public.t",
       std::nullopt,
       "postgres",
       std::nullopt,
       "postgres",
       false,
       {}},
      {"grant to a role from the default",
       model::AclObjectKind::kTable,
       "TABLE public.t",
       std::nullopt,
       "postgres",
       model::Acl{{"postgres", {"arwdDxt", ""}}, {"anon", {"r", ""}}},
       "postgres",
       false,
       {"GRANT SELECT ON TABLE public.t TO anon;"}},
      {"revoke back to the default",
       model::AclObjectKind::kTable,
       "TABLE public.t",
       model::Acl{{"postgres", {"arwdDxt", ""}}, {"anon", {"arw", ""}}},
       "postgres",
       std::nullopt,
       "postgres",
       false,
       {"REVOKE INSERT,SELECT,UPDATE ON TABLE public.t FROM anon;"}},
      {"all privileges and grant option",
       model::AclObjectKind::kTable,
       "TABLE public.t",
       model::Acl{{"postgres", {"arwdDxt", ""}}, {"app", {"r", "r"}}},
       "postgres",
       model::Acl{{"postgres", {"arwdDxt", ""}}, {"app", {"arwdDxt", ""}}},
       "postgres",
       false,
       {"REVOKE GRANT OPTION FOR SELECT ON TABLE public.t FROM app;",
        "GRANT INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER ON TABLE public.t TO app;"}},
      {"grant option added",
       model::AclObjectKind::kSequence,
       "SEQUENCE public.s",
       std::nullopt,
       "postgres",
       model::Acl{{"postgres", {"rwU", ""}}, {"app", {"rU", "U"}}},
       "postgres",
       false,
       {"GRANT SELECT ON SEQUENCE public.s TO app;",
        "GRANT USAGE ON SEQUENCE public.s TO app WITH GRANT OPTION;"}},
      {"function loses public execute",
       model::AclObjectKind::kFunction,
       "FUNCTION public.f(integer)",
       std::nullopt,
       "postgres",
       model::Acl{{"postgres", {"X", ""}}, {"authenticated", {"X", ""}}},
       "postgres",
       false,
       {"REVOKE ALL ON FUNCTION public.f(integer) FROM PUBLIC;",
        "GRANT ALL ON FUNCTION public.f(integer) TO authenticated;"}},
      {"type gains public usage back",
       model::AclObjectKind::kType,
       "TYPE public.mood",
       model::Acl{{"postgres", {"U", ""}}},
       "postgres",
       std::nullopt,
       "postgres",
       false,
       {"GRANT ALL ON TYPE public.mood TO PUBLIC;"}},
      {"schema usage to a quoted role",
       model::AclObjectKind::kSchema,
       "SCHEMA app",
       std::nullopt,
       "postgres",
       model::Acl{{"postgres", {"UC", ""}}, {"Reader", {"U", ""}}},
       "postgres",
       false,
       {"GRANT USAGE ON SCHEMA app TO \"Reader\";"}},
      {"owner entry ignored without compare_owners",
       model::AclObjectKind::kTable,
       "TABLE public.t",
       model::Acl{{"postgres", {"r", ""}}},
       "postgres",
       std::nullopt,
       "postgres",
       false,
       {}},
      {"owner entry converged with compare_owners",
       model::AclObjectKind::kTable,
       "TABLE public.t",
       model::Acl{{"postgres", {"r", ""}}},
       "postgres",
       std::nullopt,
       "postgres",
       true,
       {"GRANT INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER ON TABLE public.t TO postgres;"}},
      {"new owner takes the old owner's entry",
       model::AclObjectKind::kTable,
       "TABLE public.t",
       model::Acl{{"alice", {"arwdDxt", ""}}, {"bob", {"r", ""}}},
       "alice",
       model::Acl{{"bob", {"arwdDxt", ""}}},
       "bob",
       true,
       {}},
      {"target owner is a plain grantee without compare_owners",
       model::AclObjectKind::kTable,
       "TABLE public.t",
       model::Acl{{"alice", {"arwdDxt", ""}}, {"bob", {"r", ""}}},
       "alice",
       std::nullopt,
       "bob",
       false,
       {"REVOKE SELECT ON TABLE public.t FROM bob;"}},
  };
  for (const AclCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Sql(AclChangeSql(c.target, c.kind, c.from, c.from_owner, c.to, c.to_owner,
                               c.compare_owners)),
              c.expected);
  }
}

TEST(ColumnAclChangeSql, GrantsAndRevokesColumnPrivileges) {
  EXPECT_THAT(
      Sql(ColumnAclChangeSql("public.t", "Email", model::Acl{{"anon", {"r", ""}}},
                             model::Acl{{"app", {"arwx", ""}}})),
      ElementsAre("REVOKE SELECT (\"Email\") ON TABLE public.t FROM anon;",
                  "GRANT INSERT,SELECT,UPDATE,REFERENCES (\"Email\") ON TABLE public.t TO app;"));
  EXPECT_THAT(Sql(ColumnAclChangeSql("public.t", "id", std::nullopt, model::Acl{})), IsEmpty());
}

TEST(DefaultAclChangeSql, ChangesGlobalAndPerSchemaEntries) {
  // A global entry that disappears goes back to acldefault: PUBLIC regains EXECUTE.
  EXPECT_THAT(
      Sql(DefaultAclChangeSql({"postgres", "", 'f'}, model::Acl{{"postgres", {"X", ""}}},
                              std::nullopt)),
      ElementsAre("ALTER DEFAULT PRIVILEGES FOR ROLE postgres GRANT ALL ON FUNCTIONS TO PUBLIC;"));
  // A per-schema entry starts empty.
  EXPECT_THAT(Sql(DefaultAclChangeSql({"postgres", "public", 'r'}, std::nullopt,
                                      model::Acl{{"anon", {"arwdDxt", ""}}})),
              ElementsAre("ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL "
                          "ON TABLES TO anon;"));
  EXPECT_THAT(Sql(DefaultAclChangeSql({"postgres", "public", 'S'}, model::Acl{{"anon", {"rU", ""}}},
                                      model::Acl{{"anon", {"U", ""}}})),
              ElementsAre("ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public REVOKE "
                          "SELECT ON SEQUENCES FROM anon;"));
}

TEST(DefaultAclsChangeSql, SelectsEntriesOfOneSchema) {
  model::DefaultAcls from = {{{"postgres", "app", 'T'}, {{"anon", {"U", ""}}}},
                             {{"postgres", "", 'r'}, {{"postgres", {"arwdDxt", ""}}}}};
  model::DefaultAcls to = {{{"postgres", "app", 'r'}, {{"anon", {"r", ""}}}},
                           {{"postgres", "other", 'r'}, {{"anon", {"r", ""}}}}};
  // Keys in DefaultAclKey order: object type 'T' sorts before 'r'.
  EXPECT_THAT(
      Sql(DefaultAclsChangeSql(from, to, "app")),
      ElementsAre(
          "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA app REVOKE ALL ON TYPES FROM anon;",
          "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA app GRANT SELECT ON TABLES TO "
          "anon;"));
  EXPECT_THAT(Sql(DefaultAclsChangeSql(from, to, "")), IsEmpty());
}

}  // namespace
}  // namespace pgdrift::planner::internal
