// Implicit names: the names PostgreSQL chooses for objects a statement creates without
// naming them — `orders_pkey`, `orders_email_key`, `orders_status_check`,
// `orders_user_id_fkey`, `orders_created_at_idx`, `orders_id_seq` — with the 63-byte
// truncation and the numeric suffix PostgreSQL adds when a name is taken.
//
// The rules are those of makeObjectName, ChooseRelationName, ChooseIndexName,
// ChooseIndexNameAddition and ChooseIndexColumnNames (src/backend/commands/indexcmds.c)
// and ChooseConstraintName (src/backend/catalog/pg_constraint.c).
#ifndef PGDRIFT_MODEL_IMPLICIT_NAMES_H_
#define PGDRIFT_MODEL_IMPLICIT_NAMES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace pgdrift::model {

// NAMEDATALEN - 1: the longest identifier PostgreSQL keeps, in bytes.
inline constexpr size_t kMaxIdentifierBytes = 63;

// The length in bytes of the longest prefix of `text` that is at most `limit` bytes and
// does not cut a UTF-8 character (pg_mbcliplen).
size_t ClipLength(std::string_view text, size_t limit);

// makeObjectName: "name1_name2_label", leaving out "_name2" and "_label" when they are
// empty. When the result would exceed 63 bytes the longer of name1 and name2 is
// shortened one byte at a time (name2 on a tie), then each is clipped back to a whole
// UTF-8 character; the label is never shortened.
std::string MakeObjectName(std::string_view name1, std::string_view name2, std::string_view label);

// ChooseRelationName: MakeObjectName(name1, name2, label), then label1, label2, … in
// place of the label until no relation of `schema` (table, sequence, index, composite
// type) has the name (and, when
// `is_constraint`, no constraint of `schema` either).
std::string ChooseRelationName(const Catalog& catalog, const std::string& schema,
                               std::string_view name1, std::string_view name2,
                               std::string_view label, bool is_constraint = false);

// ChooseConstraintName: like ChooseRelationName, but the name must not be used by any
// constraint of `schema` (Catalog::ConstraintNameExists) nor be one of `others` (names
// already chosen by the same statement).
std::string ChooseConstraintName(const Catalog& catalog, const std::string& schema,
                                 std::string_view name1, std::string_view name2,
                                 std::string_view label,
                                 const std::vector<std::string>& others = {});

// ChooseIndexColumnNames: the per-column names an index name is built from. `hints`
// holds per key the column name or an expression's name hint ("" means "expr"); a name
// equal to an earlier one gets the first free numeric suffix (a, a1, a2), clipped so it
// stays within 63 bytes.
std::vector<std::string> ChooseIndexColumnNames(const std::vector<std::string>& hints);

// ChooseIndexNameAddition (and ChooseForeignKeyConstraintNameAddition, which is the
// same): `names` joined with '_', stopping once the text reaches 64 bytes.
std::string ChooseNameAddition(const std::vector<std::string>& names);

// What an index name is chosen for (ChooseIndexName's primary / exclusion / isconstraint).
enum class IndexNameKind { kPrimaryKey, kExclusion, kConstraint, kIndex };

// ChooseIndexName: <table>_pkey, <table>_<columns>_excl, <table>_<columns>_key or
// <table>_<columns>_idx, where `column_names` come from ChooseIndexColumnNames. Names
// for constraints also avoid constraint names of the schema.
std::string ChooseIndexName(const Catalog& catalog, const std::string& schema,
                            std::string_view table, const std::vector<std::string>& column_names,
                            IndexNameKind kind);

// The implicit name of a CHECK constraint (AddRelationNewConstraints in heap.c):
// <table>_<column>_check when `referenced_columns` name exactly one distinct column,
// else <table>_check.
std::string ChooseCheckConstraintName(const Catalog& catalog, const std::string& schema,
                                      std::string_view table,
                                      const std::vector<std::string>& referenced_columns,
                                      const std::vector<std::string>& others = {});

// The implicit name of a foreign key (ATExecAddConstraint in tablecmds.c):
// <table>_<columns>_fkey.
std::string ChooseForeignKeyName(const Catalog& catalog, const std::string& schema,
                                 std::string_view table, const std::vector<std::string>& columns);

// The implicit name of a serial or identity column's sequence (generateSerialExtraStmts
// in parse_utilcmd.c): <table>_<column>_seq.
std::string ChooseSequenceName(const Catalog& catalog, const std::string& schema,
                               std::string_view table, std::string_view column);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_IMPLICIT_NAMES_H_
