// DependencyGraph: the dependencies between the objects of a Catalog, as pg_depend
// records them — edges point from a dependent object to what it depends on. Used for
// creation order (the planner), closures (what to drop and recreate) and the dependency
// checks of DROP … RESTRICT / CASCADE.
//
// Identities: schemas and extensions are ObjectId::Of(kind, {"", name}); columns and
// constraints ObjectId::Child(kind, table, name); every other object ObjectId::Of(kind,
// its qualified name). Boost.Graph holds the graph inside dependency_graph.cc only; the
// graph is immutable once built and cheap to copy.
#ifndef PGDRIFT_MODEL_DEPENDENCY_GRAPH_H_
#define PGDRIFT_MODEL_DEPENDENCY_GRAPH_H_

#include <memory>
#include <utility>
#include <vector>

#include "model/catalog.h"
#include "model/object_id.h"

namespace pgdrift::model {

class DependencyGraph {
 public:
  // Builds the graph of `catalog`: one vertex per object (schema, extension, type, domain,
  // sequence, table, column, constraint, index), edges "dependent → what it depends on":
  //   type, domain, sequence, table, extension → its schema;
  //   column → its table, → the user type, domain or table row type it uses, → the
  //     sequences its default calls nextval on;
  //   table → its INHERITS parents and its partition parent;
  //   constraint → its table and the columns it uses (key, INCLUDE, exclusion elements,
  //     the columns a CHECK expression mentions); a foreign key → the referenced table's
  //     primary key or unique constraint on exactly the referenced columns, else a unique
  //     index on them, else the referenced table;
  //   index → its table and the columns its keys, INCLUDE list, expressions and predicate
  //     use, and a partition's index → the partitioned index it is attached to;
  //   sequence → the column that owns it (OWNED BY, serial, identity);
  //   domain → its base type; composite type → its attributes' types; range → its subtype.
  //   function / procedure → its schema and the user types of its arguments and result.
  // PostgreSQL keeps a column's default as an object of its own (pg_attrdef), so a serial
  // column's sequence depends on the column while the default depends on the sequence;
  // here the column stands for both, so when the owning column's default calls nextval on
  // its own sequence, only "column → sequence" is kept (creation needs the sequence first)
  // and the ownership is left to Sequence::owned_by, which DROP reads directly.
  static DependencyGraph Build(const Catalog& catalog);

  // Every object, each after all it depends on; ties broken by ObjectId order (a Kahn sort
  // over an ordered ready set, not Boost's DFS sort, so the order is stable). Objects on a
  // cycle, and those that depend on them, come in ObjectId order after the rest.
  std::vector<ObjectId> CreationOrder() const;

  // Objects that depend directly on `id`, sorted.
  std::vector<ObjectId> Dependents(const ObjectId& id) const;

  // Everything that depends on `id` directly or transitively, sorted (`id` itself left out).
  std::vector<ObjectId> TransitiveDependents(const ObjectId& id) const;

  // What `id` depends on directly, sorted.
  std::vector<ObjectId> Dependencies(const ObjectId& id) const;

  // Whether `id` is a vertex of the graph.
  bool Contains(const ObjectId& id) const;

  // Whether some objects depend on each other in a cycle.
  bool HasCycle() const;

 private:
  struct Impl;
  explicit DependencyGraph(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

  std::shared_ptr<const Impl> impl_;
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_DEPENDENCY_GRAPH_H_
