#include "introspect/result_set.h"

#include <charconv>
#include <cstdio>

#include "base/status_macros.h"
#include "base/strings.h"

namespace pgdrift::introspect {

std::optional<std::vector<std::optional<std::string>>> ParseTextArray(std::string_view text) {
  // Bounds decoration ("[0:1]={…}") precedes the braces when lower bounds are not 1.
  if (!text.empty() && text.front() == '[') {
    size_t equals = text.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    text.remove_prefix(equals + 1);
  }
  if (text.size() < 2 || text.front() != '{' || text.back() != '}') return std::nullopt;
  std::string_view body = text.substr(1, text.size() - 2);
  std::vector<std::optional<std::string>> elements;
  if (body.empty()) return elements;
  size_t i = 0;
  while (true) {
    std::optional<std::string> element;
    if (i < body.size() && body[i] == '"') {
      std::string value;
      ++i;
      bool closed = false;
      while (i < body.size()) {
        char c = body[i++];
        if (c == '\\') {
          if (i >= body.size()) return std::nullopt;
          value.push_back(body[i++]);
        } else if (c == '"') {
          closed = true;
          break;
        } else {
          value.push_back(c);
        }
      }
      if (!closed) return std::nullopt;
      element = std::move(value);
    } else {
      size_t end = body.find(',', i);
      if (end == std::string_view::npos) end = body.size();
      std::string_view raw = body.substr(i, end - i);
      if (raw.empty() || raw.find_first_of("{}\"") != std::string_view::npos) return std::nullopt;
      if (AsciiLower(raw) != "null") element = std::string(raw);
      i = end;
    }
    elements.push_back(std::move(element));
    if (i == body.size()) break;
    if (body[i] != ',') return std::nullopt;
    ++i;
  }
  return elements;
}

std::map<std::string, std::string> ParseOptionList(const std::vector<std::string>& entries) {
  std::map<std::string, std::string> options;
  for (const std::string& entry : entries) {
    size_t equals = entry.find('=');
    if (equals == std::string::npos) {
      options[entry] = "";
    } else {
      options[entry.substr(0, equals)] = entry.substr(equals + 1);
    }
  }
  return options;
}

ResultSet::ResultSet(std::vector<std::string> columns, std::vector<Values> rows)
    : columns_(std::move(columns)), rows_(std::move(rows)) {}

size_t ResultSet::ColumnIndex(std::string_view column) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == column) return i;
  }
  std::fprintf(stderr, "internal error: catalog query returns no column \"%s\"\n",
               std::string(column).c_str());
  PGDRIFT_CHECK(false);
  return 0;
}

const std::optional<std::string>& ResultSet::Row::Get(std::string_view column) const {
  return set_->rows_[index_][set_->ColumnIndex(column)];
}

std::string ResultSet::Row::Text(std::string_view column) const { return Get(column).value_or(""); }

bool ResultSet::Row::Bool(std::string_view column) const {
  const std::optional<std::string>& value = Get(column);
  return value.has_value() && *value == "t";
}

int64_t ResultSet::Row::Int(std::string_view column, int64_t if_null) const {
  const std::optional<std::string>& value = Get(column);
  if (!value.has_value()) return if_null;
  int64_t number = 0;
  auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), number);
  PGDRIFT_CHECK(error == std::errc() && end == value->data() + value->size());
  return number;
}

std::vector<std::string> ResultSet::Row::TextArray(std::string_view column) const {
  const std::optional<std::string>& value = Get(column);
  if (!value.has_value()) return {};
  std::optional<std::vector<std::optional<std::string>>> elements = ParseTextArray(*value);
  PGDRIFT_CHECK(elements.has_value());
  std::vector<std::string> out;
  out.reserve(elements->size());
  for (std::optional<std::string>& element : *elements) {
    out.push_back(std::move(element).value_or(""));
  }
  return out;
}

}  // namespace pgdrift::introspect
