// The report as JSON, format "pgdrift.report/v1" (docs/json-formats.md).
#ifndef PGDRIFT_REPORT_REPORT_JSON_H_
#define PGDRIFT_REPORT_REPORT_JSON_H_

#include "nlohmann/json.hpp"
#include "report/report.h"

namespace pgdrift::report {

nlohmann::ordered_json ReportJson(const Report& report);

}  // namespace pgdrift::report

#endif  // PGDRIFT_REPORT_REPORT_JSON_H_
