// FigureColumnName and ReferencedColumns (parser/normalize.h): the names PostgreSQL
// derives from an expression for implicit index and constraint names.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "parser/internal/proto_tree.h"
#include "parser/node_util.h"
#include "parser/normalize.h"

namespace pgdrift::parser {
namespace {

using internal::IsNode;

// FigureColnameInternal (parse_target.c): the name and its strength (0 none, 1 from a
// cast or CASE, 2 from a column, function or construct).
int FigureName(const PgQuery__Node* node, std::string* name) {
  if (node == nullptr) return 0;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_COLUMN_REF: {
      const PgQuery__ColumnRef* ref = node->column_ref;
      std::string last;
      for (size_t i = 0; i < ref->n_fields; ++i) {
        if (IsNode(ref->fields[i], PG_QUERY__NODE__NODE_STRING)) last = StringOf(ref->fields[i]);
      }
      if (last.empty()) return 0;
      *name = last;
      return 2;
    }
    case PG_QUERY__NODE__NODE_A_INDIRECTION: {
      const PgQuery__AIndirection* indirection = node->a_indirection;
      std::string last;
      for (size_t i = 0; i < indirection->n_indirection; ++i) {
        if (IsNode(indirection->indirection[i], PG_QUERY__NODE__NODE_STRING)) {
          last = StringOf(indirection->indirection[i]);
        }
      }
      if (!last.empty()) {
        *name = last;
        return 2;
      }
      return FigureName(indirection->arg, name);
    }
    case PG_QUERY__NODE__NODE_FUNC_CALL: {
      const PgQuery__FuncCall* call = node->func_call;
      if (call->n_funcname == 0) return 0;
      *name = StringOf(call->funcname[call->n_funcname - 1]);
      return 2;
    }
    case PG_QUERY__NODE__NODE_A_EXPR:
      if (node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF) {
        *name = "nullif";
        return 2;
      }
      return 0;
    case PG_QUERY__NODE__NODE_TYPE_CAST: {
      int strength = FigureName(node->type_cast->arg, name);
      const PgQuery__TypeName* type_name = node->type_cast->type_name;
      if (strength <= 1 && type_name != nullptr && type_name->n_names > 0) {
        *name = StringOf(type_name->names[type_name->n_names - 1]);
        return 1;
      }
      return strength;
    }
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
      return FigureName(node->collate_clause->arg, name);
    case PG_QUERY__NODE__NODE_GROUPING_FUNC:
      *name = "grouping";
      return 2;
    case PG_QUERY__NODE__NODE_SUB_LINK:
      switch (node->sub_link->sub_link_type) {
        case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
          *name = "exists";
          return 2;
        case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK:
          *name = "array";
          return 2;
        default:
          return 0;
      }
    case PG_QUERY__NODE__NODE_CASE_EXPR: {
      int strength = FigureName(node->case_expr->defresult, name);
      if (strength <= 1) {
        *name = "case";
        return 1;
      }
      return strength;
    }
    case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
      *name = "array";
      return 2;
    case PG_QUERY__NODE__NODE_ROW_EXPR:
      *name = "row";
      return 2;
    case PG_QUERY__NODE__NODE_COALESCE_EXPR:
      *name = "coalesce";
      return 2;
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
      switch (node->min_max_expr->op) {
        case PG_QUERY__MIN_MAX_OP__IS_GREATEST:
          *name = "greatest";
          return 2;
        case PG_QUERY__MIN_MAX_OP__IS_LEAST:
          *name = "least";
          return 2;
        default:
          return 0;
      }
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION: {
      static const std::map<PgQuery__SQLValueFunctionOp, std::string> kNames = {
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE, "current_date"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME, "current_time"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N, "current_time"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP, "current_timestamp"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N, "current_timestamp"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME, "localtime"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N, "localtime"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP, "localtimestamp"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N, "localtimestamp"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE, "current_role"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER, "current_user"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER, "user"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER, "session_user"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG, "current_catalog"},
          {PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA, "current_schema"},
      };
      auto it = kNames.find(node->sqlvalue_function->op);
      if (it == kNames.end()) return 0;
      *name = it->second;
      return 2;
    }
    case PG_QUERY__NODE__NODE_XML_EXPR: {
      static const std::map<PgQuery__XmlExprOp, std::string> kNames = {
          {PG_QUERY__XML_EXPR_OP__IS_XMLCONCAT, "xmlconcat"},
          {PG_QUERY__XML_EXPR_OP__IS_XMLELEMENT, "xmlelement"},
          {PG_QUERY__XML_EXPR_OP__IS_XMLFOREST, "xmlforest"},
          {PG_QUERY__XML_EXPR_OP__IS_XMLPARSE, "xmlparse"},
          {PG_QUERY__XML_EXPR_OP__IS_XMLPI, "xmlpi"},
          {PG_QUERY__XML_EXPR_OP__IS_XMLROOT, "xmlroot"},
          {PG_QUERY__XML_EXPR_OP__IS_XMLSERIALIZE, "xmlserialize"},
      };
      auto it = kNames.find(node->xml_expr->op);
      if (it == kNames.end()) return 0;
      *name = it->second;
      return 2;
    }
    case PG_QUERY__NODE__NODE_XML_SERIALIZE:
      *name = "xmlserialize";
      return 2;
    default:
      return 0;
  }
}

}  // namespace

std::vector<std::string> ReferencedColumns(const PgQuery__Node& expr) {
  std::vector<std::string> columns;
  std::set<std::string> seen;
  auto visit = [&](const PgQuery__Node* node) {
    if (node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return;
    const PgQuery__ColumnRef* ref = node->column_ref;
    if (ref->n_fields == 0) return;
    std::string name = StringOf(ref->fields[ref->n_fields - 1]);
    if (!name.empty() && seen.insert(name).second) columns.push_back(name);
  };
  internal::VisitNodes(&expr.base, visit);
  return columns;
}

std::string FigureColumnName(const PgQuery__Node& expr) {
  std::string name;
  if (FigureName(&expr, &name) == 0 || name.empty()) return "expr";
  return name;
}

std::string FigureTargetName(const PgQuery__Node& expr) {
  std::string name;
  if (FigureName(&expr, &name) == 0 || name.empty()) return "?column?";
  return name;
}

}  // namespace pgdrift::parser
