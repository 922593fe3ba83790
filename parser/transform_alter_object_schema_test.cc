#include <string>

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/normalize.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;

// public.items (id integer default nextval('public.items_id_seq')) owning its sequence,
// public.counter (a free sequence) used by public.tickets, and type public.mood.
model::Catalog MoveCatalog() {
  model::Catalog catalog = BasicCatalog();
  catalog.schemas["app"].name = "app";
  catalog.types[{"public", "mood"}].name = {"public", "mood"};
  catalog.domains[{"public", "email"}].name = {"public", "email"};
  catalog.domains[{"public", "email"}].base_type = model::TypeRef::Builtin("text");
  model::Sequence& owned = catalog.sequences[{"public", "items_id_seq"}];
  owned.name = {"public", "items_id_seq"};
  owned.owned_by = model::SequenceOwner{{"public", "items"}, "id"};
  catalog.sequences[{"public", "counter"}].name = {"public", "counter"};
  for (const auto& [table_name, sequence] :
       {std::pair<std::string, std::string>{"items", "items_id_seq"}, {"tickets", "counter"}}) {
    const model::QualifiedName name{"public", table_name};
    model::Table& table = catalog.tables[name];
    table.name = name;
    model::Column id;
    id.name = "id";
    id.type = model::TypeRef::Builtin("integer");
    table.columns.push_back(id);
    absl::StatusOr<std::string> text =
        NormalizeExpressionText("nextval('" + sequence + "'::regclass)", {&catalog, name});
    EXPECT_THAT(text, IsOk());
    if (text.ok()) table.columns[0].default_expr = *text;
  }
  return catalog;
}

TEST(TransformAlterObjectSchema, MovesEachModelledKind) {
  struct Case {
    std::string sql;
    model::ObjectKind kind;
    model::QualifiedName object;
    bool if_exists;
  };
  const Case kCases[] = {
      {"ALTER TABLE items SET SCHEMA app", model::ObjectKind::kTable, {"", "items"}, false},
      {"ALTER TABLE IF EXISTS public.nosuch SET SCHEMA app",
       model::ObjectKind::kTable,
       {"public", "nosuch"},
       true},
      {"ALTER SEQUENCE counter SET SCHEMA app",
       model::ObjectKind::kSequence,
       {"", "counter"},
       false},
      {"ALTER TABLE counter SET SCHEMA app", model::ObjectKind::kSequence, {"", "counter"}, false},
      {"ALTER TYPE mood SET SCHEMA app", model::ObjectKind::kType, {"", "mood"}, false},
      {"ALTER TYPE email SET SCHEMA app", model::ObjectKind::kDomain, {"", "email"}, false},
      {"ALTER DOMAIN public.email SET SCHEMA app",
       model::ObjectKind::kDomain,
       {"public", "email"},
       false},
      {"ALTER EXTENSION citext SET SCHEMA app",
       model::ObjectKind::kExtension,
       {"", "citext"},
       false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::SetSchema set_schema =
        SingleMutation<model::SetSchema>(TransformSql(c.sql, MoveCatalog()));
    EXPECT_EQ(set_schema.kind, c.kind);
    EXPECT_EQ(set_schema.object, c.object);
    EXPECT_EQ(set_schema.new_schema, "app");
    EXPECT_EQ(set_schema.if_exists, c.if_exists);
  }
}

TEST(TransformAlterObjectSchema, RewritesDefaultsOfMovedSequences) {
  model::Catalog catalog = MoveCatalog();
  const std::string& tickets_default =
      *catalog.tables.at({"public", "tickets"}).columns[0].default_expr;
  const std::string& items_default =
      *catalog.tables.at({"public", "items"}).columns[0].default_expr;

  model::SetSchema sequence = SingleMutation<model::SetSchema>(
      TransformSql("ALTER SEQUENCE counter SET SCHEMA app", catalog));
  ASSERT_EQ(sequence.expression_rewrites.size(), 1u);
  ASSERT_TRUE(sequence.expression_rewrites.contains(tickets_default));
  EXPECT_NE(sequence.expression_rewrites.at(tickets_default).find("'app.counter'"),
            std::string::npos);

  // The table takes its owned sequence along.
  model::SetSchema table =
      SingleMutation<model::SetSchema>(TransformSql("ALTER TABLE items SET SCHEMA app", catalog));
  ASSERT_EQ(table.expression_rewrites.size(), 1u);
  ASSERT_TRUE(table.expression_rewrites.contains(items_default));
  EXPECT_NE(table.expression_rewrites.at(items_default).find("'app.items_id_seq'"),
            std::string::npos);
}

TEST(TransformAlterObjectSchema, RejectsWrongKindsAndReportsUnmodelledOnes) {
  EXPECT_THAT(TransformSql("ALTER SEQUENCE items SET SCHEMA app", MoveCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument, "\"items\" is not a sequence"));
  EXPECT_THAT(
      TransformSql("ALTER VIEW v SET SCHEMA app", MoveCatalog()).status,
      StatusIs(absl::StatusCode::kUnimplemented, "ALTER VIEW … SET SCHEMA is not modelled"));
}

}  // namespace
}  // namespace pgdrift::parser
