#include "parser/normalize.h"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <utility>

#include "base/identifier.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/node_util.h"
#include "parser/parse_tree.h"
#include "parser/type_name.h"

namespace pgdrift::parser {
namespace {

// Owns every node of one canonicalization: the deep copy of the input and the nodes the
// rules build. Nothing is freed before the whole arena goes, so rules may share
// subtrees (BETWEEN repeats its left operand) without caring who frees what.
class Arena {
 public:
  Arena() {
    allocator_.alloc = [](void* data, size_t size) { return static_cast<Arena*>(data)->Allocate(size); };
    allocator_.free = [](void*, void*) {};
    allocator_.allocator_data = this;
  }
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* Allocate(size_t size) {
    size_t units = (size + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t);
    blocks_.push_back(std::make_unique<std::max_align_t[]>(units == 0 ? 1 : units));
    return blocks_.back().get();
  }

  ProtobufCAllocator* allocator() { return &allocator_; }

  template <typename T>
  T* New(const T& value) {
    return new (Allocate(sizeof(T))) T(value);
  }

  char* String(std::string_view text) {
    char* out = static_cast<char*>(Allocate(text.size() + 1));
    std::memcpy(out, text.data(), text.size());
    out[text.size()] = '\0';
    return out;
  }

  PgQuery__Node** NodeArray(const std::vector<PgQuery__Node*>& nodes) {
    auto** out = static_cast<PgQuery__Node**>(Allocate(sizeof(PgQuery__Node*) * (nodes.size() + 1)));
    for (size_t i = 0; i < nodes.size(); ++i) out[i] = nodes[i];
    return out;
  }

 private:
  ProtobufCAllocator allocator_;
  std::vector<std::unique_ptr<std::max_align_t[]>> blocks_;
};

// A deep copy of `node` in `arena` (protobuf-c pack and unpack).
PgQuery__Node* CopyNode(const PgQuery__Node& node, Arena& arena) {
  size_t size = pg_query__node__get_packed_size(&node);
  std::vector<uint8_t> buffer(size);
  pg_query__node__pack(&node, buffer.data());
  return pg_query__node__unpack(arena.allocator(), size, buffer.data());
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

bool IsNode(const PgQuery__Node* node, PgQuery__Node__NodeCase node_case) {
  return node != nullptr && node->node_case == node_case;
}

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

// What an operand's numeric type is, as far as operator resolution is concerned: the
// integer types have cross-type operators with integer literals, the fractional ones
// (numeric, real, double precision) make PostgreSQL cast an integer literal.
enum class NumericKind { kNone, kInteger, kFractional };

NumericKind Combine(NumericKind a, NumericKind b) {
  if (a == NumericKind::kNone || b == NumericKind::kNone) return NumericKind::kNone;
  if (a == NumericKind::kFractional || b == NumericKind::kFractional) return NumericKind::kFractional;
  return NumericKind::kInteger;
}

// The type PostgreSQL's scanner gives a numeric literal written as `text` (make_const in
// parse_node.c): integer when it fits int4, bigint when it fits int8, else numeric;
// anything with a point or exponent is numeric. "" when `text` is not a number.
std::string NaturalNumericType(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && digits[0] == '-') digits.remove_prefix(1);
  if (digits.empty()) return "";
  bool all_digits = true;
  for (char c : digits) all_digits &= std::isdigit(static_cast<unsigned char>(c)) != 0;
  if (all_digits) {
    errno = 0;
    std::string copy(text);
    long long value = std::strtoll(copy.c_str(), nullptr, 10);
    if (errno == ERANGE) return "numeric";
    if (value >= INT32_MIN && value <= INT32_MAX) return "integer";
    return "bigint";
  }
  // decimal: digits [. digits] [e [+-] digits], at least one digit before the exponent
  size_t i = 0;
  bool mantissa_digits = false;
  while (i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i]))) {
    ++i;
    mantissa_digits = true;
  }
  if (i < digits.size() && digits[i] == '.') {
    ++i;
    while (i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i]))) {
      ++i;
      mantissa_digits = true;
    }
  }
  if (!mantissa_digits) return "";
  if (i < digits.size() && (digits[i] == 'e' || digits[i] == 'E')) {
    ++i;
    if (i < digits.size() && (digits[i] == '+' || digits[i] == '-')) ++i;
    size_t exponent_start = i;
    while (i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i]))) ++i;
    if (i == exponent_start) return "";
  }
  return i == digits.size() ? "numeric" : "";
}

// The text of a numeric A_Const.
std::string NumericText(const PgQuery__AConst& a_const) {
  if (a_const.val_case == PG_QUERY__A__CONST__VAL_IVAL) return std::to_string(a_const.ival->ival);
  return a_const.fval->fval;
}

// `name` without its type modifier: "character varying(20)" → "character varying",
// "timestamp(3) with time zone" → "timestamp with time zone".
std::string WithoutTypmod(std::string_view name) {
  std::string out;
  int depth = 0;
  for (char c : name) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

bool HasTypmod(const model::TypeRef& type) {
  return !type.typmod.empty() || type.name.find('(') != std::string::npos;
}

bool SameTypeIgnoringTypmod(const model::TypeRef& a, const model::TypeRef& b) {
  return a.schema == b.schema && a.array == b.array && WithoutTypmod(a.name) == WithoutTypmod(b.name);
}

bool IsBuiltin(const model::TypeRef& type, std::initializer_list<std::string_view> names) {
  if (type.is_user_defined() || type.array) return false;
  std::string base = WithoutTypmod(type.name);
  for (std::string_view name : names) {
    if (base == name) return true;
  }
  return false;
}

bool IsNumericType(const model::TypeRef& type) {
  return IsBuiltin(type, {"smallint", "integer", "bigint", "numeric", "real", "double precision"});
}

NumericKind KindOfType(const model::TypeRef& type) {
  if (IsBuiltin(type, {"smallint", "integer", "bigint"})) return NumericKind::kInteger;
  if (IsBuiltin(type, {"numeric", "real", "double precision"})) return NumericKind::kFractional;
  return NumericKind::kNone;
}

// text, varchar and bpchar without a length: casting a string literal to them never
// changes its value, and PostgreSQL adds exactly these casts to literals that meet
// character columns or text parameters.
bool IsUnboundedTextType(const model::TypeRef& type) {
  if (type.is_user_defined() || HasTypmod(type)) return false;
  return type.name == "text" || type.name == "character varying" || type.name == "bpchar";
}

bool IsCharacterType(const model::TypeRef& type) {
  return IsBuiltin(type, {"text", "character varying"});
}

// Splits a regclass literal the way regclassin's stringToQualifiedNameList does:
// dot-separated identifiers, double quotes keep case, unquoted parts are downcased.
std::optional<model::QualifiedName> ParseRegclassLiteral(std::string_view text) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (true) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::string part;
    if (i < text.size() && text[i] == '"') {
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            part.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        part.push_back(text[i++]);
      }
      if (!closed || part.empty()) return std::nullopt;
    } else {
      while (i < text.size() && text[i] != '.' && !std::isspace(static_cast<unsigned char>(text[i]))) {
        part.push_back(text[i++]);
      }
      if (part.empty()) return std::nullopt;
      part = AsciiLower(part);
    }
    parts.push_back(std::move(part));
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i == text.size()) break;
    if (text[i] != '.') return std::nullopt;
    ++i;
  }
  if (parts.size() == 1) return model::QualifiedName{"", parts[0]};
  if (parts.size() == 2 || parts.size() == 3) {
    return model::QualifiedName{parts[parts.size() - 2], parts.back()};
  }
  return std::nullopt;
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
    // Longest markers first, so marker 1 never eats into marker 12.
    for (auto it = spellings_.rbegin(); it != spellings_.rend(); ++it) {
      text = ReplaceAll(text, it->first, it->second);
    }
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
    if (!IsNode(node, PG_QUERY__NODE__NODE_COLUMN_REF) || subquery_depth_ > 0) return std::nullopt;
    const PgQuery__ColumnRef* ref = node->column_ref;
    if (ref->n_fields != 1) return std::nullopt;
    std::string column = StringOf(ref->fields[0]);
    if (column.empty()) return std::nullopt;
    if (context_.columns != nullptr) {
      for (const model::Column& candidate : *context_.columns) {
        if (candidate.name == column) return candidate.type;
      }
    }
    if (context_.table.name.empty()) return std::nullopt;
    std::optional<model::QualifiedName> table = catalog_->ResolveRelation(context_.table);
    if (!table) return std::nullopt;
    const model::Table* found = catalog_->FindTable(*table);
    if (found == nullptr) return std::nullopt;
    const model::Column* col = found->FindColumn(column);
    if (col == nullptr) return std::nullopt;
    return col->type;
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
    std::optional<model::QualifiedName> name = ParseRegclassLiteral(cast->arg->a_const->sval->sval);
    if (!name) return;
    std::string text;
    if (std::optional<model::QualifiedName> resolved = catalog_->ResolveRelation(*name)) {
      text = QuoteQualified(resolved->schema, resolved->name);
    } else {
      text = QuoteQualified(name->schema, name->name);
    }
    cast->arg = MakeStringConstant(text);
  }

  PgQuery__Node* RewriteFuncCall(PgQuery__Node* node) {
    PgQuery__FuncCall* call = node->func_call;
    // pg_catalog functions print unqualified. Calls in SQL syntax (AT TIME ZONE,
    // EXTRACT, …) keep their name: the deparser needs it to print the syntax.
    if (call->funcformat != PG_QUERY__COERCION_FORM__COERCE_SQL_SYNTAX && call->n_funcname == 2 &&
        StringOf(call->funcname[0]) == "pg_catalog") {
      call->funcname = arena_.NodeArray({call->funcname[1]});
      call->n_funcname = 1;
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

  // The numeric kind of an operand: columns and casts by their type, literals by the
  // scanner's type, arithmetic and the usual numeric built-in functions by what they
  // return.
  NumericKind KindOf(const PgQuery__Node* node) {
    if (node == nullptr) return NumericKind::kNone;
    switch (node->node_case) {
      case PG_QUERY__NODE__NODE_A_CONST:
        if (!IsNumericConstant(node)) return NumericKind::kNone;
        return NaturalNumericType(NumericText(*node->a_const)) == "numeric" ? NumericKind::kFractional
                                                                              : NumericKind::kInteger;
      case PG_QUERY__NODE__NODE_COLUMN_REF: {
        std::optional<model::TypeRef> type = ColumnTypeOf(node);
        return type ? KindOfType(*type) : NumericKind::kNone;
      }
      case PG_QUERY__NODE__NODE_TYPE_CAST: {
        std::optional<model::TypeRef> type = TypeOf(node->type_cast->type_name);
        return type ? KindOfType(*type) : NumericKind::kNone;
      }
      case PG_QUERY__NODE__NODE_A_EXPR: {
        const PgQuery__AExpr* a_expr = node->a_expr;
        if (a_expr->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || a_expr->n_name != 1) return NumericKind::kNone;
        std::string op = StringOf(a_expr->name[0]);
        if (op != "+" && op != "-" && op != "*" && op != "/" && op != "%" && op != "^") return NumericKind::kNone;
        NumericKind right = KindOf(a_expr->rexpr);
        NumericKind kind = a_expr->lexpr == nullptr ? right : Combine(KindOf(a_expr->lexpr), right);
        if (op == "^" && kind != NumericKind::kNone) return NumericKind::kFractional;
        return kind;
      }
      case PG_QUERY__NODE__NODE_FUNC_CALL: {
        const PgQuery__FuncCall* call = node->func_call;
        if (call->n_funcname == 0 || (call->n_funcname == 2 && StringOf(call->funcname[0]) != "pg_catalog") ||
            call->n_funcname > 2) {
          return NumericKind::kNone;
        }
        static const std::set<std::string> kInteger = {
            "length", "char_length", "character_length", "octet_length", "bit_length", "array_length",
            "cardinality", "position", "strpos", "array_position", "num_nonnulls", "num_nulls",
            "array_ndims", "ascii", "width_bucket", "array_upper", "array_lower"};
        static const std::set<std::string> kFractional = {
            "extract", "date_part", "random", "pi", "sqrt", "cbrt", "exp", "ln", "log", "log10", "power",
            "floor", "ceil", "ceiling", "round", "trunc", "degrees", "radians", "to_number"};
        static const std::set<std::string> kSameAsArgument = {"abs", "sign", "mod"};
        std::string name = StringOf(call->funcname[call->n_funcname - 1]);
        if (kInteger.contains(name)) return NumericKind::kInteger;
        if (kFractional.contains(name)) return NumericKind::kFractional;
        if (kSameAsArgument.contains(name) && call->n_args >= 1) return KindOf(call->args[0]);
        return NumericKind::kNone;
      }
      case PG_QUERY__NODE__NODE_COALESCE_EXPR:
      case PG_QUERY__NODE__NODE_MIN_MAX_EXPR: {
        PgQuery__Node* const* args = node->node_case == PG_QUERY__NODE__NODE_COALESCE_EXPR
                                         ? node->coalesce_expr->args
                                         : node->min_max_expr->args;
        size_t count = node->node_case == PG_QUERY__NODE__NODE_COALESCE_EXPR ? node->coalesce_expr->n_args
                                                                             : node->min_max_expr->n_args;
        NumericKind kind = NumericKind::kInteger;
        bool any = false;
        for (size_t i = 0; i < count; ++i) {
          if (IsConstant(args[i])) continue;
          kind = Combine(kind, KindOf(args[i]));
          any = true;
        }
        return any ? kind : NumericKind::kNone;
      }
      default:
        return NumericKind::kNone;
    }
  }

  // What is known of an operator's operand: its exact type when it is a column, and its
  // numeric kind.
  struct Operand {
    std::optional<model::TypeRef> type;
    NumericKind kind = NumericKind::kNone;
  };

  Operand OperandOf(const PgQuery__Node* node) { return {ColumnTypeOf(node), KindOf(node)}; }

  // Whether `node` is a cast of a literal that PostgreSQL adds by itself where the
  // literal meets `other` (an operator's other operand): a string (or NULL) cast to the
  // other's very type (enums, uuid, jsonb, arrays), a number cast to the other's very
  // type, or an integer literal cast to a fractional type where the other is fractional
  // too ((0)::numeric, (0)::double precision). A number cast to a fractional type where
  // the other is an integer is the author's own: it changes the operator (n / 2::numeric
  // is not n / 2).
  bool IsImplicitLiteralCast(const PgQuery__Node* node, const Operand& other) {
    if (!IsNode(node, PG_QUERY__NODE__NODE_TYPE_CAST)) return false;
    std::optional<model::TypeRef> type = TypeOf(node->type_cast->type_name);
    if (!type) return false;
    const PgQuery__Node* arg = node->type_cast->arg;
    if (IsUntypedConstant(arg)) {
      return other.type && SameTypeIgnoringTypmod(*type, *other.type) && !HasTypmod(*type);
    }
    if (IsNumericConstant(arg)) {
      if (other.type && SameTypeIgnoringTypmod(*type, *other.type) && !HasTypmod(*type)) return true;
      return KindOfType(*type) == NumericKind::kFractional && other.kind == NumericKind::kFractional;
    }
    if (IsNode(arg, PG_QUERY__NODE__NODE_A_ARRAY_EXPR) && arg->a_array_expr->n_elements > 0 &&
        type->array && other.type && other.type->array && AllConstants(arg->a_array_expr)) {
      return SameTypeIgnoringTypmod(*type, *other.type) && !HasTypmod(*type);
    }
    return false;
  }

  PgQuery__Node* DropImplicitCast(PgQuery__Node* node, const Operand& other) {
    return IsImplicitLiteralCast(node, other) ? node->type_cast->arg : node;
  }

  // Elements of ARRAY[…] meeting `element` lose their implicit casts; returns the
  // (possibly new) array node.
  PgQuery__Node* DropElementCasts(PgQuery__Node* array, const Operand& element) {
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

  // Operators: casts PostgreSQL added to literals meeting an operand of known type.
  PgQuery__Node* Comparison(PgQuery__Node* node) {
    PgQuery__AExpr* a_expr = node->a_expr;
    if (a_expr->lexpr == nullptr || a_expr->rexpr == nullptr) return node;
    PgQuery__Node* left = a_expr->lexpr;
    PgQuery__Node* right = a_expr->rexpr;
    Operand left_operand = OperandOf(left);
    Operand right_operand = OperandOf(right);
    if (a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY ||
        a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL) {
      if (!left_operand.type || !left_operand.type->array) {
        if (left_operand.type && IsNode(right, PG_QUERY__NODE__NODE_TYPE_CAST)) {
          // m = ANY ((ARRAY['a'::mood])::mood[]) and m = ANY ('{a,b}'::mood[]).
          model::TypeRef array_type = *left_operand.type;
          array_type.array = true;
          PgQuery__Node* arg = right->type_cast->arg;
          if (IsNode(arg, PG_QUERY__NODE__NODE_A_ARRAY_EXPR)) arg = DropElementCasts(arg, left_operand);
          if ((IsNode(arg, PG_QUERY__NODE__NODE_A_ARRAY_EXPR) && arg->a_array_expr->n_elements > 0) ||
              IsStringConstant(arg)) {
            std::optional<model::TypeRef> type = TypeOf(right->type_cast->type_name);
            if (type && type->array && !HasTypmod(*type) && SameTypeIgnoringTypmod(*type, array_type)) {
              right = arg;
            }
          }
        }
        if (IsNode(right, PG_QUERY__NODE__NODE_A_ARRAY_EXPR)) right = DropElementCasts(right, left_operand);
      }
      if (right_operand.type && right_operand.type->array) {
        Operand element{right_operand.type->Element(), KindOfType(right_operand.type->Element())};
        left = DropImplicitCast(left, element);
      }
    } else {
      if (PgQuery__Node* rows = ExpandRowComparison(a_expr)) return rows;
      // (n)::numeric * 1.5: the cast PostgreSQL adds to an integer column meeting a
      // fractional operand. Only one side: (n)::numeric / (m)::numeric is the author's
      // own division.
      if (IsWideningColumnCast(left) && right_operand.kind == NumericKind::kFractional &&
          !IsWideningColumnCast(right)) {
        left = left->type_cast->arg;
      } else if (IsWideningColumnCast(right) && left_operand.kind == NumericKind::kFractional &&
                 !IsWideningColumnCast(left)) {
        right = right->type_cast->arg;
      }
      left_operand = OperandOf(left);
      right_operand = OperandOf(right);
      right = DropImplicitCast(right, left_operand);
      left = DropImplicitCast(left, right_operand);
    }
    if (left == a_expr->lexpr && right == a_expr->rexpr) return node;
    PgQuery__AExpr copy = *a_expr;
    copy.lexpr = left;
    copy.rexpr = right;
    PgQuery__Node* out = WrapNode(PG_QUERY__NODE__NODE_A_EXPR);
    out->a_expr = arena_.New(copy);
    return out;
  }

  // Whether `node` is an integer column cast to a fractional type.
  bool IsWideningColumnCast(const PgQuery__Node* node) {
    if (!IsNode(node, PG_QUERY__NODE__NODE_TYPE_CAST) ||
        !IsNode(node->type_cast->arg, PG_QUERY__NODE__NODE_COLUMN_REF)) {
      return false;
    }
    std::optional<model::TypeRef> type = TypeOf(node->type_cast->type_name);
    return type && !HasTypmod(*type) && KindOfType(*type) == NumericKind::kFractional &&
           KindOf(node->type_cast->arg) == NumericKind::kInteger;
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
    Operand common;
    bool any = false;
    for (size_t i = 0; i < count; ++i) {
      if (IsConstant(args[i]) || IsImplicitLiteralCandidate(args[i])) continue;
      Operand operand = OperandOf(args[i]);
      if (!any) {
        common = operand;
      } else {
        if (!(common.type && operand.type && *common.type == *operand.type)) common.type.reset();
        common.kind = Combine(common.kind, operand.kind);
      }
      any = true;
    }
    if (!any) return;
    for (size_t i = 0; i < count; ++i) args[i] = DropImplicitCast(args[i], common);
  }

  static bool IsImplicitLiteralCandidate(const PgQuery__Node* node) {
    return IsNode(node, PG_QUERY__NODE__NODE_TYPE_CAST) && IsConstant(node->type_cast->arg);
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
    const model::TypeRef& target = *context_.target_type;
    if (IsNode(node, PG_QUERY__NODE__NODE_TYPE_CAST) && IsConstant(node->type_cast->arg)) {
      std::optional<model::TypeRef> type = TypeOf(node->type_cast->type_name);
      if (type && (*type == target || (!HasTypmod(*type) && SameTypeIgnoringTypmod(*type, target)))) {
        node = node->type_cast->arg;
      }
    }
    if (IsStringConstant(node)) {
      std::string text = node->a_const->sval->sval;
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

absl::StatusOr<std::string> NormalizeExpression(const PgQuery__Node& expr,
                                                const ExpressionContext& context) {
  Arena arena;
  PgQuery__Node* copy = CopyNode(expr, arena);
  if (copy == nullptr) return absl::InternalError("cannot copy an expression parse tree");
  Rewriter rewriter(arena, context);
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
  VisitNodes(&expr.base, visit);
  return columns;
}

std::string FigureColumnName(const PgQuery__Node& expr) {
  std::string name;
  if (FigureName(&expr, &name) == 0 || name.empty()) return "expr";
  return name;
}

}  // namespace pgdrift::parser
