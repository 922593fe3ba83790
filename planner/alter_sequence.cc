// Migration SQL for sequences: CREATE SEQUENCE, DROP SEQUENCE, ALTER SEQUENCE for its
// options, ownership (OWNED BY) and persistence, and its owner, comment and privileges.
// Identity sequences come and go with their column's identity (alter_column.cc).
#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/internal/acl_change.h"
#include "planner/internal/table_family_sql.h"
#include "planner/sequence_ddl.h"

namespace pgdrift::planner::internal {

std::vector<PlannedStatement> CreateSequenceStatements(const model::Sequence& sequence,
                                                       const ObjectSqlContext& ctx) {
  if (sequence.identity) return {};
  std::vector<PlannedStatement> statements;
  std::string sql = CreateSequenceSql(sequence);
  if (ctx.options.idempotent) sql = InsertAfter(sql, "SEQUENCE ", "IF NOT EXISTS ");
  statements.push_back(MakeStatement(std::move(sql)));
  if (ctx.options.compare_owners && NeedsOwnerSql(sequence.owner, kDefaultOwner)) {
    statements.push_back(MakeStatement(SequenceOwnerSql(sequence)));
  }
  if (!sequence.comment.empty()) statements.push_back(MakeStatement(SequenceCommentSql(sequence)));
  for (PlannedStatement& statement :
       CreatedAclStatements(StrCat("SEQUENCE ", QualifiedSql(sequence.name)), model::AclObjectKind::kSequence,
                            sequence.name.schema, sequence.privileges, sequence.owner, ctx)) {
    statements.push_back(std::move(statement));
  }
  return statements;
}

std::vector<PlannedStatement> SequenceOwnershipStatements(const model::Sequence& sequence) {
  if (sequence.identity || !sequence.owned_by.has_value()) return {};
  return {MakeStatement(SequenceOwnedBySql(sequence))};
}

std::vector<PlannedStatement> DropSequenceStatements(const model::Sequence& sequence,
                                                     const ObjectSqlContext& ctx) {
  if (sequence.identity) return {};
  // A sequence owned by a column that goes away is dropped with it (the 'a' dependency
  // in pg_depend), so a DROP of its own would fail.
  if (sequence.owned_by.has_value()) {
    const model::Table* table = ctx.target.FindTable(sequence.owned_by->table);
    if (table == nullptr || table->FindColumn(sequence.owned_by->column) == nullptr) return {};
  }
  std::string sql = DropSequenceSql(sequence);
  if (ctx.options.idempotent) sql = InsertAfter(sql, "SEQUENCE ", "IF EXISTS ");
  return {MakeStatement(std::move(sql), {Hazard::kIrreversible})};
}

AlterOutcome AlterSequenceStatements(const diff::ObjectDrift& drift, const model::Sequence& from,
                                     const model::Sequence& to, const ObjectSqlContext& ctx) {
  AlterOutcome outcome;
  std::vector<PlannedStatement>& statements = outcome.statements;
  const std::string sequence_sql = QualifiedSql(to.name);
  const std::string prefix = StrCat("ALTER SEQUENCE ", sequence_sql);
  std::vector<std::string> clauses;
  const bool type_changes = Changes(drift, "data_type");
  if (type_changes) clauses.push_back(StrCat("AS ", TypeSql(to.data_type)));
  if (Changes(drift, "increment")) clauses.push_back(StrCat("INCREMENT BY ", to.increment));
  if (type_changes || Changes(drift, "min_value")) clauses.push_back(StrCat("MINVALUE ", to.min_value));
  if (type_changes || Changes(drift, "max_value")) clauses.push_back(StrCat("MAXVALUE ", to.max_value));
  if (type_changes || Changes(drift, "start")) clauses.push_back(StrCat("START WITH ", to.start));
  if (Changes(drift, "cache")) clauses.push_back(StrCat("CACHE ", to.cache));
  if (Changes(drift, "cycle")) clauses.push_back(to.cycle ? "CYCLE" : "NO CYCLE");
  if (!clauses.empty()) statements.push_back(MakeStatement(Statement(StrCat(prefix, " ", StrJoin(clauses, " ")))));
  if (Changes(drift, "unlogged")) {
    statements.push_back(MakeStatement(Statement(StrCat(prefix, to.unlogged ? " SET UNLOGGED" : " SET LOGGED"))));
  }
  if (Changes(drift, "owned_by") && !to.identity) statements.push_back(MakeStatement(SequenceOwnedBySql(to)));
  if (Changes(drift, "owner")) statements.push_back(MakeStatement(SequenceOwnerSql(to)));
  if (Changes(drift, "comment")) statements.push_back(MakeStatement(SequenceCommentSql(to)));
  if (Changes(drift, "privileges") || Changes(drift, "owner")) {
    for (PlannedStatement& statement :
         AclChangeSql(StrCat("SEQUENCE ", sequence_sql), model::AclObjectKind::kSequence, from.privileges,
                      from.owner, to.privileges, to.owner, ctx.options.compare_owners)) {
      statements.push_back(std::move(statement));
    }
  }
  if (Changes(drift, "identity")) outcome.unsupported.push_back(StrCat(drift.id.ToString(), ": identity"));
  return outcome;
}

}  // namespace pgdrift::planner::internal
