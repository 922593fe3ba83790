// DROP TABLE / SEQUENCE / INDEX / TYPE / DOMAIN / SCHEMA / EXTENSION (DropStmt) →
// model::DropObjects.
//
// Handled: several names, IF EXISTS, CASCADE / RESTRICT, DROP INDEX CONCURRENTLY (with
// the restrictions RemoveRelations in tablecmds.c puts on it). DROP of the kinds pgdrift
// does not model yet (VIEW, MATERIALIZED VIEW, FUNCTION, TRIGGER, POLICY, RULE …) is
// reported as not modelled. DROP ROLE and DROP OWNED are other statements.
#include <algorithm>
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/ddl_util.h"
#include "parser/internal/routine_signature.h"
#include "parser/node_util.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

// The name of one DROP object: a name list for relations, a TypeName for types and
// domains, a String for schemas and extensions (drop_type_name_on_any_name in gram.y).
model::QualifiedName DropObjectName(const PgQuery__Node* object) {
  if (object == nullptr) return {};
  switch (object->node_case) {
    case PG_QUERY__NODE__NODE_LIST:
      return QualifiedNameOf(object->list);
    case PG_QUERY__NODE__NODE_TYPE_NAME:
      return QualifiedNameOf(object->type_name->names, object->type_name->n_names);
    case PG_QUERY__NODE__NODE_STRING:
      return {"", object->string->sval};
    default:
      return {};
  }
}

// DROP POLICY (and the other objects named "name ON table"): each object is a name
// list ending with the relation's name and the object's name
// (get_object_address_relobject in objectaddress.c).
absl::Status DropRelationChildren(const PgQuery__DropStmt& stmt, model::ObjectKind kind,
                                  TransformContext& ctx) {
  for (size_t i = 0; i < stmt.n_objects; ++i) {
    const PgQuery__Node* object = stmt.objects[i];
    if (object == nullptr || object->node_case != PG_QUERY__NODE__NODE_LIST ||
        object->list->n_items < 2) {
      return ctx.Invalid("object name is missing");
    }
    const PgQuery__List& names = *object->list;
    model::DropRelationChild drop;
    drop.kind = kind;
    drop.relation = QualifiedNameOf(names.items, names.n_items - 1);
    drop.name = StringOf(names.items[names.n_items - 1]);
    drop.if_exists = stmt.missing_ok;
    drop.cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    ctx.Emit(std::move(drop));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status TransformDropStmt(const PgQuery__DropStmt& stmt, TransformContext& ctx) {
  if (stmt.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY) {
    return DropRelationChildren(stmt, model::ObjectKind::kPolicy, ctx);
  }
  if (stmt.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER) {
    return DropRelationChildren(stmt, model::ObjectKind::kTrigger, ctx);
  }
  if (model::ObjectKind routine_kind;
      internal::IsRoutineObjectType(stmt.remove_type, &routine_kind)) {
    model::DropRoutines drop;
    drop.kind = routine_kind;
    drop.if_exists = stmt.missing_ok;
    drop.cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    for (size_t i = 0; i < stmt.n_objects; ++i) {
      PGDRIFT_ASSIGN_OR_RETURN(model::RoutineSignature signature,
                               internal::RoutineSignatureOfNode(stmt.objects[i], ctx.catalog()));
      drop.routines.push_back(std::move(signature));
    }
    ctx.Emit(std::move(drop));
    return absl::OkStatus();
  }
  std::optional<model::ObjectKind> kind = internal::ModelledKind(stmt.remove_type);
  if (!kind) return ctx.NotModelled(StrCat("DROP ", internal::ObjectTypeSql(stmt.remove_type)));
  bool cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  if (stmt.concurrent) {
    // RemoveRelations (tablecmds.c).
    if (stmt.n_objects != 1) {
      return ctx.Invalid("DROP INDEX CONCURRENTLY does not support dropping multiple objects");
    }
    if (cascade) return ctx.Invalid("DROP INDEX CONCURRENTLY does not support CASCADE");
  }
  model::DropObjects drop;
  drop.kind = *kind;
  drop.if_exists = stmt.missing_ok;
  drop.cascade = cascade;
  std::vector<model::ObjectKind> kinds;
  for (size_t i = 0; i < stmt.n_objects; ++i) {
    model::QualifiedName name = DropObjectName(stmt.objects[i]);
    if (name.name.empty()) return ctx.Invalid("object name is missing");
    // DROP TYPE also drops domains (get_object_address_type checks the kind only for
    // DROP DOMAIN).
    kinds.push_back(*kind == model::ObjectKind::kType
                        ? internal::TypeOrDomainKind(name, ctx.catalog())
                        : *kind);
    drop.names.push_back(std::move(name));
  }
  bool one_kind = std::all_of(kinds.begin(), kinds.end(),
                              [&](model::ObjectKind k) { return k == kinds.front(); });
  if (one_kind) {
    if (!kinds.empty()) drop.kind = kinds.front();
    ctx.Emit(std::move(drop));
    return absl::OkStatus();
  }
  // DROP TYPE naming both types and domains: one drop per name, in the written order.
  for (size_t i = 0; i < drop.names.size(); ++i) {
    model::DropObjects single = drop;
    single.kind = kinds[i];
    single.names = {drop.names[i]};
    ctx.Emit(std::move(single));
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
