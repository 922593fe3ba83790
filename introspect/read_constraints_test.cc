#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "introspect/internal/readers.h"

namespace pgdrift::introspect::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(CompleteIndexBackedConstraints, CopiesWhatTheBackingIndexHolds) {
  model::Catalog catalog;
  model::Table& table = catalog.tables[{"public", "bookings"}];
  table.name = {"public", "bookings"};
  model::Constraint& unique = table.constraints["bookings_code_key"];
  unique.name = "bookings_code_key";
  unique.type = model::ConstraintType::kUnique;
  unique.columns = {"code"};
  model::Constraint& exclusion = table.constraints["bookings_room_excl"];
  exclusion.name = "bookings_room_excl";
  exclusion.type = model::ConstraintType::kExclusion;
  exclusion.exclusion_elements = {{{}, "="}, {{}, "&&"}};
  model::Constraint& check = table.constraints["bookings_check"];
  check.type = model::ConstraintType::kCheck;

  model::Index& unique_index = catalog.indexes[{"public", "bookings_code_key"}];
  unique_index.table = table.name;
  unique_index.constraint_name = "bookings_code_key";
  unique_index.keys = {{.column = "code"}};
  unique_index.include = {"id"};
  unique_index.nulls_not_distinct = true;
  unique_index.options = {{"fillfactor", "90"}};
  unique_index.tablespace = "fast";

  model::Index& exclusion_index = catalog.indexes[{"public", "bookings_room_excl"}];
  exclusion_index.table = table.name;
  exclusion_index.constraint_name = "bookings_room_excl";
  exclusion_index.method = "gist";
  exclusion_index.keys = {{.column = "room"}, {.expression = "tstzrange(starts, ends)"}};
  exclusion_index.predicate = "room > 0";

  // An index without a constraint changes nothing.
  catalog.indexes[{"public", "bookings_plain"}].table = table.name;

  CompleteIndexBackedConstraints(&catalog);
  EXPECT_THAT(unique.include, ElementsAre("id"));
  EXPECT_TRUE(unique.nulls_not_distinct);
  EXPECT_THAT(unique.index_options,
              ElementsAre(Pair("fillfactor", "90"), Pair("tablespace", "fast")));
  EXPECT_TRUE(unique.exclusion_elements.empty());

  EXPECT_EQ(exclusion.exclusion_method, "gist");
  EXPECT_EQ(exclusion.exclusion_predicate, "room > 0");
  ASSERT_EQ(exclusion.exclusion_elements.size(), 2u);
  EXPECT_EQ(exclusion.exclusion_elements[0].element.column, "room");
  EXPECT_EQ(exclusion.exclusion_elements[0].op, "=");
  EXPECT_EQ(exclusion.exclusion_elements[1].element.expression, "tstzrange(starts, ends)");
  EXPECT_EQ(exclusion.exclusion_elements[1].op, "&&");
  EXPECT_TRUE(check.include.empty());
}

}  // namespace
}  // namespace pgdrift::introspect::internal
