#include "parser/sql_file.h"

#include "base/strings.h"
#include "parser/sql_lexer.h"

namespace pgdrift::parser {
namespace {

// Appends the statements of `tree`, whose text starts at `base` in `parsed.source`.
void AddStatements(const ParseTree& tree, int base, int piece_length, ParsedFile& parsed) {
  const std::string& text = parsed.source.text;
  const PgQuery__ParseResult& result = tree.result();
  for (size_t i = 0; i < result.n_stmts; ++i) {
    const PgQuery__RawStmt* raw = result.stmts[i];
    int start = base + raw->stmt_location;
    // stmt_len 0 means "to the end of the parsed text".
    int end = raw->stmt_len > 0 ? start + raw->stmt_len : base + piece_length;
    start = SkipBlanksAndComments(text, start);
    if (start > end) start = end;
    Statement statement;
    statement.node = raw->stmt;
    statement.span = parsed.source.SpanAt(start, end - start);
    statement.text = std::string_view(text).substr(start, end - start);
    parsed.statements.push_back(statement);
  }
}

std::string MetaCommandName(const std::string& command) {
  size_t end = command.find_first_of(" \t");
  return end == std::string::npos ? command : command.substr(0, end);
}

}  // namespace

ParsedFile ParseSqlFile(SourceFile file, DiagnosticSink* sink) {
  ParsedFile parsed;
  std::vector<MetaCommand> commands = FindMetaCommands(file.text);
  for (const MetaCommand& command : commands) {
    sink->Warning(file.SpanAt(command.offset, command.length),
                  StrCat("psql meta-command ", MetaCommandName(command.text),
                         " skipped (only SQL is replayed)"),
                  command.text);
  }
  if (!commands.empty()) file.text = BlankOut(file.text, commands);
  parsed.source = std::move(file);
  const std::string& text = parsed.source.text;

  SyntaxError error;
  if (std::unique_ptr<ParseTree> tree = ParseTree::Parse(text, &error)) {
    AddStatements(*tree, 0, static_cast<int>(text.size()), parsed);
    parsed.trees.push_back(std::move(tree));
    return parsed;
  }

  // Split with the scanner (it tolerates syntax errors) and parse each statement alone.
  PgQuerySplitResult split = pg_query_split_with_scanner(text.c_str());
  if (split.error != nullptr) {
    // The scanner itself failed (e.g. an unterminated quoted string): report the
    // whole-file error.
    int offset = error.byte_offset >= 0 ? error.byte_offset : 0;
    sink->Error(parsed.source.SpanAt(offset, 0), error.message,
                FirstLine(std::string_view(text).substr(SkipBlanksAndComments(text, 0))));
    ++parsed.syntax_errors;
    pg_query_free_split_result(split);
    return parsed;
  }
  for (int i = 0; i < split.n_stmts; ++i) {
    int location = split.stmts[i]->stmt_location;
    int length = split.stmts[i]->stmt_len;
    std::string piece = text.substr(location, length);
    SyntaxError piece_error;
    std::unique_ptr<ParseTree> tree = ParseTree::Parse(piece, &piece_error);
    if (tree == nullptr) {
      int start = SkipBlanksAndComments(text, location);
      int offset = piece_error.byte_offset >= 0 ? location + piece_error.byte_offset : start;
      sink->Error(parsed.source.SpanAt(offset, 0), piece_error.message,
                  FirstLine(std::string_view(text).substr(start, location + length - start)));
      ++parsed.syntax_errors;
      continue;
    }
    AddStatements(*tree, location, length, parsed);
    parsed.trees.push_back(std::move(tree));
  }
  pg_query_free_split_result(split);
  return parsed;
}

}  // namespace pgdrift::parser
