// Table constraints as PostgreSQL adds them in CREATE TABLE and ALTER TABLE … ADD
// CONSTRAINT: the implicit name, the checks PostgreSQL makes (columns exist, one
// primary key, a unique key behind every foreign key), the backing index of primary
// key, unique and exclusion constraints, and the recursion to child tables (CHECK) and
// partitions (indexes and foreign keys) unless ONLY was written: then a partitioned
// table's primary key or unique constraint gets its index alone, and the partitions'
// indexes are attached later (ALTER INDEX … ATTACH PARTITION, as pg_dump writes it).
#ifndef PGDRIFT_MODEL_INTERNAL_CONSTRAINT_BUILDER_H_
#define PGDRIFT_MODEL_INTERNAL_CONSTRAINT_BUILDER_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "model/internal/apply_context.h"
#include "model/internal/catalog_journal.h"

namespace pgdrift::model::internal {

// How a constraint is being added.
struct ConstraintMode {
  // CREATE TABLE: CHECK and foreign key constraints are valid whatever NOT VALID says
  // (transformCheckConstraints, transformFKConstraints).
  bool creating_table = false;
  // False for ALTER TABLE ONLY: do not recurse to children.
  bool recurse = true;
};

// The key columns of a primary key, unique or foreign key definition (the constraint's
// columns, or the column it was written on).
std::vector<std::string> KeyColumns(const ConstraintDef& def);

// Adds the constraint `def` to `table` (which is in the catalog): names it, checks it,
// creates its index and recurses as PostgreSQL does. Fails without side effects that
// the caller's journal would not roll back.
absl::Status AddTableConstraint(const ApplyContext& ctx, CatalogJournal& journal,
                                const QualifiedName& table, const ConstraintDef& def,
                                const ConstraintMode& mode);

// For ALTER TABLE ONLY … SET NOT NULL on partitioned table `table` (also implied by
// ONLY … ADD PRIMARY KEY): ATPrepSetNotNull runs AT_CheckNotNull on every partition,
// at every level, and each must have `column` NOT NULL already.
absl::Status CheckPartitionsNotNull(const ApplyContext& ctx, const Catalog& catalog,
                                    const QualifiedName& table, const std::string& column);

// Gives `partition` a copy of each foreign key of its parent `parent`, unless it has an
// equivalent one already: the parent's name, or when the partition uses that name a
// name chosen as for a new foreign key (CloneFkReferencing in tablecmds.c).
absl::Status CloneForeignKeysToPartition(const ApplyContext& ctx, CatalogJournal& journal,
                                         const QualifiedName& parent,
                                         const QualifiedName& partition);

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_CONSTRAINT_BUILDER_H_
