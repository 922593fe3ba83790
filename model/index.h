// Index: a pg_index entry with its key elements, INCLUDE columns, predicate, method and
// options. Identity: schema + name (indexes share the relation namespace).
//
// Indexes that back a constraint name it in `constraint_name`; diff compares those
// through their constraint, not twice. A partition's index attached to an index of the
// partitioned table names that index in `parent_index`.
#ifndef PGDRIFT_MODEL_INDEX_H_
#define PGDRIFT_MODEL_INDEX_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/lineage.h"
#include "model/object_id.h"

namespace pgdrift::model {

// One key of an index: a column or an expression, with its options. Sort order is
// explicit: `nulls_first` is always set (DESC defaults to NULLS FIRST, ASC to LAST).
struct IndexElement {
  std::string column;      // set for a plain column key
  std::string expression;  // canonical text for an expression key
  std::string collation;   // when not the column's default
  std::string opclass;     // qualified when not the default operator class
  std::map<std::string, std::string> opclass_options;
  bool descending = false;
  bool nulls_first = false;

  friend bool operator==(const IndexElement&, const IndexElement&) = default;
};

struct Index {
  QualifiedName name;   // same schema as its table
  QualifiedName table;  // the table (or materialized view) it indexes
  bool unique = false;
  bool nulls_not_distinct = false;
  std::string method = "btree";
  std::vector<IndexElement> keys;
  std::vector<std::string> include;
  std::string predicate;  // canonical WHERE expression, empty if none
  std::map<std::string, std::string> options;  // WITH (fillfactor = …)
  std::string tablespace;
  std::string constraint_name;  // the constraint this index backs, if any
  // The partitioned index this one is attached to as its partition's part (pg_inherits
  // of the index, pg_class.relispartition): set by DefineIndex's recursion, by
  // ATTACH PARTITION of the table and by ALTER INDEX … ATTACH PARTITION.
  std::optional<QualifiedName> parent_index;
  bool clustered = false;       // ALTER TABLE … CLUSTER ON
  std::string comment;
  Lineage lineage;
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_INDEX_H_
