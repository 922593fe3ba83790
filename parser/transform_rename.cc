// ALTER … RENAME (RenameStmt) → model::Rename, or model::AlterType for ALTER TYPE …
// RENAME ATTRIBUTE.
//
// Handled: ALTER TABLE / SEQUENCE / INDEX … RENAME TO, ALTER TABLE … RENAME [COLUMN],
// ALTER TABLE … RENAME CONSTRAINT, ALTER TYPE / DOMAIN … RENAME TO, ALTER DOMAIN …
// RENAME CONSTRAINT, ALTER SCHEMA … RENAME TO, ALTER TYPE … RENAME ATTRIBUTE, with IF
// EXISTS. Each Rename carries the new text of every canonical expression that mentions
// the renamed object (parser/expression_rewrite.h). ALTER TYPE … RENAME VALUE arrives as
// AlterEnumStmt. Renames of views, functions, triggers, policies and other unmodelled
// kinds are reported as not modelled.
#include <algorithm>
#include <optional>
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/expression_rewrite.h"
#include "parser/internal/ddl_util.h"
#include "parser/internal/routine_signature.h"
#include "parser/node_util.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

// The type or domain name in a RenameStmt's `object` (a name list).
model::QualifiedName ObjectName(const PgQuery__Node* object) {
  if (object == nullptr) return {};
  if (object->node_case == PG_QUERY__NODE__NODE_LIST) return QualifiedNameOf(object->list);
  if (object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
    return QualifiedNameOf(object->type_name->names, object->type_name->n_names);
  }
  if (object->node_case == PG_QUERY__NODE__NODE_STRING) return {"", object->string->sval};
  return {};
}

// The kind a relation rename acts on. ALTER TABLE and ALTER INDEX … RENAME accept any
// relation (RangeVarCallbackForAlterRelation in tablecmds.c exempts RenameStmt from the
// index check), so the catalog's kind wins; ALTER SEQUENCE insists on a sequence.
absl::StatusOr<model::ObjectKind> RelationRenameKind(const PgQuery__RenameStmt& stmt,
                                                     const model::QualifiedName& written,
                                                     TransformContext& ctx) {
  std::optional<model::QualifiedName> resolved = ctx.catalog().ResolveRelation(written);
  std::optional<model::ObjectKind> found =
      resolved ? ctx.catalog().RelationKindOf(*resolved) : std::nullopt;
  // Read out once: GCC 12 at -O2 wrongly warns that an optional compared in several
  // branches may be used uninitialised.
  const bool exists = found.has_value();
  const model::ObjectKind actual = found.value_or(model::ObjectKind::kTable);
  switch (stmt.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      return actual;
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
      return exists ? actual : model::ObjectKind::kIndex;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      if (exists && actual != model::ObjectKind::kSequence) {
        return ctx.Invalid(StrCat("\"", written.name, "\" is not a sequence"));
      }
      return model::ObjectKind::kSequence;
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
      std::string what = AsciiLower(internal::ObjectTypeSql(stmt.rename_type));
      const bool view_kind = actual == model::ObjectKind::kView || actual == model::ObjectKind::kMaterializedView;
      if (exists && !view_kind) return ctx.Invalid(StrCat("\"", written.name, "\" is not a ", what));
      if (stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE) {
        return ctx.NotModelled("ALTER FOREIGN TABLE … RENAME");
      }
      if (exists) return actual;
      return stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ? model::ObjectKind::kView
                                                                    : model::ObjectKind::kMaterializedView;
    }
    default:
      return ctx.NotModelled("ALTER … RENAME");
  }
}

// Appends the tables that inherit from, or are partitions of, the tables in `tables`,
// recursively.
void AddDescendants(const model::Catalog& catalog, std::vector<model::QualifiedName>* tables) {
  for (size_t next = 0; next < tables->size(); ++next) {
    const model::QualifiedName parent = (*tables)[next];
    for (const auto& [name, table] : catalog.tables) {
      bool child =
          (table.partition_of && *table.partition_of == parent) ||
          std::find(table.inherits.begin(), table.inherits.end(), parent) != table.inherits.end();
      if (child && std::find(tables->begin(), tables->end(), name) == tables->end()) {
        tables->push_back(name);
      }
    }
  }
}

// Emits `rename` with the expression rewrites `changes` call for.
void EmitWithRewrites(model::Rename rename, const std::vector<NameChange>& changes,
                      TransformContext& ctx) {
  if (!changes.empty()) {
    model::Mutation mutation{ctx.span(), FirstLine(ctx.text()), rename};
    ExpressionRewrites rewrites = ComputeExpressionRewrites(ctx.catalog(), mutation, changes);
    for (const std::string& failure : rewrites.failures) ctx.Warn(failure);
    rename.expression_rewrites = std::move(rewrites.rewrites);
  }
  ctx.Emit(std::move(rename));
}

// ALTER TABLE … RENAME CONSTRAINT, ALTER TRIGGER / POLICY name ON table RENAME TO: a
// named child of a table (the trigger and policy forms have no IF EXISTS).
absl::Status RenameTableChild(const PgQuery__RenameStmt& stmt, model::ObjectKind kind,
                              TransformContext& ctx) {
  model::Rename rename;
  rename.kind = kind;
  rename.object = RangeVarName(stmt.relation);
  rename.sub_name = stmt.subname;
  rename.new_name = stmt.newname;
  rename.if_exists = stmt.missing_ok;
  ctx.Emit(std::move(rename));
  return absl::OkStatus();
}

absl::Status RenameRelation(const PgQuery__RenameStmt& stmt, TransformContext& ctx) {
  model::Rename rename;
  rename.object = RangeVarName(stmt.relation);
  rename.new_name = stmt.newname;
  rename.if_exists = stmt.missing_ok;
  PGDRIFT_ASSIGN_OR_RETURN(rename.kind, RelationRenameKind(stmt, rename.object, ctx));
  std::vector<NameChange> changes;
  if (std::optional<model::QualifiedName> resolved = ctx.catalog().ResolveRelation(rename.object)) {
    changes.push_back(
        {NameChange::Kind::kRelation, *resolved, "", {resolved->schema, rename.new_name}});
  }
  EmitWithRewrites(std::move(rename), changes, ctx);
  return absl::OkStatus();
}

absl::Status RenameColumn(const PgQuery__RenameStmt& stmt, TransformContext& ctx) {
  if (stmt.relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
      stmt.relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ||
      stmt.relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE) {
    return ctx.NotModelled(
        StrCat("ALTER ", internal::ObjectTypeSql(stmt.relation_type), " … RENAME COLUMN"));
  }
  model::Rename rename;
  rename.kind = model::ObjectKind::kColumn;
  rename.object = RangeVarName(stmt.relation);
  rename.sub_name = stmt.subname;
  rename.new_name = stmt.newname;
  rename.if_exists = stmt.missing_ok;
  std::vector<NameChange> changes;
  if (std::optional<model::QualifiedName> resolved = ctx.catalog().ResolveRelation(rename.object)) {
    // renameatt (tablecmds.c) renames the column in inheritance children and partitions
    // too, unless ONLY is written.
    std::vector<model::QualifiedName> tables = {*resolved};
    if (stmt.relation->inh) AddDescendants(ctx.catalog(), &tables);
    for (const model::QualifiedName& table : tables) {
      changes.push_back({NameChange::Kind::kColumn, table, rename.sub_name, {"", rename.new_name}});
    }
  }
  EmitWithRewrites(std::move(rename), changes, ctx);
  return absl::OkStatus();
}

absl::Status RenameType(const PgQuery__RenameStmt& stmt, TransformContext& ctx) {
  model::Rename rename;
  rename.object = ObjectName(stmt.object);
  rename.new_name = stmt.newname;
  rename.if_exists = stmt.missing_ok;
  rename.kind = stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN
                    ? model::ObjectKind::kDomain
                    : internal::TypeOrDomainKind(rename.object, ctx.catalog());
  std::vector<NameChange> changes;
  if (std::optional<model::QualifiedName> resolved = ctx.catalog().ResolveType(rename.object)) {
    if (rename.kind == model::ObjectKind::kDomain && !ctx.catalog().domains.contains(*resolved)) {
      // RenameType (typecmds.c).
      return ctx.Invalid(StrCat(resolved->ToString(), " is not a domain"));
    }
    changes.push_back(
        {NameChange::Kind::kType, *resolved, "", {resolved->schema, rename.new_name}});
  }
  EmitWithRewrites(std::move(rename), changes, ctx);
  return absl::OkStatus();
}

}  // namespace

absl::Status TransformRenameStmt(const PgQuery__RenameStmt& stmt, TransformContext& ctx) {
  if (model::ObjectKind routine_kind;
      internal::IsRoutineObjectType(stmt.rename_type, &routine_kind)) {
    PGDRIFT_ASSIGN_OR_RETURN(model::RoutineSignature signature,
                             internal::RoutineSignatureOfNode(stmt.object, ctx.catalog()));
    model::Rename rename;
    rename.kind = routine_kind;
    rename.object = signature.name;
    rename.routine_args = signature.args;
    rename.new_name = stmt.newname;
    rename.if_exists = stmt.missing_ok;
    ctx.Emit(std::move(rename));
    return absl::OkStatus();
  }
  switch (stmt.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
      return RenameRelation(stmt, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
      return RenameColumn(stmt, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
      return RenameTableChild(stmt, model::ObjectKind::kConstraint, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
      return RenameTableChild(stmt, model::ObjectKind::kTrigger, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
      return RenameTableChild(stmt, model::ObjectKind::kPolicy, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT: {
      model::Rename rename;
      rename.kind = model::ObjectKind::kConstraint;
      rename.on_domain = true;
      rename.object = ObjectName(stmt.object);
      rename.sub_name = stmt.subname;
      rename.new_name = stmt.newname;
      rename.if_exists = stmt.missing_ok;
      ctx.Emit(std::move(rename));
      return absl::OkStatus();
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      return RenameType(stmt, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
      model::Rename rename;
      rename.kind = model::ObjectKind::kSchema;
      rename.object = {"", stmt.subname};
      rename.new_name = stmt.newname;
      rename.if_exists = stmt.missing_ok;
      std::vector<NameChange> changes = {
          {NameChange::Kind::kSchema, rename.object, "", {"", rename.new_name}}};
      EmitWithRewrites(std::move(rename), changes, ctx);
      return absl::OkStatus();
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE: {
      // ALTER TYPE … RENAME ATTRIBUTE: a composite type's attribute.
      model::AlterType alter;
      alter.type = RangeVarName(stmt.relation);
      alter.commands.push_back(model::alter_type::RenameAttribute{stmt.subname, stmt.newname});
      ctx.Emit(std::move(alter));
      return absl::OkStatus();
    }
    default:
      return ctx.NotModelled(
          StrCat("ALTER ", internal::ObjectTypeSql(stmt.rename_type), " … RENAME"));
  }
}

}  // namespace pgdrift::parser
