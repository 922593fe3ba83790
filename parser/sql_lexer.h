// A minimal SQL lexer for what must happen before libpg_query sees a file: finding
// psql meta-command lines (`\connect`, `\restrict` in pg_dump output) outside strings,
// comments and dollar-quoted bodies, and skipping white space and comments.
#ifndef PGDRIFT_PARSER_SQL_LEXER_H_
#define PGDRIFT_PARSER_SQL_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

namespace pgdrift::parser {

// A psql meta-command line: its byte range (without the newline) and its text.
struct MetaCommand {
  int offset = 0;
  int length = 0;
  std::string text;
};

// Finds the lines of `sql` that start (after blanks) with a backslash outside any
// literal, quoted identifier, comment or dollar-quoted body.
std::vector<MetaCommand> FindMetaCommands(std::string_view sql);

// Returns `sql` with each of `commands` replaced by spaces, so byte offsets and line
// numbers of everything else stay as they were.
std::string BlankOut(std::string_view sql, const std::vector<MetaCommand>& commands);

// The offset of the first byte at or after `offset` that is not white space or part of
// a comment (`-- …`, `/* … */`, nested).
int SkipBlanksAndComments(std::string_view sql, int offset);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_SQL_LEXER_H_
