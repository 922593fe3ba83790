// Migration SQL for table constraints: ADD CONSTRAINT (NOT VALID + VALIDATE when online),
// DROP CONSTRAINT, and the few in-place changes PostgreSQL has (VALIDATE, ALTER
// CONSTRAINT … DEFERRABLE for foreign keys, COMMENT); any other change is a drop and an add.
#include <algorithm>

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/internal/table_family_sql.h"
#include "planner/table_ddl.h"

namespace pgdrift::planner::internal {
namespace {

std::string ConstraintCommentSql(const model::Table& table, const model::Constraint& constraint) {
  return CommentSql(StrCat("CONSTRAINT ", QuoteIdent(constraint.name), " ON ", QualifiedSql(table.name)),
                    constraint.comment);
}

// The hazards of adding a validated constraint: every row is checked, and constraints
// other than foreign keys hold ACCESS EXCLUSIVE meanwhile (AlterTableGetLockLevel in
// tablecmds.c; foreign keys take SHARE ROW EXCLUSIVE).
std::set<Hazard> AddHazards(const model::Constraint& constraint) {
  std::set<Hazard> hazards = {Hazard::kLongRunning};
  if (constraint.type != model::ConstraintType::kForeignKey) hazards.insert(Hazard::kAccessExclusiveLock);
  return hazards;
}

}  // namespace

std::vector<PlannedStatement> CreateConstraintStatements(const model::Table& table,
                                                         const model::Constraint& constraint,
                                                         const ObjectSqlContext& ctx) {
  // A parent's inheritable constraint reaches its children when it is added
  // (ATAddCheckConstraint and ATExecAddIndexConstraint recurse).
  if (IsInheritedConstraint(ctx.target, table, constraint)) return {};
  std::vector<PlannedStatement> statements;
  const std::string table_sql = QualifiedSql(table.name);
  if (ctx.options.idempotent) {
    if (model::IsIndexBacked(constraint.type)) {
      // New foreign keys that will reference this key hold it on a database already at
      // the target; they are dropped first and added again by their own steps.
      for (const auto& [name, other] : ctx.target.tables) {
        const model::Table* existing = ctx.current.FindTable(name);
        for (const auto& [fk_name, fk] : other.constraints) {
          if (fk.type != model::ConstraintType::kForeignKey || fk.referenced_table != table.name) continue;
          if (existing != nullptr && existing->constraints.contains(fk_name)) continue;
          statements.push_back(MakeStatement(Statement(StrCat("ALTER TABLE ", QualifiedSql(name),
                                                              " DROP CONSTRAINT IF EXISTS ", QuoteIdent(fk_name)))));
        }
      }
    }
    statements.push_back(MakeStatement(Statement(
        StrCat("ALTER TABLE ", table_sql, " DROP CONSTRAINT IF EXISTS ", QuoteIdent(constraint.name)))));
  }
  const bool two_phase = ctx.options.online && constraint.validated &&
                         (constraint.type == model::ConstraintType::kForeignKey ||
                          constraint.type == model::ConstraintType::kCheck);
  std::string add;
  std::set<Hazard> hazards;
  if (two_phase) {
    model::Constraint not_valid = constraint;
    not_valid.validated = false;
    add = AddConstraintSql(table, not_valid);
  } else {
    add = AddConstraintSql(table, constraint);
    if (constraint.validated) hazards = AddHazards(constraint);
  }
  statements.push_back(MakeStatement(std::move(add), std::move(hazards)));
  if (two_phase) {
    statements.push_back(MakeStatement(
        Statement(StrCat("ALTER TABLE ", table_sql, " VALIDATE CONSTRAINT ", QuoteIdent(constraint.name))),
        {Hazard::kLongRunning}));
  }
  if (!constraint.comment.empty()) statements.push_back(MakeStatement(ConstraintCommentSql(table, constraint)));
  return statements;
}

std::vector<PlannedStatement> DropConstraintStatements(const model::Table& table,
                                                       const model::Constraint& constraint,
                                                       const ObjectSqlContext& ctx) {
  // A child's copy of its parent's constraint goes with the parent's
  // (ATExecDropConstraint refuses to drop an inherited constraint).
  if (IsInheritedConstraint(ctx.current, table, constraint)) return {};
  return {MakeStatement(Statement(StrCat("ALTER TABLE ", QualifiedSql(table.name), " DROP CONSTRAINT ",
                                         ctx.options.idempotent ? "IF EXISTS " : "",
                                         QuoteIdent(constraint.name))))};
}

AlterOutcome AlterConstraintStatements(const diff::ObjectDrift& drift, const model::Table& table,
                                       const model::Constraint& from, const model::Constraint& to,
                                       const ObjectSqlContext& ctx) {
  (void)ctx;
  AlterOutcome outcome;
  std::set<std::string> in_place = {"comment"};
  if (!from.validated && to.validated) in_place.insert("validated");
  const bool foreign_key = from.type == model::ConstraintType::kForeignKey &&
                           to.type == model::ConstraintType::kForeignKey;
  if (foreign_key) in_place.insert({"deferrable", "initially_deferred"});
  for (const diff::AttributeChange& change : drift.changes) {
    if (!in_place.contains(change.attribute)) {
      outcome.recreate = true;
      return outcome;
    }
  }
  const std::string prefix = StrCat("ALTER TABLE ", QualifiedSql(table.name), " ");
  if (Changes(drift, "deferrable") || Changes(drift, "initially_deferred")) {
    outcome.statements.push_back(MakeStatement(Statement(StrCat(
        prefix, "ALTER CONSTRAINT ", QuoteIdent(to.name), to.deferrable ? " DEFERRABLE" : " NOT DEFERRABLE",
        to.initially_deferred ? " INITIALLY DEFERRED" : " INITIALLY IMMEDIATE"))));
  }
  if (Changes(drift, "validated")) {
    outcome.statements.push_back(MakeStatement(
        Statement(StrCat(prefix, "VALIDATE CONSTRAINT ", QuoteIdent(to.name))), {Hazard::kLongRunning}));
  }
  if (Changes(drift, "comment")) outcome.statements.push_back(MakeStatement(ConstraintCommentSql(table, to)));
  return outcome;
}

}  // namespace pgdrift::planner::internal
