#include "planner/migration.h"

namespace pgdrift::planner {

std::string_view StepActionName(StepAction action) {
  switch (action) {
    case StepAction::kCreate:
      return "create";
    case StepAction::kAlter:
      return "alter";
    case StepAction::kDrop:
      return "drop";
    case StepAction::kRename:
      return "rename";
  }
  return "alter";
}

std::vector<PlannedStatement> Migration::Statements() const {
  std::vector<PlannedStatement> statements;
  for (const MigrationStep& step : steps) {
    statements.insert(statements.end(), step.statements.begin(), step.statements.end());
  }
  return statements;
}

Migration PlanMigration(const model::Catalog& current, const model::Catalog& target,
                        const MigrationOptions& options) {
  (void)current;
  (void)target;
  (void)options;
  return {};
}

}  // namespace pgdrift::planner
