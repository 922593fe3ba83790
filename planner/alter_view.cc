// Migration SQL for views and materialized views.
//
// A view whose query changes is replaced with CREATE OR REPLACE VIEW when its columns keep
// their names and new ones are only appended (what DefineView / checkViewColumns in
// src/backend/commands/view.c accept); otherwise it is dropped and created. The model
// keeps no column types for views, so a replaced column whose type changes is refused by
// PostgreSQL at run time ("cannot change data type of view column"). A materialized
// view whose query changes is always recreated (and filled again: long_running); its
// indexes are steps of their own.
#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/internal/acl_change.h"
#include "planner/internal/other_kinds_sql.h"
#include "planner/internal/table_family_sql.h"
#include "planner/view_ddl.h"

namespace pgdrift::planner::internal {
namespace {

std::string_view KindSql(const model::View& view) {
  return view.materialized ? "MATERIALIZED VIEW" : "VIEW";
}

SharedAttributes ViewShared(const model::View& from, const model::View& to) {
  SharedAttributes shared;
  shared.acl_target = StrCat("TABLE ", QualifiedSql(to.name));
  shared.acl_kind = model::AclObjectKind::kTable;
  shared.from_acl = &from.privileges;
  shared.to_acl = &to.privileges;
  shared.from_owner = from.owner;
  shared.to_owner = to.owner;
  shared.owner_sql = ViewOwnerSql(to);
  shared.comment_sql = CommentSql(StrCat(KindSql(to), " ", QualifiedSql(to.name)), to.comment);
  return shared;
}

const model::ViewColumn* FindColumn(const model::View& view, const std::string& name) {
  for (const model::ViewColumn& column : view.columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

// Whether `to`'s columns start with `from`'s, in order.
bool ColumnsAppended(const model::View& from, const model::View& to) {
  if (to.columns.size() < from.columns.size()) return false;
  for (size_t i = 0; i < from.columns.size(); ++i) {
    if (from.columns[i].name != to.columns[i].name) return false;
  }
  return true;
}

std::vector<PlannedStatement> ColumnCommentChanges(const model::View& from, const model::View& to) {
  std::vector<PlannedStatement> statements;
  for (const model::ViewColumn& column : to.columns) {
    const model::ViewColumn* before = FindColumn(from, column.name);
    std::string old_comment = before == nullptr ? "" : before->comment;
    if (old_comment != column.comment) {
      statements.push_back(MakeStatement(CommentSql(
          StrCat("COLUMN ", QualifiedSql(to.name), ".", QuoteIdent(column.name)), column.comment)));
    }
  }
  return statements;
}

std::vector<PlannedStatement> ColumnPrivilegeChanges(const model::View& from,
                                                     const model::View& to) {
  std::vector<PlannedStatement> statements;
  std::string view_sql = QualifiedSql(to.name);
  for (const model::ViewColumn& column : to.columns) {
    const model::ViewColumn* before = FindColumn(from, column.name);
    std::optional<model::Acl> old_acl = before == nullptr ? std::nullopt : before->privileges;
    AppendStatements(&statements,
                     ColumnAclChangeSql(view_sql, column.name, old_acl, column.privileges));
  }
  return statements;
}

// ALTER [MATERIALIZED] VIEW … SET (…) / RESET (…) for reloptions that differ.
std::vector<PlannedStatement> OptionChanges(const model::View& from, const model::View& to) {
  std::vector<PlannedStatement> statements;
  std::string prefix = StrCat("ALTER ", KindSql(to), " ", QualifiedSql(to.name), " ");
  std::map<std::string, std::string> set;
  std::vector<std::string> reset;
  for (const auto& [key, value] : to.options) {
    auto it = from.options.find(key);
    if (it == from.options.end() || it->second != value) set[key] = value;
  }
  for (const auto& [key, value] : from.options) {
    if (!to.options.contains(key)) reset.push_back(key);
  }
  if (!set.empty())
    statements.push_back(MakeStatement(Statement(StrCat(prefix, "SET ", OptionListSql(set)))));
  if (!reset.empty()) {
    statements.push_back(
        MakeStatement(Statement(StrCat(prefix, "RESET (", StrJoin(reset, ", "), ")"))));
  }
  return statements;
}

}  // namespace

std::vector<PlannedStatement> CreateViewStatements(const model::View& view,
                                                   const ObjectSqlContext& ctx) {
  std::string sql = CreateViewSql(view);
  if (ctx.options.idempotent) {
    sql = view.materialized ? InsertAfter(sql, "MATERIALIZED VIEW ", "IF NOT EXISTS ")
                            : InsertAfter(sql, "CREATE ", "OR REPLACE ");
  }
  std::set<Hazard> hazards;
  if (view.materialized && view.populated) hazards.insert(Hazard::kLongRunning);
  std::vector<PlannedStatement> statements = {MakeStatement(sql, hazards)};
  SharedAttributes shared = ViewShared(view, view);
  if (ctx.options.compare_owners && NeedsOwnerSql(view.owner, kDefaultOwner)) {
    statements.push_back(MakeStatement(shared.owner_sql));
  }
  for (std::string& comment : ViewCommentSql(view))
    statements.push_back(MakeStatement(std::move(comment)));
  AppendStatements(&statements,
                   CreatedAclStatements(shared.acl_target, shared.acl_kind, view.name.schema,
                                        view.privileges, view.owner, ctx));
  model::View empty;
  AppendStatements(&statements, ColumnPrivilegeChanges(empty, view));
  return statements;
}

std::vector<PlannedStatement> DropViewStatements(const model::View& view,
                                                 const ObjectSqlContext& ctx) {
  std::string sql = DropViewSql(view);
  if (ctx.options.idempotent) sql = InsertAfter(sql, "VIEW ", "IF EXISTS ");
  return {MakeStatement(sql, {Hazard::kIrreversible})};
}

AlterOutcome AlterViewStatements(const diff::ObjectDrift& drift, const model::View& from,
                                 const model::View& to, const ObjectSqlContext& ctx) {
  AlterOutcome outcome;
  bool query = Changes(drift, "query") || Changes(drift, "columns");
  if (Changes(drift, "materialized") || Changes(drift, "access_method") ||
      (to.materialized && query) || (query && !ColumnsAppended(from, to))) {
    outcome.recreate = true;
    return outcome;
  }
  std::set<std::string> handled = {"query",      "columns",         "options",          "populated",
                                   "tablespace", "column_comments", "column_privileges"};
  if (query) {
    // Replaces the query and the reloptions (DefineView sets them from the statement).
    outcome.statements.push_back(
        MakeStatement(InsertAfter(CreateViewSql(to), "CREATE ", "OR REPLACE ")));
  } else if (Changes(drift, "options")) {
    AppendStatements(&outcome.statements, OptionChanges(from, to));
  }
  std::string name = StrCat(KindSql(to), " ", QualifiedSql(to.name));
  if (Changes(drift, "tablespace")) {
    outcome.statements.push_back(MakeStatement(
        Statement(StrCat("ALTER ", name, " SET TABLESPACE ",
                         QuoteIdent(to.tablespace.empty() ? "pg_default" : to.tablespace))),
        {Hazard::kAccessExclusiveLock, Hazard::kLongRunning}));
  }
  if (Changes(drift, "populated")) {
    outcome.statements.push_back(
        MakeStatement(Statement(StrCat("REFRESH ", name, to.populated ? "" : " WITH NO DATA")),
                      {Hazard::kAccessExclusiveLock, Hazard::kLongRunning}));
  }
  if (Changes(drift, "column_comments"))
    AppendStatements(&outcome.statements, ColumnCommentChanges(from, to));
  AlterSharedAttributes(drift, ViewShared(from, to), ctx, &outcome, &handled);
  if (Changes(drift, "column_privileges")) {
    AppendStatements(&outcome.statements, ColumnPrivilegeChanges(from, to));
  }
  ReportUnhandled(drift, handled, &outcome);
  return outcome;
}

}  // namespace pgdrift::planner::internal
