#include "planner/index_ddl.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "planner/testing/model_builders.h"

namespace pgdrift::planner {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::MakeIndex;
using testing::MakeKeyColumn;
using testing::MakeTable;
using ::testing::Pair;

model::IndexElement Key(std::string column, bool descending, bool nulls_first) {
  model::IndexElement element = MakeKeyColumn(std::move(column));
  element.descending = descending;
  element.nulls_first = nulls_first;
  return element;
}

TEST(IndexDdl, PrintsSortOptionsOnlyWhenNotTheDirectionsDefault) {
  struct Case {
    model::IndexElement element;
    std::string expected;
  };
  model::IndexElement expression;
  expression.expression = "lower(email)";
  model::IndexElement collated = MakeKeyColumn("Name");
  collated.collation = "pg_catalog.\"C\"";
  collated.opclass = "public.text_pattern_ops";
  model::IndexElement trigram = MakeKeyColumn("title");
  trigram.opclass = "extensions.gist_trgm_ops";
  trigram.opclass_options = {{"siglen", "32"}};
  model::IndexElement sum;
  sum.expression = "a + b";
  sum.descending = true;
  sum.nulls_first = true;
  const Case cases[] = {
      {Key("a", false, false), "a"},
      {Key("a", false, true), "a NULLS FIRST"},
      {Key("a", true, true), "a DESC"},
      {Key("a", true, false), "a DESC NULLS LAST"},
      {Key("order", false, false), "\"order\""},
      {expression, "lower(email)"},
      {collated, "\"Name\" COLLATE pg_catalog.\"C\" public.text_pattern_ops"},
      {trigram, "title extensions.gist_trgm_ops(siglen=32)"},
      {sum, "(a + b) DESC"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expected);
    EXPECT_EQ(IndexElementSql(c.element), c.expected);
  }
}

TEST(IndexDdl, CreatesIndexes) {
  model::Index plain = MakeIndex("public", "orders_buyer_idx", {"public", "orders"},
                                 {MakeKeyColumn("buyer_id"), Key("placed_at", true, true)});
  EXPECT_EQ(CreateIndexSql(plain),
            "CREATE INDEX orders_buyer_idx ON public.orders USING btree (buyer_id, placed_at "
            "DESC);");

  model::Index full = MakeIndex("Sales", "Order Lookup", {"Sales", "order"}, {MakeKeyColumn("id")});
  full.unique = true;
  full.nulls_not_distinct = true;
  full.include = {"status", "Total"};
  full.options = {{"fillfactor", "70"}};
  full.tablespace = "fast";
  full.predicate = "status <> 'done'::text";
  EXPECT_EQ(CreateIndexSql(full),
            "CREATE UNIQUE INDEX \"Order Lookup\" ON \"Sales\".\"order\" USING btree (id) "
            "INCLUDE (status, \"Total\") NULLS NOT DISTINCT WITH (fillfactor=70) TABLESPACE fast "
            "WHERE (status <> 'done'::text);");

  model::Index gin = MakeIndex("public", "docs_body_idx", {"public", "docs"}, {});
  gin.method = "gin";
  model::IndexElement body;
  body.expression = "to_tsvector('english'::regconfig, body)";
  gin.keys = {body};
  EXPECT_EQ(CreateIndexSql(gin, /*only=*/true),
            "CREATE INDEX docs_body_idx ON ONLY public.docs USING gin "
            "(to_tsvector('english'::regconfig, body));");
}

TEST(IndexDdl, PrintsAttachClusterCommentAndDrop) {
  model::Index index =
      MakeIndex("public", "Events Idx", {"public", "events"}, {MakeKeyColumn("a")});
  index.comment = "lookup";
  EXPECT_EQ(AttachIndexSql({"public", "events_idx"}, {"public", "events_2024_idx"}),
            "ALTER INDEX public.events_idx ATTACH PARTITION public.events_2024_idx;");
  EXPECT_EQ(ClusterOnSql(index), "ALTER TABLE public.events CLUSTER ON \"Events Idx\";");
  EXPECT_EQ(IndexCommentSql(index), "COMMENT ON INDEX public.\"Events Idx\" IS 'lookup';");
  EXPECT_EQ(DropIndexSql(index), "DROP INDEX public.\"Events Idx\";");
}

TEST(IndexDdl, ComparesIndexDefinitionsIgnoringNamesAndOptions) {
  model::Index a = MakeIndex("public", "a", {"public", "t"}, {MakeKeyColumn("x")});
  model::Index b = MakeIndex("public", "b", {"public", "t_1"}, {MakeKeyColumn("x")});
  b.options = {{"fillfactor", "50"}};
  EXPECT_TRUE(SameIndexDefinition(a, b));
  b.predicate = "x > 0";
  EXPECT_FALSE(SameIndexDefinition(a, b));
  b.predicate = "";
  b.unique = true;
  EXPECT_FALSE(SameIndexDefinition(a, b));
}

model::Catalog PartitionedCatalog() {
  model::Catalog catalog;
  model::Table parent = MakeTable("public", "events", {testing::MakeColumn("at", "date")});
  parent.partition_key = "RANGE (at)";
  catalog.tables[parent.name] = parent;
  for (std::string name : {"events_2023", "events_2024"}) {
    model::Table partition = MakeTable("public", name, {testing::MakeColumn("at", "date")});
    partition.columns[0].is_local = false;
    partition.partition_of = parent.name;
    partition.partition_bound = "DEFAULT";
    catalog.tables[partition.name] = partition;
  }
  return catalog;
}

void AddIndex(model::Catalog* catalog, model::Index index) {
  model::QualifiedName name = index.name;
  catalog->indexes[name] = std::move(index);
}

TEST(IndexDdl, AttachesPartitionIndexesWhenEveryPartitionHasOne) {
  model::Catalog catalog = PartitionedCatalog();
  AddIndex(&catalog,
           MakeIndex("public", "events_at_idx", {"public", "events"}, {MakeKeyColumn("at")}));
  AddIndex(&catalog, MakeIndex("public", "events_2023_at_idx", {"public", "events_2023"},
                               {MakeKeyColumn("at")}));
  AddIndex(&catalog, MakeIndex("public", "events_2024_at_idx", {"public", "events_2024"},
                               {MakeKeyColumn("at")}));
  // A second, different index on one partition matches nothing.
  AddIndex(&catalog, MakeIndex("public", "events_2024_desc_idx", {"public", "events_2024"},
                               {Key("at", true, true)}));
  EXPECT_THAT(PartitionIndexAttachments(catalog),
              ElementsAre(Pair(model::QualifiedName{"public", "events_at_idx"},
                               ElementsAre(model::QualifiedName{"public", "events_2023_at_idx"},
                                           model::QualifiedName{"public", "events_2024_at_idx"}))));
}

TEST(IndexDdl, DoesNotAttachWhenAPartitionLacksTheIndex) {
  model::Catalog catalog = PartitionedCatalog();
  AddIndex(&catalog,
           MakeIndex("public", "events_at_idx", {"public", "events"}, {MakeKeyColumn("at")}));
  AddIndex(&catalog, MakeIndex("public", "events_2024_at_idx", {"public", "events_2024"},
                               {MakeKeyColumn("at")}));
  EXPECT_THAT(PartitionIndexAttachments(catalog), IsEmpty());
}

}  // namespace
}  // namespace pgdrift::planner
