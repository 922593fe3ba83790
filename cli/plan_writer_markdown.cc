// PLAN.md rendering of a plan (declared in cli/plan_writer.h).
#include <map>

#include "base/diagnostic.h"
#include "base/strings.h"
#include "cli/plan_writer.h"

namespace pgdrift::cli {
namespace {

using planner::Hazard;
using planner::PlanAction;
using planner::PlanStep;

std::string HazardList(const std::set<Hazard>& hazards) {
  if (hazards.empty()) return "none";
  std::vector<std::string> names;
  for (Hazard hazard : hazards) names.emplace_back(planner::HazardName(hazard));
  return StrJoin(names, ", ");
}

std::string StepTitle(const PlanStep& step) {
  switch (step.action) {
    case PlanAction::kAddFile:
      return StrCat("add_file `", step.file, "`");
    case PlanAction::kRenameFile:
      return StrCat("rename_file `", step.source_path, "` → `", step.file, "`");
    case PlanAction::kRepair:
      return "repair (`repair.sql` / `repair.sh`)";
    case PlanAction::kPush:
      return StrCat("push `", step.file, "`");
    case PlanAction::kMigrate:
      return StrCat("migrate `", step.file, "`");
  }
  return "";
}

void AppendStep(const PlanStep& step, int order, std::string* out) {
  StrAppend(out, "### ", order, ". ", StepTitle(step), "\n\n");
  StrAppend(out, "Why: ", step.explanation, "\n\n");
  switch (step.action) {
    case PlanAction::kAddFile:
      StrAppend(out, "Copy it into the local migrations folder. It changes nothing in the database.\n\n");
      break;
    case PlanAction::kRenameFile:
      break;
    case PlanAction::kRepair:
      for (const planner::RepairEntry& entry : step.repairs) {
        StrAppend(out, "- `", entry.version, "` ", planner::RepairStatusName(entry.status),
                  entry.name.empty() ? "" : StrCat(" (", entry.name, ")"), ": ", entry.why, "\n");
      }
      *out += "\n";
      break;
    case PlanAction::kPush:
      StrAppend(out, "Runs in one transaction and records version `", step.version,
                "` in the history table. Hazards: none assessed (a migration of the chain).\n\n");
      break;
    case PlanAction::kMigrate: {
      StrAppend(out, step.transactional ? "Runs in one transaction"
                                        : "Runs outside a transaction, statement by statement,",
                " and records version `", step.version, "` in the history table.\n\n");
      *out += "| # | object | step | hazards | runs |\n|---|---|---|---|---|\n";
      for (size_t i = 0; i < step.statements.size(); ++i) {
        const planner::PlanStatement& statement = step.statements[i];
        StrAppend(out, "| ", i + 1, " | `", statement.object.ToString(), "` | ",
                  planner::StepActionName(statement.action), " | ",
                  HazardList(statement.statement.hazards), " | ",
                  statement.commented_out ? "no: commented out (needs --allow-hazard data_loss)" : "yes",
                  " |\n");
      }
      *out += "\n";
      for (const planner::PlanStatement& statement : step.statements) {
        if (!statement.statement.why.empty()) {
          StrAppend(out, "- `", statement.object.ToString(), "`: ", statement.statement.why, "\n");
        }
      }
      if (!step.rollback.empty()) {
        StrAppend(out, "Rollback: `", step.rollback, "` (hazards: ", HazardList(step.rollback_hazards), ").\n\n");
      }
      break;
    }
  }
  StrAppend(out, "Undo: ", step.undo, "\n\n");
}

}  // namespace

std::string PlanMarkdown(const planner::Plan& plan, const PlanSources& sources) {
  bool push = plan.direction == planner::PlanDirection::kPush;
  std::string out = StrCat("# pgdrift plan (", planner::PlanDirectionName(plan.direction), ")\n\n");
  StrAppend(&out, "- Local: ", sources.local, "\n- Remote: ", sources.remote, "\n- History: ",
            plan.history_table.empty() ? "none (schema only)"
                                       : StrCat("`", plan.history_table, "` (", plan.history_tool, ")"),
            "\n\n");
  if (!push) {
    out +=
        "Direction pull: the remote database is the truth. Nothing runs on the database but "
        "the history repair; the local chain gets the files that make it replay to the remote "
        "schema.\n\n";
  }

  out += "## Summary\n\n";
  if (plan.in_sync) {
    out += "The remote is in sync with the local chain: schema and history agree, nothing to do.\n\n";
  } else {
    std::map<PlanAction, int> counts;
    int statements = 0;
    int commented = 0;
    for (const PlanStep& step : plan.steps) {
      ++counts[step.action];
      for (const planner::PlanStatement& statement : step.statements) {
        ++statements;
        if (statement.commented_out) ++commented;
      }
    }
    std::vector<std::string> parts;
    for (const auto& [action, count] : counts) parts.push_back(StrCat(count, " ", planner::PlanActionName(action)));
    StrAppend(&out, "- ", plan.steps.size(), plan.steps.size() == 1 ? " step: " : " steps: ",
              StrJoin(parts, ", "), "\n");
    if (!plan.history_report.versions.empty()) {
      using diff::VersionStatus;
      StrAppend(&out, "- History: ", plan.history_report.Count(VersionStatus::kApplied), " applied, ",
                plan.history_report.Count(VersionStatus::kLocalOnly), " local only, ",
                plan.history_report.Count(VersionStatus::kRemoteOnly), " remote only, ",
                plan.history_report.Count(VersionStatus::kModified), " modified, ",
                plan.history_report.Count(VersionStatus::kOutOfOrder), " out of order, ",
                plan.history_report.Count(VersionStatus::kFailed), " failed\n");
    }
    StrAppend(&out, "- Push simulation: ", plan.simulation.size(),
              plan.simulation.size() == 1 ? " failing statement\n" : " failing statements\n");
    if (push) {
      StrAppend(&out, "- Corrective statements: ", statements, " (", commented,
                " commented out: data_loss)\n");
    }
    std::optional<Hazard> highest = HighestHazard(plan);
    StrAppend(&out, "- Highest hazard: ", highest ? std::string(planner::HazardName(*highest)) : "none", "\n\n");
    if (push && statements == 0) {
      out += "The remote schema already matches the local chain: no corrective migration.\n\n";
    }
  }

  if (!plan.steps.empty()) {
    out += "## Steps\n\n";
    for (size_t i = 0; i < plan.steps.size(); ++i) AppendStep(plan.steps[i], static_cast<int>(i) + 1, &out);
  }

  if (!plan.pending.empty() || !plan.simulation.empty()) {
    out += "## Push simulation\n\n";
    out += "The pending local migrations, replayed in version order on the remote schema:\n\n";
    for (const planner::PendingDecision& decision : plan.pending) {
      StrAppend(&out, "- `", decision.path, "`: ", decision.decision, "\n");
    }
    if (!plan.simulation.empty()) out += "\nStatements that would fail:\n\n";
    for (const planner::SimulationFinding& finding : plan.simulation) {
      StrAppend(&out, "- ", finding.file, ":", finding.line, ":", finding.column, ": ", finding.severity,
                ": ", finding.message, finding.statement.empty() ? "" : StrCat("\n  `", finding.statement, "`"),
                "\n");
    }
    out += "\n";
  }

  bool renames = false;
  for (const PlanStep& step : plan.steps) renames |= step.action == PlanAction::kRenameFile;
  if (renames) {
    out += "## Rename proposals\n\n";
    for (const PlanStep& step : plan.steps) {
      if (step.action != PlanAction::kRenameFile) continue;
      StrAppend(&out, "- `", step.source_path, "` → `", step.file, "`\n");
    }
    out += "\n";
  }

  if (!plan.remaining_differences.empty()) {
    out += "## Left different\n\nWith the data_loss statements commented out, these stay different "
           "from the local chain (target.json describes the remote as it will be):\n\n";
    for (const std::string& line : plan.remaining_differences) StrAppend(&out, "- `", line, "`\n");
    out += "\n";
  }
  if (!plan.unsupported.empty()) {
    out += "## Not expressed\n\nDifferences no statement expresses:\n\n";
    for (const std::string& line : plan.unsupported) StrAppend(&out, "- ", line, "\n");
    out += "\n";
  }
  if (!plan.notes.empty()) {
    out += "## Notes\n\n";
    for (const std::string& note : plan.notes) StrAppend(&out, "- ", note, "\n");
    out += "\n";
  }
  out +=
      "## Files\n\n"
      "- `plan.json`: this plan for machines (pgdrift.plan/v1)\n"
      "- `repair.sql`, `repair.sh`: the history repairs\n"
      "- `verify.sql`: one query per expectation, each returns ok = true once applied\n"
      "- `target.json`: the remote schema once applied (pgdrift.model/v1)\n";
  return out;
}

}  // namespace pgdrift::cli
