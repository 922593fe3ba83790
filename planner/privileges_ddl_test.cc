#include "planner/privileges_ddl.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::planner {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(PrivilegesDdl, NamesPrivileges) {
  EXPECT_EQ(PrivilegeListSql("arwdDxt", model::AclObjectKind::kTable), "ALL");
  EXPECT_EQ(PrivilegeListSql("ra", model::AclObjectKind::kTable), "INSERT,SELECT");
  EXPECT_EQ(PrivilegeListSql("UC", model::AclObjectKind::kSchema), "ALL");
  EXPECT_EQ(PrivilegeListSql("U", model::AclObjectKind::kSchema), "USAGE");
  EXPECT_EQ(PrivilegeListSql("rU", model::AclObjectKind::kSequence), "SELECT,USAGE");
}

TEST(PrivilegesDdl, GrantsAndRevokesFromAclDefault) {
  struct Case {
    std::string target;
    std::optional<model::Acl> acl;
    model::AclObjectKind kind;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"TABLE public.t", std::nullopt, model::AclObjectKind::kTable, {}},
      {"TABLE public.t",
       model::Acl{{"postgres", {"arwdDxt", ""}}},
       model::AclObjectKind::kTable,
       {}},
      {"TABLE public.t",
       model::Acl{{"postgres", {"arwdDxt", ""}}, {"anon", {"r", ""}}, {"bob", {"rw", "w"}}},
       model::AclObjectKind::kTable,
       {"GRANT SELECT ON TABLE public.t TO anon;", "GRANT SELECT ON TABLE public.t TO bob;",
        "GRANT UPDATE ON TABLE public.t TO bob WITH GRANT OPTION;"}},
      {"TABLE public.t",
       model::Acl{{"postgres", {"rw", ""}}},
       model::AclObjectKind::kTable,
       {"REVOKE INSERT,DELETE,TRUNCATE,REFERENCES,TRIGGER ON TABLE public.t FROM postgres;"}},
      {"FUNCTION public.f(integer)",
       model::Acl{{"postgres", {"X", ""}}, {"service_role", {"X", ""}}},
       model::AclObjectKind::kFunction,
       {"REVOKE ALL ON FUNCTION public.f(integer) FROM PUBLIC;",
        "GRANT ALL ON FUNCTION public.f(integer) TO service_role;"}},
      {"SCHEMA \"My App\"",
       model::Acl{{"postgres", {"UC", ""}}, {"Team Lead", {"U", "U"}}},
       model::AclObjectKind::kSchema,
       {"GRANT USAGE ON SCHEMA \"My App\" TO \"Team Lead\" WITH GRANT OPTION;"}},
      {"TYPE public.mood",
       model::Acl{},
       model::AclObjectKind::kType,
       {"REVOKE ALL ON TYPE public.mood FROM PUBLIC;",
        "REVOKE ALL ON TYPE public.mood FROM postgres;"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.target);
    EXPECT_EQ(AclSql(c.target, c.acl, c.kind, "postgres"), c.expected);
  }
}

TEST(PrivilegesDdl, ColumnGrants) {
  EXPECT_THAT(ColumnAclSql("public.t", "note", std::nullopt), IsEmpty());
  EXPECT_THAT(ColumnAclSql("public.t", "Note", model::Acl{{"anon", {"rw", "r"}}}),
              ElementsAre("GRANT UPDATE(\"Note\") ON TABLE public.t TO anon;",
                          "GRANT SELECT(\"Note\") ON TABLE public.t TO anon WITH GRANT OPTION;"));
}

TEST(PrivilegesDdl, DefaultPrivileges) {
  model::DefaultAcls acls;
  acls[{"postgres", "public", 'r'}] = {{"anon", {"arwdDxt", ""}}};
  acls[{"postgres", "", 'f'}] = {{"postgres", {"X", ""}}};
  acls[{"alice", "", 'n'}] = {{"alice", {"UC", ""}}, {"bob", {"U", ""}}};
  EXPECT_THAT(
      DefaultPrivilegesSql(acls),
      ElementsAre("ALTER DEFAULT PRIVILEGES FOR ROLE alice GRANT USAGE ON SCHEMAS TO bob;",
                  "ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON FUNCTIONS FROM PUBLIC;",
                  "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON "
                  "TABLES TO anon;"));
}

}  // namespace
}  // namespace pgdrift::planner
