#include "base/identifier.h"

#include <algorithm>
#include <iterator>

#include "base/strings.h"

namespace pgdrift {
namespace {

// PostgreSQL 15 keywords whose category is not UNRESERVED_KEYWORD (src/include/parser/
// kwlist.h), sorted. pg_get_keywords() lists the same words with catcode R, C or T; an
// integration test compares the two.
constexpr std::string_view kQuotedKeywords[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
    "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
    "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
    "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
    "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal",
    "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists",
    "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant",
    "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
    "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral",
    "leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "national",
    "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
    "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing",
    "position", "precision", "primary", "real", "references", "returning", "right", "row",
    "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
    "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim",
    "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
    "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
    "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable"};

bool IsSafeIdentifierChar(char c, bool first) {
  if (c >= 'a' && c <= 'z') return true;
  if (c == '_') return true;
  return !first && c >= '0' && c <= '9';
}

}  // namespace

bool IsQuotedKeyword(std::string_view word) {
  return std::binary_search(std::begin(kQuotedKeywords), std::end(kQuotedKeywords), word);
}

std::string QuoteIdent(std::string_view name) {
  bool safe = !name.empty();
  for (size_t i = 0; safe && i < name.size(); ++i) {
    safe = IsSafeIdentifierChar(name[i], i == 0);
  }
  if (safe && !IsQuotedKeyword(name)) return std::string(name);
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string QuoteQualified(std::string_view schema, std::string_view name) {
  if (schema.empty()) return QuoteIdent(name);
  return StrCat(QuoteIdent(schema), ".", QuoteIdent(name));
}

std::string QuoteLiteral(std::string_view text) {
  bool has_backslash = text.find('\\') != std::string_view::npos;
  std::string quoted = has_backslash ? "E'" : "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') quoted += c;
    quoted += c;
  }
  quoted += '\'';
  return quoted;
}

}  // namespace pgdrift
