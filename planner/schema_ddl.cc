#include "planner/schema_ddl.h"

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"

namespace pgdrift::planner {

bool IsBuiltinSchema(std::string_view name) {
  return name == "public" || name == "pg_catalog" || name == "information_schema" ||
         name == "pg_toast";
}

std::string CreateSchemaSql(const model::Schema& schema, std::string_view default_owner) {
  std::string sql = StrCat("CREATE SCHEMA ", QuoteIdent(schema.name));
  if (NeedsOwnerSql(schema.owner, default_owner)) {
    StrAppend(&sql, " AUTHORIZATION ", QuoteIdent(schema.owner));
  }
  return Statement(sql);
}

std::string DropSchemaSql(const model::Schema& schema) {
  return Statement(StrCat("DROP SCHEMA ", QuoteIdent(schema.name)));
}

std::string SchemaOwnerSql(const model::Schema& schema) {
  return OwnerSql("SCHEMA", QuoteIdent(schema.name), schema.owner);
}

std::string SchemaCommentSql(const model::Schema& schema) {
  return CommentSql(StrCat("SCHEMA ", QuoteIdent(schema.name)), schema.comment);
}

std::string CreateExtensionSql(const model::Extension& extension) {
  std::string sql = StrCat("CREATE EXTENSION IF NOT EXISTS ", QuoteIdent(extension.name));
  if (!extension.schema.empty()) StrAppend(&sql, " WITH SCHEMA ", QuoteIdent(extension.schema));
  if (!extension.version.empty()) StrAppend(&sql, " VERSION ", QuoteLiteral(extension.version));
  return Statement(sql);
}

std::string DropExtensionSql(const model::Extension& extension) {
  return Statement(StrCat("DROP EXTENSION ", QuoteIdent(extension.name)));
}

std::string ExtensionCommentSql(const model::Extension& extension) {
  return CommentSql(StrCat("EXTENSION ", QuoteIdent(extension.name)), extension.comment);
}

}  // namespace pgdrift::planner
