#include "model/dependency_graph.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "model/internal/expression_refs.h"
#include "model/internal/namespaces.h"

namespace pgdrift::model {
namespace {

// setS out-edge lists drop duplicate edges; bidirectionalS gives in-edges (dependents).
using Graph = boost::adjacency_list<boost::setS, boost::vecS, boost::bidirectionalS>;
using Vertex = Graph::vertex_descriptor;

ObjectId SchemaId(const std::string& name) { return ObjectId::Of(ObjectKind::kSchema, {"", name}); }

ObjectId ColumnId(const QualifiedName& table, const std::string& column) {
  return ObjectId::Child(ObjectKind::kColumn, table, column);
}

ObjectId ConstraintId(const QualifiedName& table, const std::string& constraint) {
  return ObjectId::Child(ObjectKind::kConstraint, table, constraint);
}

// Sets a flag when depth-first search meets an edge back to a vertex still on the stack.
class CycleVisitor : public boost::default_dfs_visitor {
 public:
  explicit CycleVisitor(bool* found) : found_(found) {}
  void back_edge(Graph::edge_descriptor, const Graph&) const { *found_ = true; }

 private:
  bool* found_;
};

// The vertex a type reference depends on: a user type, a domain, a table's row type, or
// (for a multirange) its range type. Built-in and extension types have none.
std::optional<ObjectId> TypeTarget(const Catalog& catalog, const TypeRef& type) {
  if (!type.is_user_defined()) return std::nullopt;
  QualifiedName name = type.qualified();
  if (catalog.types.contains(name)) return ObjectId::Of(ObjectKind::kType, name);
  if (catalog.domains.contains(name)) return ObjectId::Of(ObjectKind::kDomain, name);
  if (catalog.tables.contains(name)) return ObjectId::Of(ObjectKind::kTable, name);
  if (const UserType* range = internal::RangeOfMultirange(catalog, name)) {
    return ObjectId::Of(ObjectKind::kType, range->name);
  }
  return std::nullopt;
}

bool SameColumnSet(const std::vector<std::string>& columns, const std::set<std::string>& wanted) {
  return columns.size() == wanted.size() &&
         std::set<std::string>(columns.begin(), columns.end()) == wanted;
}

// What a foreign key depends on in the referenced table, as tablecmds.c
// transformFkeyCheckAttrs picks it: the primary key (or, for an explicit column list, the
// unique constraint or plain unique index on exactly those columns), else the table.
std::optional<ObjectId> ForeignKeyTarget(
    const Catalog& catalog, const Constraint& foreign_key,
    const std::multimap<QualifiedName, const Index*>& indexes_by_table) {
  const Table* referenced = catalog.FindTable(foreign_key.referenced_table);
  if (referenced == nullptr) return std::nullopt;
  const std::set<std::string> wanted(foreign_key.referenced_columns.begin(),
                                     foreign_key.referenced_columns.end());
  const Constraint* match = nullptr;
  for (const auto& [name, constraint] : referenced->constraints) {
    if (constraint.type != ConstraintType::kPrimaryKey &&
        constraint.type != ConstraintType::kUnique) {
      continue;
    }
    bool covers = wanted.empty() ? constraint.type == ConstraintType::kPrimaryKey
                                 : SameColumnSet(constraint.columns, wanted);
    if (!covers) continue;
    if (match == nullptr || (constraint.type == ConstraintType::kPrimaryKey &&
                             match->type != ConstraintType::kPrimaryKey)) {
      match = &constraint;
    }
  }
  if (match != nullptr) return ConstraintId(referenced->name, match->name);
  if (!wanted.empty()) {
    auto [begin, end] = indexes_by_table.equal_range(referenced->name);
    for (auto it = begin; it != end; ++it) {
      const Index& index = *it->second;
      if (!index.unique || !index.predicate.empty() || !index.constraint_name.empty()) continue;
      std::vector<std::string> key_columns;
      bool plain = true;
      for (const IndexElement& key : index.keys) {
        if (key.column.empty()) plain = false;
        key_columns.push_back(key.column);
      }
      if (plain && SameColumnSet(key_columns, wanted)) {
        return ObjectId::Of(ObjectKind::kIndex, index.name);
      }
    }
  }
  return ObjectId::Of(ObjectKind::kTable, referenced->name);
}

// Collects the edges while the catalog is walked; edges to objects that are not
// vertices (a schema the catalog does not hold, an unknown type) are left out.
class EdgeCollector {
 public:
  explicit EdgeCollector(const std::set<ObjectId>& vertices) : vertices_(vertices) {}

  void Add(const ObjectId& from, const ObjectId& to) {
    if (from == to || !vertices_.contains(from) || !vertices_.contains(to)) return;
    edges_.emplace(from, to);
  }
  void Add(const ObjectId& from, const std::optional<ObjectId>& to) {
    if (to.has_value()) Add(from, *to);
  }

  const std::set<std::pair<ObjectId, ObjectId>>& edges() const { return edges_; }

 private:
  const std::set<ObjectId>& vertices_;
  std::set<std::pair<ObjectId, ObjectId>> edges_;
};

std::set<ObjectId> CollectVertices(const Catalog& catalog) {
  std::set<ObjectId> vertices;
  for (const auto& [name, schema] : catalog.schemas) vertices.insert(SchemaId(name));
  for (const auto& [name, extension] : catalog.extensions) {
    vertices.insert(ObjectId::Of(ObjectKind::kExtension, {"", name}));
  }
  for (const auto& [name, type] : catalog.types)
    vertices.insert(ObjectId::Of(ObjectKind::kType, name));
  for (const auto& [name, domain] : catalog.domains) {
    vertices.insert(ObjectId::Of(ObjectKind::kDomain, name));
  }
  for (const auto& [name, sequence] : catalog.sequences) {
    vertices.insert(ObjectId::Of(ObjectKind::kSequence, name));
  }
  for (const auto& [name, table] : catalog.tables) {
    vertices.insert(ObjectId::Of(ObjectKind::kTable, name));
    for (const Column& column : table.columns) vertices.insert(ColumnId(name, column.name));
    for (const auto& [constraint_name, constraint] : table.constraints) {
      vertices.insert(ConstraintId(name, constraint_name));
    }
  }
  for (const auto& [name, index] : catalog.indexes)
    vertices.insert(ObjectId::Of(ObjectKind::kIndex, name));
  for (const auto& [key, routine] : catalog.routines) vertices.insert(RoutineId(routine));
  for (const auto& [name, table] : catalog.tables) {
    for (const auto& [trigger_name, trigger] : table.triggers) {
      vertices.insert(ObjectId::Child(ObjectKind::kTrigger, name, trigger_name));
    }
  }
  for (const auto& [name, view] : catalog.views) {
    vertices.insert(ObjectId::Of(view.kind(), name));
    for (const auto& [trigger_name, trigger] : view.triggers) {
      vertices.insert(ObjectId::Child(ObjectKind::kTrigger, name, trigger_name));
    }
  }
  for (const auto& [name, table] : catalog.tables) {
    for (const auto& [policy_name, policy] : table.policies) {
      vertices.insert(ObjectId::Child(ObjectKind::kPolicy, name, policy_name));
    }
  }
  return vertices;
}

// A policy depends on its table ('a'), the columns of the table its expressions read and
// the relations and routines they read (Policy::depends_on, 'n'), as CreatePolicy
// (policy.c) records them with recordDependencyOnExpr.
void AddPolicyEdges(const Table& table, EdgeCollector& edges) {
  const ObjectId table_id = ObjectId::Of(ObjectKind::kTable, table.name);
  for (const auto& [name, policy] : table.policies) {
    ObjectId policy_id = ObjectId::Child(ObjectKind::kPolicy, table.name, name);
    edges.Add(policy_id, table_id);
    for (const std::string* expr : {&policy.using_expr, &policy.check_expr}) {
      for (const std::string& column : internal::MentionedColumns(table, *expr)) {
        edges.Add(policy_id, ColumnId(table.name, column));
      }
    }
    for (const ObjectId& dependency : policy.depends_on) edges.Add(policy_id, dependency);
  }
}

// A trigger depends on its relation, its function (pg_trigger.tgfoid), the columns of
// UPDATE OF (tgattr) and the columns its WHEN condition reads (trigger.c
// CreateTriggerFiringOn records all of them in pg_depend).
void AddTriggerEdges(const QualifiedName& relation, const ObjectId& relation_id,
                     const std::map<std::string, Trigger>& triggers, const Table* table,
                     EdgeCollector& edges) {
  for (const auto& [name, trigger] : triggers) {
    ObjectId trigger_id = ObjectId::Child(ObjectKind::kTrigger, relation, name);
    edges.Add(trigger_id, relation_id);
    ObjectId function = ObjectId::Of(ObjectKind::kFunction, trigger.function);
    edges.Add(trigger_id, function);
    if (trigger.referenced_table.has_value()) {
      edges.Add(trigger_id, ObjectId::Of(ObjectKind::kTable, *trigger.referenced_table));
    }
    if (table == nullptr) continue;
    for (const std::string& column : trigger.update_columns) {
      edges.Add(trigger_id, ColumnId(relation, column));
    }
    for (const std::string& column : TriggerWhenColumns(trigger.when)) {
      edges.Add(trigger_id, ColumnId(relation, column));
    }
  }
}

// The user type a routine's result text names ("public.mood", "SETOF public.t",
// "\"S\".\"T\"[]"); TABLE(…) results are covered by their TABLE arguments.
std::optional<TypeRef> ResultType(std::string text) {
  if (text.starts_with("SETOF ")) text = text.substr(6);
  TypeRef type;
  if (text.ends_with("[]")) {
    type.array = true;
    text.resize(text.size() - 2);
  }
  std::vector<std::string> parts(1);
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      if (quoted && i + 1 < text.size() && text[i + 1] == '"') {
        parts.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == '.' && !quoted) {
      parts.emplace_back();
    } else if (!quoted && (c == '(' || c == ' ')) {
      return std::nullopt;  // TABLE(…) or a built-in type with a modifier or spaces
    } else {
      parts.back() += c;
    }
  }
  if (parts.size() != 2) return std::nullopt;
  type.schema = parts[0];
  type.name = parts[1];
  return type;
}

// A routine depends on its schema and on the user types of its arguments and result
// (ProcedureCreate in pg_proc.c records them in pg_depend).
void AddRoutineEdges(const Catalog& catalog, EdgeCollector& edges) {
  for (const auto& [key, routine] : catalog.routines) {
    ObjectId routine_id = RoutineId(routine);
    edges.Add(routine_id, SchemaId(routine.name.schema));
    for (const RoutineArg& arg : routine.args) edges.Add(routine_id, TypeTarget(catalog, arg.type));
    if (std::optional<TypeRef> result = ResultType(routine.result)) {
      edges.Add(routine_id, TypeTarget(catalog, *result));
    }
  }
}

void AddColumnEdges(const Catalog& catalog, const Table& table, const ObjectId& table_id,
                    EdgeCollector& edges, std::set<std::pair<ObjectId, QualifiedName>>& nextvals) {
  for (const Column& column : table.columns) {
    ObjectId column_id = ColumnId(table.name, column.name);
    edges.Add(column_id, table_id);
    edges.Add(column_id, TypeTarget(catalog, column.type));
    if (column.default_expr.has_value()) {
      for (const QualifiedName& sequence :
           internal::NextvalSequences(catalog, *column.default_expr)) {
        edges.Add(column_id, ObjectId::Of(ObjectKind::kSequence, sequence));
        nextvals.emplace(column_id, sequence);
      }
    }
  }
}

void AddConstraintEdges(const Catalog& catalog, const Table& table, const ObjectId& table_id,
                        const std::multimap<QualifiedName, const Index*>& indexes_by_table,
                        EdgeCollector& edges) {
  for (const auto& [name, constraint] : table.constraints) {
    ObjectId constraint_id = ConstraintId(table.name, name);
    edges.Add(constraint_id, table_id);
    auto add_columns = [&](const std::vector<std::string>& columns) {
      for (const std::string& column : columns)
        edges.Add(constraint_id, ColumnId(table.name, column));
    };
    add_columns(constraint.columns);
    add_columns(constraint.include);
    add_columns(constraint.on_delete_set_columns);
    add_columns(internal::MentionedColumns(table, constraint.expression));
    for (const ExclusionElement& element : constraint.exclusion_elements) {
      if (!element.element.column.empty()) {
        edges.Add(constraint_id, ColumnId(table.name, element.element.column));
      }
      add_columns(internal::MentionedColumns(table, element.element.expression));
    }
    add_columns(internal::MentionedColumns(table, constraint.exclusion_predicate));
    if (constraint.type == ConstraintType::kForeignKey) {
      edges.Add(constraint_id, ForeignKeyTarget(catalog, constraint, indexes_by_table));
    }
  }
}

void AddIndexEdges(const Catalog& catalog, EdgeCollector& edges) {
  for (const auto& [name, index] : catalog.indexes) {
    ObjectId index_id = ObjectId::Of(ObjectKind::kIndex, name);
    // The indexed relation: a table, or a materialized view.
    auto view = catalog.views.find(index.table);
    edges.Add(index_id, ObjectId::Of(view != catalog.views.end() ? view->second.kind() : ObjectKind::kTable,
                                     index.table));
    // pg_depend 'P' (DEPENDENCY_PARTITION_PRI) on the partitioned index.
    if (index.parent_index.has_value()) {
      edges.Add(index_id, ObjectId::Of(ObjectKind::kIndex, *index.parent_index));
    }
    const Table* table = catalog.FindTable(index.table);
    if (table == nullptr) continue;
    auto add_columns = [&](const std::vector<std::string>& columns) {
      for (const std::string& column : columns) edges.Add(index_id, ColumnId(index.table, column));
    };
    for (const IndexElement& key : index.keys) {
      if (!key.column.empty()) edges.Add(index_id, ColumnId(index.table, key.column));
      add_columns(internal::MentionedColumns(*table, key.expression));
    }
    add_columns(index.include);
    add_columns(internal::MentionedColumns(*table, index.predicate));
  }
}

}  // namespace

struct DependencyGraph::Impl {
  Graph graph;
  std::vector<ObjectId> ids;  // vertex → identity, in ObjectId order
  bool has_cycle = false;

  std::optional<Vertex> Find(const ObjectId& id) const {
    auto it = std::lower_bound(ids.begin(), ids.end(), id);
    if (it == ids.end() || *it != id) return std::nullopt;
    return static_cast<Vertex>(it - ids.begin());
  }

  std::vector<ObjectId> ToIds(const std::set<Vertex>& vertices) const {
    std::vector<ObjectId> out;
    out.reserve(vertices.size());
    for (Vertex v : vertices) out.push_back(ids[v]);
    return out;
  }
};

DependencyGraph DependencyGraph::Build(const Catalog& catalog) {
  const std::set<ObjectId> vertices = CollectVertices(catalog);
  EdgeCollector edges(vertices);

  std::multimap<QualifiedName, const Index*> indexes_by_table;
  for (const auto& [name, index] : catalog.indexes) indexes_by_table.emplace(index.table, &index);

  for (const auto& [name, extension] : catalog.extensions) {
    edges.Add(ObjectId::Of(ObjectKind::kExtension, {"", name}), SchemaId(extension.schema));
  }
  for (const auto& [name, type] : catalog.types) {
    ObjectId type_id = ObjectId::Of(ObjectKind::kType, name);
    edges.Add(type_id, SchemaId(name.schema));
    for (const CompositeAttribute& attribute : type.attributes) {
      edges.Add(type_id, TypeTarget(catalog, attribute.type));
    }
    if (type.kind == UserTypeKind::kRange)
      edges.Add(type_id, TypeTarget(catalog, type.range_subtype));
  }
  for (const auto& [name, domain] : catalog.domains) {
    ObjectId domain_id = ObjectId::Of(ObjectKind::kDomain, name);
    edges.Add(domain_id, SchemaId(name.schema));
    edges.Add(domain_id, TypeTarget(catalog, domain.base_type));
  }

  // (column, sequence) pairs where the column's default calls nextval on the sequence.
  std::set<std::pair<ObjectId, QualifiedName>> nextvals;
  for (const auto& [name, table] : catalog.tables) {
    ObjectId table_id = ObjectId::Of(ObjectKind::kTable, name);
    edges.Add(table_id, SchemaId(name.schema));
    for (const QualifiedName& parent : table.inherits) {
      edges.Add(table_id, ObjectId::Of(ObjectKind::kTable, parent));
    }
    if (table.partition_of.has_value()) {
      edges.Add(table_id, ObjectId::Of(ObjectKind::kTable, *table.partition_of));
    }
    AddColumnEdges(catalog, table, table_id, edges, nextvals);
    AddConstraintEdges(catalog, table, table_id, indexes_by_table, edges);
  }
  AddIndexEdges(catalog, edges);
  AddRoutineEdges(catalog, edges);
  for (const auto& [name, table] : catalog.tables) {
    AddTriggerEdges(name, ObjectId::Of(ObjectKind::kTable, name), table.triggers, &table, edges);
    AddPolicyEdges(table, edges);
  }
  // A view's rewrite rule depends on the relations and columns its query reads
  // (pg_depend 'n' from pg_rewrite), as View::depends_on lists them.
  for (const auto& [name, view] : catalog.views) {
    ObjectId view_id = ObjectId::Of(view.kind(), name);
    edges.Add(view_id, SchemaId(name.schema));
    for (const ObjectId& dependency : view.depends_on) edges.Add(view_id, dependency);
  }
  for (const auto& [name, view] : catalog.views) {
    AddTriggerEdges(name, ObjectId::Of(view.kind(), name), view.triggers, nullptr, edges);
  }

  for (const auto& [name, sequence] : catalog.sequences) {
    ObjectId sequence_id = ObjectId::Of(ObjectKind::kSequence, name);
    edges.Add(sequence_id, SchemaId(name.schema));
    if (sequence.owned_by.has_value()) {
      ObjectId owner = ColumnId(sequence.owned_by->table, sequence.owned_by->column);
      if (!nextvals.contains({owner, name})) edges.Add(sequence_id, owner);
    }
  }

  auto impl = std::make_shared<Impl>();
  impl->ids.assign(vertices.begin(), vertices.end());
  impl->graph = Graph(impl->ids.size());
  for (const auto& [from, to] : edges.edges()) {
    boost::add_edge(*impl->Find(from), *impl->Find(to), impl->graph);
  }
  bool found = false;
  if (!impl->ids.empty())
    boost::depth_first_search(impl->graph, boost::visitor(CycleVisitor(&found)));
  impl->has_cycle = found;
  return DependencyGraph(std::move(impl));
}

std::vector<ObjectId> DependencyGraph::CreationOrder() const {
  const Graph& graph = impl_->graph;
  const size_t count = impl_->ids.size();
  std::vector<size_t> waiting(count);
  std::set<Vertex> ready;
  for (Vertex v = 0; v < count; ++v) {
    waiting[v] = boost::out_degree(v, graph);
    if (waiting[v] == 0) ready.insert(v);
  }
  std::vector<ObjectId> order;
  order.reserve(count);
  std::vector<bool> emitted(count, false);
  while (!ready.empty()) {
    Vertex v = *ready.begin();
    ready.erase(ready.begin());
    emitted[v] = true;
    order.push_back(impl_->ids[v]);
    for (auto [it, end] = boost::in_edges(v, graph); it != end; ++it) {
      Vertex dependent = boost::source(*it, graph);
      if (--waiting[dependent] == 0) ready.insert(dependent);
    }
  }
  for (Vertex v = 0; v < count; ++v) {
    if (!emitted[v]) order.push_back(impl_->ids[v]);
  }
  return order;
}

std::vector<ObjectId> DependencyGraph::Dependents(const ObjectId& id) const {
  std::optional<Vertex> v = impl_->Find(id);
  if (!v.has_value()) return {};
  std::set<Vertex> found;
  for (auto [it, end] = boost::in_edges(*v, impl_->graph); it != end; ++it) {
    found.insert(boost::source(*it, impl_->graph));
  }
  return impl_->ToIds(found);
}

std::vector<ObjectId> DependencyGraph::TransitiveDependents(const ObjectId& id) const {
  std::optional<Vertex> start = impl_->Find(id);
  if (!start.has_value()) return {};
  std::set<Vertex> found;
  std::deque<Vertex> queue = {*start};
  while (!queue.empty()) {
    Vertex v = queue.front();
    queue.pop_front();
    for (auto [it, end] = boost::in_edges(v, impl_->graph); it != end; ++it) {
      Vertex dependent = boost::source(*it, impl_->graph);
      if (dependent != *start && found.insert(dependent).second) queue.push_back(dependent);
    }
  }
  return impl_->ToIds(found);
}

std::vector<ObjectId> DependencyGraph::Dependencies(const ObjectId& id) const {
  std::optional<Vertex> v = impl_->Find(id);
  if (!v.has_value()) return {};
  std::set<Vertex> found;
  for (auto [it, end] = boost::out_edges(*v, impl_->graph); it != end; ++it) {
    found.insert(boost::target(*it, impl_->graph));
  }
  return impl_->ToIds(found);
}

bool DependencyGraph::Contains(const ObjectId& id) const { return impl_->Find(id).has_value(); }

bool DependencyGraph::HasCycle() const { return impl_->has_cycle; }

}  // namespace pgdrift::model
