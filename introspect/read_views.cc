// Views and materialized views: queries/views.sql and queries/view_columns.sql →
// Catalog::views. The query text pg_get_viewdef printed is canonicalized here, once
// every view is read (a view may read another), with an empty search_path as the
// catalog printed it. A query the canonicalizer cannot handle keeps the catalog's text
// and gets a warning.
#include "base/status_macros.h"
#include "base/strings.h"
#include "introspect/internal/acl.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/view_columns.sql.h"
#include "introspect/queries/views.sql.h"
#include "parser/normalize_query.h"

namespace pgdrift::introspect::internal {

absl::Status ReadViews(ReadContext& ctx) {
  model::Catalog& catalog = *ctx.catalog;
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet rows, RunQuery(ctx, "views", kViewsSql));
  for (ResultSet::Row row : rows) {
    model::View view;
    view.name = {row.Text("schema"), row.Text("name")};
    view.materialized = row.Bool("materialized");
    view.query = row.Text("definition");
    view.options = ParseOptionList(row.TextArray("options"));
    view.populated = row.Bool("populated");
    view.tablespace = row.Text("tablespace");
    view.access_method = row.Text("access_method");
    view.owner = row.Text("owner");
    view.comment = row.Text("comment");
    view.privileges = ParseAcl(row, "acl");
    model::QualifiedName name = view.name;
    catalog.views[name] = std::move(view);
  }
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet columns, RunQuery(ctx, "view columns", kViewColumnsSql));
  for (ResultSet::Row row : columns) {
    auto it = catalog.views.find({row.Text("schema"), row.Text("view")});
    if (it == catalog.views.end()) continue;
    it->second.columns.push_back({row.Text("name"), row.Text("comment"), ParseAcl(row, "acl")});
  }

  // pg_get_viewdef printed with search_path = ''; resolve the same way.
  std::vector<std::string> search_path = std::move(catalog.search_path);
  catalog.search_path.clear();
  for (auto& [name, view] : catalog.views) {
    // The view's column names are the query's output names (renames included).
    std::vector<std::string> names;
    for (const model::ViewColumn& column : view.columns) names.push_back(column.name);
    std::string text = view.query;
    while (!text.empty() && (text.back() == ';' || text.back() == ' ' || text.back() == '\n')) text.pop_back();
    absl::StatusOr<parser::NormalizedQuery> query = parser::NormalizeQueryText(text, catalog, names);
    if (query.ok()) {
      view.query = query->text;
      view.depends_on = query->depends_on;
      continue;
    }
    view.query = text;
    if (ctx.options->warnings != nullptr) {
      ctx.options->warnings->Warning(
          SourceSpan{}, StrCat("cannot canonicalize the query of ", std::string(model::KindName(view.kind())), " ",
                               name.ToString(), ": ", query.status().message(), "; the catalog's text is kept"));
    }
  }
  catalog.search_path = std::move(search_path);
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
