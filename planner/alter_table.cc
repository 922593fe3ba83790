// The table family's steps for PlanMigration: the dispatch over tables, columns,
// constraints, indexes and sequences, the shared helpers of
// planner/internal/table_family_sql.h, and the table-level statements themselves
// (CREATE / DROP TABLE and the table's flags, options, owner, comment and privileges).
#include <algorithm>

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/internal/acl_change.h"
#include "planner/internal/object_sql.h"
#include "planner/internal/table_family_sql.h"
#include "planner/table_ddl.h"

namespace pgdrift::planner::internal {
namespace {

using model::ObjectKind;

void AppendAll(std::vector<PlannedStatement>* out, std::vector<PlannedStatement> more) {
  for (PlannedStatement& statement : more) out->push_back(std::move(statement));
}

void AppendSql(std::vector<PlannedStatement>* out, const std::vector<std::string>& sql) {
  for (const std::string& statement : sql) out->push_back(MakeStatement(statement));
}

std::string TablePrefix(const model::Table& table) {
  return StrCat("ALTER TABLE ", QualifiedSql(table.name), " ");
}

// ALTER TABLE … SET (…) for options `to` sets differently, RESET (…) for those it drops.
std::vector<PlannedStatement> OptionChanges(std::string_view prefix,
                                            const std::map<std::string, std::string>& from,
                                            const std::map<std::string, std::string>& to) {
  std::vector<PlannedStatement> statements;
  std::map<std::string, std::string> set;
  std::vector<std::string> reset;
  for (const auto& [key, value] : to) {
    auto it = from.find(key);
    if (it == from.end() || it->second != value) set[key] = value;
  }
  for (const auto& [key, value] : from) {
    if (!to.contains(key)) reset.push_back(key);
  }
  if (!set.empty()) statements.push_back(MakeStatement(Statement(StrCat(prefix, "SET ", OptionListSql(set)))));
  if (!reset.empty()) {
    statements.push_back(MakeStatement(Statement(StrCat(prefix, "RESET (", StrJoin(reset, ", "), ")"))));
  }
  return statements;
}

}  // namespace

bool CoveredByCreateTable(const model::Catalog& catalog, const model::Table& table,
                          const model::Constraint& constraint) {
  return IsInlineConstraint(constraint) || IsInheritedConstraint(catalog, table, constraint);
}

PlannedStatement MakeStatement(std::string sql, std::set<Hazard> hazards) {
  PlannedStatement statement;
  statement.sql = std::move(sql);
  statement.hazards = std::move(hazards);
  return statement;
}

std::string InsertAfter(std::string_view sql, std::string_view keyword, std::string_view clause) {
  size_t at = sql.find(keyword);
  if (at == std::string_view::npos) return std::string(sql);
  at += keyword.size();
  return StrCat(sql.substr(0, at), clause, sql.substr(at));
}

bool Changes(const diff::ObjectDrift& drift, std::string_view attribute) {
  return std::any_of(drift.changes.begin(), drift.changes.end(),
                     [&](const diff::AttributeChange& change) { return change.attribute == attribute; });
}

std::vector<PlannedStatement> CreatedAclStatements(std::string_view target, model::AclObjectKind kind,
                                                   const std::string& schema,
                                                   const std::optional<model::Acl>& acl,
                                                   const std::string& owner, const ObjectSqlContext& ctx) {
  const std::string runner(kDefaultOwner);
  // A new object starts with acldefault or the runner's ALTER DEFAULT PRIVILEGES.
  std::optional<model::Acl> initial = model::InitialAcl(ctx.current, kind, runner, schema);
  std::string from_owner = ctx.options.compare_owners ? owner : runner;
  if (ctx.options.compare_owners && initial.has_value() && owner != runner) {
    // OWNER TO ran first and handed the runner's entries to the new owner.
    model::Acl moved;
    for (const auto& [grantee, entry] : *initial) moved[grantee == runner ? owner : grantee] = entry;
    initial = moved;
  }
  return AclChangeSql(target, kind, initial, from_owner, acl, owner, ctx.options.compare_owners);
}

std::vector<PlannedStatement> CreateTableStatements(const model::Table& table, const ObjectSqlContext& ctx) {
  std::vector<PlannedStatement> statements;
  std::vector<std::string> create = CreateTableSql(table, ctx.target);
  for (size_t i = 0; i < create.size(); ++i) {
    std::string sql = create[i];
    if (ctx.options.idempotent && i == 0 && sql.starts_with("CREATE ")) {
      sql = InsertAfter(sql, "TABLE ", "IF NOT EXISTS ");
    }
    statements.push_back(MakeStatement(std::move(sql)));
  }
  std::string table_sql = QualifiedSql(table.name);
  if (ctx.options.compare_owners && NeedsOwnerSql(table.owner, kDefaultOwner)) {
    statements.push_back(MakeStatement(TableOwnerSql(table)));
  }
  AppendSql(&statements, RowSecuritySql(table));
  bool index_identity = table.replica_identity == model::ReplicaIdentity::kIndex;
  if (index_identity) {
    // USING INDEX needs the index: a constraint's comes with the table, others later
    // (CreateIndexStatements).
    auto it = std::find_if(table.constraints.begin(), table.constraints.end(), [&](const auto& entry) {
      return entry.first == table.replica_identity_index;
    });
    if (it != table.constraints.end() && CoveredByCreateTable(ctx.target, table, it->second)) {
      statements.push_back(MakeStatement(ReplicaIdentitySql(table)));
    }
  } else if (table.replica_identity != model::ReplicaIdentity::kDefault) {
    statements.push_back(MakeStatement(ReplicaIdentitySql(table)));
  }
  if (!table.comment.empty()) {
    statements.push_back(MakeStatement(CommentSql(StrCat("TABLE ", table_sql), table.comment)));
  }
  for (const model::Column& column : table.columns) {
    if (!column.comment.empty()) {
      statements.push_back(MakeStatement(
          CommentSql(StrCat("COLUMN ", table_sql, ".", QuoteIdent(column.name)), column.comment)));
    }
  }
  for (const auto& [name, constraint] : table.constraints) {
    if (!constraint.comment.empty() && CoveredByCreateTable(ctx.target, table, constraint)) {
      statements.push_back(MakeStatement(CommentSql(
          StrCat("CONSTRAINT ", QuoteIdent(name), " ON ", table_sql), constraint.comment)));
    }
  }
  AppendAll(&statements, CreatedAclStatements(StrCat("TABLE ", table_sql), model::AclObjectKind::kTable,
                                              table.name.schema, table.privileges, table.owner, ctx));
  for (const model::Column& column : table.columns) {
    AppendAll(&statements, ColumnAclChangeSql(table_sql, column.name, std::nullopt, column.privileges));
  }
  return statements;
}

std::vector<PlannedStatement> DropTableStatements(const model::Table& table, const ObjectSqlContext& ctx) {
  std::string sql = DropTableSql(table);
  if (ctx.options.idempotent) sql = InsertAfter(sql, "TABLE ", "IF EXISTS ");
  return {MakeStatement(std::move(sql),
                        {Hazard::kDataLoss, Hazard::kIrreversible, Hazard::kAccessExclusiveLock})};
}

AlterOutcome AlterTableStatements(const diff::ObjectDrift& drift, const model::Table& from,
                                  const model::Table& to, const ObjectSqlContext& ctx) {
  AlterOutcome outcome;
  std::vector<PlannedStatement>& statements = outcome.statements;
  const std::string prefix = TablePrefix(to);
  const std::string table_sql = QualifiedSql(to.name);
  auto add = [&](std::string text, std::set<Hazard> hazards = {}) {
    statements.push_back(MakeStatement(Statement(StrCat(prefix, text)), std::move(hazards)));
  };
  if (Changes(drift, "owner")) statements.push_back(MakeStatement(TableOwnerSql(to)));
  if (Changes(drift, "partition_of") || Changes(drift, "partition_bound")) {
    if (from.partition_of.has_value()) {
      statements.push_back(MakeStatement(
          Statement(StrCat("ALTER TABLE ", QualifiedSql(*from.partition_of), " DETACH PARTITION ", table_sql)),
          {Hazard::kAccessExclusiveLock}));
    }
    if (to.partition_of.has_value()) {
      statements.push_back(MakeStatement(AttachPartitionSql(to), {Hazard::kLongRunning}));
    }
  }
  if (Changes(drift, "inherits")) {
    for (const model::QualifiedName& parent : from.inherits) {
      if (std::find(to.inherits.begin(), to.inherits.end(), parent) == to.inherits.end()) {
        add(StrCat("NO INHERIT ", QualifiedSql(parent)));
      }
    }
    for (const model::QualifiedName& parent : to.inherits) {
      if (std::find(from.inherits.begin(), from.inherits.end(), parent) == from.inherits.end()) {
        add(StrCat("INHERIT ", QualifiedSql(parent)), {Hazard::kLongRunning});
      }
    }
  }
  if (Changes(drift, "unlogged")) {
    add(to.unlogged ? "SET UNLOGGED" : "SET LOGGED", {Hazard::kTableRewrite, Hazard::kAccessExclusiveLock});
  }
  if (Changes(drift, "tablespace")) {
    add(StrCat("SET TABLESPACE ", to.tablespace.empty() ? "pg_default" : QuoteIdent(to.tablespace)),
        {Hazard::kTableRewrite, Hazard::kAccessExclusiveLock});
  }
  if (Changes(drift, "options")) {
    for (PlannedStatement& statement : OptionChanges(prefix, from.options, to.options)) {
      statements.push_back(std::move(statement));
    }
  }
  if (Changes(drift, "rls_enabled")) add(to.rls_enabled ? "ENABLE ROW LEVEL SECURITY" : "DISABLE ROW LEVEL SECURITY");
  if (Changes(drift, "rls_forced")) add(to.rls_forced ? "FORCE ROW LEVEL SECURITY" : "NO FORCE ROW LEVEL SECURITY");
  if (Changes(drift, "replica_identity") || Changes(drift, "replica_identity_index")) {
    statements.push_back(MakeStatement(ReplicaIdentitySql(to)));
  }
  if (Changes(drift, "comment")) {
    statements.push_back(MakeStatement(CommentSql(StrCat("TABLE ", table_sql), to.comment)));
  }
  if (Changes(drift, "privileges") || Changes(drift, "owner")) {
    AppendAll(&statements, AclChangeSql(StrCat("TABLE ", table_sql), model::AclObjectKind::kTable,
                                        from.privileges, from.owner, to.privileges, to.owner,
                                        ctx.options.compare_owners));
  }
  for (std::string_view attribute : {"partition_key", "access_method", "definition"}) {
    if (Changes(drift, attribute)) {
      outcome.unsupported.push_back(StrCat(drift.id.ToString(), ": ", attribute));
    }
  }
  return outcome;
}

std::vector<PlannedStatement> CreateTableFamilySql(const model::ObjectId& id, const ObjectSqlContext& ctx) {
  const model::Catalog& target = ctx.target;
  switch (id.kind) {
    case ObjectKind::kTable:
      if (const model::Table* table = target.FindTable(id.qualified())) return CreateTableStatements(*table, ctx);
      return {};
    case ObjectKind::kColumn: {
      const model::Table* table = target.FindTable(id.qualified());
      const model::Column* column = table == nullptr ? nullptr : table->FindColumn(id.name);
      if (column == nullptr) return {};
      return CreateColumnStatements(*table, *column, ctx);
    }
    case ObjectKind::kConstraint: {
      const model::Table* table = target.FindTable(id.qualified());
      if (table == nullptr) return {};
      auto it = table->constraints.find(id.name);
      if (it == table->constraints.end()) return {};
      return CreateConstraintStatements(*table, it->second, ctx);
    }
    case ObjectKind::kIndex: {
      auto it = target.indexes.find(id.qualified());
      return it == target.indexes.end() ? std::vector<PlannedStatement>{} : CreateIndexStatements(it->second, ctx);
    }
    case ObjectKind::kSequence: {
      auto it = target.sequences.find(id.qualified());
      return it == target.sequences.end() ? std::vector<PlannedStatement>{}
                                          : CreateSequenceStatements(it->second, ctx);
    }
    default:
      return {};
  }
}

std::vector<PlannedStatement> DropTableFamilySql(const model::ObjectId& id, const ObjectSqlContext& ctx) {
  const model::Catalog& current = ctx.current;
  switch (id.kind) {
    case ObjectKind::kTable:
      if (const model::Table* table = current.FindTable(id.qualified())) return DropTableStatements(*table, ctx);
      return {};
    case ObjectKind::kColumn: {
      const model::Table* table = current.FindTable(id.qualified());
      const model::Column* column = table == nullptr ? nullptr : table->FindColumn(id.name);
      if (column == nullptr) return {};
      return DropColumnStatements(*table, *column, ctx);
    }
    case ObjectKind::kConstraint: {
      const model::Table* table = current.FindTable(id.qualified());
      if (table == nullptr) return {};
      auto it = table->constraints.find(id.name);
      if (it == table->constraints.end()) return {};
      return DropConstraintStatements(*table, it->second, ctx);
    }
    case ObjectKind::kIndex: {
      auto it = current.indexes.find(id.qualified());
      return it == current.indexes.end() ? std::vector<PlannedStatement>{} : DropIndexStatements(it->second, ctx);
    }
    case ObjectKind::kSequence: {
      auto it = current.sequences.find(id.qualified());
      return it == current.sequences.end() ? std::vector<PlannedStatement>{}
                                           : DropSequenceStatements(it->second, ctx);
    }
    default:
      return {};
  }
}

AlterOutcome AlterTableFamilySql(const diff::ObjectDrift& drift, const ObjectSqlContext& ctx) {
  const model::ObjectId& id = drift.id;
  const model::Table* from_table = ctx.current.FindTable(id.qualified());
  const model::Table* to_table = ctx.target.FindTable(id.qualified());
  switch (id.kind) {
    case ObjectKind::kTable:
      if (from_table == nullptr || to_table == nullptr) return {};
      return AlterTableStatements(drift, *from_table, *to_table, ctx);
    case ObjectKind::kColumn: {
      if (from_table == nullptr || to_table == nullptr) return {};
      const model::Column* from = from_table->FindColumn(id.name);
      const model::Column* to = to_table->FindColumn(id.name);
      if (from == nullptr || to == nullptr) return {};
      return AlterColumnStatements(drift, *to_table, *from, *to, ctx);
    }
    case ObjectKind::kConstraint: {
      if (from_table == nullptr || to_table == nullptr) return {};
      auto from = from_table->constraints.find(id.name);
      auto to = to_table->constraints.find(id.name);
      if (from == from_table->constraints.end() || to == to_table->constraints.end()) return {};
      return AlterConstraintStatements(drift, *to_table, from->second, to->second, ctx);
    }
    case ObjectKind::kIndex: {
      auto from = ctx.current.indexes.find(id.qualified());
      auto to = ctx.target.indexes.find(id.qualified());
      if (from == ctx.current.indexes.end() || to == ctx.target.indexes.end()) return {};
      return AlterIndexStatements(drift, from->second, to->second, ctx);
    }
    case ObjectKind::kSequence: {
      auto from = ctx.current.sequences.find(id.qualified());
      auto to = ctx.target.sequences.find(id.qualified());
      if (from == ctx.current.sequences.end() || to == ctx.target.sequences.end()) return {};
      return AlterSequenceStatements(drift, from->second, to->second, ctx);
    }
    default:
      return {};
  }
}

}  // namespace pgdrift::planner::internal
