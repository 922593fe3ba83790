// Table: an ordinary, partitioned or partition table with its columns (in attnum
// order), constraints (by name) and table-level flags (RLS, persistence, options).
#ifndef PGDRIFT_MODEL_TABLE_H_
#define PGDRIFT_MODEL_TABLE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/column.h"
#include "model/constraint.h"
#include "model/lineage.h"
#include "model/object_id.h"
#include "model/policy.h"
#include "model/privileges.h"
#include "model/trigger.h"

namespace pgdrift::model {

// pg_class.relreplident.
enum class ReplicaIdentity { kDefault, kNothing, kFull, kIndex };

struct Table {
  QualifiedName name;
  bool unlogged = false;
  std::vector<Column> columns;
  std::map<std::string, Constraint> constraints;

  // Partitioning: the key of a partitioned table (pg_get_partkeydef form, e.g.
  // "RANGE (created_at)"), and for a partition its parent and bound
  // ("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", "DEFAULT").
  std::string partition_key;
  std::optional<QualifiedName> partition_of;
  std::string partition_bound;

  std::vector<QualifiedName> inherits;  // INHERITS parents in order (not partitions)

  bool rls_enabled = false;
  bool rls_forced = false;
  ReplicaIdentity replica_identity = ReplicaIdentity::kDefault;
  std::string replica_identity_index;
  std::map<std::string, std::string> options;  // reloptions, WITH (…)
  std::string access_method;                   // empty = heap
  std::string tablespace;
  std::string owner;
  std::string comment;
  std::optional<Acl> privileges;  // relacl; nullopt = acldefault (the owner alone)
  std::map<std::string, Trigger> triggers;  // by name
  std::map<std::string, Policy> policies;   // by name
  bool managed = false;  // provided by the platform profile (e.g. auth.users)
  Lineage lineage;

  bool is_partitioned() const { return !partition_key.empty(); }

  Column* FindColumn(std::string_view column_name);
  const Column* FindColumn(std::string_view column_name) const;
  // 1-based attnum-like position of a column, or 0.
  int ColumnPosition(std::string_view column_name) const;
};

// Returns "default", "nothing", "full" or "index".
std::string_view ReplicaIdentityName(ReplicaIdentity identity);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_TABLE_H_
