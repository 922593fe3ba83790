#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "introspect/internal/readers.h"

namespace pgdrift::introspect::internal {
namespace {

using Elements = std::vector<std::optional<std::string>>;

TEST(TextArrayLiteral, RoundTripsThroughArrayInput) {
  std::set<std::string> values = {"auth", "my schema", "quo\"te", "back\\slash", "a,b"};
  std::string literal = TextArrayLiteral(values);
  EXPECT_EQ(literal, R"({"a,b","auth","back\\slash","my schema","quo\"te"})");
  std::optional<Elements> parsed = ParseTextArray(literal);
  ASSERT_TRUE(parsed.has_value());
  Elements expected(values.begin(), values.end());
  EXPECT_EQ(*parsed, expected);
  EXPECT_EQ(TextArrayLiteral({}), "{}");
}

TEST(TypeRefFromRow, ReadsThePrefixedColumns) {
  ResultSet result({"type_schema", "type_name", "type_array", "type_typmod"},
                   {{"", "character varying(20)", "t", ""}, {"extensions", "vector", "f", "(3)"}});
  EXPECT_EQ(TypeRefFromRow(result.row(0), "type"),
            model::TypeRef::Builtin("character varying(20)", true));
  model::TypeRef vector = TypeRefFromRow(result.row(1), "type");
  EXPECT_EQ(vector.ToString(), "extensions.vector(3)");
  EXPECT_TRUE(vector.is_user_defined());
}

}  // namespace
}  // namespace pgdrift::introspect::internal
