// ChangeSet: what differs between two catalogs, object by object — the result of
// diff::Compare and the input of the planner and of every drift report.
//
// An object is reported once, at the highest level that differs: a table only one side
// has is one entry whose `contains` lists its columns, constraints, indexes and owned
// sequences; a column added to a table both sides have is its own entry.
#ifndef PGDRIFT_DIFF_CHANGE_SET_H_
#define PGDRIFT_DIFF_CHANGE_SET_H_

#include <string>
#include <string_view>
#include <vector>

#include "diff/value.h"
#include "model/lineage.h"
#include "model/object_id.h"

namespace pgdrift::diff {

// pgdrift.drift/v1 object statuses. "local" is the first catalog given to Compare (the
// migrations), "remote" the second (the database).
enum class DriftStatus { kLocalOnly, kRemoteOnly, kChanged };

// Returns "local_only", "remote_only" or "changed".
std::string_view DriftStatusName(DriftStatus status);

struct AttributeChange {
  std::string attribute;
  Value local;
  Value remote;
};

struct ObjectDrift {
  model::ObjectId id;
  DriftStatus status = DriftStatus::kChanged;
  std::vector<AttributeChange> changes;     // for kChanged
  std::vector<model::ObjectId> contains;    // children of a one-sided table, sorted
  model::Lineage local_lineage;             // where the local side comes from
};

struct ChangeSet {
  std::vector<ObjectDrift> objects;  // sorted by identity
  // The objects both sides have and agree on (tables and what they own, and every other
  // kind Compare walks), sorted: what a JUnit report lists as passing.
  std::vector<model::ObjectId> in_sync;

  bool empty() const { return objects.empty(); }
  int Count(DriftStatus status) const;
};

}  // namespace pgdrift::diff

#endif  // PGDRIFT_DIFF_CHANGE_SET_H_
