// Test utilities for transform unit tests: parse SQL text, run TransformStatement over a
// hand-built Catalog and hand back the emitted mutations, without applying them.
#ifndef PGDRIFT_PARSER_TESTING_TRANSFORM_TEST_UTIL_H_
#define PGDRIFT_PARSER_TESTING_TRANSFORM_TEST_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "base/diagnostic.h"
#include "model/catalog.h"
#include "model/mutation.h"

namespace pgdrift::parser::testing {

// What transforming a script produced: the first non-OK status (OK when every statement
// transformed), every statement's mutations in order, and the warnings.
struct TransformOutput {
  absl::Status status;
  std::vector<model::Mutation> mutations;
  std::vector<Diagnostic> diagnostics;
};

// Parses `sql` as the file "test.sql" and transforms each statement against `catalog`
// (which is not changed: later statements see the same catalog). A syntax error gives
// a kInvalidArgument status.
TransformOutput TransformSql(std::string_view sql, const model::Catalog& catalog);

// A catalog with the schemas public and extensions, search_path "$user", public.
model::Catalog BasicCatalog();

// A column called `name` of `type` (with `collation` when given), for test catalogs.
model::Column MakeColumn(std::string name, model::TypeRef type, std::string collation = "");
// The same for a built-in type spelled canonically, e.g. "integer".
model::Column MakeColumn(std::string name, std::string builtin_type);

// The single mutation of `output` as `Body`; fails the test (and returns a default
// Body) when there is not exactly one mutation or it has another type.
template <typename Body>
Body SingleMutation(const TransformOutput& output);

}  // namespace pgdrift::parser::testing

#include "parser/testing/transform_test_util_inl.h"

#endif  // PGDRIFT_PARSER_TESTING_TRANSFORM_TEST_UTIL_H_
