#include "model/internal/column_builder.h"

#include "base/strings.h"
#include "model/implicit_names.h"
#include "model/internal/default_privileges.h"
#include "model/internal/namespaces.h"
#include "model/nextval.h"

namespace pgdrift::model::internal {

TypeRef SerialType(SerialKind kind) {
  switch (kind) {
    case SerialKind::kSmall:
      return TypeRef::Builtin("smallint");
    case SerialKind::kBig:
      return TypeRef::Builtin("bigint");
    case SerialKind::kRegular:
    case SerialKind::kNone:
      break;
  }
  return TypeRef::Builtin("integer");
}

bool IsSequenceIntegerType(const TypeRef& type) {
  return !type.is_user_defined() && !type.array &&
         (type.name == "smallint" || type.name == "integer" || type.name == "bigint");
}

bool NeedsSequence(const ColumnDef& def) {
  return def.serial != SerialKind::kNone || def.column.identity != IdentityKind::kNone;
}

QualifiedName ChooseColumnSequenceName(const Catalog& catalog, const QualifiedName& table,
                                       const ColumnDef& def) {
  if (def.identity_options.sequence_name.has_value() &&
      !def.identity_options.sequence_name->name.empty()) {
    QualifiedName written = *def.identity_options.sequence_name;
    if (written.schema.empty()) written.schema = table.schema;
    return written;
  }
  return {table.schema, ChooseSequenceName(catalog, table.schema, table.name, def.column.name)};
}

Column PrepareColumn(const ColumnDef& def, const std::optional<QualifiedName>& sequence,
                     const SourceSpan& span) {
  Column column = def.column;
  column.lineage = Lineage::At(span);
  if (def.serial != SerialKind::kNone) {
    column.type = SerialType(def.serial);
    column.not_null = true;
    if (sequence.has_value()) column.default_expr = NextvalExpression(*sequence);
  }
  if (column.identity != IdentityKind::kNone) {
    column.not_null = true;
    column.default_expr.reset();
  }
  return column;
}

absl::Status CreateColumnSequence(const ApplyContext& ctx, CatalogJournal& journal,
                                  const QualifiedName& sequence_name, const Table& table,
                                  const Column& column, bool identity,
                                  const SequenceOptions& options) {
  // SEQUENCE NAME may name another schema; CREATE SEQUENCE needs it to exist.
  if (sequence_name.schema != table.name.schema &&
      !journal.catalog().schemas.contains(sequence_name.schema)) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("schema \"", sequence_name.schema, "\" does not exist"));
  }
  if (RelationNameTaken(journal.catalog(), sequence_name)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("relation \"", sequence_name.name, "\" already exists"));
  }
  if (identity && !IsSequenceIntegerType(column.type)) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     "identity column type must be smallint, integer, or bigint");
  }
  // generateSerialExtraStmts (parse_utilcmd.c) writes OWNED BY with the sequence's
  // schema: <sequence schema>.<table>.<column>. A sequence named into another schema is
  // therefore owned by the table of the same name there, which must exist and have the
  // column (process_owned_by in sequence.c).
  const QualifiedName owner_table{sequence_name.schema, table.name.name};
  if (owner_table != table.name) {
    const Table* other = journal.catalog().FindTable(owner_table);
    if (other == nullptr) {
      return ctx.Error(absl::StatusCode::kNotFound,
                       StrCat("relation \"", owner_table.schema, ".", owner_table.name,
                              "\" does not exist"));
    }
    if (other->FindColumn(column.name) == nullptr) {
      return ctx.Error(absl::StatusCode::kNotFound,
                       StrCat("column \"", column.name, "\" of relation \"", owner_table.name,
                              "\" does not exist"));
    }
  }
  Sequence sequence;
  sequence.name = sequence_name;
  SequenceOptions effective = options;
  effective.data_type = column.type;
  std::string error = ApplySequenceOptions(effective, /*creating=*/true, &sequence);
  if (!error.empty()) return ctx.Error(absl::StatusCode::kInvalidArgument, error);
  // PostgreSQL 15 gives a serial or identity sequence its table's persistence.
  sequence.unlogged = table.unlogged;
  sequence.owned_by = SequenceOwner{owner_table, column.name};
  sequence.identity = identity;
  sequence.owner = table.owner;
  // A serial or identity sequence is created by DefineSequence like any other, so
  // ALTER DEFAULT PRIVILEGES … ON SEQUENCES applies to it.
  sequence.privileges = NewObjectAcl(journal.catalog(), AclObjectKind::kSequence, sequence.owner,
                                     sequence.name.schema);
  sequence.lineage = Lineage::At(ctx.span());
  journal.AddSequence(std::move(sequence));
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
