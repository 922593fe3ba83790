// DROP TABLE / SEQUENCE / INDEX / TYPE / DOMAIN / SCHEMA / EXTENSION with RESTRICT or
// CASCADE (tablecmds.c RemoveRelations, dropcmds.c RemoveObjects, dependency.c
// findDependentObjects and reportDependentObjects).
//
// The objects to drop are found the way dependency.c finds them: starting from the named
// objects, every dependent is visited. Dependents that are parts of what is dropped
// (a table's columns, constraints, indexes and owned sequences, a partition of a dropped
// partitioned table) go silently (pg_depend 'a'/'i'); other dependents (a foreign key on
// another table, a column of a dropped type, a default calling nextval on a dropped
// sequence, anything in a dropped schema) are "normal" dependencies: RESTRICT refuses to
// drop them and CASCADE drops them with a "drop cascades to …" notice. A default or a
// composite type's attribute goes alone, not the column or type that holds it.
#include <algorithm>
#include <deque>
#include <map>
#include <tuple>
#include <vector>

#include "base/strings.h"
#include "model/dependency_graph.h"
#include "model/internal/apply_context.h"
#include "model/internal/namespaces.h"
#include "model/internal/object_description.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

// What a drop does to an object: removes it, or only its default (pg_attrdef) or one
// attribute of a composite type.
enum class Effect { kWhole, kDefault, kAttribute };

struct DropKey {
  ObjectId id;
  Effect effect = Effect::kWhole;
  std::string attribute;  // kAttribute: the attribute's name

  friend bool operator<(const DropKey& a, const DropKey& b) {
    return std::tie(a.id, a.effect, a.attribute) < std::tie(b.id, b.effect, b.attribute);
  }
};

struct DropEntry {
  bool target = false;     // named in the statement
  bool automatic = false;  // reached as part of something dropped
  bool normal = false;     // reached through a normal dependency
  std::string description;
  std::string dependee;  // what it was first found to depend on, through a normal dependency
  SourceSpan created;    // for PostgreSQL's report order (creation, i.e. OID, order)
};

// One way a dependent is affected by dropping what it depends on.
struct Consequence {
  DropKey key;
  bool automatic = false;
  bool on_row_type = false;  // a column whose type is a dropped table's row type
};

bool IsColumnOf(const ObjectId& id, const QualifiedName& table) {
  return id.kind == ObjectKind::kColumn && id.qualified() == table;
}

bool RefersToType(const Catalog& catalog, const TypeRef& type, const ObjectId& target) {
  if (!type.is_user_defined()) return false;
  if (type.qualified() == target.qualified()) return true;
  const UserType* range = RangeOfMultirange(catalog, type.qualified());
  return range != nullptr && range->name == target.qualified();
}

const Column* FindColumn(const Catalog& catalog, const ObjectId& column) {
  const Table* table = catalog.FindTable(column.qualified());
  if (table == nullptr) return nullptr;
  for (const Column& c : table->columns) {
    if (c.name == column.name) return &c;
  }
  return nullptr;
}

// How dropping `target` affects `dependent`, one of its dependents in the graph.
std::vector<Consequence> Classify(const Catalog& catalog, const ObjectId& dependent,
                                  const ObjectId& target) {
  const DropKey whole{dependent, Effect::kWhole, ""};
  switch (dependent.kind) {
    case ObjectKind::kColumn: {
      const QualifiedName table = dependent.qualified();
      if (target.kind == ObjectKind::kTable && target.qualified() == table) {
        return {{whole, true}};
      }
      if (target.kind == ObjectKind::kSequence) {
        return {{{dependent, Effect::kDefault, ""}, false}};
      }
      const Column* column = FindColumn(catalog, dependent);
      bool row_type = target.kind == ObjectKind::kTable && column != nullptr &&
                      RefersToType(catalog, column->type, target);
      return {{whole, false, row_type}};
    }
    case ObjectKind::kConstraint:
    case ObjectKind::kIndex: {
      QualifiedName table = dependent.qualified();
      bool attached = false;  // a partition's index goes with its partitioned index
      if (dependent.kind == ObjectKind::kIndex) {
        auto index = catalog.indexes.find(table);
        if (index != catalog.indexes.end()) {
          table = index->second.table;
          attached =
              target.kind == ObjectKind::kIndex && index->second.parent_index == target.qualified();
        }
      }
      bool part = ((target.kind == ObjectKind::kTable || target.kind == ObjectKind::kMaterializedView) &&
                   target.qualified() == table) ||
                  IsColumnOf(target, table) || attached;
      return {{whole, part}};
    }
    case ObjectKind::kSequence:
      return {{whole, target.kind == ObjectKind::kColumn}};
    case ObjectKind::kTable: {
      const Table* table = catalog.FindTable(dependent.qualified());
      bool partition = target.kind == ObjectKind::kTable && table != nullptr &&
                       table->partition_of.has_value() &&
                       *table->partition_of == target.qualified();
      return {{whole, partition}};
    }
    case ObjectKind::kType: {
      auto type = catalog.types.find(dependent.qualified());
      if (target.kind == ObjectKind::kSchema || type == catalog.types.end() ||
          type->second.kind != UserTypeKind::kComposite) {
        return {{whole, false}};
      }
      std::vector<Consequence> attributes;
      for (const CompositeAttribute& attribute : type->second.attributes) {
        if (RefersToType(catalog, attribute.type, target)) {
          attributes.push_back({{dependent, Effect::kAttribute, attribute.name}, false});
        }
      }
      return attributes;
    }
    case ObjectKind::kPolicy:
      // pg_depend 'a' on its table; 'n' on the columns, relations and routines its
      // expressions read (policy.c CreatePolicy).
      return {{whole, target.kind == ObjectKind::kTable &&
                          target.qualified() == dependent.qualified()}};
    case ObjectKind::kTrigger: {
      // pg_depend 'a' on its relation; 'n' on its function and on the columns of UPDATE
      // OF and WHEN (trigger.c CreateTriggerFiringOn).
      bool on_relation = (target.kind == ObjectKind::kTable || target.kind == ObjectKind::kView ||
                          target.kind == ObjectKind::kMaterializedView) &&
                         target.qualified() == dependent.qualified();
      return {{whole, on_relation}};
    }
    case ObjectKind::kSchema:
    case ObjectKind::kExtension:
    case ObjectKind::kDomain:
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
    case ObjectKind::kAggregate:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      break;
  }
  return {{whole, false}};
}

SourceSpan CreatedAt(const Catalog& catalog, const DropKey& key) {
  const ObjectId& id = key.id;
  const QualifiedName name = id.qualified();
  switch (id.kind) {
    case ObjectKind::kSchema:
      if (auto it = catalog.schemas.find(id.name); it != catalog.schemas.end()) {
        return it->second.lineage.created;
      }
      break;
    case ObjectKind::kExtension:
      if (auto it = catalog.extensions.find(id.name); it != catalog.extensions.end()) {
        return it->second.lineage.created;
      }
      break;
    case ObjectKind::kType:
      if (auto it = catalog.types.find(name); it != catalog.types.end()) {
        return it->second.lineage.created;
      }
      break;
    case ObjectKind::kDomain:
      if (auto it = catalog.domains.find(name); it != catalog.domains.end()) {
        return it->second.lineage.created;
      }
      break;
    case ObjectKind::kSequence:
      if (auto it = catalog.sequences.find(name); it != catalog.sequences.end()) {
        return it->second.lineage.created;
      }
      break;
    case ObjectKind::kTable:
      if (const Table* table = catalog.FindTable(name)) return table->lineage.created;
      break;
    case ObjectKind::kIndex:
      if (auto it = catalog.indexes.find(name); it != catalog.indexes.end()) {
        return it->second.lineage.created;
      }
      break;
    case ObjectKind::kColumn:
      if (const Column* column = FindColumn(catalog, id)) return column->lineage.created;
      break;
    case ObjectKind::kConstraint:
      if (const Table* table = catalog.FindTable(name)) {
        if (auto it = table->constraints.find(id.name); it != table->constraints.end()) {
          return it->second.lineage.created;
        }
      }
      break;
    case ObjectKind::kPolicy:
      if (const Table* table = catalog.FindTable(name)) {
        if (auto it = table->policies.find(id.name); it != table->policies.end()) {
          return it->second.lineage.created;
        }
      }
      break;
    case ObjectKind::kTrigger:
      if (const Table* table = catalog.FindTable(name)) {
        if (auto it = table->triggers.find(id.name); it != table->triggers.end()) {
          return it->second.lineage.created;
        }
      } else if (auto view = catalog.views.find(name); view != catalog.views.end()) {
        if (auto it = view->second.triggers.find(id.name); it != view->second.triggers.end()) {
          return it->second.lineage.created;
        }
      }
      break;
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
      if (auto it = catalog.routines.find({name, id.args}); it != catalog.routines.end()) {
        return it->second.lineage.created;
      }
      break;
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
      if (auto it = catalog.views.find(name); it != catalog.views.end()) return it->second.lineage.created;
      break;
    case ObjectKind::kAggregate:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      break;
  }
  return {};
}

std::string Describe(const Catalog& catalog, const DropKey& key) {
  switch (key.effect) {
    case Effect::kWhole:
      return DescribeObject(catalog, key.id);
    case Effect::kDefault:
      return DescribeDefault(catalog, key.id.qualified(), key.id.name);
    case Effect::kAttribute:
      return DescribeColumn(catalog, key.id.qualified(), key.attribute);
  }
  return DescribeObject(catalog, key.id);
}

// Finds everything a DROP of `targets` reaches (dependency.c findDependentObjects).
class DropClosure {
 public:
  DropClosure(const Catalog& catalog, const std::vector<ObjectId>& targets)
      : catalog_(catalog), graph_(DependencyGraph::Build(catalog)) {
    for (const ObjectId& target : targets) {
      DropEntry& entry = Visit({target, Effect::kWhole, ""});
      entry.target = true;
    }
    while (!queue_.empty()) {
      ObjectId next = queue_.front();
      queue_.pop_front();
      Expand(next);
    }
  }

  const std::map<DropKey, DropEntry>& entries() const { return entries_; }

  // Whether the whole object `id` is dropped.
  bool Drops(const ObjectId& id) const { return entries_.contains({id, Effect::kWhole, ""}); }

  // The dependents that only a normal dependency reached, in PostgreSQL's report order.
  std::vector<const std::pair<const DropKey, DropEntry>*> Reported() const {
    std::vector<const std::pair<const DropKey, DropEntry>*> reported;
    for (const auto& item : entries_) {
      const DropEntry& entry = item.second;
      // A default or an attribute goes with its column or type when that is dropped too
      // (pg_attrdef depends on its column with 'a').
      const bool goes_with_holder = item.first.effect != Effect::kWhole && Drops(item.first.id);
      if (entry.normal && !entry.automatic && !entry.target && !goes_with_holder) {
        reported.push_back(&item);
      }
    }
    std::stable_sort(reported.begin(), reported.end(), [](const auto* a, const auto* b) {
      return a->second.created < b->second.created;
    });
    return reported;
  }

 private:
  DropEntry& Visit(const DropKey& key) {
    auto [it, inserted] = entries_.try_emplace(key);
    if (inserted) {
      it->second.description = Describe(catalog_, key);
      it->second.created = CreatedAt(catalog_, key);
      if (key.effect == Effect::kWhole) queue_.push_back(key.id);
    }
    return it->second;
  }

  // What `dependee` is called in "… depends on …": a part of a dropped table is
  // reported as the table, as PostgreSQL finds such dependents while scanning the table.
  std::string DependeeName(const ObjectId& dependee, bool on_row_type) const {
    if (on_row_type) return DescribeType(catalog_, dependee.qualified());
    QualifiedName table;
    if (dependee.kind == ObjectKind::kColumn || dependee.kind == ObjectKind::kConstraint) {
      table = dependee.qualified();
    } else if (dependee.kind == ObjectKind::kIndex) {
      auto index = catalog_.indexes.find(dependee.qualified());
      if (index != catalog_.indexes.end()) table = index->second.table;
    }
    if (!table.name.empty() && Drops(ObjectId::Of(ObjectKind::kTable, table))) {
      return DescribeObject(catalog_, ObjectId::Of(ObjectKind::kTable, table));
    }
    return DescribeObject(catalog_, dependee);
  }

  void Expand(const ObjectId& dropped) {
    std::vector<ObjectId> dependents = graph_.Dependents(dropped);
    // A serial column's sequence is owned through Sequence::owned_by (see DependencyGraph).
    if (dropped.kind == ObjectKind::kColumn) {
      for (const QualifiedName& sequence :
           SequencesOwnedBy(catalog_, dropped.qualified(), dropped.name)) {
        dependents.push_back(ObjectId::Of(ObjectKind::kSequence, sequence));
      }
    }
    for (const ObjectId& dependent : dependents) {
      for (const Consequence& consequence : Classify(catalog_, dependent, dropped)) {
        DropEntry& entry = Visit(consequence.key);
        if (consequence.automatic) {
          entry.automatic = true;
        } else {
          entry.normal = true;
          if (entry.dependee.empty())
            entry.dependee = DependeeName(dropped, consequence.on_row_type);
        }
      }
    }
  }

  const Catalog& catalog_;
  DependencyGraph graph_;
  std::map<DropKey, DropEntry> entries_;
  std::deque<ObjectId> queue_;
};

// The words DROP uses for each kind (tablecmds.c dropmsgstringarray).
struct KindWords {
  std::string_view noun;     // "table": `table "x" does not exist`
  std::string_view not_a;    // `"x" is not a table`
  std::string_view command;  // "DROP TABLE to remove a table"
};

KindWords WordsFor(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kSequence:
      return {"sequence", "a sequence", "DROP SEQUENCE to remove a sequence"};
    case ObjectKind::kIndex:
      return {"index", "an index", "DROP INDEX to remove an index"};
    case ObjectKind::kView:
      return {"view", "a view", "DROP VIEW to remove a view"};
    case ObjectKind::kMaterializedView:
      return {"materialized view", "a materialized view",
              "DROP MATERIALIZED VIEW to remove a materialized view"};
    case ObjectKind::kType:
    case ObjectKind::kDomain:
      return {"type", "a type", "DROP TYPE to remove a type"};
    case ObjectKind::kSchema:
      return {"schema", "a schema", "DROP SCHEMA to remove a schema"};
    case ObjectKind::kExtension:
      return {"extension", "an extension", "DROP EXTENSION to remove an extension"};
    case ObjectKind::kTable:
    case ObjectKind::kColumn:
    case ObjectKind::kConstraint:
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
    case ObjectKind::kAggregate:
    case ObjectKind::kTrigger:
    case ObjectKind::kPolicy:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      break;
  }
  return {"table", "a table", "DROP TABLE to remove a table"};
}

// Reports a name that does not exist: an error, or a notice under IF EXISTS.
absl::Status Missing(const DropObjects& m, ApplyContext& ctx, std::string message) {
  if (m.if_exists) {
    ctx.Notice(message + ", skipping");
    return absl::OkStatus();
  }
  return ctx.Error(absl::StatusCode::kNotFound, message);
}

bool SchemaMissing(const Catalog& catalog, const QualifiedName& written) {
  return !written.schema.empty() && !catalog.schemas.contains(written.schema) &&
         written.schema != "pg_catalog" && written.schema != "information_schema";
}

// Resolves one name of a DROP of relations. Returns nullopt (with `status` OK) when IF
// EXISTS skips it.
std::optional<ObjectId> FindRelationTarget(const DropObjects& m, const QualifiedName& written,
                                           ApplyContext& ctx, absl::Status& status) {
  const Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = catalog.SearchPath(
      written,
      [&catalog](const QualifiedName& candidate) { return RelationNameTaken(catalog, candidate); });
  const KindWords words = WordsFor(m.kind);
  if (!name.has_value()) {
    status = SchemaMissing(catalog, written)
                 ? Missing(m, ctx, StrCat("schema \"", written.schema, "\" does not exist"))
                 : Missing(m, ctx, StrCat(words.noun, " \"", written.name, "\" does not exist"));
    return std::nullopt;
  }
  ObjectKind actual =
      IsCompositeType(catalog, *name) ? ObjectKind::kType : *catalog.RelationKindOf(*name);
  if (actual != m.kind) {
    status = ctx.Error(absl::StatusCode::kInvalidArgument,
                       StrCat("\"", name->name, "\" is not ", words.not_a, "\nHINT:  Use ",
                              WordsFor(actual).command, "."));
    return std::nullopt;
  }
  ObjectId id = ObjectId::Of(actual, *name);
  // Objects another object owns internally (pg_depend 'i') are dropped through it.
  if (actual == ObjectKind::kIndex) {
    const Index& index = catalog.indexes.at(*name);
    // A partition's index attached to a partitioned index (pg_depend 'S' and 'P') goes
    // only with that index or its table.
    if (index.parent_index.has_value() && catalog.indexes.contains(*index.parent_index)) {
      std::string owner =
          DescribeObject(catalog, ObjectId::Of(ObjectKind::kIndex, *index.parent_index));
      status = ctx.Error(absl::StatusCode::kFailedPrecondition,
                         StrCat("cannot drop ", DescribeObject(catalog, id), " because ", owner,
                                " requires it\nHINT:  You can drop ", owner, " instead."));
      return std::nullopt;
    }
    if (!index.constraint_name.empty()) {
      std::string owner = DescribeObject(
          catalog, ObjectId::Child(ObjectKind::kConstraint, index.table, index.constraint_name));
      status = ctx.Error(absl::StatusCode::kFailedPrecondition,
                         StrCat("cannot drop ", DescribeObject(catalog, id), " because ", owner,
                                " requires it\nHINT:  You can drop ", owner, " instead."));
      return std::nullopt;
    }
  }
  if (actual == ObjectKind::kSequence) {
    const Sequence& sequence = catalog.sequences.at(*name);
    if (sequence.identity && sequence.owned_by.has_value()) {
      std::string owner =
          DescribeColumn(catalog, sequence.owned_by->table, sequence.owned_by->column);
      status = ctx.Error(absl::StatusCode::kFailedPrecondition,
                         StrCat("cannot drop ", DescribeObject(catalog, id), " because ", owner,
                                " requires it\nHINT:  You can drop ", owner, " instead."));
      return std::nullopt;
    }
  }
  return id;
}

std::optional<ObjectId> FindTypeTarget(const DropObjects& m, const QualifiedName& written,
                                       ApplyContext& ctx, absl::Status& status) {
  const Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = ResolveAnyType(catalog, written);
  if (!name.has_value()) {
    status = SchemaMissing(catalog, written)
                 ? Missing(m, ctx, StrCat("schema \"", written.schema, "\" does not exist"))
                 : Missing(m, ctx, StrCat("type \"", WrittenName(written), "\" does not exist"));
    return std::nullopt;
  }
  const bool is_domain = catalog.domains.contains(*name);
  if (m.kind == ObjectKind::kDomain && !is_domain) {
    status = ctx.Error(absl::StatusCode::kInvalidArgument,
                       StrCat("\"", WrittenName(written), "\" is not a domain"));
    return std::nullopt;
  }
  std::string owner;
  if (catalog.tables.contains(*name)) {
    owner = DescribeRelation(catalog, *name);
  } else if (const UserType* range = RangeOfMultirange(catalog, *name)) {
    owner = DescribeType(catalog, range->name);
  }
  if (!owner.empty()) {
    status = ctx.Error(absl::StatusCode::kFailedPrecondition,
                       StrCat("cannot drop ", DescribeType(catalog, *name), " because ", owner,
                              " requires it\nHINT:  You can drop ", owner, " instead."));
    return std::nullopt;
  }
  return ObjectId::Of(is_domain ? ObjectKind::kDomain : ObjectKind::kType, *name);
}

std::optional<ObjectId> FindTarget(const DropObjects& m, const QualifiedName& written,
                                   ApplyContext& ctx, absl::Status& status) {
  const Catalog& catalog = *ctx.catalog;
  switch (m.kind) {
    case ObjectKind::kTable:
    case ObjectKind::kSequence:
    case ObjectKind::kIndex:
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
      return FindRelationTarget(m, written, ctx, status);
    case ObjectKind::kType:
    case ObjectKind::kDomain:
      return FindTypeTarget(m, written, ctx, status);
    case ObjectKind::kSchema: {
      const std::string& name = written.name.empty() ? written.schema : written.name;
      if (!catalog.schemas.contains(name)) {
        status = Missing(m, ctx, StrCat("schema \"", name, "\" does not exist"));
        return std::nullopt;
      }
      return ObjectId::Of(ObjectKind::kSchema, {"", name});
    }
    case ObjectKind::kExtension:
      if (!catalog.extensions.contains(written.name)) {
        status = Missing(m, ctx, StrCat("extension \"", written.name, "\" does not exist"));
        return std::nullopt;
      }
      return ObjectId::Of(ObjectKind::kExtension, {"", written.name});
    case ObjectKind::kColumn:
    case ObjectKind::kConstraint:
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
    case ObjectKind::kAggregate:
    case ObjectKind::kTrigger:
    case ObjectKind::kPolicy:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      break;
  }
  status = absl::UnimplementedError(StrCat("DROP ", KindName(m.kind), " is not modelled"));
  return std::nullopt;
}

// Removes the constraint called `name` of `table` and the index that backs it.
void EraseConstraint(Catalog& catalog, Table& table, const std::string& name) {
  table.constraints.erase(name);
  auto index = catalog.indexes.find({table.name.schema, name});
  if (index != catalog.indexes.end() && index->second.constraint_name == name &&
      index->second.table == table.name) {
    catalog.indexes.erase(index);
  }
}

void Remove(Catalog& catalog, const DropKey& key) {
  const ObjectId& id = key.id;
  const QualifiedName name = id.qualified();
  if (key.effect == Effect::kDefault) {
    if (Table* table = catalog.FindTable(name)) {
      for (Column& column : table->columns) {
        if (column.name == id.name) column.default_expr.reset();
      }
    }
    return;
  }
  if (key.effect == Effect::kAttribute) {
    auto type = catalog.types.find(name);
    if (type == catalog.types.end()) return;
    std::erase_if(type->second.attributes,
                  [&key](const CompositeAttribute& a) { return a.name == key.attribute; });
    return;
  }
  switch (id.kind) {
    case ObjectKind::kSchema:
      catalog.schemas.erase(id.name);
      break;
    case ObjectKind::kExtension:
      catalog.extensions.erase(id.name);
      break;
    case ObjectKind::kType:
      catalog.types.erase(name);
      break;
    case ObjectKind::kDomain:
      catalog.domains.erase(name);
      break;
    case ObjectKind::kSequence:
      catalog.sequences.erase(name);
      break;
    case ObjectKind::kTable:
      catalog.tables.erase(name);
      break;
    case ObjectKind::kIndex: {
      auto index = catalog.indexes.find(name);
      if (index == catalog.indexes.end()) break;
      if (Table* table = catalog.FindTable(index->second.table)) {
        if (table->replica_identity_index == name.name) table->replica_identity_index.clear();
        if (!index->second.constraint_name.empty()) {
          table->constraints.erase(index->second.constraint_name);
        }
      }
      catalog.indexes.erase(index);
      break;
    }
    case ObjectKind::kColumn:
      if (Table* table = catalog.FindTable(name)) {
        std::erase_if(table->columns, [&id](const Column& c) { return c.name == id.name; });
      }
      break;
    case ObjectKind::kConstraint:
      if (Table* table = catalog.FindTable(name)) EraseConstraint(catalog, *table, id.name);
      break;
    case ObjectKind::kPolicy:
      if (Table* table = catalog.FindTable(name)) table->policies.erase(id.name);
      break;
    case ObjectKind::kTrigger:
      if (Table* table = catalog.FindTable(name)) {
        table->triggers.erase(id.name);
      } else if (auto view = catalog.views.find(name); view != catalog.views.end()) {
        view->second.triggers.erase(id.name);
      }
      break;
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
      catalog.routines.erase({name, id.args});
      break;
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
      catalog.views.erase(name);
      break;
    case ObjectKind::kAggregate:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      break;
  }
}

}  // namespace

absl::Status ApplyDropObjects(const DropObjects& m, ApplyContext& ctx) {
  std::vector<ObjectId> targets;
  for (const QualifiedName& written : m.names) {
    absl::Status status;
    std::optional<ObjectId> target = FindTarget(m, written, ctx, status);
    if (!status.ok()) return status;
    if (target.has_value() && std::find(targets.begin(), targets.end(), *target) == targets.end()) {
      targets.push_back(*target);
    }
  }
  return DropWithDependents(targets, m.cascade, ctx);
}

absl::Status DropWithDependents(const std::vector<ObjectId>& targets, bool cascade,
                                ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  if (targets.empty()) return absl::OkStatus();

  DropClosure closure(catalog, targets);
  const auto reported = closure.Reported();
  if (!reported.empty() && !cascade) {
    std::string message =
        targets.size() == 1
            ? StrCat("cannot drop ", DescribeObject(catalog, targets.front()),
                     " because other objects depend on it")
            : std::string("cannot drop desired object(s) because other objects depend on them");
    StrAppend(&message, "\nDETAIL:  ",
              StrJoin(reported, "\n",
                      [](const auto* item) {
                        return StrCat(item->second.description, " depends on ",
                                      item->second.dependee);
                      }),
              "\nHINT:  Use DROP ... CASCADE to drop the dependent objects too.");
    return ctx.Error(absl::StatusCode::kFailedPrecondition, message);
  }
  if (reported.size() == 1) {
    ctx.Notice(StrCat("drop cascades to ", reported.front()->second.description));
  } else if (reported.size() > 1) {
    ctx.Notice(StrCat("drop cascades to ", static_cast<int>(reported.size()),
                      " other objects\nDETAIL:  ", StrJoin(reported, "\n", [](const auto* item) {
                        return StrCat("drop cascades to ", item->second.description);
                      })));
  }
  for (const auto& [key, entry] : closure.entries()) Remove(catalog, key);
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
