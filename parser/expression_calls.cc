#include "parser/expression_calls.h"

#include <cstdint>
#include <memory>

#include "base/strings.h"
#include "parser/node_util.h"
#include "parser/parse_tree.h"

namespace pgdrift::parser {
namespace {

constexpr std::string_view kPrefix = "SELECT ";

// Collects FuncCall nodes, tracking how many SubLinks enclose the node being visited.
class CallCollector {
 public:
  explicit CallCollector(std::vector<ExpressionCall>* calls) : calls_(calls) {}

  void Walk(const PgQuery__Node* node) {
    if (node == nullptr) return;
    bool sublink = node->node_case == PG_QUERY__NODE__NODE_SUB_LINK;
    if (node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
      const PgQuery__FuncCall& call = *node->func_call;
      model::QualifiedName name = QualifiedNameOf(call.funcname, call.n_funcname);
      ExpressionCall found;
      found.schema = name.schema;
      found.name = name.name;
      found.in_subselect = depth_ > 0;
      found.offset = call.location - static_cast<int>(kPrefix.size());
      calls_->push_back(std::move(found));
    }
    // Each child subtree is walked on its own, so the SubLink depth is right in each.
    if (sublink) ++depth_;
    for (const PgQuery__Node* child : DirectChildren(node)) Walk(child);
    if (sublink) --depth_;
  }

 private:
  // The Nodes directly below `node` (not below them), in field order.
  static std::vector<const PgQuery__Node*> DirectChildren(const PgQuery__Node* node) {
    std::vector<const PgQuery__Node*> children;
    // The oneof member of a Node is the message to look into.
    const ProtobufCMessage* message = reinterpret_cast<const ProtobufCMessage*>(node);
    const ProtobufCMessageDescriptor* descriptor = message->descriptor;
    const char* base = reinterpret_cast<const char*>(message);
    for (unsigned i = 0; i < descriptor->n_fields; ++i) {
      const ProtobufCFieldDescriptor& field = descriptor->fields[i];
      if (field.type != PROTOBUF_C_TYPE_MESSAGE) continue;
      if ((field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0 &&
          *reinterpret_cast<const uint32_t*>(base + field.quantifier_offset) != field.id) {
        continue;
      }
      const ProtobufCMessage* inner =
          *reinterpret_cast<const ProtobufCMessage* const*>(base + field.offset);
      CollectNodes(inner, &children);
    }
    return children;
  }

  // The first Nodes reachable from `message` without passing through another Node.
  static void CollectNodes(const ProtobufCMessage* message,
                           std::vector<const PgQuery__Node*>* out) {
    if (message == nullptr) return;
    if (message->descriptor == &pg_query__node__descriptor) {
      out->push_back(reinterpret_cast<const PgQuery__Node*>(message));
      return;
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
        for (size_t k = 0; k < count; ++k) CollectNodes(items[k], out);
      } else {
        CollectNodes(*reinterpret_cast<const ProtobufCMessage* const*>(base + field.offset), out);
      }
    }
  }

  std::vector<ExpressionCall>* calls_;
  int depth_ = 0;
};

}  // namespace

absl::StatusOr<std::vector<ExpressionCall>> FunctionCallsIn(std::string_view expression) {
  std::string sql = StrCat(kPrefix, expression);
  SyntaxError error;
  std::unique_ptr<ParseTree> tree = ParseTree::Parse(sql, &error);
  if (tree == nullptr) {
    return absl::InvalidArgumentError(StrCat("expression does not parse: ", error.message));
  }
  const PgQuery__ParseResult& result = tree->result();
  if (result.n_stmts != 1 || result.stmts[0]->stmt == nullptr ||
      result.stmts[0]->stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
    return absl::InvalidArgumentError(StrCat("not one expression: ", std::string(expression)));
  }
  const PgQuery__SelectStmt& select = *result.stmts[0]->stmt->select_stmt;
  if (select.n_target_list != 1 || select.n_from_clause != 0 || select.where_clause != nullptr) {
    return absl::InvalidArgumentError(StrCat("not one expression: ", std::string(expression)));
  }
  std::vector<ExpressionCall> calls;
  CallCollector collector(&calls);
  collector.Walk(select.target_list[0]);
  return calls;
}

}  // namespace pgdrift::parser
