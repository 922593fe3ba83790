#include "introspect/internal/acl.h"

#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::introspect::internal {
namespace {

using ::testing::ElementsAreArray;

TEST(ParseAcl, NullStaysNull) { EXPECT_EQ(ParseAcl(std::nullopt), std::nullopt); }

TEST(ParseAcl, EmptyArrayIsEmptyAcl) {
  std::optional<model::Acl> acl = ParseAcl(std::string("{}"));
  ASSERT_TRUE(acl.has_value());
  EXPECT_TRUE(acl->empty());
}

TEST(ParseAcl, ParsesAclItems) {
  struct Case {
    std::string text;
    std::vector<std::string> expected;  // AclTexts of the result
  };
  const std::vector<Case> cases = {
      {"{postgres=arwdDxt/postgres,anon=r/postgres}", {"anon=r", "postgres=arwdDxt"}},
      {"{=X/postgres,postgres=X/postgres}", {"=X", "postgres=X"}},
      {"{=UC/postgres}", {"=UC"}},
      {"{anon=r*w/postgres}", {"anon=r*w"}},
      {"{anon=a*r*w*d*D*x*t*/postgres}", {"anon=a*r*w*d*D*x*t*"}},
      // array_out quoting around putid quoting.
      {R"({"\"my role\"=r*/postgres"})", {"my role=r*"}},
      {R"({"\"say \"\"hi\"\"\"=U/postgres"})", {"say \"hi\"=U"}},
      {R"({"\"a,b\"=r/\"x y\""})", {"a,b=r"}},
      // The unescaped form.
      {R"({postgres=arwdDxt/postgres,anon=r/postgres,=X/postgres,"my role"=r*/postgres})",
       {"=X", "anon=r", "my role=r*", "postgres=arwdDxt"}},
      {R"({"a ""b"", c"=w/postgres})", {"a \"b\", c=w"}},
      // Two grantors of one grantee merge.
      {"{anon=r/postgres,anon=w*/alice}", {"anon=rw*"}},
      // An aclitem that holds nothing (grant options revoked alone) is dropped.
      {"{anon=/postgres,bob=U/postgres}", {"bob=U"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::optional<model::Acl> acl = ParseAcl(c.text);
    ASSERT_TRUE(acl.has_value());
    EXPECT_THAT(model::AclTexts(*acl), ElementsAreArray(c.expected));
  }
}

TEST(ParseAcl, PublicIsStoredUnderPublicKey) {
  std::optional<model::Acl> acl = ParseAcl(std::string("{=U*/postgres}"));
  ASSERT_TRUE(acl.has_value());
  ASSERT_EQ(acl->count("PUBLIC"), 1u);
  EXPECT_EQ(acl->at("PUBLIC"), (model::AclEntry{"U", "U"}));
}

TEST(ParseAcl, ReadsRowColumn) {
  ResultSet set({"acl"}, {{std::string("{anon=r/postgres}")}, {std::nullopt}});
  EXPECT_EQ(ParseAcl(set.row(0), "acl"), (model::Acl{{"anon", {"r", ""}}}));
  EXPECT_EQ(ParseAcl(set.row(1), "acl"), std::nullopt);
}

}  // namespace
}  // namespace pgdrift::introspect::internal
