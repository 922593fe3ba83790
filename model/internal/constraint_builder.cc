#include "model/internal/constraint_builder.h"

#include <algorithm>
#include <set>

#include "base/status_macros.h"
#include "base/strings.h"
#include "model/implicit_names.h"
#include "model/internal/index_builder.h"
#include "model/internal/namespaces.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

using absl::StatusCode;

std::string_view ConstraintSqlName(ConstraintType type) {
  switch (type) {
    case ConstraintType::kPrimaryKey:
      return "PRIMARY KEY";
    case ConstraintType::kUnique:
      return "UNIQUE";
    case ConstraintType::kExclusion:
      return "EXCLUSION";
    case ConstraintType::kCheck:
      return "CHECK";
    case ConstraintType::kForeignKey:
      return "FOREIGN KEY";
  }
  return "";
}

absl::Status ConstraintExists(const ApplyContext& ctx, const std::string& name,
                              const QualifiedName& table) {
  return ctx.Error(StatusCode::kAlreadyExists, StrCat("constraint \"", name, "\" for relation \"",
                                                      table.name, "\" already exists"));
}

// --- CHECK ------------------------------------------------------------------------------

absl::Status AddCheck(const ApplyContext& ctx, CatalogJournal& journal, const QualifiedName& table,
                      const ConstraintDef& def, const ConstraintMode& mode, bool recursing) {
  const Constraint& written = def.constraint;
  const Table& current = *journal.catalog().FindTable(table);
  if (written.no_inherit && current.is_partitioned()) {
    return ctx.Error(
        StatusCode::kInvalidArgument,
        StrCat("cannot add NO INHERIT constraint to partitioned table \"", table.name, "\""));
  }
  std::string name = written.name;
  if (name.empty()) {
    name =
        ChooseCheckConstraintName(journal.catalog(), table.schema, table.name, def.check_columns);
  }
  auto existing = current.constraints.find(name);
  if (existing != current.constraints.end()) {
    // MergeWithExistingConstraint (heap.c): an equal CHECK of the same name merges.
    bool same = existing->second.type == ConstraintType::kCheck &&
                existing->second.expression == written.expression &&
                existing->second.no_inherit == written.no_inherit;
    if (recursing && same) {
      ctx.Notice(StrCat("merging constraint \"", name, "\" with inherited definition"));
      return absl::OkStatus();
    }
    return ConstraintExists(ctx, name, table);
  }

  Constraint constraint = written;
  constraint.name = name;
  constraint.type = ConstraintType::kCheck;
  if (mode.creating_table) constraint.validated = true;
  constraint.lineage = Lineage::At(ctx.span());
  Table& edited = journal.EditTable(table);
  edited.constraints.emplace(name, constraint);
  edited.lineage.Touch(ctx.span());

  if (constraint.no_inherit) return absl::OkStatus();
  std::vector<QualifiedName> children = ChildTables(journal.catalog(), table);
  if (children.empty()) return absl::OkStatus();
  if (!mode.recurse) {
    return ctx.Error(StatusCode::kInvalidArgument, "constraint must be added to child tables too");
  }
  ConstraintDef inherited = def;
  inherited.constraint = constraint;
  for (const QualifiedName& child : children) {
    absl::Status status = AddCheck(ctx, journal, child, inherited, mode, /*recursing=*/true);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

// --- PRIMARY KEY, UNIQUE, EXCLUDE -------------------------------------------------------

absl::Status AddIndexConstraint(const ApplyContext& ctx, CatalogJournal& journal,
                                const QualifiedName& table_name, const ConstraintDef& def,
                                const ConstraintMode& mode) {
  const Catalog& catalog = journal.catalog();
  const Table& table = *catalog.FindTable(table_name);
  Constraint constraint = def.constraint;
  const ConstraintType type = constraint.type;

  if (!mode.creating_table && !constraint.validated) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     StrCat(ConstraintSqlName(type), " constraints cannot be marked NOT VALID"));
  }
  if (type == ConstraintType::kPrimaryKey && PrimaryKeyOf(table) != nullptr) {
    return ctx.Error(StatusCode::kInvalidArgument, StrCat("multiple primary keys for table \"",
                                                          table_name.name, "\" are not allowed"));
  }
  if (type == ConstraintType::kExclusion && table.is_partitioned()) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     "exclusion constraints are not supported on partitioned tables");
  }

  Index index;
  std::vector<std::string> hints;
  if (type == ConstraintType::kExclusion) {
    constraint.columns.clear();
    for (size_t i = 0; i < constraint.exclusion_elements.size(); ++i) {
      const IndexElement& element = constraint.exclusion_elements[i].element;
      index.keys.push_back(element);
      std::string hint =
          i < def.element_name_hints.size() ? def.element_name_hints[i] : element.column;
      hints.push_back(hint);
    }
    index.method = constraint.exclusion_method.empty() ? "btree" : constraint.exclusion_method;
    index.predicate = constraint.exclusion_predicate;
  } else {
    constraint.columns = KeyColumns(def);
    for (const std::string& column : constraint.columns) {
      IndexElement key;
      key.column = column;
      index.keys.push_back(key);
      hints.push_back(column);
    }
    index.unique = true;
    index.nulls_not_distinct = constraint.nulls_not_distinct;
  }
  for (const IndexElement& key : index.keys) {
    if (!key.column.empty() && table.FindColumn(key.column) == nullptr) {
      return ctx.Error(StatusCode::kNotFound,
                       StrCat("column \"", key.column, "\" named in key does not exist"));
    }
  }
  for (const std::string& column : constraint.include) {
    if (table.FindColumn(column) == nullptr) {
      return ctx.Error(StatusCode::kNotFound,
                       StrCat("column \"", column, "\" named in key does not exist"));
    }
  }
  if (table.is_partitioned()) {
    // A unique index on a partitioned table must contain the partition key
    // (DefineIndex, "unique constraint on partitioned table must include all
    // partitioning columns").
    for (const std::string& key_column : PartitionKeyColumns(table.partition_key)) {
      if (std::find(constraint.columns.begin(), constraint.columns.end(), key_column) ==
          constraint.columns.end()) {
        return ctx.Error(StatusCode::kInvalidArgument,
                         "unique constraint on partitioned table must include all partitioning "
                         "columns");
      }
    }
  }

  std::string name = constraint.name;
  if (!name.empty()) {
    if (RelationNameTaken(catalog, {table_name.schema, name})) {
      return ctx.Error(StatusCode::kAlreadyExists,
                       StrCat("relation \"", name, "\" already exists"));
    }
    if (table.constraints.contains(name)) return ConstraintExists(ctx, name, table_name);
  } else {
    std::vector<std::string> name_hints = hints;
    name_hints.insert(name_hints.end(), constraint.include.begin(), constraint.include.end());
    name = ChooseIndexName(catalog, table_name.schema, table_name.name,
                           ChooseIndexColumnNames(name_hints), IndexNameKindFor(&constraint));
  }
  constraint.name = name;
  constraint.validated = true;
  constraint.lineage = Lineage::At(ctx.span());

  index.name = {table_name.schema, name};
  index.table = table_name;
  index.include = constraint.include;
  for (const auto& [option, value] : constraint.index_options) {
    if (option == "tablespace") {
      index.tablespace = value;
    } else {
      index.options.emplace(option, value);
    }
  }
  index.constraint_name = name;
  index.lineage = Lineage::At(ctx.span());

  // ALTER TABLE ONLY on a partitioned table: DefineIndex does not recurse when the
  // relation is not inherited (stmt->relation->inh), so the index is the parent's
  // alone, created invalid (INDEX_CREATE_INVALID) until every partition's index is
  // attached to it.
  const bool parent_only = !mode.recurse && table.is_partitioned();
  if (type == ConstraintType::kPrimaryKey && !mode.creating_table && parent_only) {
    // The primary key's implied SET NOT NULL runs with ONLY too.
    for (const std::string& column_name : constraint.columns) {
      if (table.FindColumn(column_name)->not_null) continue;
      PGDRIFT_RETURN_IF_ERROR(CheckPartitionsNotNull(ctx, catalog, table_name, column_name));
    }
  }
  if (type == ConstraintType::kPrimaryKey && !mode.creating_table && mode.recurse) {
    // ALTER TABLE … ADD PRIMARY KEY adds SET NOT NULL for the key columns, which
    // recurses to inheritance children (partitions get theirs with the cloned key).
    std::vector<QualifiedName> pending = ChildTables(catalog, table_name);
    while (!pending.empty()) {
      QualifiedName child = pending.back();
      pending.pop_back();
      Table& child_table = journal.EditTable(child);
      for (const std::string& column_name : constraint.columns) {
        if (Column* column = child_table.FindColumn(column_name)) column->not_null = true;
      }
      std::vector<QualifiedName> grandchildren = ChildTables(journal.catalog(), child);
      pending.insert(pending.end(), grandchildren.begin(), grandchildren.end());
    }
  }
  Table& edited = journal.EditTable(table_name);
  if (type == ConstraintType::kPrimaryKey) {
    // A primary key makes its columns NOT NULL (transformIndexConstraint).
    for (const std::string& column_name : constraint.columns) {
      edited.FindColumn(column_name)->not_null = true;
    }
  }
  edited.constraints.emplace(name, constraint);
  edited.lineage.Touch(ctx.span());
  if (parent_only) {
    journal.AddIndex(std::move(index));
    return absl::OkStatus();
  }
  return AddIndexTree(ctx, journal, std::move(index), &edited.constraints.at(name), hints);
}

// --- FOREIGN KEY ------------------------------------------------------------------------

// Whether `referenced` has a unique, non-partial, immediate index on exactly the
// columns `columns` (transformFkeyCheckAttrs in tablecmds.c).
bool HasUniqueKeyOn(const Catalog& catalog, const Table& referenced,
                    const std::vector<std::string>& columns) {
  std::set<std::string> wanted(columns.begin(), columns.end());
  for (const QualifiedName& name : IndexesOf(catalog, referenced.name)) {
    const Index& index = catalog.indexes.at(name);
    if (!index.unique || !index.predicate.empty() || index.keys.size() != columns.size()) {
      continue;
    }
    std::set<std::string> keys;
    bool plain = true;
    for (const IndexElement& key : index.keys) {
      plain = plain && !key.column.empty();
      keys.insert(key.column);
    }
    if (!plain || keys != wanted) continue;
    if (!index.constraint_name.empty()) {
      auto it = referenced.constraints.find(index.constraint_name);
      if (it != referenced.constraints.end() && it->second.deferrable) continue;
    }
    return true;
  }
  return false;
}

absl::Status AddForeignKeyTree(const ApplyContext& ctx, CatalogJournal& journal,
                               const QualifiedName& table_name, Constraint constraint);

absl::Status AddForeignKey(const ApplyContext& ctx, CatalogJournal& journal,
                           const QualifiedName& table_name, const ConstraintDef& def,
                           const ConstraintMode& mode) {
  const Catalog& catalog = journal.catalog();
  const Table& table = *catalog.FindTable(table_name);
  Constraint constraint = def.constraint;
  constraint.type = ConstraintType::kForeignKey;
  constraint.columns = KeyColumns(def);

  for (const std::string& column : constraint.columns) {
    if (table.FindColumn(column) == nullptr) {
      return ctx.Error(
          StatusCode::kNotFound,
          StrCat("column \"", column, "\" referenced in foreign key constraint does not exist"));
    }
  }

  std::optional<QualifiedName> resolved = ctx.Resolve(constraint.referenced_table);
  if (!resolved.has_value()) {
    return ctx.Error(
        StatusCode::kNotFound,
        StrCat("relation \"", WrittenName(constraint.referenced_table), "\" does not exist"));
  }
  const Table* referenced = catalog.FindTable(*resolved);
  if (referenced == nullptr) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     StrCat("referenced relation \"", resolved->name, "\" is not a table"));
  }
  constraint.referenced_table = *resolved;

  if (def.references_primary_key || constraint.referenced_columns.empty()) {
    const Constraint* primary_key = PrimaryKeyOf(*referenced);
    if (primary_key == nullptr) {
      return ctx.Error(
          StatusCode::kInvalidArgument,
          StrCat("there is no primary key for referenced table \"", resolved->name, "\""));
    }
    constraint.referenced_columns = primary_key->columns;
  } else {
    for (const std::string& column : constraint.referenced_columns) {
      if (referenced->FindColumn(column) == nullptr) {
        return ctx.Error(
            StatusCode::kNotFound,
            StrCat("column \"", column, "\" referenced in foreign key constraint does not exist"));
      }
    }
  }
  if (constraint.columns.size() != constraint.referenced_columns.size()) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     "number of referencing and referenced columns for foreign key disagree");
  }
  if (!def.references_primary_key) {
    std::set<std::string> distinct(constraint.referenced_columns.begin(),
                                   constraint.referenced_columns.end());
    if (distinct.size() != constraint.referenced_columns.size()) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       "foreign key referenced-columns list must not contain duplicates");
    }
    if (!HasUniqueKeyOn(catalog, *referenced, constraint.referenced_columns)) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       StrCat("there is no unique constraint matching given keys for referenced "
                              "table \"",
                              resolved->name, "\""));
    }
  }
  if (!table.unlogged && referenced->unlogged) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     "constraints on permanent tables may reference only permanent tables");
  }
  if (table.is_partitioned() && !mode.recurse) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     StrCat("cannot use ONLY for foreign key on partitioned table \"",
                            table_name.name, "\" referencing relation \"", resolved->name, "\""));
  }

  if (constraint.name.empty()) {
    constraint.name =
        ChooseForeignKeyName(catalog, table_name.schema, table_name.name, constraint.columns);
  } else if (table.constraints.contains(constraint.name)) {
    return ConstraintExists(ctx, constraint.name, table_name);
  }
  if (mode.creating_table) constraint.validated = true;
  constraint.lineage = Lineage::At(ctx.span());
  return AddForeignKeyTree(ctx, journal, table_name, std::move(constraint));
}

// Adds `constraint` to `table_name` and clones it to the table's partitions
// (addFkRecurseReferencing).
absl::Status AddForeignKeyTree(const ApplyContext& ctx, CatalogJournal& journal,
                               const QualifiedName& table_name, Constraint constraint) {
  Table& table = journal.EditTable(table_name);
  table.constraints.emplace(constraint.name, constraint);
  table.lineage.Touch(ctx.span());
  if (!table.is_partitioned()) return absl::OkStatus();
  for (const QualifiedName& partition : ChildTables(journal.catalog(), table_name)) {
    const Table& child = *journal.catalog().FindTable(partition);
    bool attached = false;
    for (const auto& [name, existing] : child.constraints) {
      attached = attached || EquivalentForeignKeys(existing, constraint);
    }
    if (attached) continue;
    Constraint clone = constraint;
    if (child.constraints.contains(clone.name)) {
      clone.name =
          ChooseForeignKeyName(journal.catalog(), partition.schema, partition.name, clone.columns);
    }
    clone.comment.clear();
    absl::Status status = AddForeignKeyTree(ctx, journal, partition, std::move(clone));
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<std::string> KeyColumns(const ConstraintDef& def) {
  if (!def.constraint.columns.empty() || def.column.empty()) return def.constraint.columns;
  return {def.column};
}

absl::Status AddTableConstraint(const ApplyContext& ctx, CatalogJournal& journal,
                                const QualifiedName& table, const ConstraintDef& def,
                                const ConstraintMode& mode) {
  switch (def.constraint.type) {
    case ConstraintType::kCheck:
      return AddCheck(ctx, journal, table, def, mode, /*recursing=*/false);
    case ConstraintType::kPrimaryKey:
    case ConstraintType::kUnique:
    case ConstraintType::kExclusion:
      return AddIndexConstraint(ctx, journal, table, def, mode);
    case ConstraintType::kForeignKey:
      return AddForeignKey(ctx, journal, table, def, mode);
  }
  return absl::OkStatus();
}

absl::Status CheckPartitionsNotNull(const ApplyContext& ctx, const Catalog& catalog,
                                    const QualifiedName& table, const std::string& column) {
  for (const QualifiedName& child : ChildTables(catalog, table)) {
    const Column* child_column = catalog.FindTable(child)->FindColumn(column);
    if (child_column != nullptr && !child_column->not_null) {
      return ctx.Error(
          StatusCode::kInvalidArgument,
          StrCat("constraint must be added to child tables too\nDETAIL:  Column \"", column,
                 "\" of relation \"", child.name,
                 "\" is not already NOT NULL.\nHINT:  Do not specify the ONLY keyword."));
    }
    PGDRIFT_RETURN_IF_ERROR(CheckPartitionsNotNull(ctx, catalog, child, column));
  }
  return absl::OkStatus();
}

absl::Status CloneForeignKeysToPartition(const ApplyContext& ctx, CatalogJournal& journal,
                                         const QualifiedName& parent,
                                         const QualifiedName& partition) {
  std::vector<Constraint> foreign_keys;
  for (const auto& [name, constraint] : journal.catalog().FindTable(parent)->constraints) {
    if (constraint.type == ConstraintType::kForeignKey) foreign_keys.push_back(constraint);
  }
  for (Constraint& constraint : foreign_keys) {
    const Table& child = *journal.catalog().FindTable(partition);
    bool attached = false;
    for (const auto& [name, existing] : child.constraints) {
      attached = attached || EquivalentForeignKeys(existing, constraint);
    }
    if (attached) continue;
    if (child.constraints.contains(constraint.name)) {
      constraint.name = ChooseForeignKeyName(journal.catalog(), partition.schema, partition.name,
                                             constraint.columns);
    }
    constraint.comment.clear();
    constraint.lineage = Lineage::At(ctx.span());
    absl::Status status = AddForeignKeyTree(ctx, journal, partition, std::move(constraint));
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
