#include "introspect/result_set.h"

#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::introspect {
namespace {

using Elements = std::vector<std::optional<std::string>>;

TEST(ParseTextArray, ReadsArrayOutput) {
  struct Case {
    std::string input;
    std::optional<Elements> expected;
  };
  const Case cases[] = {
      {"{}", Elements{}},
      {"{a}", Elements{"a"}},
      {"{fillfactor=70,autovacuum_enabled=false}",
       Elements{"fillfactor=70", "autovacuum_enabled=false"}},
      {R"({"a b","c,d","e\"f","g\\h",""})", Elements{"a b", "c,d", "e\"f", "g\\h", ""}},
      {"{NULL,null,\"NULL\"}", Elements{std::nullopt, std::nullopt, "NULL"}},
      {"[0:1]={x,y}", Elements{"x", "y"}},
      {"", std::nullopt},
      {"{a", std::nullopt},
      {"{{1,2},{3,4}}", std::nullopt},
      {"{\"unterminated}", std::nullopt},
      {"{a,,b}", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(ParseTextArray(c.input), c.expected);
  }
}

TEST(ParseOptionList, SplitsAtTheFirstEquals) {
  EXPECT_EQ(ParseOptionList({"fillfactor=70", "n_distinct=-0.5", "odd=a=b", "bare"}),
            (std::map<std::string, std::string>{
                {"fillfactor", "70"}, {"n_distinct", "-0.5"}, {"odd", "a=b"}, {"bare", ""}}));
}

TEST(ResultSet, ReadsRowsByColumnName) {
  ResultSet result({"name", "flag", "count", "labels"},
                   {{"orders", "t", "42", "{new,\"in progress\"}"},
                    {std::nullopt, "f", std::nullopt, std::nullopt}});
  ASSERT_EQ(result.size(), 2u);
  ResultSet::Row first = result.row(0);
  EXPECT_EQ(first.Text("name"), "orders");
  EXPECT_TRUE(first.Bool("flag"));
  EXPECT_EQ(first.Int("count"), 42);
  EXPECT_EQ(first.TextArray("labels"), (std::vector<std::string>{"new", "in progress"}));
  ResultSet::Row second = result.row(1);
  EXPECT_TRUE(second.IsNull("name"));
  EXPECT_EQ(second.Text("name"), "");
  EXPECT_FALSE(second.Bool("flag"));
  EXPECT_EQ(second.Int("count", -1), -1);
  EXPECT_TRUE(second.TextArray("labels").empty());
  int rows = 0;
  for (ResultSet::Row row : result) {
    (void)row;
    ++rows;
  }
  EXPECT_EQ(rows, 2);
}

TEST(ResultSetDeathTest, AbortsOnAColumnTheQueryDoesNotReturn) {
  ResultSet result({"name"}, {{"x"}});
  EXPECT_DEATH(result.row(0).Text("missing"), "returns no column \"missing\"");
}

}  // namespace
}  // namespace pgdrift::introspect
