// Migration SQL for triggers: a changed definition is replaced with CREATE OR REPLACE
// TRIGGER (PostgreSQL 14+), which keeps the trigger's comment but resets its enabled
// state (CreateTriggerFiringOn in src/backend/commands/trigger.c writes tgenabled anew);
// constraint triggers cannot be replaced and are dropped and created. The enabled state
// alone changes with ALTER TABLE … ENABLE / DISABLE TRIGGER.
#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/internal/other_kinds_sql.h"
#include "planner/internal/table_family_sql.h"
#include "planner/trigger_ddl.h"

namespace pgdrift::planner::internal {
namespace {

// `ALTER TABLE relation ENABLE|DISABLE … TRIGGER name;` for `trigger`'s enabled state.
std::string EnabledSql(const model::QualifiedName& relation, const model::Trigger& trigger) {
  if (std::optional<std::string> sql = TriggerEnabledSql(relation, trigger)) return *sql;
  return Statement(
      StrCat("ALTER TABLE ", QualifiedSql(relation), " ENABLE TRIGGER ", QuoteIdent(trigger.name)));
}

std::string ReplaceSql(const model::QualifiedName& relation, const model::Trigger& trigger) {
  return InsertAfter(CreateTriggerSql(relation, trigger), "CREATE ", "OR REPLACE ");
}

}  // namespace

std::vector<PlannedStatement> CreateTriggerStatements(const model::QualifiedName& relation,
                                                      const model::Trigger& trigger,
                                                      const ObjectSqlContext& ctx) {
  std::vector<PlannedStatement> statements;
  if (ctx.options.idempotent) {
    if (trigger.constraint) {
      statements.push_back(
          MakeStatement(InsertAfter(DropTriggerSql(relation, trigger), "TRIGGER ", "IF EXISTS ")));
      statements.push_back(MakeStatement(CreateTriggerSql(relation, trigger)));
    } else {
      statements.push_back(MakeStatement(ReplaceSql(relation, trigger)));
    }
  } else {
    statements.push_back(MakeStatement(CreateTriggerSql(relation, trigger)));
  }
  if (std::optional<std::string> enabled = TriggerEnabledSql(relation, trigger)) {
    statements.push_back(MakeStatement(*enabled));
  }
  if (!trigger.comment.empty())
    statements.push_back(MakeStatement(TriggerCommentSql(relation, trigger)));
  return statements;
}

std::vector<PlannedStatement> DropTriggerStatements(const model::QualifiedName& relation,
                                                    const model::Trigger& trigger,
                                                    const ObjectSqlContext& ctx) {
  std::string sql = DropTriggerSql(relation, trigger);
  if (ctx.options.idempotent) sql = InsertAfter(sql, "TRIGGER ", "IF EXISTS ");
  return {MakeStatement(sql)};
}

AlterOutcome AlterTriggerStatements(const diff::ObjectDrift& drift,
                                    const model::QualifiedName& relation,
                                    const model::Trigger& from, const model::Trigger& to,
                                    const ObjectSqlContext& ctx) {
  (void)ctx;
  AlterOutcome outcome;
  bool definition = false;
  for (const diff::AttributeChange& change : drift.changes) {
    if (change.attribute != "enabled" && change.attribute != "comment") definition = true;
  }
  if (definition) {
    if (from.constraint || to.constraint) {
      outcome.recreate = true;
      return outcome;
    }
    outcome.statements.push_back(MakeStatement(ReplaceSql(relation, to)));
    if (to.enabled != model::TriggerEnabled::kOrigin) {
      outcome.statements.push_back(MakeStatement(EnabledSql(relation, to)));
    }
  } else if (Changes(drift, "enabled")) {
    outcome.statements.push_back(MakeStatement(EnabledSql(relation, to)));
  }
  if (Changes(drift, "comment"))
    outcome.statements.push_back(MakeStatement(TriggerCommentSql(relation, to)));
  return outcome;
}

}  // namespace pgdrift::planner::internal
