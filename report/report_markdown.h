// The report as Markdown: provenance and summary first, then each drifted object, the
// history versions, and the dependency picture as a DOT block (or a linked SVG file).
#ifndef PGDRIFT_REPORT_REPORT_MARKDOWN_H_
#define PGDRIFT_REPORT_REPORT_MARKDOWN_H_

#include <string>

#include "report/report.h"

namespace pgdrift::report {

// `svg_file`: when not empty, the picture was written to this file (relative to the
// report) and is linked instead of shown as DOT.
std::string ReportMarkdown(const Report& report, const std::string& svg_file = "");

}  // namespace pgdrift::report

#endif  // PGDRIFT_REPORT_REPORT_MARKDOWN_H_
