// The report as one self-contained HTML file: no scripts, no external resources, inline
// CSS and the dependency picture as inline SVG (its DOT source when there is no SVG);
// readable offline, printable, and usable with a screen reader (landmarks, headings,
// table headers and captions, status in words as well as colour, a text alternative for
// the picture).
#ifndef PGDRIFT_REPORT_REPORT_HTML_H_
#define PGDRIFT_REPORT_REPORT_HTML_H_

#include <string>

#include "report/report.h"

namespace pgdrift::report {

std::string ReportHtml(const Report& report);

}  // namespace pgdrift::report

#endif  // PGDRIFT_REPORT_REPORT_HTML_H_
