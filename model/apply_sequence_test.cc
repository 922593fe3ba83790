#include <cstdint>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/internal/apply_context.h"
#include "model/testing/apply_builders.h"

namespace pgdrift::model {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;

CreateSequence NewSequence(std::string name, SequenceOptions options = {}) {
  CreateSequence m;
  m.name = {"", std::move(name)};
  m.options = std::move(options);
  return m;
}

TEST(ApplySequence, CreatesSequenceWithExplicitOptions) {
  Catalog catalog = NewCatalog();
  SequenceOptions options;
  options.data_type = TypeRef::Builtin("smallint");
  options.increment = -1;
  CreateSequence m = NewSequence("countdown", options);
  m.unlogged = true;
  ASSERT_THAT(ApplyOne(catalog, m), IsOk());
  const Sequence& sequence = catalog.sequences.at({"public", "countdown"});
  EXPECT_EQ(sequence.min_value, -32768);
  EXPECT_EQ(sequence.max_value, -1);
  EXPECT_EQ(sequence.start, -1);
  EXPECT_TRUE(sequence.unlogged);
  EXPECT_EQ(sequence.lineage.created, kSpan);
  EXPECT_FALSE(sequence.owned_by.has_value());
}

TEST(ApplySequence, ReportsCreateErrors) {
  struct Case {
    CreateSequence m;
    absl::StatusCode code;
    std::string message;
  };
  SequenceOptions inverted;
  inverted.min_value = std::optional<int64_t>(10);
  inverted.max_value = std::optional<int64_t>(1);
  SequenceOptions low_start;
  low_start.start = -5;
  CreateSequence in_missing_schema = NewSequence("s");
  in_missing_schema.name.schema = "nope";
  const std::vector<Case> cases = {
      {NewSequence("existing"), absl::StatusCode::kAlreadyExists,
       "relation \"existing\" already exists"},
      {NewSequence("t"), absl::StatusCode::kAlreadyExists, "relation \"t\" already exists"},
      {NewSequence("s", inverted), absl::StatusCode::kInvalidArgument,
       "MINVALUE (10) must be less than MAXVALUE (1)"},
      {NewSequence("s", low_start), absl::StatusCode::kInvalidArgument,
       "START value (-5) cannot be less than MINVALUE (1)"},
      {in_missing_schema, absl::StatusCode::kNotFound, "schema \"nope\" does not exist"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    Catalog catalog = NewCatalog();
    ASSERT_THAT(ApplyOne(catalog, NewSequence("existing")), IsOk());
    ASSERT_THAT(ApplyOne(catalog, NewTable("t", {Col("a")})), IsOk());
    EXPECT_THAT(ApplyOne(catalog, c.m), StatusIs(c.code, c.message));
    EXPECT_EQ(catalog.sequences.size(), 1u);
  }
}

TEST(ApplySequence, IfNotExistsSkipsWithNotice) {
  Catalog catalog = NewCatalog();
  ASSERT_THAT(ApplyOne(catalog, NewSequence("s")), IsOk());
  SequenceOptions options;
  options.increment = 5;
  CreateSequence again = NewSequence("s", options);
  again.if_not_exists = true;
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, again, &notes), IsOk());
  EXPECT_THAT(Notes(notes), ElementsAre("relation \"s\" already exists, skipping"));
  EXPECT_EQ(catalog.sequences.at({"public", "s"}).increment, 1);
}

TEST(ApplySequence, ChecksOwnedBy) {
  Catalog catalog = NewCatalog();
  catalog.schemas["other"] = Schema{"other"};
  ASSERT_THAT(ApplyOne(catalog, NewTable("t", {Col("id")})), IsOk());
  CreateTable other = NewTable("o", {Col("id")});
  other.table.name.schema = "other";
  ASSERT_THAT(ApplyOne(catalog, other), IsOk());

  SequenceOptions owned;
  owned.owned_by = std::optional<SequenceOwner>(SequenceOwner{{"", "t"}, "id"});
  ASSERT_THAT(ApplyOne(catalog, NewSequence("s", owned)), IsOk());
  EXPECT_EQ(*catalog.sequences.at({"public", "s"}).owned_by,
            (SequenceOwner{{"public", "t"}, "id"}));

  struct Case {
    SequenceOwner owner;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{{"other", "o"}, "id"},
       absl::StatusCode::kInvalidArgument,
       "sequence must be in same schema as table it is linked to"},
      {{{"", "t"}, "nope"},
       absl::StatusCode::kNotFound,
       "column \"nope\" of relation \"t\" does not exist"},
      {{{"", "missing"}, "id"}, absl::StatusCode::kNotFound, "relation \"missing\" does not exist"},
      {{{"", "s"}, "id"},
       absl::StatusCode::kInvalidArgument,
       "sequence cannot be owned by relation \"s\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    SequenceOptions options;
    options.owned_by = std::optional<SequenceOwner>(c.owner);
    EXPECT_THAT(ApplyOne(catalog, NewSequence("s2", options)), StatusIs(c.code, c.message));
  }

  AlterSequence none;
  none.name = {"", "s"};
  none.options.owned_by = std::optional<SequenceOwner>();
  ASSERT_THAT(ApplyOne(catalog, none), IsOk());
  EXPECT_FALSE(catalog.sequences.at({"public", "s"}).owned_by.has_value());
}

TEST(ApplySequence, AltersSequences) {
  Catalog catalog = NewCatalog();
  SequenceOptions integer;
  integer.data_type = TypeRef::Builtin("integer");
  ASSERT_THAT(ApplyOne(catalog, NewSequence("s", integer)), IsOk());
  AlterSequence m;
  m.name = {"", "s"};
  m.options.data_type = TypeRef::Builtin("smallint");
  m.options.increment = 3;
  m.options.cycle = true;
  SourceSpan later{"migrations/0009.sql", 4, 1, 0, 0};
  ASSERT_THAT(ApplyOne(catalog, m, nullptr, later), IsOk());
  const Sequence& sequence = catalog.sequences.at({"public", "s"});
  EXPECT_EQ(sequence.data_type, TypeRef::Builtin("smallint"));
  EXPECT_EQ(sequence.max_value, 32767);
  EXPECT_EQ(sequence.increment, 3);
  EXPECT_TRUE(sequence.cycle);
  EXPECT_EQ(sequence.lineage.changed, later);

  AlterSequence bad;
  bad.name = {"", "s"};
  bad.options.min_value = std::optional<int64_t>(40000);
  EXPECT_THAT(ApplyOne(catalog, bad),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "MINVALUE (40000) is out of range for sequence data type smallint"));
  EXPECT_EQ(catalog.sequences.at({"public", "s"}).min_value, 1);

  AlterSequence missing;
  missing.name = {"", "nope"};
  EXPECT_THAT(ApplyOne(catalog, missing),
              StatusIs(absl::StatusCode::kNotFound, "relation \"nope\" does not exist"));
  missing.if_exists = true;
  DiagnosticSink notes;
  ASSERT_THAT(ApplyOne(catalog, missing, &notes), IsOk());
  EXPECT_THAT(Notes(notes), ElementsAre("relation \"nope\" does not exist, skipping"));
}

TEST(ApplySequence, IdentitySequenceOwnershipCannotChange) {
  Catalog catalog = NewCatalog();
  ColumnDef id = Col("id");
  id.column.identity = IdentityKind::kAlways;
  ASSERT_THAT(ApplyOne(catalog, NewTable("t", {id, Col("other")})), IsOk());
  AlterSequence m;
  m.name = {"", "t_id_seq"};
  m.options.owned_by = std::optional<SequenceOwner>(SequenceOwner{{"", "t"}, "other"});
  EXPECT_THAT(ApplyOne(catalog, m), StatusIs(absl::StatusCode::kInvalidArgument,
                                             "cannot change ownership of identity sequence"));
  AlterSequence on_table;
  on_table.name = {"", "t"};
  EXPECT_THAT(ApplyOne(catalog, on_table),
              StatusIs(absl::StatusCode::kInvalidArgument, "\"t\" is not a sequence"));
}

}  // namespace
}  // namespace pgdrift::model
