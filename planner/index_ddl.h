// DDL for indexes: CREATE INDEX in the shape pg_get_indexdef prints (method always
// named, sort options only when not the default for the direction), ATTACH PARTITION of
// partition indexes, CLUSTER ON and comments.
//
// Indexes that back a constraint are created by their constraint (table_ddl.h), never
// here. An index on a partitioned table is created ON ONLY that table when every
// partition has its own matching index to attach, so the partitions' index names are
// the model's rather than names PostgreSQL would choose.
#ifndef PGDRIFT_PLANNER_INDEX_DDL_H_
#define PGDRIFT_PLANNER_INDEX_DDL_H_

#include <map>
#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/index.h"

namespace pgdrift::planner {

// Returns one key as CREATE INDEX writes it: column or expression, COLLATE, operator
// class with its options, DESC, and NULLS FIRST / LAST only when not the direction's
// default (ASC sorts nulls last, DESC first).
std::string IndexElementSql(const model::IndexElement& element);

// Returns `CREATE [UNIQUE] INDEX name ON [ONLY] table USING method (keys) [INCLUDE (…)]
// [NULLS NOT DISTINCT] [WITH (…)] [TABLESPACE t] [WHERE (…)];`.
std::string CreateIndexSql(const model::Index& index, bool only = false);

// Returns `DROP INDEX name;`.
std::string DropIndexSql(const model::Index& index);

// Returns `ALTER INDEX parent ATTACH PARTITION child;`.
std::string AttachIndexSql(const model::QualifiedName& parent_index,
                           const model::QualifiedName& child_index);

// Returns `ALTER TABLE table CLUSTER ON index;`.
std::string ClusterOnSql(const model::Index& index);

// Returns `COMMENT ON INDEX name IS '…';` (IS NULL when the comment is empty).
std::string IndexCommentSql(const model::Index& index);

// Whether two indexes are interchangeable as a partitioned index and its partition's
// index, as CompareIndexInfo (src/backend/catalog/index.c) decides: same uniqueness,
// method, keys, INCLUDE columns and predicate (names, options, tablespace may differ).
bool SameIndexDefinition(const model::Index& a, const model::Index& b);

// For each index on a partitioned table whose every direct partition has a matching
// index of its own (not backing a constraint), the partitions' indexes in partition
// order: those are created separately and attached. Indexes on partitioned tables not
// listed here are created without ONLY, and PostgreSQL builds or adopts the partitions'.
std::map<model::QualifiedName, std::vector<model::QualifiedName>> PartitionIndexAttachments(
    const model::Catalog& catalog);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_INDEX_DDL_H_
