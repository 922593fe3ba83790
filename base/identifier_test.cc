#include "base/identifier.h"

#include "gtest/gtest.h"

namespace pgdrift {
namespace {

TEST(QuoteIdent, MatchesPostgresRules) {
  struct Case {
    const char* name;
    const char* quoted;
  } cases[] = {
      {"orders", "orders"},       {"order", "\"order\""},       {"Orders", "\"Orders\""},
      {"user", "\"user\""},       {"name", "name"},             {"my table", "\"my table\""},
      {"a\"b", "\"a\"\"b\""},     {"1abc", "\"1abc\""},         {"_x1", "_x1"},
      {"café", "\"café\""},       {"integer", "\"integer\""},   {"text", "text"},
      {"", "\"\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(QuoteIdent(c.name), c.quoted);
  }
}

TEST(QuoteQualified, QuotesEachPart) {
  EXPECT_EQ(QuoteQualified("public", "orders"), "public.orders");
  EXPECT_EQ(QuoteQualified("Sales", "order"), "\"Sales\".\"order\"");
  EXPECT_EQ(QuoteQualified("", "t"), "t");
}

TEST(QuoteLiteral, DoublesQuotesAndMarksBackslashes) {
  EXPECT_EQ(QuoteLiteral("it's"), "'it''s'");
  EXPECT_EQ(QuoteLiteral("a\\b"), "E'a\\\\b'");
}

}  // namespace
}  // namespace pgdrift
