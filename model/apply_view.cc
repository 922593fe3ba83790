// Applies CREATE [OR REPLACE] VIEW, CREATE MATERIALIZED VIEW, ALTER VIEW … SET / RESET
// and REFRESH MATERIALIZED VIEW (src/backend/commands/view.c DefineView and
// checkViewTupleDesc, createas.c, tablecmds.c ATExecSetRelOptions).
#include "base/status_macros.h"
#include "base/strings.h"
#include "model/internal/apply_context.h"
#include "model/internal/default_privileges.h"
#include "model/internal/namespaces.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

using absl::StatusCode;

// CREATE OR REPLACE VIEW over `existing`: checkViewTupleDesc allows only new columns
// at the end (column types are not modelled, so a changed type is not caught here).
absl::Status CheckReplacement(const View& existing, const View& view, ApplyContext& ctx) {
  if (view.columns.size() < existing.columns.size()) {
    return ctx.Error(StatusCode::kInvalidArgument, "cannot drop columns from view");
  }
  for (size_t i = 0; i < existing.columns.size(); ++i) {
    if (existing.columns[i].name != view.columns[i].name) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       StrCat("cannot change name of view column \"", existing.columns[i].name, "\" to \"",
                              view.columns[i].name, "\""));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplyCreateView(const CreateView& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  QualifiedName name = catalog.ForCreation(m.view.name);
  if (name.schema.empty()) return ctx.Error(StatusCode::kNotFound, "no schema has been selected to create in");
  if (!catalog.schemas.contains(name.schema)) {
    return ctx.Error(StatusCode::kNotFound, StrCat("schema \"", name.schema, "\" does not exist"));
  }
  View view = m.view;
  view.name = name;
  auto existing = catalog.views.find(name);
  if (m.or_replace && existing != catalog.views.end()) {
    if (existing->second.materialized || view.materialized) {
      return ctx.Error(StatusCode::kInvalidArgument, StrCat("\"", name.name, "\" is not a view"));
    }
    PGDRIFT_RETURN_IF_ERROR(CheckReplacement(existing->second, view, ctx));
    const View& old = existing->second;
    // OR REPLACE keeps what belongs to the relation: owner, grants, comments,
    // triggers; reloptions are replaced by the new statement's (view.c DefineView).
    for (ViewColumn& column : view.columns) {
      if (const ViewColumn* before = old.FindColumn(column.name)) {
        column.comment = before->comment;
        column.privileges = before->privileges;
      }
    }
    view.owner = old.owner;
    view.comment = old.comment;
    view.privileges = old.privileges;
    view.triggers = old.triggers;
    view.lineage = old.lineage;
    view.lineage.changed = ctx.span();
    existing->second = std::move(view);
    return absl::OkStatus();
  }
  if (RelationNameTaken(catalog, name) || TypeNameTaken(catalog, name)) {
    if (m.if_not_exists) {
      ctx.Notice(StrCat("relation \"", name.name, "\" already exists, skipping"));
      return absl::OkStatus();
    }
    return ctx.Error(StatusCode::kAlreadyExists, StrCat("relation \"", name.name, "\" already exists"));
  }
  view.lineage = Lineage::At(ctx.span());
  view.owner = catalog.current_user;
  view.privileges = NewObjectAcl(catalog, AclObjectKind::kTable, view.owner, name.schema);
  catalog.views.emplace(name, std::move(view));
  return absl::OkStatus();
}

absl::Status ApplyAlterView(const AlterView& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = catalog.ResolveRelation(m.view);
  auto it = name ? catalog.views.find(*name) : catalog.views.end();
  if (it == catalog.views.end()) {
    if (m.if_exists) {
      ctx.Notice(StrCat("relation \"", WrittenName(m.view), "\" does not exist, skipping"));
      return absl::OkStatus();
    }
    if (name) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       StrCat("\"", name->name, "\" is not a", m.materialized ? " materialized view" : " view"));
    }
    return ctx.Error(StatusCode::kNotFound, StrCat("relation \"", WrittenName(m.view), "\" does not exist"));
  }
  View& view = it->second;
  if (m.materialized != view.materialized) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     StrCat("\"", view.name.name, "\" is not a", m.materialized ? " materialized view" : " view"));
  }
  for (const auto& [key, value] : m.set_options) view.options[key] = value;
  for (const std::string& key : m.reset_options) view.options.erase(key);
  if (m.populated) view.populated = *m.populated;
  view.lineage.changed = ctx.span();
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
