// Indexes as DefineIndex (src/backend/commands/indexcmds.c) creates them, including the
// recursion to partitions: an index on a partitioned table gets an equivalent index on
// every partition that has none free to attach, named by ChooseIndexName for the
// partition, and an index that backs a constraint gives each partition a constraint of
// the index's name.
#ifndef PGDRIFT_MODEL_INTERNAL_INDEX_BUILDER_H_
#define PGDRIFT_MODEL_INTERNAL_INDEX_BUILDER_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "model/implicit_names.h"
#include "model/internal/apply_context.h"
#include "model/internal/catalog_journal.h"

namespace pgdrift::model::internal {

// The per-key name hints generateClonedIndexStmt gives a cloned index: the column
// name for a column key, "" (meaning "expr") for an expression key.
std::vector<std::string> ClonedIndexHints(const Index& index);

// The ChooseIndexName kind for an index backing `constraint` (null: a plain index).
IndexNameKind IndexNameKindFor(const Constraint* constraint);

// Adds `index` (named, on its table) and `constraint` (null for a plain index; it must
// be named like the index and already be in the table's constraints) and recurses to
// the partitions of a partitioned table: each partition attaches its first equivalent
// index that is not attached to another index yet (backing a constraint, when one is
// needed), or else gets a clone whose name is chosen from `hints` (per key; INCLUDE
// columns are added here) and, for a constraint, a constraint of that name; primary
// keys make the partition's key columns NOT NULL. Either way the partition's index
// names `index` as its parent_index.
absl::Status AddIndexTree(const ApplyContext& ctx, CatalogJournal& journal, Index index,
                          const Constraint* constraint, const std::vector<std::string>& hints);

// Gives `partition` an index (and constraint) for every index of its partitioned
// parent `parent`, in the parent's creation order, attaching an equivalent existing one
// that is not attached yet where there is one, as DefineRelation and
// AttachPartitionEnsureIndexes do.
absl::Status CloneIndexesToPartition(const ApplyContext& ctx, CatalogJournal& journal,
                                     const QualifiedName& parent, const QualifiedName& partition);

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_INDEX_BUILDER_H_
