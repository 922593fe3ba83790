#include "model/internal/expression_refs.h"

#include <cctype>
#include <optional>

#include "base/strings.h"

namespace pgdrift::model::internal {
namespace {

bool IsIdentStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsIdentChar(char c) {
  return IsIdentStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
}

// Reads a single-quoted literal starting at `text[*pos]` (the opening quote); returns its
// value with '' undoubled and leaves *pos after the closing quote.
std::string ReadStringLiteral(std::string_view text, size_t* pos) {
  std::string value;
  size_t i = *pos + 1;
  while (i < text.size()) {
    if (text[i] == '\'') {
      if (i + 1 < text.size() && text[i + 1] == '\'') {
        value.push_back('\'');
        i += 2;
        continue;
      }
      ++i;
      break;
    }
    value.push_back(text[i]);
    ++i;
  }
  *pos = i;
  return value;
}

// Reads a double-quoted identifier starting at `text[*pos]`; "" stands for one quote.
std::string ReadQuotedIdent(std::string_view text, size_t* pos) {
  std::string value;
  size_t i = *pos + 1;
  while (i < text.size()) {
    if (text[i] == '"') {
      if (i + 1 < text.size() && text[i + 1] == '"') {
        value.push_back('"');
        i += 2;
        continue;
      }
      ++i;
      break;
    }
    value.push_back(text[i]);
    ++i;
  }
  *pos = i;
  return value;
}

// Splits a regclass literal (`s.t`, `"S"."T"`, `t`) into its name parts, folding
// unquoted parts to lower case as the identifier rules do.
std::vector<std::string> SplitQualifiedName(std::string_view text) {
  std::vector<std::string> parts;
  size_t i = 0;
  std::string current;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"') {
      current += ReadQuotedIdent(text, &i);
    } else if (c == '.') {
      parts.push_back(current);
      current.clear();
      ++i;
    } else {
      current.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      ++i;
    }
  }
  parts.push_back(current);
  return parts;
}

}  // namespace

std::vector<QualifiedName> NextvalSequences(const Catalog& catalog, std::string_view expr) {
  std::vector<QualifiedName> sequences;
  constexpr std::string_view kCall = "nextval(";
  size_t from = 0;
  while ((from = expr.find(kCall, from)) != std::string_view::npos) {
    size_t pos = from + kCall.size();
    from = pos;
    if (pos >= expr.size() || expr[pos] != '\'') continue;
    std::string literal = ReadStringLiteral(expr, &pos);
    std::vector<std::string> parts = SplitQualifiedName(Trim(literal));
    std::optional<QualifiedName> found;
    if (parts.size() == 2) {
      QualifiedName name{parts[0], parts[1]};
      if (catalog.sequences.contains(name)) found = name;
    } else if (parts.size() == 1) {
      found = catalog.SearchPath({"", parts[0]}, [&catalog](const QualifiedName& candidate) {
        return catalog.sequences.contains(candidate);
      });
    }
    if (found.has_value()) sequences.push_back(*found);
  }
  return sequences;
}

std::set<std::string> MentionedNames(std::string_view expr) {
  // Words that continue a multi-word type name after `::` (character varying, double
  // precision, timestamp without time zone, bit varying).
  static const std::set<std::string, std::less<>> kTypeNameWords = {"varying", "precision", "with",
                                                                    "without", "time",      "zone"};
  std::set<std::string> names;
  size_t i = 0;
  char previous = ' ';        // last non-space character before the current token
  bool after_cast = false;    // the next word is a type name
  bool in_type_name = false;  // the last word was (part of) a type name
  while (i < expr.size()) {
    char c = expr[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (c == '\'') {
      ReadStringLiteral(expr, &i);
      previous = '\'';
      after_cast = in_type_name = false;
      continue;
    }
    std::optional<std::string> name;
    if (c == '"') {
      name = ReadQuotedIdent(expr, &i);
    } else if (IsIdentStart(c)) {
      size_t start = i;
      while (i < expr.size() && IsIdentChar(expr[i])) ++i;
      name = std::string(expr.substr(start, i - start));
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      while (i < expr.size() && (IsIdentChar(expr[i]) || expr[i] == '.')) ++i;
      previous = '0';
      after_cast = in_type_name = false;
      continue;
    }
    if (name.has_value()) {
      size_t next = i;
      while (next < expr.size() && std::isspace(static_cast<unsigned char>(expr[next]))) ++next;
      bool is_call = next < expr.size() && expr[next] == '(';
      bool qualified_part = previous == '.' || (next < expr.size() && expr[next] == '.');
      bool type_word = after_cast || (in_type_name && kTypeNameWords.contains(*name));
      if (!is_call && !qualified_part && !type_word) names.insert(*name);
      in_type_name = type_word || (in_type_name && qualified_part);
      after_cast = false;
      previous = 'a';
      continue;
    }
    if (c == ':' && i + 1 < expr.size() && expr[i + 1] == ':') {
      after_cast = true;
      in_type_name = false;
      previous = ':';
      i += 2;
      continue;
    }
    if (c == '.' && in_type_name) {
      // `::public.mood`: the part after the dot is still the type's name.
      after_cast = true;
    } else if (c != '[' && c != ']') {
      in_type_name = false;
    }
    previous = c;
    ++i;
  }
  return names;
}

std::vector<std::string> MentionedColumns(const Table& table, std::string_view expr) {
  std::vector<std::string> columns;
  if (expr.empty()) return columns;
  std::set<std::string> names = MentionedNames(expr);
  for (const Column& column : table.columns) {
    if (names.contains(column.name)) columns.push_back(column.name);
  }
  return columns;
}

}  // namespace pgdrift::model::internal
