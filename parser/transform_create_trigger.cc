// CREATE [OR REPLACE] [CONSTRAINT] TRIGGER (CreateTrigStmt) → model::CreateTrigger.
//
// Handles BEFORE / AFTER / INSTEAD OF, the events (INSERT, UPDATE [OF columns], DELETE,
// TRUNCATE), FOR EACH ROW / STATEMENT, WHEN (canonical, with OLD / NEW references),
// REFERENCING OLD / NEW TABLE, the function and its arguments (kept as strings, as
// pg_trigger.tgargs keeps them), and for constraint triggers FROM, DEFERRABLE and
// INITIALLY DEFERRED. The checks trigger.c CreateTriggerFiringOn makes without the
// catalog are made here, with its messages; the rest is checked when the mutation is
// applied (model/apply_trigger.cc).
#include <set>

#include "base/strings.h"
#include "parser/internal/proto_tree.h"
#include "parser/node_util.h"
#include "parser/normalize.h"
#include "parser/table_elements.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

// pg_trigger.tgtype bits as CreateTrigStmt carries them (catalog/pg_trigger.h).
constexpr int kTimingBefore = 1 << 1;
constexpr int kTimingInstead = 1 << 6;
constexpr int kEventInsert = 1 << 2;
constexpr int kEventDelete = 1 << 3;
constexpr int kEventUpdate = 1 << 4;
constexpr int kEventTruncate = 1 << 5;

// The OLD / NEW references of a WHEN condition: whether each is used, and whether NEW
// is used with a system column (ctid, xmin …).
struct WhenReferences {
  bool old_used = false;
  bool new_used = false;
  bool new_system_column = false;
  bool plain_column = false;  // a column not qualified by OLD or NEW
};

WhenReferences FindWhenReferences(const PgQuery__Node& when) {
  static const std::set<std::string> kSystemColumns = {"ctid", "xmin", "xmax", "cmin",
                                                       "cmax", "tableoid"};
  WhenReferences refs;
  auto visit = [&refs](const PgQuery__Node* node) {
    if (node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return;
    const PgQuery__ColumnRef* ref = node->column_ref;
    if (ref->n_fields == 0) return;
    std::string first = StringOf(ref->fields[0]);
    if (ref->n_fields >= 2 && first == "old") {
      refs.old_used = true;
    } else if (ref->n_fields >= 2 && first == "new") {
      refs.new_used = true;
      if (kSystemColumns.contains(StringOf(ref->fields[1]))) refs.new_system_column = true;
    } else {
      refs.plain_column = true;
    }
  };
  internal::VisitNodes(&when.base, visit);
  return refs;
}

// The checks of trigger.c that need only the statement, in the order it makes them.
absl::Status CheckStatement(const PgQuery__CreateTrigStmt& stmt, const model::Trigger& trigger,
                            int events, TransformContext& ctx) {
  if (stmt.replace && stmt.isconstraint) {
    return ctx.Invalid("CREATE OR REPLACE CONSTRAINT TRIGGER is not supported");
  }
  if (trigger.timing == model::TriggerTiming::kInsteadOf) {
    if (!trigger.for_each_row) return ctx.Invalid("INSTEAD OF triggers must be FOR EACH ROW");
    if (stmt.when_clause != nullptr) {
      return ctx.Invalid("INSTEAD OF triggers cannot have WHEN conditions");
    }
    if (!trigger.update_columns.empty()) {
      return ctx.Invalid("INSTEAD OF triggers cannot have column lists");
    }
  }
  if (!trigger.old_table.empty() || !trigger.new_table.empty()) {
    if (trigger.timing != model::TriggerTiming::kAfter) {
      return ctx.Invalid("transition table name can only be specified for an AFTER trigger");
    }
    if (trigger.on_truncate) {
      return ctx.Invalid("TRUNCATE triggers with transition tables are not supported");
    }
    int count = (events & kEventInsert ? 1 : 0) + (events & kEventDelete ? 1 : 0) +
                (events & kEventUpdate ? 1 : 0);
    if (count > 1) {
      return ctx.Invalid(
          "transition tables cannot be specified for triggers with more than one event");
    }
    if (!trigger.update_columns.empty()) {
      return ctx.Invalid("transition tables cannot be specified for triggers with column lists");
    }
    if (!trigger.new_table.empty() && !trigger.on_insert && !trigger.on_update) {
      return ctx.Invalid("NEW TABLE can only be specified for an INSERT or UPDATE trigger");
    }
    if (!trigger.old_table.empty() && !trigger.on_delete && !trigger.on_update) {
      return ctx.Invalid("OLD TABLE can only be specified for a DELETE or UPDATE trigger");
    }
    if (trigger.old_table == trigger.new_table) {
      return ctx.Invalid("OLD TABLE name and NEW TABLE name cannot be the same");
    }
  }
  if (stmt.when_clause != nullptr) {
    WhenReferences refs = FindWhenReferences(*stmt.when_clause);
    if (!trigger.for_each_row && (refs.old_used || refs.new_used || refs.plain_column)) {
      return ctx.Invalid("statement trigger's WHEN condition cannot reference column values");
    }
    if (refs.plain_column) {
      // transformWhereClause with OLD and NEW both in the range table: an unqualified
      // column matches both.
      return ctx.Invalid("WHEN conditions of triggers must qualify columns with OLD or NEW");
    }
    if (trigger.on_insert && refs.old_used) {
      return ctx.Invalid("INSERT trigger's WHEN condition cannot reference OLD values");
    }
    if (trigger.on_delete && refs.new_used) {
      return ctx.Invalid("DELETE trigger's WHEN condition cannot reference NEW values");
    }
    if (trigger.timing == model::TriggerTiming::kBefore && refs.new_system_column) {
      return ctx.Invalid("BEFORE trigger's WHEN condition cannot reference NEW system columns");
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status TransformCreateTrigStmt(const PgQuery__CreateTrigStmt& stmt, TransformContext& ctx) {
  if (stmt.relation == nullptr) return ctx.Invalid("CREATE TRIGGER without a relation");
  model::CreateTrigger m;
  m.relation = RangeVarName(stmt.relation);
  m.or_replace = stmt.replace;
  model::Trigger& trigger = m.trigger;
  trigger.name = stmt.trigname != nullptr ? stmt.trigname : "";
  if (stmt.timing & kTimingInstead) {
    trigger.timing = model::TriggerTiming::kInsteadOf;
  } else if (stmt.timing & kTimingBefore) {
    trigger.timing = model::TriggerTiming::kBefore;
  } else {
    trigger.timing = model::TriggerTiming::kAfter;
  }
  trigger.on_insert = (stmt.events & kEventInsert) != 0;
  trigger.on_delete = (stmt.events & kEventDelete) != 0;
  trigger.on_update = (stmt.events & kEventUpdate) != 0;
  trigger.on_truncate = (stmt.events & kEventTruncate) != 0;
  trigger.update_columns = StringList(stmt.columns, stmt.n_columns);
  trigger.for_each_row = stmt.row;
  for (size_t i = 0; i < stmt.n_transition_rels; ++i) {
    const PgQuery__Node* node = stmt.transition_rels[i];
    if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_TRIGGER_TRANSITION) continue;
    const PgQuery__TriggerTransition& transition = *node->trigger_transition;
    if (!transition.is_table) {
      return ctx.Invalid("ROW variable naming in the REFERENCING clause is not supported");
    }
    std::string& slot = transition.is_new ? trigger.new_table : trigger.old_table;
    if (!slot.empty()) {
      return ctx.Invalid(transition.is_new ? "NEW TABLE cannot be specified multiple times"
                                           : "OLD TABLE cannot be specified multiple times");
    }
    slot = transition.name != nullptr ? transition.name : "";
  }
  trigger.function = QualifiedNameOf(stmt.funcname, stmt.n_funcname);
  trigger.arguments = StringList(stmt.args, stmt.n_args);
  trigger.constraint = stmt.isconstraint;
  trigger.deferrable = stmt.deferrable;
  trigger.initially_deferred = stmt.initdeferred;
  if (stmt.constrrel != nullptr) trigger.referenced_table = RangeVarName(stmt.constrrel);

  if (absl::Status status = CheckStatement(stmt, trigger, stmt.events, ctx); !status.ok()) {
    return status;
  }
  if (stmt.when_clause != nullptr) {
    ExpressionContext expressions;
    expressions.catalog = &ctx.catalog();
    expressions.table = m.relation;
    expressions.old_new_rows = true;
    if (std::optional<model::QualifiedName> resolved = ctx.catalog().ResolveRelation(m.relation)) {
      expressions.table = *resolved;
    }
    absl::StatusOr<std::string> when = NormalizeExpression(*stmt.when_clause, expressions);
    if (!when.ok()) return AtStatement(when.status(), ctx);
    trigger.when = *when;
  }
  ctx.Emit(std::move(m));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
