// CREATE TYPE … AS ENUM / AS (…) / AS RANGE (CreateEnumStmt, CompositeTypeStmt,
// CreateRangeStmt) → model::CreateType, and ALTER TYPE … ADD VALUE / RENAME VALUE
// (AlterEnumStmt) → model::AlterType.
//
// Handled: enum labels (at most 63 bytes, no duplicates), composite attributes with
// COLLATE, range parameters (subtype, subtype_opclass, collation, canonical,
// subtype_diff, multirange_type_name — when not written, the model gives the name
// PostgreSQL chooses). ALTER TYPE … ADD / DROP / ALTER / RENAME ATTRIBUTE arrive elsewhere
// (AlterTableStmt, RenameStmt); base types (CREATE TYPE … (INPUT = …), a DefineStmt) and
// shell types are not modelled.
#include <set>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/ddl_util.h"
#include "parser/node_util.h"
#include "parser/transform.h"
#include "parser/type_name.h"

namespace pgdrift::parser {
namespace {

constexpr size_t kMaxNameBytes = 63;  // NAMEDATALEN - 1

// EnumValuesCreate / AddEnumLabel (pg_enum.c) refuse labels longer than NAMEDATALEN - 1.
absl::Status CheckEnumLabel(std::string_view label) {
  if (label.size() > kMaxNameBytes) {
    return absl::InvalidArgumentError(
        StrCat("invalid enum label \"", label, "\": labels must be 63 bytes or less"));
  }
  return absl::OkStatus();
}

// A function or operator class name as written in a range parameter: a TypeName or a
// name list (def_arg in gram.y), kept qualified when written qualified.
std::string ParameterName(const PgQuery__Node* arg) {
  if (arg == nullptr) return "";
  model::QualifiedName name;
  if (arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
    name = QualifiedNameOf(arg->type_name->names, arg->type_name->n_names);
  } else if (arg->node_case == PG_QUERY__NODE__NODE_LIST) {
    name = QualifiedNameOf(arg->list);
  } else {
    name.name = StringOf(arg);
  }
  return name.schema.empty() ? name.name : name.ToString();
}

}  // namespace

absl::Status TransformCreateEnumStmt(const PgQuery__CreateEnumStmt& stmt, TransformContext& ctx) {
  model::CreateType create;
  create.type.name = QualifiedNameOf(stmt.type_name, stmt.n_type_name);
  create.type.kind = model::UserTypeKind::kEnum;
  std::set<std::string> seen;
  for (const std::string& label : StringList(stmt.vals, stmt.n_vals)) {
    PGDRIFT_RETURN_IF_ERROR(CheckEnumLabel(label));
    if (!seen.insert(label).second) {
      // The unique index on pg_enum (enumtypid, enumlabel) refuses the second one.
      return ctx.Invalid(
          "duplicate key value violates unique constraint \"pg_enum_typid_label_index\"");
    }
    create.type.enum_values.push_back(label);
  }
  ctx.Emit(std::move(create));
  return absl::OkStatus();
}

absl::Status TransformCompositeTypeStmt(const PgQuery__CompositeTypeStmt& stmt,
                                        TransformContext& ctx) {
  model::CreateType create;
  create.type.name = RangeVarName(stmt.typevar);
  create.type.kind = model::UserTypeKind::kComposite;
  std::set<std::string> seen;
  for (size_t i = 0; i < stmt.n_coldeflist; ++i) {
    if (stmt.coldeflist[i]->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) continue;
    const PgQuery__ColumnDef& column_def = *stmt.coldeflist[i]->column_def;
    model::CompositeAttribute attribute;
    attribute.name = column_def.colname;
    if (!seen.insert(attribute.name).second) {
      // MergeAttributes (tablecmds.c).
      return ctx.Invalid(StrCat("column \"", attribute.name, "\" specified more than once"));
    }
    if (column_def.type_name == nullptr) return ctx.Invalid("attribute type is missing");
    PGDRIFT_ASSIGN_OR_RETURN(attribute.type, ResolveTypeName(*column_def.type_name, ctx.catalog()));
    if (column_def.coll_clause != nullptr) {
      attribute.collation =
          CanonicalCollation(column_def.coll_clause->collname, column_def.coll_clause->n_collname);
    }
    create.type.attributes.push_back(std::move(attribute));
  }
  ctx.Emit(std::move(create));
  return absl::OkStatus();
}

absl::Status TransformCreateRangeStmt(const PgQuery__CreateRangeStmt& stmt, TransformContext& ctx) {
  model::CreateType create;
  model::UserType& type = create.type;
  type.name = QualifiedNameOf(stmt.type_name, stmt.n_type_name);
  type.kind = model::UserTypeKind::kRange;
  bool has_subtype = false;
  std::vector<std::string> seen;
  // DefineRange (typecmds.c): parameter names are case-insensitive.
  for (const DefElemValue& param : DefElems(stmt.params, stmt.n_params)) {
    std::string name = AsciiLower(param.name);
    PGDRIFT_RETURN_IF_ERROR(internal::CheckNotRepeated(name, &seen));
    if (name == "subtype") {
      if (param.arg == nullptr || param.arg->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) {
        return ctx.Invalid("subtype requires a type name");
      }
      PGDRIFT_ASSIGN_OR_RETURN(type.range_subtype,
                               ResolveTypeName(*param.arg->type_name, ctx.catalog()));
      has_subtype = true;
    } else if (name == "subtype_opclass") {
      type.range_subtype_opclass = ParameterName(param.arg);
    } else if (name == "collation") {
      if (param.arg != nullptr && param.arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
        type.range_collation =
            CanonicalCollation(param.arg->type_name->names, param.arg->type_name->n_names);
      } else if (param.arg != nullptr && param.arg->node_case == PG_QUERY__NODE__NODE_LIST) {
        type.range_collation = CanonicalCollation(param.arg->list->items, param.arg->list->n_items);
      }
    } else if (name == "canonical") {
      type.range_canonical = ParameterName(param.arg);
    } else if (name == "subtype_diff") {
      type.range_subtype_diff = ParameterName(param.arg);
    } else if (name == "multirange_type_name") {
      model::QualifiedName multirange;
      if (param.arg != nullptr && param.arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
        multirange = QualifiedNameOf(param.arg->type_name->names, param.arg->type_name->n_names);
      } else if (param.arg != nullptr && param.arg->node_case == PG_QUERY__NODE__NODE_LIST) {
        multirange = QualifiedNameOf(param.arg->list);
      } else {
        multirange.name = param.value;
      }
      // DefineRange (typecmds.c) creates the multirange in the schema written here. The
      // model keeps a range's multirange in the range's own schema.
      std::string range_schema =
          type.name.schema.empty() ? ctx.catalog().CreationSchema() : type.name.schema;
      if (!multirange.schema.empty() && multirange.schema != range_schema) {
        return ctx.NotModelled("a multirange type in another schema than its range type");
      }
      type.multirange_name = multirange.name;
    } else {
      return ctx.Invalid(StrCat("type attribute \"", param.name, "\" not recognized"));
    }
  }
  if (!has_subtype) return ctx.Invalid("type attribute \"subtype\" is required");
  ctx.Emit(std::move(create));
  return absl::OkStatus();
}

absl::Status TransformAlterEnumStmt(const PgQuery__AlterEnumStmt& stmt, TransformContext& ctx) {
  model::AlterType alter;
  alter.type = QualifiedNameOf(stmt.type_name, stmt.n_type_name);
  std::string old_value = stmt.old_val;
  if (!old_value.empty()) {
    // ALTER TYPE … RENAME VALUE 'old' TO 'new' (gram.y puts it in AlterEnumStmt).
    PGDRIFT_RETURN_IF_ERROR(CheckEnumLabel(stmt.new_val));
    alter.commands.push_back(model::alter_type::RenameValue{old_value, stmt.new_val});
  } else {
    PGDRIFT_RETURN_IF_ERROR(CheckEnumLabel(stmt.new_val));
    model::alter_type::AddValue add;
    add.value = stmt.new_val;
    add.neighbor = stmt.new_val_neighbor;
    add.before = !add.neighbor.empty() && !stmt.new_val_is_after;
    add.if_not_exists = stmt.skip_if_new_val_exists;
    alter.commands.push_back(std::move(add));
  }
  ctx.Emit(std::move(alter));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
