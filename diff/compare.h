// Compare: two catalogs → the ChangeSet between them, by identity. A pure function: no
// database, no parsing — both catalogs are already canonical, so equal fields mean no
// drift.
#ifndef PGDRIFT_DIFF_COMPARE_H_
#define PGDRIFT_DIFF_COMPARE_H_

#include "diff/change_set.h"
#include "model/catalog.h"

namespace pgdrift::diff {

struct CompareOptions {
  bool compare_owners = false;   // --compare-owners
  bool include_managed = false;  // also compare what the platform profile provides
};

// Compares `local` (e.g. the replayed migrations) with `remote` (e.g. the database).
// Objects in schemas either side marks as managed are out of scope unless
// include_managed. The result is sorted and deterministic.
ChangeSet Compare(const model::Catalog& local, const model::Catalog& remote,
                  const CompareOptions& options = {});

}  // namespace pgdrift::diff

#endif  // PGDRIFT_DIFF_COMPARE_H_
