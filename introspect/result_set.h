// ResultSet: the rows of one catalog query as text, in std:: types, so that no libpqxx
// type leaves introspect/'s connection code. Values are PostgreSQL's text output
// (booleans "t"/"f", arrays "{a,\"b c\"}").
//
// Columns are looked up by name. The queries are embedded at build time, so asking for
// a column a query does not return is a programming error and aborts.
#ifndef PGDRIFT_INTROSPECT_RESULT_SET_H_
#define PGDRIFT_INTROSPECT_RESULT_SET_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pgdrift::introspect {

// Parses a one-dimensional array in PostgreSQL's text output form ("{a,b,\"c d\",NULL}",
// array_out in arrayfuncs.c): elements unquoted or double-quoted with backslash
// escapes, NULL for a null element. Returns nullopt when `text` is not such an array.
std::optional<std::vector<std::optional<std::string>>> ParseTextArray(std::string_view text);

// Splits reloptions-style entries ("fillfactor=70") at their first '=' into a map.
std::map<std::string, std::string> ParseOptionList(const std::vector<std::string>& entries);

class ResultSet {
 public:
  using Values = std::vector<std::optional<std::string>>;

  // One row; valid while its ResultSet lives.
  class Row {
   public:
    // The value of `column`, nullopt for SQL NULL.
    const std::optional<std::string>& Get(std::string_view column) const;
    // The value of `column`, "" for NULL.
    std::string Text(std::string_view column) const;
    bool IsNull(std::string_view column) const { return !Get(column).has_value(); }
    // A boolean column ("t"); NULL reads as false.
    bool Bool(std::string_view column) const;
    // An integer column; NULL reads as `if_null`.
    int64_t Int(std::string_view column, int64_t if_null = 0) const;
    // A text[] column; NULL reads as empty, NULL elements as "".
    std::vector<std::string> TextArray(std::string_view column) const;

   private:
    friend class ResultSet;
    Row(const ResultSet* set, size_t index) : set_(set), index_(index) {}
    const ResultSet* set_;
    size_t index_;
  };

  ResultSet() = default;
  ResultSet(std::vector<std::string> columns, std::vector<Values> rows);

  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  const std::vector<std::string>& columns() const { return columns_; }
  Row row(size_t index) const { return Row(this, index); }

  // Iteration over rows: for (ResultSet::Row row : result) …
  class Iterator {
   public:
    Iterator(const ResultSet* set, size_t index) : set_(set), index_(index) {}
    Row operator*() const { return set_->row(index_); }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    friend bool operator==(const Iterator&, const Iterator&) = default;

   private:
    const ResultSet* set_;
    size_t index_;
  };
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, rows_.size()); }

 private:
  size_t ColumnIndex(std::string_view column) const;

  std::vector<std::string> columns_;
  std::vector<Values> rows_;
};

}  // namespace pgdrift::introspect

#endif  // PGDRIFT_INTROSPECT_RESULT_SET_H_
