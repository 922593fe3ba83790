#include "planner/view_ddl.h"

#include <map>

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"

namespace pgdrift::planner {
namespace {

std::string KindSql(const model::View& view) { return view.materialized ? "MATERIALIZED VIEW" : "VIEW"; }

}  // namespace

std::string CreateViewSql(const model::View& view) {
  std::string name = QualifiedSql(view.name);
  if (view.materialized) {
    std::string sql = StrCat("CREATE MATERIALIZED VIEW ", name);
    if (!view.access_method.empty()) StrAppend(&sql, " USING ", QuoteIdent(view.access_method));
    StrAppend(&sql, WithClauseSql(view.options));
    if (!view.tablespace.empty()) StrAppend(&sql, " TABLESPACE ", QuoteIdent(view.tablespace));
    StrAppend(&sql, " AS\n", view.query, "\n  WITH ", view.populated ? "DATA" : "NO DATA");
    return Statement(sql);
  }
  std::map<std::string, std::string> options = view.options;
  std::string check_option;
  if (auto it = options.find("check_option"); it != options.end()) {
    check_option = AsciiLower(it->second);
    options.erase(it);
  }
  std::string sql = StrCat("CREATE VIEW ", name, WithClauseSql(options), " AS\n", view.query);
  if (!check_option.empty()) StrAppend(&sql, "\n  WITH ", check_option == "local" ? "LOCAL" : "CASCADED", " CHECK OPTION");
  return Statement(sql);
}

std::string DropViewSql(const model::View& view) {
  return Statement(StrCat("DROP ", KindSql(view), " ", QualifiedSql(view.name)));
}

std::string ViewOwnerSql(const model::View& view) {
  return OwnerSql(KindSql(view), QualifiedSql(view.name), view.owner);
}

std::vector<std::string> ViewCommentSql(const model::View& view) {
  std::vector<std::string> statements;
  if (!view.comment.empty()) {
    statements.push_back(CommentSql(StrCat(KindSql(view), " ", QualifiedSql(view.name)), view.comment));
  }
  for (const model::ViewColumn& column : view.columns) {
    if (column.comment.empty()) continue;
    statements.push_back(
        CommentSql(StrCat("COLUMN ", QualifiedSql(view.name), ".", QuoteIdent(column.name)), column.comment));
  }
  return statements;
}

}  // namespace pgdrift::planner
