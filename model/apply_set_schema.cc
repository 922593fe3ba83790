// ALTER … SET SCHEMA (tablecmds.c AlterTableNamespace, typecmds.c AlterTypeNamespace,
// extension.c AlterExtensionNamespace). A table takes its indexes and the sequences its
// columns own along (AlterIndexNamespaces, AlterSeqNamespaces); an owned sequence cannot
// move by itself. Moving into the schema an object is already in changes nothing.
#include <vector>

#include "absl/status/statusor.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "model/internal/altered_type.h"
#include "model/internal/apply_context.h"
#include "model/internal/expression_fields.h"
#include "model/internal/namespaces.h"
#include "model/internal/references.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

// The result of a move: true when something moved.
using Moved = absl::StatusOr<bool>;

std::string RelationInSchema(const std::string& name, const std::string& schema) {
  return StrCat("relation \"", name, "\" already exists in schema \"", schema, "\"");
}

std::string TypeInSchema(const std::string& name, const std::string& schema) {
  return StrCat("type \"", name, "\" already exists in schema \"", schema, "\"");
}

absl::Status CheckTargetSchema(const SetSchema& m, ApplyContext& ctx) {
  if (!ctx.catalog->schemas.contains(m.new_schema)) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("schema \"", m.new_schema, "\" does not exist"));
  }
  return absl::OkStatus();
}

Moved MoveRelation(const SetSchema& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> from = catalog.SearchPath(
      m.object,
      [&catalog](const QualifiedName& candidate) { return RelationNameTaken(catalog, candidate); });
  if (!from.has_value()) {
    if (m.if_exists) {
      ctx.Notice(StrCat("relation \"", m.object.name, "\" does not exist, skipping"));
      return false;
    }
    return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, m.object));
  }
  // tablecmds.c RangeVarCallbackForAlterRelation.
  if (IsCompositeType(catalog, *from)) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("cannot change schema of composite type \"", from->name,
                            "\"\nHINT:  Use ALTER TYPE instead."));
  }
  const ObjectKind kind = *catalog.RelationKindOf(*from);
  if (m.kind == ObjectKind::kSequence && kind != ObjectKind::kSequence) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", from->name, "\" is not a sequence"));
  }
  if (kind == ObjectKind::kIndex) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("cannot change schema of index \"", from->name,
                            "\"\nHINT:  Change the schema of the table instead."));
  }
  if (kind == ObjectKind::kSequence) {
    const Sequence& sequence = catalog.sequences.at(*from);
    if (sequence.owned_by.has_value()) {
      return ctx.Error(
          absl::StatusCode::kFailedPrecondition,
          StrCat("cannot move an owned sequence into another schema\nDETAIL:  "
                 "Sequence \"",
                 from->name, "\" is linked to table \"", sequence.owned_by->table.name, "\"."));
    }
  }
  PGDRIFT_RETURN_IF_ERROR(CheckTargetSchema(m, ctx));
  if (from->schema == m.new_schema) return false;

  const QualifiedName to{m.new_schema, from->name};
  if (RelationNameTaken(catalog, to)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists, RelationInSchema(to.name, to.schema));
  }
  if (kind == ObjectKind::kSequence) {
    MoveEntry(catalog.sequences, *from, to);
    Sequence& sequence = catalog.sequences.at(to);
    sequence.name = to;
    sequence.lineage.Touch(ctx.span());
    return true;
  }

  // A table: its row type, indexes and owned sequences move too.
  if (TypeNameTaken(catalog, to)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists, TypeInSchema(to.name, to.schema));
  }
  const std::vector<QualifiedName> indexes = IndexesOf(catalog, *from);
  const std::vector<QualifiedName> sequences = SequencesOwnedByTable(catalog, *from);
  for (const std::vector<QualifiedName>* moving : {&indexes, &sequences}) {
    for (const QualifiedName& name : *moving) {
      if (RelationNameTaken(catalog, {m.new_schema, name.name})) {
        return ctx.Error(absl::StatusCode::kAlreadyExists,
                         RelationInSchema(name.name, m.new_schema));
      }
    }
  }
  MoveEntry(catalog.tables, *from, to);
  Table& table = catalog.tables.at(to);
  table.name = to;
  table.lineage.Touch(ctx.span());
  ReplaceTableReferences(catalog, *from, to);
  for (const QualifiedName& name : indexes) {
    const QualifiedName moved{m.new_schema, name.name};
    MoveEntry(catalog.indexes, name, moved);
    RetargetAttachedIndexes(catalog, name, moved);
    catalog.indexes.at(moved).name = moved;
  }
  for (const QualifiedName& name : sequences) {
    const QualifiedName moved{m.new_schema, name.name};
    MoveEntry(catalog.sequences, name, moved);
    catalog.sequences.at(moved).name = moved;
  }
  return true;
}

Moved MoveType(const SetSchema& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  absl::StatusOr<std::optional<QualifiedName>> found =
      FindAlteredType(m.object, m.kind, m.if_exists, "moving", ctx);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return false;
  const QualifiedName* from = &**found;
  const bool is_domain = catalog.domains.contains(*from);
  PGDRIFT_RETURN_IF_ERROR(CheckTargetSchema(m, ctx));
  if (from->schema == m.new_schema) return false;

  const QualifiedName to{m.new_schema, from->name};
  if (TypeNameTaken(catalog, to)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists, TypeInSchema(to.name, to.schema));
  }
  if (is_domain) {
    MoveEntry(catalog.domains, *from, to);
    Domain& domain = catalog.domains.at(to);
    domain.name = to;
    domain.lineage.Touch(ctx.span());
  } else {
    const UserType& type = catalog.types.at(*from);
    if (type.kind == UserTypeKind::kComposite && RelationNameTaken(catalog, to)) {
      return ctx.Error(absl::StatusCode::kAlreadyExists, RelationInSchema(to.name, to.schema));
    }
    if (type.kind == UserTypeKind::kRange &&
        TypeNameTaken(catalog, {m.new_schema, type.multirange_name})) {
      return ctx.Error(absl::StatusCode::kAlreadyExists,
                       TypeInSchema(type.multirange_name, m.new_schema));
    }
    MoveEntry(catalog.types, *from, to);
    UserType& moved = catalog.types.at(to);
    moved.name = to;
    moved.lineage.Touch(ctx.span());
  }
  ReplaceTypeReferences(catalog, *from, to);
  return true;
}

Moved MoveExtension(const SetSchema& m, ApplyContext& ctx) {
  const std::string& name = m.object.name;
  auto it = ctx.catalog->extensions.find(name);
  if (it == ctx.catalog->extensions.end()) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("extension \"", name, "\" does not exist"));
  }
  PGDRIFT_RETURN_IF_ERROR(CheckTargetSchema(m, ctx));
  if (it->second.schema == m.new_schema) return false;
  it->second.schema = m.new_schema;
  it->second.lineage.Touch(ctx.span());
  return true;
}

}  // namespace

absl::Status ApplySetSchema(const SetSchema& m, ApplyContext& ctx) {
  Moved moved = false;
  switch (m.kind) {
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
      return SetRoutineSchema(m, ctx);
    case ObjectKind::kTable:
    case ObjectKind::kSequence:
    case ObjectKind::kIndex:
      moved = MoveRelation(m, ctx);
      break;
    case ObjectKind::kType:
    case ObjectKind::kDomain:
      moved = MoveType(m, ctx);
      break;
    case ObjectKind::kExtension:
      moved = MoveExtension(m, ctx);
      break;
    case ObjectKind::kSchema:
    case ObjectKind::kColumn:
    case ObjectKind::kConstraint:
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
    case ObjectKind::kAggregate:
    case ObjectKind::kTrigger:
    case ObjectKind::kPolicy:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      return absl::UnimplementedError(
          StrCat("ALTER ", KindName(m.kind), " … SET SCHEMA is not modelled"));
  }
  if (!moved.ok()) return moved.status();
  if (*moved) RewriteExpressions(*ctx.catalog, m.expression_rewrites);
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
