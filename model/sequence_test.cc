#include "model/sequence.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace pgdrift::model {
namespace {

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();

SequenceOptions WithType(std::string type) {
  SequenceOptions options;
  options.data_type = TypeRef::Builtin(std::move(type));
  return options;
}

TEST(Sequence, FillsInDefaultsOnCreate) {
  struct Case {
    std::string name;
    SequenceOptions options;
    std::string type;
    int64_t min, max, start, increment;
  };
  SequenceOptions descending;
  descending.increment = -1;
  SequenceOptions descending_int = WithType("integer");
  descending_int.increment = -5;
  SequenceOptions with_min = WithType("smallint");
  with_min.min_value = std::optional<int64_t>(10);
  SequenceOptions with_max_descending;
  with_max_descending.increment = -2;
  with_max_descending.max_value = std::optional<int64_t>(100);
  const std::vector<Case> cases = {
      {"bigint default", {}, "bigint", 1, kInt64Max, 1, 1},
      {"smallint", WithType("smallint"), "smallint", 1, 32767, 1, 1},
      {"integer", WithType("integer"), "integer", 1, 2147483647, 1, 1},
      {"descending bigint", descending, "bigint", kInt64Min, -1, -1, -1},
      {"descending integer", descending_int, "integer", -2147483648LL, -1, -1, -5},
      {"start follows minvalue", with_min, "smallint", 10, 32767, 10, 1},
      {"descending start follows maxvalue", with_max_descending, "bigint", kInt64Min, 100, 100, -2},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Sequence sequence;
    ASSERT_EQ(ApplySequenceOptions(c.options, /*creating=*/true, &sequence), "");
    EXPECT_EQ(sequence.data_type, TypeRef::Builtin(c.type));
    EXPECT_EQ(sequence.min_value, c.min);
    EXPECT_EQ(sequence.max_value, c.max);
    EXPECT_EQ(sequence.start, c.start);
    EXPECT_EQ(sequence.increment, c.increment);
    EXPECT_EQ(sequence.cache, 1);
    EXPECT_FALSE(sequence.cycle);
  }
}

TEST(Sequence, RejectsInvalidOptionsWithPostgresMessages) {
  struct Case {
    SequenceOptions options;
    std::string message;
  };
  std::vector<Case> cases;
  cases.push_back({WithType("text"), "sequence type must be smallint, integer, or bigint"});
  SequenceOptions zero;
  zero.increment = 0;
  cases.push_back({zero, "INCREMENT must not be zero"});
  SequenceOptions inverted;
  inverted.min_value = std::optional<int64_t>(10);
  inverted.max_value = std::optional<int64_t>(5);
  cases.push_back({inverted, "MINVALUE (10) must be less than MAXVALUE (5)"});
  SequenceOptions low_start;
  low_start.min_value = std::optional<int64_t>(5);
  low_start.start = 1;
  cases.push_back({low_start, "START value (1) cannot be less than MINVALUE (5)"});
  SequenceOptions high_start = WithType("smallint");
  high_start.start = 40000;
  cases.push_back({high_start, "START value (40000) cannot be greater than MAXVALUE (32767)"});
  SequenceOptions big_max = WithType("smallint");
  big_max.max_value = std::optional<int64_t>(100000);
  cases.push_back({big_max, "MAXVALUE (100000) is out of range for sequence data type smallint"});
  SequenceOptions small_min = WithType("integer");
  small_min.min_value = std::optional<int64_t>(-3000000000LL);
  cases.push_back(
      {small_min, "MINVALUE (-3000000000) is out of range for sequence data type integer"});
  SequenceOptions no_cache;
  no_cache.cache = 0;
  cases.push_back({no_cache, "CACHE (0) must be greater than zero"});
  SequenceOptions restart;
  restart.restart = 0;
  cases.push_back({restart, "RESTART value (0) cannot be less than MINVALUE (1)"});
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    Sequence sequence;
    EXPECT_EQ(ApplySequenceOptions(c.options, /*creating=*/true, &sequence), c.message);
  }
}

TEST(Sequence, AlterKeepsWhatIsNotWritten) {
  Sequence sequence;
  SequenceOptions create = WithType("integer");
  create.increment = 2;
  create.cache = 20;
  ASSERT_EQ(ApplySequenceOptions(create, true, &sequence), "");
  SequenceOptions alter;
  alter.cycle = true;
  ASSERT_EQ(ApplySequenceOptions(alter, false, &sequence), "");
  EXPECT_EQ(sequence.increment, 2);
  EXPECT_EQ(sequence.cache, 20);
  EXPECT_TRUE(sequence.cycle);
  EXPECT_EQ(sequence.max_value, 2147483647);
}

TEST(Sequence, AlterTypeMovesBoundsThatWereTheTypeDefaults) {
  Sequence sequence;
  ASSERT_EQ(ApplySequenceOptions(WithType("integer"), true, &sequence), "");
  ASSERT_EQ(ApplySequenceOptions(WithType("bigint"), false, &sequence), "");
  EXPECT_EQ(sequence.max_value, kInt64Max);
  EXPECT_EQ(sequence.min_value, 1);

  // An explicit MAXVALUE stays when the type changes.
  Sequence explicit_max;
  SequenceOptions create = WithType("integer");
  create.max_value = std::optional<int64_t>(1000);
  ASSERT_EQ(ApplySequenceOptions(create, true, &explicit_max), "");
  ASSERT_EQ(ApplySequenceOptions(WithType("smallint"), false, &explicit_max), "");
  EXPECT_EQ(explicit_max.max_value, 1000);

  // A descending sequence's type minimum follows the new type.
  Sequence descending;
  SequenceOptions down = WithType("integer");
  down.increment = -1;
  ASSERT_EQ(ApplySequenceOptions(down, true, &descending), "");
  ASSERT_EQ(ApplySequenceOptions(WithType("smallint"), false, &descending), "");
  EXPECT_EQ(descending.min_value, -32768);
  EXPECT_EQ(descending.max_value, -1);
}

TEST(Sequence, NoMaxvalueOnAlterFollowsTheIncrementSign) {
  Sequence sequence;
  SequenceOptions create;
  create.max_value = std::optional<int64_t>(50);
  ASSERT_EQ(ApplySequenceOptions(create, true, &sequence), "");
  SequenceOptions alter;
  alter.max_value = std::optional<int64_t>();  // NO MAXVALUE
  ASSERT_EQ(ApplySequenceOptions(alter, false, &sequence), "");
  EXPECT_EQ(sequence.max_value, kInt64Max);
}

}  // namespace
}  // namespace pgdrift::model
