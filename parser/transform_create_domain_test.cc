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

// The canonical text of a domain expression, as the canonicalizer prints it.
std::string Canonical(const std::string& expression, const model::Catalog& catalog) {
  ExpressionContext context;
  context.catalog = &catalog;
  absl::StatusOr<std::string> text = NormalizeExpressionText(expression, context);
  EXPECT_THAT(text, IsOk());
  return text.ok() ? *text : "";
}

TEST(TransformCreateDomain, ReadsTypeCollationDefaultNotNullAndChecks) {
  model::Catalog catalog = BasicCatalog();
  model::CreateDomain create = SingleMutation<model::CreateDomain>(
      TransformSql("CREATE DOMAIN app.code AS varchar(10) COLLATE \"C\" DEFAULT 'x' NOT NULL "
                   "CONSTRAINT code_not_empty CHECK (VALUE <> '') CHECK (length(VALUE) > 1)",
                   catalog));
  const model::Domain& domain = create.domain;
  EXPECT_EQ(domain.name, (model::QualifiedName{"app", "code"}));
  EXPECT_EQ(domain.base_type.ToString(), "character varying(10)");
  EXPECT_EQ(domain.collation, "pg_catalog.\"C\"");
  ASSERT_TRUE(domain.default_expr.has_value());
  EXPECT_EQ(*domain.default_expr, Canonical("'x'", catalog));
  EXPECT_TRUE(domain.not_null);
  EXPECT_TRUE(domain.checks.empty());  // checks travel in CreateDomain::checks
  ASSERT_EQ(create.checks.size(), 2u);
  EXPECT_EQ(create.checks[0].constraint.name, "code_not_empty");
  EXPECT_EQ(create.checks[0].constraint.type, model::ConstraintType::kCheck);
  EXPECT_EQ(create.checks[0].constraint.expression, Canonical("VALUE <> ''", catalog));
  EXPECT_TRUE(create.checks[0].constraint.validated);
  EXPECT_EQ(create.checks[1].constraint.name, "");  // named <domain>_check when applied
  EXPECT_EQ(create.checks[1].constraint.expression, Canonical("length(VALUE) > 1", catalog));
  EXPECT_TRUE(create.checks[1].check_columns.empty());
}

TEST(TransformCreateDomain, DefaultNullIsNoDefault) {
  model::CreateDomain create = SingleMutation<model::CreateDomain>(
      TransformSql("CREATE DOMAIN d AS int DEFAULT NULL NULL", BasicCatalog()));
  EXPECT_EQ(create.domain.name, (model::QualifiedName{"", "d"}));
  EXPECT_FALSE(create.domain.default_expr.has_value());
  EXPECT_FALSE(create.domain.not_null);
  EXPECT_EQ(create.domain.collation, "");
}

TEST(TransformCreateDomain, KeepsADefaultNullThatIsNoPlainNullConstant) {
  // DefineDomain stores NULL::character varying for a varchar(16) base (the length
  // coercion) and NULL::text for a base domain (CoerceToDomain).
  model::Catalog catalog = BasicCatalog();
  catalog.domains[{"public", "label"}].name = {"public", "label"};
  catalog.domains[{"public", "label"}].base_type = model::TypeRef::Builtin("text");
  catalog.domains[{"public", "code"}].name = {"public", "code"};
  catalog.domains[{"public", "code"}].base_type = model::TypeRef::Builtin("character varying(16)");
  struct Case {
    std::string sql;
    bool stored;
  };
  const Case kCases[] = {
      {"CREATE DOMAIN d AS varchar(16) DEFAULT NULL", true},
      {"CREATE DOMAIN d AS varchar DEFAULT NULL", false},
      {"CREATE DOMAIN d AS label DEFAULT NULL", true},
      {"CREATE DOMAIN d AS interval(3) DEFAULT NULL", false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    model::CreateDomain create = SingleMutation<model::CreateDomain>(TransformSql(c.sql, catalog));
    EXPECT_EQ(create.domain.default_expr.has_value(), c.stored);
  }
  model::AlterDomain set_null = SingleMutation<model::AlterDomain>(
      TransformSql("ALTER DOMAIN code SET DEFAULT NULL", catalog));
  ASSERT_TRUE(set_null.set_default.has_value());
  EXPECT_TRUE(set_null.set_default->has_value());
  model::AlterDomain drop_null = SingleMutation<model::AlterDomain>(
      TransformSql("ALTER DOMAIN label SET DEFAULT NULL", catalog));
  ASSERT_TRUE(drop_null.set_default.has_value());
  EXPECT_FALSE(drop_null.set_default->has_value());
}

TEST(TransformCreateDomain, RejectsWhatPostgresRejects) {
  struct Case {
    std::string sql;
    std::string message;
  };
  const Case kCases[] = {
      {"CREATE DOMAIN d AS int NOT NULL NULL", "conflicting NULL/NOT NULL constraints"},
      {"CREATE DOMAIN d AS int DEFAULT 1 DEFAULT 2", "multiple default expressions"},
      {"CREATE DOMAIN d AS int UNIQUE", "unique constraints not possible for domains"},
      {"CREATE DOMAIN d AS int PRIMARY KEY", "primary key constraints not possible for domains"},
      {"CREATE DOMAIN d AS int REFERENCES t", "foreign key constraints not possible for domains"},
      {"CREATE DOMAIN d AS int CHECK (VALUE > 0) NO INHERIT",
       "check constraints for domains cannot be marked NO INHERIT"},
      {"CREATE DOMAIN d AS int CHECK (VALUE > 0) DEFERRABLE",
       "specifying constraint deferrability not supported for domains"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.sql);
    EXPECT_THAT(TransformSql(c.sql, BasicCatalog()).status,
                StatusIs(absl::StatusCode::kInvalidArgument, c.message));
  }
  EXPECT_THAT(TransformSql("CREATE DOMAIN d AS serial", BasicCatalog()).status,
              StatusIs(absl::StatusCode::kNotFound, "type \"serial\" does not exist"));
}

TEST(TransformAlterDomain, ReadsEachSubcommand) {
  model::Catalog catalog = BasicCatalog();

  model::AlterDomain set_default =
      SingleMutation<model::AlterDomain>(TransformSql("ALTER DOMAIN app.d SET DEFAULT 5", catalog));
  EXPECT_EQ(set_default.domain, (model::QualifiedName{"app", "d"}));
  ASSERT_TRUE(set_default.set_default.has_value());
  ASSERT_TRUE(set_default.set_default->has_value());
  EXPECT_EQ(**set_default.set_default, Canonical("5", catalog));

  for (const std::string sql : {"ALTER DOMAIN d DROP DEFAULT", "ALTER DOMAIN d SET DEFAULT NULL"}) {
    SCOPED_TRACE(sql);
    model::AlterDomain drop_default =
        SingleMutation<model::AlterDomain>(TransformSql(sql, catalog));
    ASSERT_TRUE(drop_default.set_default.has_value());
    EXPECT_FALSE(drop_default.set_default->has_value());
  }

  model::AlterDomain set_not_null =
      SingleMutation<model::AlterDomain>(TransformSql("ALTER DOMAIN d SET NOT NULL", catalog));
  EXPECT_EQ(set_not_null.not_null, true);
  EXPECT_FALSE(set_not_null.set_default.has_value());
  model::AlterDomain drop_not_null =
      SingleMutation<model::AlterDomain>(TransformSql("ALTER DOMAIN d DROP NOT NULL", catalog));
  EXPECT_EQ(drop_not_null.not_null, false);

  model::AlterDomain add = SingleMutation<model::AlterDomain>(
      TransformSql("ALTER DOMAIN d ADD CONSTRAINT positive CHECK (VALUE > 0) NOT VALID", catalog));
  ASSERT_TRUE(add.add_check.has_value());
  EXPECT_EQ(add.add_check->constraint.name, "positive");
  EXPECT_EQ(add.add_check->constraint.expression, Canonical("VALUE > 0", catalog));
  EXPECT_FALSE(add.add_check->constraint.validated);

  model::AlterDomain drop = SingleMutation<model::AlterDomain>(
      TransformSql("ALTER DOMAIN d DROP CONSTRAINT IF EXISTS positive CASCADE", catalog));
  EXPECT_EQ(drop.drop_constraint, "positive");
  EXPECT_TRUE(drop.drop_if_exists);
  EXPECT_TRUE(drop.drop_cascade);

  model::AlterDomain drop_plain = SingleMutation<model::AlterDomain>(
      TransformSql("ALTER DOMAIN d DROP CONSTRAINT positive", catalog));
  EXPECT_FALSE(drop_plain.drop_if_exists);
  EXPECT_FALSE(drop_plain.drop_cascade);

  model::AlterDomain validate = SingleMutation<model::AlterDomain>(
      TransformSql("ALTER DOMAIN d VALIDATE CONSTRAINT positive", catalog));
  EXPECT_EQ(validate.validate_constraint, "positive");
}

TEST(TransformAlterDomain, RejectsTableConstraints) {
  EXPECT_THAT(
      TransformSql("ALTER DOMAIN d ADD CONSTRAINT u UNIQUE (x)", BasicCatalog()).status,
      StatusIs(absl::StatusCode::kInvalidArgument, "unique constraints not possible for domains"));
}

}  // namespace
}  // namespace pgdrift::parser
