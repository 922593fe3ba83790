#include "planner/planned_statement.h"

#include "base/strings.h"

namespace pgdrift::planner {

std::string_view HazardName(Hazard hazard) {
  switch (hazard) {
    case Hazard::kDataLoss:
      return "data_loss";
    case Hazard::kTableRewrite:
      return "table_rewrite";
    case Hazard::kAccessExclusiveLock:
      return "access_exclusive_lock";
    case Hazard::kLongRunning:
      return "long_running";
    case Hazard::kIrreversible:
      return "irreversible";
  }
  return "data_loss";
}

std::string StatementsSql(const std::vector<PlannedStatement>& statements, bool allow_data_loss) {
  std::string out;
  for (const PlannedStatement& statement : statements) {
    if (!out.empty()) out += "\n";
    if (!statement.hazards.empty()) {
      std::vector<std::string> names;
      for (Hazard hazard : statement.hazards) names.emplace_back(HazardName(hazard));
      StrAppend(&out, "-- hazards: ", StrJoin(names, ", "), "\n");
    }
    if (!statement.why.empty()) StrAppend(&out, "-- ", statement.why, "\n");
    bool commented = statement.hazards.contains(Hazard::kDataLoss) && !allow_data_loss;
    if (commented) {
      out += "-- not run: data_loss needs --allow-hazard data_loss\n";
      for (std::string_view line : StrSplit(statement.sql, '\n')) StrAppend(&out, "-- ", line, "\n");
    } else {
      StrAppend(&out, statement.sql, "\n");
    }
  }
  return out;
}

}  // namespace pgdrift::planner
