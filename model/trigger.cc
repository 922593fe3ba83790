#include "model/trigger.h"

#include <algorithm>
#include <cctype>

namespace pgdrift::model {

std::string_view TriggerTimingName(TriggerTiming timing) {
  switch (timing) {
    case TriggerTiming::kBefore: return "BEFORE";
    case TriggerTiming::kAfter: return "AFTER";
    case TriggerTiming::kInsteadOf: return "INSTEAD OF";
  }
  return "BEFORE";
}

std::string_view TriggerEnabledName(TriggerEnabled enabled) {
  switch (enabled) {
    case TriggerEnabled::kOrigin: return "origin";
    case TriggerEnabled::kDisabled: return "disabled";
    case TriggerEnabled::kReplica: return "replica";
    case TriggerEnabled::kAlways: return "always";
  }
  return "origin";
}

namespace {

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

std::vector<std::string> TriggerWhenColumns(std::string_view when) {
  std::vector<std::string> columns;
  size_t i = 0;
  while (i < when.size()) {
    char c = when[i];
    if (c == '\'' || c == '"') {
      // Skip a literal or a quoted identifier ('' and "" escape the quote).
      for (++i; i < when.size(); ++i) {
        if (when[i] == c) {
          if (i + 1 < when.size() && when[i + 1] == c) {
            ++i;
            continue;
          }
          break;
        }
      }
      ++i;
      continue;
    }
    if (!IsWordChar(c)) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < when.size() && IsWordChar(when[i])) ++i;
    std::string_view word = when.substr(start, i - start);
    const bool preceded_by_dot = start > 0 && when[start - 1] == '.';
    if (preceded_by_dot || (word != "old" && word != "new") || i >= when.size() ||
        when[i] != '.') {
      continue;
    }
    size_t name_start = i + 1;
    std::string column;
    if (name_start < when.size() && when[name_start] == '"') {
      size_t j = name_start + 1;
      for (; j < when.size(); ++j) {
        if (when[j] == '"') {
          if (j + 1 < when.size() && when[j + 1] == '"') {
            column.push_back('"');
            ++j;
            continue;
          }
          break;
        }
        column.push_back(when[j]);
      }
      i = j + 1;
    } else {
      size_t j = name_start;
      while (j < when.size() && IsWordChar(when[j])) ++j;
      column = std::string(when.substr(name_start, j - name_start));
      i = j;
    }
    if (!column.empty() && std::find(columns.begin(), columns.end(), column) == columns.end()) {
      columns.push_back(std::move(column));
    }
  }
  return columns;
}

}  // namespace pgdrift::model
