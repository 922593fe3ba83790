#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint/rules.h"
#include "lint/testing/lint_builders.h"

namespace pgdrift::lint {
namespace {

TEST(RuleReplayError, TurnsReplayErrorsIntoFindingsAndSkipsWarnings) {
  model::Catalog catalog = NewCatalog();
  LintInput input{&catalog};
  input.replay_diagnostics = {
      {Severity::kError, At(2), "syntax error at or near \"tabel\"", "create tabel t ();"},
      {Severity::kWarning, At(3), "INSERT is not modelled", "insert into t values (1);"},
      {Severity::kNote, At(4), "relation \"t\" already exists, skipping", ""},
      {Severity::kError, At(5), "relation \"public.t\" does not exist", "alter table t …"},
      {Severity::kError, At(6),
       "cannot drop table a because other objects depend on it\nDETAIL:  view v depends on "
       "table a\nHINT:  Use DROP ... CASCADE to drop the dependent objects too.",
       "drop table a;"},
  };
  EXPECT_THAT(Lines(CheckReplayErrors(input)),
              ::testing::ElementsAre("2: : syntax error at or near \"tabel\"",
                                     "5: : relation \"public.t\" does not exist",
                                     "6: : cannot drop table a because other objects depend on "
                                     "it; DETAIL:  view v depends on table a; HINT:  Use DROP "
                                     "... CASCADE to drop the dependent objects too."));
}

}  // namespace
}  // namespace pgdrift::lint
