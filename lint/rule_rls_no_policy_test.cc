#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint/rules.h"
#include "lint/testing/lint_builders.h"

namespace pgdrift::lint {
namespace {

using ::testing::ElementsAre;

TEST(RuleRlsNoPolicy, ReportsRlsTablesWithoutAnyPolicy) {
  model::Catalog catalog = NewCatalog();
  AddTable(catalog, "public", "locked", 2).rls_enabled = true;
  model::Table& guarded = AddTable(catalog, "public", "guarded", 4);
  guarded.rls_enabled = true;
  guarded.policies["own"] = model::Policy{"own"};
  AddTable(catalog, "public", "open", 6);  // no RLS: rls-disabled's business
  AddTable(catalog, "app", "queue", 8).rls_enabled = true;  // any schema
  model::Table& managed = AddTable(catalog, "public", "provided", 9);
  managed.rls_enabled = true;
  managed.managed = true;
  LintInput input{&catalog};
  EXPECT_THAT(Lines(CheckRlsNoPolicy(input)),
              ElementsAre("8: table app.queue: row level security is enabled on table app.queue "
                          "but it has no policy",
                          "2: table public.locked: row level security is enabled on table "
                          "public.locked but it has no policy"));
}

}  // namespace
}  // namespace pgdrift::lint
