#include "model/privileges.h"

#include "gtest/gtest.h"

namespace pgdrift::model {
namespace {

TEST(PrivilegesTest, DefaultAclFollowsAcldefault) {
  EXPECT_EQ(AclTexts(DefaultAcl(AclObjectKind::kTable, "postgres")),
            (std::vector<std::string>{"postgres=arwdDxt"}));
  EXPECT_EQ(AclTexts(DefaultAcl(AclObjectKind::kFunction, "postgres")),
            (std::vector<std::string>{"=X", "postgres=X"}));
  EXPECT_EQ(AclTexts(DefaultAcl(AclObjectKind::kType, "app")),
            (std::vector<std::string>{"=U", "app=U"}));
  EXPECT_TRUE(DefaultAcl(AclObjectKind::kColumn, "postgres").empty());
}

TEST(PrivilegesTest, TextsMarkGrantableLettersInPrintOrder) {
  Acl acl = {{"anon", {"wra", "r"}}, {"PUBLIC", {"U", ""}}, {"nobody", {"", ""}}};
  EXPECT_EQ(AclTexts(acl), (std::vector<std::string>{"=U", "anon=ar*w"}));
}

TEST(PrivilegesTest, OrderedPrivilegesDropsDuplicates) {
  EXPECT_EQ(OrderedPrivileges("tDdwra"), "arwdDt");
  EXPECT_EQ(OrderedPrivileges("XX"), "X");
}

}  // namespace
}  // namespace pgdrift::model
