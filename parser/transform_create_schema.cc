// CREATE SCHEMA (CreateSchemaStmt) → model::CreateSchema, followed by the mutations of
// its schema elements.
//
// Handled: IF NOT EXISTS, AUTHORIZATION role (the schema is named after the role when no
// name is given), and schema elements (CREATE TABLE, SEQUENCE, INDEX, VIEW, TRIGGER,
// GRANT). As transformCreateSchemaStmt (parse_utilcmd.c) does, an element's unqualified
// name is put in the new schema and a different schema is an error; as
// CreateSchemaCommand (schemacmds.c) does, the elements run with the new schema pushed in
// front of search_path, so the names they refer to resolve there first. Elements pgdrift
// does not model (views, triggers, grants) are reported as warnings; the rest of the
// statement still applies.
#include <optional>

#include "base/overloaded.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "model/apply.h"
#include "parser/internal/ddl_util.h"
#include "parser/node_util.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

// The RangeVar an element creates (or, for CREATE INDEX and CREATE TRIGGER, the one it
// is on), whose schema the element must have.
PgQuery__RangeVar* ElementRelation(PgQuery__Node& element) {
  switch (element.node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      return element.create_stmt->relation;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      return element.create_seq_stmt->sequence;
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return element.index_stmt->relation;
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      return element.view_stmt->view;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      return element.create_trig_stmt->relation;
    default:
      return nullptr;
  }
}

// Resolves an unqualified relation name of a mutation in `scratch`, where the schema
// being created leads search_path, so that applying it later to the real catalog (with
// the statement's own search_path) finds the same relation.
void Qualify(const model::Catalog& scratch, model::QualifiedName* name) {
  if (!name->schema.empty() || name->name.empty()) return;
  if (std::optional<model::QualifiedName> found = scratch.ResolveRelation(*name)) *name = *found;
}

void QualifyType(const model::Catalog& scratch, model::QualifiedName* name) {
  if (!name->schema.empty() || name->name.empty()) return;
  if (std::optional<model::QualifiedName> found = scratch.ResolveType(*name)) *name = *found;
}

// Qualifies the names an element's mutation refers to (not the ones it creates, which
// already carry the schema).
void QualifyReferences(const model::Catalog& scratch, model::MutationBody& body) {
  std::visit(Overloaded{
                 [&](model::CreateTable& create) {
                   for (model::ConstraintDef& def : create.constraints) {
                     if (def.constraint.type == model::ConstraintType::kForeignKey) {
                       Qualify(scratch, &def.constraint.referenced_table);
                     }
                   }
                   for (model::QualifiedName& parent : create.table.inherits) {
                     Qualify(scratch, &parent);
                   }
                   if (create.table.partition_of) Qualify(scratch, &*create.table.partition_of);
                   if (create.of_type) QualifyType(scratch, &*create.of_type);
                 },
                 [&](model::CreateSequence& create) {
                   if (create.options.owned_by && *create.options.owned_by) {
                     Qualify(scratch, &(*create.options.owned_by)->table);
                   }
                 },
                 [&](auto&) {},
             },
             body);
}

}  // namespace

absl::Status TransformCreateSchemaStmt(const PgQuery__CreateSchemaStmt& stmt,
                                       TransformContext& ctx) {
  model::CreateSchema create;
  create.if_not_exists = stmt.if_not_exists;
  if (stmt.authrole != nullptr) {
    PGDRIFT_ASSIGN_OR_RETURN(create.owner, internal::RoleName(stmt.authrole, ctx.catalog()));
  }
  create.name = stmt.schemaname;
  if (create.name.empty()) create.name = create.owner;  // CREATE SCHEMA AUTHORIZATION role
  if (create.name.empty()) return ctx.Invalid("schema name is missing");
  if (stmt.n_schema_elts == 0) {
    ctx.Emit(std::move(create));
    return absl::OkStatus();
  }

  // Transform each element against a scratch catalog that already holds the schema and
  // the earlier elements, with the new schema in front of search_path.
  const std::string schema = create.name;
  model::Catalog scratch = ctx.catalog();
  model::Mutation schema_mutation{ctx.span(), FirstLine(ctx.text()), create};
  PGDRIFT_RETURN_IF_ERROR(model::Apply(schema_mutation, &scratch, nullptr));
  scratch.search_path.insert(scratch.search_path.begin(), schema);
  ctx.Emit(std::move(create));

  for (size_t i = 0; i < stmt.n_schema_elts; ++i) {
    internal::NodeCopy element(*stmt.schema_elts[i]);
    if (element.node() == nullptr) return absl::InternalError("cannot copy a schema element");
    if (PgQuery__RangeVar* relation = ElementRelation(*element.node())) {
      std::string written = relation->schemaname;
      if (written.empty()) {
        element.edits().Set(&relation->schemaname, schema);
      } else if (written != schema) {
        return ctx.Invalid(StrCat("CREATE specifies a schema (", written,
                                  ") different from the one being created (", schema, ")"));
      }
    }
    DiagnosticSink element_sink;
    TransformContext element_ctx(scratch, ctx.span(), ctx.text(), &element_sink);
    absl::Status status = TransformStatement(*element.node(), element_ctx);
    for (const Diagnostic& diagnostic : element_sink.diagnostics()) ctx.Warn(diagnostic.message);
    if (status.code() == absl::StatusCode::kUnimplemented) {
      ctx.Warn(std::string(status.message()));
      continue;
    }
    PGDRIFT_RETURN_IF_ERROR(status);
    for (model::Mutation& mutation : element_ctx.TakeMutations()) {
      // CREATE SCHEMA is one statement: an element that cannot apply fails all of it.
      PGDRIFT_RETURN_IF_ERROR(model::Apply(mutation, &scratch, nullptr));
      QualifyReferences(scratch, mutation.body);
      ctx.Emit(std::move(mutation.body));
    }
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
