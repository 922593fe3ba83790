#include "parser/sql_file.h"

#include <optional>
#include <string>

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

// The database a `\connect` (or `\c`) names, as pg_dump writes it
// (appendPsqlMetaConnect in fe_utils/string_utils.c): a bare name, a double-quoted one,
// or `-reuse-previous=on "dbname='…'"`. Spellings are compared, not resolved.
std::string ConnectTarget(const std::string& command) {
  std::string_view rest = Trim(std::string_view(command).substr(MetaCommandName(command).size()));
  constexpr std::string_view kReuse = "-reuse-previous=on";
  if (rest.substr(0, kReuse.size()) == kReuse) rest = Trim(rest.substr(kReuse.size()));
  if (rest.size() >= 2 && rest.front() == '"') {
    size_t close = rest.find('"', 1);
    if (close != std::string_view::npos) return std::string(rest.substr(1, close - 1));
  }
  return std::string(rest.substr(0, rest.find_first_of(" \t")));
}

// Reports `command`, which replay skips. What every pg_dump writes is a note: the
// `\restrict` / `\unrestrict` pair of pg_dump 15.14 and later (a random key that stops
// the server's text from running meta-commands) and `\connect` to the one database the
// script is for. Anything else, including a `\connect` to a second database, changes
// what psql would run and is a warning.
void ReportMetaCommand(const SourceFile& file, const MetaCommand& command,
                       std::optional<std::string>& database, DiagnosticSink* sink) {
  const std::string name = MetaCommandName(command.text);
  const SourceSpan span = file.SpanAt(command.offset, command.length);
  std::string note;
  if (name == "\\restrict" || name == "\\unrestrict") {
    note = StrCat("psql meta-command ", name, " skipped (pg_dump's restrict key, no SQL)");
  } else if (name == "\\connect" || name == "\\c") {
    std::string target = ConnectTarget(command.text);
    if (!database.has_value()) database = target;
    if (*database == target) {
      note = StrCat("psql meta-command ", name, " skipped (the script's own database)");
    } else {
      sink->Warning(span,
                    StrCat("psql meta-command ", name,
                           " to another database skipped (its statements are replayed into "
                           "the same model)"),
                    command.text);
      return;
    }
  }
  if (!note.empty()) {
    sink->Add({Severity::kNote, span, std::move(note), command.text});
    return;
  }
  sink->Warning(span, StrCat("psql meta-command ", name, " skipped (only SQL is replayed)"),
                command.text);
}

}  // namespace

ParsedFile ParseSqlFile(SourceFile file, DiagnosticSink* sink) {
  ParsedFile parsed;
  std::vector<MetaCommand> commands = FindMetaCommands(file.text);
  std::optional<std::string> database;  // of the first \connect
  for (const MetaCommand& command : commands) ReportMetaCommand(file, command, database, sink);
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
