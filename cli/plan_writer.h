// The plan directory `pgdrift plan --out DIR` writes (the contract `apply` reads): PLAN.md,
// plan.json ("pgdrift.plan/v1"), target.json, and the plan's files (migrations/, push/,
// rollback/, repair.sql, repair.sh, verify.sql).
#ifndef PGDRIFT_CLI_PLAN_WRITER_H_
#define PGDRIFT_CLI_PLAN_WRITER_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "nlohmann/json.hpp"
#include "planner/plan.h"

namespace pgdrift::cli {

inline constexpr char kPlanJsonFormat[] = "pgdrift.plan/v1";

// Where the plan's two sides came from, as the sources describe themselves (passwords
// redacted).
struct PlanSources {
  std::string local;
  std::string remote;
};

// The most severe hazard of any statement the plan runs (data_loss, irreversible,
// table_rewrite, access_exclusive_lock, long_running in that order), if any.
std::optional<planner::Hazard> HighestHazard(const planner::Plan& plan);

// plan.json.
nlohmann::ordered_json PlanToJson(const planner::Plan& plan, const PlanSources& sources);

// PLAN.md: the summary, the steps in order (why, hazards, undo), the push simulation, the
// rename proposals and notes.
std::string PlanMarkdown(const planner::Plan& plan, const PlanSources& sources);

// Writes the whole directory. `dir` must not exist, be empty, or hold an earlier plan
// (plan.json); an earlier plan's files are replaced.
[[nodiscard]] absl::Status WritePlanDirectory(const planner::Plan& plan, const PlanSources& sources,
                                              const std::string& dir);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_PLAN_WRITER_H_
