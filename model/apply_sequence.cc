// CREATE SEQUENCE and ALTER SEQUENCE (DefineSequence, AlterSequence and
// process_owned_by in src/backend/commands/sequence.c): options made explicit by
// ApplySequenceOptions, IF [NOT] EXISTS, and the OWNED BY rules.
#include "absl/status/statusor.h"
#include "base/strings.h"
#include "model/internal/apply_context.h"
#include "model/internal/default_privileges.h"
#include "model/internal/namespaces.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

using absl::StatusCode;

// The owner OWNED BY names for sequence `sequence`, checked as process_owned_by does;
// nullopt for OWNED BY NONE.
absl::StatusOr<std::optional<SequenceOwner>> ResolveOwnedBy(
    const ApplyContext& ctx, const QualifiedName& sequence,
    const std::optional<SequenceOwner>& owned_by) {
  if (!owned_by.has_value()) return std::optional<SequenceOwner>();
  std::optional<QualifiedName> table_name = ctx.Resolve(owned_by->table);
  if (!table_name.has_value()) {
    return ctx.Error(StatusCode::kNotFound,
                     StrCat("relation \"", WrittenName(owned_by->table), "\" does not exist"));
  }
  const Table* table = ctx.catalog->FindTable(*table_name);
  if (table == nullptr) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     StrCat("sequence cannot be owned by relation \"", table_name->name, "\""));
  }
  if (table_name->schema != sequence.schema) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     "sequence must be in same schema as table it is linked to");
  }
  if (table->FindColumn(owned_by->column) == nullptr) {
    return ctx.Error(StatusCode::kNotFound,
                     StrCat("column \"", owned_by->column, "\" of relation \"", table_name->name,
                            "\" does not exist"));
  }
  return std::optional<SequenceOwner>(SequenceOwner{*table_name, owned_by->column});
}

}  // namespace

absl::Status ApplyCreateSequence(const CreateSequence& m, ApplyContext& ctx) {
  const Catalog& catalog = *ctx.catalog;
  QualifiedName name = catalog.ForCreation(m.name);
  if (name.schema.empty()) {
    return ctx.Error(StatusCode::kNotFound, "no schema has been selected to create in");
  }
  if (!catalog.schemas.contains(name.schema)) {
    return ctx.Error(StatusCode::kNotFound, StrCat("schema \"", name.schema, "\" does not exist"));
  }
  if (RelationNameTaken(catalog, name)) {
    if (m.if_not_exists) {
      ctx.Notice(StrCat("relation \"", name.name, "\" already exists, skipping"));
      return absl::OkStatus();
    }
    return ctx.Error(StatusCode::kAlreadyExists,
                     StrCat("relation \"", name.name, "\" already exists"));
  }
  Sequence sequence;
  sequence.name = name;
  std::string error = ApplySequenceOptions(m.options, /*creating=*/true, &sequence);
  if (!error.empty()) return ctx.Error(StatusCode::kInvalidArgument, error);
  sequence.unlogged = m.unlogged;
  if (m.options.owned_by.has_value()) {
    absl::StatusOr<std::optional<SequenceOwner>> owner =
        ResolveOwnedBy(ctx, name, *m.options.owned_by);
    if (!owner.ok()) return owner.status();
    sequence.owned_by = *owner;
  }
  sequence.lineage = Lineage::At(ctx.span());
  sequence.owner = ctx.catalog->current_user;
  // relacl from ALTER DEFAULT PRIVILEGES (get_user_default_acl).
  sequence.privileges =
      NewObjectAcl(*ctx.catalog, AclObjectKind::kSequence, sequence.owner, name.schema);
  ctx.catalog->sequences.emplace(name, std::move(sequence));
  return absl::OkStatus();
}

absl::Status ApplyAlterSequence(const AlterSequence& m, ApplyContext& ctx) {
  std::optional<QualifiedName> name = ctx.Resolve(m.name);
  if (!name.has_value()) {
    if (m.if_exists) {
      ctx.Notice(StrCat("relation \"", m.name.name, "\" does not exist, skipping"));
      return absl::OkStatus();
    }
    return ctx.Error(StatusCode::kNotFound,
                     StrCat("relation \"", WrittenName(m.name), "\" does not exist"));
  }
  auto found = ctx.catalog->sequences.find(*name);
  if (found == ctx.catalog->sequences.end()) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     StrCat("\"", name->name, "\" is not a sequence"));
  }
  // Work on a copy so that a rejected option leaves the sequence as it was.
  Sequence changed = found->second;
  std::string error = ApplySequenceOptions(m.options, /*creating=*/false, &changed);
  if (!error.empty()) return ctx.Error(StatusCode::kInvalidArgument, error);
  if (m.options.owned_by.has_value()) {
    if (changed.identity) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       "cannot change ownership of identity sequence");
    }
    absl::StatusOr<std::optional<SequenceOwner>> owner =
        ResolveOwnedBy(ctx, *name, *m.options.owned_by);
    if (!owner.ok()) return owner.status();
    changed.owned_by = *owner;
  }
  changed.lineage.Touch(ctx.span());
  found->second = std::move(changed);
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
