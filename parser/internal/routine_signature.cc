#include "parser/internal/routine_signature.h"

#include <string>
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/node_util.h"
#include "parser/type_name.h"

namespace pgdrift::parser::internal {

namespace {

// PostgreSQL keeps no type modifier for arguments and results (pg_proc stores type OIDs
// only; format_type(oid, NULL) prints them): varchar(10) → character varying,
// timestamp(3) with time zone → timestamp with time zone.
model::TypeRef WithoutModifier(model::TypeRef type) {
  type.typmod.clear();
  if (type.is_user_defined()) return type;
  size_t open = type.name.find('(');
  if (open == std::string::npos) return type;
  size_t close = type.name.find(')', open);
  if (close == std::string::npos) return type;
  std::string name = type.name.substr(0, open) + type.name.substr(close + 1);
  type.name = std::string(Trim(name));
  return type;
}

}  // namespace

absl::StatusOr<model::TypeRef> ResolveRoutineType(const PgQuery__TypeName& type_name,
                                                  const model::Catalog& catalog,
                                                  std::string* note) {
  if (!type_name.pct_type) {
    absl::StatusOr<model::TypeRef> type = ResolveTypeName(type_name, catalog);
    if (type.ok()) return WithoutModifier(*std::move(type));
    // A table's row type (pg_type.typrelid): SETOF orders, f(o orders).
    if (type.status().code() == absl::StatusCode::kNotFound) {
      std::optional<model::QualifiedName> relation =
          catalog.ResolveRelation(QualifiedNameOf(type_name.names, type_name.n_names));
      if (relation.has_value() && catalog.FindTable(*relation) != nullptr) {
        model::TypeRef row_type{relation->schema, relation->name};
        row_type.array = type_name.n_array_bounds > 0;
        return row_type;
      }
    }
    return type.status();
  }
  // parse_type.c LookupTypeNameExtended: the last name is the column, the rest the
  // relation.
  std::vector<std::string> names = StringList(type_name.names, type_name.n_names);
  if (names.size() < 2) {
    return absl::InvalidArgumentError(StrCat("improper %TYPE reference (too few dotted names): ",
                                             StrJoin(names, ".")));
  }
  model::QualifiedName relation{names.size() >= 3 ? names[names.size() - 3] : "",
                                names[names.size() - 2]};
  const std::string& column_name = names.back();
  std::optional<model::QualifiedName> resolved = catalog.ResolveRelation(relation);
  const model::Table* table = resolved ? catalog.FindTable(*resolved) : nullptr;
  if (table == nullptr) {
    return absl::NotFoundError(StrCat("relation \"", relation.schema.empty() ? relation.name
                                                                             : relation.ToString(),
                                      "\" does not exist"));
  }
  for (const model::Column& column : table->columns) {
    if (column.name != column_name) continue;
    model::TypeRef type = WithoutModifier(column.type);
    if (type_name.n_array_bounds > 0) type.array = true;
    if (note != nullptr) {
      *note = StrCat("type reference ", StrJoin(names, "."), "%TYPE converted to ",
                     type.ToString());
    }
    return type;
  }
  return absl::NotFoundError(StrCat("column \"", column_name, "\" of relation \"", relation.name,
                                    "\" does not exist"));
}

absl::StatusOr<model::RoutineSignature> RoutineSignatureOf(const PgQuery__ObjectWithArgs& object,
                                                           const model::Catalog& catalog) {
  model::RoutineSignature signature;
  signature.name = QualifiedNameOf(object.objname, object.n_objname);
  if (object.args_unspecified) return signature;
  std::vector<std::string> types;
  if (object.n_objfuncargs > 0) {
    for (size_t i = 0; i < object.n_objfuncargs; ++i) {
      const PgQuery__Node* node = object.objfuncargs[i];
      if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) continue;
      const PgQuery__FunctionParameter& parameter = *node->function_parameter;
      if (parameter.mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT ||
          parameter.mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE ||
          parameter.arg_type == nullptr) {
        continue;
      }
      PGDRIFT_ASSIGN_OR_RETURN(model::TypeRef type,
                               ResolveRoutineType(*parameter.arg_type, catalog));
      types.push_back(type.ToString());
    }
  } else {
    for (size_t i = 0; i < object.n_objargs; ++i) {
      const PgQuery__Node* node = object.objargs[i];
      if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) continue;
      PGDRIFT_ASSIGN_OR_RETURN(model::TypeRef type, ResolveRoutineType(*node->type_name, catalog));
      types.push_back(type.ToString());
    }
  }
  signature.args = StrJoin(types, ", ");
  return signature;
}

bool IsRoutineObjectType(PgQuery__ObjectType object_type, model::ObjectKind* kind) {
  switch (object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
      *kind = model::ObjectKind::kFunction;
      return true;
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
      *kind = model::ObjectKind::kProcedure;
      return true;
    default:
      return false;
  }
}

absl::StatusOr<model::RoutineSignature> RoutineSignatureOfNode(const PgQuery__Node* object,
                                                               const model::Catalog& catalog) {
  if (object == nullptr || object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
    return absl::InvalidArgumentError("function name is missing");
  }
  return RoutineSignatureOf(*object->object_with_args, catalog);
}

}  // namespace pgdrift::parser::internal
