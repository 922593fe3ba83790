#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint/rules.h"
#include "lint/testing/lint_builders.h"

namespace pgdrift::lint {
namespace {

parser::CreateStatementInfo Create(int line, std::string command, std::string kind,
                                   std::string object, bool idempotent,
                                   std::string form = "IF NOT EXISTS") {
  parser::CreateStatementInfo info;
  info.span = At(line);
  info.command = std::move(command);
  info.kind = std::move(kind);
  info.object = std::move(object);
  info.idempotent_form = std::move(form);
  info.idempotent = idempotent;
  return info;
}

std::vector<int> ReportedLines(const std::vector<parser::CreateStatementInfo>& statements) {
  model::Catalog catalog = NewCatalog();
  LintInput input{&catalog};
  input.create_statements = statements;
  std::vector<int> lines;
  for (const Finding& finding : CheckNotIdempotent(input)) lines.push_back(finding.span.line);
  return lines;
}

TEST(RuleNotIdempotent, ReportsOnlyInChainsWhoseConventionIsIdempotent) {
  struct Case {
    std::string name;
    std::vector<bool> idempotent;  // one CREATE TABLE per line, 1-based
    std::vector<int> reported;
  };
  std::vector<Case> cases = {
      {"all idempotent", {true, true, true}, {}},
      {"most idempotent", {true, false, true}, {2}},
      {"exactly half", {true, false}, {2}},
      {"a minority", {true, false, false}, {}},
      {"none", {false, false}, {}},
      {"no CREATE at all", {}, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<parser::CreateStatementInfo> statements;
    for (size_t i = 0; i < c.idempotent.size(); ++i) {
      statements.push_back(Create(static_cast<int>(i + 1), "CREATE TABLE", "table",
                                  "t" + std::to_string(i), c.idempotent[i]));
    }
    EXPECT_EQ(ReportedLines(statements), c.reported);
  }
}

TEST(RuleNotIdempotent, ADropIfExistsBeforeMakesACreateRerun) {
  parser::CreateStatementInfo trigger =
      Create(2, "CREATE TRIGGER", "trigger", "tr on t", false, "OR REPLACE");
  trigger.dropped_before = true;
  EXPECT_EQ(ReportedLines({Create(1, "CREATE TABLE", "table", "t", true), trigger}),
            std::vector<int>{});
}

TEST(RuleNotIdempotent, SaysWhatToWrite) {
  model::Catalog catalog = NewCatalog();
  LintInput input{&catalog};
  input.create_statements = {
      Create(1, "CREATE TABLE", "table", "public.a", true),
      Create(2, "CREATE OR REPLACE", "function", "public.f", true, "OR REPLACE"),
      Create(3, "CREATE FUNCTION", "function", "public.g", false, "OR REPLACE"),
      Create(4, "CREATE INDEX", "index", "", false),
      Create(5, "CREATE TABLE", "table", "public.b", true),
      Create(6, "CREATE TABLE AS", "table", "public.c", false),
  };
  input.create_statements[1].command = "CREATE FUNCTION";
  std::vector<Finding> findings = CheckNotIdempotent(input);
  EXPECT_THAT(Lines(findings),
              ::testing::ElementsAre(
                  "3: function public.g: CREATE FUNCTION public.g without OR REPLACE (3 of 6 "
                  "CREATE statements re-run)",
                  "4: : CREATE INDEX without a name (3 of 6 CREATE statements re-run): each run "
                  "adds another index",
                  "6: table public.c: CREATE TABLE AS public.c without IF NOT EXISTS (3 of 6 "
                  "CREATE statements re-run)"));
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].why,
            "it fails with \"already exists\" when the migration runs again; write CREATE OR "
            "REPLACE FUNCTION");
  EXPECT_EQ(findings[1].why, "name the index and write CREATE INDEX IF NOT EXISTS name ON …");
  EXPECT_EQ(findings[2].why,
            "it fails with \"already exists\" when the migration runs again; write CREATE TABLE "
            "IF NOT EXISTS … AS");
}

}  // namespace
}  // namespace pgdrift::lint
