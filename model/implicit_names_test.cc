#include "model/implicit_names.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::model {
namespace {

using ::testing::ElementsAre;

std::string Repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out.append(piece);
  return out;
}

Catalog CatalogWithPublic() {
  Catalog catalog;
  catalog.schemas["public"] = Schema{"public"};
  return catalog;
}

TEST(ImplicitNames, MakesObjectNamesWithPostgresTruncation) {
  struct Case {
    std::string name1, name2, label, expected;
  };
  const std::vector<Case> cases = {
      {"orders", "", "pkey", "orders_pkey"},
      {"orders", "email", "key", "orders_email_key"},
      {"orders", "", "", "orders"},
      {"orders", "id", "", "orders_id"},
      // Only the longer name is shortened: 57 + "_b_key" = 63 bytes.
      {Repeat("a", 60), "b", "key", Repeat("a", 57) + "_b_key"},
      // Equal lengths shrink name2 first on a tie, ending even at 29/29 …
      {Repeat("x", 40), Repeat("y", 40), "key", Repeat("x", 29) + "_" + Repeat("y", 29) + "_key"},
      // … and 29/28 when one byte more goes to the label.
      {Repeat("x", 40), Repeat("y", 40), "key1", Repeat("x", 29) + "_" + Repeat("y", 28) + "_key1"},
      // A two-byte character is never cut: 59 available bytes keep 29 "é" (58 bytes).
      {Repeat("é", 40), "", "key", Repeat("é", 29) + "_key"},
      // Three-byte characters in name2: 56 bytes available become 54 (18 characters).
      {"tt", Repeat("日", 30), "idx", "tt_" + Repeat("日", 18) + "_idx"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expected);
    std::string name = MakeObjectName(c.name1, c.name2, c.label);
    EXPECT_EQ(name, c.expected);
    EXPECT_LE(name.size(), kMaxIdentifierBytes);
  }
}

TEST(ImplicitNames, ClipsAtCharacterBoundaries) {
  EXPECT_EQ(ClipLength("abc", 5), 3u);
  EXPECT_EQ(ClipLength("abc", 2), 2u);
  EXPECT_EQ(ClipLength("aé", 2), 1u);  // "é" is two bytes and would be cut
  EXPECT_EQ(ClipLength("aé", 3), 3u);
  EXPECT_EQ(ClipLength("日本", 4), 3u);
}

TEST(ImplicitNames, ChoosesRelationNameWithNumericSuffix) {
  Catalog catalog = CatalogWithPublic();
  EXPECT_EQ(ChooseRelationName(catalog, "public", "t", "a", "key"), "t_a_key");
  catalog.indexes[{"public", "t_a_key"}] = Index{{"public", "t_a_key"}};
  EXPECT_EQ(ChooseRelationName(catalog, "public", "t", "a", "key"), "t_a_key1");
  catalog.sequences[{"public", "t_a_key1"}] = Sequence{{"public", "t_a_key1"}};
  EXPECT_EQ(ChooseRelationName(catalog, "public", "t", "a", "key"), "t_a_key2");
  // Another schema's relations do not count.
  EXPECT_EQ(ChooseRelationName(catalog, "other", "t", "a", "key"), "t_a_key");
  // A composite type has a relation entry too.
  UserType composite;
  composite.name = {"public", "t_b_key"};
  composite.kind = UserTypeKind::kComposite;
  catalog.types[composite.name] = composite;
  EXPECT_EQ(ChooseRelationName(catalog, "public", "t", "b", "key"), "t_b_key1");
}

TEST(ImplicitNames, SuffixGoesOnTheLabelAfterTruncation) {
  Catalog catalog = CatalogWithPublic();
  std::string table = Repeat("a", 60);
  std::string first = ChooseRelationName(catalog, "public", table, "b", "key");
  EXPECT_EQ(first, Repeat("a", 57) + "_b_key");
  catalog.indexes[{"public", first}] = Index{{"public", first}};
  EXPECT_EQ(ChooseRelationName(catalog, "public", table, "b", "key"), Repeat("a", 56) + "_b_key1");
}

TEST(ImplicitNames, ConstraintNamesAvoidConstraintsOfTheWholeSchema) {
  Catalog catalog = CatalogWithPublic();
  Table other;
  other.name = {"public", "other"};
  other.constraints["t_check"] = Constraint{"t_check"};
  catalog.tables[other.name] = other;
  EXPECT_EQ(ChooseConstraintName(catalog, "public", "t", "", "check"), "t_check1");
  EXPECT_EQ(ChooseConstraintName(catalog, "public", "t", "", "check", {"t_check1"}), "t_check2");
  EXPECT_EQ(ChooseConstraintName(catalog, "s2", "t", "", "check"), "t_check");
  // Relation names do not matter to ChooseConstraintName …
  catalog.indexes[{"public", "t_a_fkey"}] = Index{{"public", "t_a_fkey"}};
  EXPECT_EQ(ChooseForeignKeyName(catalog, "public", "t", {"a"}), "t_a_fkey");
  // … but index names for constraints avoid constraint names too.
  other.constraints["t_pkey"] = Constraint{"t_pkey"};
  catalog.tables[other.name] = other;
  EXPECT_EQ(ChooseIndexName(catalog, "public", "t", {"id"}, IndexNameKind::kPrimaryKey), "t_pkey1");
  EXPECT_EQ(ChooseIndexName(catalog, "public", "t", {"id"}, IndexNameKind::kIndex), "t_id_idx");
}

TEST(ImplicitNames, ChoosesIndexColumnNames) {
  EXPECT_THAT(ChooseIndexColumnNames({"a", "b"}), ElementsAre("a", "b"));
  EXPECT_THAT(ChooseIndexColumnNames({"a", "a", "a"}), ElementsAre("a", "a1", "a2"));
  EXPECT_THAT(ChooseIndexColumnNames({"", "lower", ""}), ElementsAre("expr", "lower", "expr1"));
  EXPECT_THAT(ChooseIndexColumnNames({"a1", "a", "a"}), ElementsAre("a1", "a", "a2"));
  // A suffixed name stays within 63 bytes without cutting a character.
  std::string long_name = "x" + Repeat("é", 31);  // 63 bytes
  std::vector<std::string> names = ChooseIndexColumnNames({long_name, long_name});
  EXPECT_EQ(names[1], "x" + Repeat("é", 30) + "1");
}

TEST(ImplicitNames, JoinsNameAdditionsUpToNamedatalen) {
  EXPECT_EQ(ChooseNameAddition({"a", "b", "c"}), "a_b_c");
  std::string forty = Repeat("c", 40);
  // Joining stops once the text reaches 64 bytes: the third name is left out.
  EXPECT_EQ(ChooseNameAddition({forty, forty, "z"}), forty + "_" + forty);
}

TEST(ImplicitNames, ChoosesIndexNamesByKind) {
  Catalog catalog = CatalogWithPublic();
  struct Case {
    IndexNameKind kind;
    std::vector<std::string> columns;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {IndexNameKind::kPrimaryKey, {"id", "b"}, "orders_pkey"},
      {IndexNameKind::kConstraint, {"email"}, "orders_email_key"},
      {IndexNameKind::kExclusion, {"room", "during"}, "orders_room_during_excl"},
      {IndexNameKind::kIndex, {"lower"}, "orders_lower_idx"},
      {IndexNameKind::kIndex, {"a", "a1"}, "orders_a_a1_idx"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expected);
    EXPECT_EQ(ChooseIndexName(catalog, "public", "orders", c.columns, c.kind), c.expected);
  }
}

TEST(ImplicitNames, NamesChecksByTheirReferencedColumns) {
  Catalog catalog = CatalogWithPublic();
  EXPECT_EQ(ChooseCheckConstraintName(catalog, "public", "t", {"status"}), "t_status_check");
  EXPECT_EQ(ChooseCheckConstraintName(catalog, "public", "t", {"a", "a"}), "t_a_check");
  EXPECT_EQ(ChooseCheckConstraintName(catalog, "public", "t", {"a", "b"}), "t_check");
  EXPECT_EQ(ChooseCheckConstraintName(catalog, "public", "t", {}), "t_check");
  EXPECT_EQ(ChooseSequenceName(catalog, "public", "orders", "id"), "orders_id_seq");
  EXPECT_EQ(ChooseForeignKeyName(catalog, "public", "t", {"a", "b"}), "t_a_b_fkey");
}

}  // namespace
}  // namespace pgdrift::model
