// CREATE [OR REPLACE] VIEW (ViewStmt), CREATE MATERIALIZED VIEW (CreateTableAsStmt with
// OBJECT_MATVIEW), REFRESH MATERIALIZED VIEW (RefreshMatViewStmt). The query goes
// through the query canonicalizer (parser/normalize_query.h) against the catalog
// before the statement. CREATE TEMP VIEW makes no schema object (warned, not modelled);
// CREATE TABLE AS / SELECT INTO are not modelled.
#include "base/diagnostic.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/node_util.h"
#include "parser/normalize_query.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

// The query's canonical form and output columns; errors carry the statement's span.
absl::StatusOr<NormalizedQuery> Canonical(const PgQuery__Node* query, const std::vector<std::string>& aliases,
                                          TransformContext& ctx) {
  if (query == nullptr) return ctx.Invalid("view without a query");
  absl::StatusOr<NormalizedQuery> normalized = NormalizeQuery(*query, ctx.catalog(), aliases);
  if (!normalized.ok()) {
    if (normalized.status().code() == absl::StatusCode::kUnimplemented) {
      return ctx.NotModelled(StrCat("view query: ", normalized.status().message()));
    }
    return InputError(normalized.status().code(), ctx.span(), std::string(normalized.status().message()));
  }
  return normalized;
}

// reloptions as pg_class stores them: name → value, a bare name meaning true.
std::map<std::string, std::string> Options(PgQuery__Node* const* nodes, size_t count) {
  std::map<std::string, std::string> options;
  for (const DefElemValue& option : DefElems(nodes, count)) {
    options[option.name] = option.arg == nullptr ? "true" : option.value;
  }
  return options;
}

void SetColumns(const NormalizedQuery& query, model::View* view) {
  for (const std::string& name : query.column_names) view->columns.push_back({name, "", std::nullopt});
  view->query = query.text;
  view->depends_on = query.depends_on;
}

}  // namespace

absl::Status TransformViewStmt(const PgQuery__ViewStmt& stmt, TransformContext& ctx) {
  if (stmt.view == nullptr) return ctx.Invalid("CREATE VIEW without a name");
  if (stmt.view->relpersistence != nullptr && std::string_view(stmt.view->relpersistence) == "t") {
    ctx.Warn("CREATE TEMP VIEW creates no schema object; not modelled");
    return absl::OkStatus();
  }
  model::CreateView create;
  create.or_replace = stmt.replace;
  create.view.name = RangeVarName(stmt.view);
  create.view.options = Options(stmt.options, stmt.n_options);
  // WITH [CASCADED | LOCAL] CHECK OPTION is stored as the check_option reloption.
  if (stmt.with_check_option == PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION) {
    create.view.options["check_option"] = "local";
  } else if (stmt.with_check_option == PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION) {
    create.view.options["check_option"] = "cascaded";
  }
  PGDRIFT_ASSIGN_OR_RETURN(NormalizedQuery query,
                           Canonical(stmt.query, StringList(stmt.aliases, stmt.n_aliases), ctx));
  SetColumns(query, &create.view);
  ctx.Emit(std::move(create));
  return absl::OkStatus();
}

absl::Status TransformCreateTableAsStmt(const PgQuery__CreateTableAsStmt& stmt, TransformContext& ctx) {
  if (stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) return ctx.NotModelled("CREATE TABLE AS");
  if (stmt.into == nullptr || stmt.into->rel == nullptr) return ctx.Invalid("CREATE MATERIALIZED VIEW without a name");
  const PgQuery__IntoClause& into = *stmt.into;
  model::CreateView create;
  create.if_not_exists = stmt.if_not_exists;
  create.view.materialized = true;
  create.view.name = RangeVarName(into.rel);
  create.view.options = Options(into.options, into.n_options);
  create.view.populated = !into.skip_data;
  if (into.access_method != nullptr && std::string_view(into.access_method) != "heap") {
    create.view.access_method = into.access_method;
  }
  if (into.table_space_name != nullptr) create.view.tablespace = into.table_space_name;
  PGDRIFT_ASSIGN_OR_RETURN(NormalizedQuery query,
                           Canonical(stmt.query, StringList(into.col_names, into.n_col_names), ctx));
  SetColumns(query, &create.view);
  ctx.Emit(std::move(create));
  return absl::OkStatus();
}

absl::Status TransformAlterViewStmt(const PgQuery__AlterTableStmt& stmt, TransformContext& ctx) {
  const bool materialized = stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
  const std::string what = materialized ? "ALTER MATERIALIZED VIEW" : "ALTER VIEW";
  model::AlterView alter;
  alter.view = RangeVarName(stmt.relation);
  alter.materialized = materialized;
  alter.if_exists = stmt.missing_ok;
  for (size_t i = 0; i < stmt.n_cmds; ++i) {
    const PgQuery__Node* node = stmt.cmds[i];
    if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *node->alter_table_cmd;
    const PgQuery__Node* def = cmd.def;
    PgQuery__Node* const* items = nullptr;
    size_t count = 0;
    if (def != nullptr && def->node_case == PG_QUERY__NODE__NODE_LIST) {
      items = def->list->items;
      count = def->list->n_items;
    }
    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
        for (const auto& [name, value] : Options(items, count)) alter.set_options[name] = value;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
        for (const DefElemValue& option : DefElems(items, count)) alter.reset_options.push_back(option.name);
        break;
      default:
        return ctx.NotModelled(StrCat(what, " other than SET (…) / RESET (…)"));
    }
  }
  ctx.Emit(std::move(alter));
  return absl::OkStatus();
}

absl::Status TransformRefreshMatViewStmt(const PgQuery__RefreshMatViewStmt& stmt, TransformContext& ctx) {
  if (stmt.relation == nullptr) return ctx.Invalid("REFRESH MATERIALIZED VIEW without a name");
  model::AlterView alter;
  alter.view = RangeVarName(stmt.relation);
  alter.materialized = true;
  alter.populated = !stmt.skip_data;
  ctx.Emit(std::move(alter));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
