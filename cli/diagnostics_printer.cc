#include "cli/diagnostics_printer.h"

#include "base/plural.h"
#include "base/strings.h"

namespace pgdrift::cli {
namespace {

std::string_view SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "1;31";
    case Severity::kWarning:
      return "1;33";
    case Severity::kNote:
      return "1;36";
  }
  return "0";
}

}  // namespace

void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics, bool verbose, const Output& err) {
  int errors = 0;
  int warnings = 0;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == Severity::kNote && !verbose) continue;
    errors += diagnostic.severity == Severity::kError;
    warnings += diagnostic.severity == Severity::kWarning;
    std::string where = diagnostic.span.ToString();
    if (!where.empty()) *err.stream << err.Paint("1", where) << ": ";
    // PostgreSQL-style DETAIL and HINT lines follow the statement.
    std::string_view message = diagnostic.message;
    size_t newline = message.find('\n');
    std::string_view details = newline == std::string_view::npos ? "" : message.substr(newline + 1);
    *err.stream << err.Paint(SeverityColor(diagnostic.severity), SeverityName(diagnostic.severity))
                << ": " << message.substr(0, newline) << "\n";
    if (!diagnostic.statement.empty()) *err.stream << "    " << diagnostic.statement << "\n";
    for (const std::string& line : StrSplit(details, '\n')) {
      if (!line.empty()) *err.stream << "  " << line << "\n";
    }
  }
  if (errors + warnings > 0) {
    *err.stream << Plural(errors, "error") << ", " << Plural(warnings, "warning") << "\n";
  }
}

}  // namespace pgdrift::cli
