#include "parser/node_util.h"

#include <map>

#include "base/strings.h"
#include "parser/internal/ddl_util.h"

namespace pgdrift::parser {

std::string StringOf(const PgQuery__Node* node) {
  if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_STRING) return "";
  return node->string->sval;
}

std::vector<std::string> StringList(PgQuery__Node* const* nodes, size_t count) {
  std::vector<std::string> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) out.push_back(StringOf(nodes[i]));
  return out;
}

model::QualifiedName QualifiedNameOf(PgQuery__Node* const* nodes, size_t count) {
  std::vector<std::string> parts = StringList(nodes, count);
  if (parts.empty()) return {};
  if (parts.size() == 1) return {"", parts[0]};
  return {parts[parts.size() - 2], parts.back()};
}

model::QualifiedName QualifiedNameOf(const PgQuery__List* list) {
  if (list == nullptr) return {};
  return QualifiedNameOf(list->items, list->n_items);
}

model::QualifiedName RangeVarName(const PgQuery__RangeVar* range_var) {
  if (range_var == nullptr) return {};
  return {range_var->schemaname, range_var->relname};
}

std::optional<long long> IntegerOf(const PgQuery__Node* node) {
  if (node == nullptr) return std::nullopt;
  if (node->node_case == PG_QUERY__NODE__NODE_INTEGER) return node->integer->ival;
  if (node->node_case == PG_QUERY__NODE__NODE_A_CONST &&
      node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
    return node->a_const->ival->ival;
  }
  if (node->node_case == PG_QUERY__NODE__NODE_FLOAT) {
    // Integers too large for int32 arrive as Float nodes.
    try {
      return std::stoll(node->float_->fval);
    } catch (...) {
      return std::nullopt;
    }
  }
  if (node->node_case == PG_QUERY__NODE__NODE_A_CONST &&
      node->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL) {
    try {
      return std::stoll(node->a_const->fval->fval);
    } catch (...) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<std::string> ConstantText(const PgQuery__Node* node) {
  if (node == nullptr) return std::nullopt;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_STRING:
      return std::string(node->string->sval);
    case PG_QUERY__NODE__NODE_INTEGER:
      return std::to_string(node->integer->ival);
    case PG_QUERY__NODE__NODE_FLOAT:
      return std::string(node->float_->fval);
    case PG_QUERY__NODE__NODE_BOOLEAN:
      return node->boolean->boolval ? "true" : "false";
    case PG_QUERY__NODE__NODE_A_CONST: {
      const PgQuery__AConst* a_const = node->a_const;
      switch (a_const->val_case) {
        case PG_QUERY__A__CONST__VAL_IVAL:
          return std::to_string(a_const->ival->ival);
        case PG_QUERY__A__CONST__VAL_FVAL:
          return std::string(a_const->fval->fval);
        case PG_QUERY__A__CONST__VAL_SVAL:
          return std::string(a_const->sval->sval);
        case PG_QUERY__A__CONST__VAL_BOOLVAL:
          return a_const->boolval->boolval ? "true" : "false";
        case PG_QUERY__A__CONST__VAL_BSVAL:
          return std::string(a_const->bsval->bsval);
        default:
          return std::nullopt;
      }
    }
    default:
      return std::nullopt;
  }
}

std::vector<DefElemValue> DefElems(PgQuery__Node* const* nodes, size_t count) {
  std::vector<DefElemValue> out;
  for (size_t i = 0; i < count; ++i) {
    if (nodes[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* def_elem = nodes[i]->def_elem;
    DefElemValue value;
    value.name = def_elem->defname;
    value.arg = def_elem->arg;
    if (def_elem->arg != nullptr) {
      if (std::optional<std::string> text = ConstantText(def_elem->arg)) {
        value.value = *text;
      } else if (def_elem->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
        value.value = StrJoin(
            StringList(def_elem->arg->type_name->names, def_elem->arg->type_name->n_names), ".");
      } else if (def_elem->arg->node_case == PG_QUERY__NODE__NODE_LIST) {
        value.value = StrJoin(
            StringList(def_elem->arg->list->items, def_elem->arg->list->n_items), ", ");
      }
    }
    out.push_back(std::move(value));
  }
  return out;
}

std::string StatementName(const PgQuery__Node* statement) {
  // CREATE AGGREGATE, OPERATOR, TYPE (base / shell), COLLATION … share DefineStmt.
  if (statement != nullptr && statement->node_case == PG_QUERY__NODE__NODE_DEFINE_STMT &&
      statement->define_stmt != nullptr) {
    return StrCat("CREATE ", internal::ObjectTypeSql(statement->define_stmt->kind));
  }
  static const std::map<PgQuery__Node__NodeCase, std::string> kNames = {
      {PG_QUERY__NODE__NODE_CREATE_STMT, "CREATE TABLE"},
      {PG_QUERY__NODE__NODE_INDEX_STMT, "CREATE INDEX"},
      {PG_QUERY__NODE__NODE_VIEW_STMT, "CREATE VIEW"},
      {PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT, "CREATE TABLE AS / MATERIALIZED VIEW"},
      {PG_QUERY__NODE__NODE_CREATE_TRIG_STMT, "CREATE TRIGGER"},
      {PG_QUERY__NODE__NODE_CREATE_PLANG_STMT, "CREATE LANGUAGE"},
      {PG_QUERY__NODE__NODE_CREATEDB_STMT, "CREATE DATABASE"},
      {PG_QUERY__NODE__NODE_DEFINE_STMT, "CREATE AGGREGATE / OPERATOR / TYPE"},
      {PG_QUERY__NODE__NODE_RULE_STMT, "CREATE RULE"},
      {PG_QUERY__NODE__NODE_VARIABLE_SET_STMT, "SET"},
      {PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT, "SHOW"},
      {PG_QUERY__NODE__NODE_GRANT_STMT, "GRANT / REVOKE"},
      {PG_QUERY__NODE__NODE_GRANT_ROLE_STMT, "GRANT / REVOKE role"},
      {PG_QUERY__NODE__NODE_RENAME_STMT, "ALTER … RENAME"},
      {PG_QUERY__NODE__NODE_COMMENT_STMT, "COMMENT"},
      {PG_QUERY__NODE__NODE_SELECT_STMT, "SELECT"},
      {PG_QUERY__NODE__NODE_DO_STMT, "DO"},
      {PG_QUERY__NODE__NODE_TRANSACTION_STMT, "BEGIN / COMMIT"},
  };
  if (statement == nullptr) return "empty statement";
  if (auto it = kNames.find(statement->node_case); it != kNames.end()) return it->second;
  // Otherwise derive it from the protobuf field name: "alter_seq_stmt" → "ALTER SEQ".
  const ProtobufCFieldDescriptor* field = protobuf_c_message_descriptor_get_field(
      &pg_query__node__descriptor, static_cast<unsigned>(statement->node_case));
  if (field == nullptr) return "statement";
  std::string name = field->name;
  if (name.size() > 5 && name.ends_with("_stmt")) name.resize(name.size() - 5);
  for (char& c : name) c = c == '_' ? ' ' : static_cast<char>(std::toupper(c));
  return name;
}

}  // namespace pgdrift::parser
