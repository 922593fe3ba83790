// DDL for sequences: CREATE SEQUENCE with only the options that differ from what
// PostgreSQL derives, OWNED BY links, and the option list of an identity column.
//
// PostgreSQL derives a sequence's bounds from its type and the sign of its increment,
// and its start from the bound it counts away from (init_params in
// src/backend/commands/sequence.c); those derived values are never printed, so a script
// says only what was chosen.
#ifndef PGDRIFT_PLANNER_SEQUENCE_DDL_H_
#define PGDRIFT_PLANNER_SEQUENCE_DDL_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "model/column.h"
#include "model/sequence.h"

namespace pgdrift::planner {

// Returns the option clauses (`AS integer`, `START WITH 10`, `INCREMENT BY -1`,
// `MINVALUE 0`, `MAXVALUE 99`, `CACHE 20`, `CYCLE`) whose values differ from what
// PostgreSQL derives when the sequence's type would default to `default_type` (bigint for
// CREATE SEQUENCE, the column type for an identity column), in that order.
std::vector<std::string> SequenceOptionClauses(const model::Sequence& sequence,
                                               const model::TypeRef& default_type);

// Returns `CREATE [UNLOGGED] SEQUENCE name [options];`.
std::string CreateSequenceSql(const model::Sequence& sequence);

// Returns `ALTER SEQUENCE name OWNED BY table.column;` (OWNED BY NONE when unowned).
std::string SequenceOwnedBySql(const model::Sequence& sequence);

// Returns `DROP SEQUENCE name;`.
std::string DropSequenceSql(const model::Sequence& sequence);

// Returns `ALTER SEQUENCE name OWNER TO role;`.
std::string SequenceOwnerSql(const model::Sequence& sequence);

// Returns `COMMENT ON SEQUENCE name IS '…';` (IS NULL when the comment is empty).
std::string SequenceCommentSql(const model::Sequence& sequence);

// Returns the name PostgreSQL gives the sequence of serial or identity column `column`
// of table `table` when nothing is in the way: makeObjectName(table, column, "seq")
// (generateSerialExtraStmts in src/backend/parser/parse_utilcmd.c).
std::string DefaultColumnSequenceName(std::string_view table, std::string_view column);

// Returns the identity sequence of column `column` of `table` (Sequence::identity set and
// owned by that column), or null.
const model::Sequence* FindIdentitySequence(const model::Catalog& catalog,
                                            const model::QualifiedName& table,
                                            std::string_view column);

// Returns the parenthesised sequence options of identity column `column` of `table`
// backed by `sequence` (e.g. `(SEQUENCE NAME public.s START WITH 100)`), or "" when
// every option is what PostgreSQL would choose.
std::string IdentityOptionsSql(const model::Sequence& sequence, const model::QualifiedName& table,
                               const model::Column& column);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_SEQUENCE_DDL_H_
