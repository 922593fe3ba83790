#include "parser/sql_lexer.h"

#include <cctype>

namespace pgdrift::parser {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

// The dollar-quote tag starting at `pos` ("$$" or "$tag$"), or "" if there is none.
std::string_view DollarTag(std::string_view sql, size_t pos) {
  if (sql[pos] != '$') return {};
  size_t end = pos + 1;
  if (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) return {};
  while (end < sql.size() && IsIdentChar(sql[end]) && sql[end] != '$') ++end;
  if (end < sql.size() && sql[end] == '$') return sql.substr(pos, end - pos + 1);
  return {};
}

// Skips a comment at `pos` if there is one; returns the position after it.
size_t SkipComment(std::string_view sql, size_t pos) {
  if (sql.compare(pos, 2, "--") == 0) {
    size_t end = sql.find('\n', pos);
    return end == std::string_view::npos ? sql.size() : end;
  }
  if (sql.compare(pos, 2, "/*") == 0) {
    int depth = 0;
    size_t i = pos;
    while (i < sql.size()) {
      if (sql.compare(i, 2, "/*") == 0) {
        ++depth;
        i += 2;
      } else if (sql.compare(i, 2, "*/") == 0) {
        i += 2;
        if (--depth == 0) return i;
      } else {
        ++i;
      }
    }
    return sql.size();
  }
  return pos;
}

// Skips the quoted token starting at `pos` (string, identifier or dollar-quoted body).
size_t SkipQuoted(std::string_view sql, size_t pos) {
  char quote = sql[pos];
  if (quote == '$') {
    std::string_view tag = DollarTag(sql, pos);
    size_t end = sql.find(tag, pos + tag.size());
    return end == std::string_view::npos ? sql.size() : end + tag.size();
  }
  // E'…' strings let a backslash escape the quote.
  bool escapes = quote == '\'' && pos > 0 && (sql[pos - 1] == 'E' || sql[pos - 1] == 'e') &&
                 (pos < 2 || !IsIdentChar(sql[pos - 2]));
  size_t i = pos + 1;
  while (i < sql.size()) {
    if (escapes && sql[i] == '\\') {
      i += 2;
      continue;
    }
    if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return sql.size();
}

}  // namespace

std::vector<MetaCommand> FindMetaCommands(std::string_view sql) {
  std::vector<MetaCommand> commands;
  bool line_start = true;
  size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\n') {
      line_start = true;
      ++i;
      continue;
    }
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (line_start && c == '\\') {
      size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size();
      std::string_view line = sql.substr(i, end - i);
      while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
      commands.push_back({static_cast<int>(i), static_cast<int>(line.size()), std::string(line)});
      i = end;
      continue;
    }
    line_start = false;
    size_t after_comment = SkipComment(sql, i);
    if (after_comment != i) {
      i = after_comment;
      continue;
    }
    if (c == '\'' || c == '"' || (c == '$' && !DollarTag(sql, i).empty() &&
                                  (i == 0 || !IsIdentChar(sql[i - 1])))) {
      i = SkipQuoted(sql, i);
      continue;
    }
    ++i;
  }
  return commands;
}

std::string BlankOut(std::string_view sql, const std::vector<MetaCommand>& commands) {
  std::string out(sql);
  for (const MetaCommand& command : commands) {
    for (int i = command.offset; i < command.offset + command.length; ++i) out[i] = ' ';
  }
  return out;
}

int SkipBlanksAndComments(std::string_view sql, int offset) {
  size_t i = static_cast<size_t>(offset);
  while (i < sql.size()) {
    if (IsSpace(sql[i])) {
      ++i;
      continue;
    }
    size_t after = SkipComment(sql, i);
    if (after == i) break;
    i = after;
  }
  return static_cast<int>(i);
}

}  // namespace pgdrift::parser
