// Template definitions for transform_test_util.h.
#ifndef PGDRIFT_PARSER_TESTING_TRANSFORM_TEST_UTIL_INL_H_
#define PGDRIFT_PARSER_TESTING_TRANSFORM_TEST_UTIL_INL_H_

#include <variant>

#include "gtest/gtest.h"

namespace pgdrift::parser::testing {

template <typename Body>
Body SingleMutation(const TransformOutput& output) {
  EXPECT_TRUE(output.status.ok()) << output.status;
  EXPECT_EQ(output.mutations.size(), 1u);
  if (output.mutations.size() != 1) return Body{};
  const Body* body = std::get_if<Body>(&output.mutations[0].body);
  EXPECT_NE(body, nullptr) << "mutation has another type (index "
                           << output.mutations[0].body.index() << ")";
  return body == nullptr ? Body{} : *body;
}

}  // namespace pgdrift::parser::testing

#endif  // PGDRIFT_PARSER_TESTING_TRANSFORM_TEST_UTIL_INL_H_
