#include "parser/parse_tree.h"

#include <vector>

#include "base/source_span.h"
#include "base/strings.h"

namespace pgdrift::parser {

std::unique_ptr<ParseTree> ParseTree::Parse(const std::string& sql, SyntaxError* error) {
  PgQueryProtobufParseResult raw = pg_query_parse_protobuf(sql.c_str());
  if (raw.error != nullptr) {
    error->message = raw.error->message != nullptr ? raw.error->message : "syntax error";
    // cursorpos is a 1-based character index; 0 means "no position".
    error->byte_offset =
        raw.error->cursorpos > 0 ? ByteOffsetOfCharIndex(sql, raw.error->cursorpos - 1) : -1;
    pg_query_free_protobuf_parse_result(raw);
    return nullptr;
  }
  PgQuery__ParseResult* unpacked = pg_query__parse_result__unpack(
      nullptr, raw.parse_tree.len, reinterpret_cast<const uint8_t*>(raw.parse_tree.data));
  pg_query_free_protobuf_parse_result(raw);
  if (unpacked == nullptr) {
    error->message = "internal error: cannot unpack the libpg_query parse tree";
    error->byte_offset = -1;
    return nullptr;
  }
  return std::unique_ptr<ParseTree>(new ParseTree(unpacked));
}

ParseTree::~ParseTree() { pg_query__parse_result__free_unpacked(unpacked_, nullptr); }

absl::StatusOr<std::string> Deparse(const PgQuery__ParseResult& result) {
  std::vector<uint8_t> buffer(pg_query__parse_result__get_packed_size(&result));
  pg_query__parse_result__pack(&result, buffer.data());
  PgQueryProtobuf protobuf{buffer.size(), reinterpret_cast<char*>(buffer.data())};
  PgQueryDeparseResult deparsed = pg_query_deparse_protobuf(protobuf);
  if (deparsed.error != nullptr) {
    std::string message = StrCat("cannot deparse: ", deparsed.error->message);
    pg_query_free_deparse_result(deparsed);
    return absl::InternalError(message);
  }
  std::string text = deparsed.query;
  pg_query_free_deparse_result(deparsed);
  return text;
}

}  // namespace pgdrift::parser
