// Columns as CREATE TABLE and ALTER TABLE … ADD COLUMN make them: serial columns
// expanded to an integer column with a sequence, NOT NULL and a nextval default;
// identity columns given their sequence (generateSerialExtraStmts in parse_utilcmd.c).
#ifndef PGDRIFT_MODEL_INTERNAL_COLUMN_BUILDER_H_
#define PGDRIFT_MODEL_INTERNAL_COLUMN_BUILDER_H_

#include <optional>

#include "absl/status/status.h"
#include "model/internal/apply_context.h"
#include "model/internal/catalog_journal.h"

namespace pgdrift::model::internal {

// The integer type of a serial kind: smallint, integer or bigint.
TypeRef SerialType(SerialKind kind);

// Whether `type` is smallint, integer or bigint (the types a sequence can have).
bool IsSequenceIntegerType(const TypeRef& type);

// Whether the column `def` gets a sequence (serial or identity).
bool NeedsSequence(const ColumnDef& def);

// The name of the sequence column `def` of `table` gets: SEQUENCE NAME when given (in
// the schema written there, else the table's), else ChooseSequenceName — chosen against
// the catalog as it is, before anything of the statement is created, as PostgreSQL's
// transform does.
QualifiedName ChooseColumnSequenceName(const Catalog& catalog, const QualifiedName& table,
                                       const ColumnDef& def);

// The column `def` describes, ready to be stored: serial columns get their integer
// type, NOT NULL and `nextval(sequence)`; identity columns NOT NULL and no default.
Column PrepareColumn(const ColumnDef& def, const std::optional<QualifiedName>& sequence,
                     const SourceSpan& span);

// Creates the sequence of serial or identity column `column` of `table`, owned by the
// column, with the column's type and `options` (identity options; serial has none).
// Errors: `schema "s" does not exist` and `relation "x" already exists` for the
// sequence's name, bad options, for identity columns of another type "identity column
// type must be smallint, integer, or bigint", and for a sequence named into another
// schema `relation "s.t" does not exist` unless that schema has a table of `table`'s
// name (which then owns the sequence, as PostgreSQL's OWNED BY ends up doing).
absl::Status CreateColumnSequence(const ApplyContext& ctx, CatalogJournal& journal,
                                  const QualifiedName& sequence_name, const Table& table,
                                  const Column& column, bool identity,
                                  const SequenceOptions& options);

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_COLUMN_BUILDER_H_
