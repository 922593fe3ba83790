#include "planner/ddl_printer.h"

#include <cctype>
#include <regex>

#include "base/identifier.h"
#include "base/strings.h"

namespace pgdrift::planner {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordStart(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
bool IsWordChar(char c) { return IsWordStart(c) || IsDigit(c); }

// An integer or decimal number, optionally signed (gram.y NumericOnly).
bool IsNumber(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  if (text.empty()) return false;
  bool digits = false;
  bool dot = false;
  for (char c : text) {
    if (IsDigit(c)) {
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

// A lowercase word the grammar takes bare as a definition argument (gram.y def_arg):
// an identifier that quote_ident leaves alone, or the reserved words true, false, on.
bool IsBareWord(std::string_view text) {
  if (text == "true" || text == "false" || text == "on") return true;
  return QuoteIdent(text) == text;
}

// Keywords that gram.y's func_expr_common_subexpr accepts in function-call form, so an
// index key may use them without extra parentheses.
bool IsCallableKeyword(std::string_view word) {
  return word == "coalesce" || word == "greatest" || word == "least" || word == "nullif";
}

// The index of the parenthesis closing the one at `open`, skipping string literals and
// quoted identifiers; npos when unbalanced.
size_t MatchingParenthesis(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\'' || c == '"') {
      size_t close = text.find(c, i + 1);
      // A doubled quote inside the literal is just two adjacent literals to this scan.
      if (close == std::string_view::npos) return std::string_view::npos;
      i = close;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth == 0) return i;
    }
  }
  return std::string_view::npos;
}

// Whether `expression` is exactly one call `name(…)` or `schema.name(…)`.
bool IsFunctionCall(std::string_view expression) {
  size_t i = 0;
  while (true) {
    size_t word_start = i;
    if (i >= expression.size() || !IsWordStart(expression[i])) return false;
    while (i < expression.size() && IsWordChar(expression[i])) ++i;
    std::string_view word = expression.substr(word_start, i - word_start);
    if (i < expression.size() && expression[i] == '.') {
      ++i;
      continue;
    }
    if (IsQuotedKeyword(word) && !IsCallableKeyword(word)) return false;
    break;
  }
  if (i >= expression.size() || expression[i] != '(') return false;
  return MatchingParenthesis(expression, i) == expression.size() - 1;
}

// Words that may only appear in a full expression (gram.y a_expr), not in the restricted
// b_expr that DEFAULT takes, when they stand outside any parentheses.
bool IsFullExpressionWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "all",    "and",  "any", "at",      "between", "collate",  "ilike",   "in",   "is",
      "isnull", "like", "not", "notnull", "or",      "overlaps", "similar", "some", "unique"};
  for (std::string_view candidate : kWords) {
    if (candidate == word) return true;
  }
  return false;
}

// Whether `expression` has a full-expression word outside parentheses, brackets, string
// literals and quoted identifiers.
bool HasTopLevelFullExpressionWord(std::string_view expression) {
  auto is_word_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
  };
  int depth = 0;
  for (size_t i = 0; i < expression.size(); ++i) {
    char c = expression[i];
    if (c == '\'' || c == '"') {
      // E'…' literals escape quotes with a backslash; other literals double them, which
      // this scan reads as two adjacent literals.
      bool escapes = c == '\'' && i > 0 && (expression[i - 1] == 'E' || expression[i - 1] == 'e');
      size_t j = i + 1;
      while (j < expression.size() && expression[j] != c) {
        j += (escapes && expression[j] == '\\') ? 2 : 1;
      }
      i = j;
    } else if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      --depth;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t end = i;
      while (end < expression.size() && is_word_char(expression[end])) ++end;
      if (depth == 0 && IsFullExpressionWord(AsciiLower(expression.substr(i, end - i)))) {
        return true;
      }
      i = end - 1;
    }
  }
  return false;
}

}  // namespace

std::string DefaultExpressionSql(std::string_view expression) {
  if (HasTopLevelFullExpressionWord(expression)) return StrCat("(", expression, ")");
  return std::string(expression);
}

std::string QualifiedSql(const model::QualifiedName& name) {
  return QuoteQualified(name.schema, name.name);
}

std::string TypeSql(const model::TypeRef& type) { return type.ToString(); }

std::string NameTextSql(std::string_view text) {
  if (text.find('"') != std::string_view::npos) return std::string(text);
  return StrJoin(StrSplit(text, '.'), ".",
                 [](const std::string& part) { return QuoteIdent(part); });
}

std::string IdentifierList(const std::vector<std::string>& names) {
  return StrJoin(names, ", ", [](const std::string& name) { return QuoteIdent(name); });
}

std::string OptionValueSql(std::string_view value) {
  if (IsNumber(value) || IsBareWord(value)) return std::string(value);
  return QuoteLiteral(value);
}

std::string OptionListSql(const std::map<std::string, std::string>& options) {
  if (options.empty()) return "";
  std::string out = "(";
  bool first = true;
  for (const auto& [key, value] : options) {
    if (!first) out += ", ";
    first = false;
    // Keys are parameter names, possibly namespaced (`toast.autovacuum_enabled`).
    StrAppend(&out, key, "=", OptionValueSql(value));
  }
  out += ")";
  return out;
}

std::string WithClauseSql(const std::map<std::string, std::string>& options) {
  if (options.empty()) return "";
  return StrCat(" WITH ", OptionListSql(options));
}

std::string Statement(std::string_view text) { return StrCat(text, ";"); }

std::string CommentSql(std::string_view target, std::string_view text) {
  return Statement(
      StrCat("COMMENT ON ", target, " IS ", text.empty() ? "NULL" : QuoteLiteral(text)));
}

std::string OwnerSql(std::string_view object_kind, std::string_view name_sql,
                     std::string_view role) {
  return Statement(StrCat("ALTER ", object_kind, " ", name_sql, " OWNER TO ", QuoteIdent(role)));
}

bool NeedsOwnerSql(std::string_view owner, std::string_view default_owner) {
  return !owner.empty() && owner != default_owner;
}

std::string IndexExpressionSql(std::string_view expression) {
  if (IsFunctionCall(expression)) return std::string(expression);
  return StrCat("(", expression, ")");
}

std::string LiteralArraysAsInLists(std::string_view sql) {
  static const std::regex kLiteralArray(
      R"re(\s*(=\s*ANY|<>\s*ALL)\s*\(ARRAY\[('(?:[^']|'')*'(?:,\s*'(?:[^']|'')*')*)\]\))re");
  std::string text(sql);
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), kLiteralArray);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const std::smatch& match = *it;
    out.append(text, last, match.position() - last);
    StrAppend(&out, match[1].str()[0] == '=' ? " IN (" : " NOT IN (", match[2].str(), ")");
    last = match.position() + match.length();
  }
  out.append(text, last, std::string::npos);
  return out;
}

}  // namespace pgdrift::planner
