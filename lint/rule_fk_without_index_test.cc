#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint/rules.h"
#include "lint/testing/lint_builders.h"

namespace pgdrift::lint {
namespace {

model::Constraint Fk(std::string name, std::vector<std::string> columns, int line) {
  model::Constraint constraint;
  constraint.name = std::move(name);
  constraint.type = model::ConstraintType::kForeignKey;
  constraint.columns = std::move(columns);
  constraint.referenced_table = {"public", "users"};
  constraint.lineage = model::Lineage::At(At(line));
  return constraint;
}

model::Index IndexOn(std::vector<std::string> columns, std::string predicate = "") {
  model::Index index;
  index.name = {"public", "idx"};
  index.table = {"public", "members"};
  for (std::string& column : columns) {
    model::IndexElement element;
    if (column.starts_with("(")) {
      element.expression = column;
    } else {
      element.column = column;
    }
    index.keys.push_back(element);
  }
  index.predicate = std::move(predicate);
  return index;
}

TEST(RuleFkWithoutIndex, ReportsForeignKeysNoIndexLeadsWith) {
  struct Case {
    std::string name;
    std::vector<std::string> fk_columns;
    std::optional<model::Index> index;
    std::optional<std::vector<std::string>> primary_key;
    bool reported;
  };
  std::vector<Case> cases = {
      {"no index", {"user_id"}, std::nullopt, std::nullopt, true},
      {"index on the column", {"user_id"}, IndexOn({"user_id"}), std::nullopt, false},
      {"index led by the column", {"user_id"}, IndexOn({"user_id", "created_at"}), std::nullopt,
       false},
      {"column second in the index", {"user_id"}, IndexOn({"created_at", "user_id"}),
       std::nullopt, true},
      {"composite key in another order", {"org_id", "user_id"}, IndexOn({"user_id", "org_id"}),
       std::nullopt, false},
      {"partial index", {"user_id"}, IndexOn({"user_id"}, "(deleted_at IS NULL)"), std::nullopt,
       true},
      {"expression index", {"user_id"}, IndexOn({"(lower(user_id))"}), std::nullopt, true},
      {"primary key leads", {"org_id"}, std::nullopt,
       std::vector<std::string>{"org_id", "user_id"}, false},
      {"primary key on other columns", {"user_id"}, std::nullopt,
       std::vector<std::string>{"org_id", "user_id"}, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::Catalog catalog = NewCatalog();
    model::Table& table = AddTable(catalog, "public", "members");
    table.constraints["members_fkey"] = Fk("members_fkey", c.fk_columns, 9);
    if (c.primary_key) {
      model::Constraint pk;
      pk.name = "members_pkey";
      pk.type = model::ConstraintType::kPrimaryKey;
      pk.columns = *c.primary_key;
      table.constraints["members_pkey"] = pk;
    }
    if (c.index) catalog.indexes[c.index->name] = *c.index;
    LintInput input{&catalog};
    EXPECT_EQ(CheckFkWithoutIndex(input).size(), c.reported ? 1u : 0u);
  }
}

TEST(RuleFkWithoutIndex, NamesTheConstraintAndTheIndexToAdd) {
  model::Catalog catalog = NewCatalog();
  AddTable(catalog, "public", "members").constraints["members_user_fkey"] =
      Fk("members_user_fkey", {"user_id", "Org"}, 9);
  // An index of another table does not count.
  model::Index other = IndexOn({"user_id", "Org"});
  other.table = {"public", "users"};
  catalog.indexes[other.name] = other;
  LintInput input{&catalog};
  std::vector<Finding> findings = CheckFkWithoutIndex(input);
  EXPECT_THAT(Lines(findings),
              ::testing::ElementsAre(
                  "9: constraint public.members.members_user_fkey: foreign key constraint "
                  "public.members.members_user_fkey (user_id, \"Org\") has no index on its "
                  "columns"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].why,
            "deletes and key updates in public.users scan public.members for referencing rows; "
            "add CREATE INDEX ON public.members (user_id, \"Org\")");
}

}  // namespace
}  // namespace pgdrift::lint
