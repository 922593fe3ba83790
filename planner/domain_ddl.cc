#include "planner/domain_ddl.h"

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"

namespace pgdrift::planner {
namespace {

std::string CheckClause(const model::DomainCheck& check) {
  return StrCat("CONSTRAINT ", QuoteIdent(check.name), " CHECK (", check.expression, ")");
}

}  // namespace

std::vector<std::string> CreateDomainSql(const model::Domain& domain) {
  std::string sql =
      StrCat("CREATE DOMAIN ", QualifiedSql(domain.name), " AS ", TypeSql(domain.base_type));
  if (!domain.collation.empty()) StrAppend(&sql, " COLLATE ", NameTextSql(domain.collation));
  if (domain.default_expr.has_value()) {
    StrAppend(&sql, " DEFAULT ", DefaultExpressionSql(*domain.default_expr));
  }
  if (domain.not_null) sql += " NOT NULL";
  std::vector<std::string> statements;
  for (const auto& [name, check] : domain.checks) {
    if (check.validated) StrAppend(&sql, " ", CheckClause(check));
  }
  statements.push_back(Statement(sql));
  for (const auto& [name, check] : domain.checks) {
    if (!check.validated) statements.push_back(AddDomainCheckSql(domain, check));
  }
  return statements;
}

std::string AddDomainCheckSql(const model::Domain& domain, const model::DomainCheck& check) {
  return Statement(StrCat("ALTER DOMAIN ", QualifiedSql(domain.name), " ADD ", CheckClause(check),
                          check.validated ? "" : " NOT VALID"));
}

std::string DropDomainSql(const model::Domain& domain) {
  return Statement(StrCat("DROP DOMAIN ", QualifiedSql(domain.name)));
}

std::string DomainOwnerSql(const model::Domain& domain) {
  return OwnerSql("DOMAIN", QualifiedSql(domain.name), domain.owner);
}

std::string DomainCommentSql(const model::Domain& domain) {
  return CommentSql(StrCat("DOMAIN ", QualifiedSql(domain.name)), domain.comment);
}

}  // namespace pgdrift::planner
