#include "planner/sequence_ddl.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "planner/testing/model_builders.h"

namespace pgdrift::planner {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::MakeColumn;
using testing::MakeSequence;

TEST(SequenceDdl, PrintsOnlyOptionsThatDifferFromTheDerivedOnes) {
  struct Case {
    std::string label;
    model::Sequence sequence;
    std::string expected;
  };
  model::Sequence descending = MakeSequence("public", "countdown");
  descending.increment = -1;
  descending.min_value = INT64_MIN;
  descending.max_value = -1;
  descending.start = -1;
  model::Sequence descending_int = MakeSequence("public", "countdown", "integer");
  descending_int.increment = -5;
  descending_int.min_value = -2147483648;
  descending_int.max_value = 100;
  descending_int.start = 100;
  model::Sequence custom = MakeSequence("app", "Invoice Numbers", "integer");
  custom.start = 1000;
  custom.min_value = 1000;
  custom.max_value = 999999;
  custom.cache = 20;
  custom.cycle = true;
  model::Sequence started = MakeSequence("public", "s", "smallint");
  started.start = 42;
  model::Sequence unlogged = MakeSequence("public", "u");
  unlogged.unlogged = true;
  const Case cases[] = {
      {"defaults", MakeSequence("public", "s"), "CREATE SEQUENCE public.s;"},
      {"serial type", MakeSequence("public", "t_id_seq", "integer"),
       "CREATE SEQUENCE public.t_id_seq AS integer;"},
      {"descending", descending, "CREATE SEQUENCE public.countdown INCREMENT BY -1;"},
      {"descending integer", descending_int,
       "CREATE SEQUENCE public.countdown AS integer INCREMENT BY -5 MAXVALUE 100;"},
      {"custom", custom,
       "CREATE SEQUENCE app.\"Invoice Numbers\" AS integer MINVALUE 1000 MAXVALUE 999999 "
       "CACHE 20 CYCLE;"},
      {"start", started, "CREATE SEQUENCE public.s AS smallint START WITH 42;"},
      {"unlogged", unlogged, "CREATE UNLOGGED SEQUENCE public.u;"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    EXPECT_EQ(CreateSequenceSql(c.sequence), c.expected);
  }
}

TEST(SequenceDdl, ListsOptionClausesAgainstTheGivenDefaultType) {
  model::Sequence sequence = MakeSequence("public", "s", "integer");
  EXPECT_THAT(SequenceOptionClauses(sequence, model::TypeRef::Builtin("integer")), IsEmpty());
  sequence.increment = 10;
  EXPECT_THAT(SequenceOptionClauses(sequence, model::TypeRef::Builtin("bigint")),
              ElementsAre("AS integer", "INCREMENT BY 10"));
}

TEST(SequenceDdl, PrintsOwnedBy) {
  model::Sequence sequence = MakeSequence("public", "order_no_seq");
  EXPECT_EQ(SequenceOwnedBySql(sequence), "ALTER SEQUENCE public.order_no_seq OWNED BY NONE;");
  sequence.owned_by = model::SequenceOwner{{"Sales", "order"}, "No"};
  EXPECT_EQ(SequenceOwnedBySql(sequence),
            "ALTER SEQUENCE public.order_no_seq OWNED BY \"Sales\".\"order\".\"No\";");
}

TEST(SequenceDdl, PrintsOwnerCommentAndDrop) {
  model::Sequence sequence = MakeSequence("public", "s");
  sequence.owner = "app";
  sequence.comment = "numbers";
  EXPECT_EQ(SequenceOwnerSql(sequence), "ALTER SEQUENCE public.s OWNER TO app;");
  EXPECT_EQ(SequenceCommentSql(sequence), "COMMENT ON SEQUENCE public.s IS 'numbers';");
  EXPECT_EQ(DropSequenceSql(sequence), "DROP SEQUENCE public.s;");
}

TEST(SequenceDdl, ComputesDefaultColumnSequenceNames) {
  EXPECT_EQ(DefaultColumnSequenceName("orders", "id"), "orders_id_seq");
  // makeObjectName shortens the longer name first so the result fits in 63 bytes.
  EXPECT_EQ(DefaultColumnSequenceName(std::string(70, 't'), "id"),
            std::string(56, 't') + "_id_seq");
}

TEST(SequenceDdl, FindsIdentitySequences) {
  model::Catalog catalog;
  model::Sequence identity = MakeSequence("public", "renamed_seq");
  identity.identity = true;
  identity.owned_by = model::SequenceOwner{{"public", "t"}, "id"};
  model::Sequence serial = MakeSequence("public", "t_n_seq", "integer");
  serial.owned_by = model::SequenceOwner{{"public", "t"}, "n"};
  catalog.sequences[identity.name] = identity;
  catalog.sequences[serial.name] = serial;

  const model::Sequence* found = FindIdentitySequence(catalog, {"public", "t"}, "id");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->name.name, "renamed_seq");
  EXPECT_EQ(FindIdentitySequence(catalog, {"public", "t"}, "n"), nullptr);
  EXPECT_EQ(FindIdentitySequence(catalog, {"public", "u"}, "id"), nullptr);
}

TEST(SequenceDdl, PrintsIdentityOptionsOnlyWhenNotDefault) {
  struct Case {
    std::string label;
    model::Sequence sequence;
    std::string expected;
  };
  model::Column id = MakeColumn("id", "integer", true);
  model::QualifiedName table{"public", "orders"};
  model::Sequence plain = MakeSequence("public", "orders_id_seq", "integer");
  model::Sequence renamed = MakeSequence("public", "order_numbers", "integer");
  model::Sequence elsewhere = MakeSequence("audit", "orders_id_seq", "integer");
  model::Sequence started = MakeSequence("public", "orders_id_seq", "integer");
  started.start = 100;
  started.min_value = 100;
  started.increment = 10;
  const Case cases[] = {
      {"default", plain, ""},
      {"renamed", renamed, "(SEQUENCE NAME public.order_numbers)"},
      {"other schema", elsewhere, "(SEQUENCE NAME audit.orders_id_seq)"},
      {"options", started, "(INCREMENT BY 10 MINVALUE 100)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    EXPECT_EQ(IdentityOptionsSql(c.sequence, table, id), c.expected);
  }
}

}  // namespace
}  // namespace pgdrift::planner
