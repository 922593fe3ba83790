// The table family's per-kind migration SQL — tables (alter_table.cc), columns
// (alter_column.cc), constraints (alter_constraint.cc), indexes (alter_index.cc) and
// sequences (alter_sequence.cc) — and the small helpers they share. alter_table.cc
// dispatches CreateTableFamilySql / DropTableFamilySql / AlterTableFamilySql to these.
#ifndef PGDRIFT_PLANNER_INTERNAL_TABLE_FAMILY_SQL_H_
#define PGDRIFT_PLANNER_INTERNAL_TABLE_FAMILY_SQL_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diff/change_set.h"
#include "model/catalog.h"
#include "planner/internal/object_sql.h"
#include "planner/planned_statement.h"

namespace pgdrift::planner::internal {

// A statement with `hazards`.
PlannedStatement MakeStatement(std::string sql, std::set<Hazard> hazards = {});

// `sql` with `clause` inserted after the first occurrence of `keyword` (e.g. "INDEX ",
// "IF NOT EXISTS "); unchanged when `keyword` does not occur.
std::string InsertAfter(std::string_view sql, std::string_view keyword, std::string_view clause);

// Whether `drift` lists a change of `attribute`.
bool Changes(const diff::ObjectDrift& drift, std::string_view attribute);

// Whether `constraint` comes with its table's CREATE TABLE (written inline, or given by
// PostgreSQL from a parent), so it needs no step of its own when the table is created.
bool CoveredByCreateTable(const model::Catalog& catalog, const model::Table& table,
                          const model::Constraint& constraint);

// Per kind: the statements that create the object as ctx.target has it, drop it as
// ctx.current has it, or alter it from one to the other.
std::vector<PlannedStatement> CreateTableStatements(const model::Table& table, const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropTableStatements(const model::Table& table, const ObjectSqlContext& ctx);
AlterOutcome AlterTableStatements(const diff::ObjectDrift& drift, const model::Table& from,
                                  const model::Table& to, const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreateColumnStatements(const model::Table& table, const model::Column& column,
                                                     const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropColumnStatements(const model::Table& table, const model::Column& column,
                                                   const ObjectSqlContext& ctx);
AlterOutcome AlterColumnStatements(const diff::ObjectDrift& drift, const model::Table& table,
                                   const model::Column& from, const model::Column& to,
                                   const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreateConstraintStatements(const model::Table& table,
                                                         const model::Constraint& constraint,
                                                         const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropConstraintStatements(const model::Table& table,
                                                       const model::Constraint& constraint,
                                                       const ObjectSqlContext& ctx);
AlterOutcome AlterConstraintStatements(const diff::ObjectDrift& drift, const model::Table& table,
                                       const model::Constraint& from, const model::Constraint& to,
                                       const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreateIndexStatements(const model::Index& index, const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropIndexStatements(const model::Index& index, const ObjectSqlContext& ctx);
AlterOutcome AlterIndexStatements(const diff::ObjectDrift& drift, const model::Index& from,
                                  const model::Index& to, const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreateSequenceStatements(const model::Sequence& sequence,
                                                       const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropSequenceStatements(const model::Sequence& sequence,
                                                     const ObjectSqlContext& ctx);
AlterOutcome AlterSequenceStatements(const diff::ObjectDrift& drift, const model::Sequence& from,
                                     const model::Sequence& to, const ObjectSqlContext& ctx);

// `ALTER SEQUENCE s OWNED BY t.c;` for a sequence of ctx.target whose owner is not an
// identity column: a statement of its own, because the owning column may be added after
// the sequence (its default calls nextval on it). Empty when the sequence has no owner.
std::vector<PlannedStatement> SequenceOwnershipStatements(const model::Sequence& sequence);

// The statements that give a created object of `kind` in `schema` (which starts with
// acldefault or the default privileges of the role that runs the migration) the ACL
// `acl` of `owner`.
std::vector<PlannedStatement> CreatedAclStatements(std::string_view target, model::AclObjectKind kind,
                                                   const std::string& schema,
                                                   const std::optional<model::Acl>& acl,
                                                   const std::string& owner, const ObjectSqlContext& ctx);

}  // namespace pgdrift::planner::internal

#endif  // PGDRIFT_PLANNER_INTERNAL_TABLE_FAMILY_SQL_H_
