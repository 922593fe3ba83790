#include <optional>
#include <string>

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::StatusIs;

TEST(TransformComment, ReadsEveryModelledKind) {
  model::Catalog catalog = BasicCatalog();
  catalog.domains[{"public", "email"}].name = {"public", "email"};
  struct Case {
    std::string sql;
    model::ObjectKind kind;
    model::QualifiedName object;
    std::string sub_name;
    std::optional<std::string> text;
  };
  const Case kCases[] = {
      {"COMMENT ON TABLE orders IS 'Customer orders'",
       model::ObjectKind::kTable,
       {"", "orders"},
       "",
       "Customer orders"},
      {"COMMENT ON TABLE app.orders IS NULL",
       model::ObjectKind::kTable,
       {"app", "orders"},
       "",
       std::nullopt},
      {"COMMENT ON TABLE orders IS ''",
       model::ObjectKind::kTable,
       {"", "orders"},
       "",
       std::nullopt},
      {"COMMENT ON COLUMN orders.status IS 'it''s the stage'",
       model::ObjectKind::kColumn,
       {"", "orders"},
       "status",
       "it's the stage"},
      {"COMMENT ON COLUMN app.orders.\"Status\" IS 'x'",
       model::ObjectKind::kColumn,
       {"app", "orders"},
       "Status",
       "x"},
      {"COMMENT ON CONSTRAINT orders_pkey ON app.orders IS 'pk'",
       model::ObjectKind::kConstraint,
       {"app", "orders"},
       "orders_pkey",
       "pk"},
      {"COMMENT ON INDEX app.orders_idx IS 'i'",
       model::ObjectKind::kIndex,
       {"app", "orders_idx"},
       "",
       "i"},
      {"COMMENT ON SEQUENCE orders_id_seq IS 's'",
       model::ObjectKind::kSequence,
       {"", "orders_id_seq"},
       "",
       "s"},
      {"COMMENT ON TYPE app.stage IS 't'", model::ObjectKind::kType, {"app", "stage"}, "", "t"},
      {"COMMENT ON TYPE email IS 'a domain'",
       model::ObjectKind::kDomain,
       {"", "email"},
       "",
       "a domain"},
      {"COMMENT ON DOMAIN email IS 'd'", model::ObjectKind::kDomain, {"", "email"}, "", "d"},
      {"COMMENT ON SCHEMA app IS 'the app'",
       model::ObjectKind::kSchema,
       {"", "app"},
       "",
       "the app"},
      {"COMMENT ON EXTENSION citext IS 'case-insensitive'",
       model::ObjectKind::kExtension,
       {"", "citext"},
       "",
       "case-insensitive"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::Comment comment = SingleMutation<model::Comment>(TransformSql(c.sql, catalog));
    EXPECT_EQ(comment.kind, c.kind);
    EXPECT_EQ(comment.object, c.object);
    EXPECT_EQ(comment.sub_name, c.sub_name);
    EXPECT_EQ(comment.text, c.text);
  }
}

TEST(TransformComment, ReportsUnmodelledKinds) {
  struct Case {
    std::string sql;
    std::string message;
  };
  const Case kCases[] = {
      {"COMMENT ON CONSTRAINT c ON DOMAIN d IS 'x'",
       "COMMENT ON CONSTRAINT … ON DOMAIN is not modelled"},
      {"COMMENT ON ROLE r IS 'x'", "COMMENT ON ROLE is not modelled"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    EXPECT_THAT(TransformSql(c.sql, BasicCatalog()).status,
                StatusIs(absl::StatusCode::kUnimplemented, c.message));
  }
  EXPECT_THAT(TransformSql("COMMENT ON COLUMN c IS 'x'", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument, "column name must be qualified"));
}

}  // namespace
}  // namespace pgdrift::parser
