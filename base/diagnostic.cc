#include "base/diagnostic.h"

#include <algorithm>
#include <charconv>

#include "absl/strings/cord.h"
#include "base/strings.h"

namespace pgdrift {
namespace {

bool ParseInt(const std::string& text, int* value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

std::string Diagnostic::ToString() const {
  std::string where = span.ToString();
  std::string text = where.empty() ? StrCat(SeverityName(severity), ": ", message)
                                   : StrCat(where, ": ", SeverityName(severity), ": ", message);
  if (!statement.empty()) StrAppend(&text, "\n    ", statement);
  return text;
}

absl::Status InputError(absl::StatusCode code, const SourceSpan& span, std::string_view message) {
  std::string where = span.ToString();
  absl::Status status(code, where.empty() ? std::string(message) : StrCat(where, ": ", message));
  if (!span.file.empty()) {
    status.SetPayload(std::string(kSourceSpanPayloadUrl),
                      absl::Cord(StrCat(span.file, "\n", span.line, "\n", span.column)));
  }
  return status;
}

std::optional<SourceSpan> SpanOf(const absl::Status& status) {
  auto payload = status.GetPayload(std::string(kSourceSpanPayloadUrl));
  if (!payload.has_value()) return std::nullopt;
  std::vector<std::string> parts = StrSplit(std::string(*payload), '\n');
  if (parts.size() != 3) return std::nullopt;
  SourceSpan span;
  span.file = parts[0];
  if (!ParseInt(parts[1], &span.line) || !ParseInt(parts[2], &span.column)) {
    return std::nullopt;
  }
  return span;
}

std::string FirstLine(std::string_view statement) {
  statement = Trim(statement);
  std::string_view line = statement.substr(0, statement.find('\n'));
  line = Trim(line);
  constexpr size_t kMax = 120;
  if (line.size() <= kMax) return std::string(line);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return StrCat(line.substr(0, cut), "…");
}

void DiagnosticSink::Error(const SourceSpan& span, std::string message, std::string statement) {
  Add({Severity::kError, span, std::move(message), std::move(statement)});
}

void DiagnosticSink::Warning(const SourceSpan& span, std::string message, std::string statement) {
  Add({Severity::kWarning, span, std::move(message), std::move(statement)});
}

int DiagnosticSink::error_count() const {
  return static_cast<int>(std::count_if(diagnostics_.begin(), diagnostics_.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}

int DiagnosticSink::warning_count() const {
  return static_cast<int>(std::count_if(diagnostics_.begin(), diagnostics_.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::kWarning; }));
}

}  // namespace pgdrift
