// ParseTree: RAII ownership of one libpg_query protobuf parse (pg_query_parse_protobuf
// plus pg_query__parse_result__unpack), so that no caller frees a C allocation.
//
// The protobuf form is used (not the JSON one) because it gives typed C structs and is
// what pg_query_deparse_protobuf takes; bench/parse_bench.cc measures both.
#ifndef PGDRIFT_PARSER_PARSE_TREE_H_
#define PGDRIFT_PARSER_PARSE_TREE_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "pg_query.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser {

// A syntax error from libpg_query: its message and the 0-based byte offset in the
// parsed text where it was found (-1 when libpg_query gave none).
struct SyntaxError {
  std::string message;
  int byte_offset = -1;
};

class ParseTree {
 public:
  // Parses `sql` (must stay alive as long as offsets into it are used). On a syntax
  // error, fills `error` and returns nullptr.
  static std::unique_ptr<ParseTree> Parse(const std::string& sql, SyntaxError* error);

  ~ParseTree();
  ParseTree(const ParseTree&) = delete;
  ParseTree& operator=(const ParseTree&) = delete;

  const PgQuery__ParseResult& result() const { return *unpacked_; }

 private:
  explicit ParseTree(PgQuery__ParseResult* unpacked) : unpacked_(unpacked) {}
  PgQuery__ParseResult* unpacked_;
};

// Deparses a parse result built by the caller back to SQL text.
[[nodiscard]] absl::StatusOr<std::string> Deparse(const PgQuery__ParseResult& result);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_PARSE_TREE_H_
