#include "planner/domain_ddl.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::planner {
namespace {

using ::testing::ElementsAre;

TEST(DomainDdl, CreatesPlainDomain) {
  model::Domain domain;
  domain.name = {"public", "email"};
  domain.base_type = model::TypeRef::Builtin("text");
  EXPECT_THAT(CreateDomainSql(domain), ElementsAre("CREATE DOMAIN public.email AS text;"));
}

TEST(DomainDdl, CreatesDomainWithEveryClause) {
  model::Domain domain;
  domain.name = {"Billing", "Amount"};
  domain.base_type = model::TypeRef::Builtin("numeric(12,2)");
  domain.collation = "";
  domain.default_expr = "0";
  domain.not_null = true;
  domain.checks["amount_positive"] = {"amount_positive", "VALUE >= (0)::numeric", true};
  domain.checks["Amount Cap"] = {"Amount Cap", "VALUE < (1000000)::numeric", true};
  EXPECT_THAT(
      CreateDomainSql(domain),
      ElementsAre("CREATE DOMAIN \"Billing\".\"Amount\" AS numeric(12,2) DEFAULT 0 NOT NULL "
                  "CONSTRAINT \"Amount Cap\" CHECK (VALUE < (1000000)::numeric) "
                  "CONSTRAINT amount_positive CHECK (VALUE >= (0)::numeric);"));
}

TEST(DomainDdl, AddsUnvalidatedChecksAfterwards) {
  model::Domain domain;
  domain.name = {"public", "code"};
  domain.base_type = model::TypeRef::Builtin("text");
  domain.collation = "pg_catalog.\"C\"";
  domain.checks["code_check"] = {"code_check", "length(VALUE) = 4", false};
  EXPECT_THAT(
      CreateDomainSql(domain),
      ElementsAre("CREATE DOMAIN public.code AS text COLLATE pg_catalog.\"C\";",
                  "ALTER DOMAIN public.code ADD CONSTRAINT code_check CHECK (length(VALUE) = 4) "
                  "NOT VALID;"));
  domain.checks["code_check"].validated = true;
  EXPECT_EQ(AddDomainCheckSql(domain, domain.checks["code_check"]),
            "ALTER DOMAIN public.code ADD CONSTRAINT code_check CHECK (length(VALUE) = 4);");
}

TEST(DomainDdl, PrintsOwnerCommentAndDrop) {
  model::Domain domain;
  domain.name = {"public", "order"};
  domain.owner = "App";
  domain.comment = "an order number";
  EXPECT_EQ(DomainOwnerSql(domain), "ALTER DOMAIN public.\"order\" OWNER TO \"App\";");
  EXPECT_EQ(DomainCommentSql(domain), "COMMENT ON DOMAIN public.\"order\" IS 'an order number';");
  EXPECT_EQ(DropDomainSql(domain), "DROP DOMAIN public.\"order\";");
}

}  // namespace
}  // namespace pgdrift::planner
