// CREATE TABLE: columns (local, inherited with INHERITS, copied from the parent of a
// partition or from a composite type with OF), serial and identity sequences, and the
// table's constraints — in PostgreSQL's order (DefineRelation in tablecmds.c and
// transformCreateStmt in parse_utilcmd.c): sequences, the table with its inherited and
// local CHECK constraints, what a partition clones from its parent, the primary key,
// unique and exclusion constraints, then foreign keys.
#include <algorithm>
#include <map>
#include <set>

#include "absl/status/statusor.h"
#include "base/strings.h"
#include "model/internal/apply_context.h"
#include "model/internal/catalog_journal.h"
#include "model/internal/column_builder.h"
#include "model/internal/constraint_builder.h"
#include "model/internal/default_privileges.h"
#include "model/internal/index_builder.h"
#include "model/internal/namespaces.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

using absl::StatusCode;

// A column being assembled, with what MergeAttributes tracks beside it.
struct PendingColumn {
  Column column;
  const ColumnDef* local = nullptr;  // the statement's definition, when there is one
  bool conflicting_default = false;  // parents gave different defaults
};

// The resolved parent of PARTITION OF, or an error.
absl::StatusOr<QualifiedName> ResolvePartitionParent(const ApplyContext& ctx,
                                                     const QualifiedName& written) {
  std::optional<QualifiedName> parent = ctx.Resolve(written);
  if (!parent.has_value()) {
    return ctx.Error(StatusCode::kNotFound,
                     StrCat("relation \"", WrittenName(written), "\" does not exist"));
  }
  const Table* table = ctx.catalog->FindTable(*parent);
  if (table == nullptr) {
    return ctx.Error(StatusCode::kInvalidArgument, StrCat("\"", parent->name, "\" is not a table"));
  }
  if (!table->is_partitioned()) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     StrCat("\"", parent->name, "\" is not partitioned"));
  }
  return *parent;
}

// A column copied from a parent: not local, inherited once (MergeAttributes).
Column InheritedColumn(const Column& parent_column, const SourceSpan& span) {
  Column column;
  column.name = parent_column.name;
  column.type = parent_column.type;
  column.collation = parent_column.collation;
  column.not_null = parent_column.not_null;
  // Identity is not inherited in PostgreSQL 15, and neither is its lack of a default.
  column.default_expr = parent_column.default_expr;
  column.generated_expr = parent_column.generated_expr;
  column.storage = parent_column.storage;
  column.compression = parent_column.compression;
  column.inherit_count = 1;
  column.is_local = false;
  column.lineage = Lineage::At(span);
  return column;
}

PendingColumn* FindPending(std::vector<PendingColumn>& columns, std::string_view name) {
  for (PendingColumn& pending : columns) {
    if (pending.column.name == name) return &pending;
  }
  return nullptr;
}

// Columns of a partition: the parent's, with the statement's options merged in.
absl::Status PartitionColumns(const ApplyContext& ctx, const CreateTable& m, const Table& parent,
                              std::vector<PendingColumn>* columns) {
  for (const Column& parent_column : parent.columns) {
    columns->push_back({InheritedColumn(parent_column, ctx.span())});
  }
  for (const ColumnDef& def : m.columns) {
    PendingColumn* pending = FindPending(*columns, def.column.name);
    if (pending == nullptr) {
      return ctx.Error(StatusCode::kNotFound,
                       StrCat("column \"", def.column.name, "\" does not exist"));
    }
    pending->column.not_null = pending->column.not_null || def.column.not_null;
    if (def.column.default_expr.has_value()) pending->column.default_expr = def.column.default_expr;
  }
  return absl::OkStatus();
}

// Columns of a typed table (CREATE TABLE … OF type): the type's attributes, local.
absl::Status TypedTableColumns(const ApplyContext& ctx, const CreateTable& m,
                               std::vector<PendingColumn>* columns) {
  std::optional<QualifiedName> type_name = ctx.catalog->ResolveType(*m.of_type);
  if (!type_name.has_value()) {
    return ctx.Error(StatusCode::kNotFound,
                     StrCat("type \"", WrittenName(*m.of_type), "\" does not exist"));
  }
  auto type = ctx.catalog->types.find(*type_name);
  if (type == ctx.catalog->types.end() || type->second.kind != UserTypeKind::kComposite) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     StrCat("type ", type_name->ToString(), " is not a composite type"));
  }
  for (const CompositeAttribute& attribute : type->second.attributes) {
    PendingColumn pending;
    pending.column.name = attribute.name;
    pending.column.type = attribute.type;
    pending.column.collation = attribute.collation;
    pending.column.lineage = Lineage::At(ctx.span());
    columns->push_back(std::move(pending));
  }
  for (const ColumnDef& def : m.columns) {
    PendingColumn* pending = FindPending(*columns, def.column.name);
    if (pending == nullptr) {
      return ctx.Error(StatusCode::kNotFound,
                       StrCat("column \"", def.column.name, "\" does not exist"));
    }
    if (pending->local != nullptr) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       StrCat("column \"", def.column.name, "\" specified more than once"));
    }
    pending->local = &def;
    pending->column.not_null = pending->column.not_null || def.column.not_null;
    if (def.column.default_expr.has_value()) pending->column.default_expr = def.column.default_expr;
  }
  return absl::OkStatus();
}

// Columns inherited from INHERITS parents, merged with the local ones (MergeAttributes),
// and the parents' inheritable CHECK constraints.
absl::Status InheritedColumns(const ApplyContext& ctx, const CreateTable& m,
                              std::vector<QualifiedName>* parents,
                              std::vector<PendingColumn>* columns,
                              std::vector<Constraint>* inherited_checks) {
  for (const QualifiedName& written : m.table.inherits) {
    std::optional<QualifiedName> resolved = ctx.Resolve(written);
    if (!resolved.has_value()) {
      return ctx.Error(StatusCode::kNotFound,
                       StrCat("relation \"", WrittenName(written), "\" does not exist"));
    }
    const Table* parent = ctx.catalog->FindTable(*resolved);
    if (parent == nullptr) {
      return ctx.Error(StatusCode::kInvalidArgument, StrCat("inherited relation \"", resolved->name,
                                                            "\" is not a table or foreign table"));
    }
    if (parent->is_partitioned()) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       StrCat("cannot inherit from partitioned table \"", resolved->name, "\""));
    }
    if (parent->partition_of.has_value()) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       StrCat("cannot inherit from partition \"", resolved->name, "\""));
    }
    if (std::find(parents->begin(), parents->end(), *resolved) != parents->end()) {
      return ctx.Error(
          StatusCode::kInvalidArgument,
          StrCat("relation \"", resolved->name, "\" would be inherited from more than once"));
    }
    parents->push_back(*resolved);

    for (const Column& parent_column : parent->columns) {
      PendingColumn* pending = FindPending(*columns, parent_column.name);
      if (pending == nullptr) {
        columns->push_back({InheritedColumn(parent_column, ctx.span())});
        continue;
      }
      ctx.Notice(
          StrCat("merging multiple inherited definitions of column \"", parent_column.name, "\""));
      if (pending->column.type != parent_column.type) {
        return ctx.Error(
            StatusCode::kInvalidArgument,
            StrCat("inherited column \"", parent_column.name, "\" has a type conflict"));
      }
      pending->column.inherit_count++;
      pending->column.not_null = pending->column.not_null || parent_column.not_null;
      if (parent_column.default_expr.has_value()) {
        if (!pending->column.default_expr.has_value()) {
          pending->column.default_expr = parent_column.default_expr;
        } else if (*pending->column.default_expr != *parent_column.default_expr) {
          pending->conflicting_default = true;
        }
      }
    }
    for (const auto& [name, constraint] : parent->constraints) {
      if (constraint.type != ConstraintType::kCheck || constraint.no_inherit) continue;
      auto same_name = std::find_if(inherited_checks->begin(), inherited_checks->end(),
                                    [&](const Constraint& c) { return c.name == name; });
      if (same_name == inherited_checks->end()) {
        Constraint copy = constraint;
        copy.comment.clear();
        copy.lineage = Lineage::At(ctx.span());
        inherited_checks->push_back(std::move(copy));
      } else if (same_name->expression != constraint.expression) {
        return ctx.Error(StatusCode::kInvalidArgument,
                         StrCat("check constraint name \"", name,
                                "\" appears multiple times but with different expressions"));
      }
    }
  }

  for (const ColumnDef& def : m.columns) {
    PendingColumn* pending = FindPending(*columns, def.column.name);
    if (pending == nullptr) {
      PendingColumn local;
      local.column = def.column;
      local.local = &def;
      columns->push_back(std::move(local));
      continue;
    }
    if (pending->local != nullptr) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       StrCat("column \"", def.column.name, "\" specified more than once"));
    }
    ctx.Notice(StrCat("merging column \"", def.column.name, "\" with inherited definition"));
    TypeRef local_type = def.serial != SerialKind::kNone ? SerialType(def.serial) : def.column.type;
    if (pending->column.type != local_type) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       StrCat("column \"", def.column.name, "\" has a type conflict"));
    }
    pending->local = &def;
    pending->column.is_local = true;
    pending->column.not_null = pending->column.not_null || def.column.not_null;
    if (def.column.default_expr.has_value()) {
      pending->column.default_expr = def.column.default_expr;
      pending->conflicting_default = false;
    }
    if (!def.column.collation.empty()) pending->column.collation = def.column.collation;
    if (def.column.generated_expr.has_value()) {
      pending->column.generated_expr = def.column.generated_expr;
    }
    pending->column.identity = def.column.identity;
  }
  for (const PendingColumn& pending : *columns) {
    if (pending.conflicting_default) {
      return ctx.Error(
          StatusCode::kInvalidArgument,
          StrCat("column \"", pending.column.name, "\" inherits conflicting default values"));
    }
  }
  return absl::OkStatus();
}

// Whether two index-backed constraint definitions describe the same index, so
// transformIndexConstraints keeps only the first (UNIQUE PRIMARY KEY, or the same
// UNIQUE written twice).
bool SameIndexConstraint(const ConstraintDef& a, const ConstraintDef& b) {
  const Constraint& x = a.constraint;
  const Constraint& y = b.constraint;
  return KeyColumns(a) == KeyColumns(b) && x.include == y.include &&
         x.exclusion_elements == y.exclusion_elements &&
         x.exclusion_predicate == y.exclusion_predicate &&
         x.exclusion_method == y.exclusion_method && x.nulls_not_distinct == y.nulls_not_distinct &&
         x.deferrable == y.deferrable && x.initially_deferred == y.initially_deferred &&
         (x.type == ConstraintType::kExclusion) == (y.type == ConstraintType::kExclusion);
}

// The index-backed constraints in the order PostgreSQL creates them: the primary key
// first, then the others as written, duplicates of an earlier one left out (a named
// duplicate lends its name to an unnamed original).
std::vector<ConstraintDef> IndexConstraintsInOrder(const std::vector<ConstraintDef>& defs) {
  std::vector<ConstraintDef> written;
  const ConstraintDef* primary_key = nullptr;
  for (const ConstraintDef& def : defs) {
    if (!IsIndexBacked(def.constraint.type)) continue;
    if (def.constraint.type == ConstraintType::kPrimaryKey && primary_key == nullptr) {
      primary_key = &def;
    }
  }
  std::vector<ConstraintDef> result;
  if (primary_key != nullptr) result.push_back(*primary_key);
  for (const ConstraintDef& def : defs) {
    if (!IsIndexBacked(def.constraint.type) || &def == primary_key) continue;
    bool keep = true;
    for (ConstraintDef& prior : result) {
      if (SameIndexConstraint(prior, def)) {
        if (prior.constraint.name.empty()) prior.constraint.name = def.constraint.name;
        keep = false;
        break;
      }
    }
    if (keep) result.push_back(def);
  }
  return result;
}

}  // namespace

absl::Status ApplyCreateTable(const CreateTable& m, ApplyContext& ctx) {
  const Catalog& catalog = *ctx.catalog;
  QualifiedName name = catalog.ForCreation(m.table.name);
  if (name.schema.empty()) {
    return ctx.Error(StatusCode::kNotFound, "no schema has been selected to create in");
  }
  if (!catalog.schemas.contains(name.schema)) {
    return ctx.Error(StatusCode::kNotFound, StrCat("schema \"", name.schema, "\" does not exist"));
  }
  if (RelationNameTaken(catalog, name)) {
    if (m.if_not_exists) {
      ctx.Notice(StrCat("relation \"", name.name, "\" already exists, skipping"));
      return absl::OkStatus();
    }
    return ctx.Error(StatusCode::kAlreadyExists,
                     StrCat("relation \"", name.name, "\" already exists"));
  }
  if (TypeNameTaken(catalog, name)) {
    // The table's row type would take the name (heap_create_with_catalog).
    return ctx.Error(StatusCode::kAlreadyExists, StrCat("type \"", name.name, "\" already exists"));
  }

  Table table = m.table;
  table.name = name;
  table.columns.clear();
  table.constraints.clear();
  table.inherits.clear();
  table.partition_of.reset();
  table.lineage = Lineage::At(ctx.span());
  // The creating role owns the new table (heap_create_with_catalog: relowner = GetUserId()).
  table.owner = catalog.current_user;

  // Columns.
  std::vector<PendingColumn> columns;
  std::vector<Constraint> inherited_checks;
  std::optional<QualifiedName> partition_parent;
  if (m.table.partition_of.has_value()) {
    if (!m.table.inherits.empty()) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       "cannot create a partition that also inherits from other tables");
    }
    absl::StatusOr<QualifiedName> parent = ResolvePartitionParent(ctx, *m.table.partition_of);
    if (!parent.ok()) return parent.status();
    partition_parent = *parent;
    table.partition_of = *parent;
    const Table& parent_table = *catalog.FindTable(*parent);
    absl::Status status = PartitionColumns(ctx, m, parent_table, &columns);
    if (!status.ok()) return status;
    for (const auto& [check_name, constraint] : parent_table.constraints) {
      if (constraint.type != ConstraintType::kCheck) continue;
      Constraint copy = constraint;
      copy.comment.clear();
      copy.lineage = Lineage::At(ctx.span());
      inherited_checks.push_back(std::move(copy));
    }
  } else if (m.of_type.has_value()) {
    absl::Status status = TypedTableColumns(ctx, m, &columns);
    if (!status.ok()) return status;
  } else {
    absl::Status status = InheritedColumns(ctx, m, &table.inherits, &columns, &inherited_checks);
    if (!status.ok()) return status;
  }

  // Sequence names are chosen before anything is created, as the transform does.
  std::map<std::string, QualifiedName> sequence_names;  // by column
  for (const PendingColumn& pending : columns) {
    if (pending.local != nullptr && NeedsSequence(*pending.local)) {
      sequence_names.emplace(pending.column.name,
                             ChooseColumnSequenceName(catalog, name, *pending.local));
    }
  }
  for (PendingColumn& pending : columns) {
    if (pending.local == nullptr) continue;
    auto sequence = sequence_names.find(pending.column.name);
    Column prepared = PrepareColumn(*pending.local,
                                    sequence == sequence_names.end()
                                        ? std::nullopt
                                        : std::optional<QualifiedName>(sequence->second),
                                    ctx.span());
    if (pending.column.inherit_count > 0) {
      // A local definition merged into an inherited column keeps the inheritance.
      prepared.inherit_count = pending.column.inherit_count;
      prepared.is_local = true;
      prepared.not_null = prepared.not_null || pending.column.not_null;
      if (!prepared.default_expr.has_value() && prepared.identity == IdentityKind::kNone) {
        prepared.default_expr = pending.column.default_expr;
      }
      if (prepared.collation.empty()) prepared.collation = pending.column.collation;
      if (!prepared.generated_expr.has_value()) {
        prepared.generated_expr = pending.column.generated_expr;
      }
    } else if (m.of_type.has_value()) {
      prepared.type = pending.column.type;
      if (prepared.collation.empty()) prepared.collation = pending.column.collation;
    }
    pending.column = std::move(prepared);
  }
  for (const PendingColumn& pending : columns) table.columns.push_back(pending.column);

  CatalogJournal journal(ctx.catalog);

  // CREATE SEQUENCE for serial and identity columns runs before CREATE TABLE.
  for (const Column& column : table.columns) {
    auto sequence = sequence_names.find(column.name);
    if (sequence == sequence_names.end()) continue;
    const ColumnDef* def = nullptr;
    for (const PendingColumn& pending : columns) {
      if (pending.column.name == column.name) def = pending.local;
    }
    bool identity = column.identity != IdentityKind::kNone;
    absl::Status status =
        CreateColumnSequence(ctx, journal, sequence->second, table, column, identity,
                             identity ? def->identity_options : SequenceOptions{});
    if (!status.ok()) return status;
  }
  if (RelationNameTaken(journal.catalog(), name)) {
    return ctx.Error(StatusCode::kAlreadyExists,
                     StrCat("relation \"", name.name, "\" already exists"));
  }

  // The table, with the CHECK constraints it inherits.
  for (Constraint& check : inherited_checks) {
    std::string check_name = check.name;
    table.constraints.emplace(check_name, std::move(check));
  }
  // relacl from ALTER DEFAULT PRIVILEGES (heap_create_with_catalog: get_user_default_acl).
  table.privileges = NewObjectAcl(catalog, AclObjectKind::kTable, table.owner, name.schema);
  journal.AddTable(table);

  ConstraintMode mode;
  mode.creating_table = true;

  // Local CHECK constraints (AddRelationNewConstraints in heap.c).
  std::set<std::string> local_checks;
  for (const ConstraintDef& def : m.constraints) {
    if (def.constraint.type != ConstraintType::kCheck) continue;
    const std::string& check_name = def.constraint.name;
    if (!check_name.empty()) {
      if (local_checks.contains(check_name)) {
        return ctx.Error(StatusCode::kAlreadyExists,
                         StrCat("check constraint \"", check_name, "\" already exists"));
      }
      local_checks.insert(check_name);
      const Table& current = *journal.catalog().FindTable(name);
      auto inherited = current.constraints.find(check_name);
      if (inherited != current.constraints.end()) {
        if (inherited->second.type == ConstraintType::kCheck &&
            inherited->second.expression == def.constraint.expression) {
          ctx.Notice(StrCat("merging constraint \"", check_name, "\" with inherited definition"));
          continue;
        }
        return ctx.Error(StatusCode::kAlreadyExists,
                         StrCat("constraint \"", check_name, "\" for relation \"", name.name,
                                "\" already exists"));
      }
    }
    absl::Status status = AddTableConstraint(ctx, journal, name, def, mode);
    if (!status.ok()) return status;
  }

  // A partition clones its parent's indexes and foreign keys.
  if (partition_parent.has_value()) {
    absl::Status status = CloneIndexesToPartition(ctx, journal, *partition_parent, name);
    if (!status.ok()) return status;
    status = CloneForeignKeysToPartition(ctx, journal, *partition_parent, name);
    if (!status.ok()) return status;
  }

  // Primary key, unique and exclusion constraints, then foreign keys.
  for (const ConstraintDef& def : IndexConstraintsInOrder(m.constraints)) {
    absl::Status status = AddTableConstraint(ctx, journal, name, def, mode);
    if (!status.ok()) return status;
  }
  for (const ConstraintDef& def : m.constraints) {
    if (def.constraint.type != ConstraintType::kForeignKey) continue;
    absl::Status status = AddTableConstraint(ctx, journal, name, def, mode);
    if (!status.ok()) return status;
  }

  journal.EditTable(name).lineage = Lineage::At(ctx.span());
  journal.Commit();
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
