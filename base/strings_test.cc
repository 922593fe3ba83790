#include "base/strings.h"

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace pgdrift {
namespace {

TEST(StrCat, MixesPieces) {
  std::string_view view = "b";
  EXPECT_EQ(StrCat("a", view, 'c', 42, std::string("d"), -1L), "abc42d-1");
}

TEST(StrCat, AcceptsStatusMessages) {
  absl::Status status = absl::NotFoundError("relation \"t\" does not exist");
  EXPECT_EQ(StrCat("error: ", status.message()), "error: relation \"t\" does not exist");
}

TEST(StrJoin, JoinsPlainAndFormatted) {
  std::vector<std::string> parts = {"x", "y", "z"};
  EXPECT_EQ(StrJoin(parts, ", "), "x, y, z");
  EXPECT_EQ(StrJoin(parts, "|", [](const std::string& p) { return p + p; }), "xx|yy|zz");
  EXPECT_EQ(StrJoin(std::vector<std::string>{}, ","), "");
}

TEST(StrSplit, KeepsEmptyPieces) {
  EXPECT_EQ(StrSplit("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(StrSplit("", ','), (std::vector<std::string>{""}));
}

TEST(Trim, StripsBothEnds) { EXPECT_EQ(Trim(" \t x y \n"), "x y"); }

TEST(AsciiLower, LeavesNonAsciiAlone) { EXPECT_EQ(AsciiLower("AbC-É"), "abc-É"); }

TEST(ReplaceAll, ReplacesEveryOccurrence) { EXPECT_EQ(ReplaceAll("a.b.c", ".", "::"), "a::b::c"); }

}  // namespace
}  // namespace pgdrift
