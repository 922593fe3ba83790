// Migration SQL for functions and procedures: CREATE OR REPLACE where ProcedureCreate
// (src/backend/catalog/pg_proc.c) accepts the new definition over the old one, a drop and
// create where it refuses it — a different kind (function / procedure), result type or
// OUT / TABLE columns, a renamed input argument, or fewer argument defaults.
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/internal/other_kinds_sql.h"
#include "planner/internal/table_family_sql.h"
#include "planner/routine_ddl.h"

namespace pgdrift::planner::internal {
namespace {

SharedAttributes RoutineShared(const model::Routine& from, const model::Routine& to) {
  SharedAttributes shared;
  shared.acl_target = StrCat(to.procedure ? "PROCEDURE " : "FUNCTION ", RoutineSignatureSql(to));
  shared.acl_kind = model::AclObjectKind::kFunction;
  shared.from_acl = &from.privileges;
  shared.to_acl = &to.privileges;
  shared.from_owner = from.owner;
  shared.to_owner = to.owner;
  shared.owner_sql = RoutineOwnerSql(to);
  shared.comment_sql = RoutineCommentSql(to);
  return shared;
}

// Whether CREATE OR REPLACE cannot turn `from` into `to` (the checks of ProcedureCreate:
// "cannot change routine kind", "cannot change return type of existing function",
// "cannot change name of input parameter", "cannot remove parameter defaults from
// existing function").
bool NeedsRecreate(const model::Routine& from, const model::Routine& to) {
  if (from.procedure != to.procedure || from.result != to.result) return true;
  std::vector<const model::RoutineArg*> from_inputs;
  std::vector<const model::RoutineArg*> to_inputs;
  std::vector<model::RoutineArg> from_outputs;
  std::vector<model::RoutineArg> to_outputs;
  for (const model::RoutineArg& arg : from.args) {
    if (model::IsInputArg(arg.mode)) from_inputs.push_back(&arg);
    if (arg.mode != model::ArgMode::kIn && arg.mode != model::ArgMode::kVariadic)
      from_outputs.push_back(arg);
  }
  for (const model::RoutineArg& arg : to.args) {
    if (model::IsInputArg(arg.mode)) to_inputs.push_back(&arg);
    if (arg.mode != model::ArgMode::kIn && arg.mode != model::ArgMode::kVariadic)
      to_outputs.push_back(arg);
  }
  for (model::RoutineArg& arg : from_outputs) arg.default_expr.reset();
  for (model::RoutineArg& arg : to_outputs) arg.default_expr.reset();
  if (from_outputs != to_outputs || from_inputs.size() != to_inputs.size()) return true;
  int from_defaults = 0;
  int to_defaults = 0;
  for (size_t i = 0; i < from_inputs.size(); ++i) {
    if (!from_inputs[i]->name.empty() && from_inputs[i]->name != to_inputs[i]->name) return true;
    if (from_inputs[i]->mode != to_inputs[i]->mode) return true;
    from_defaults += from_inputs[i]->default_expr.has_value() ? 1 : 0;
    to_defaults += to_inputs[i]->default_expr.has_value() ? 1 : 0;
  }
  return to_defaults < from_defaults;
}

// Attributes a CREATE OR REPLACE with the target definition sets.
constexpr std::string_view kDefinition[] = {
    "arguments", "language", "body", "probin", "volatility", "strict", "security_definer",
    "leakproof", "parallel", "cost", "rows",   "config",     "support"};

}  // namespace

std::vector<PlannedStatement> CreateRoutineStatements(const model::Routine& routine,
                                                      const ObjectSqlContext& ctx) {
  // CREATE OR REPLACE is idempotent already.
  std::vector<PlannedStatement> statements = {MakeStatement(CreateRoutineSql(routine))};
  AppendStatements(&statements, CreatedSharedAttributes(RoutineShared(routine, routine),
                                                        routine.name.schema, routine.comment, ctx));
  return statements;
}

std::vector<PlannedStatement> DropRoutineStatements(const model::Routine& routine,
                                                    const ObjectSqlContext& ctx) {
  std::string sql = DropRoutineSql(routine);
  if (ctx.options.idempotent) {
    sql = InsertAfter(sql, routine.procedure ? "PROCEDURE " : "FUNCTION ", "IF EXISTS ");
  }
  return {MakeStatement(sql, {Hazard::kIrreversible})};
}

AlterOutcome AlterRoutineStatements(const diff::ObjectDrift& drift, const model::Routine& from,
                                    const model::Routine& to, const ObjectSqlContext& ctx) {
  AlterOutcome outcome;
  if (Changes(drift, "procedure") || Changes(drift, "result") || NeedsRecreate(from, to)) {
    outcome.recreate = true;
    return outcome;
  }
  std::set<std::string> handled = {"procedure", "result"};
  bool replace = false;
  for (std::string_view attribute : kDefinition) {
    handled.insert(std::string(attribute));
    replace = replace || Changes(drift, attribute);
  }
  // CREATE OR REPLACE keeps the owner, ACL and comment (pg_proc row updated in place).
  if (replace) outcome.statements.push_back(MakeStatement(CreateRoutineSql(to)));
  AlterSharedAttributes(drift, RoutineShared(from, to), ctx, &outcome, &handled);
  ReportUnhandled(drift, handled, &outcome);
  return outcome;
}

}  // namespace pgdrift::planner::internal
