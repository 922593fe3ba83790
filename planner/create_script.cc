#include "planner/create_script.h"

#include <functional>
#include <map>
#include <set>
#include <vector>

#include "base/strings.h"
#include "model/dependency_graph.h"
#include "planner/domain_ddl.h"
#include "planner/index_ddl.h"
#include "planner/schema_ddl.h"
#include "planner/sequence_ddl.h"
#include "planner/table_ddl.h"
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
    AddTables();
    AddIndexes();
    AddLaterConstraints();
    AddSequenceOwnership();
    AddTableFlags();
    AddComments();
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
    for (const auto& [name, type] : catalog_.types) types.insert(ObjectId::Of(ObjectKind::kType, name));
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
    for (const ObjectId& id : table_order_) {
      const model::Table& table = catalog_.tables.at(id.qualified());
      AddAll(CreateTableSql(table, catalog_));
      AddOwner(table.owner, [&] { return TableOwnerSql(table); });
    }
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

  const model::Catalog& catalog_;
  const CreateScriptOptions& options_;
  model::DependencyGraph graph_;
  std::vector<ObjectId> type_order_;
  std::vector<ObjectId> table_order_;
  std::vector<std::string> statements_;
};

}  // namespace

std::string CreateScript(const model::Catalog& catalog, const CreateScriptOptions& options) {
  return ScriptBuilder(catalog, options).Build();
}

}  // namespace pgdrift::planner
