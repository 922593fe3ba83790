// An attribute value (diff::Value) as JSON — null, a boolean, a number, a string or a
// list of strings — the one spelling every JSON output of pgdrift uses for before/after
// values: the drift document, SARIF properties and the report.
#ifndef PGDRIFT_REPORT_VALUE_JSON_H_
#define PGDRIFT_REPORT_VALUE_JSON_H_

#include "diff/value.h"
#include "nlohmann/json.hpp"

namespace pgdrift::report {

nlohmann::ordered_json ValueJson(const diff::Value& value);

}  // namespace pgdrift::report

#endif  // PGDRIFT_REPORT_VALUE_JSON_H_
