// GoogleTest matchers for absl::Status and absl::StatusOr that our GoogleTest 1.12 and
// Abseil 20220623 lack: IsOk() and StatusIs(code, substring).
#ifndef PGDRIFT_BASE_TESTING_STATUS_MATCHERS_H_
#define PGDRIFT_BASE_TESTING_STATUS_MATCHERS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "base/status_macros.h"
#include "gmock/gmock.h"

namespace pgdrift::testing {

inline const absl::Status& GetStatus(const absl::Status& status) { return status; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

// Matches an OK Status or a StatusOr holding a value.
MATCHER(IsOk, "is OK") {
  const absl::Status& status = GetStatus(arg);
  if (!status.ok()) *result_listener << "status is " << status;
  return status.ok();
}

// Matches a Status (or StatusOr) with `code` whose message contains `substring`.
MATCHER_P2(StatusIs, code, substring,
           std::string("has code ") + absl::StatusCodeToString(code) + " and a message containing \"" +
               std::string(substring) + "\"") {
  const absl::Status& status = GetStatus(arg);
  *result_listener << "status is " << status;
  return status.code() == code &&
         status.message().find(std::string(substring)) != std::string::npos;
}

}  // namespace pgdrift::testing

#define PGDRIFT_ASSERT_OK_AND_ASSIGN(lhs, rexpr)                                          \
  PGDRIFT_ASSERT_OK_AND_ASSIGN_IMPL_(PGDRIFT_STATUS_CONCAT_(pgdrift_assert_, __LINE__), lhs, \
                                     rexpr)
#define PGDRIFT_ASSERT_OK_AND_ASSIGN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                       \
  ASSERT_TRUE(statusor.ok()) << statusor.status();              \
  lhs = std::move(statusor).value()

#endif  // PGDRIFT_BASE_TESTING_STATUS_MATCHERS_H_
