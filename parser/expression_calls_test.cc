#include "parser/expression_calls.h"

#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAreArray;

// "name@offset" for direct calls, "name@offset (sub-select)" for the others.
std::vector<std::string> Calls(const std::string& expression) {
  absl::StatusOr<std::vector<ExpressionCall>> calls = FunctionCallsIn(expression);
  EXPECT_TRUE(calls.ok()) << calls.status();
  std::vector<std::string> out;
  if (!calls.ok()) return out;
  for (const ExpressionCall& call : *calls) {
    out.push_back(call.FullName() + "@" + std::to_string(call.offset) +
                  (call.in_subselect ? " (sub-select)" : ""));
  }
  return out;
}

TEST(ExpressionCalls, FindsCallsAndWhetherASubSelectWrapsThem) {
  struct Case {
    std::string expression;
    std::vector<std::string> calls;
  };
  std::vector<Case> cases = {
      {"(auth.uid() = user_id)", {"auth.uid@1"}},
      {"(( SELECT auth.uid() AS uid) = user_id)", {"auth.uid@10 (sub-select)"}},
      {"((auth.jwt() ->> 'role'::text) = 'admin'::text)", {"auth.jwt@2"}},
      {"(current_setting('app.tenant'::text) = (tenant)::text)", {"current_setting@1"}},
      {"(EXISTS ( SELECT 1 FROM public.members m WHERE (m.user_id = auth.uid())))",
       {"auth.uid@60 (sub-select)"}},
      {"(lower(name) = lower(( SELECT auth.email() AS email)))",
       {"lower@1", "lower@15", "auth.email@30 (sub-select)"}},
      {"true", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expression);
    EXPECT_THAT(Calls(c.expression), ElementsAreArray(c.calls));
  }
}

TEST(ExpressionCalls, RejectsWhatIsNotOneExpression) {
  EXPECT_THAT(FunctionCallsIn("(a = "), StatusIs(absl::StatusCode::kInvalidArgument, "parse"));
  EXPECT_THAT(FunctionCallsIn("1, 2"),
              StatusIs(absl::StatusCode::kInvalidArgument, "not one expression"));
}

}  // namespace
}  // namespace pgdrift::parser
