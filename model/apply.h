// Apply: replays one Mutation onto a Catalog with PostgreSQL 15's semantics — search_path
// resolution, implicit names, serial and identity sequences, dependency checks for
// DROP … RESTRICT / CASCADE, and the errors PostgreSQL would raise.
#ifndef PGDRIFT_MODEL_APPLY_H_
#define PGDRIFT_MODEL_APPLY_H_

#include "absl/status/status.h"
#include "base/diagnostic.h"
#include "model/catalog.h"
#include "model/mutation.h"

namespace pgdrift::model {

// Applies `mutation` to `catalog`. On error (kNotFound, kAlreadyExists,
// kFailedPrecondition for dependency refusals, kInvalidArgument) the message starts with
// the mutation's span. Each apply function checks before it changes anything, so a
// failing statement leaves the catalog as it was, as PostgreSQL's atomic statements do
// (ALTER TABLE with several sub-commands is checked command by command). Notices
// PostgreSQL prints (e.g. "relation … already exists, skipping" for IF NOT EXISTS, or
// "drop cascades to …") are added to `notes` as kNote diagnostics.
[[nodiscard]] absl::Status Apply(const Mutation& mutation, Catalog* catalog, DiagnosticSink* notes);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_APPLY_H_
