// COMMENT ON (CommentStmt) → model::Comment.
//
// Handled: COMMENT ON TABLE, COLUMN, CONSTRAINT … ON table, INDEX, SEQUENCE, TYPE,
// DOMAIN, SCHEMA, EXTENSION, with IS 'text' or IS NULL (an empty string removes the
// comment too, as CreateComments in comment.c does). Comments on domain constraints,
// views, functions, triggers, policies and other unmodelled kinds are reported as not
// modelled.
#include <optional>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/ddl_util.h"
#include "parser/internal/routine_signature.h"
#include "parser/node_util.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

// The names of a name-list object (COMMENT ON TABLE a.b, COLUMN a.b.c).
std::vector<std::string> ListNames(const PgQuery__Node* object) {
  if (object == nullptr || object->node_case != PG_QUERY__NODE__NODE_LIST) return {};
  return StringList(object->list->items, object->list->n_items);
}

model::QualifiedName Qualified(const std::vector<std::string>& names) {
  if (names.empty()) return {};
  if (names.size() == 1) return {"", names[0]};
  return {names[names.size() - 2], names.back()};
}

}  // namespace

absl::Status TransformCommentStmt(const PgQuery__CommentStmt& stmt, TransformContext& ctx) {
  model::Comment comment;
  std::string text = stmt.comment;
  if (!text.empty()) comment.text = text;
  const PgQuery__Node* object = stmt.object;
  switch (stmt.objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      comment.kind = *internal::ModelledKind(stmt.objtype);
      comment.object = Qualified(ListNames(object));
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
      // [schema.]table.column, [schema.]table.constraint
      std::vector<std::string> names = ListNames(object);
      if (names.size() < 2) {
        // get_object_address_attribute (objectaddress.c).
        return ctx.Invalid("column name must be qualified");
      }
      comment.kind = stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN
                         ? model::ObjectKind::kColumn
                         : model::ObjectKind::kConstraint;
      comment.sub_name = names.back();
      names.pop_back();
      comment.object = Qualified(names);
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      if (object != nullptr && object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
        comment.object = QualifiedNameOf(object->type_name->names, object->type_name->n_names);
      } else {
        comment.object = Qualified(ListNames(object));
      }
      // COMMENT ON TYPE also names domains (get_object_address_type).
      comment.kind = stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN
                         ? model::ObjectKind::kDomain
                         : internal::TypeOrDomainKind(comment.object, ctx.catalog());
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: {
      // [schema.]table.trigger (get_object_address_relobject).
      std::vector<std::string> names = ListNames(object);
      if (names.size() < 2) return ctx.Invalid("object name is missing");
      comment.kind = model::ObjectKind::kTrigger;
      comment.sub_name = names.back();
      names.pop_back();
      comment.object = Qualified(names);
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: {
      // [schema.]table.policy (get_object_address_relobject).
      std::vector<std::string> names = ListNames(object);
      if (names.size() < 2) return ctx.Invalid("object name is missing");
      comment.kind = model::ObjectKind::kPolicy;
      comment.sub_name = names.back();
      names.pop_back();
      comment.object = Qualified(names);
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
      comment.kind = *internal::ModelledKind(stmt.objtype);
      comment.object = {"", StringOf(object)};
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
      internal::IsRoutineObjectType(stmt.objtype, &comment.kind);
      PGDRIFT_ASSIGN_OR_RETURN(model::RoutineSignature signature,
                               internal::RoutineSignatureOfNode(object, ctx.catalog()));
      comment.object = signature.name;
      comment.routine_args = signature.args;
      break;
    }
    default:
      return ctx.NotModelled(StrCat("COMMENT ON ", internal::ObjectTypeSql(stmt.objtype)));
  }
  if (comment.object.name.empty()) return ctx.Invalid("object name is missing");
  ctx.Emit(std::move(comment));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
