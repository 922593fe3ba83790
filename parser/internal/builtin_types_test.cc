#include "parser/internal/builtin_types.h"

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace pgdrift::parser::internal {
namespace {

TEST(BuiltinTypes, NaturalNumericTypeIsTheScannersType) {
  struct Case {
    std::string text;
    std::string type;
  };
  const std::vector<Case> cases = {
      {"0", "integer"},        {"-1", "integer"},     {"2147483647", "integer"},
      {"2147483648", "bigint"}, {"-2147483649", "bigint"}, {"9223372036854775808", "numeric"},
      {"1.5", "numeric"},      {"-0.5", "numeric"},   {".5", "numeric"},
      {"1e10", "numeric"},     {"1.", "numeric"},     {"abc", ""},
      {"", ""},                {"-", ""},             {"1e", ""},
      {"NaN", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(NaturalNumericType(c.text), c.type);
  }
}

TEST(BuiltinTypes, ImplicitCastsFollowTheNumericOperators) {
  EXPECT_EQ(ArithmeticType("integer", "bigint"), "bigint");
  EXPECT_EQ(ArithmeticType("integer", "numeric"), "numeric");
  EXPECT_EQ(ArithmeticType("real", "numeric"), "double precision");
  EXPECT_EQ(ArithmeticType("numeric", "numeric"), "numeric");
  EXPECT_EQ(ImplicitLiteralTarget("integer", "numeric"), "numeric");
  EXPECT_EQ(ImplicitLiteralTarget("numeric", "numeric"), std::nullopt);
  EXPECT_EQ(ImplicitLiteralTarget("integer", "real"), "double precision");
  EXPECT_EQ(ImplicitLiteralTarget("numeric", "integer"), std::nullopt);
  EXPECT_TRUE(Widens(model::TypeRef::Builtin("integer"), model::TypeRef::Builtin("numeric")));
  EXPECT_TRUE(Widens(model::TypeRef::Builtin("numeric"), model::TypeRef::Builtin("double precision")));
  EXPECT_FALSE(Widens(model::TypeRef::Builtin("real"), model::TypeRef::Builtin("double precision")));
  EXPECT_FALSE(Widens(model::TypeRef::Builtin("numeric"), model::TypeRef::Builtin("integer")));
}

// Expected values are what PostgreSQL 15 prints (IntervalStyle postgres).
TEST(BuiltinTypes, CanonicalLiteralPrintsIntervalsAsIntervalOut) {
  const model::TypeRef interval = model::TypeRef::Builtin("interval");
  struct Case {
    std::string text;
    std::optional<std::string> printed;
  };
  const std::vector<Case> cases = {
      {"1 day", "1 day"},
      {"24 hours", "24:00:00"},
      {"1 week", "7 days"},
      {"2 months", "2 mons"},
      {"1 year 2 months", "1 year 2 mons"},
      {"25 months", "2 years 1 mon"},
      {"90 minutes", "01:30:00"},
      {"1.5 hours", "01:30:00"},
      {"-1 day", "-1 days"},
      {"0", "00:00:00"},
      {"3600", "01:00:00"},
      {"1 day 02:00", "1 day 02:00:00"},
      {"5min", "00:05:00"},
      {"30 seconds", "00:00:30"},
      {"500 ms", "00:00:00.5"},
      {"-1 day 2 hours", "-1 days +02:00:00"},
      {"1 day -2 hours", "1 day -02:00:00"},
      {"-02:30", "-02:30:00"},
      {"1 mon -1 day", "1 mon -1 days"},
      {"P1D", std::nullopt},
      {"1 fortnight", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(CanonicalLiteral(interval, c.text), c.printed);
  }
}

TEST(BuiltinTypes, CanonicalLiteralPrintsTimesAsTimeOut) {
  const model::TypeRef time = model::TypeRef::Builtin("time without time zone");
  struct Case {
    std::string text;
    std::optional<std::string> printed;
  };
  const std::vector<Case> cases = {
      {"21:00", "21:00:00"},
      {"9:05", "09:05:00"},
      {"23:59:59.500", "23:59:59.5"},
      {"24:00", "24:00:00"},
      {"00:00:00.000001", "00:00:00.000001"},
      {"25:00", std::nullopt},
      {"noon", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(CanonicalLiteral(time, c.text), c.printed);
  }
  EXPECT_EQ(CanonicalLiteral(model::TypeRef::Builtin("text"), "21:00"), std::nullopt);
  EXPECT_EQ(CanonicalLiteral(model::TypeRef::Builtin("timestamp with time zone"), "2024-01-01"), std::nullopt);
  EXPECT_EQ(CanonicalLiteral(model::TypeRef::Builtin("time(0) without time zone"), "21:00"), std::nullopt);
}

TEST(BuiltinTypes, CanonicalLiteralPrintsDatesAndTimestampsInIsoStyle) {
  const model::TypeRef date = model::TypeRef::Builtin("date");
  const model::TypeRef timestamp = model::TypeRef::Builtin("timestamp without time zone");
  EXPECT_EQ(CanonicalLiteral(date, "2024-01-05"), "2024-01-05");
  EXPECT_EQ(CanonicalLiteral(date, "2024-1-5"), "2024-01-05");
  EXPECT_EQ(CanonicalLiteral(date, "2023-02-29"), std::nullopt);
  EXPECT_EQ(CanonicalLiteral(date, "2024-02-29"), "2024-02-29");
  EXPECT_EQ(CanonicalLiteral(date, "today"), std::nullopt);
  EXPECT_EQ(CanonicalLiteral(timestamp, "2024-01-01"), "2024-01-01 00:00:00");
  EXPECT_EQ(CanonicalLiteral(timestamp, "2024-01-01 9:30"), "2024-01-01 09:30:00");
  EXPECT_EQ(CanonicalLiteral(timestamp, "2024-01-01T09:30:15.250"), "2024-01-01 09:30:15.25");
  EXPECT_EQ(CanonicalLiteral(timestamp, "2024-01-01 09:30+02"), std::nullopt);
}

}  // namespace
}  // namespace pgdrift::parser::internal
