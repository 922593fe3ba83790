#include "model/internal/index_builder.h"

#include <optional>

#include "model/implicit_names.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

// The index of `partition` that DefineIndex (and AttachPartitionEnsureIndexes) takes as
// the partition's part of `index` instead of building one: the first, in creation
// order, that is equivalent, not attached to another index yet (has_superclass) and,
// when the parent index backs a constraint, backs one too.
std::optional<QualifiedName> AttachableIndex(const Catalog& catalog, const QualifiedName& partition,
                                             const Index& index, bool needs_constraint) {
  for (const QualifiedName& name : IndexesInCreationOrder(catalog, partition)) {
    const Index& candidate = catalog.indexes.at(name);
    if (candidate.parent_index.has_value()) continue;
    if (!EquivalentIndexes(candidate, index)) continue;
    if (needs_constraint && candidate.constraint_name.empty()) continue;
    return name;
  }
  return std::nullopt;
}

// Creates the partition's copy of parent index `index` (and of `constraint`), then
// recurses into the partition's own partitions.
absl::Status ClonePartitionIndex(const ApplyContext& ctx, CatalogJournal& journal,
                                 const Index& index, const Constraint* constraint,
                                 const QualifiedName& partition,
                                 const std::vector<std::string>& hints) {
  const Catalog& catalog = journal.catalog();
  if (std::optional<QualifiedName> existing =
          AttachableIndex(catalog, partition, index, constraint != nullptr)) {
    // IndexSetParentIndex: the existing index (and its constraint) becomes the
    // partition's part; its own partitions' indexes stay as they are.
    Index& attached = journal.EditIndex(*existing);
    attached.parent_index = index.name;
    attached.lineage.Touch(ctx.span());
    return absl::OkStatus();
  }
  std::vector<std::string> all_hints = hints;
  all_hints.insert(all_hints.end(), index.include.begin(), index.include.end());
  std::string name =
      ChooseIndexName(catalog, partition.schema, partition.name, ChooseIndexColumnNames(all_hints),
                      IndexNameKindFor(constraint));
  Index clone = index;
  clone.name = {partition.schema, name};
  clone.table = partition;
  clone.clustered = false;
  clone.comment.clear();
  clone.constraint_name = constraint != nullptr ? name : "";
  clone.parent_index = index.name;
  clone.lineage = Lineage::At(ctx.span());
  if (constraint != nullptr) {
    Table& table = journal.EditTable(partition);
    Constraint copy = *constraint;
    copy.name = name;
    copy.comment.clear();
    copy.lineage = Lineage::At(ctx.span());
    if (copy.type == ConstraintType::kPrimaryKey) {
      for (const std::string& column_name : copy.columns) {
        if (Column* column = table.FindColumn(column_name)) column->not_null = true;
      }
    }
    table.constraints.insert_or_assign(name, std::move(copy));
    const Constraint* stored = &table.constraints.at(name);
    return AddIndexTree(ctx, journal, std::move(clone), stored, hints);
  }
  return AddIndexTree(ctx, journal, std::move(clone), nullptr, hints);
}

}  // namespace

std::vector<std::string> ClonedIndexHints(const Index& index) {
  std::vector<std::string> hints;
  for (const IndexElement& key : index.keys) hints.push_back(key.column);
  return hints;
}

IndexNameKind IndexNameKindFor(const Constraint* constraint) {
  if (constraint == nullptr) return IndexNameKind::kIndex;
  switch (constraint->type) {
    case ConstraintType::kPrimaryKey:
      return IndexNameKind::kPrimaryKey;
    case ConstraintType::kExclusion:
      return IndexNameKind::kExclusion;
    case ConstraintType::kUnique:
    case ConstraintType::kCheck:
    case ConstraintType::kForeignKey:
      break;
  }
  return IndexNameKind::kConstraint;
}

absl::Status AddIndexTree(const ApplyContext& ctx, CatalogJournal& journal, Index index,
                          const Constraint* constraint, const std::vector<std::string>& hints) {
  QualifiedName table_name = index.table;
  const Index& stored = journal.AddIndex(std::move(index));
  const Table* table = journal.catalog().FindTable(table_name);
  if (table == nullptr || !table->is_partitioned()) return absl::OkStatus();
  Index parent_index = stored;
  std::optional<Constraint> parent_constraint;
  if (constraint != nullptr) parent_constraint = *constraint;
  for (const QualifiedName& child : ChildTables(journal.catalog(), table_name)) {
    absl::Status status = ClonePartitionIndex(
        ctx, journal, parent_index, parent_constraint.has_value() ? &*parent_constraint : nullptr,
        child, hints);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::Status CloneIndexesToPartition(const ApplyContext& ctx, CatalogJournal& journal,
                                     const QualifiedName& parent, const QualifiedName& partition) {
  for (const QualifiedName& name : IndexesInCreationOrder(journal.catalog(), parent)) {
    Index index = journal.catalog().indexes.at(name);
    std::optional<Constraint> constraint;
    if (!index.constraint_name.empty()) {
      const Table* parent_table = journal.catalog().FindTable(parent);
      auto it = parent_table->constraints.find(index.constraint_name);
      if (it != parent_table->constraints.end()) constraint = it->second;
    }
    absl::Status status =
        ClonePartitionIndex(ctx, journal, index, constraint.has_value() ? &*constraint : nullptr,
                            partition, ClonedIndexHints(index));
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
