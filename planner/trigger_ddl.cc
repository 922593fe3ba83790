#include "planner/trigger_ddl.h"

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"

namespace pgdrift::planner {
namespace {

// ruleutils.c pg_get_triggerdef_worker: the events in this order, joined by OR.
std::string EventsSql(const model::Trigger& trigger) {
  std::vector<std::string> events;
  if (trigger.on_insert) events.push_back("INSERT");
  if (trigger.on_delete) events.push_back("DELETE");
  if (trigger.on_update) {
    events.push_back(trigger.update_columns.empty()
                         ? std::string("UPDATE")
                         : StrCat("UPDATE OF ", IdentifierList(trigger.update_columns)));
  }
  if (trigger.on_truncate) events.push_back("TRUNCATE");
  return StrJoin(events, " OR ");
}

// The function as generate_function_name prints it with an empty search_path:
// pg_catalog's functions bare, every other qualified.
std::string FunctionSql(const model::QualifiedName& function) {
  if (function.schema.empty() || function.schema == "pg_catalog") {
    return QuoteIdent(function.name);
  }
  return QualifiedSql(function);
}

}  // namespace

std::string CreateTriggerSql(const model::QualifiedName& relation, const model::Trigger& trigger) {
  std::string sql = trigger.constraint ? "CREATE CONSTRAINT TRIGGER " : "CREATE TRIGGER ";
  StrAppend(&sql, QuoteIdent(trigger.name), " ", model::TriggerTimingName(trigger.timing), " ",
            EventsSql(trigger), " ON ", QualifiedSql(relation), " ");
  if (trigger.constraint) {
    if (trigger.referenced_table.has_value()) {
      StrAppend(&sql, "FROM ", QualifiedSql(*trigger.referenced_table), " ");
    }
    StrAppend(&sql, trigger.deferrable ? "" : "NOT ", "DEFERRABLE INITIALLY ",
              trigger.initially_deferred ? "DEFERRED " : "IMMEDIATE ");
  }
  if (!trigger.old_table.empty() || !trigger.new_table.empty()) {
    sql += "REFERENCING ";
    if (!trigger.old_table.empty()) StrAppend(&sql, "OLD TABLE AS ", QuoteIdent(trigger.old_table), " ");
    if (!trigger.new_table.empty()) StrAppend(&sql, "NEW TABLE AS ", QuoteIdent(trigger.new_table), " ");
  }
  StrAppend(&sql, trigger.for_each_row ? "FOR EACH ROW " : "FOR EACH STATEMENT ");
  if (!trigger.when.empty()) StrAppend(&sql, "WHEN (", trigger.when, ") ");
  std::vector<std::string> arguments;
  for (const std::string& argument : trigger.arguments) arguments.push_back(QuoteLiteral(argument));
  StrAppend(&sql, "EXECUTE FUNCTION ", FunctionSql(trigger.function), "(", StrJoin(arguments, ", "),
            ")");
  return Statement(sql);
}

std::optional<std::string> TriggerEnabledSql(const model::QualifiedName& relation,
                                             const model::Trigger& trigger) {
  std::string_view action;
  switch (trigger.enabled) {
    case model::TriggerEnabled::kOrigin:
      return std::nullopt;
    case model::TriggerEnabled::kDisabled:
      action = "DISABLE TRIGGER";
      break;
    case model::TriggerEnabled::kReplica:
      action = "ENABLE REPLICA TRIGGER";
      break;
    case model::TriggerEnabled::kAlways:
      action = "ENABLE ALWAYS TRIGGER";
      break;
  }
  return Statement(
      StrCat("ALTER TABLE ", QualifiedSql(relation), " ", action, " ", QuoteIdent(trigger.name)));
}

std::string DropTriggerSql(const model::QualifiedName& relation, const model::Trigger& trigger) {
  return Statement(StrCat("DROP TRIGGER ", QuoteIdent(trigger.name), " ON ", QualifiedSql(relation)));
}

std::string TriggerCommentSql(const model::QualifiedName& relation, const model::Trigger& trigger) {
  return CommentSql(StrCat("TRIGGER ", QuoteIdent(trigger.name), " ON ", QualifiedSql(relation)),
                    trigger.comment);
}

std::vector<std::string> TriggerSql(const model::QualifiedName& relation,
                                    const model::Trigger& trigger) {
  std::vector<std::string> statements = {CreateTriggerSql(relation, trigger)};
  if (std::optional<std::string> enabled = TriggerEnabledSql(relation, trigger)) {
    statements.push_back(*std::move(enabled));
  }
  if (!trigger.comment.empty()) statements.push_back(TriggerCommentSql(relation, trigger));
  return statements;
}

}  // namespace pgdrift::planner
