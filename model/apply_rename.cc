// ALTER … RENAME (tablecmds.c RenameRelation, renameatt, RenameConstraint; typecmds.c
// RenameType; schemacmds.c RenameSchema). PostgreSQL refers to objects by OID, so a
// rename shows wherever the object is used; the model refers by name, so every reference
// is rewritten here, and expression texts through Rename::expression_rewrites.
#include <algorithm>
#include <set>
#include <vector>

#include "absl/status/statusor.h"
#include "base/strings.h"
#include "model/internal/altered_type.h"
#include "model/internal/apply_context.h"
#include "model/internal/expression_fields.h"
#include "model/internal/namespaces.h"
#include "model/internal/references.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

// The result of a rename: true when something was renamed, false when IF EXISTS skipped.
using Renamed = absl::StatusOr<bool>;

std::optional<QualifiedName> FindRelation(const Catalog& catalog, const QualifiedName& written) {
  return catalog.SearchPath(written, [&catalog](const QualifiedName& candidate) {
    return RelationNameTaken(catalog, candidate);
  });
}

Renamed MissingRelation(const Rename& m, ApplyContext& ctx) {
  if (m.if_exists) {
    ctx.Notice(StrCat("relation \"", m.object.name, "\" does not exist, skipping"));
    return false;
  }
  return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(*ctx.catalog, m.object));
}

// The tables below `table` in the inheritance tree (INHERITS children and partitions,
// recursively), parents before children.
std::vector<QualifiedName> Descendants(const Catalog& catalog, const QualifiedName& table) {
  std::vector<QualifiedName> found;
  for (size_t next = 0, parents = 1; next < parents; ++next) {
    const QualifiedName parent = next == 0 ? table : found[next - 1];
    for (const QualifiedName& child : ChildTables(catalog, parent)) {
      if (child != table && std::find(found.begin(), found.end(), child) == found.end()) {
        found.push_back(child);
        ++parents;
      }
    }
  }
  return found;
}

Column* FindColumn(Table& table, const std::string& name) {
  auto it = std::find_if(table.columns.begin(), table.columns.end(),
                         [&name](const Column& column) { return column.name == name; });
  return it == table.columns.end() ? nullptr : &*it;
}

// Renames an index and, when it backs a constraint, the constraint too (tablecmds.c
// RenameRelationInternal → RenameConstraintById).
void RenameIndexAndConstraint(Catalog& catalog, const QualifiedName& from,
                              const std::string& new_name, const SourceSpan& span) {
  const QualifiedName to{from.schema, new_name};
  MoveEntry(catalog.indexes, from, to);
  RetargetAttachedIndexes(catalog, from, to);
  Index& index = catalog.indexes.at(to);
  index.name = to;
  index.lineage.Renamed(from.name, span);
  Table* table = catalog.FindTable(index.table);
  if (table == nullptr) return;
  if (table->replica_identity_index == from.name) table->replica_identity_index = new_name;
  if (index.constraint_name.empty()) return;
  auto node = table->constraints.extract(index.constraint_name);
  if (!node.empty()) {
    node.key() = new_name;
    node.mapped().name = new_name;
    node.mapped().lineage.Renamed(index.constraint_name, span);
    table->constraints.insert(std::move(node));
  }
  index.constraint_name = new_name;
}

// ALTER TABLE / SEQUENCE / INDEX … RENAME TO.
// Renames a view or materialized view and what refers to it by name: the indexes of a
// materialized view and the recorded dependencies of views and policies. The query
// texts of other views that read it keep the old name (a known gap: pg_get_viewdef
// would print the new one).
void RenameView(Catalog& catalog, const QualifiedName& from, const QualifiedName& to,
                const SourceSpan& span) {
  MoveEntry(catalog.views, from, to);
  View& view = catalog.views.at(to);
  view.name = to;
  view.lineage.Renamed(from.name, span);
  for (auto& [name, index] : catalog.indexes) {
    if (index.table == from) index.table = to;
  }
  auto retarget = [&](std::vector<ObjectId>& ids) {
    for (ObjectId& id : ids) {
      if ((id.kind == ObjectKind::kView || id.kind == ObjectKind::kMaterializedView ||
           id.kind == ObjectKind::kColumn) &&
          id.qualified() == from) {
        (id.parent.empty() ? id.name : id.parent) = to.name;
      }
    }
  };
  for (auto& [name, other] : catalog.views) retarget(other.depends_on);
  for (auto& [name, table] : catalog.tables) {
    for (auto& [policy_name, policy] : table.policies) retarget(policy.depends_on);
  }
}

Renamed RenameRelation(const Rename& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> from = FindRelation(catalog, m.object);
  if (!from.has_value()) return MissingRelation(m, ctx);
  if (IsCompositeType(catalog, *from)) {
    return ctx.Error(
        absl::StatusCode::kInvalidArgument,
        StrCat("\"", from->name, "\" is a composite type\nHINT:  Use ALTER TYPE instead."));
  }
  const ObjectKind kind = *catalog.RelationKindOf(*from);
  if (m.kind == ObjectKind::kSequence && kind != ObjectKind::kSequence) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", from->name, "\" is not a sequence"));
  }
  if (m.kind == ObjectKind::kIndex && kind != ObjectKind::kIndex) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", from->name, "\" is not an index"));
  }
  const QualifiedName to{from->schema, m.new_name};
  if (RelationNameTaken(catalog, to)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("relation \"", m.new_name, "\" already exists"));
  }
  // A table's row type is renamed with it (RenameTypeInternal).
  if (kind == ObjectKind::kTable && TypeNameTaken(catalog, to)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("type \"", m.new_name, "\" already exists"));
  }
  if (kind == ObjectKind::kIndex) {
    const Index& index = catalog.indexes.at(*from);
    const Table* table = catalog.FindTable(index.table);
    if (!index.constraint_name.empty() && table != nullptr &&
        table->constraints.contains(m.new_name)) {
      return ctx.Error(absl::StatusCode::kAlreadyExists,
                       StrCat("constraint \"", m.new_name, "\" for relation \"", table->name.name,
                              "\" already exists"));
    }
    RenameIndexAndConstraint(catalog, *from, m.new_name, ctx.span());
    return true;
  }
  if (kind == ObjectKind::kView || kind == ObjectKind::kMaterializedView) {
    RenameView(catalog, *from, to, ctx.span());
    return true;
  }
  if (kind == ObjectKind::kSequence) {
    MoveEntry(catalog.sequences, *from, to);
    Sequence& sequence = catalog.sequences.at(to);
    sequence.name = to;
    sequence.lineage.Renamed(from->name, ctx.span());
    return true;
  }
  MoveEntry(catalog.tables, *from, to);
  Table& table = catalog.tables.at(to);
  table.name = to;
  table.lineage.Renamed(from->name, ctx.span());
  ReplaceTableReferences(catalog, *from, to);
  return true;
}

// ALTER TYPE / DOMAIN … RENAME TO (RenameType).
Renamed RenameType(const Rename& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  absl::StatusOr<std::optional<QualifiedName>> found =
      FindAlteredType(m.object, m.kind, m.if_exists, "renaming", ctx);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return false;
  const QualifiedName* from = &**found;
  const bool is_domain = catalog.domains.contains(*from);
  const QualifiedName to{from->schema, m.new_name};
  // A composite type's pg_class entry is renamed first (RenameRelationInternal).
  if (IsCompositeType(catalog, *from) && RelationNameTaken(catalog, to)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("relation \"", m.new_name, "\" already exists"));
  }
  if (TypeNameTaken(catalog, to)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("type \"", m.new_name, "\" already exists"));
  }
  if (is_domain) {
    MoveEntry(catalog.domains, *from, to);
    Domain& domain = catalog.domains.at(to);
    domain.name = to;
    domain.lineage.Renamed(from->name, ctx.span());
  } else {
    MoveEntry(catalog.types, *from, to);
    UserType& type = catalog.types.at(to);
    type.name = to;
    type.lineage.Renamed(from->name, ctx.span());
  }
  ReplaceTypeReferences(catalog, *from, to);
  return true;
}

// Re-keys every entry of `map` whose schema is `from` into schema `to`.
template <class T, class SetName>
void MoveSchemaEntries(std::map<QualifiedName, T>& map, const std::string& from,
                       const std::string& to, SetName set_name) {
  std::vector<QualifiedName> moving;
  for (auto it = map.lower_bound({from, ""}); it != map.end() && it->first.schema == from; ++it) {
    moving.push_back(it->first);
  }
  for (const QualifiedName& name : moving) {
    const QualifiedName renamed{to, name.name};
    MoveEntry(map, name, renamed);
    set_name(map.at(renamed), renamed);
  }
}

// ALTER SCHEMA … RENAME TO (RenameSchema): every object of the schema moves with it.
Renamed RenameSchema(const Rename& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  const std::string& from = m.object.name.empty() ? m.object.schema : m.object.name;
  const std::string& to = m.new_name;
  if (!catalog.schemas.contains(from)) {
    return ctx.Error(absl::StatusCode::kNotFound, StrCat("schema \"", from, "\" does not exist"));
  }
  if (catalog.schemas.contains(to)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("schema \"", to, "\" already exists"));
  }
  if (to.starts_with("pg_")) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("unacceptable schema name \"", to,
                            "\"\nDETAIL:  The prefix \"pg_\" is reserved for system schemas."));
  }
  auto node = catalog.schemas.extract(from);
  node.key() = to;
  node.mapped().name = to;
  node.mapped().lineage.Renamed(from, ctx.span());
  catalog.schemas.insert(std::move(node));
  for (auto& [name, extension] : catalog.extensions) {
    if (extension.schema == from) extension.schema = to;
  }
  MoveSchemaEntries(catalog.types, from, to,
                    [](UserType& t, const QualifiedName& n) { t.name = n; });
  MoveSchemaEntries(catalog.domains, from, to,
                    [](Domain& d, const QualifiedName& n) { d.name = n; });
  MoveSchemaEntries(catalog.sequences, from, to,
                    [](Sequence& s, const QualifiedName& n) { s.name = n; });
  MoveSchemaEntries(catalog.tables, from, to, [](Table& t, const QualifiedName& n) { t.name = n; });
  MoveSchemaEntries(catalog.indexes, from, to,
                    [](Index& i, const QualifiedName& n) { i.name = n; });
  ForEachRelationReference(catalog, [&](QualifiedName& name) {
    if (name.schema == from) name.schema = to;
  });
  ForEachTypeReference(catalog, [&](TypeRef& type) {
    if (type.schema == from) type.schema = to;
  });
  return true;
}

// Renames column `from` of `table_name` to `to` and every reference to it: the table's
// constraints and indexes, foreign keys that reference it, the sequences it owns.
void RenameColumnIn(Catalog& catalog, const QualifiedName& table_name, const std::string& from,
                    const std::string& to, const SourceSpan& span) {
  auto rename = [&](std::string& name) {
    if (name == from) name = to;
  };
  auto rename_all = [&](std::vector<std::string>& names) {
    for (std::string& name : names) rename(name);
  };
  Table& table = catalog.tables.at(table_name);
  if (Column* column = FindColumn(table, from)) {
    column->name = to;
    column->lineage.Renamed(from, span);
  }
  for (auto& [name, constraint] : table.constraints) {
    rename_all(constraint.columns);
    rename_all(constraint.include);
    rename_all(constraint.on_delete_set_columns);
    for (ExclusionElement& element : constraint.exclusion_elements) rename(element.element.column);
  }
  for (auto& [name, other] : catalog.tables) {
    for (auto& [constraint_name, constraint] : other.constraints) {
      if (constraint.type == ConstraintType::kForeignKey &&
          constraint.referenced_table == table_name) {
        rename_all(constraint.referenced_columns);
      }
    }
  }
  for (auto& [name, trigger] : table.triggers) rename_all(trigger.update_columns);
  for (auto& [name, index] : catalog.indexes) {
    if (index.table != table_name) continue;
    for (IndexElement& key : index.keys) rename(key.column);
    rename_all(index.include);
  }
  for (auto& [name, sequence] : catalog.sequences) {
    if (sequence.owned_by.has_value() && sequence.owned_by->table == table_name) {
      rename(sequence.owned_by->column);
    }
  }
}

// ALTER TYPE … RENAME ATTRIBUTE, sent as a column rename on a composite type.
Renamed RenameAttribute(const Rename& m, const QualifiedName& type_name, ApplyContext& ctx) {
  UserType& type = ctx.catalog->types.at(type_name);
  auto find = [&type](const std::string& name) {
    return std::find_if(type.attributes.begin(), type.attributes.end(),
                        [&name](const CompositeAttribute& a) { return a.name == name; });
  };
  auto attribute = find(m.sub_name);
  if (attribute == type.attributes.end()) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("column \"", m.sub_name, "\" does not exist"));
  }
  if (find(m.new_name) != type.attributes.end()) {
    return ctx.Error(
        absl::StatusCode::kAlreadyExists,
        StrCat("column \"", m.new_name, "\" of relation \"", type_name.name, "\" already exists"));
  }
  attribute->name = m.new_name;
  type.lineage.Touch(ctx.span());
  return true;
}

// ALTER TABLE … RENAME COLUMN (renameatt): recurses to inheritance children and
// partitions; an inherited column can only be renamed through its parent.
Renamed RenameColumn(const Rename& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = FindRelation(catalog, m.object);
  if (!name.has_value()) return MissingRelation(m, ctx);
  if (IsCompositeType(catalog, *name)) return RenameAttribute(m, *name, ctx);
  const ObjectKind kind = *catalog.RelationKindOf(*name);
  if (kind == ObjectKind::kIndex) {
    return absl::UnimplementedError("renaming an index column is not modelled");
  }
  if (kind != ObjectKind::kTable) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", name->name,
                            "\" is not a table, view, materialized view, composite type, index, "
                            "or foreign table"));
  }
  Table& table = catalog.tables.at(*name);
  const Column* column = FindColumn(table, m.sub_name);
  if (column == nullptr) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("column \"", m.sub_name, "\" does not exist"));
  }
  if (column->inherit_count > 0) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("cannot rename inherited column \"", m.sub_name, "\""));
  }
  std::vector<QualifiedName> targets = {*name};
  for (const QualifiedName& child : Descendants(catalog, *name)) {
    if (FindColumn(catalog.tables.at(child), m.sub_name) != nullptr) targets.push_back(child);
  }
  for (const QualifiedName& target : targets) {
    if (FindColumn(catalog.tables.at(target), m.new_name) != nullptr) {
      return ctx.Error(
          absl::StatusCode::kAlreadyExists,
          StrCat("column \"", m.new_name, "\" of relation \"", target.name, "\" already exists"));
    }
  }
  for (const QualifiedName& target : targets) {
    RenameColumnIn(catalog, target, m.sub_name, m.new_name, ctx.span());
  }
  return true;
}

void RenameConstraintIn(Table& table, const std::string& from, const std::string& to,
                        const SourceSpan& span) {
  auto node = table.constraints.extract(from);
  if (node.empty()) return;
  node.key() = to;
  node.mapped().name = to;
  node.mapped().lineage.Renamed(from, span);
  table.constraints.insert(std::move(node));
}

// ALTER TABLE … RENAME CONSTRAINT (RenameConstraint): an index-backed constraint renames
// its index; an inheritable CHECK constraint is renamed in the children too.
Renamed RenameTableConstraint(const Rename& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = FindRelation(catalog, m.object);
  if (!name.has_value()) return MissingRelation(m, ctx);
  Table* table = catalog.FindTable(*name);
  auto constraint =
      table == nullptr ? decltype(table->constraints.end()){} : table->constraints.find(m.sub_name);
  if (table == nullptr || constraint == table->constraints.end()) {
    return ctx.Error(
        absl::StatusCode::kNotFound,
        StrCat("constraint \"", m.sub_name, "\" for table \"", name->name, "\" does not exist"));
  }
  const QualifiedName index_name{name->schema, m.sub_name};
  auto index = catalog.indexes.find(index_name);
  const bool index_backed = index != catalog.indexes.end() &&
                            index->second.constraint_name == m.sub_name &&
                            index->second.table == *name;
  if (index_backed && RelationNameTaken(catalog, {name->schema, m.new_name})) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("relation \"", m.new_name, "\" already exists"));
  }
  std::vector<QualifiedName> targets = {*name};
  if (constraint->second.type == ConstraintType::kCheck && !constraint->second.no_inherit) {
    for (const QualifiedName& child : Descendants(catalog, *name)) {
      if (catalog.tables.at(child).constraints.contains(m.sub_name)) targets.push_back(child);
    }
  }
  for (const QualifiedName& target : targets) {
    if (catalog.tables.at(target).constraints.contains(m.new_name)) {
      return ctx.Error(absl::StatusCode::kAlreadyExists,
                       StrCat("constraint \"", m.new_name, "\" for relation \"", target.name,
                              "\" already exists"));
    }
  }
  if (index_backed) {
    RenameIndexAndConstraint(catalog, index_name, m.new_name, ctx.span());
  } else {
    RenameConstraintIn(*table, m.sub_name, m.new_name, ctx.span());
  }
  for (size_t i = 1; i < targets.size(); ++i) {
    RenameConstraintIn(catalog.tables.at(targets[i]), m.sub_name, m.new_name, ctx.span());
  }
  return true;
}

// ALTER DOMAIN … RENAME CONSTRAINT.
Renamed RenameDomainConstraint(const Rename& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = ResolveAnyType(catalog, m.object);
  if (!name.has_value()) {
    return ctx.Error(absl::StatusCode::kNotFound, MissingTypeMessage(catalog, m.object));
  }
  auto domain = catalog.domains.find(*name);
  if (domain == catalog.domains.end()) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat(FormatTypeName(catalog, *name), " is not a domain"));
  }
  std::map<std::string, DomainCheck>& checks = domain->second.checks;
  if (!checks.contains(m.sub_name)) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("constraint \"", m.sub_name, "\" for domain ",
                            FormatTypeName(catalog, *name), " does not exist"));
  }
  if (checks.contains(m.new_name)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("constraint \"", m.new_name, "\" for domain ",
                            FormatTypeName(catalog, *name), " already exists"));
  }
  auto node = checks.extract(m.sub_name);
  node.key() = m.new_name;
  node.mapped().name = m.new_name;
  checks.insert(std::move(node));
  domain->second.lineage.Touch(ctx.span());
  return true;
}

// ALTER POLICY … RENAME TO (policy.c rename_policy).
Renamed RenamePolicy(const Rename& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = FindRelation(catalog, m.object);
  if (!name.has_value()) {
    return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, m.object));
  }
  Table* table = catalog.FindTable(*name);
  if (table == nullptr) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", name->name, "\" is not a table"));
  }
  if (table->policies.contains(m.new_name)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("policy \"", m.new_name, "\" for table \"", name->name,
                            "\" already exists"));
  }
  auto node = table->policies.extract(m.sub_name);
  if (node.empty()) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("policy \"", m.sub_name, "\" for table \"", name->name,
                            "\" does not exist"));
  }
  node.key() = m.new_name;
  node.mapped().name = m.new_name;
  node.mapped().lineage.Renamed(m.sub_name, ctx.span());
  table->policies.insert(std::move(node));
  return true;
}

// ALTER TRIGGER … ON relation RENAME TO (trigger.c renametrig).
Renamed RenameTrigger(const Rename& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = FindRelation(catalog, m.object);
  if (!name.has_value()) {
    return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, m.object));
  }
  std::map<std::string, Trigger>* triggers = nullptr;
  if (Table* table = catalog.FindTable(*name)) {
    triggers = &table->triggers;
  } else if (auto view = catalog.views.find(*name); view != catalog.views.end()) {
    triggers = &view->second.triggers;
  } else {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("relation \"", name->name, "\" cannot have triggers"));
  }
  if (triggers->contains(m.new_name)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("trigger \"", m.new_name, "\" for relation \"", name->name,
                            "\" already exists"));
  }
  auto node = triggers->extract(m.sub_name);
  if (node.empty()) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("trigger \"", m.sub_name, "\" for table \"", name->name,
                            "\" does not exist"));
  }
  node.key() = m.new_name;
  node.mapped().name = m.new_name;
  node.mapped().lineage.Renamed(m.sub_name, ctx.span());
  triggers->insert(std::move(node));
  return true;
}

}  // namespace

absl::Status ApplyRename(const Rename& m, ApplyContext& ctx) {
  Renamed renamed = false;
  switch (m.kind) {
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
      return RenameRoutine(m, ctx);
    case ObjectKind::kTable:
    case ObjectKind::kSequence:
    case ObjectKind::kIndex:
      renamed = RenameRelation(m, ctx);
      break;
    case ObjectKind::kType:
    case ObjectKind::kDomain:
      renamed = RenameType(m, ctx);
      break;
    case ObjectKind::kSchema:
      renamed = RenameSchema(m, ctx);
      break;
    case ObjectKind::kColumn:
      renamed = RenameColumn(m, ctx);
      break;
    case ObjectKind::kConstraint:
      renamed = m.on_domain ? RenameDomainConstraint(m, ctx) : RenameTableConstraint(m, ctx);
      break;
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
      renamed = RenameRelation(m, ctx);
      break;
    case ObjectKind::kPolicy:
      renamed = RenamePolicy(m, ctx);
      break;
    case ObjectKind::kTrigger:
      renamed = RenameTrigger(m, ctx);
      break;
    case ObjectKind::kExtension:
    case ObjectKind::kAggregate:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      return absl::UnimplementedError(StrCat("renaming a ", KindName(m.kind), " is not modelled"));
  }
  if (!renamed.ok()) return renamed.status();
  if (!*renamed) return absl::OkStatus();
  if (m.kind == ObjectKind::kColumn && !m.on_domain) {
    // A column's expressions belong to its table and the tables that inherit the column.
    std::optional<QualifiedName> table = ctx.catalog->ResolveRelation(m.object);
    if (table.has_value()) {
      std::set<QualifiedName> scope;
      std::vector<QualifiedName> pending = {*table};
      while (!pending.empty()) {
        QualifiedName next = pending.back();
        pending.pop_back();
        if (!scope.insert(next).second) continue;
        for (QualifiedName& child : ChildTables(*ctx.catalog, next)) pending.push_back(child);
      }
      RewriteExpressions(*ctx.catalog, m.expression_rewrites, &scope);
      return absl::OkStatus();
    }
  }
  RewriteExpressions(*ctx.catalog, m.expression_rewrites);
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
