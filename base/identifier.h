// Quoting of SQL identifiers and literals the way PostgreSQL's quote_ident and
// quote_literal do it.
//
// The model stores names unquoted, exactly as PostgreSQL folded them; quoting happens
// only when something is printed (identities, DDL).
#ifndef PGDRIFT_BASE_IDENTIFIER_H_
#define PGDRIFT_BASE_IDENTIFIER_H_

#include <string>
#include <string_view>

namespace pgdrift {

// Returns `name` quoted exactly when PostgreSQL 15's quote_ident() would quote it: when
// it is not all lowercase letters, digits, underscores (not starting with a digit), or
// when it is a keyword other than an unreserved one.
std::string QuoteIdent(std::string_view name);

// Returns `schema.name` with each part quoted as QuoteIdent does; just `name` when
// `schema` is empty.
std::string QuoteQualified(std::string_view schema, std::string_view name);

// Returns `text` as a string literal, as quote_literal() does ('it''s'; an E'' literal
// when it holds a backslash).
std::string QuoteLiteral(std::string_view text);

// Whether `word` (lowercase) is a PostgreSQL 15 keyword that quote_ident must quote
// (reserved, column-name or type-and-function-name keywords).
bool IsQuotedKeyword(std::string_view word);

}  // namespace pgdrift

#endif  // PGDRIFT_BASE_IDENTIFIER_H_
