// Propagation macros for absl::Status and absl::StatusOr.
//
// Same meaning as the macros newer Abseil releases ship, so they can be swapped later:
// PGDRIFT_RETURN_IF_ERROR returns a non-OK status from the enclosing function;
// PGDRIFT_ASSIGN_OR_RETURN unwraps a StatusOr or returns its status.
#ifndef PGDRIFT_BASE_STATUS_MACROS_H_
#define PGDRIFT_BASE_STATUS_MACROS_H_

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define PGDRIFT_STATUS_CONCAT_INNER_(a, b) a##b
#define PGDRIFT_STATUS_CONCAT_(a, b) PGDRIFT_STATUS_CONCAT_INNER_(a, b)

// Evaluates `expr` (an absl::Status) and returns it when it is not OK.
#define PGDRIFT_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    if (absl::Status pgdrift_status_ = (expr);         \
        !pgdrift_status_.ok()) {                       \
      return pgdrift_status_;                          \
    }                                                  \
  } while (false)

// Evaluates `rexpr` (an absl::StatusOr<T>); on success moves the value into `lhs`
// (which may be a declaration), otherwise returns the status.
#define PGDRIFT_ASSIGN_OR_RETURN(lhs, rexpr)                                        \
  PGDRIFT_ASSIGN_OR_RETURN_IMPL_(PGDRIFT_STATUS_CONCAT_(pgdrift_statusor_, __LINE__), \
                                 lhs, rexpr)

#define PGDRIFT_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                  \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = std::move(statusor).value()

// Aborts with a message when an internal invariant does not hold. Never for user input.
#define PGDRIFT_CHECK(condition)                                                  \
  do {                                                                            \
    if (!(condition)) {                                                           \
      std::fprintf(stderr, "%s:%d: internal error: check failed: %s\n", __FILE__, \
                   __LINE__, #condition);                                         \
      std::abort();                                                               \
    }                                                                             \
  } while (false)

#endif  // PGDRIFT_BASE_STATUS_MACROS_H_
