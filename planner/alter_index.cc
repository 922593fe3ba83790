// Migration SQL for indexes that back no constraint: CREATE INDEX (CONCURRENTLY when
// online), DROP INDEX, and the in-place changes ALTER INDEX has (options, tablespace,
// partition attachment), CLUSTER ON and COMMENT; any other change is a drop and a create.
#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/index_ddl.h"
#include "planner/internal/table_family_sql.h"
#include "planner/table_ddl.h"

namespace pgdrift::planner::internal {
namespace {

// Whether `index` is on a partitioned table: CONCURRENTLY is refused there
// (DefineIndex in indexcmds.c), and so is DROP INDEX CONCURRENTLY.
bool OnPartitionedTable(const model::Catalog& catalog, const model::Index& index) {
  const model::Table* table = catalog.FindTable(index.table);
  return table != nullptr && table->is_partitioned();
}

}  // namespace

std::vector<PlannedStatement> CreateIndexStatements(const model::Index& index, const ObjectSqlContext& ctx) {
  std::vector<PlannedStatement> statements;
  const bool partitioned = OnPartitionedTable(ctx.target, index);
  const bool only = partitioned && PartitionIndexAttachments(ctx.target).contains(index.name);
  std::string sql = CreateIndexSql(index, only);
  const bool concurrently = ctx.options.online && !partitioned;
  if (concurrently) sql = InsertAfter(sql, "INDEX ", "CONCURRENTLY ");
  if (ctx.options.idempotent) sql = InsertAfter(sql, concurrently ? "CONCURRENTLY " : "INDEX ", "IF NOT EXISTS ");
  PlannedStatement create = MakeStatement(std::move(sql));
  if (concurrently) {
    create.transactional = false;
    create.hazards = {Hazard::kLongRunning};
  } else if (!only) {
    create.hazards = {Hazard::kLongRunning};
  }
  statements.push_back(std::move(create));
  if (index.parent_index.has_value()) {
    statements.push_back(MakeStatement(AttachIndexSql(*index.parent_index, index.name)));
  }
  if (index.clustered) statements.push_back(MakeStatement(ClusterOnSql(index)));
  if (const model::Table* table = ctx.target.FindTable(index.table)) {
    if (table->replica_identity == model::ReplicaIdentity::kIndex &&
        table->replica_identity_index == index.name.name) {
      statements.push_back(MakeStatement(ReplicaIdentitySql(*table)));
    }
  }
  if (!index.comment.empty()) statements.push_back(MakeStatement(IndexCommentSql(index)));
  return statements;
}

std::vector<PlannedStatement> DropIndexStatements(const model::Index& index, const ObjectSqlContext& ctx) {
  // A partition's index attached to a partitioned index goes with it
  // (index_drop refuses to drop it on its own).
  if (index.parent_index.has_value()) return {};
  const bool concurrently = ctx.options.online && !OnPartitionedTable(ctx.current, index);
  PlannedStatement drop = MakeStatement(Statement(StrCat("DROP INDEX ", concurrently ? "CONCURRENTLY " : "",
                                                         ctx.options.idempotent ? "IF EXISTS " : "",
                                                         QualifiedSql(index.name))));
  drop.transactional = !concurrently;
  return {std::move(drop)};
}

AlterOutcome AlterIndexStatements(const diff::ObjectDrift& drift, const model::Index& from,
                                  const model::Index& to, const ObjectSqlContext& ctx) {
  (void)ctx;
  AlterOutcome outcome;
  static const std::set<std::string> kInPlace = {"options", "tablespace", "clustered", "comment", "parent_index"};
  for (const diff::AttributeChange& change : drift.changes) {
    if (!kInPlace.contains(change.attribute) ||
        (change.attribute == "parent_index" && from.parent_index.has_value())) {
      outcome.recreate = true;
      return outcome;
    }
  }
  const std::string index_sql = QualifiedSql(to.name);
  const std::string prefix = StrCat("ALTER INDEX ", index_sql, " ");
  if (Changes(drift, "options")) {
    std::map<std::string, std::string> set;
    std::vector<std::string> reset;
    for (const auto& [key, value] : to.options) {
      auto it = from.options.find(key);
      if (it == from.options.end() || it->second != value) set[key] = value;
    }
    for (const auto& [key, value] : from.options) {
      if (!to.options.contains(key)) reset.push_back(key);
    }
    if (!set.empty()) outcome.statements.push_back(MakeStatement(Statement(StrCat(prefix, "SET ", OptionListSql(set)))));
    if (!reset.empty()) {
      outcome.statements.push_back(MakeStatement(Statement(StrCat(prefix, "RESET (", StrJoin(reset, ", "), ")"))));
    }
  }
  if (Changes(drift, "tablespace")) {
    outcome.statements.push_back(MakeStatement(
        Statement(StrCat(prefix, "SET TABLESPACE ", to.tablespace.empty() ? "pg_default" : QuoteIdent(to.tablespace))),
        {Hazard::kLongRunning, Hazard::kAccessExclusiveLock}));
  }
  if (Changes(drift, "parent_index") && to.parent_index.has_value()) {
    outcome.statements.push_back(MakeStatement(AttachIndexSql(*to.parent_index, to.name)));
  }
  if (Changes(drift, "clustered")) {
    outcome.statements.push_back(MakeStatement(
        to.clustered ? ClusterOnSql(to)
                     : Statement(StrCat("ALTER TABLE ", QualifiedSql(to.table), " SET WITHOUT CLUSTER"))));
  }
  if (Changes(drift, "comment")) outcome.statements.push_back(MakeStatement(IndexCommentSql(to)));
  return outcome;
}

}  // namespace pgdrift::planner::internal
