// ParseSqlFile: one SQL file → its statements, each with its parse node and exact
// origin (file:line:col of the statement's first token).
//
// The file is parsed once as a whole. When that fails, it is split with libpg_query's
// scanner and each statement parsed on its own, so every syntax error is reported
// (as `path:line:col: error: …`) and the good statements still replay.
#ifndef PGDRIFT_PARSER_SQL_FILE_H_
#define PGDRIFT_PARSER_SQL_FILE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "parser/parse_tree.h"
#include "parser/source_file.h"

namespace pgdrift::parser {

struct Statement {
  const PgQuery__Node* node = nullptr;  // owned by the ParsedFile
  SourceSpan span;                       // from the first token to the end of the statement
  std::string_view text;                 // the statement's text (no trailing semicolon)
};

struct ParsedFile {
  SourceFile source;  // with psql meta-command lines blanked out
  std::vector<std::unique_ptr<ParseTree>> trees;
  std::vector<Statement> statements;
  int syntax_errors = 0;
};

// Parses `file`. Syntax errors are added to `sink` as errors; psql meta-commands are
// skipped: those every pg_dump writes (`\restrict`, `\unrestrict`, `\connect` to the
// script's one database) with a note each, any other with a warning.
ParsedFile ParseSqlFile(SourceFile file, DiagnosticSink* sink);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_SQL_FILE_H_
