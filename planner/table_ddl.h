// DDL for tables: CREATE TABLE with columns and inline constraints, partitions and
// inheritance children, constraints added later (foreign keys, NOT VALID), row level
// security, replica identity, owners and comments.
//
// Columns a table inherits (pg_attribute.attislocal false) are not declared again, and
// constraints PostgreSQL copies from a parent when a child is created are not written
// twice: the child gets them from its parent, as it would in PostgreSQL.
#ifndef PGDRIFT_PLANNER_TABLE_DDL_H_
#define PGDRIFT_PLANNER_TABLE_DDL_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "model/constraint.h"
#include "model/table.h"

namespace pgdrift::planner {

// Returns one column as CREATE TABLE or ADD COLUMN writes it: name, type, COMPRESSION,
// COLLATE, then DEFAULT, GENERATED ALWAYS AS (…) STORED or GENERATED … AS IDENTITY (with
// the sequence options of `identity_sequence` when it is given and not the default),
// then NOT NULL (implied by, and so not printed for, identity columns).
std::string ColumnDefinitionSql(const model::Column& column, const model::QualifiedName& table,
                                const model::Sequence* identity_sequence);

// Returns what follows `CONSTRAINT name` for `constraint`: CHECK (…) [NO INHERIT],
// PRIMARY KEY / UNIQUE (…) [INCLUDE] [WITH], EXCLUDE USING …, FOREIGN KEY … REFERENCES …,
// with DEFERRABLE / INITIALLY DEFERRED; never NOT VALID.
std::string ConstraintDefinitionSql(const model::Constraint& constraint);

// Whether `constraint` is written inside CREATE TABLE: validated and not a foreign key.
// The others are added once every table exists (AddConstraintSql).
bool IsInlineConstraint(const model::Constraint& constraint);

// Whether a partition is created on its own and then attached (its columns are local,
// as after CREATE TABLE + ATTACH PARTITION) rather than with PARTITION OF.
bool IsAttachedPartition(const model::Table& table);

// Whether PostgreSQL gives `table` the constraint `constraint` by itself when the table
// is created as a child of its parents (a parent's inheritable CHECK, a partitioned
// parent's foreign key, primary key, unique or exclusion constraint), so it is not
// written for the child.
bool IsInheritedConstraint(const model::Catalog& catalog, const model::Table& table,
                           const model::Constraint& constraint);

// Returns the statements that create `table`: CREATE [UNLOGGED] TABLE (… | PARTITION OF
// … FOR VALUES …) [INHERITS] [PARTITION BY] [USING] [WITH] [TABLESPACE]; for a partition
// with local columns the CREATE and ALTER TABLE … ATTACH PARTITION; then the column
// settings CREATE TABLE cannot carry (ColumnSettingsSql). Foreign keys, NOT VALID
// constraints, RLS, replica identity, owner and comments are separate.
std::vector<std::string> CreateTableSql(const model::Table& table, const model::Catalog& catalog);

// Returns the ALTER TABLE ONLY statements for column settings CREATE TABLE cannot carry:
// SET STORAGE, SET STATISTICS, SET (attribute options), and for inherited columns the
// default, NOT NULL, storage and compression where they differ from what the column got
// from its parent. `inherited_storage_is_default` says the parents' SET STORAGE comes
// after the children exist (so an inherited column starts with its type's storage).
std::vector<std::string> ColumnSettingsSql(const model::Table& table, const model::Catalog& catalog,
                                           bool inherited_storage_is_default = false);

// Returns CREATE TABLE for the first `column_count` columns of `table` (of those, the ones
// CREATE TABLE declares) without constraints: the first step when the table's remaining
// columns are added one by one (AddColumnSql) and its constraints afterwards.
std::string CreateTableShellSql(const model::Table& table, const model::Catalog& catalog,
                                size_t column_count);

// Returns `ALTER TABLE table ADD COLUMN <definition>;`.
std::string AddColumnSql(const model::Table& table, const model::Column& column,
                         const model::Catalog& catalog);

// Returns `ALTER TABLE table ADD CONSTRAINT name … [NOT VALID];`.
std::string AddConstraintSql(const model::Table& table, const model::Constraint& constraint);

// Returns `ALTER TABLE table DROP CONSTRAINT name;`.
std::string DropConstraintSql(const model::Table& table, const model::Constraint& constraint);

// Returns `ALTER TABLE parent ATTACH PARTITION table <bound>;` for a partition.
std::string AttachPartitionSql(const model::Table& table);

// Returns `DROP TABLE name;`.
std::string DropTableSql(const model::Table& table);

// Returns ENABLE and FORCE ROW LEVEL SECURITY statements for the flags that are set.
std::vector<std::string> RowSecuritySql(const model::Table& table);

// Returns `ALTER TABLE name REPLICA IDENTITY {DEFAULT | FULL | NOTHING | USING INDEX i};`.
std::string ReplicaIdentitySql(const model::Table& table);

// Returns `ALTER TABLE name OWNER TO role;`.
std::string TableOwnerSql(const model::Table& table);

// Returns the COMMENT ON statements for the table, its columns (in column order) and its
// constraints (in name order) that have a comment.
std::vector<std::string> TableCommentsSql(const model::Table& table);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_TABLE_DDL_H_
