// Diagnostics about user input: errors and warnings with the place they refer to.
//
// Messages follow one shape everywhere: "path:line:col: error: message", lowercase,
// no trailing period, identifiers quoted as PostgreSQL quotes them. An error Status
// made here carries the span as a payload too, for machine-readable output.
#ifndef PGDRIFT_BASE_DIAGNOSTIC_H_
#define PGDRIFT_BASE_DIAGNOSTIC_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "base/source_span.h"

namespace pgdrift {

// Type URL of the Status payload that holds a SourceSpan as "file\nline\ncolumn".
inline constexpr std::string_view kSourceSpanPayloadUrl = "type.pgdrift.dev/pgdrift.SourceSpan";

enum class Severity { kError, kWarning, kNote };

// One finding about user input.
struct Diagnostic {
  Severity severity = Severity::kError;
  SourceSpan span;
  std::string message;
  std::string statement;  // first line of the offending statement, when there is one

  // "path:line:col: error: message" (the prefix is left out when the span is unknown).
  std::string ToString() const;
};

// Returns "error", "warning" or "note".
std::string_view SeverityName(Severity severity);

// Builds an error Status whose message starts with the span ("path:line:col: msg") and
// that carries the span as a payload.
absl::Status InputError(absl::StatusCode code, const SourceSpan& span, std::string_view message);

// Reads back the span attached by InputError, if any.
std::optional<SourceSpan> SpanOf(const absl::Status& status);

// The first line of `statement`, trimmed, cut at 120 characters with "…".
std::string FirstLine(std::string_view statement);

// Collects diagnostics in the order they were found.
class DiagnosticSink {
 public:
  void Add(Diagnostic diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }
  void Error(const SourceSpan& span, std::string message, std::string statement = "");
  void Warning(const SourceSpan& span, std::string message, std::string statement = "");

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  int error_count() const;
  int warning_count() const;

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace pgdrift

#endif  // PGDRIFT_BASE_DIAGNOSTIC_H_
