// Sequence options: the DefElem list of CREATE SEQUENCE, ALTER SEQUENCE and an identity
// column's `GENERATED … AS IDENTITY (…)` → model::SequenceOptions, each option only when
// written. Bounds and defaults are filled in when the model applies them.
#ifndef PGDRIFT_PARSER_SEQUENCE_OPTIONS_H_
#define PGDRIFT_PARSER_SEQUENCE_OPTIONS_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "model/catalog.h"
#include "model/sequence.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser {

// Reads `options` (SeqOptElem DefElems: as, increment, minvalue, maxvalue, start,
// restart, cache, cycle, owned_by, sequence_name) as init_params in sequence.c does:
// an option given twice is "conflicting or redundant options", AS takes only smallint,
// integer or bigint, OWNED BY takes table.column or NONE, and SEQUENCE NAME only
// `for_identity`. Values are checked against each other by model::ApplySequenceOptions.
[[nodiscard]] absl::StatusOr<model::SequenceOptions> SequenceOptionsOf(
    PgQuery__Node* const* options, size_t count, const model::Catalog& catalog, bool for_identity);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_SEQUENCE_OPTIONS_H_
