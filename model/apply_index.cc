// CREATE INDEX and ALTER INDEX (DefineIndex and ATExecAttachPartitionIdx in
// src/backend/commands): the implicit <table>_<columns>_idx name, name collisions in the
// table's schema, IF NOT EXISTS, the recursion of an index on a partitioned table to its
// partitions, and the attachment of a partition's index to a partitioned index.
#include "base/status_macros.h"
#include "base/strings.h"
#include "model/implicit_names.h"
#include "model/internal/apply_context.h"
#include "model/internal/catalog_journal.h"
#include "model/internal/index_builder.h"
#include "model/internal/namespaces.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

using absl::StatusCode;

// The per-key name hints of `m`: the parser's, or the key columns ("" = expression).
std::vector<std::string> KeyNameHints(const CreateIndex& m) {
  if (m.key_name_hints.size() == m.index.keys.size()) return m.key_name_hints;
  std::vector<std::string> hints;
  for (const IndexElement& key : m.index.keys) hints.push_back(key.column);
  return hints;
}

// The checks ATExecAttachPartitionIdx (tablecmds.c) makes before it attaches index
// `part` to partitioned index `parent`, with its messages: the partition may have only
// one index attached to `parent` (refuseDupeIndexAttach), `part` may not be attached
// elsewhere, must index a partition of `parent`'s table, match its definition
// (CompareIndexInfo) and back a constraint when `parent` does.
absl::Status CheckIndexAttach(const ApplyContext& ctx, const Index& parent, const Index& part) {
  const Catalog& catalog = *ctx.catalog;
  auto refuse = [&](StatusCode code, const std::string& detail) {
    return ctx.Error(
        code, StrCat("cannot attach index \"", part.name.name, "\" as a partition of index \"",
                     parent.name.name, "\"\nDETAIL:  ", detail));
  };
  for (const QualifiedName& sibling : IndexesOf(catalog, part.table)) {
    if (catalog.indexes.at(sibling).parent_index == parent.name) {
      return refuse(
          StatusCode::kFailedPrecondition,
          StrCat("Another index is already attached for partition \"", part.table.name, "\"."));
    }
  }
  if (part.parent_index.has_value()) {
    return refuse(StatusCode::kFailedPrecondition,
                  StrCat("Index \"", part.name.name, "\" is already attached to another index."));
  }
  const Table* part_table = catalog.FindTable(part.table);
  if (part_table == nullptr || part_table->partition_of != parent.table) {
    return refuse(
        StatusCode::kFailedPrecondition,
        StrCat("Index \"", part.name.name, "\" is not an index on any partition of table \"",
               parent.table.name, "\"."));
  }
  if (!EquivalentIndexes(parent, part)) {
    return refuse(StatusCode::kInvalidArgument, "The index definitions do not match.");
  }
  if (!parent.constraint_name.empty() && part.constraint_name.empty()) {
    return refuse(StatusCode::kInvalidArgument,
                  StrCat("The index \"", parent.name.name, "\" belongs to a constraint in table \"",
                         parent.table.name, "\" but no constraint exists for index \"",
                         part.name.name, "\"."));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplyCreateIndex(const CreateIndex& m, ApplyContext& ctx) {
  const Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> table_name = ctx.Resolve(m.index.table);
  if (!table_name.has_value()) {
    return ctx.Error(StatusCode::kNotFound,
                     StrCat("relation \"", WrittenName(m.index.table), "\" does not exist"));
  }
  const Table* table = catalog.FindTable(*table_name);
  // A materialized view is indexed like a table; its columns come from its query.
  Table matview_columns;
  auto view = catalog.views.find(*table_name);
  if (table == nullptr && view != catalog.views.end() && view->second.materialized) {
    matview_columns.name = *table_name;
    for (const ViewColumn& column : view->second.columns) matview_columns.columns.push_back({.name = column.name});
    table = &matview_columns;
  }
  if (table == nullptr) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     StrCat("cannot create index on relation \"", table_name->name, "\""));
  }
  if (table->is_partitioned() && m.concurrently) {
    return ctx.Error(
        StatusCode::kInvalidArgument,
        StrCat("cannot create index on partitioned table \"", table_name->name, "\" concurrently"));
  }
  // ComputeIndexAttrs: every key and INCLUDE column must exist.
  for (const IndexElement& key : m.index.keys) {
    if (!key.column.empty() && table->FindColumn(key.column) == nullptr) {
      return ctx.Error(StatusCode::kNotFound, StrCat("column \"", key.column, "\" does not exist"));
    }
  }
  for (const std::string& column : m.index.include) {
    if (table->FindColumn(column) == nullptr) {
      return ctx.Error(StatusCode::kNotFound, StrCat("column \"", column, "\" does not exist"));
    }
  }

  std::vector<std::string> hints = KeyNameHints(m);
  std::string name = m.index.name.name;
  if (!name.empty()) {
    if (RelationNameTaken(catalog, {table_name->schema, name})) {
      if (m.if_not_exists) {
        ctx.Notice(StrCat("relation \"", name, "\" already exists, skipping"));
        return absl::OkStatus();
      }
      return ctx.Error(StatusCode::kAlreadyExists,
                       StrCat("relation \"", name, "\" already exists"));
    }
  } else {
    std::vector<std::string> name_hints = hints;
    name_hints.insert(name_hints.end(), m.index.include.begin(), m.index.include.end());
    name = ChooseIndexName(catalog, table_name->schema, table_name->name,
                           ChooseIndexColumnNames(name_hints), IndexNameKind::kIndex);
  }

  Index index = m.index;
  index.name = {table_name->schema, name};
  index.table = *table_name;
  index.constraint_name.clear();
  index.parent_index.reset();
  index.clustered = false;
  if (index.method.empty()) index.method = "btree";
  index.lineage = Lineage::At(ctx.span());

  CatalogJournal journal(ctx.catalog);
  if (m.only || table == &matview_columns) {
    // CREATE INDEX … ON ONLY: the parent's index alone, attached to later. A
    // materialized view has no partitions either.
    journal.AddIndex(std::move(index));
  } else {
    absl::Status status = AddIndexTree(ctx, journal, std::move(index), nullptr, hints);
    if (!status.ok()) return status;
  }
  journal.Commit();
  return absl::OkStatus();
}

absl::Status ApplyAlterIndex(const AlterIndex& m, ApplyContext& ctx) {
  const Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = ctx.Resolve(m.index);
  if (!name.has_value()) {
    if (m.if_exists) {
      ctx.Notice(StrCat("relation \"", m.index.name, "\" does not exist, skipping"));
      return absl::OkStatus();
    }
    return ctx.Error(StatusCode::kNotFound,
                     StrCat("relation \"", WrittenName(m.index), "\" does not exist"));
  }
  auto found = catalog.indexes.find(*name);
  if (found == catalog.indexes.end()) {
    return ctx.Error(StatusCode::kInvalidArgument, StrCat("\"", name->name, "\" is not an index"));
  }

  std::optional<QualifiedName> attach;
  if (m.attach_partition.has_value()) {
    std::optional<QualifiedName> child = ctx.Resolve(*m.attach_partition);
    if (!child.has_value()) {
      return ctx.Error(
          StatusCode::kNotFound,
          StrCat("relation \"", WrittenName(*m.attach_partition), "\" does not exist"));
    }
    auto child_index = catalog.indexes.find(*child);
    if (child_index == catalog.indexes.end()) {
      return ctx.Error(StatusCode::kInvalidArgument,
                       StrCat("\"", child->name, "\" is not an index"));
    }
    // ATExecAttachPartitionIdx: nothing to do when already attached here; otherwise
    // its checks, in its order.
    const Index& parent = found->second;
    const Index& part = child_index->second;
    if (part.parent_index != *name) {
      PGDRIFT_RETURN_IF_ERROR(CheckIndexAttach(ctx, parent, part));
      attach = *child;
    }
  }

  CatalogJournal journal(ctx.catalog);
  Index& index = journal.EditIndex(*name);
  if (attach.has_value()) {
    Index& part = journal.EditIndex(*attach);
    part.parent_index = *name;
    part.lineage.Touch(ctx.span());
  }
  for (const auto& [option, value] : m.set_options) index.options.insert_or_assign(option, value);
  for (const std::string& option : m.reset_options) index.options.erase(option);
  if (m.tablespace.has_value()) {
    index.tablespace = *m.tablespace == "pg_default" ? "" : *m.tablespace;
  }
  index.lineage.Touch(ctx.span());
  journal.Commit();
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
