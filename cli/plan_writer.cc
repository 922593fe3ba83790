#include "cli/plan_writer.h"

#include <filesystem>
#include <fstream>

#include "base/strings.h"
#include "cli/model_json.h"
#include "cli/version.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;
using planner::Hazard;
using planner::PlanAction;
using planner::PlanStep;

constexpr Hazard kHazardsBySeverity[] = {Hazard::kDataLoss, Hazard::kIrreversible,
                                         Hazard::kTableRewrite, Hazard::kAccessExclusiveLock,
                                         Hazard::kLongRunning};

nlohmann::ordered_json StepJson(const PlanStep& step, int order) {
  nlohmann::ordered_json json;
  json["order"] = order;
  json["action"] = std::string(planner::PlanActionName(step.action));
  switch (step.action) {
    case PlanAction::kAddFile:
      json["version"] = step.version;
      json["name"] = step.name;
      json["file"] = step.file;
      json["why"] = step.why;
      break;
    case PlanAction::kRenameFile:
      json["version"] = step.version;
      json["name"] = step.name;
      json["from"] = step.source_path;
      json["to"] = step.file;
      break;
    case PlanAction::kRepair: {
      json["file"] = step.file;
      json["script"] = "repair.sh";
      nlohmann::ordered_json versions = nlohmann::ordered_json::array();
      for (const planner::RepairEntry& entry : step.repairs) {
        versions.push_back({{"version", entry.version},
                            {"name", entry.name},
                            {"status", std::string(planner::RepairStatusName(entry.status))},
                            {"why", entry.why}});
      }
      json["versions"] = std::move(versions);
      break;
    }
    case PlanAction::kPush:
      json["version"] = step.version;
      json["name"] = step.name;
      json["file"] = step.file;
      json["source"] = step.source_path;
      json["transactional"] = step.transactional;
      break;
    case PlanAction::kMigrate: {
      json["version"] = step.version;
      json["name"] = step.name;
      json["file"] = step.file;
      json["transactional"] = step.transactional;
      if (!step.rollback.empty()) json["rollback"] = step.rollback;
      nlohmann::ordered_json statements = nlohmann::ordered_json::array();
      for (const planner::PlanStatement& statement : step.statements) {
        nlohmann::ordered_json hazards = nlohmann::ordered_json::array();
        for (Hazard hazard : statement.statement.hazards) hazards.push_back(std::string(planner::HazardName(hazard)));
        statements.push_back({{"sql", statement.statement.sql},
                              {"object", statement.object.ToString()},
                              {"step", std::string(planner::StepActionName(statement.action))},
                              {"hazards", std::move(hazards)},
                              {"commented_out", statement.commented_out}});
      }
      json["statements"] = std::move(statements);
      break;
    }
  }
  return json;
}

absl::Status WriteFile(const fs::path& path, std::string_view text) {
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  if (error) return absl::InternalError(StrCat(path.string(), ": ", error.message()));
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return absl::InternalError(StrCat(path.string(), ": cannot write"));
  return absl::OkStatus();
}

}  // namespace

std::optional<Hazard> HighestHazard(const planner::Plan& plan) {
  std::set<Hazard> hazards;
  for (const PlanStep& step : plan.steps) {
    for (const planner::PlanStatement& statement : step.statements) {
      if (statement.commented_out) continue;
      hazards.insert(statement.statement.hazards.begin(), statement.statement.hazards.end());
    }
  }
  for (Hazard hazard : kHazardsBySeverity) {
    if (hazards.contains(hazard)) return hazard;
  }
  return std::nullopt;
}

nlohmann::ordered_json PlanToJson(const planner::Plan& plan, const PlanSources& sources) {
  nlohmann::ordered_json json;
  json["format"] = kPlanJsonFormat;
  json["direction"] = std::string(planner::PlanDirectionName(plan.direction));
  json["pgdrift_version"] = PGDRIFT_VERSION;
  json["local"] = sources.local;
  json["remote"] = sources.remote;
  if (plan.history_table.empty()) {
    json["history"] = nullptr;
  } else {
    json["history"] = {{"tool", plan.history_tool}, {"table", plan.history_table}};
  }
  std::optional<Hazard> highest = HighestHazard(plan);
  json["summary"] = {{"in_sync", plan.in_sync},
                     {"steps", plan.steps.size()},
                     {"highest_hazard", highest ? nlohmann::ordered_json(std::string(planner::HazardName(*highest)))
                                                : nlohmann::ordered_json(nullptr)},
                     {"allow_data_loss", plan.allow_data_loss}};
  nlohmann::ordered_json simulation = nlohmann::ordered_json::array();
  for (const planner::SimulationFinding& finding : plan.simulation) {
    simulation.push_back({{"file", finding.file},
                          {"line", finding.line},
                          {"column", finding.column},
                          {"severity", finding.severity},
                          {"message", finding.message},
                          {"statement", finding.statement}});
  }
  json["simulation"] = std::move(simulation);
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  for (size_t i = 0; i < plan.steps.size(); ++i) steps.push_back(StepJson(plan.steps[i], static_cast<int>(i) + 1));
  json["steps"] = std::move(steps);
  json["unsupported"] = plan.unsupported;
  json["remaining_differences"] = plan.remaining_differences;
  json["verify"] = "verify.sql";
  json["target"] = "target.json";
  return json;
}

absl::Status WritePlanDirectory(const planner::Plan& plan, const PlanSources& sources,
                                const std::string& dir) {
  fs::path root(dir);
  std::error_code error;
  if (fs::exists(root, error)) {
    if (!fs::is_directory(root, error)) {
      return absl::InvalidArgumentError(StrCat(dir, ": not a directory"));
    }
    bool empty = fs::directory_iterator(root, error) == fs::directory_iterator();
    if (!empty && !fs::exists(root / "plan.json", error)) {
      return absl::FailedPreconditionError(
          StrCat(dir, ": not empty and holds no plan.json; give an empty or new directory"));
    }
    // An earlier plan: its files are replaced, nothing else is touched.
    for (const char* sub : {"migrations", "push", "rollback"}) fs::remove_all(root / sub, error);
    for (const char* file : {"PLAN.md", "plan.json", "target.json", "repair.sql", "repair.sh", "verify.sql"}) {
      fs::remove(root / file, error);
    }
  }
  for (const auto& [path, text] : plan.files) {
    absl::Status status = WriteFile(root / path, text);
    if (!status.ok()) return status;
  }
  if (plan.files.contains("repair.sh")) {
    fs::permissions(root / "repair.sh", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add, error);
  }
  absl::Status status = WriteFile(root / "PLAN.md", PlanMarkdown(plan, sources));
  if (!status.ok()) return status;
  status = WriteFile(root / "plan.json", PlanToJson(plan, sources).dump(2) + "\n");
  if (!status.ok()) return status;
  return WriteFile(root / "target.json", ModelToJson(plan.target).dump(2) + "\n");
}

}  // namespace pgdrift::cli
