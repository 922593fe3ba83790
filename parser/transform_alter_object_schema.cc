// ALTER … SET SCHEMA (AlterObjectSchemaStmt) → model::SetSchema.
//
// Handled: ALTER TABLE / SEQUENCE / TYPE / DOMAIN / EXTENSION … SET SCHEMA, with IF
// EXISTS. A table takes its indexes, constraints and owned sequences along
// (AlterTableNamespaceInternal in tablecmds.c), so the rewrites cover defaults calling
// nextval on those sequences; a sequence or type move rewrites the expressions naming
// it (parser/expression_rewrite.h). Views, functions and the other unmodelled kinds are
// reported as not modelled.
#include <optional>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/expression_rewrite.h"
#include "parser/internal/ddl_util.h"
#include "parser/internal/routine_signature.h"
#include "parser/node_util.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

model::QualifiedName ObjectName(const PgQuery__Node* object) {
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

// The name changes a relation move makes: the relation, and for a table the sequences
// its columns own.
std::vector<NameChange> RelationMoves(const model::QualifiedName& relation,
                                      const std::string& new_schema,
                                      const model::Catalog& catalog) {
  std::vector<NameChange> changes;
  changes.push_back({NameChange::Kind::kRelation, relation, "", {new_schema, relation.name}});
  if (!catalog.tables.contains(relation)) return changes;
  for (const auto& [name, sequence] : catalog.sequences) {
    if (sequence.owned_by && sequence.owned_by->table == relation && name.schema != new_schema) {
      changes.push_back({NameChange::Kind::kRelation, name, "", {new_schema, name.name}});
    }
  }
  return changes;
}

}  // namespace

absl::Status TransformAlterObjectSchemaStmt(const PgQuery__AlterObjectSchemaStmt& stmt,
                                            TransformContext& ctx) {
  model::SetSchema set_schema;
  set_schema.new_schema = stmt.newschema;
  set_schema.if_exists = stmt.missing_ok;
  std::vector<NameChange> changes;
  switch (stmt.object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
      set_schema.object = RangeVarName(stmt.relation);
      std::optional<model::QualifiedName> resolved =
          ctx.catalog().ResolveRelation(set_schema.object);
      std::optional<model::ObjectKind> actual =
          resolved ? ctx.catalog().RelationKindOf(*resolved) : std::nullopt;
      bool is_sequence_statement = stmt.object_type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE;
      if (is_sequence_statement && actual && *actual != model::ObjectKind::kSequence) {
        return ctx.Invalid(StrCat("\"", set_schema.object.name, "\" is not a sequence"));
      }
      // ALTER TABLE … SET SCHEMA also moves sequences (AlterTableNamespace).
      set_schema.kind = actual.value_or(is_sequence_statement ? model::ObjectKind::kSequence
                                                              : model::ObjectKind::kTable);
      if (resolved) changes = RelationMoves(*resolved, set_schema.new_schema, ctx.catalog());
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
      set_schema.object = ObjectName(stmt.object);
      set_schema.kind = stmt.object_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN
                            ? model::ObjectKind::kDomain
                            : internal::TypeOrDomainKind(set_schema.object, ctx.catalog());
      if (std::optional<model::QualifiedName> resolved =
              ctx.catalog().ResolveType(set_schema.object)) {
        changes.push_back(
            {NameChange::Kind::kType, *resolved, "", {set_schema.new_schema, resolved->name}});
      }
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
      internal::IsRoutineObjectType(stmt.object_type, &set_schema.kind);
      PGDRIFT_ASSIGN_OR_RETURN(model::RoutineSignature signature,
                               internal::RoutineSignatureOfNode(stmt.object, ctx.catalog()));
      set_schema.object = signature.name;
      set_schema.routine_args = signature.args;
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
      set_schema.kind = model::ObjectKind::kExtension;
      set_schema.object = ObjectName(stmt.object);
      break;
    default:
      return ctx.NotModelled(
          StrCat("ALTER ", internal::ObjectTypeSql(stmt.object_type), " … SET SCHEMA"));
  }
  if (!changes.empty()) {
    model::Mutation mutation{ctx.span(), FirstLine(ctx.text()), set_schema};
    ExpressionRewrites rewrites = ComputeExpressionRewrites(ctx.catalog(), mutation, changes);
    for (const std::string& failure : rewrites.failures) ctx.Warn(failure);
    set_schema.expression_rewrites = std::move(rewrites.rewrites);
  }
  ctx.Emit(std::move(set_schema));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
