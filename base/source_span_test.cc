#include "base/source_span.h"

#include "gtest/gtest.h"

namespace pgdrift {
namespace {

TEST(SourceSpan, PrintsFileLineColumn) {
  SourceSpan span{"supabase/migrations/1_init.sql", 12, 5};
  EXPECT_EQ(span.ToString(), "supabase/migrations/1_init.sql:12:5");
  EXPECT_EQ((SourceSpan{"x.sql"}).ToString(), "x.sql");
  EXPECT_EQ(SourceSpan{}.ToString(), "");
}

TEST(LineAndColumn, CountsCodePointsNotBytes) {
  // "é" is two bytes; the column after it is 2, not 3.
  std::string text = "create table t();\n  é x";
  int line = 0, column = 0;
  LineAndColumn(text, static_cast<int>(text.find('x')), &line, &column);
  EXPECT_EQ(line, 2);
  EXPECT_EQ(column, 5);
  LineAndColumn(text, 0, &line, &column);
  EXPECT_EQ(line, 1);
  EXPECT_EQ(column, 1);
}

TEST(ByteOffsetOfCharIndex, SkipsContinuationBytes) {
  std::string text = "ééx";
  EXPECT_EQ(ByteOffsetOfCharIndex(text, 0), 0);
  EXPECT_EQ(ByteOffsetOfCharIndex(text, 1), 2);
  EXPECT_EQ(ByteOffsetOfCharIndex(text, 2), 4);
  EXPECT_EQ(ByteOffsetOfCharIndex(text, 9), 5);
}

}  // namespace
}  // namespace pgdrift
