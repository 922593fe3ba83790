#include "planner/table_ddl.h"

#include <map>
#include <optional>

#include "base/identifier.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/index_ddl.h"
#include "planner/sequence_ddl.h"

namespace pgdrift::planner {
namespace {

std::string AlterTablePrefix(const model::Table& table) {
  return StrCat("ALTER TABLE ", QualifiedSql(table.name), " ");
}

std::string DeferrabilitySql(const model::Constraint& constraint) {
  if (!constraint.deferrable) return "";
  return constraint.initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
}

// The key under which Constraint::index_options keeps USING INDEX TABLESPACE.
constexpr std::string_view kIndexTablespaceOption = "tablespace";

// INCLUDE, WITH and USING INDEX TABLESPACE, shared by the index-backed constraint kinds.
std::string IndexBackedTailSql(const model::Constraint& constraint) {
  std::string sql;
  if (!constraint.include.empty()) {
    StrAppend(&sql, " INCLUDE (", IdentifierList(constraint.include), ")");
  }
  std::map<std::string, std::string> options = constraint.index_options;
  auto tablespace = options.find(std::string(kIndexTablespaceOption));
  std::string tablespace_sql;
  if (tablespace != options.end()) {
    tablespace_sql = StrCat(" USING INDEX TABLESPACE ", QuoteIdent(tablespace->second));
    options.erase(tablespace);
  }
  StrAppend(&sql, WithClauseSql(options), tablespace_sql);
  return sql;
}

std::string ExclusionElementSql(const model::ExclusionElement& element) {
  return StrCat(IndexElementSql(element.element), " WITH ", element.op);
}

std::string ForeignKeySql(const model::Constraint& constraint) {
  std::string sql = StrCat("FOREIGN KEY (", IdentifierList(constraint.columns), ") REFERENCES ",
                           QualifiedSql(constraint.referenced_table));
  if (!constraint.referenced_columns.empty()) {
    StrAppend(&sql, "(", IdentifierList(constraint.referenced_columns), ")");
  }
  if (constraint.match != model::ForeignKeyMatch::kSimple) {
    StrAppend(&sql, " MATCH ", model::ForeignKeyMatchSql(constraint.match));
  }
  if (constraint.on_update != model::ForeignKeyAction::kNoAction) {
    StrAppend(&sql, " ON UPDATE ", model::ForeignKeyActionSql(constraint.on_update));
  }
  if (constraint.on_delete != model::ForeignKeyAction::kNoAction) {
    StrAppend(&sql, " ON DELETE ", model::ForeignKeyActionSql(constraint.on_delete));
    if (!constraint.on_delete_set_columns.empty()) {
      StrAppend(&sql, " (", IdentifierList(constraint.on_delete_set_columns), ")");
    }
  }
  return sql;
}

// Whether two constraints define the same thing, whatever their names, comments,
// lineage and validation state.
bool SameConstraintDefinition(const model::Constraint& a, const model::Constraint& b) {
  return a.type == b.type && a.columns == b.columns && a.include == b.include &&
         a.nulls_not_distinct == b.nulls_not_distinct && a.expression == b.expression &&
         a.no_inherit == b.no_inherit && a.referenced_table == b.referenced_table &&
         a.referenced_columns == b.referenced_columns && a.on_update == b.on_update &&
         a.on_delete == b.on_delete && a.on_delete_set_columns == b.on_delete_set_columns &&
         a.match == b.match && a.exclusion_method == b.exclusion_method &&
         a.exclusion_elements == b.exclusion_elements &&
         a.exclusion_predicate == b.exclusion_predicate && a.deferrable == b.deferrable &&
         a.initially_deferred == b.initially_deferred;
}

// The direct parents of `table`: the partitioned table it is a partition of, then its
// INHERITS parents in order. Parents missing from the catalog are left out.
std::vector<const model::Table*> ParentsOf(const model::Catalog& catalog,
                                           const model::Table& table) {
  std::vector<const model::Table*> parents;
  if (table.partition_of.has_value()) {
    if (const model::Table* parent = catalog.FindTable(*table.partition_of)) {
      parents.push_back(parent);
    }
  }
  for (const model::QualifiedName& name : table.inherits) {
    if (const model::Table* parent = catalog.FindTable(name)) parents.push_back(parent);
  }
  return parents;
}

// The column of a parent that `column` inherits, or null.
const model::Column* ParentColumn(const model::Catalog& catalog, const model::Table& table,
                                  const model::Column& column) {
  for (const model::Table* parent : ParentsOf(catalog, table)) {
    if (const model::Column* found = parent->FindColumn(column.name)) return found;
  }
  return nullptr;
}

// Whether CREATE TABLE declares `column`: every column of a standalone table, only the
// local ones of an inheritance child or a partition made with PARTITION OF.
bool IsDeclared(const model::Table& table, const model::Column& column) {
  bool inheriting =
      !table.inherits.empty() || (table.partition_of.has_value() && !IsAttachedPartition(table));
  return column.is_local || !inheriting;
}

// CREATE TABLE declaring the table's first `column_count` columns (those CREATE TABLE
// declares at all) and, when `with_constraints`, its inline constraints.
std::string CreateStatementSql(const model::Table& table, const model::Catalog& catalog,
                               size_t column_count, bool with_constraints) {
  bool partition_of = table.partition_of.has_value() && !IsAttachedPartition(table);
  std::vector<std::string> elements;
  if (!partition_of) {
    for (size_t i = 0; i < column_count && i < table.columns.size(); ++i) {
      const model::Column& column = table.columns[i];
      if (!IsDeclared(table, column)) continue;
      const model::Sequence* identity_sequence =
          column.identity == model::IdentityKind::kNone
              ? nullptr
              : FindIdentitySequence(catalog, table.name, column.name);
      elements.push_back(ColumnDefinitionSql(column, table.name, identity_sequence));
    }
  }
  for (const auto& [name, constraint] : table.constraints) {
    if (!with_constraints || !IsInlineConstraint(constraint) ||
        IsInheritedConstraint(catalog, table, constraint)) {
      continue;
    }
    elements.push_back(
        StrCat("CONSTRAINT ", QuoteIdent(name), " ", ConstraintDefinitionSql(constraint)));
  }

  std::string sql =
      StrCat("CREATE ", table.unlogged ? "UNLOGGED " : "", "TABLE ", QualifiedSql(table.name));
  if (partition_of) StrAppend(&sql, " PARTITION OF ", QualifiedSql(*table.partition_of));
  if (!elements.empty()) {
    StrAppend(&sql, " (\n    ", StrJoin(elements, ",\n    "), "\n)");
  } else if (!partition_of) {
    sql += " ()";
  }
  if (partition_of) StrAppend(&sql, " ", table.partition_bound);
  if (!table.inherits.empty()) {
    StrAppend(&sql, " INHERITS (", StrJoin(table.inherits, ", ", QualifiedSql), ")");
  }
  if (table.is_partitioned()) StrAppend(&sql, " PARTITION BY ", table.partition_key);
  if (!table.access_method.empty()) StrAppend(&sql, " USING ", QuoteIdent(table.access_method));
  sql += WithClauseSql(table.options);
  if (!table.tablespace.empty()) StrAppend(&sql, " TABLESPACE ", QuoteIdent(table.tablespace));
  return Statement(sql);
}

}  // namespace

std::string ColumnDefinitionSql(const model::Column& column, const model::QualifiedName& table,
                                const model::Sequence* identity_sequence) {
  std::string sql = StrCat(QuoteIdent(column.name), " ", TypeSql(column.type));
  if (!column.compression.empty()) StrAppend(&sql, " COMPRESSION ", column.compression);
  if (!column.collation.empty()) StrAppend(&sql, " COLLATE ", NameTextSql(column.collation));
  if (column.identity != model::IdentityKind::kNone) {
    StrAppend(&sql, " GENERATED ",
              column.identity == model::IdentityKind::kAlways ? "ALWAYS" : "BY DEFAULT",
              " AS IDENTITY");
    if (identity_sequence != nullptr) {
      std::string options = IdentityOptionsSql(*identity_sequence, table, column);
      if (!options.empty()) StrAppend(&sql, " ", options);
    }
    return sql;
  }
  if (column.generated_expr.has_value()) {
    StrAppend(&sql, " GENERATED ALWAYS AS (", *column.generated_expr, ") STORED");
  } else if (column.default_expr.has_value()) {
    StrAppend(&sql, " DEFAULT ", DefaultExpressionSql(*column.default_expr));
  }
  if (column.not_null) sql += " NOT NULL";
  return sql;
}

std::string ConstraintDefinitionSql(const model::Constraint& constraint) {
  std::string sql;
  switch (constraint.type) {
    case model::ConstraintType::kCheck:
      sql = StrCat("CHECK (", constraint.expression, ")");
      if (constraint.no_inherit) sql += " NO INHERIT";
      break;
    case model::ConstraintType::kPrimaryKey:
      sql = StrCat("PRIMARY KEY (", IdentifierList(constraint.columns), ")",
                   IndexBackedTailSql(constraint));
      break;
    case model::ConstraintType::kUnique:
      sql = StrCat("UNIQUE", constraint.nulls_not_distinct ? " NULLS NOT DISTINCT" : "", " (",
                   IdentifierList(constraint.columns), ")", IndexBackedTailSql(constraint));
      break;
    case model::ConstraintType::kExclusion:
      sql = StrCat("EXCLUDE USING ", QuoteIdent(constraint.exclusion_method), " (",
                   StrJoin(constraint.exclusion_elements, ", ", ExclusionElementSql), ")",
                   IndexBackedTailSql(constraint));
      if (!constraint.exclusion_predicate.empty()) {
        StrAppend(&sql, " WHERE (", constraint.exclusion_predicate, ")");
      }
      break;
    case model::ConstraintType::kForeignKey:
      sql = ForeignKeySql(constraint);
      break;
  }
  sql += DeferrabilitySql(constraint);
  return sql;
}

bool IsInlineConstraint(const model::Constraint& constraint) {
  return constraint.validated && constraint.type != model::ConstraintType::kForeignKey;
}

bool IsAttachedPartition(const model::Table& table) {
  if (!table.partition_of.has_value()) return false;
  for (const model::Column& column : table.columns) {
    if (column.is_local) return true;
  }
  return false;
}

bool IsInheritedConstraint(const model::Catalog& catalog, const model::Table& table,
                           const model::Constraint& constraint) {
  bool partition_of = table.partition_of.has_value() && !IsAttachedPartition(table);
  for (const model::Table* parent : ParentsOf(catalog, table)) {
    bool is_partition_parent =
        table.partition_of.has_value() && parent->name == *table.partition_of;
    for (const auto& [name, candidate] : parent->constraints) {
      if (!SameConstraintDefinition(constraint, candidate)) continue;
      switch (constraint.type) {
        case model::ConstraintType::kCheck:
          // MergeAttributes copies a parent's inheritable checks under their own names;
          // an attached partition must already have them (ATTACH PARTITION checks).
          if (name == constraint.name && !candidate.no_inherit &&
              (partition_of || !is_partition_parent)) {
            return true;
          }
          break;
        case model::ConstraintType::kForeignKey:
          // CloneForeignKeyConstraints gives every partition the parent's foreign key
          // under the same name, also when it is attached later.
          if (name == constraint.name && is_partition_parent) return true;
          break;
        case model::ConstraintType::kPrimaryKey:
        case model::ConstraintType::kUnique:
        case model::ConstraintType::kExclusion:
          // PARTITION OF clones the parent's indexes (DefineRelation), naming them
          // itself; an attached partition declares its own and ATTACH adopts them.
          if (partition_of && is_partition_parent) return true;
          break;
      }
    }
  }
  return false;
}

std::vector<std::string> CreateTableSql(const model::Table& table, const model::Catalog& catalog) {
  std::vector<std::string> statements = {
      CreateStatementSql(table, catalog, table.columns.size(), /*with_constraints=*/true)};
  if (IsAttachedPartition(table)) statements.push_back(AttachPartitionSql(table));
  for (std::string& statement : ColumnSettingsSql(table, catalog)) {
    statements.push_back(std::move(statement));
  }
  return statements;
}

std::vector<std::string> ColumnSettingsSql(const model::Table& table, const model::Catalog& catalog,
                                           bool inherited_storage_is_default) {
  // A table created with INHERITS or PARTITION OF starts its inherited columns with the
  // parent's default, NOT NULL, storage and compression, a declared default or
  // compression winning (MergeAttributes in src/backend/commands/tablecmds.c). An
  // attached partition keeps what it declared.
  bool created_as_child =
      !table.inherits.empty() || (table.partition_of.has_value() && !IsAttachedPartition(table));
  std::vector<std::string> statements;
  for (const model::Column& column : table.columns) {
    std::string alter_column = StrCat("ALTER TABLE ONLY ", QualifiedSql(table.name),
                                      " ALTER COLUMN ", QuoteIdent(column.name), " ");
    bool declared = IsDeclared(table, column);
    const model::Column* parent_column =
        created_as_child ? ParentColumn(catalog, table, column) : nullptr;

    std::optional<std::string> created_default;
    bool created_not_null = declared && column.not_null;
    std::string created_storage;
    std::string created_compression = declared ? column.compression : "";
    if (declared) created_default = column.default_expr;
    if (parent_column != nullptr) {
      if (!created_default.has_value()) created_default = parent_column->default_expr;
      created_not_null = created_not_null || parent_column->not_null;
      if (!inherited_storage_is_default) created_storage = parent_column->storage;
      if (created_compression.empty()) created_compression = parent_column->compression;
    }
    if (column.identity == model::IdentityKind::kNone && !column.generated_expr.has_value()) {
      if (created_default != column.default_expr) {
        statements.push_back(
            Statement(StrCat(alter_column, column.default_expr.has_value()
                                               ? StrCat("SET DEFAULT ", *column.default_expr)
                                               : std::string("DROP DEFAULT"))));
      }
      if (column.not_null && !created_not_null) {
        statements.push_back(Statement(StrCat(alter_column, "SET NOT NULL")));
      }
    }
    if (column.storage != created_storage && !column.storage.empty()) {
      statements.push_back(Statement(StrCat(alter_column, "SET STORAGE ", column.storage)));
    }
    if (column.compression != created_compression) {
      statements.push_back(Statement(
          StrCat(alter_column, "SET COMPRESSION ",
                 column.compression.empty() ? std::string("default") : column.compression)));
    }
    if (column.statistics_target >= 0) {
      statements.push_back(
          Statement(StrCat(alter_column, "SET STATISTICS ", column.statistics_target)));
    }
    if (!column.options.empty()) {
      statements.push_back(Statement(StrCat(alter_column, "SET ", OptionListSql(column.options))));
    }
  }
  return statements;
}

std::string CreateTableShellSql(const model::Table& table, const model::Catalog& catalog,
                                size_t column_count) {
  return CreateStatementSql(table, catalog, column_count, /*with_constraints=*/false);
}

std::string AddColumnSql(const model::Table& table, const model::Column& column,
                         const model::Catalog& catalog) {
  const model::Sequence* identity_sequence =
      column.identity == model::IdentityKind::kNone
          ? nullptr
          : FindIdentitySequence(catalog, table.name, column.name);
  return Statement(StrCat(AlterTablePrefix(table), "ADD COLUMN ",
                          ColumnDefinitionSql(column, table.name, identity_sequence)));
}

std::string AddConstraintSql(const model::Table& table, const model::Constraint& constraint) {
  return Statement(StrCat(AlterTablePrefix(table), "ADD CONSTRAINT ", QuoteIdent(constraint.name),
                          " ", ConstraintDefinitionSql(constraint),
                          constraint.validated ? "" : " NOT VALID"));
}

std::string DropConstraintSql(const model::Table& table, const model::Constraint& constraint) {
  return Statement(
      StrCat(AlterTablePrefix(table), "DROP CONSTRAINT ", QuoteIdent(constraint.name)));
}

std::string AttachPartitionSql(const model::Table& table) {
  PGDRIFT_CHECK(table.partition_of.has_value());
  return Statement(StrCat("ALTER TABLE ", QualifiedSql(*table.partition_of), " ATTACH PARTITION ",
                          QualifiedSql(table.name), " ", table.partition_bound));
}

std::string DropTableSql(const model::Table& table) {
  return Statement(StrCat("DROP TABLE ", QualifiedSql(table.name)));
}

std::vector<std::string> RowSecuritySql(const model::Table& table) {
  std::vector<std::string> statements;
  if (table.rls_enabled) {
    statements.push_back(Statement(StrCat(AlterTablePrefix(table), "ENABLE ROW LEVEL SECURITY")));
  }
  if (table.rls_forced) {
    statements.push_back(Statement(StrCat(AlterTablePrefix(table), "FORCE ROW LEVEL SECURITY")));
  }
  return statements;
}

std::string ReplicaIdentitySql(const model::Table& table) {
  std::string identity;
  switch (table.replica_identity) {
    case model::ReplicaIdentity::kDefault:
      identity = "DEFAULT";
      break;
    case model::ReplicaIdentity::kNothing:
      identity = "NOTHING";
      break;
    case model::ReplicaIdentity::kFull:
      identity = "FULL";
      break;
    case model::ReplicaIdentity::kIndex:
      identity = StrCat("USING INDEX ", QuoteIdent(table.replica_identity_index));
      break;
  }
  return Statement(StrCat(AlterTablePrefix(table), "REPLICA IDENTITY ", identity));
}

std::string TableOwnerSql(const model::Table& table) {
  return OwnerSql("TABLE", QualifiedSql(table.name), table.owner);
}

std::vector<std::string> TableCommentsSql(const model::Table& table) {
  std::vector<std::string> statements;
  std::string table_sql = QualifiedSql(table.name);
  if (!table.comment.empty()) {
    statements.push_back(CommentSql(StrCat("TABLE ", table_sql), table.comment));
  }
  for (const model::Column& column : table.columns) {
    if (column.comment.empty()) continue;
    statements.push_back(
        CommentSql(StrCat("COLUMN ", table_sql, ".", QuoteIdent(column.name)), column.comment));
  }
  for (const auto& [name, constraint] : table.constraints) {
    if (constraint.comment.empty()) continue;
    statements.push_back(
        CommentSql(StrCat("CONSTRAINT ", QuoteIdent(name), " ON ", table_sql), constraint.comment));
  }
  return statements;
}

}  // namespace pgdrift::planner
