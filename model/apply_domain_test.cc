#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/apply.h"

namespace pgdrift::model {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Pair;

Mutation M(MutationBody body) {
  return Mutation{SourceSpan{"d.sql", 2, 5}, "stmt", std::move(body)};
}

std::vector<std::string> Messages(const DiagnosticSink& sink) {
  std::vector<std::string> messages;
  for (const Diagnostic& d : sink.diagnostics()) messages.push_back(d.message);
  return messages;
}

ConstraintDef Check(std::string expression, std::string name = "") {
  ConstraintDef def;
  def.constraint.type = ConstraintType::kCheck;
  def.constraint.name = std::move(name);
  def.constraint.expression = std::move(expression);
  return def;
}

CreateDomain NewDomain(std::string name, std::vector<ConstraintDef> checks = {}) {
  CreateDomain create;
  create.domain.name = {"", std::move(name)};
  create.domain.base_type = TypeRef::Builtin("text");
  create.checks = std::move(checks);
  return create;
}

std::vector<std::string> CheckNames(const Domain& domain) {
  std::vector<std::string> names;
  for (const auto& [name, check] : domain.checks) names.push_back(name);
  return names;
}

// public with table t (constraint email_check) and enum mood.
Catalog Base() {
  Catalog catalog;
  catalog.schemas["public"] = Schema{"public", "postgres"};
  Table& table = catalog.tables[{"public", "t"}];
  table.name = {"public", "t"};
  table.constraints["email_check"].name = "email_check";
  catalog.types[{"public", "mood"}].name = {"public", "mood"};
  return catalog;
}

TEST(ApplyDomain, NamesUnnamedChecksAfterTheDomain) {
  Catalog catalog = Base();
  catalog.current_user = "alice";
  CreateDomain create =
      NewDomain("email", {Check("(VALUE ~~ '%@%'::text)"), Check("(length(VALUE) < 200)", "short"),
                          Check("(VALUE <> ''::text)")});
  create.domain.not_null = true;
  create.domain.default_expr = "'x@y'::text";
  ASSERT_THAT(Apply(M(create), &catalog, nullptr), IsOk());
  const Domain& domain = catalog.domains.at({"public", "email"});
  // email_check is taken by a constraint of table t (pg_constraint.c ChooseConstraintName
  // looks at the whole schema).
  EXPECT_THAT(CheckNames(domain), ElementsAre("email_check1", "email_check2", "short"));
  EXPECT_EQ(domain.checks.at("email_check1").expression, "(VALUE ~~ '%@%'::text)");
  EXPECT_TRUE(domain.not_null);
  EXPECT_EQ(domain.default_expr, "'x@y'::text");
  EXPECT_EQ(domain.owner, "alice");
  EXPECT_EQ(domain.lineage.created.column, 5);

  ASSERT_THAT(Apply(M(NewDomain("code", {Check("(VALUE <> ''::text)")})), &catalog, nullptr),
              IsOk());
  EXPECT_THAT(CheckNames(catalog.domains.at({"public", "code"})), ElementsAre("code_check"));
}

TEST(ApplyDomain, RejectsDomainsPostgresRejects) {
  struct Row {
    CreateDomain mutation;
    absl::StatusCode code;
    std::string message;
  };
  CreateDomain qualified = NewDomain("x");
  qualified.domain.name.schema = "nowhere";
  const std::vector<Row> rows = {
      {NewDomain("mood"), absl::StatusCode::kAlreadyExists,
       "d.sql:2:5: type \"mood\" already exists"},
      {NewDomain("t"), absl::StatusCode::kAlreadyExists, "type \"t\" already exists"},
      {NewDomain("x", {Check("(VALUE <> '')", "c"), Check("(VALUE <> 'a')", "c")}),
       absl::StatusCode::kAlreadyExists, "constraint \"c\" for domain \"x\" already exists"},
      {qualified, absl::StatusCode::kNotFound, "schema \"nowhere\" does not exist"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_TRUE(catalog.domains.empty());
  }
}

TEST(ApplyDomain, AltersDefaultsNotNullAndOwner) {
  Catalog catalog = Base();
  ASSERT_THAT(Apply(M(NewDomain("email")), &catalog, nullptr), IsOk());
  AlterDomain set_default{{"", "email"}};
  set_default.set_default = std::optional<std::string>("'a@b'::text");
  ASSERT_THAT(Apply(M(set_default), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.domains.at({"public", "email"}).default_expr, "'a@b'::text");
  AlterDomain drop_default{{"public", "email"}};
  drop_default.set_default = std::optional<std::string>();
  drop_default.not_null = true;
  ASSERT_THAT(Apply(M(drop_default), &catalog, nullptr), IsOk());
  EXPECT_FALSE(catalog.domains.at({"public", "email"}).default_expr.has_value());
  EXPECT_TRUE(catalog.domains.at({"public", "email"}).not_null);
  AlterDomain owner{{"", "email"}};
  owner.owner = "bob";
  owner.not_null = false;
  ASSERT_THAT(Apply(M(owner), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.domains.at({"public", "email"}).owner, "bob");
  EXPECT_FALSE(catalog.domains.at({"public", "email"}).not_null);
  EXPECT_EQ(catalog.domains.at({"public", "email"}).lineage.changed.line, 2);
}

TEST(ApplyDomain, AddsValidatesAndDropsConstraints) {
  Catalog catalog = Base();
  DiagnosticSink notes;
  ASSERT_THAT(Apply(M(NewDomain("code")), &catalog, nullptr), IsOk());
  AlterDomain add{{"", "code"}};
  add.add_check = Check("(VALUE <> ''::text)");
  add.add_check->constraint.validated = false;
  ASSERT_THAT(Apply(M(add), &catalog, nullptr), IsOk());
  add.add_check = Check("(length(VALUE) < 9)", "short");
  ASSERT_THAT(Apply(M(add), &catalog, nullptr), IsOk());
  EXPECT_THAT(CheckNames(catalog.domains.at({"public", "code"})),
              ElementsAre("code_check", "short"));
  EXPECT_FALSE(catalog.domains.at({"public", "code"}).checks.at("code_check").validated);

  AlterDomain validate{{"", "code"}};
  validate.validate_constraint = "code_check";
  ASSERT_THAT(Apply(M(validate), &catalog, nullptr), IsOk());
  EXPECT_TRUE(catalog.domains.at({"public", "code"}).checks.at("code_check").validated);

  AlterDomain drop{{"public", "code"}};
  drop.drop_constraint = "short";
  ASSERT_THAT(Apply(M(drop), &catalog, nullptr), IsOk());
  drop.drop_if_exists = true;
  ASSERT_THAT(Apply(M(drop), &catalog, &notes), IsOk());
  EXPECT_THAT(CheckNames(catalog.domains.at({"public", "code"})), ElementsAre("code_check"));
  EXPECT_THAT(
      Messages(notes),
      ElementsAre("constraint \"short\" of domain \"public.code\" does not exist, skipping"));
}

TEST(ApplyDomain, RejectsAlterationsPostgresRejects) {
  struct Row {
    AlterDomain mutation;
    absl::StatusCode code;
    std::string message;
  };
  AlterDomain missing{{"", "nope"}};
  missing.not_null = true;
  AlterDomain not_domain{{"", "mood"}};
  not_domain.not_null = true;
  AlterDomain drop{{"", "code"}};
  drop.drop_constraint = "nope";
  AlterDomain validate{{"", "code"}};
  validate.validate_constraint = "nope";
  AlterDomain add{{"", "code"}};
  add.add_check = Check("(VALUE <> 'x')", "code_check");
  const std::vector<Row> rows = {
      {missing, absl::StatusCode::kNotFound, "type \"nope\" does not exist"},
      {not_domain, absl::StatusCode::kInvalidArgument, "mood is not a domain"},
      {drop, absl::StatusCode::kNotFound, "constraint \"nope\" of domain \"code\" does not exist"},
      {validate, absl::StatusCode::kNotFound,
       "constraint \"nope\" of domain \"code\" does not exist"},
      {add, absl::StatusCode::kAlreadyExists,
       "constraint \"code_check\" for domain \"code\" already exists"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = Base();
    ASSERT_THAT(Apply(M(NewDomain("code", {Check("(VALUE <> '')")})), &catalog, nullptr), IsOk());
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_THAT(catalog.domains.at({"public", "code"}).checks,
                ElementsAre(Pair("code_check", DomainCheck{"code_check", "(VALUE <> '')", true})));
  }
}

}  // namespace
}  // namespace pgdrift::model
