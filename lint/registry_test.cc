#include "lint/registry.h"

#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint/testing/lint_builders.h"

namespace pgdrift::lint {
namespace {

using ::testing::ElementsAre;

TEST(Registry, RuleIdsAreTheDocumentedContract) {
  std::vector<std::string> ids;
  for (const Rule& rule : Rules()) ids.emplace_back(rule.id);
  EXPECT_THAT(ids, ElementsAre("replay-error", "rls-disabled", "rls-no-policy",
                               "security-definer-search-path", "policy-per-row-auth-call",
                               "fk-without-index", "not-idempotent"));
  ASSERT_NE(FindRule("rls-disabled"), nullptr);
  EXPECT_EQ(FindRule("rls-disabled")->severity, Severity::kError);
  EXPECT_EQ(FindRule("fk-without-index")->severity, Severity::kWarning);
  EXPECT_EQ(FindRule("no-such-rule"), nullptr);
}

TEST(Registry, StampsRuleAndSeverityAndSortsByPosition) {
  model::Catalog catalog = NewCatalog();
  AddTable(catalog, "public", "later", 20);
  AddTable(catalog, "public", "locked", 5).rls_enabled = true;
  LintInput input{&catalog, parser::Profile::kSupabase};
  input.replay_diagnostics.push_back(
      Diagnostic{Severity::kError, At(9), "relation \"public.nope\" does not exist", "x"});
  input.replay_diagnostics.push_back(
      Diagnostic{Severity::kWarning, At(10), "INSERT is not modelled", "insert …"});
  std::vector<std::string> lines;
  for (const Finding& finding : RunLint(input)) {
    lines.push_back(StrCat(finding.span.line, " ", finding.rule, " ",
                           SeverityName(finding.severity)));
  }
  EXPECT_THAT(lines, ElementsAre("5 rls-no-policy warning", "9 replay-error error",
                                 "20 rls-disabled error"));
}

TEST(Registry, FindingsWithoutAPositionComeLast) {
  Finding placed{"b", Severity::kWarning, At(3)};
  Finding unplaced{"a", Severity::kWarning, SourceSpan{}};
  EXPECT_TRUE(FindingBefore(placed, unplaced));
  EXPECT_FALSE(FindingBefore(unplaced, placed));
}

}  // namespace
}  // namespace pgdrift::lint
