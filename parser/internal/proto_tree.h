// Working on libpg_query protobuf-c trees: an arena that owns copies and new nodes
// (so rewrites may share subtrees and nothing is freed one by one), a deep copy, and a
// generic walk over every Node of a tree through the protobuf-c descriptors (so no
// node type is forgotten). Used by the expression canonicalizer.
#ifndef PGDRIFT_PARSER_INTERNAL_PROTO_TREE_H_
#define PGDRIFT_PARSER_INTERNAL_PROTO_TREE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <vector>

#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser::internal {

// Owns every node of one rewrite: the deep copy of the input and the nodes rules build.
// Nothing is freed before the whole arena goes, so rewrites may share subtrees (BETWEEN
// repeats its left operand) without caring who frees what.
class Arena {
 public:
  // An empty arena.
  Arena() {
    allocator_.alloc = [](void* data, size_t size) { return static_cast<Arena*>(data)->Allocate(size); };
    allocator_.free = [](void*, void*) {};
    allocator_.allocator_data = this;
  }
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // `size` bytes aligned for any type, zeroed.
  void* Allocate(size_t size) {
    size_t units = (size + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t);
    blocks_.push_back(std::make_unique<std::max_align_t[]>(units == 0 ? 1 : units));
    return blocks_.back().get();
  }

  // A protobuf-c allocator that allocates here and never frees.
  ProtobufCAllocator* allocator() { return &allocator_; }

  // A copy of `value` (a protobuf-c message struct) in the arena.
  template <typename T>
  T* New(const T& value) {
    return new (Allocate(sizeof(T))) T(value);
  }

  // A NUL-terminated copy of `text`.
  char* String(std::string_view text) {
    char* out = static_cast<char*>(Allocate(text.size() + 1));
    std::memcpy(out, text.data(), text.size());
    out[text.size()] = '\0';
    return out;
  }

  // An array holding `nodes`, for a repeated Node field.
  PgQuery__Node** NodeArray(const std::vector<PgQuery__Node*>& nodes) {
    auto** out = static_cast<PgQuery__Node**>(Allocate(sizeof(PgQuery__Node*) * (nodes.size() + 1)));
    for (size_t i = 0; i < nodes.size(); ++i) out[i] = nodes[i];
    return out;
  }

 private:
  ProtobufCAllocator allocator_;
  std::vector<std::unique_ptr<std::max_align_t[]>> blocks_;
};

// A deep copy of `node` in `arena` (protobuf-c pack and unpack); nullptr if it fails.
PgQuery__Node* CopyNode(const PgQuery__Node& node, Arena& arena);

// Whether `node` is set and of `node_case`.
inline bool IsNode(const PgQuery__Node* node, PgQuery__Node__NodeCase node_case) {
  return node != nullptr && node->node_case == node_case;
}

// Calls `visit` on every Node reachable from `message`, parents before children, in
// field order (which is the order of the SQL text for expression nodes).
template <typename Visit>
void VisitNodes(const ProtobufCMessage* message, Visit& visit) {
  if (message == nullptr) return;
  if (message->descriptor == &pg_query__node__descriptor) {
    visit(reinterpret_cast<const PgQuery__Node*>(message));
  }
  const ProtobufCMessageDescriptor* descriptor = message->descriptor;
  const char* base = reinterpret_cast<const char*>(message);
  for (unsigned i = 0; i < descriptor->n_fields; ++i) {
    const ProtobufCFieldDescriptor& field = descriptor->fields[i];
    if (field.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if ((field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0 &&
        *reinterpret_cast<const uint32_t*>(base + field.quantifier_offset) != field.id) {
      continue;
    }
    if (field.label == PROTOBUF_C_LABEL_REPEATED) {
      size_t count = *reinterpret_cast<const size_t*>(base + field.quantifier_offset);
      ProtobufCMessage* const* items =
          *reinterpret_cast<ProtobufCMessage* const* const*>(base + field.offset);
      for (size_t k = 0; k < count; ++k) VisitNodes(items[k], visit);
    } else {
      VisitNodes(*reinterpret_cast<const ProtobufCMessage* const*>(base + field.offset), visit);
    }
  }
}

}  // namespace pgdrift::parser::internal

#endif  // PGDRIFT_PARSER_INTERNAL_PROTO_TREE_H_
