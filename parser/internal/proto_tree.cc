#include "parser/internal/proto_tree.h"

namespace pgdrift::parser::internal {

PgQuery__Node* CopyNode(const PgQuery__Node& node, Arena& arena) {
  size_t size = pg_query__node__get_packed_size(&node);
  std::vector<uint8_t> buffer(size);
  pg_query__node__pack(&node, buffer.data());
  return pg_query__node__unpack(arena.allocator(), size, buffer.data());
}

}  // namespace pgdrift::parser::internal
