#include "parser/table_elements.h"

#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "base/diagnostic.h"
#include "base/identifier.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/builtin_types.h"
#include "parser/internal/extension_names.h"
#include "parser/internal/proto_tree.h"
#include "parser/node_util.h"
#include "parser/null_default.h"
#include "parser/sequence_options.h"
#include "parser/type_name.h"

namespace pgdrift::parser {
namespace {

using internal::IsNode;

// pg_constraint.confupdtype / confdeltype letters as the grammar stores them.
absl::StatusOr<model::ForeignKeyAction> ForeignKeyActionOf(std::string_view code,
                                                           const TransformContext& ctx) {
  if (code.empty() || code == "a") return model::ForeignKeyAction::kNoAction;
  if (code == "r") return model::ForeignKeyAction::kRestrict;
  if (code == "c") return model::ForeignKeyAction::kCascade;
  if (code == "n") return model::ForeignKeyAction::kSetNull;
  if (code == "d") return model::ForeignKeyAction::kSetDefault;
  return ctx.Invalid(StrCat("unrecognized foreign key action \"", code, "\""));
}

absl::StatusOr<model::ForeignKeyMatch> ForeignKeyMatchOf(std::string_view code,
                                                         const TransformContext& ctx) {
  if (code.empty() || code == "s") return model::ForeignKeyMatch::kSimple;
  if (code == "f") return model::ForeignKeyMatch::kFull;
  if (code == "p") return model::ForeignKeyMatch::kPartial;
  return ctx.Invalid(StrCat("unrecognized foreign key match type \"", code, "\""));
}

// The expression text, canonical, of `expr` on `scope`'s table; `target` is the type a
// DEFAULT or generation expression is assigned to.
absl::StatusOr<std::string> Canonical(const PgQuery__Node& expr, const TableScope& scope,
                                      const model::TypeRef* target, const TransformContext& ctx) {
  ExpressionContext context = scope.Expressions(ctx.catalog());
  context.target_type = target;
  absl::StatusOr<std::string> text = NormalizeExpression(expr, context);
  if (!text.ok()) return AtStatement(text.status(), ctx);
  return text;
}

// Whether `opclass` is the default operator class of `method` for a key of `type`
// (pg_opclass.opcdefault): pg_get_indexdef leaves those out, so a written one is dropped.
bool IsDefaultOpclass(const std::string& opclass, const std::string& method, const model::TypeRef& type,
                      const model::Catalog& catalog) {
  if (type.array) return opclass == "array_ops" && (method == "btree" || method == "gin" || method == "hash");
  if (type.is_user_defined()) {
    auto it = catalog.types.find(type.qualified());
    return it != catalog.types.end() && it->second.kind == model::UserTypeKind::kEnum &&
           opclass == "enum_ops" && (method == "btree" || method == "hash");
  }
  static const auto* kBtreeAndHash = new std::map<std::string, std::set<std::string>>{
      {"int2_ops", {"smallint"}},
      {"int4_ops", {"integer"}},
      {"int8_ops", {"bigint"}},
      {"float4_ops", {"real"}},
      {"float8_ops", {"double precision"}},
      {"numeric_ops", {"numeric"}},
      {"text_ops", {"text", "character varying"}},
      {"bpchar_ops", {"character", "bpchar"}},
      {"bool_ops", {"boolean"}},
      {"date_ops", {"date"}},
      {"timestamp_ops", {"timestamp without time zone"}},
      {"timestamptz_ops", {"timestamp with time zone"}},
      {"time_ops", {"time without time zone"}},
      {"timetz_ops", {"time with time zone"}},
      {"interval_ops", {"interval"}},
      {"uuid_ops", {"uuid"}},
      {"jsonb_ops", {"jsonb"}},
      {"bytea_ops", {"bytea"}},
      {"inet_ops", {"inet", "cidr"}},
      {"oid_ops", {"oid"}},
      {"name_ops", {"name"}},
      {"char_ops", {"\"char\""}},
      {"money_ops", {"money"}},
      {"macaddr_ops", {"macaddr"}},
      {"pg_lsn_ops", {"pg_lsn"}},
  };
  std::string base = internal::WithoutTypmod(type.name);
  if (method == "btree" || method == "hash") {
    auto it = kBtreeAndHash->find(opclass);
    return it != kBtreeAndHash->end() && it->second.contains(base);
  }
  if (method == "gin") {
    return (opclass == "jsonb_ops" && base == "jsonb") || (opclass == "tsvector_ops" && base == "tsvector");
  }
  if (method == "gist") return opclass == "tsvector_ops" && base == "tsvector";
  return false;
}

// Key, INCLUDE and option parts shared by PRIMARY KEY and UNIQUE.
void FillIndexBacked(const PgQuery__Constraint& constraint, model::Constraint* out) {
  out->columns = StringList(constraint.keys, constraint.n_keys);
  out->include = StringList(constraint.including, constraint.n_including);
  out->nulls_not_distinct = constraint.nulls_not_distinct;
  out->index_options = StorageParameters(constraint.options, constraint.n_options);
  if (constraint.indexspace != nullptr && constraint.indexspace[0] != '\0') {
    out->index_options["tablespace"] = constraint.indexspace;
  }
}

}  // namespace

ExpressionContext TableScope::Expressions(const model::Catalog& catalog) const {
  ExpressionContext context;
  context.catalog = &catalog;
  context.table = table;
  context.columns = &columns;
  return context;
}

absl::Status CheckDefaultExpression(const PgQuery__Node& expr, const TransformContext& ctx) {
  bool column_ref = false;
  bool subquery = false;
  auto visit = [&](const PgQuery__Node* node) {
    column_ref |= node->node_case == PG_QUERY__NODE__NODE_COLUMN_REF;
    subquery |= node->node_case == PG_QUERY__NODE__NODE_SUB_LINK;
  };
  internal::VisitNodes(&expr.base, visit);
  if (subquery) return ctx.Invalid("cannot use subquery in DEFAULT expression");
  if (column_ref) return ctx.Invalid("cannot use column reference in DEFAULT expression");
  return absl::OkStatus();
}

absl::Status AtStatement(const absl::Status& status, const TransformContext& ctx) {
  if (status.ok() || SpanOf(status).has_value()) return status;
  // kUnimplemented statuses stay plain: the replayer turns them into warnings at the
  // statement anyway.
  if (status.code() == absl::StatusCode::kUnimplemented) return status;
  return InputError(status.code(), ctx.span(), std::string(status.message()));
}

std::string CollationSchema(std::string_view name, const model::Catalog& catalog) {
  if (name == "C" || name == "POSIX" || name == "ucs_basic" || name == "unicode" || name == "pg_c_utf8") {
    return "pg_catalog";
  }
  // ICU collations (und-x-icu, de-DE-x-icu) and libc locales (en_US, de_DE.utf8, C.UTF-8).
  if (name.find("-x-icu") != std::string_view::npos || name.find("-u-") != std::string_view::npos) {
    return "pg_catalog";
  }
  size_t underscore = name.find('_');
  if (underscore != std::string_view::npos && underscore + 3 <= name.size() &&
      std::isupper(static_cast<unsigned char>(name[underscore + 1])) &&
      std::isupper(static_cast<unsigned char>(name[underscore + 2]))) {
    return "pg_catalog";
  }
  if (name.starts_with("C.")) return "pg_catalog";
  std::string schema = catalog.CreationSchema();
  return schema.empty() ? "pg_catalog" : schema;
}

std::string CollationName(PgQuery__Node* const* names, size_t count, const model::Catalog& catalog) {
  model::QualifiedName name = QualifiedNameOf(names, count);
  if (name.name.empty()) return "";
  if (name.schema.empty() && name.name == "default") return "";
  if (name.schema.empty()) name.schema = CollationSchema(name.name, catalog);
  return QuoteQualified(name.schema, name.name);
}

std::map<std::string, std::string> StorageParameters(PgQuery__Node* const* options, size_t count) {
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < count; ++i) {
    if (!IsNode(options[i], PG_QUERY__NODE__NODE_DEF_ELEM)) continue;
    const PgQuery__DefElem* def = options[i]->def_elem;
    std::string name = def->defname;
    if (def->defnamespace != nullptr && def->defnamespace[0] != '\0') {
      name = StrCat(def->defnamespace, ".", name);
    }
    std::string value = "true";
    if (def->arg != nullptr) {
      if (std::optional<std::string> text = ConstantText(def->arg)) {
        value = *text;
      } else if (IsNode(def->arg, PG_QUERY__NODE__NODE_TYPE_NAME)) {
        value = StrJoin(StringList(def->arg->type_name->names, def->arg->type_name->n_names), ".");
      }
    }
    out[name] = value;
  }
  return out;
}

std::vector<std::string> StorageParameterNames(PgQuery__Node* const* options, size_t count) {
  std::vector<std::string> ordered;
  for (size_t i = 0; i < count; ++i) {
    if (!IsNode(options[i], PG_QUERY__NODE__NODE_DEF_ELEM)) continue;
    const PgQuery__DefElem* def = options[i]->def_elem;
    std::string name = def->defname;
    if (def->defnamespace != nullptr && def->defnamespace[0] != '\0') {
      name = StrCat(def->defnamespace, ".", name);
    }
    ordered.push_back(name);
  }
  return ordered;
}

absl::StatusOr<model::IndexElement> TransformIndexElem(const PgQuery__IndexElem& elem,
                                                       const TableScope& scope,
                                                       const std::string& method,
                                                       std::string* name_hint,
                                                       TransformContext& ctx) {
  model::IndexElement out;
  std::string collation = CollationName(elem.collation, elem.n_collation, ctx.catalog());
  if (elem.name != nullptr && elem.name[0] != '\0') {
    out.column = elem.name;
    if (name_hint != nullptr) *name_hint = elem.name;
  } else if (elem.expr != nullptr) {
    if (name_hint != nullptr) {
      *name_hint = elem.indexcolname != nullptr && elem.indexcolname[0] != '\0'
                       ? std::string(elem.indexcolname)
                       : FigureColumnName(*elem.expr);
    }
    // "(column)" and "(column COLLATE x)" are plain column keys (ComputeIndexAttrs in
    // indexcmds.c strips top-level COLLATE and looks for a Var).
    const PgQuery__Node* expr = elem.expr;
    std::string inner_collation;
    while (IsNode(expr, PG_QUERY__NODE__NODE_COLLATE_CLAUSE)) {
      if (inner_collation.empty()) {
        inner_collation =
            CollationName(expr->collate_clause->collname, expr->collate_clause->n_collname, ctx.catalog());
      }
      expr = expr->collate_clause->arg;
    }
    if (IsNode(expr, PG_QUERY__NODE__NODE_COLUMN_REF) && expr->column_ref->n_fields == 1 &&
        IsNode(expr->column_ref->fields[0], PG_QUERY__NODE__NODE_STRING)) {
      out.column = StringOf(expr->column_ref->fields[0]);
      if (collation.empty()) collation = inner_collation;
    } else {
      PGDRIFT_ASSIGN_OR_RETURN(out.expression, Canonical(*elem.expr, scope, nullptr, ctx));
    }
  } else {
    return ctx.Invalid("index element has neither a column nor an expression");
  }
  // pg_get_indexdef prints COLLATE only where it differs from the column's collation.
  if (!out.column.empty() && !collation.empty()) {
    for (const model::Column& column : scope.columns) {
      if (column.name == out.column && column.collation == collation) collation.clear();
    }
  }
  out.collation = collation;
  if (elem.n_opclass > 0) {
    model::QualifiedName opclass = QualifiedNameOf(elem.opclass, elem.n_opclass);
    if (opclass.schema == "pg_catalog") opclass.schema.clear();
    if (opclass.schema.empty()) opclass.schema = internal::ExtensionOpclassSchema(opclass.name, ctx.catalog());
    out.opclass = opclass.schema.empty() ? opclass.name : StrCat(opclass.schema, ".", opclass.name);
    if (opclass.schema.empty() && !out.column.empty()) {
      for (const model::Column& column : scope.columns) {
        if (column.name == out.column && IsDefaultOpclass(opclass.name, method, column.type, ctx.catalog())) {
          out.opclass.clear();
        }
      }
    }
  }
  out.opclass_options = StorageParameters(elem.opclassopts, elem.n_opclassopts);
  out.descending = elem.ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
  if (elem.ordering == PG_QUERY__SORT_BY_DIR__SORTBY_USING) {
    return ctx.Invalid("ASC/DESC is not allowed with USING in an index");
  }
  switch (elem.nulls_ordering) {
    case PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST:
      out.nulls_first = true;
      break;
    case PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST:
      out.nulls_first = false;
      break;
    default:
      // NULLS FIRST is the default for DESC, NULLS LAST otherwise.
      out.nulls_first = out.descending;
      break;
  }
  return out;
}

absl::StatusOr<model::ConstraintDef> TransformTableConstraint(const PgQuery__Constraint& constraint,
                                                             const TableScope& scope,
                                                             TransformContext& ctx) {
  model::ConstraintDef def;
  model::Constraint& out = def.constraint;
  out.name = constraint.conname != nullptr ? constraint.conname : "";
  out.deferrable = constraint.deferrable || constraint.initdeferred;
  out.initially_deferred = constraint.initdeferred;
  out.validated = scope.creating_table || !constraint.skip_validation;
  switch (constraint.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      out.type = model::ConstraintType::kPrimaryKey;
      FillIndexBacked(constraint, &out);
      out.validated = true;
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      out.type = model::ConstraintType::kUnique;
      FillIndexBacked(constraint, &out);
      out.validated = true;
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: {
      out.type = model::ConstraintType::kCheck;
      if (constraint.raw_expr == nullptr) return ctx.Invalid("CHECK constraint has no expression");
      PGDRIFT_ASSIGN_OR_RETURN(out.expression, Canonical(*constraint.raw_expr, scope, nullptr, ctx));
      out.no_inherit = constraint.is_no_inherit;
      def.check_columns = ReferencedColumns(*constraint.raw_expr);
      break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: {
      out.type = model::ConstraintType::kForeignKey;
      out.columns = StringList(constraint.fk_attrs, constraint.n_fk_attrs);
      out.referenced_table = RangeVarName(constraint.pktable);
      out.referenced_columns = StringList(constraint.pk_attrs, constraint.n_pk_attrs);
      def.references_primary_key = out.referenced_columns.empty();
      PGDRIFT_ASSIGN_OR_RETURN(out.on_update, ForeignKeyActionOf(constraint.fk_upd_action, ctx));
      PGDRIFT_ASSIGN_OR_RETURN(out.on_delete, ForeignKeyActionOf(constraint.fk_del_action, ctx));
      PGDRIFT_ASSIGN_OR_RETURN(out.match, ForeignKeyMatchOf(constraint.fk_matchtype, ctx));
      out.on_delete_set_columns = StringList(constraint.fk_del_set_cols, constraint.n_fk_del_set_cols);
      break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: {
      out.type = model::ConstraintType::kExclusion;
      out.exclusion_method = constraint.access_method != nullptr && constraint.access_method[0] != '\0'
                                 ? constraint.access_method
                                 : "btree";
      for (size_t i = 0; i < constraint.n_exclusions; ++i) {
        const PgQuery__Node* pair = constraint.exclusions[i];
        if (!IsNode(pair, PG_QUERY__NODE__NODE_LIST) || pair->list->n_items != 2 ||
            !IsNode(pair->list->items[0], PG_QUERY__NODE__NODE_INDEX_ELEM) ||
            !IsNode(pair->list->items[1], PG_QUERY__NODE__NODE_LIST)) {
          return ctx.Invalid("malformed EXCLUDE element");
        }
        model::ExclusionElement element;
        std::string hint;
        PGDRIFT_ASSIGN_OR_RETURN(element.element,
                                 TransformIndexElem(*pair->list->items[0]->index_elem, scope,
                                                    out.exclusion_method, &hint, ctx));
        const PgQuery__List* op = pair->list->items[1]->list;
        model::QualifiedName op_name = QualifiedNameOf(op);
        if (op_name.schema == "pg_catalog") op_name.schema.clear();
        element.op = op_name.schema.empty() ? op_name.name : StrCat(op_name.schema, ".", op_name.name);
        out.exclusion_elements.push_back(std::move(element));
        def.element_name_hints.push_back(hint);
      }
      out.include = StringList(constraint.including, constraint.n_including);
      out.index_options = StorageParameters(constraint.options, constraint.n_options);
      if (constraint.indexspace != nullptr && constraint.indexspace[0] != '\0') {
        out.index_options["tablespace"] = constraint.indexspace;
      }
      if (constraint.where_clause != nullptr) {
        PGDRIFT_ASSIGN_OR_RETURN(out.exclusion_predicate,
                                 Canonical(*constraint.where_clause, scope, nullptr, ctx));
      }
      out.validated = true;
      break;
    }
    default:
      return ctx.Invalid("unexpected table constraint");
  }
  return def;
}

absl::StatusOr<model::ColumnDef> TransformColumnDef(const PgQuery__ColumnDef& column_def,
                                                    const TableScope& scope, bool typeless_allowed,
                                                    std::vector<model::ConstraintDef>* constraints,
                                                    TransformContext& ctx) {
  model::ColumnDef def;
  model::Column& column = def.column;
  column.name = column_def.colname;
  const std::string table_name = scope.table.name;
  auto about = [&] { return StrCat(" for column \"", column.name, "\" of table \"", table_name, "\""); };

  if (column_def.type_name != nullptr) {
    absl::StatusOr<model::TypeRef> type =
        ResolveTypeName(*column_def.type_name, ctx.catalog(), &def.serial);
    if (!type.ok()) return AtStatement(type.status(), ctx);
    column.type = *type;
  } else if (!typeless_allowed) {
    return ctx.Invalid(StrCat("column \"", column.name, "\" has no type"));
  }
  if (column_def.coll_clause != nullptr) {
    column.collation =
        CollationName(column_def.coll_clause->collname, column_def.coll_clause->n_collname, ctx.catalog());
  }
  if (column_def.compression != nullptr && column_def.compression[0] != '\0' &&
      std::string_view(column_def.compression) != "default") {
    column.compression = column_def.compression;
  }
  if (column_def.storage != nullptr && column_def.storage[0] != '\0') column.storage = column_def.storage;

  // The column itself is visible to its own CHECK constraints before it is in `scope`.
  TableScope own_scope = scope;
  bool present = false;
  for (const model::Column& existing : own_scope.columns) present |= existing.name == column.name;
  if (!present) own_scope.columns.push_back(column);

  bool saw_nullable = false;
  const PgQuery__Node* default_expr = nullptr;
  const PgQuery__Node* generated_expr = nullptr;
  bool saw_identity = false;
  // The constraint that DEFERRABLE / INITIALLY … written after it applies to
  // (transformConstraintAttrs in parse_utilcmd.c).
  model::ConstraintDef* last_deferrable_target = nullptr;
  bool saw_deferrability = false;
  bool saw_initially = false;

  for (size_t i = 0; i < column_def.n_constraints; ++i) {
    if (!IsNode(column_def.constraints[i], PG_QUERY__NODE__NODE_CONSTRAINT)) continue;
    const PgQuery__Constraint& constraint = *column_def.constraints[i]->constraint;
    switch (constraint.contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
        if (saw_nullable && column.not_null) {
          return ctx.Invalid(StrCat("conflicting NULL/NOT NULL declarations", about()));
        }
        column.not_null = false;
        saw_nullable = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        if (saw_nullable && !column.not_null) {
          return ctx.Invalid(StrCat("conflicting NULL/NOT NULL declarations", about()));
        }
        column.not_null = true;
        saw_nullable = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        if (default_expr != nullptr || def.serial != model::SerialKind::kNone) {
          return ctx.Invalid(StrCat("multiple default values specified", about()));
        }
        default_expr = constraint.raw_expr;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY: {
        if (saw_identity) return ctx.Invalid(StrCat("multiple identity specifications", about()));
        saw_identity = true;
        std::string_view when = constraint.generated_when != nullptr ? constraint.generated_when : "";
        column.identity = when == "a" ? model::IdentityKind::kAlways : model::IdentityKind::kByDefault;
        absl::StatusOr<model::SequenceOptions> options =
            SequenceOptionsOf(constraint.options, constraint.n_options, ctx.catalog(), true);
        if (!options.ok()) return AtStatement(options.status(), ctx);
        def.identity_options = *std::move(options);
        // Identity columns are NOT NULL (transformColumnDefinition).
        column.not_null = true;
        saw_nullable = true;
        break;
      }
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
        if (generated_expr != nullptr) {
          return ctx.Invalid(StrCat("multiple generation clauses specified", about()));
        }
        generated_expr = constraint.raw_expr;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: {
        PGDRIFT_ASSIGN_OR_RETURN(model::ConstraintDef constraint_def,
                                 TransformTableConstraint(constraint, own_scope, ctx));
        constraint_def.column = column.name;
        model::Constraint& c = constraint_def.constraint;
        if (c.type == model::ConstraintType::kPrimaryKey || c.type == model::ConstraintType::kUnique) {
          c.columns = {column.name};
        }
        if (c.type == model::ConstraintType::kForeignKey) c.columns = {column.name};
        // A primary key makes its column NOT NULL (transformIndexConstraint).
        if (c.type == model::ConstraintType::kPrimaryKey) column.not_null = true;
        constraints->push_back(std::move(constraint_def));
        // Valid until the next push_back, which resets it.
        last_deferrable_target = c.type == model::ConstraintType::kCheck ? nullptr : &constraints->back();
        saw_deferrability = false;
        saw_initially = false;
        break;
      }
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE: {
        bool deferrable = constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE;
        if (last_deferrable_target == nullptr) {
          return ctx.Invalid(deferrable ? "misplaced DEFERRABLE clause" : "misplaced NOT DEFERRABLE clause");
        }
        if (saw_deferrability) {
          return ctx.Invalid("multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed");
        }
        saw_deferrability = true;
        model::Constraint& c = last_deferrable_target->constraint;
        if (!deferrable && c.initially_deferred) {
          return ctx.Invalid("constraint declared INITIALLY DEFERRED must be DEFERRABLE");
        }
        c.deferrable = deferrable;
        break;
      }
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE: {
        bool deferred = constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED;
        if (last_deferrable_target == nullptr) {
          return ctx.Invalid(deferred ? "misplaced INITIALLY DEFERRED clause"
                                      : "misplaced INITIALLY IMMEDIATE clause");
        }
        if (saw_initially) {
          return ctx.Invalid("multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed");
        }
        saw_initially = true;
        model::Constraint& c = last_deferrable_target->constraint;
        c.initially_deferred = deferred;
        if (deferred) {
          // INITIALLY DEFERRED alone implies DEFERRABLE.
          if (!saw_deferrability) {
            c.deferrable = true;
          } else if (!c.deferrable) {
            return ctx.Invalid("constraint declared INITIALLY DEFERRED must be DEFERRABLE");
          }
        }
        break;
      }
      default:
        return ctx.Invalid("unexpected column constraint");
    }
  }
  if (def.serial != model::SerialKind::kNone && saw_identity) {
    return ctx.Invalid(StrCat("both default and identity specified", about()));
  }
  if (def.serial != model::SerialKind::kNone && generated_expr != nullptr) {
    return ctx.Invalid(StrCat("both default and generation expression specified", about()));
  }
  if (default_expr != nullptr && saw_identity) {
    return ctx.Invalid(StrCat("both default and identity specified", about()));
  }
  if (default_expr != nullptr && generated_expr != nullptr) {
    return ctx.Invalid(StrCat("both default and generation expression specified", about()));
  }
  if (saw_identity && generated_expr != nullptr) {
    return ctx.Invalid(StrCat("both identity and generation expression specified", about()));
  }
  if (saw_identity && !column.type.is_user_defined() && !column.type.array &&
      column.type.name != "smallint" && column.type.name != "integer" && column.type.name != "bigint") {
    return ctx.Invalid(StrCat("identity column type must be smallint, integer, or bigint"));
  }
  // A column declared without a type (PARTITION OF, OF type) has its parent's type.
  const model::TypeRef* target = &column.type;
  if (column_def.type_name == nullptr) {
    for (const model::Column& inherited : scope.columns) {
      if (inherited.name == column.name) target = &inherited.type;
    }
  }
  if (default_expr != nullptr) PGDRIFT_RETURN_IF_ERROR(CheckDefaultExpression(*default_expr, ctx));
  if (default_expr != nullptr && !IsDiscardedNullDefault(*default_expr, *target, ctx.catalog())) {
    PGDRIFT_ASSIGN_OR_RETURN(std::string text, Canonical(*default_expr, own_scope, target, ctx));
    column.default_expr = std::move(text);
  }
  if (generated_expr != nullptr) {
    PGDRIFT_ASSIGN_OR_RETURN(std::string text, Canonical(*generated_expr, own_scope, target, ctx));
    column.generated_expr = std::move(text);
  }
  return def;
}

}  // namespace pgdrift::parser
