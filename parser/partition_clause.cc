#include "parser/partition_clause.h"

#include <memory>

#include "base/identifier.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/builtin_types.h"
#include "parser/internal/proto_tree.h"
#include "parser/node_util.h"
#include "parser/parse_tree.h"

namespace pgdrift::parser {
namespace {

using internal::IsNode;

// A collation as ruleutils' generate_collation_name prints it with an empty search_path:
// built-in (pg_catalog) collations unqualified.
std::string PrintedCollation(PgQuery__Node* const* names, size_t count, const model::Catalog& catalog) {
  model::QualifiedName name = QualifiedNameOf(names, count);
  if (name.schema.empty()) name.schema = CollationSchema(name.name, catalog);
  if (name.schema == "pg_catalog") return QuoteIdent(name.name);
  return QuoteQualified(name.schema, name.name);
}

// The column a key element names: `a`, `(a)` or `(a COLLATE "C")`; "" for expressions.
std::string KeyColumn(const PgQuery__PartitionElem& elem) {
  if (elem.name != nullptr && elem.name[0] != '\0') return elem.name;
  const PgQuery__Node* expr = elem.expr;
  while (IsNode(expr, PG_QUERY__NODE__NODE_COLLATE_CLAUSE)) expr = expr->collate_clause->arg;
  if (IsNode(expr, PG_QUERY__NODE__NODE_COLUMN_REF) && expr->column_ref->n_fields == 1) {
    return StringOf(expr->column_ref->fields[0]);
  }
  return "";
}

// ruleutils.c looks_like_function: these print without extra parentheses.
bool LooksLikeFunction(const PgQuery__Node* expr) {
  if (expr == nullptr) return false;
  switch (expr->node_case) {
    case PG_QUERY__NODE__NODE_FUNC_CALL:
    case PG_QUERY__NODE__NODE_COALESCE_EXPR:
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
    case PG_QUERY__NODE__NODE_XML_EXPR:
      return true;
    case PG_QUERY__NODE__NODE_A_EXPR:
      return expr->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF;
    default:
      return false;
  }
}

bool IsNumeric(const std::optional<model::TypeRef>& type) { return type && internal::IsNumericType(*type); }

// A literal as simple_quote_literal prints it (standard_conforming_strings on).
std::string SimpleQuote(std::string_view text) { return StrCat("'", ReplaceAll(text, "'", "''"), "'"); }

// One bound datum as pg_get_expr(relpartbound) prints it (get_rule_expr on the
// transformed Const: the value in its type's output form, without a cast).
absl::StatusOr<std::string> DatumText(const PgQuery__Node* datum, const std::optional<model::TypeRef>& key_type,
                                      bool range, const TableScope& scope, TransformContext& ctx) {
  if (range && IsNode(datum, PG_QUERY__NODE__NODE_COLUMN_REF) && datum->column_ref->n_fields == 1) {
    std::string word = AsciiLower(StringOf(datum->column_ref->fields[0]));
    if (word == "minvalue") return std::string("MINVALUE");
    if (word == "maxvalue") return std::string("MAXVALUE");
  }
  const PgQuery__Node* value = datum;
  while (IsNode(value, PG_QUERY__NODE__NODE_TYPE_CAST) &&
         IsNode(value->type_cast->arg, PG_QUERY__NODE__NODE_A_CONST)) {
    value = value->type_cast->arg;
  }
  if (IsNode(value, PG_QUERY__NODE__NODE_A_CONST)) {
    const PgQuery__AConst* a_const = value->a_const;
    if (a_const->isnull) return std::string("NULL");
    switch (a_const->val_case) {
      case PG_QUERY__A__CONST__VAL_BOOLVAL:
        return std::string(a_const->boolval->boolval ? "true" : "false");
      case PG_QUERY__A__CONST__VAL_IVAL:
      case PG_QUERY__A__CONST__VAL_FVAL: {
        std::string text = *ConstantText(value);
        if (key_type && !IsNumeric(key_type)) return SimpleQuote(text);
        return text;
      }
      case PG_QUERY__A__CONST__VAL_SVAL: {
        std::string text = a_const->sval->sval;
        std::string natural = internal::NaturalNumericType(text);
        if (IsNumeric(key_type) && !natural.empty()) {
          if (natural == "integer" || natural == "bigint") return std::to_string(std::stoll(text));
          return text;
        }
        // The value as the key type's output function prints it ('2024-01-01' on a
        // timestamp key is '2024-01-01 00:00:00').
        if (key_type) {
          if (std::optional<std::string> value = internal::CanonicalLiteral(*key_type, text)) {
            return SimpleQuote(*value);
          }
        }
        return SimpleQuote(text);
      }
      default:
        return SimpleQuote(*ConstantText(value));
    }
  }
  absl::StatusOr<std::string> text = NormalizeExpression(*datum, scope.Expressions(ctx.catalog()));
  if (!text.ok()) return AtStatement(text.status(), ctx);
  return text;
}

absl::StatusOr<std::string> DatumList(PgQuery__Node* const* datums, size_t count,
                                      const std::vector<std::optional<model::TypeRef>>& key_types,
                                      bool range, bool list, const TableScope& scope,
                                      TransformContext& ctx) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < count; ++i) {
    const PgQuery__Node* datum = datums[i];
    // PartitionRangeDatum appears in transformed trees only; the grammar gives values.
    if (IsNode(datum, PG_QUERY__NODE__NODE_PARTITION_RANGE_DATUM)) {
      const PgQuery__PartitionRangeDatum* range_datum = datum->partition_range_datum;
      if (range_datum->kind == PG_QUERY__PARTITION_RANGE_DATUM_KIND__PARTITION_RANGE_DATUM_MINVALUE) {
        parts.push_back("MINVALUE");
        continue;
      }
      if (range_datum->kind == PG_QUERY__PARTITION_RANGE_DATUM_KIND__PARTITION_RANGE_DATUM_MAXVALUE) {
        parts.push_back("MAXVALUE");
        continue;
      }
      datum = range_datum->value;
    }
    // A list partition has one key column: every value has its type.
    std::optional<model::TypeRef> type;
    size_t key_index = list ? 0 : i;
    if (key_index < key_types.size()) type = key_types[key_index];
    PGDRIFT_ASSIGN_OR_RETURN(std::string text, DatumText(datum, type, range, scope, ctx));
    parts.push_back(std::move(text));
  }
  return StrJoin(parts, ", ");
}

}  // namespace

absl::StatusOr<std::string> PartitionKeyText(const PgQuery__PartitionSpec& spec,
                                             const TableScope& scope, TransformContext& ctx) {
  std::string strategy = AsciiLower(spec.strategy != nullptr ? spec.strategy : "");
  if (strategy != "range" && strategy != "list" && strategy != "hash") {
    return ctx.Invalid(StrCat("unrecognized partitioning strategy \"", strategy, "\""));
  }
  if (strategy == "list" && spec.n_part_params != 1) {
    return ctx.Invalid("cannot use \"list\" partition strategy with more than one column");
  }
  std::vector<std::string> elements;
  for (size_t i = 0; i < spec.n_part_params; ++i) {
    if (!IsNode(spec.part_params[i], PG_QUERY__NODE__NODE_PARTITION_ELEM)) continue;
    const PgQuery__PartitionElem& elem = *spec.part_params[i]->partition_elem;
    std::string column = KeyColumn(elem);
    std::string text;
    if (!column.empty()) {
      text = QuoteIdent(column);
    } else {
      absl::StatusOr<std::string> expr = NormalizeExpression(*elem.expr, scope.Expressions(ctx.catalog()));
      if (!expr.ok()) return AtStatement(expr.status(), ctx);
      text = LooksLikeFunction(elem.expr) ? *expr : StrCat("(", *expr, ")");
    }
    // COLLATE: written on the element, or inside "(a COLLATE x)".
    PgQuery__Node* const* collation_names = elem.collation;
    size_t collation_count = elem.n_collation;
    if (collation_count == 0 && !column.empty() && IsNode(elem.expr, PG_QUERY__NODE__NODE_COLLATE_CLAUSE)) {
      collation_names = elem.expr->collate_clause->collname;
      collation_count = elem.expr->collate_clause->n_collname;
    }
    std::string collation;
    std::string model_collation = CollationName(collation_names, collation_count, ctx.catalog());
    if (!model_collation.empty()) {
      collation = PrintedCollation(collation_names, collation_count, ctx.catalog());
      for (const model::Column& c : scope.columns) {
        if (!column.empty() && c.name == column && c.collation == model_collation) collation.clear();
      }
    }
    if (!collation.empty()) StrAppend(&text, " COLLATE ", collation);
    if (elem.n_opclass > 0) {
      model::QualifiedName opclass = QualifiedNameOf(elem.opclass, elem.n_opclass);
      StrAppend(&text, " ",
                opclass.schema.empty() || opclass.schema == "pg_catalog"
                    ? QuoteIdent(opclass.name)
                    : QuoteQualified(opclass.schema, opclass.name));
    }
    elements.push_back(std::move(text));
  }
  for (char& c : strategy) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return StrCat(strategy, " (", StrJoin(elements, ", "), ")");
}

std::vector<std::optional<model::TypeRef>> PartitionKeyTypes(const model::Table& parent) {
  std::vector<std::optional<model::TypeRef>> types;
  if (parent.partition_key.empty()) return types;
  std::string sql = StrCat("CREATE TABLE pgdrift_key () PARTITION BY ", parent.partition_key);
  SyntaxError error;
  std::unique_ptr<ParseTree> tree = ParseTree::Parse(sql, &error);
  if (tree == nullptr || tree->result().n_stmts != 1) return types;
  const PgQuery__Node* statement = tree->result().stmts[0]->stmt;
  if (!IsNode(statement, PG_QUERY__NODE__NODE_CREATE_STMT) || statement->create_stmt->partspec == nullptr) {
    return types;
  }
  const PgQuery__PartitionSpec* spec = statement->create_stmt->partspec;
  for (size_t i = 0; i < spec->n_part_params; ++i) {
    std::optional<model::TypeRef> type;
    if (IsNode(spec->part_params[i], PG_QUERY__NODE__NODE_PARTITION_ELEM)) {
      std::string column = KeyColumn(*spec->part_params[i]->partition_elem);
      if (const model::Column* found = parent.FindColumn(column)) type = found->type;
    }
    types.push_back(type);
  }
  return types;
}

absl::StatusOr<std::string> PartitionBoundText(
    const PgQuery__PartitionBoundSpec& bound,
    const std::vector<std::optional<model::TypeRef>>& key_types, const TableScope& scope,
    TransformContext& ctx) {
  if (bound.is_default) return std::string("DEFAULT");
  std::string_view strategy = bound.strategy != nullptr ? bound.strategy : "";
  if (strategy == "h") {
    return StrCat("FOR VALUES WITH (modulus ", bound.modulus, ", remainder ", bound.remainder, ")");
  }
  if (strategy == "l") {
    PGDRIFT_ASSIGN_OR_RETURN(std::string values,
                             DatumList(bound.listdatums, bound.n_listdatums, key_types, false, true, scope, ctx));
    return StrCat("FOR VALUES IN (", values, ")");
  }
  if (strategy == "r") {
    PGDRIFT_ASSIGN_OR_RETURN(std::string lower, DatumList(bound.lowerdatums, bound.n_lowerdatums, key_types,
                                                          true, false, scope, ctx));
    PGDRIFT_ASSIGN_OR_RETURN(std::string upper, DatumList(bound.upperdatums, bound.n_upperdatums, key_types,
                                                          true, false, scope, ctx));
    return StrCat("FOR VALUES FROM (", lower, ") TO (", upper, ")");
  }
  return ctx.Invalid(StrCat("unrecognized partition bound strategy \"", strategy, "\""));
}

}  // namespace pgdrift::parser
