#include "model/internal/relation_helpers.h"

#include <algorithm>
#include <cctype>

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

// Splits `text` at commas that are not inside parentheses or quotes.
std::vector<std::string> SplitTopLevel(std::string_view text) {
  std::vector<std::string> parts;
  std::string current;
  int depth = 0;
  char quote = 0;
  for (char c : text) {
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      parts.push_back(std::string(Trim(current)));
      current.clear();
      continue;
    }
    current.push_back(c);
  }
  if (!Trim(current).empty()) parts.push_back(std::string(Trim(current)));
  return parts;
}

// The identifier `text` denotes when it is one plain or quoted identifier, else "".
std::string SingleIdentifier(std::string_view text) {
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    std::string name;
    for (size_t i = 1; i + 1 < text.size(); ++i) {
      if (text[i] == '"') {
        if (i + 2 < text.size() && text[i + 1] == '"') {
          name.push_back('"');
          ++i;
          continue;
        }
        return "";
      }
      name.push_back(text[i]);
    }
    return name;
  }
  if (text.empty() || !IsIdentStart(text.front())) return "";
  for (char c : text) {
    if (!IsIdentChar(c)) return "";
  }
  return std::string(text);
}

}  // namespace

std::vector<QualifiedName> ChildTables(const Catalog& catalog, const QualifiedName& table) {
  std::vector<QualifiedName> children;
  for (const auto& [name, candidate] : catalog.tables) {
    bool child = candidate.partition_of.has_value() && *candidate.partition_of == table;
    child = child || std::find(candidate.inherits.begin(), candidate.inherits.end(), table) !=
                         candidate.inherits.end();
    if (child) children.push_back(name);
  }
  return children;
}

std::vector<QualifiedName> ParentTables(const Table& table) {
  if (table.partition_of.has_value()) return {*table.partition_of};
  return table.inherits;
}

bool IsAncestorOrSelf(const Catalog& catalog, const QualifiedName& ancestor,
                      const QualifiedName& table) {
  if (ancestor == table) return true;
  const Table* found = catalog.FindTable(table);
  if (found == nullptr) return false;
  for (const QualifiedName& parent : ParentTables(*found)) {
    if (IsAncestorOrSelf(catalog, ancestor, parent)) return true;
  }
  return false;
}

std::vector<QualifiedName> IndexesOf(const Catalog& catalog, const QualifiedName& table) {
  std::vector<QualifiedName> indexes;
  for (const auto& [name, index] : catalog.indexes) {
    if (index.table == table) indexes.push_back(name);
  }
  return indexes;
}

std::vector<QualifiedName> IndexesInCreationOrder(const Catalog& catalog,
                                                  const QualifiedName& table) {
  std::vector<QualifiedName> indexes = IndexesOf(catalog, table);
  std::stable_sort(
      indexes.begin(), indexes.end(), [&catalog](const QualifiedName& a, const QualifiedName& b) {
        return catalog.indexes.at(a).lineage.created < catalog.indexes.at(b).lineage.created;
      });
  return indexes;
}

void RetargetAttachedIndexes(Catalog& catalog, const QualifiedName& from, const QualifiedName& to) {
  for (auto& [name, index] : catalog.indexes) {
    if (index.parent_index == from) index.parent_index = to;
  }
}

std::vector<QualifiedName> SequencesOwnedBy(const Catalog& catalog, const QualifiedName& table,
                                            std::string_view column) {
  std::vector<QualifiedName> sequences;
  for (const auto& [name, sequence] : catalog.sequences) {
    if (sequence.owned_by.has_value() && sequence.owned_by->table == table &&
        sequence.owned_by->column == column) {
      sequences.push_back(name);
    }
  }
  return sequences;
}

std::vector<QualifiedName> SequencesOwnedByTable(const Catalog& catalog,
                                                 const QualifiedName& table) {
  std::vector<QualifiedName> sequences;
  for (const auto& [name, sequence] : catalog.sequences) {
    if (sequence.owned_by.has_value() && sequence.owned_by->table == table) {
      sequences.push_back(name);
    }
  }
  return sequences;
}

const Constraint* PrimaryKeyOf(const Table& table) {
  for (const auto& [name, constraint] : table.constraints) {
    if (constraint.type == ConstraintType::kPrimaryKey) return &constraint;
  }
  return nullptr;
}

std::vector<std::string> PartitionKeyColumns(std::string_view partition_key) {
  size_t open = partition_key.find('(');
  size_t close = partition_key.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    return {};
  }
  std::vector<std::string> columns;
  for (const std::string& part : SplitTopLevel(partition_key.substr(open + 1, close - open - 1))) {
    // A key element may carry COLLATE or an operator class after the column.
    std::string_view element = part;
    if (!element.empty() && element.front() != '"') {
      size_t space = element.find(' ');
      if (space != std::string_view::npos) element = element.substr(0, space);
    } else if (!element.empty()) {
      size_t end = element.find("\" ");
      if (end != std::string_view::npos) element = element.substr(0, end + 1);
    }
    std::string column = SingleIdentifier(element);
    if (!column.empty()) columns.push_back(column);
  }
  return columns;
}

bool ExpressionMentions(std::string_view expression, std::string_view column) {
  size_t i = 0;
  const size_t n = expression.size();
  bool after_cast = false;
  while (i < n) {
    char c = expression[i];
    if (c == '\'') {
      // A string literal; '' is an escaped quote.
      ++i;
      while (i < n) {
        if (expression[i] == '\'' && i + 1 < n && expression[i + 1] == '\'') {
          i += 2;
        } else if (expression[i] == '\'') {
          ++i;
          break;
        } else {
          ++i;
        }
      }
      after_cast = false;
      continue;
    }
    if (c == ':' && i + 1 < n && expression[i + 1] == ':') {
      after_cast = true;
      i += 2;
      continue;
    }
    std::string word;
    bool is_word = false;
    if (c == '"') {
      ++i;
      while (i < n) {
        if (expression[i] == '"' && i + 1 < n && expression[i + 1] == '"') {
          word.push_back('"');
          i += 2;
        } else if (expression[i] == '"') {
          ++i;
          break;
        } else {
          word.push_back(expression[i++]);
        }
      }
      is_word = true;
    } else if (IsIdentStart(c)) {
      while (i < n && IsIdentChar(expression[i])) word.push_back(expression[i++]);
      is_word = true;
    } else {
      if (!std::isspace(static_cast<unsigned char>(c))) after_cast = false;
      ++i;
      continue;
    }
    if (is_word) {
      size_t next = i;
      while (next < n && std::isspace(static_cast<unsigned char>(expression[next]))) ++next;
      bool is_call = next < n && expression[next] == '(';
      bool qualified_further = next < n && expression[next] == '.';
      if (!after_cast && !is_call && !qualified_further && word == column) return true;
      after_cast = false;
    }
  }
  return false;
}

bool EquivalentIndexes(const Index& a, const Index& b) {
  return a.method == b.method && a.unique == b.unique &&
         a.nulls_not_distinct == b.nulls_not_distinct && a.keys == b.keys &&
         a.include == b.include && a.predicate == b.predicate;
}

bool EquivalentForeignKeys(const Constraint& a, const Constraint& b) {
  return a.type == ConstraintType::kForeignKey && b.type == ConstraintType::kForeignKey &&
         a.columns == b.columns && a.referenced_table == b.referenced_table &&
         a.referenced_columns == b.referenced_columns && a.on_update == b.on_update &&
         a.on_delete == b.on_delete && a.match == b.match && a.deferrable == b.deferrable &&
         a.initially_deferred == b.initially_deferred;
}

std::string WrittenName(const QualifiedName& name) {
  return name.schema.empty() ? name.name : StrCat(name.schema, ".", name.name);
}

}  // namespace pgdrift::model::internal
