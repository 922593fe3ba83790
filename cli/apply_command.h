// `pgdrift apply PLAN_DIR --remote DB --yes`: executes a plan directory written by
// `pgdrift plan` (plan.json, format pgdrift.plan/v1). Without --yes it only says what
// would run. With it: a pgdrift.model/v1 snapshot of the remote first
// (PLAN_DIR/snapshot-before-<UTC>.json), then the steps in order — repair.sql in one
// transaction, each push / migrate file in one transaction together with its history row
// (statement by statement and the row afterwards when the step is not transactional) —
// stopping at the first error, then a check that the remote equals target.json and
// records every version the plan expects.
//
// Resuming: a push or migrate step whose version the history already records, and a
// repair step whose history changes are all in place, are skipped, so running the same
// command again after a failure continues at the step that failed.
#ifndef PGDRIFT_CLI_APPLY_COMMAND_H_
#define PGDRIFT_CLI_APPLY_COMMAND_H_

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/source.h"
#include "cli/terminal.h"

namespace pgdrift::cli {

// One version a repair step marks (supabase migration repair --status applied|reverted).
struct RepairVersion {
  std::string version;
  std::string status;  // "applied" | "reverted"
  std::string why;
};

// One step of plan.json.
struct PlanStep {
  int order = 0;
  std::string action;   // add_file | repair | push | migrate
  std::string version;  // add_file, push, migrate
  std::string name;
  std::string file;     // relative to the plan directory
  bool transactional = true;
  std::vector<RepairVersion> versions;  // repair
  int commented_out = 0;                // migrate: statements written commented out
};

// What apply needs of plan.json.
struct ApplyPlan {
  std::string direction;
  std::string remote;        // the description plan recorded (password redacted)
  std::string history_tool;  // "supabase"
  std::string history_table;
  std::vector<PlanStep> steps;
  std::string target;  // relative path of the target snapshot
};

// The plan.json format apply reads.
inline constexpr std::string_view kPlanFormat = "pgdrift.plan/v1";

// Parses and validates the text of a plan.json: the format must be pgdrift.plan/v1, the
// history tool supabase, every step's action known, with the fields it needs, orders
// increasing, and file paths relative and inside the plan directory. kInvalidArgument
// with a message naming the step otherwise.
[[nodiscard]] absl::StatusOr<ApplyPlan> ParseApplyPlan(std::string_view json_text);

struct ApplyOptions {
  std::string plan_dir;
  std::string remote;  // connection string (or empty: PGDRIFT_DB_URL …)
  bool yes = false;
  SourceOptions source_options;  // --profile; supabase when absent and the history is
  std::chrono::milliseconds statement_timeout{0};
  std::chrono::milliseconds lock_timeout{10'000};
  // The UTC time that names the snapshot file; the current time when unset.
  std::function<std::string()> utc_timestamp;
};

// Runs the command; returns 0 when the remote converged, 1 when it did not (e.g.
// statements left commented out), 2 on error or refusal.
int RunApply(const ApplyOptions& options, const Output& out, const Output& err);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_APPLY_COMMAND_H_
