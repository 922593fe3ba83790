#include "diff/compare.h"

#include <algorithm>
#include <map>
#include <set>

#include "diff/attributes.h"

namespace pgdrift::diff {
namespace {

using model::ObjectId;
using model::ObjectKind;
using model::QualifiedName;

class Comparer {
 public:
  Comparer(const model::Catalog& local, const model::Catalog& remote, const CompareOptions& options)
      : local_(local), remote_(remote), options_(options) {
    attribute_options_.compare_owners = options.compare_owners;
  }

  ChangeSet Run() {
    CompareSchemas();
    CompareNamed(local_.extensions, remote_.extensions, ObjectKind::kExtension, ExtensionAttributes);
    CompareObjects(local_.types, remote_.types, ObjectKind::kType, UserTypeAttributes);
    CompareObjects(local_.domains, remote_.domains, ObjectKind::kDomain, DomainAttributes);
    CompareTables();
    CompareObjects(local_.sequences, remote_.sequences, ObjectKind::kSequence, SequenceAttributes);
    CompareIndexes();
    CompareViews();
    CompareRoutines();
    std::sort(result_.objects.begin(), result_.objects.end(),
              [](const ObjectDrift& a, const ObjectDrift& b) { return a.id < b.id; });
    std::sort(result_.in_sync.begin(), result_.in_sync.end());
    result_.in_sync.erase(std::unique(result_.in_sync.begin(), result_.in_sync.end()),
                          result_.in_sync.end());
    return std::move(result_);
  }

 private:
  bool InScope(const std::string& schema) const {
    return options_.include_managed ||
           (!local_.IsManagedSchema(schema) && !remote_.IsManagedSchema(schema));
  }

  // Adds an entry for a one-sided object, unless a one-sided table already lists it.
  void OneSided(const ObjectId& id, DriftStatus status, const model::Lineage* lineage,
                std::vector<ObjectId> contains = {}) {
    if (contained_.contains(id)) return;
    ObjectDrift drift;
    drift.id = id;
    drift.status = status;
    std::sort(contains.begin(), contains.end());
    drift.contains = std::move(contains);
    if (lineage != nullptr && status == DriftStatus::kLocalOnly) drift.local_lineage = *lineage;
    result_.objects.push_back(std::move(drift));
  }

  // An extension version the migrations do not pin (CREATE EXTENSION without VERSION)
  // is whatever the server installs by default, so any remote version matches it.
  static bool Unpinned(ObjectKind kind, const std::pair<std::string, Value>& local) {
    return kind == ObjectKind::kExtension && local.first == "version" &&
           std::holds_alternative<std::monostate>(local.second);
  }

  // Adds a kChanged entry when the attributes differ, else lists the object as in sync.
  void Changed(const ObjectId& id, const Attributes& local, const Attributes& remote,
               const model::Lineage& lineage) {
    ObjectDrift drift;
    drift.id = id;
    drift.local_lineage = lineage;
    for (size_t i = 0; i < local.size() && i < remote.size(); ++i) {
      if (Unpinned(id.kind, local[i])) continue;
      if (local[i].second != remote[i].second) {
        drift.changes.push_back({local[i].first, local[i].second, remote[i].second});
      }
    }
    // Kinds whose attribute list depends on a value (e.g. constraint type) differ in length.
    if (local.size() != remote.size() && drift.changes.empty()) {
      drift.changes.push_back({"definition", Value(), Value()});
    }
    if (drift.changes.empty()) {
      result_.in_sync.push_back(id);
    } else {
      result_.objects.push_back(std::move(drift));
    }
  }

  // Schemas and extensions: keyed by name alone; skipped when either side marks the
  // object as provided by the platform profile.
  template <typename Map, typename AttributesOf>
  void CompareNamed(const Map& local, const Map& remote, ObjectKind kind, AttributesOf attributes_of) {
    auto skip = [&](const std::string& name) {
      auto managed = [&](const Map& objects) {
        auto it = objects.find(name);
        return it != objects.end() && it->second.managed;
      };
      return !options_.include_managed && (managed(local) || managed(remote));
    };
    for (const auto& [name, object] : local) {
      if (skip(name)) continue;
      ObjectId id{kind, "", name, "", ""};
      auto it = remote.find(name);
      if (it == remote.end()) {
        OneSided(id, DriftStatus::kLocalOnly, &object.lineage);
      } else {
        Changed(id, attributes_of(object, attribute_options_),
                attributes_of(it->second, attribute_options_), object.lineage);
      }
    }
    for (const auto& [name, object] : remote) {
      if (!skip(name) && !local.contains(name)) {
        OneSided({kind, "", name, "", ""}, DriftStatus::kRemoteOnly, nullptr);
      }
    }
  }

  // Schemas, with the default privileges that apply in each (`default_privileges`). A
  // schema whose contents are the platform's (Schema::contents_managed) is skipped; one
  // the profile provides but whose contents are the user's (public) is compared only by
  // what users change on it: `privileges` and `default_privileges`.
  void CompareSchemas() {
    auto flag = [](const model::Catalog& catalog, const std::string& name, bool contents) {
      auto it = catalog.schemas.find(name);
      return it != catalog.schemas.end() &&
             (contents ? it->second.contents_managed : it->second.managed);
    };
    auto attributes_of = [this](const model::Catalog& catalog, const model::Schema& schema,
                                bool managed) {
      Attributes attributes;
      if (managed) {
        attributes.emplace_back("privileges",
                                PrivilegesValue(schema.privileges, model::AclObjectKind::kSchema,
                                                schema.owner, attribute_options_));
      } else {
        attributes = SchemaAttributes(schema, attribute_options_);
      }
      attributes.emplace_back("default_privileges",
                              DefaultPrivilegesValue(catalog.default_privileges, schema.name));
      return attributes;
    };
    for (const auto& [name, schema] : local_.schemas) {
      bool managed = !options_.include_managed &&
                     (flag(local_, name, false) || flag(remote_, name, false));
      bool skipped = !options_.include_managed &&
                     (flag(local_, name, true) || flag(remote_, name, true));
      if (skipped) continue;
      ObjectId id{ObjectKind::kSchema, "", name, "", ""};
      auto it = remote_.schemas.find(name);
      if (it == remote_.schemas.end()) {
        if (!managed) OneSided(id, DriftStatus::kLocalOnly, &schema.lineage);
      } else {
        Changed(id, attributes_of(local_, schema, managed),
                attributes_of(remote_, it->second, managed), schema.lineage);
      }
    }
    for (const auto& [name, schema] : remote_.schemas) {
      bool managed = flag(local_, name, false) || flag(remote_, name, false);
      if (!options_.include_managed && managed) continue;
      if (!local_.schemas.contains(name)) {
        OneSided({ObjectKind::kSchema, "", name, "", ""}, DriftStatus::kRemoteOnly, nullptr);
      }
    }
  }

  // Functions and procedures, keyed by name and input argument types; the identity's kind
  // is the local side's (a kind change shows as the `procedure` attribute).
  void CompareRoutines() {
    for (const auto& [key, routine] : local_.routines) {
      if (!InScope(key.name.schema)) continue;
      auto it = remote_.routines.find(key);
      if (it == remote_.routines.end()) {
        OneSided(model::RoutineId(routine), DriftStatus::kLocalOnly, &routine.lineage);
      } else {
        Changed(model::RoutineId(routine), RoutineAttributes(routine, attribute_options_),
                RoutineAttributes(it->second, attribute_options_), routine.lineage);
      }
    }
    for (const auto& [key, routine] : remote_.routines) {
      if (InScope(key.name.schema) && !local_.routines.contains(key)) {
        OneSided(model::RoutineId(routine), DriftStatus::kRemoteOnly, nullptr);
      }
    }
  }

  // Views and materialized views: identity kind from each side's object (a view
  // replaced by a materialized view of the same name shows as `materialized`).
  void CompareViews() {
    for (const auto& [name, view] : local_.views) {
      if (!InScope(name.schema)) continue;
      ObjectId id = ObjectId::Of(view.kind(), name);
      auto it = remote_.views.find(name);
      if (it == remote_.views.end()) {
        OneSided(id, DriftStatus::kLocalOnly, &view.lineage);
      } else {
        Changed(id, ViewAttributes(view, attribute_options_), ViewAttributes(it->second, attribute_options_),
                view.lineage);
      }
    }
    for (const auto& [name, view] : remote_.views) {
      if (InScope(name.schema) && !local_.views.contains(name)) {
        OneSided(ObjectId::Of(view.kind(), name), DriftStatus::kRemoteOnly, nullptr);
      }
    }
  }

  // Types, domains, sequences: objects keyed by QualifiedName with one attribute list.
  template <typename Map, typename AttributesOf>
  void CompareObjects(const Map& local, const Map& remote, ObjectKind kind, AttributesOf attributes_of) {
    for (const auto& [name, object] : local) {
      if (!InScope(name.schema)) continue;
      ObjectId id = ObjectId::Of(kind, name);
      auto it = remote.find(name);
      if (it == remote.end()) {
        OneSided(id, DriftStatus::kLocalOnly, &object.lineage);
      } else {
        Changed(id, attributes_of(object, attribute_options_),
                attributes_of(it->second, attribute_options_), object.lineage);
      }
    }
    for (const auto& [name, object] : remote) {
      if (InScope(name.schema) && !local.contains(name)) {
        OneSided(ObjectId::Of(kind, name), DriftStatus::kRemoteOnly, nullptr);
      }
    }
  }

  // The children of `table` in `catalog` that a one-sided table entry lists, marked so
  // they are not reported again on their own.
  std::vector<ObjectId> Children(const model::Catalog& catalog, const model::Table& table) {
    std::vector<ObjectId> children;
    for (const model::Column& column : table.columns) {
      children.push_back(ObjectId::Child(ObjectKind::kColumn, table.name, column.name));
    }
    for (const auto& [name, constraint] : table.constraints) {
      children.push_back(ObjectId::Child(ObjectKind::kConstraint, table.name, name));
    }
    for (const auto& [name, index] : catalog.indexes) {
      if (index.table == table.name && index.constraint_name.empty()) {
        children.push_back(ObjectId::Of(ObjectKind::kIndex, name));
      }
    }
    for (const auto& [name, sequence] : catalog.sequences) {
      if (sequence.owned_by && sequence.owned_by->table == table.name) {
        children.push_back(ObjectId::Of(ObjectKind::kSequence, name));
      }
    }
    for (const auto& [name, trigger] : table.triggers) {
      children.push_back(ObjectId::Child(ObjectKind::kTrigger, table.name, name));
    }
    for (const auto& [name, policy] : table.policies) {
      children.push_back(ObjectId::Child(ObjectKind::kPolicy, table.name, name));
    }
    for (const ObjectId& child : children) contained_.insert(child);
    return children;
  }

  // A trigger on a table the platform manages (auth.users) is the user's, unless its
  // function is the platform's too (a function in a managed schema): only the user's are
  // compared.
  bool UserTrigger(const model::Trigger& trigger) const {
    return options_.include_managed || (!local_.IsManagedSchema(trigger.function.schema) &&
                                        !remote_.IsManagedSchema(trigger.function.schema));
  }

  // The triggers of one relation present on both sides.
  void CompareTriggers(const QualifiedName& relation,
                       const std::map<std::string, model::Trigger>& local,
                       const std::map<std::string, model::Trigger>& remote, bool managed) {
    for (const auto& [name, trigger] : local) {
      if (managed && !UserTrigger(trigger)) continue;
      ObjectId id = ObjectId::Child(ObjectKind::kTrigger, relation, name);
      auto it = remote.find(name);
      if (it == remote.end()) {
        OneSided(id, DriftStatus::kLocalOnly, &trigger.lineage);
        continue;
      }
      Changed(id, TriggerAttributes(trigger), TriggerAttributes(it->second), trigger.lineage);
    }
    for (const auto& [name, trigger] : remote) {
      if (managed && !UserTrigger(trigger)) continue;
      if (!local.contains(name)) {
        OneSided(ObjectId::Child(ObjectKind::kTrigger, relation, name), DriftStatus::kRemoteOnly,
                 nullptr);
      }
    }
  }

  // Tables out of scope (managed by the platform profile, or in a managed schema) still
  // have their users' triggers compared; a side that does not hold the table has none.
  void CompareManagedTableTriggers() {
    static const std::map<std::string, model::Trigger> kNone;
    std::set<QualifiedName> names;
    auto out_of_scope = [&](const QualifiedName& name, const model::Table& table) {
      return !InScope(name.schema) || table.managed;
    };
    for (const auto& [name, table] : local_.tables) {
      if (out_of_scope(name, table)) names.insert(name);
    }
    for (const auto& [name, table] : remote_.tables) {
      if (out_of_scope(name, table)) names.insert(name);
    }
    for (const QualifiedName& name : names) {
      const model::Table* local = local_.FindTable(name);
      const model::Table* remote = remote_.FindTable(name);
      CompareTriggers(name, local != nullptr ? local->triggers : kNone,
                      remote != nullptr ? remote->triggers : kNone, /*managed=*/true);
    }
  }

  // INSTEAD OF triggers of the views both sides hold.
  void CompareViewTriggers() {
    for (const auto& [name, view] : local_.views) {
      if (!InScope(name.schema)) continue;
      auto it = remote_.views.find(name);
      if (it == remote_.views.end()) continue;
      CompareTriggers(name, view.triggers, it->second.triggers, /*managed=*/false);
    }
  }

  // The policies of one table present on both sides.
  void ComparePolicies(const QualifiedName& table,
                       const std::map<std::string, model::Policy>& local,
                       const std::map<std::string, model::Policy>& remote) {
    for (const auto& [name, policy] : local) {
      ObjectId id = ObjectId::Child(ObjectKind::kPolicy, table, name);
      auto it = remote.find(name);
      if (it == remote.end()) {
        OneSided(id, DriftStatus::kLocalOnly, &policy.lineage);
        continue;
      }
      Changed(id, PolicyAttributes(policy), PolicyAttributes(it->second), policy.lineage);
    }
    for (const auto& [name, policy] : remote) {
      if (!local.contains(name)) {
        OneSided(ObjectId::Child(ObjectKind::kPolicy, table, name), DriftStatus::kRemoteOnly,
                 nullptr);
      }
    }
  }

  // Tables out of scope (managed by the platform profile, or in a managed schema) still
  // have the policies users add to them compared (storage.objects); a side that does not
  // hold the table has none.
  void CompareManagedTablePolicies() {
    static const std::map<std::string, model::Policy> kNone;
    std::set<QualifiedName> names;
    for (const auto& [name, table] : local_.tables) {
      if (!InScope(name.schema) || table.managed) names.insert(name);
    }
    for (const auto& [name, table] : remote_.tables) {
      if (!InScope(name.schema) || table.managed) names.insert(name);
    }
    for (const QualifiedName& name : names) {
      const model::Table* local = local_.FindTable(name);
      const model::Table* remote = remote_.FindTable(name);
      ComparePolicies(name, local != nullptr ? local->policies : kNone,
                      remote != nullptr ? remote->policies : kNone);
    }
  }

  void CompareTables() {
    CompareManagedTablePolicies();
    CompareManagedTableTriggers();
    CompareViewTriggers();
    for (const auto& [name, table] : local_.tables) {
      if (!InScope(name.schema) || table.managed) continue;
      ObjectId id = ObjectId::Of(ObjectKind::kTable, name);
      const model::Table* remote = remote_.FindTable(name);
      if (remote == nullptr) {
        OneSided(id, DriftStatus::kLocalOnly, &table.lineage, Children(local_, table));
        continue;
      }
      Changed(id, TableAttributes(table, attribute_options_),
              TableAttributes(*remote, attribute_options_), table.lineage);
      CompareColumns(table, *remote);
      CompareConstraints(table, *remote);
      CompareTriggers(name, table.triggers, remote->triggers, /*managed=*/false);
      ComparePolicies(name, table.policies, remote->policies);
    }
    for (const auto& [name, table] : remote_.tables) {
      if (InScope(name.schema) && !table.managed && !local_.tables.contains(name)) {
        OneSided(ObjectId::Of(ObjectKind::kTable, name), DriftStatus::kRemoteOnly, nullptr,
                 Children(remote_, table));
      }
    }
  }

  // Positions are compared among the columns both sides have, so a dropped or added
  // column is reported once, not again as a shift of every column after it.
  static std::map<std::string, int> SharedPositions(const model::Table& table, const model::Table& other) {
    std::map<std::string, int> positions;
    int position = 0;
    for (const model::Column& column : table.columns) {
      if (other.FindColumn(column.name) != nullptr) positions[column.name] = ++position;
    }
    return positions;
  }

  void CompareColumns(const model::Table& local, const model::Table& remote) {
    std::map<std::string, int> local_positions = SharedPositions(local, remote);
    std::map<std::string, int> remote_positions = SharedPositions(remote, local);
    for (const model::Column& column : local.columns) {
      ObjectId id = ObjectId::Child(ObjectKind::kColumn, local.name, column.name);
      const model::Column* other = remote.FindColumn(column.name);
      if (other == nullptr) {
        OneSided(id, DriftStatus::kLocalOnly, &column.lineage);
        continue;
      }
      Changed(id, ColumnAttributes(column, local_positions[column.name]),
              ColumnAttributes(*other, remote_positions[column.name]), column.lineage);
    }
    for (const model::Column& column : remote.columns) {
      if (local.FindColumn(column.name) == nullptr) {
        OneSided(ObjectId::Child(ObjectKind::kColumn, local.name, column.name),
                 DriftStatus::kRemoteOnly, nullptr);
      }
    }
  }

  void CompareConstraints(const model::Table& local, const model::Table& remote) {
    for (const auto& [name, constraint] : local.constraints) {
      ObjectId id = ObjectId::Child(ObjectKind::kConstraint, local.name, name);
      auto it = remote.constraints.find(name);
      if (it == remote.constraints.end()) {
        OneSided(id, DriftStatus::kLocalOnly, &constraint.lineage);
        continue;
      }
      Changed(id, ConstraintAttributes(constraint), ConstraintAttributes(it->second),
              constraint.lineage);
    }
    for (const auto& [name, constraint] : remote.constraints) {
      if (!local.constraints.contains(name)) {
        OneSided(ObjectId::Child(ObjectKind::kConstraint, local.name, name),
                 DriftStatus::kRemoteOnly, nullptr);
      }
    }
  }

  // Indexes that back a constraint are compared through the constraint.
  void CompareIndexes() {
    for (const auto& [name, index] : local_.indexes) {
      if (!InScope(name.schema) || !index.constraint_name.empty()) continue;
      ObjectId id = ObjectId::Of(ObjectKind::kIndex, name);
      auto it = remote_.indexes.find(name);
      if (it == remote_.indexes.end() || !it->second.constraint_name.empty()) {
        OneSided(id, DriftStatus::kLocalOnly, &index.lineage);
        continue;
      }
      Changed(id, IndexAttributes(index), IndexAttributes(it->second), index.lineage);
    }
    for (const auto& [name, index] : remote_.indexes) {
      if (!InScope(name.schema) || !index.constraint_name.empty()) continue;
      auto it = local_.indexes.find(name);
      if (it == local_.indexes.end() || !it->second.constraint_name.empty()) {
        OneSided(ObjectId::Of(ObjectKind::kIndex, name), DriftStatus::kRemoteOnly, nullptr);
      }
    }
  }

  const model::Catalog& local_;
  const model::Catalog& remote_;
  const CompareOptions& options_;
  AttributeOptions attribute_options_;
  std::set<ObjectId> contained_;
  ChangeSet result_;
};

}  // namespace

ChangeSet Compare(const model::Catalog& local, const model::Catalog& remote,
                  const CompareOptions& options) {
  return Comparer(local, remote, options).Run();
}

}  // namespace pgdrift::diff
