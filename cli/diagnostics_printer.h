// Prints replay diagnostics to stderr in the compiler format
// (`path:line:col: error: message` + the statement's first line), coloured on a terminal.
#ifndef PGDRIFT_CLI_DIAGNOSTICS_PRINTER_H_
#define PGDRIFT_CLI_DIAGNOSTICS_PRINTER_H_

#include <vector>

#include "base/diagnostic.h"
#include "cli/terminal.h"

namespace pgdrift::cli {

// Prints errors and warnings (notes only when `verbose`), then a count line when there
// was anything to say, e.g. "2 errors, 1 warning".
void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics, bool verbose, const Output& err);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_DIAGNOSTICS_PRINTER_H_
