// ALTER … OWNER TO (AlterOwnerStmt) → model::SetObjectOwner.
//
// Handled: ALTER SCHEMA / TYPE / DOMAIN … OWNER TO role, CURRENT_USER, CURRENT_ROLE or
// SESSION_USER. Tables, sequences, views and indexes change owner through ALTER TABLE
// (AlterTableStmt, AT_ChangeOwner), not here. Functions, publications, event triggers
// and the other unmodelled kinds are reported as not modelled.
#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/ddl_util.h"
#include "parser/internal/routine_signature.h"
#include "parser/node_util.h"
#include "parser/transform.h"

namespace pgdrift::parser {

absl::Status TransformAlterOwnerStmt(const PgQuery__AlterOwnerStmt& stmt, TransformContext& ctx) {
  model::SetObjectOwner set_owner;
  const PgQuery__Node* object = stmt.object;
  switch (stmt.object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      set_owner.kind = model::ObjectKind::kSchema;
      set_owner.object = {"", StringOf(object)};
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      if (object != nullptr && object->node_case == PG_QUERY__NODE__NODE_LIST) {
        set_owner.object = QualifiedNameOf(object->list);
      } else if (object != nullptr && object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
        set_owner.object = QualifiedNameOf(object->type_name->names, object->type_name->n_names);
      }
      // ALTER TYPE also accepts a domain (AlterTypeOwner checks only for ALTER DOMAIN).
      set_owner.kind = stmt.object_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN
                           ? model::ObjectKind::kDomain
                           : internal::TypeOrDomainKind(set_owner.object, ctx.catalog());
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
      internal::IsRoutineObjectType(stmt.object_type, &set_owner.kind);
      PGDRIFT_ASSIGN_OR_RETURN(model::RoutineSignature signature,
                               internal::RoutineSignatureOfNode(object, ctx.catalog()));
      set_owner.object = signature.name;
      set_owner.routine_args = signature.args;
      break;
    }
    default:
      return ctx.NotModelled(
          StrCat("ALTER ", internal::ObjectTypeSql(stmt.object_type), " … OWNER TO"));
  }
  if (set_owner.object.name.empty()) return ctx.Invalid("object name is missing");
  PGDRIFT_ASSIGN_OR_RETURN(set_owner.role, internal::RoleName(stmt.newowner, ctx.catalog()));
  ctx.Emit(std::move(set_owner));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
