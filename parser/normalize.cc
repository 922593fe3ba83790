#include "parser/normalize.h"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "base/identifier.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/builtin_types.h"
#include "parser/internal/ddl_util.h"
#include "parser/internal/extension_names.h"
#include "parser/internal/normalize_internal.h"
#include "parser/internal/proto_tree.h"
#include "parser/node_util.h"
#include "parser/parse_tree.h"
#include "parser/type_name.h"

namespace pgdrift::parser {
namespace {

using internal::Arena;
using internal::ArithmeticType;
using internal::CopyNode;
using internal::HasTypmod;
using internal::ImplicitLiteralTarget;
using internal::IsBuiltin;
using internal::IsCharacterType;
using internal::IsFractionalType;
using internal::IsIntegerType;
using internal::IsNode;
using internal::IsNumericType;
using internal::IsUnboundedTextType;
using internal::NaturalNumericType;
using internal::SameTypeIgnoringTypmod;
using internal::VisitNodes;
using internal::Widens;
using internal::WithoutTypmod;

bool ContainsColumnRef(const PgQuery__Node* node) {
  bool found = false;
  auto visit = [&](const PgQuery__Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) found = true;
  };
  VisitNodes(&node->base, visit);
  return found;
}

// Whether `name` (a String list) is `pg_catalog.<x>` or `<x>` and x is `last`.
bool IsCatalogName(PgQuery__Node* const* names, size_t count, std::string_view last) {
  if (count == 1) return StringOf(names[0]) == last;
  return count == 2 && StringOf(names[0]) == "pg_catalog" && StringOf(names[1]) == last;
}

bool IsNullConstant(const PgQuery__Node* node) {
  if (IsNode(node, PG_QUERY__NODE__NODE_TYPE_CAST)) node = node->type_cast->arg;
  return IsNode(node, PG_QUERY__NODE__NODE_A_CONST) && node->a_const->isnull;
}

bool IsStringConstant(const PgQuery__Node* node) {
  return IsNode(node, PG_QUERY__NODE__NODE_A_CONST) && !node->a_const->isnull &&
         node->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
}

bool IsNumericConstant(const PgQuery__Node* node) {
  return IsNode(node, PG_QUERY__NODE__NODE_A_CONST) && !node->a_const->isnull &&
         (node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL ||
          node->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL);
}

bool IsConstant(const PgQuery__Node* node) { return IsNode(node, PG_QUERY__NODE__NODE_A_CONST); }

// A string literal or NULL: a literal of type unknown until it meets another value.
bool IsUntypedConstant(const PgQuery__Node* node) {
  return IsStringConstant(node) || (IsConstant(node) && node->a_const->isnull);
}

// The text of a numeric A_Const.
std::string NumericText(const PgQuery__AConst& a_const) {
  if (a_const.val_case == PG_QUERY__A__CONST__VAL_IVAL) return std::to_string(a_const.ival->ival);
  return a_const.fval->fval;
}

// Prefix of the placeholder type names that stand for canonical spellings while the
// tree is deparsed (the deparser prints a one-part lowercase name as it is).
constexpr std::string_view kTypeMarker = "pgdrift_canonical_type_";

// The rewriting rules. Rules run bottom-up: a node's rule sees children that were
// already rewritten. Rules never change a child in place (subtrees may be shared); they
// build a new node or replace a pointer in the node they were called for.
class Rewriter {
 public:
  Rewriter(Arena& arena, const ExpressionContext& context) : arena_(arena), context_(context) {
    static const model::Catalog* const kEmpty = new model::Catalog();
    catalog_ = context.catalog != nullptr ? context.catalog : kEmpty;
  }

  PgQuery__Node* RewriteRoot(PgQuery__Node* root) {
    root_ = root;
    PgQuery__Node* out = Rewrite(root);
    out = AssignmentRules(out);
    SpellTypes(&out->base);
    return out;
  }

  // Replaces the placeholder type names in deparsed `text` by their spellings.
  std::string Substitute(std::string text) const {
    // Markers end in "_", so no marker is a prefix of another ("_1_" vs "_12_").
    for (const auto& [marker, spelling] : spellings_) text = ReplaceAll(text, marker, spelling);
    return text;
  }

 private:
  // ---- node construction ----

  PgQuery__Node* WrapNode(PgQuery__Node__NodeCase node_case) {
    PgQuery__Node* node = arena_.New<PgQuery__Node>(PG_QUERY__NODE__INIT);
    node->node_case = node_case;
    return node;
  }

  PgQuery__Node* MakeString(std::string_view text) {
    PgQuery__String value = PG_QUERY__STRING__INIT;
    value.sval = arena_.String(text);
    PgQuery__Node* node = WrapNode(PG_QUERY__NODE__NODE_STRING);
    node->string = arena_.New(value);
    return node;
  }

  PgQuery__Node* MakeStringConstant(std::string_view text) {
    PgQuery__String value = PG_QUERY__STRING__INIT;
    value.sval = arena_.String(text);
    PgQuery__AConst a_const = PG_QUERY__A__CONST__INIT;
    a_const.val_case = PG_QUERY__A__CONST__VAL_SVAL;
    a_const.sval = arena_.New(value);
    a_const.location = -1;
    PgQuery__Node* node = WrapNode(PG_QUERY__NODE__NODE_A_CONST);
    node->a_const = arena_.New(a_const);
    return node;
  }

  // A numeric literal as the scanner would produce it for `text`.
  PgQuery__Node* MakeNumericConstant(const std::string& text) {
    PgQuery__AConst a_const = PG_QUERY__A__CONST__INIT;
    a_const.location = -1;
    if (NaturalNumericType(text) == "integer") {
      PgQuery__Integer value = PG_QUERY__INTEGER__INIT;
      value.ival = static_cast<int32_t>(std::strtol(text.c_str(), nullptr, 10));
      a_const.val_case = PG_QUERY__A__CONST__VAL_IVAL;
      a_const.ival = arena_.New(value);
    } else {
      std::string digits = text;
      if (NaturalNumericType(text) == "bigint") {
        digits = std::to_string(std::strtoll(text.c_str(), nullptr, 10));
      }
      PgQuery__Float value = PG_QUERY__FLOAT__INIT;
      value.fval = arena_.String(digits);
      a_const.val_case = PG_QUERY__A__CONST__VAL_FVAL;
      a_const.fval = arena_.New(value);
    }
    PgQuery__Node* node = WrapNode(PG_QUERY__NODE__NODE_A_CONST);
    node->a_const = arena_.New(a_const);
    return node;
  }

  PgQuery__Node* MakeBooleanConstant(bool value) {
    PgQuery__Boolean boolean = PG_QUERY__BOOLEAN__INIT;
    boolean.boolval = value;
    PgQuery__AConst a_const = PG_QUERY__A__CONST__INIT;
    a_const.val_case = PG_QUERY__A__CONST__VAL_BOOLVAL;
    a_const.boolval = arena_.New(boolean);
    a_const.location = -1;
    PgQuery__Node* node = WrapNode(PG_QUERY__NODE__NODE_A_CONST);
    node->a_const = arena_.New(a_const);
    return node;
  }

  PgQuery__Node* MakeAExpr(PgQuery__AExprKind kind, std::string_view op, PgQuery__Node* left,
                           PgQuery__Node* right) {
    PgQuery__AExpr a_expr = PG_QUERY__A__EXPR__INIT;
    a_expr.kind = kind;
    a_expr.n_name = 1;
    a_expr.name = arena_.NodeArray({MakeString(op)});
    a_expr.lexpr = left;
    a_expr.rexpr = right;
    a_expr.location = -1;
    PgQuery__Node* node = WrapNode(PG_QUERY__NODE__NODE_A_EXPR);
    node->a_expr = arena_.New(a_expr);
    return node;
  }

  PgQuery__Node* MakeArray(const std::vector<PgQuery__Node*>& elements) {
    PgQuery__AArrayExpr array = PG_QUERY__A__ARRAY_EXPR__INIT;
    array.n_elements = elements.size();
    array.elements = arena_.NodeArray(elements);
    array.location = -1;
    PgQuery__Node* node = WrapNode(PG_QUERY__NODE__NODE_A_ARRAY_EXPR);
    node->a_array_expr = arena_.New(array);
    return node;
  }

  PgQuery__Node* MakeBool(PgQuery__BoolExprType op, const std::vector<PgQuery__Node*>& args) {
    PgQuery__BoolExpr bool_expr = PG_QUERY__BOOL_EXPR__INIT;
    bool_expr.boolop = op;
    bool_expr.n_args = args.size();
    bool_expr.args = arena_.NodeArray(args);
    bool_expr.location = -1;
    PgQuery__Node* node = WrapNode(PG_QUERY__NODE__NODE_BOOL_EXPR);
    node->bool_expr = arena_.New(bool_expr);
    return FlattenBool(node);
  }

  PgQuery__Node* MakeRegclassCast(PgQuery__Node* literal) {
    PgQuery__TypeName type_name = PG_QUERY__TYPE_NAME__INIT;
    type_name.n_names = 1;
    type_name.names = arena_.NodeArray({MakeString("regclass")});
    type_name.typemod = -1;
    type_name.location = -1;
    PgQuery__TypeCast cast = PG_QUERY__TYPE_CAST__INIT;
    cast.arg = literal;
    cast.type_name = arena_.New(type_name);
    cast.location = -1;
    PgQuery__Node* node = WrapNode(PG_QUERY__NODE__NODE_TYPE_CAST);
    node->type_cast = arena_.New(cast);
    return node;
  }

  // ---- lookups ----

  // The canonical type a TypeName stands for, when the catalog or the built-in list
  // knows it.
  std::optional<model::TypeRef> TypeOf(const PgQuery__TypeName* type_name) {
    if (type_name == nullptr) return std::nullopt;
    auto it = types_.find(type_name);
    if (it != types_.end()) return it->second;
    std::optional<model::TypeRef> type;
    if (type_name->n_names > 0 && !StringOf(type_name->names[0]).starts_with(kTypeMarker)) {
      absl::StatusOr<model::TypeRef> resolved = ResolveTypeName(*type_name, *catalog_);
      if (resolved.ok()) type = *resolved;
    }
    types_[type_name] = type;
    return type;
  }

  // The column's type when `node` is a reference to a column of the context table.
  std::optional<model::TypeRef> ColumnTypeOf(const PgQuery__Node* node) {
    if (!IsNode(node, PG_QUERY__NODE__NODE_COLUMN_REF)) return std::nullopt;
    if (context_.column_types != nullptr) {
      auto it = context_.column_types->find(node);
      if (it != context_.column_types->end()) return BaseType(it->second);
    }
    if (subquery_depth_ > 0) return std::nullopt;
    const PgQuery__ColumnRef* ref = node->column_ref;
    // In a trigger's WHEN condition, OLD and NEW are rows of the context table.
    const bool row_alias = context_.old_new_rows && ref->n_fields == 2 &&
                           (StringOf(ref->fields[0]) == "old" || StringOf(ref->fields[0]) == "new");
    if (ref->n_fields != 1 && !row_alias) return std::nullopt;
    std::string column = StringOf(ref->fields[ref->n_fields - 1]);
    if (column.empty()) return std::nullopt;
    if (context_.columns != nullptr) {
      for (const model::Column& candidate : *context_.columns) {
        if (candidate.name == column) return BaseType(candidate.type);
      }
    }
    if (context_.table.name.empty()) {
      // A domain's CHECK: VALUE has the domain's base type.
      if (column == "value" && context_.value_type != nullptr) return BaseType(*context_.value_type);
      return std::nullopt;
    }
    std::optional<model::QualifiedName> table = catalog_->ResolveRelation(context_.table);
    if (!table) return std::nullopt;
    const model::Table* found = catalog_->FindTable(*table);
    if (found == nullptr) return std::nullopt;
    const model::Column* col = found->FindColumn(column);
    if (col == nullptr) return std::nullopt;
    return BaseType(col->type);
  }

  // `type`, or the base type when it is a domain (operators work on the base type:
  // PostgreSQL relabels a domain value to it, as (qty)::integer).
  model::TypeRef BaseType(model::TypeRef type) const {
    for (int depth = 0; depth < 16 && type.is_user_defined() && !type.array; ++depth) {
      auto it = catalog_->domains.find(type.qualified());
      if (it == catalog_->domains.end()) break;
      type = it->second.base_type;
    }
    return type;
  }

  // ---- the walk ----

  PgQuery__Node* Rewrite(PgQuery__Node* node) {
    if (node == nullptr) return nullptr;
    // Inside a sub-select, unqualified names may be columns of other relations: the
    // rules that rely on the context table's columns stay out.
    bool subquery = node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT;
    if (subquery) ++subquery_depth_;
    RewriteChildren(&node->base);
    if (subquery) --subquery_depth_;
    return RewriteNode(node);
  }

  void RewriteChildren(ProtobufCMessage* message) {
    const ProtobufCMessageDescriptor* descriptor = message->descriptor;
    char* base = reinterpret_cast<char*>(message);
    for (unsigned i = 0; i < descriptor->n_fields; ++i) {
      const ProtobufCFieldDescriptor& field = descriptor->fields[i];
      if (field.type != PROTOBUF_C_TYPE_MESSAGE) continue;
      if ((field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0 &&
          *reinterpret_cast<uint32_t*>(base + field.quantifier_offset) != field.id) {
        continue;
      }
      if (field.label == PROTOBUF_C_LABEL_REPEATED) {
        size_t count = *reinterpret_cast<size_t*>(base + field.quantifier_offset);
        ProtobufCMessage** items = *reinterpret_cast<ProtobufCMessage***>(base + field.offset);
        for (size_t k = 0; k < count; ++k) items[k] = RewriteMessage(items[k]);
      } else {
        auto** slot = reinterpret_cast<ProtobufCMessage**>(base + field.offset);
        if (*slot != nullptr) *slot = RewriteMessage(*slot);
      }
    }
  }

  ProtobufCMessage* RewriteMessage(ProtobufCMessage* message) {
    if (message->descriptor == &pg_query__node__descriptor) {
      return &Rewrite(reinterpret_cast<PgQuery__Node*>(message))->base;
    }
    RewriteChildren(message);
    return message;
  }

  PgQuery__Node* RewriteNode(PgQuery__Node* node) {
    switch (node->node_case) {
      case PG_QUERY__NODE__NODE_COLUMN_REF:
        return RewriteColumnRef(node);
      case PG_QUERY__NODE__NODE_TYPE_CAST:
        return RewriteTypeCast(node);
      case PG_QUERY__NODE__NODE_A_EXPR:
        return RewriteAExpr(node);
      case PG_QUERY__NODE__NODE_FUNC_CALL:
        return RewriteFuncCall(node);
      case PG_QUERY__NODE__NODE_CASE_EXPR:
        // CASE without ELSE: PostgreSQL stores and prints `ELSE NULL::type`.
        if (IsNullConstant(node->case_expr->defresult)) node->case_expr->defresult = nullptr;
        return node;
      case PG_QUERY__NODE__NODE_BOOL_EXPR:
        return FlattenBool(node);
      case PG_QUERY__NODE__NODE_COALESCE_EXPR:
        DropArgumentCasts(node->coalesce_expr->args, node->coalesce_expr->n_args);
        return node;
      case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
        DropArgumentCasts(node->min_max_expr->args, node->min_max_expr->n_args);
        return node;
      case PG_QUERY__NODE__NODE_ROW_EXPR:
        // (a, b) and ROW(a, b) are the same row; ruleutils prints ROW(a, b).
        node->row_expr->row_format = PG_QUERY__COERCION_FORM__COERCE_EXPLICIT_CALL;
        return node;
      default:
        return node;
    }
  }

  // `orders.status` → `status` inside an expression on table orders (PostgreSQL prints
  // columns of the expression's only relation unqualified).
  PgQuery__Node* RewriteColumnRef(PgQuery__Node* node) {
    PgQuery__ColumnRef* ref = node->column_ref;
    if (ref->n_fields < 2 || ref->n_fields > 3 || context_.table.name.empty() || subquery_depth_ > 0) {
      return node;
    }
    if (!IsNode(ref->fields[ref->n_fields - 1], PG_QUERY__NODE__NODE_STRING)) return node;
    std::string table = StringOf(ref->fields[ref->n_fields - 2]);
    if (table != context_.table.name) return node;
    if (ref->n_fields == 3) {
      std::string schema = StringOf(ref->fields[0]);
      std::string table_schema = context_.table.schema;
      if (table_schema.empty()) {
        if (std::optional<model::QualifiedName> resolved = catalog_->ResolveRelation(context_.table)) {
          table_schema = resolved->schema;
        }
      }
      if (schema != table_schema) return node;
    }
    PgQuery__ColumnRef copy = *ref;
    copy.n_fields = 1;
    copy.fields = arena_.NodeArray({ref->fields[ref->n_fields - 1]});
    PgQuery__Node* out = WrapNode(PG_QUERY__NODE__NODE_COLUMN_REF);
    out->column_ref = arena_.New(copy);
    return out;
  }

  PgQuery__Node* RewriteTypeCast(PgQuery__Node* node) {
    PgQuery__TypeCast* cast = node->type_cast;
    PgQuery__Node* arg = cast->arg;
    const PgQuery__TypeName* type_name = cast->type_name;
    if (type_name != nullptr && IsCatalogName(type_name->names, type_name->n_names, "regclass") &&
        type_name->n_array_bounds == 0) {
      QualifyRegclass(cast);
      return node;
    }
    std::optional<model::TypeRef> type = TypeOf(type_name);
    if (!type) return node;

    // name::text on a text column: parse_coerce.c coerce_type adds nothing when the
    // value already has the target type and typmod, so the cast is not stored.
    if (IsNode(arg, PG_QUERY__NODE__NODE_COLUMN_REF) && context_.column_types != nullptr) {
      auto it = context_.column_types->find(arg);
      if (it != context_.column_types->end() && it->second == *type) return arg;
    }

    // 'pending'::text, 'x'::character varying, 'a'::bpchar: the cast PostgreSQL adds to
    // a literal that meets a character value.
    if (IsUntypedConstant(arg) && IsUnboundedTextType(*type)) return arg;

    // '-1'::integer, '10000000000'::bigint, (1.5)::numeric: a number cast to the type
    // the scanner gives it anyway (ruleutils.c get_const_expr quotes negative numbers).
    if (IsNumericConstant(arg) || IsStringConstant(arg)) {
      std::string text = IsStringConstant(arg) ? std::string(arg->a_const->sval->sval)
                                               : NumericText(*arg->a_const);
      std::string natural = NaturalNumericType(text);
      if (!natural.empty() && !type->is_user_defined() && !type->array && type->name == natural) {
        return MakeNumericConstant(text);
      }
    }

    // ARRAY['a'::varchar, 'b'::varchar]::text[]: the array form of the same casts (not
    // ARRAY[]::text[], whose cast gives the empty array its type).
    if (IsNode(arg, PG_QUERY__NODE__NODE_A_ARRAY_EXPR) && arg->a_array_expr->n_elements > 0 && type->array &&
        IsUnboundedTextType(type->Element()) && AllConstants(arg->a_array_expr)) {
      return arg;
    }

    // (qty)::integer on a column of a domain over integer: the relabeling to the base
    // type PostgreSQL adds where the domain value meets an operator or function.
    if (node != root_ && IsNode(arg, PG_QUERY__NODE__NODE_COLUMN_REF) && !HasTypmod(*type)) {
      std::optional<model::TypeRef> column_type = ColumnTypeOf(arg);
      if (column_type && SameTypeIgnoringTypmod(*column_type, *type)) return arg;
    }

    // '24 hours'::interval and '24:00:00'::interval are one value, printed the second way.
    if (IsStringConstant(arg)) {
      if (std::optional<std::string> value = internal::CanonicalLiteral(*type, arg->a_const->sval->sval)) {
        cast->arg = MakeStringConstant(*value);
        return node;
      }
    }

    // (email)::text on a varchar column, ('x'::varchar(2))::text: the relabeling
    // PostgreSQL adds where a varchar meets a text operator or function. Kept when it is
    // the whole expression (an index on (email::text) is not an index on email).
    if (node != root_ && (IsNode(arg, PG_QUERY__NODE__NODE_COLUMN_REF) ||
                          IsNode(arg, PG_QUERY__NODE__NODE_TYPE_CAST))) {
      std::optional<model::TypeRef> column_type = IsNode(arg, PG_QUERY__NODE__NODE_COLUMN_REF)
                                                      ? ColumnTypeOf(arg)
                                                      : TypeOf(arg->type_cast->type_name);
      if (column_type && !HasTypmod(*type) && WithoutTypmod(type->name) == "text" &&
          !type->is_user_defined() && column_type->array == type->array &&
          IsCharacterType(column_type->Element())) {
        return arg;
      }
    }
    return node;
  }

  static bool AllConstants(const PgQuery__AArrayExpr* array) {
    for (size_t i = 0; i < array->n_elements; ++i) {
      if (!IsConstant(array->elements[i])) return false;
    }
    return true;
  }

  // 'orders_id_seq'::regclass → 'public.orders_id_seq'::regclass, as PostgreSQL prints a
  // regclass constant with an empty search_path (regclassout).
  void QualifyRegclass(PgQuery__TypeCast* cast) {
    if (!IsStringConstant(cast->arg)) return;
    // regclassin reads the literal as stringToQualifiedNameList does.
    std::optional<std::vector<std::string>> parts = internal::SplitIdentifiers(cast->arg->a_const->sval->sval, '.');
    if (!parts || parts->empty() || parts->size() > 3) return;
    std::optional<model::QualifiedName> name =
        model::QualifiedName{parts->size() >= 2 ? (*parts)[parts->size() - 2] : "", parts->back()};
    std::string text;
    if (std::optional<model::QualifiedName> resolved = catalog_->ResolveRelation(*name)) {
      text = QuoteQualified(resolved->schema, resolved->name);
    } else {
      text = QuoteQualified(name->schema, name->name);
    }
    cast->arg = MakeStringConstant(text);
  }

  // Built-in functions that take and return text only: a character(n) argument reaches
  // them through PostgreSQL's implicit cast to text.
  static const std::set<std::string>& TextOnlyFunctions() {
    static const auto* names = new std::set<std::string>{
        "lower", "upper", "initcap", "btrim", "ltrim", "rtrim", "replace", "substr", "left", "right",
        "md5", "split_part", "regexp_replace", "translate", "reverse", "repeat", "lpad", "rpad"};
    return *names;
  }

  PgQuery__Node* RewriteFuncCall(PgQuery__Node* node) {
    PgQuery__FuncCall* call = node->func_call;
    if (call->funcformat != PG_QUERY__COERCION_FORM__COERCE_SQL_SYNTAX && call->n_funcname >= 1 &&
        call->n_funcname <= 2 && (call->n_funcname == 1 || StringOf(call->funcname[0]) == "pg_catalog") &&
        TextOnlyFunctions().contains(StringOf(call->funcname[call->n_funcname - 1]))) {
      for (size_t i = 0; i < call->n_args; ++i) call->args[i] = DropBpcharToText(call->args[i]);
    }
    // pg_catalog functions print unqualified. Calls in SQL syntax (AT TIME ZONE,
    // EXTRACT, …) keep their name: the deparser needs it to print the syntax.
    if (call->funcformat != PG_QUERY__COERCION_FORM__COERCE_SQL_SYNTAX && call->n_funcname == 2 &&
        StringOf(call->funcname[0]) == "pg_catalog") {
      call->funcname = arena_.NodeArray({call->funcname[1]});
      call->n_funcname = 1;
    }
    // A user function called by its bare name prints qualified (the catalog is read with
    // an empty search_path): resolve it through the catalog's search_path.
    if (call->funcformat != PG_QUERY__COERCION_FORM__COERCE_SQL_SYNTAX && call->n_funcname == 1 &&
        context_.catalog != nullptr) {
      const model::Catalog& catalog = *context_.catalog;
      std::optional<model::QualifiedName> routine = catalog.SearchPath(
          {"", StringOf(call->funcname[0])}, [&catalog](const model::QualifiedName& candidate) {
            auto it = catalog.routines.lower_bound({candidate, ""});
            return it != catalog.routines.end() && it->first.name == candidate;
          });
      if (routine.has_value() && routine->schema != "pg_catalog") {
        call->funcname = arena_.NodeArray({MakeString(routine->schema), call->funcname[0]});
        call->n_funcname = 2;
      }
    }
    // f(a, VARIADIC ARRAY[b, c]) is f(a, b, c): ruleutils prints a call of a variadic
    // function either way depending on how it resolved.
    if (call->func_variadic && call->n_args >= 1 &&
        IsNode(call->args[call->n_args - 1], PG_QUERY__NODE__NODE_A_ARRAY_EXPR) &&
        call->args[call->n_args - 1]->a_array_expr->n_elements > 0) {
      const PgQuery__AArrayExpr* array = call->args[call->n_args - 1]->a_array_expr;
      std::vector<PgQuery__Node*> args(call->args, call->args + call->n_args - 1);
      args.insert(args.end(), array->elements, array->elements + array->n_elements);
      call->args = arena_.NodeArray(args);
      call->n_args = args.size();
      call->func_variadic = false;
    }
    if (call->funcformat != PG_QUERY__COERCION_FORM__COERCE_SQL_SYNTAX && call->n_funcname == 1) {
      std::string name = StringOf(call->funcname[0]);
      // Functions with a single numeric signature: the cast PostgreSQL adds to an
      // integer argument, to_timestamp((id)::double precision), says nothing.
      static const std::map<std::string, std::string> kDoubleArgument = {
          {"to_timestamp", "double precision"}, {"pg_sleep", "double precision"}, {"setseed", "double precision"}};
      if (auto it = kDoubleArgument.find(name); it != kDoubleArgument.end() && call->n_args == 1 &&
                                                IsWideningCast(call->args[0])) {
        std::optional<model::TypeRef> type = TypeOf(call->args[0]->type_cast->type_name);
        if (type && type->name == it->second) call->args[0] = call->args[0]->type_cast->arg;
      }
      // Text search functions take the configuration first: 'english' and
      // 'english'::regconfig are one argument.
      static const std::set<std::string> kConfigFirst = {"to_tsvector", "to_tsquery", "plainto_tsquery",
                                                         "phraseto_tsquery", "websearch_to_tsquery",
                                                         "ts_headline", "json_to_tsvector",
                                                         "jsonb_to_tsvector"};
      if (kConfigFirst.contains(name) && call->n_args >= 2 && IsNode(call->args[0], PG_QUERY__NODE__NODE_TYPE_CAST) &&
          IsStringConstant(call->args[0]->type_cast->arg) && call->args[0]->type_cast->type_name != nullptr &&
          IsCatalogName(call->args[0]->type_cast->type_name->names, call->args[0]->type_cast->type_name->n_names,
                        "regconfig")) {
        call->args[0] = call->args[0]->type_cast->arg;
      }
    }
    // uuid_generate_v4() of uuid-ossp in schema extensions prints as
    // extensions.uuid_generate_v4() with an empty search_path.
    if (call->funcformat != PG_QUERY__COERCION_FORM__COERCE_SQL_SYNTAX && call->n_funcname == 1) {
      std::string schema = internal::ExtensionFunctionSchema(StringOf(call->funcname[0]), *catalog_);
      if (!schema.empty()) {
        call->funcname = arena_.NodeArray({MakeString(schema), call->funcname[0]});
        call->n_funcname = 2;
      }
    }
    // nextval('seq') takes a regclass: the literal is coerced when the expression is
    // stored, and printed as nextval('public.seq'::regclass).
    if (call->n_funcname == 1 && call->n_args >= 1 && IsStringConstant(call->args[0])) {
      std::string name = StringOf(call->funcname[0]);
      if (name == "nextval" || name == "currval" || name == "setval") {
        PgQuery__Node* cast = MakeRegclassCast(call->args[0]);
        QualifyRegclass(cast->type_cast);
        std::vector<PgQuery__Node*> args(call->args, call->args + call->n_args);
        args[0] = cast;
        call->args = arena_.NodeArray(args);
      }
    }
    return node;
  }

  PgQuery__Node* RewriteAExpr(PgQuery__Node* node) {
    PgQuery__AExpr* a_expr = node->a_expr;
    // OPERATOR(pg_catalog.=) prints as =.
    if (a_expr->n_name == 2 && StringOf(a_expr->name[0]) == "pg_catalog") {
      a_expr->name = arena_.NodeArray({a_expr->name[1]});
      a_expr->n_name = 1;
    }
    std::string op = a_expr->n_name == 1 ? StringOf(a_expr->name[0]) : "";
    switch (a_expr->kind) {
      case PG_QUERY__A__EXPR__KIND__AEXPR_IN:
        return RewriteIn(a_expr, op);
      case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
      case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
      case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
      case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM:
        return RewriteBetween(a_expr);
      case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
      case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE:
      case PG_QUERY__A__EXPR__KIND__AEXPR_SIMILAR:
        // LIKE, ILIKE and SIMILAR TO are the operators ~~, ~~*, ~ (and their negations)
        // once parsed; ruleutils prints the operator.
        return Comparison(MakeAExpr(PG_QUERY__A__EXPR__KIND__AEXPR_OP, op, a_expr->lexpr, a_expr->rexpr));
      case PG_QUERY__A__EXPR__KIND__AEXPR_OP:
      case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY:
      case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL:
      case PG_QUERY__A__EXPR__KIND__AEXPR_DISTINCT:
      case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_DISTINCT:
        return Comparison(node);
      default:
        return node;
    }
  }

  // x IN (a, b) → x = ANY (ARRAY[a, b]); x NOT IN (…) → x <> ALL (ARRAY[…]); items
  // that reference columns, and a list of one item, become separate comparisons joined
  // by OR (AND for NOT IN), as parse_expr.c transformAExprIn does.
  PgQuery__Node* RewriteIn(PgQuery__AExpr* a_expr, const std::string& op) {
    if (!IsNode(a_expr->rexpr, PG_QUERY__NODE__NODE_LIST)) {
      return WrapAExpr(a_expr);
    }
    const PgQuery__List* list = a_expr->rexpr->list;
    bool negated = op == "<>";
    std::vector<PgQuery__Node*> items(list->items, list->items + list->n_items);
    std::vector<PgQuery__Node*> with_columns;
    std::vector<PgQuery__Node*> without_columns;
    for (PgQuery__Node* item : items) {
      (ContainsColumnRef(item) ? with_columns : without_columns).push_back(item);
    }
    std::vector<PgQuery__Node*> terms;
    std::vector<PgQuery__Node*> one_by_one = items;
    // Rows are compared one IN item at a time (no array of rows).
    if (without_columns.size() > 1 && !IsNode(a_expr->lexpr, PG_QUERY__NODE__NODE_ROW_EXPR)) {
      terms.push_back(Comparison(MakeAExpr(negated ? PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL
                                                   : PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY,
                                           op, a_expr->lexpr, MakeArray(without_columns))));
      one_by_one = with_columns;
    }
    for (PgQuery__Node* item : one_by_one) {
      terms.push_back(Comparison(MakeAExpr(PG_QUERY__A__EXPR__KIND__AEXPR_OP, op, a_expr->lexpr, item)));
    }
    if (terms.empty()) return WrapAExpr(a_expr);
    if (terms.size() == 1) return terms[0];
    return MakeBool(negated ? PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR : PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR,
                    terms);
  }

  PgQuery__Node* WrapAExpr(PgQuery__AExpr* a_expr) {
    PgQuery__Node* node = WrapNode(PG_QUERY__NODE__NODE_A_EXPR);
    node->a_expr = a_expr;
    return node;
  }

  // BETWEEN becomes the comparisons parse_expr.c transformAExprBetween builds.
  PgQuery__Node* RewriteBetween(PgQuery__AExpr* a_expr) {
    if (!IsNode(a_expr->rexpr, PG_QUERY__NODE__NODE_LIST) || a_expr->rexpr->list->n_items != 2) {
      return WrapAExpr(a_expr);
    }
    PgQuery__Node* x = a_expr->lexpr;
    PgQuery__Node* low = a_expr->rexpr->list->items[0];
    PgQuery__Node* high = a_expr->rexpr->list->items[1];
    auto op = [&](std::string_view name, PgQuery__Node* bound) {
      return Comparison(MakeAExpr(PG_QUERY__A__EXPR__KIND__AEXPR_OP, name, x, bound));
    };
    constexpr auto kAnd = PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR;
    constexpr auto kOr = PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR;
    switch (a_expr->kind) {
      case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
        return MakeBool(kAnd, {op(">=", low), op("<=", high)});
      case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
        return MakeBool(kOr, {op("<", low), op(">", high)});
      case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
        return MakeBool(kOr, {MakeBool(kAnd, {op(">=", low), op("<=", high)}),
                              MakeBool(kAnd, {op(">=", high), op("<=", low)})});
      default:
        return MakeBool(kAnd, {MakeBool(kOr, {op("<", low), op(">", high)}),
                               MakeBool(kOr, {op("<", high), op(">", low)})});
    }
  }

  // The type of an operand as far as it matters for the casts PostgreSQL adds: columns
  // and casts by their type, number literals by the scanner's type, arithmetic, the usual
  // numeric built-in functions, COALESCE / GREATEST / LEAST by their arguments. nullopt
  // when unknown.
  std::optional<model::TypeRef> OperandType(const PgQuery__Node* node) {
    if (node == nullptr) return std::nullopt;
    switch (node->node_case) {
      case PG_QUERY__NODE__NODE_A_CONST:
        if (!IsNumericConstant(node)) return std::nullopt;
        return model::TypeRef::Builtin(NaturalNumericType(NumericText(*node->a_const)));
      case PG_QUERY__NODE__NODE_COLUMN_REF:
        return ColumnTypeOf(node);
      case PG_QUERY__NODE__NODE_TYPE_CAST:
        return TypeOf(node->type_cast->type_name);
      case PG_QUERY__NODE__NODE_A_EXPR: {
        const PgQuery__AExpr* a_expr = node->a_expr;
        if (a_expr->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || a_expr->n_name != 1) return std::nullopt;
        std::string op = StringOf(a_expr->name[0]);
        if (op != "+" && op != "-" && op != "*" && op != "/" && op != "%") return std::nullopt;
        std::optional<model::TypeRef> right = OperandType(a_expr->rexpr);
        if (!right || !IsNumericType(*right)) return std::nullopt;
        if (a_expr->lexpr == nullptr) return right;
        std::optional<model::TypeRef> left = OperandType(a_expr->lexpr);
        if (!left || !IsNumericType(*left)) return std::nullopt;
        std::optional<std::string> type = ArithmeticType(WithoutTypmod(left->name), WithoutTypmod(right->name));
        if (!type) return std::nullopt;
        return model::TypeRef::Builtin(*type);
      }
      case PG_QUERY__NODE__NODE_FUNC_CALL: {
        const PgQuery__FuncCall* call = node->func_call;
        if (call->n_funcname == 0 || call->n_funcname > 2 ||
            (call->n_funcname == 2 && StringOf(call->funcname[0]) != "pg_catalog")) {
          return std::nullopt;
        }
        static const std::map<std::string, std::string> kResult = {
            {"length", "integer"},         {"char_length", "integer"},    {"character_length", "integer"},
            {"octet_length", "integer"},   {"bit_length", "integer"},     {"array_length", "integer"},
            {"cardinality", "integer"},    {"position", "integer"},       {"strpos", "integer"},
            {"array_position", "integer"}, {"num_nonnulls", "integer"},   {"num_nulls", "integer"},
            {"array_ndims", "integer"},    {"ascii", "integer"},          {"array_upper", "integer"},
            {"array_lower", "integer"},    {"count", "bigint"},           {"extract", "numeric"},
            {"date_part", "double precision"}, {"random", "double precision"}, {"pi", "double precision"},
        };
        if (TextOnlyFunctions().contains(StringOf(call->funcname[call->n_funcname - 1]))) {
          return model::TypeRef::Builtin("text");
        }
        std::string name = StringOf(call->funcname[call->n_funcname - 1]);
        if (auto it = kResult.find(name); it != kResult.end()) return model::TypeRef::Builtin(it->second);
        // Functions whose result has their (fractional) argument's type.
        static const std::set<std::string> kSameAsArgument = {"abs", "round", "trunc", "floor", "ceil",
                                                              "ceiling", "sign"};
        if (kSameAsArgument.contains(name) && call->n_args >= 1) {
          std::optional<model::TypeRef> argument = OperandType(call->args[0]);
          if (argument && (IsFractionalType(*argument) || name == "abs")) {
            return model::TypeRef::Builtin(WithoutTypmod(argument->name));
          }
        }
        return std::nullopt;
      }
      case PG_QUERY__NODE__NODE_COALESCE_EXPR:
        return CommonType(node->coalesce_expr->args, node->coalesce_expr->n_args);
      case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
        return CommonType(node->min_max_expr->args, node->min_max_expr->n_args);
      default:
        return std::nullopt;
    }
  }

  // The type the non-literal arguments agree on, if they do.
  std::optional<model::TypeRef> CommonType(PgQuery__Node* const* args, size_t count) {
    std::optional<model::TypeRef> common;
    for (size_t i = 0; i < count; ++i) {
      if (IsConstant(args[i]) || IsLiteralCast(args[i])) continue;
      std::optional<model::TypeRef> type = OperandType(args[i]);
      if (!type) return std::nullopt;
      if (!common) {
        common = type;
      } else if (!SameTypeIgnoringTypmod(*common, *type)) {
        return std::nullopt;
      }
    }
    return common;
  }

  static bool IsLiteralCast(const PgQuery__Node* node) {
    return IsNode(node, PG_QUERY__NODE__NODE_TYPE_CAST) && IsConstant(node->type_cast->arg);
  }

  // Whether `node` is a cast of a literal that PostgreSQL adds by itself where the
  // literal meets an operand of type `other`: a string (or NULL) or number cast to the
  // other's very type (enums, uuid, jsonb, arrays, bigint array elements), or a number
  // cast as ImplicitLiteralTarget says ((0)::numeric next to numeric, (0)::double
  // precision next to real). A number cast that PostgreSQL would not add is the
  // author's own and may change the operator (n / 2::numeric is not n / 2).
  bool IsImplicitLiteralCast(const PgQuery__Node* node, const std::optional<model::TypeRef>& other) {
    if (!other || !IsNode(node, PG_QUERY__NODE__NODE_TYPE_CAST)) return false;
    std::optional<model::TypeRef> type = TypeOf(node->type_cast->type_name);
    if (!type || HasTypmod(*type)) return false;
    const PgQuery__Node* arg = node->type_cast->arg;
    bool same_type = SameTypeIgnoringTypmod(*type, *other);
    if (IsUntypedConstant(arg)) return same_type;
    if (IsNumericConstant(arg)) {
      if (same_type) return true;
      if (!IsNumericType(*other) || type->is_user_defined() || type->array) return false;
      std::optional<std::string> target = ImplicitLiteralTarget(
          NaturalNumericType(NumericText(*arg->a_const)), WithoutTypmod(other->name));
      return target && *target == type->name;
    }
    if (IsNode(arg, PG_QUERY__NODE__NODE_A_ARRAY_EXPR) && arg->a_array_expr->n_elements > 0 &&
        type->array && other->array && AllConstants(arg->a_array_expr)) {
      return same_type;
    }
    return false;
  }

  PgQuery__Node* DropImplicitCast(PgQuery__Node* node, const std::optional<model::TypeRef>& other) {
    return IsImplicitLiteralCast(node, other) ? node->type_cast->arg : node;
  }

  // Elements of ARRAY[…] meeting `element` lose their implicit casts; returns the
  // (possibly new) array node.
  PgQuery__Node* DropElementCasts(PgQuery__Node* array, const std::optional<model::TypeRef>& element) {
    const PgQuery__AArrayExpr* expr = array->a_array_expr;
    std::vector<PgQuery__Node*> elements(expr->elements, expr->elements + expr->n_elements);
    bool changed = false;
    for (PgQuery__Node*& e : elements) {
      PgQuery__Node* dropped = DropImplicitCast(e, element);
      changed |= dropped != e;
      e = dropped;
    }
    return changed ? MakeArray(elements) : array;
  }

  // Operators: casts PostgreSQL added to literals and columns meeting an operand of
  // known type.
  PgQuery__Node* Comparison(PgQuery__Node* node) {
    PgQuery__AExpr* a_expr = node->a_expr;
    if (a_expr->lexpr == nullptr || a_expr->rexpr == nullptr) return node;
    PgQuery__Node* left = a_expr->lexpr;
    PgQuery__Node* right = a_expr->rexpr;
    if (a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY ||
        a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL) {
      std::optional<model::TypeRef> left_type = OperandType(left);
      std::optional<model::TypeRef> right_type = OperandType(right);
      if (left_type && !left_type->array) {
        if (IsNode(right, PG_QUERY__NODE__NODE_TYPE_CAST)) {
          // m = ANY ((ARRAY['a'::mood])::mood[]) and m = ANY ('{a,b}'::mood[]).
          model::TypeRef array_type = *left_type;
          array_type.array = true;
          PgQuery__Node* arg = right->type_cast->arg;
          if (IsNode(arg, PG_QUERY__NODE__NODE_A_ARRAY_EXPR)) arg = DropElementCasts(arg, left_type);
          if ((IsNode(arg, PG_QUERY__NODE__NODE_A_ARRAY_EXPR) && arg->a_array_expr->n_elements > 0) ||
              IsStringConstant(arg)) {
            std::optional<model::TypeRef> type = TypeOf(right->type_cast->type_name);
            if (type && type->array && !HasTypmod(*type) && SameTypeIgnoringTypmod(*type, array_type)) {
              right = arg;
            }
          }
        }
        if (IsNode(right, PG_QUERY__NODE__NODE_A_ARRAY_EXPR)) right = DropElementCasts(right, left_type);
      }
      if (right_type && right_type->array) left = DropImplicitCast(left, right_type->Element());
    } else {
      if (PgQuery__Node* rows = ExpandRowComparison(a_expr)) return rows;
      // n / 2::numeric and n::numeric / 2 are one operation (PostgreSQL casts n itself):
      // the cast goes on the column.
      MoveLiteralCastToColumn(&left, &right);
      MoveLiteralCastToColumn(&right, &left);
      right = DropImplicitCast(right, OperandType(left));
      left = DropImplicitCast(left, OperandType(right));
      // (code)::text = lower((code)::text) on a character(n) column: PostgreSQL's cast
      // where a bpchar meets a text value. Not next to a literal: there c::text = 'x'
      // compares as text, c = 'x' as bpchar.
      if (IsTextValued(right) && !IsConstant(right)) left = DropBpcharToText(left);
      if (IsTextValued(left) && !IsConstant(left)) right = DropBpcharToText(right);
      // A literal meeting an interval or time operand: the value as PostgreSQL prints it.
      left = CanonicalLiteralFor(left, OperandType(right));
      right = CanonicalLiteralFor(right, OperandType(left));
      // (n)::numeric + p, (n)::numeric * 1.5, (id)::double precision < real_col,
      // length(x)::double precision < real_col: the cast PostgreSQL adds to an integer
      // or numeric operand meeting a wider one.
      if (IsWideningCast(left) && !IsWideningCast(right) && WidensTo(left, right)) {
        left = left->type_cast->arg;
      } else if (IsWideningCast(right) && !IsWideningCast(left) && WidensTo(right, left)) {
        right = right->type_cast->arg;
      }
    }
    if (left == a_expr->lexpr && right == a_expr->rexpr) return node;
    PgQuery__AExpr copy = *a_expr;
    copy.lexpr = left;
    copy.rexpr = right;
    PgQuery__Node* out = WrapNode(PG_QUERY__NODE__NODE_A_EXPR);
    out->a_expr = arena_.New(copy);
    return out;
  }

  // Whether `node` has type text or character varying, as far as OperandType knows.
  bool IsTextValued(const PgQuery__Node* node) {
    std::optional<model::TypeRef> type = OperandType(node);
    return type && IsCharacterType(*type);
  }

  // `(c)::text` → `c` when c is a character(n) (bpchar) column.
  PgQuery__Node* DropBpcharToText(PgQuery__Node* node) {
    if (!IsNode(node, PG_QUERY__NODE__NODE_TYPE_CAST) ||
        !IsNode(node->type_cast->arg, PG_QUERY__NODE__NODE_COLUMN_REF)) {
      return node;
    }
    std::optional<model::TypeRef> type = TypeOf(node->type_cast->type_name);
    std::optional<model::TypeRef> column = ColumnTypeOf(node->type_cast->arg);
    if (!type || !column || !IsBuiltin(*type, {"text"}) || HasTypmod(*type) ||
        !IsBuiltin(*column, {"character", "bpchar"})) {
      return node;
    }
    return node->type_cast->arg;
  }

  // A string literal meeting an operand of `type` with its value as PostgreSQL prints it.
  PgQuery__Node* CanonicalLiteralFor(PgQuery__Node* node, const std::optional<model::TypeRef>& type) {
    if (!type || !IsStringConstant(node)) return node;
    std::optional<std::string> value = internal::CanonicalLiteral(*type, node->a_const->sval->sval);
    return value ? MakeStringConstant(*value) : node;
  }

  // Whether `cast` (a widening cast) is the one PostgreSQL adds where its operand meets
  // `other` (ImplicitWideningTarget).
  bool WidensTo(const PgQuery__Node* cast, const PgQuery__Node* other) {
    std::optional<model::TypeRef> type = TypeOf(cast->type_cast->type_name);
    std::optional<model::TypeRef> from = OperandType(cast->type_cast->arg);
    std::optional<model::TypeRef> other_type = OperandType(other);
    if (!type || !from || !other_type || !IsNumericType(*other_type)) return false;
    std::optional<std::string> target =
        internal::ImplicitWideningTarget(WithoutTypmod(from->name), WithoutTypmod(other_type->name));
    return target && *target == type->name;
  }

  // `*column` a numeric column and `*literal` a number cast to a type the column widens
  // to: moves the cast onto the column.
  void MoveLiteralCastToColumn(PgQuery__Node** column, PgQuery__Node** literal) {
    if (!IsNode(*column, PG_QUERY__NODE__NODE_COLUMN_REF) || !IsNode(*literal, PG_QUERY__NODE__NODE_TYPE_CAST) ||
        !IsNumericConstant((*literal)->type_cast->arg)) {
      return;
    }
    std::optional<model::TypeRef> column_type = ColumnTypeOf(*column);
    std::optional<model::TypeRef> type = TypeOf((*literal)->type_cast->type_name);
    if (!column_type || !type || HasTypmod(*type) || !Widens(*column_type, *type)) return;
    PgQuery__TypeCast cast = *(*literal)->type_cast;
    cast.arg = *column;
    PgQuery__Node* moved = WrapNode(PG_QUERY__NODE__NODE_TYPE_CAST);
    moved->type_cast = arena_.New(cast);
    *literal = (*literal)->type_cast->arg;
    *column = moved;
  }

  // Whether `node` casts a non-literal integer or numeric operand to a wider numeric
  // type (Widens).
  bool IsWideningCast(const PgQuery__Node* node) {
    if (!IsNode(node, PG_QUERY__NODE__NODE_TYPE_CAST) || IsConstant(node->type_cast->arg)) return false;
    std::optional<model::TypeRef> type = TypeOf(node->type_cast->type_name);
    std::optional<model::TypeRef> from = OperandType(node->type_cast->arg);
    return type && !HasTypmod(*type) && from && Widens(*from, *type);
  }

  // (a, b) = (c, d) → a = c AND b = d; <> → a <> c OR b <> d, as parse_expr.c
  // make_row_comparison_op builds it. nullptr when `a_expr` is no such comparison.
  PgQuery__Node* ExpandRowComparison(const PgQuery__AExpr* a_expr) {
    if (a_expr->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || a_expr->n_name != 1 ||
        !IsNode(a_expr->lexpr, PG_QUERY__NODE__NODE_ROW_EXPR) ||
        !IsNode(a_expr->rexpr, PG_QUERY__NODE__NODE_ROW_EXPR)) {
      return nullptr;
    }
    std::string op = StringOf(a_expr->name[0]);
    const PgQuery__RowExpr* left = a_expr->lexpr->row_expr;
    const PgQuery__RowExpr* right = a_expr->rexpr->row_expr;
    if ((op != "=" && op != "<>") || left->n_args != right->n_args || left->n_args == 0) return nullptr;
    std::vector<PgQuery__Node*> terms;
    for (size_t i = 0; i < left->n_args; ++i) {
      terms.push_back(Comparison(MakeAExpr(PG_QUERY__A__EXPR__KIND__AEXPR_OP, op, left->args[i], right->args[i])));
    }
    if (terms.size() == 1) return terms[0];
    return MakeBool(op == "=" ? PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR : PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR, terms);
  }

  // COALESCE(p, (0)::numeric), GREATEST(p, (1)::numeric): the literals are cast to the
  // type the other arguments resolve to.
  void DropArgumentCasts(PgQuery__Node** args, size_t count) {
    std::optional<model::TypeRef> common = CommonType(args, count);
    if (!common) return;
    for (size_t i = 0; i < count; ++i) args[i] = DropImplicitCast(args[i], common);
  }

  // (a OR b) OR c → a OR b OR c: same meaning, and the grammar already flattens the
  // left-nested form, so both sides of a comparison meet in the flat one.
  PgQuery__Node* FlattenBool(PgQuery__Node* node) {
    PgQuery__BoolExpr* bool_expr = node->bool_expr;
    if (bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR) return node;
    bool nested = false;
    for (size_t i = 0; i < bool_expr->n_args; ++i) {
      const PgQuery__Node* arg = bool_expr->args[i];
      nested |= IsNode(arg, PG_QUERY__NODE__NODE_BOOL_EXPR) && arg->bool_expr->boolop == bool_expr->boolop;
    }
    if (!nested) return node;
    std::vector<PgQuery__Node*> args;
    for (size_t i = 0; i < bool_expr->n_args; ++i) {
      PgQuery__Node* arg = bool_expr->args[i];
      if (IsNode(arg, PG_QUERY__NODE__NODE_BOOL_EXPR) && arg->bool_expr->boolop == bool_expr->boolop) {
        args.insert(args.end(), arg->bool_expr->args, arg->bool_expr->args + arg->bool_expr->n_args);
      } else {
        args.push_back(arg);
      }
    }
    PgQuery__BoolExpr copy = *bool_expr;
    copy.n_args = args.size();
    copy.args = arena_.NodeArray(args);
    PgQuery__Node* out = WrapNode(PG_QUERY__NODE__NODE_BOOL_EXPR);
    out->bool_expr = arena_.New(copy);
    return out;
  }

  // Rules for a value assigned to a column of type context_.target_type (DEFAULT,
  // generation expression): the cast of a literal to that type is the coercion
  // PostgreSQL adds; a string assigned to a number or boolean is stored as that number
  // or boolean (and printed so).
  PgQuery__Node* AssignmentRules(PgQuery__Node* node) {
    if (context_.target_type == nullptr) return node;
    // A domain's value is its base type's, with the domain's checks on top.
    const model::TypeRef target = BaseType(*context_.target_type);
    if (IsNode(node, PG_QUERY__NODE__NODE_TYPE_CAST) && IsConstant(node->type_cast->arg)) {
      std::optional<model::TypeRef> type = TypeOf(node->type_cast->type_name);
      if (type && (*type == target || *type == *context_.target_type ||
                   (!HasTypmod(*type) && SameTypeIgnoringTypmod(*type, target)))) {
        node = node->type_cast->arg;
      }
    }
    if (IsStringConstant(node)) {
      std::string text = node->a_const->sval->sval;
      if (std::optional<std::string> value = internal::CanonicalLiteral(target, text)) {
        return MakeStringConstant(*value);
      }
      if (IsNumericType(target) && !NaturalNumericType(text).empty()) return MakeNumericConstant(text);
      if (IsBuiltin(target, {"boolean"})) {
        std::string lower = AsciiLower(Trim(text));
        static const std::set<std::string> kTrue = {"t", "true", "y", "yes", "on", "1"};
        static const std::set<std::string> kFalse = {"f", "false", "n", "no", "off", "0"};
        if (kTrue.contains(lower)) return MakeBooleanConstant(true);
        if (kFalse.contains(lower)) return MakeBooleanConstant(false);
      }
    }
    return node;
  }

  // Replaces the type name of every cast by a placeholder for its canonical spelling.
  void SpellTypes(ProtobufCMessage* root) {
    std::vector<PgQuery__TypeCast*> casts;
    auto collect = [&](const PgQuery__Node* node) {
      if (node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) casts.push_back(node->type_cast);
    };
    VisitNodes(root, collect);
    std::set<PgQuery__TypeCast*> done;
    for (PgQuery__TypeCast* cast : casts) {
      if (!done.insert(cast).second || cast->type_name == nullptr) continue;
      PgQuery__TypeName* type_name = cast->type_name;
      std::optional<model::TypeRef> type = TypeOf(type_name);
      if (!type) {
        // Not a type we know (an extension's, a reg* type): print it without pg_catalog.
        if (type_name->n_names == 2 && StringOf(type_name->names[0]) == "pg_catalog") {
          PgQuery__TypeName copy = *type_name;
          copy.names = arena_.NodeArray({type_name->names[1]});
          copy.n_names = 1;
          cast->type_name = arena_.New(copy);
        }
        continue;
      }
      std::string marker = StrCat(kTypeMarker, static_cast<int>(spellings_.size()), "_");
      spellings_.emplace_back(marker, type->ToString());
      PgQuery__TypeName placeholder = PG_QUERY__TYPE_NAME__INIT;
      placeholder.n_names = 1;
      placeholder.names = arena_.NodeArray({MakeString(marker)});
      placeholder.typemod = -1;
      placeholder.location = -1;
      cast->type_name = arena_.New(placeholder);
    }
  }

  Arena& arena_;
  const ExpressionContext& context_;
  const model::Catalog* catalog_;
  PgQuery__Node* root_ = nullptr;
  int subquery_depth_ = 0;
  std::map<const PgQuery__TypeName*, std::optional<model::TypeRef>> types_;
  std::vector<std::pair<std::string, std::string>> spellings_;
};

// Deparses `expr` as the only target of a SELECT and returns the target's text.
absl::StatusOr<std::string> DeparseExpression(PgQuery__Node* expr) {
  PgQuery__ResTarget target = PG_QUERY__RES_TARGET__INIT;
  target.val = expr;
  target.location = -1;
  PgQuery__Node target_node = PG_QUERY__NODE__INIT;
  target_node.node_case = PG_QUERY__NODE__NODE_RES_TARGET;
  target_node.res_target = &target;
  PgQuery__Node* targets[] = {&target_node};

  PgQuery__SelectStmt select = PG_QUERY__SELECT_STMT__INIT;
  select.n_target_list = 1;
  select.target_list = targets;
  select.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
  select.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
  PgQuery__Node statement = PG_QUERY__NODE__INIT;
  statement.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
  statement.select_stmt = &select;

  PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
  raw.stmt = &statement;
  PgQuery__RawStmt* statements[] = {&raw};
  PgQuery__ParseResult result = PG_QUERY__PARSE_RESULT__INIT;
  result.version = PG_VERSION_NUM;
  result.n_stmts = 1;
  result.stmts = statements;

  PGDRIFT_ASSIGN_OR_RETURN(std::string text, Deparse(result));
  constexpr std::string_view kSelect = "SELECT ";
  if (!text.starts_with(kSelect)) {
    return absl::InternalError(StrCat("unexpected deparser output: ", text));
  }
  return text.substr(kSelect.size());
}

}  // namespace

namespace internal {

absl::StatusOr<std::string> RewriteAndDeparseStatement(PgQuery__Node* statement, Arena& arena,
                                                       const ExpressionContext& context) {
  Rewriter rewriter(arena, context);
  PgQuery__Node* rewritten = rewriter.RewriteRoot(statement);
  PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
  raw.stmt = rewritten;
  PgQuery__RawStmt* statements[] = {&raw};
  PgQuery__ParseResult result = PG_QUERY__PARSE_RESULT__INIT;
  result.version = PG_VERSION_NUM;
  result.n_stmts = 1;
  result.stmts = statements;
  PGDRIFT_ASSIGN_OR_RETURN(std::string text, Deparse(result));
  return rewriter.Substitute(std::move(text));
}

}  // namespace internal

absl::StatusOr<std::string> NormalizeExpression(const PgQuery__Node& expr,
                                                const ExpressionContext& context) {
  Arena arena;
  PgQuery__Node* copy = CopyNode(expr, arena);
  if (copy == nullptr) return absl::InternalError("cannot copy an expression parse tree");
  // Sub-queries (EXISTS, IN (SELECT …), scalar sub-selects) are resolved as queries:
  // relations qualified, columns qualified by their range entry, the context table's
  // columns by the table's name (ruleutils prints them so inside a sub-query).
  std::map<const PgQuery__Node*, model::TypeRef> column_types;
  ExpressionContext with_types = context;
  if (internal::ContainsSubLink(copy)) {
    PGDRIFT_RETURN_IF_ERROR(internal::ResolveSubLinks(copy, arena, context, &column_types));
    if (context.column_types != nullptr) column_types.insert(context.column_types->begin(), context.column_types->end());
    with_types.column_types = &column_types;
  }
  Rewriter rewriter(arena, with_types);
  PgQuery__Node* rewritten = rewriter.RewriteRoot(copy);
  PGDRIFT_ASSIGN_OR_RETURN(std::string text, DeparseExpression(rewritten));
  return rewriter.Substitute(std::move(text));
}

absl::StatusOr<std::string> NormalizeExpressionText(std::string_view text,
                                                    const ExpressionContext& context) {
  std::string sql = StrCat("SELECT ", text);
  SyntaxError error;
  std::unique_ptr<ParseTree> tree = ParseTree::Parse(sql, &error);
  if (tree == nullptr) {
    return absl::InvalidArgumentError(StrCat("cannot parse expression \"", text, "\": ", error.message));
  }
  const PgQuery__ParseResult& result = tree->result();
  if (result.n_stmts != 1 || !IsNode(result.stmts[0]->stmt, PG_QUERY__NODE__NODE_SELECT_STMT)) {
    return absl::InvalidArgumentError(StrCat("not an expression: \"", text, "\""));
  }
  const PgQuery__SelectStmt* select = result.stmts[0]->stmt->select_stmt;
  if (select->n_target_list != 1 || select->n_from_clause != 0 || select->where_clause != nullptr ||
      !IsNode(select->target_list[0], PG_QUERY__NODE__NODE_RES_TARGET) ||
      select->target_list[0]->res_target->val == nullptr) {
    return absl::InvalidArgumentError(StrCat("not an expression: \"", text, "\""));
  }
  return NormalizeExpression(*select->target_list[0]->res_target->val, context);
}

}  // namespace pgdrift::parser
