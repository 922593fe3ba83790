// The function calls in an SQL expression, and whether each sits inside a sub-select —
// what `pgdrift lint` needs to see that a policy calls auth.uid() once per row instead of
// once per statement. No libpg_query type leaves this file.
#ifndef PGDRIFT_PARSER_EXPRESSION_CALLS_H_
#define PGDRIFT_PARSER_EXPRESSION_CALLS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace pgdrift::parser {

// One function call (a FuncCall node) of an expression.
struct ExpressionCall {
  std::string schema;  // as written; "" when unqualified
  std::string name;
  // Inside a sub-select (a SubLink: `(SELECT …)`, EXISTS, IN (SELECT …), ARRAY(SELECT …)).
  bool in_subselect = false;
  int offset = 0;  // 0-based byte offset of the call in the expression

  // "auth.uid" or "now": the name as written.
  std::string FullName() const { return schema.empty() ? name : schema + "." + name; }
};

// The function calls of `expression` (e.g. a policy's USING text as pg_get_expr prints
// it), in text order. kInvalidArgument when it does not parse as an expression.
[[nodiscard]] absl::StatusOr<std::vector<ExpressionCall>> FunctionCallsIn(
    std::string_view expression);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_EXPRESSION_CALLS_H_
