#include "planner/create_script.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "base/identifier.h"
#include "base/strings.h"
#include "model/dependency_graph.h"
#include "planner/domain_ddl.h"
#include "planner/index_ddl.h"
#include "planner/policy_ddl.h"
#include "planner/privileges_ddl.h"
#include "planner/routine_ddl.h"
#include "planner/schema_ddl.h"
#include "planner/sequence_ddl.h"
#include "planner/view_ddl.h"
#include "planner/table_ddl.h"
#include "planner/trigger_ddl.h"
#include "planner/type_ddl.h"

namespace pgdrift::planner {
namespace {

using model::ObjectId;
using model::ObjectKind;

// Orders `members` so that each comes after the members it depends on: a Kahn sort over
// a ready set ordered by identity, so ties never depend on container order. Members on a
// dependency cycle follow the rest in identity order.
std::vector<ObjectId> DependencyOrder(
    const std::set<ObjectId>& members,
    const std::function<std::set<ObjectId>(const ObjectId&)>& dependencies_of) {
  std::map<ObjectId, std::set<ObjectId>> waiting_on;
  std::map<ObjectId, std::vector<ObjectId>> dependents;
  std::set<ObjectId> ready;
  for (const ObjectId& member : members) {
    std::set<ObjectId> dependencies;
    for (const ObjectId& dependency : dependencies_of(member)) {
      if (dependency != member && members.contains(dependency)) {
        dependencies.insert(dependency);
        dependents[dependency].push_back(member);
      }
    }
    if (dependencies.empty()) {
      ready.insert(member);
    } else {
      waiting_on[member] = std::move(dependencies);
    }
  }
  std::vector<ObjectId> order;
  while (!ready.empty()) {
    ObjectId next = *ready.begin();
    ready.erase(ready.begin());
    order.push_back(next);
    for (const ObjectId& dependent : dependents[next]) {
      auto it = waiting_on.find(dependent);
      it->second.erase(next);
      if (it->second.empty()) {
        ready.insert(dependent);
        waiting_on.erase(it);
      }
    }
  }
  for (const auto& [member, dependencies] : waiting_on) order.push_back(member);
  return order;
}

// How many PARTITION OF levels lie above `table`.
int PartitionDepth(const model::Catalog& catalog, const model::Table& table) {
  int depth = 0;
  const model::Table* current = &table;
  // Bounded by the number of tables, so a malformed cycle cannot loop forever.
  while (current->partition_of.has_value() && depth <= static_cast<int>(catalog.tables.size())) {
    current = catalog.FindTable(*current->partition_of);
    if (current == nullptr) break;
    ++depth;
  }
  return depth;
}

// Tables joined by INHERITS (partitions excluded) whose columns CREATE TABLE … INHERITS
// cannot put in the model's order by itself: a parent gained columns after its children
// were created, so the children have them after their own. Such a tree is built the way
// its history did: each table is created with the columns it had when its children were
// created, and the others are added with ALTER TABLE … ADD COLUMN (which appends them to
// every existing child, as ATExecAddColumn in tablecmds.c recurses).
class InheritanceSchedule {
 public:
  // `tables` is one tree, parents before children.
  InheritanceSchedule(const model::Catalog& catalog, std::vector<const model::Table*> tables)
      : catalog_(catalog), tables_(std::move(tables)) {}

  // Whether the tree can be scheduled at all: single inheritance and no column that is
  // both local and inherited (merged columns keep the parent's position).
  bool Supported() const {
    for (const model::Table* table : tables_) {
      if (table->inherits.size() > 1 || table->partition_of.has_value()) return false;
      for (const model::Column& column : table->columns) {
        if (column.is_local && column.inherit_count > 0) return false;
      }
    }
    return true;
  }

  // Whether plain CREATE TABLE … INHERITS, parents first, gives every table its columns in
  // the model's order.
  bool PlainOrderMatches() const {
    for (const model::Table* table : tables_) {
      if (PlainOrder(*table) != ColumnNames(*table)) return false;
    }
    return true;
  }

  // The CREATE TABLE and ADD COLUMN statements that build every table of the tree with its
  // columns in order, or nullopt when no such order exists.
  std::optional<std::vector<std::string>> Build() const {
    size_t n = tables_.size();
    std::map<model::QualifiedName, size_t> position;
    for (size_t i = 0; i < n; ++i) position[tables_[i]->name] = i;
    std::vector<int> parent(n, -1);
    std::vector<std::vector<size_t>> children(n);
    for (size_t i = 0; i < n; ++i) {
      if (tables_[i]->inherits.empty()) continue;
      auto it = position.find(tables_[i]->inherits.front());
      if (it == position.end()) return std::nullopt;
      parent[i] = static_cast<int>(it->second);
      children[it->second].push_back(i);
    }
    // A child is created when its parent has exactly the inherited columns it starts
    // with, so no table may start with more columns than its children inherit at first.
    std::vector<size_t> prefix(n, 0);
    std::vector<size_t> cap(n);
    for (size_t i = 0; i < n; ++i) {
      while (prefix[i] < Size(i) && !tables_[i]->columns[prefix[i]].is_local) ++prefix[i];
      if (parent[i] < 0 && prefix[i] > 0) return std::nullopt;
    }
    for (size_t i = 0; i < n; ++i) {
      cap[i] = Size(i);
      for (size_t child : children[i]) cap[i] = std::min(cap[i], prefix[child]);
    }

    std::vector<bool> created(n, false);
    std::vector<size_t> count(n, 0);
    std::vector<std::string> statements;
    while (Step(parent, children, prefix, cap, &created, &count, &statements)) {
    }
    for (size_t i = 0; i < n; ++i) {
      if (!created[i] || count[i] != Size(i)) return std::nullopt;
    }
    return statements;
  }

 private:
  size_t Size(size_t i) const { return tables_[i]->columns.size(); }

  static std::vector<std::string> ColumnNames(const model::Table& table) {
    std::vector<std::string> names;
    for (const model::Column& column : table.columns) names.push_back(column.name);
    return names;
  }

  std::vector<std::string> PlainOrder(const model::Table& table) const {
    std::vector<std::string> names;
    if (!table.inherits.empty()) {
      if (const model::Table* parent = catalog_.FindTable(table.inherits.front())) {
        names = PlainOrder(*parent);
      }
    }
    for (const model::Column& column : table.columns) {
      if (column.is_local) names.push_back(column.name);
    }
    return names;
  }

  // Performs one step — the first table that can be created, else the first column that
  // can be added — and returns whether there was one. Creating comes first: a child can
  // only be created while its parent has exactly the columns it inherits at the start.
  bool Step(const std::vector<int>& parent, const std::vector<std::vector<size_t>>& children,
            const std::vector<size_t>& prefix, const std::vector<size_t>& cap,
            std::vector<bool>* created, std::vector<size_t>* count,
            std::vector<std::string>* statements) const {
    size_t n = tables_.size();
    for (size_t i = 0; i < n; ++i) {
      if ((*created)[i]) continue;
      if (parent[i] >= 0) {
        size_t p = static_cast<size_t>(parent[i]);
        if (!(*created)[p] || (*count)[p] != prefix[i]) continue;
        for (size_t k = 0; k < prefix[i]; ++k) {
          if (tables_[i]->columns[k].name != tables_[p]->columns[k].name) return false;
        }
      }
      size_t initial = prefix[i];
      while (initial < cap[i] && tables_[i]->columns[initial].is_local) ++initial;
      (*created)[i] = true;
      (*count)[i] = initial;
      statements->push_back(CreateTableShellSql(*tables_[i], catalog_, initial));
      return true;
    }
    for (size_t i = 0; i < n; ++i) {
      if (!(*created)[i] || (*count)[i] == Size(i)) continue;
      const model::Column& column = tables_[i]->columns[(*count)[i]];
      if (!column.is_local) continue;
      // Every existing descendant must take the column next, as an inherited one.
      std::vector<size_t> descendants;
      std::vector<size_t> pending = children[i];
      bool fits = true;
      while (!pending.empty() && fits) {
        size_t d = pending.back();
        pending.pop_back();
        if (!(*created)[d]) continue;
        const size_t next = (*count)[d];
        fits = next < Size(d) && tables_[d]->columns[next].name == column.name &&
               !tables_[d]->columns[next].is_local;
        descendants.push_back(d);
        pending.insert(pending.end(), children[d].begin(), children[d].end());
      }
      if (!fits) continue;
      statements->push_back(AddColumnSql(*tables_[i], column, catalog_));
      ++(*count)[i];
      for (size_t d : descendants) ++(*count)[d];
      return true;
    }
    return false;
  }

  const model::Catalog& catalog_;
  std::vector<const model::Table*> tables_;
};

class ScriptBuilder {
 public:
  ScriptBuilder(const model::Catalog& catalog, const CreateScriptOptions& options)
      : catalog_(catalog), options_(options), graph_(model::DependencyGraph::Build(catalog)) {}

  std::string Build() {
    OrderObjects();
    AddSchemas();
    AddExtensions();
    AddTypesAndDomains();
    AddSequences();
    AddRoutines(/*after_tables=*/false);
    AddTables();
    AddRoutines(/*after_tables=*/true);
    AddViews();
    AddIndexes();
    AddLaterConstraints();
    AddSequenceOwnership();
    AddTableFlags();
    AddComments();
    AddTriggers();
    AddPolicies();
    AddPrivileges();
    if (statements_.empty()) return "";
    return StrCat(StrJoin(statements_, "\n\n"), "\n");
  }

 private:
  bool SkipSchema(const model::Schema& schema) const {
    return !options_.include_managed && schema.managed;
  }
  bool SkipExtension(const model::Extension& extension) const {
    return !options_.include_managed && extension.managed;
  }
  // A managed table, and everything that belongs to it, is the platform's.
  bool SkipTable(const model::QualifiedName& name) const {
    if (options_.include_managed) return false;
    const model::Table* table = catalog_.FindTable(name);
    return table != nullptr && table->managed;
  }
  bool SkipSequence(const model::Sequence& sequence) const {
    return sequence.owned_by.has_value() && SkipTable(sequence.owned_by->table);
  }

  void Add(std::string statement) { statements_.push_back(std::move(statement)); }
  void AddAll(std::vector<std::string> statements) {
    for (std::string& statement : statements) Add(std::move(statement));
  }
  void AddOwner(std::string_view owner, const std::function<std::string()>& owner_sql) {
    if (NeedsOwnerSql(owner, options_.default_owner)) Add(owner_sql());
  }

  // Types and domains in one group, tables in another, each in dependency order.
  void OrderObjects() {
    std::set<ObjectId> types;
    for (const auto& [name, type] : catalog_.types) {
      types.insert(ObjectId::Of(ObjectKind::kType, name));
    }
    for (const auto& [name, domain] : catalog_.domains) {
      types.insert(ObjectId::Of(ObjectKind::kDomain, name));
    }
    type_order_ = DependencyOrder(types, [this](const ObjectId& id) {
      std::vector<ObjectId> dependencies = graph_.Dependencies(id);
      return std::set<ObjectId>(dependencies.begin(), dependencies.end());
    });

    std::set<ObjectId> tables;
    for (const auto& [name, table] : catalog_.tables) {
      if (!SkipTable(name)) tables.insert(ObjectId::Of(ObjectKind::kTable, name));
    }
    // A table waits for its parents and for the tables whose row types its columns use.
    table_order_ = DependencyOrder(tables, [this](const ObjectId& id) {
      std::set<ObjectId> result;
      for (const ObjectId& dependency : graph_.Dependencies(id)) result.insert(dependency);
      const model::Table* table = catalog_.FindTable(id.qualified());
      for (const model::Column& column : table->columns) {
        for (const ObjectId& dependency :
             graph_.Dependencies(ObjectId::Child(ObjectKind::kColumn, table->name, column.name))) {
          result.insert(dependency);
        }
      }
      return result;
    });
    GroupInheritanceTrees();
  }

  // Groups the tables the script creates (partitions aside) by the root of their INHERITS
  // tree (first parents), each group in creation order.
  void GroupInheritanceTrees() {
    for (const ObjectId& id : table_order_) {
      const model::Table& table = catalog_.tables.at(id.qualified());
      if (table.partition_of.has_value()) continue;
      const model::Table* root = &table;
      std::set<model::QualifiedName> seen = {table.name};
      while (!root->inherits.empty()) {
        const model::Table* parent = catalog_.FindTable(root->inherits.front());
        if (parent == nullptr || SkipTable(parent->name) || !seen.insert(parent->name).second) {
          break;
        }
        root = parent;
      }
      inheritance_root_[table.name] = root->name;
      inheritance_trees_[root->name].push_back(&table);
    }
  }

  void AddSchemas() {
    for (const auto& [name, schema] : catalog_.schemas) {
      if (SkipSchema(schema)) continue;
      if (IsBuiltinSchema(name)) {
        AddOwner(schema.owner, [&] { return SchemaOwnerSql(schema); });
      } else {
        Add(CreateSchemaSql(schema, options_.default_owner));
      }
    }
  }

  // GRANT / REVOKE for every object whose ACL is not its acldefault (columns too), then
  // ALTER DEFAULT PRIVILEGES last, so that they do not change the ACLs of the objects
  // the script creates (pg_dump also restores default ACLs after the objects).
  void AddPrivileges() {
    using model::AclObjectKind;
    for (const auto& [name, schema] : catalog_.schemas) {
      if (SkipSchema(schema)) continue;
      AddAll(AclSql(StrCat("SCHEMA ", QuoteIdent(name)), schema.privileges,
                    AclObjectKind::kSchema, schema.owner));
    }
    for (const ObjectId& id : type_order_) {
      if (id.kind == ObjectKind::kType) {
        const model::UserType& type = catalog_.types.at(id.qualified());
        AddAll(AclSql(StrCat("TYPE ", QualifiedSql(type.name)), type.privileges,
                      AclObjectKind::kType, type.owner));
      } else {
        const model::Domain& domain = catalog_.domains.at(id.qualified());
        AddAll(AclSql(StrCat("DOMAIN ", QualifiedSql(domain.name)), domain.privileges,
                      AclObjectKind::kType, domain.owner));
      }
    }
    for (const auto& [name, sequence] : catalog_.sequences) {
      if (SkipSequence(sequence)) continue;
      AddAll(AclSql(StrCat("SEQUENCE ", QualifiedSql(name)), sequence.privileges,
                    AclObjectKind::kSequence, sequence.owner));
    }
    for (const auto& [key, routine] : catalog_.routines) {
      if (!options_.include_managed && catalog_.IsManagedSchema(key.name.schema)) continue;
      AddAll(AclSql(StrCat(routine.procedure ? "PROCEDURE " : "FUNCTION ",
                           RoutineSignatureSql(routine)),
                    routine.privileges, AclObjectKind::kFunction, routine.owner));
    }
    for (const ObjectId& id : table_order_) {
      const model::Table& table = catalog_.tables.at(id.qualified());
      std::string table_sql = QualifiedSql(table.name);
      AddAll(AclSql(StrCat("TABLE ", table_sql), table.privileges, AclObjectKind::kTable,
                    table.owner));
      for (const model::Column& column : table.columns) {
        AddAll(ColumnAclSql(table_sql, column.name, column.privileges));
      }
    }
    for (const auto& [name, view] : catalog_.views) {
      if (!options_.include_managed && catalog_.IsManagedSchema(name.schema)) continue;
      std::string view_sql = QualifiedSql(name);
      AddAll(AclSql(StrCat("TABLE ", view_sql), view.privileges, AclObjectKind::kTable,
                    view.owner));
      for (const model::ViewColumn& column : view.columns) {
        AddAll(ColumnAclSql(view_sql, column.name, column.privileges));
      }
    }
    model::DefaultAcls defaults;
    for (const auto& [key, acl] : catalog_.default_privileges) {
      if (!options_.include_managed &&
          ((!key.schema.empty() && catalog_.IsManagedSchema(key.schema)) ||
           FromPlatform(key, acl))) {
        continue;
      }
      defaults.emplace(key, acl);
    }
    AddAll(DefaultPrivilegesSql(defaults));
  }

  // Whether the platform already sets up this default-privileges entry exactly.
  bool FromPlatform(const model::DefaultAclKey& key, const model::Acl& acl) const {
    if (options_.platform_default_privileges == nullptr) return false;
    auto it = options_.platform_default_privileges->find(key);
    return it != options_.platform_default_privileges->end() && it->second == acl;
  }

  void AddExtensions() {
    for (const auto& [name, extension] : catalog_.extensions) {
      if (!SkipExtension(extension)) Add(CreateExtensionSql(extension));
    }
  }

  void AddTypesAndDomains() {
    for (const ObjectId& id : type_order_) {
      if (id.kind == ObjectKind::kType) {
        const model::UserType& type = catalog_.types.at(id.qualified());
        Add(CreateTypeSql(type));
        AddOwner(type.owner, [&] { return TypeOwnerSql(type); });
      } else {
        const model::Domain& domain = catalog_.domains.at(id.qualified());
        AddAll(CreateDomainSql(domain));
        AddOwner(domain.owner, [&] { return DomainOwnerSql(domain); });
      }
    }
  }

  // Functions and procedures, as pg_dump writes them: function bodies are not checked
  // while the script runs (SET check_function_bodies = false, as pg_dump emits), so a
  // routine needs only the types of its arguments and result. Those using a table's row
  // type come after the tables, the others before them (table defaults and checks may
  // call them). Each with its owner and comment.
  void AddRoutines(bool after_tables) {
    for (const auto& [key, routine] : catalog_.routines) {
      if (!options_.include_managed && catalog_.IsManagedSchema(key.name.schema)) continue;
      std::vector<ObjectId> dependencies = graph_.Dependencies(model::RoutineId(routine));
      bool uses_table = std::any_of(dependencies.begin(), dependencies.end(), [](const ObjectId& id) {
        return id.kind == ObjectKind::kTable;
      });
      if (uses_table != after_tables) continue;
      if (!function_bodies_unchecked_) {
        Add("SET check_function_bodies = false;");
        function_bodies_unchecked_ = true;
      }
      Add(CreateRoutineSql(routine));
      AddOwner(routine.owner, [&] { return RoutineOwnerSql(routine); });
      if (!routine.comment.empty()) Add(RoutineCommentSql(routine));
    }
  }

  // Views and materialized views after the tables and functions they read, each after
  // the views it reads (the dependency graph's creation order); their indexes come with
  // the tables' indexes.
  void AddViews() {
    for (const ObjectId& id : graph_.CreationOrder()) {
      if (id.kind != ObjectKind::kView && id.kind != ObjectKind::kMaterializedView) continue;
      if (!options_.include_managed && catalog_.IsManagedSchema(id.schema)) continue;
      const model::View& view = catalog_.views.at(id.qualified());
      Add(CreateViewSql(view));
      AddOwner(view.owner, [&] { return ViewOwnerSql(view); });
      AddAll(ViewCommentSql(view));
    }
  }

  // Identity sequences come with their columns; every other sequence (serial ones
  // included, as pg_dump prints them) exists before the tables whose defaults use it.
  void AddSequences() {
    for (const auto& [name, sequence] : catalog_.sequences) {
      if (sequence.identity || SkipSequence(sequence)) continue;
      Add(CreateSequenceSql(sequence));
      AddOwner(sequence.owner, [&] { return SequenceOwnerSql(sequence); });
    }
  }

  void AddTables() {
    std::set<model::QualifiedName> done;
    for (const ObjectId& id : table_order_) {
      const model::Table& table = catalog_.tables.at(id.qualified());
      if (done.contains(table.name)) continue;
      std::vector<const model::Table*> tree = InheritanceTree(table);
      if (tree.size() > 1 && AddScheduledTree(tree)) {
        for (const model::Table* member : tree) done.insert(member->name);
        continue;
      }
      AddAll(CreateTableSql(table, catalog_));
      AddOwner(table.owner, [&] { return TableOwnerSql(table); });
    }
  }

  // The tables joined to `table` by INHERITS, in creation order.
  std::vector<const model::Table*> InheritanceTree(const model::Table& table) const {
    auto root = inheritance_root_.find(table.name);
    if (root == inheritance_root_.end()) return {};
    return inheritance_trees_.at(root->second);
  }

  // Adds the statements of an inheritance tree whose column order needs a schedule:
  // tables and columns in history order, then the constraints and column settings that
  // had to wait for every column. Returns false (adding nothing) when the plain
  // CREATE TABLE statements already give the model's order or no schedule exists.
  bool AddScheduledTree(const std::vector<const model::Table*>& tree) {
    InheritanceSchedule schedule(catalog_, tree);
    if (!schedule.Supported() || schedule.PlainOrderMatches()) return false;
    std::optional<std::vector<std::string>> statements = schedule.Build();
    if (!statements.has_value()) return false;
    AddAll(std::move(*statements));
    for (const model::Table* table : tree) {
      for (const auto& [name, constraint] : table->constraints) {
        if (IsInlineConstraint(constraint) &&
            !IsInheritedConstraint(catalog_, *table, constraint)) {
          Add(AddConstraintSql(*table, constraint));
        }
      }
      AddAll(ColumnSettingsSql(*table, catalog_, /*inherited_storage_is_default=*/true));
      AddOwner(table->owner, [&] { return TableOwnerSql(*table); });
    }
    return true;
  }

  // Indexes on partitioned tables whose partitions all have a matching index are created
  // ON ONLY the parent and attached afterwards. Other indexes on partitioned tables come
  // last, deepest partition level first, so that PostgreSQL adopts the partitions'
  // existing indexes instead of building new ones.
  void AddIndexes() {
    std::map<model::QualifiedName, std::vector<model::QualifiedName>> attachments =
        PartitionIndexAttachments(catalog_);
    std::map<std::pair<int, model::QualifiedName>, const model::Index*> cascading;
    for (const auto& [name, index] : catalog_.indexes) {
      if (!index.constraint_name.empty() || SkipTable(index.table)) continue;
      const model::Table* table = catalog_.FindTable(index.table);
      if (attachments.contains(name)) {
        Add(CreateIndexSql(index, /*only=*/true));
      } else if (table != nullptr && table->is_partitioned()) {
        cascading[{-PartitionDepth(catalog_, *table), name}] = &index;
      } else {
        Add(CreateIndexSql(index));
      }
    }
    for (const auto& [key, index] : cascading) Add(CreateIndexSql(*index));
    for (const auto& [parent, children] : attachments) {
      if (SkipTable(catalog_.indexes.at(parent).table)) continue;
      for (const model::QualifiedName& child : children) Add(AttachIndexSql(parent, child));
    }
  }

  // Foreign keys (which may point at tables created later, or at each other, and may
  // need a unique index created above) and NOT VALID constraints.
  void AddLaterConstraints() {
    for (const auto& [name, table] : catalog_.tables) {
      if (SkipTable(name)) continue;
      for (const auto& [constraint_name, constraint] : table.constraints) {
        if (IsInlineConstraint(constraint) || IsInheritedConstraint(catalog_, table, constraint)) {
          continue;
        }
        Add(AddConstraintSql(table, constraint));
      }
    }
  }

  void AddSequenceOwnership() {
    for (const auto& [name, sequence] : catalog_.sequences) {
      if (sequence.identity || !sequence.owned_by.has_value() || SkipSequence(sequence)) continue;
      Add(SequenceOwnedBySql(sequence));
    }
  }

  void AddTableFlags() {
    for (const auto& [name, table] : catalog_.tables) {
      if (SkipTable(name)) continue;
      AddAll(RowSecuritySql(table));
      if (table.replica_identity != model::ReplicaIdentity::kDefault) {
        Add(ReplicaIdentitySql(table));
      }
    }
    for (const auto& [name, index] : catalog_.indexes) {
      if (index.clustered && !SkipTable(index.table)) Add(ClusterOnSql(index));
    }
  }

  void AddComments() {
    for (const auto& [name, schema] : catalog_.schemas) {
      if (!SkipSchema(schema) && !schema.comment.empty()) Add(SchemaCommentSql(schema));
    }
    for (const auto& [name, extension] : catalog_.extensions) {
      if (!SkipExtension(extension) && !extension.comment.empty()) {
        Add(ExtensionCommentSql(extension));
      }
    }
    for (const ObjectId& id : type_order_) {
      if (id.kind == ObjectKind::kType) {
        const model::UserType& type = catalog_.types.at(id.qualified());
        if (!type.comment.empty()) Add(TypeCommentSql(type));
      } else {
        const model::Domain& domain = catalog_.domains.at(id.qualified());
        if (!domain.comment.empty()) Add(DomainCommentSql(domain));
      }
    }
    for (const auto& [name, sequence] : catalog_.sequences) {
      if (!SkipSequence(sequence) && !sequence.comment.empty()) Add(SequenceCommentSql(sequence));
    }
    for (const auto& [name, table] : catalog_.tables) {
      if (!SkipTable(name)) AddAll(TableCommentsSql(table));
    }
    for (const auto& [name, index] : catalog_.indexes) {
      if (!SkipTable(index.table) && !index.comment.empty()) Add(IndexCommentSql(index));
    }
  }

  // Triggers come after every table, function and view they may name. A trigger a user
  // put on a managed table (auth.users) is theirs, unless its function is the
  // platform's too.
  void AddTriggers() {
    for (const auto& [name, table] : catalog_.tables) {
      const bool managed = SkipTable(name) || (!options_.include_managed &&
                                               catalog_.IsManagedSchema(name.schema));
      for (const auto& [trigger_name, trigger] : table.triggers) {
        if (managed && catalog_.IsManagedSchema(trigger.function.schema)) continue;
        AddAll(TriggerSql(name, trigger));
      }
    }
    for (const auto& [name, view] : catalog_.views) {
      if (!options_.include_managed && catalog_.IsManagedSchema(name.schema)) continue;
      for (const auto& [trigger_name, trigger] : view.triggers) AddAll(TriggerSql(name, trigger));
    }
  }

  // Policies come after tables and functions (their expressions call functions and read
  // other tables); those users add to managed tables (storage.objects) are theirs.
  void AddPolicies() {
    for (const auto& [name, table] : catalog_.tables) {
      for (const auto& [policy_name, policy] : table.policies) AddAll(PolicySql(name, policy));
    }
  }

  const model::Catalog& catalog_;
  const CreateScriptOptions& options_;
  model::DependencyGraph graph_;
  std::vector<ObjectId> type_order_;
  std::vector<ObjectId> table_order_;
  // Every table the script creates (partitions aside) → the root of its INHERITS tree.
  std::map<model::QualifiedName, model::QualifiedName> inheritance_root_;
  // Root → the tables of its tree, in creation order.
  std::map<model::QualifiedName, std::vector<const model::Table*>> inheritance_trees_;
  bool function_bodies_unchecked_ = false;
  std::vector<std::string> statements_;
};

}  // namespace

std::string CreateScript(const model::Catalog& catalog, const CreateScriptOptions& options) {
  return ScriptBuilder(catalog, options).Build();
}

}  // namespace pgdrift::planner
