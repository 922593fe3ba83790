// Draws the dependency neighbourhood of a drift (see dependency_picture.h): the edges of
// model::DependencyGraph in both catalogs plus the few this file derives from the model
// itself, collapsed onto drifted objects and their tables, and written with Boost.Graph's
// graphviz writer.
#include "report/dependency_picture.h"

// GCC 12 at -O2 warns, wrongly, that the optional inside Boost's edge iterator
// (boost/graph/detail/adj_list_edge_iterator.hpp) may be read uninitialised when
// write_graphviz walks the edges; -Werror would turn that into a failed release build.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#pragma GCC diagnostic pop
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>

#include "base/strings.h"
#include "base/subprocess.h"
#include "model/dependency_graph.h"
#include "model/routine.h"

namespace pgdrift::report {
namespace {

using model::ObjectId;
using model::ObjectKind;
using model::QualifiedName;

// Edges "dependent → what it depends on" of one catalog, both ways round.
struct Adjacency {
  std::map<ObjectId, std::set<ObjectId>> forward;
  std::map<ObjectId, std::set<ObjectId>> reverse;

  void Add(const ObjectId& from, const ObjectId& to) {
    if (from == to) return;
    forward[from].insert(to);
    reverse[to].insert(from);
  }
};

// The function a trigger calls (Trigger::function, pg_trigger.tgfoid, a name without
// arguments): the routine of that name with no arguments, else the only routine of that
// name.
ObjectId FunctionByName(const model::Catalog& catalog, const QualifiedName& name) {
  std::optional<ObjectId> only;
  int found = 0;
  for (auto it = catalog.routines.lower_bound(model::RoutineKey{name, ""});
       it != catalog.routines.end() && it->first.name == name; ++it) {
    if (it->first.args.empty()) return model::RoutineId(it->second);
    only = model::RoutineId(it->second);
    ++found;
  }
  if (found == 1) return *only;
  return ObjectId::Of(ObjectKind::kFunction, name);
}

// Every object of `catalog` with its edges: those of model::DependencyGraph, plus edges the
// graph leaves to other parts of the model — a view to what its query reads
// (View::depends_on, from pg_rewrite's pg_depend rows), a trigger to its relation and
// function (pg_trigger.tgrelid, tgfoid), a policy to its table and what its expressions read
// (pg_policy.polrelid, Policy::depends_on), an index to its table (pg_index.indrelid), a
// column or constraint to its table.
Adjacency CatalogAdjacency(const model::Catalog& catalog) {
  Adjacency adjacency;
  std::vector<ObjectId> ids;
  for (const auto& [name, schema] : catalog.schemas) {
    ids.push_back(ObjectId::Of(ObjectKind::kSchema, {"", name}));
  }
  for (const auto& [name, extension] : catalog.extensions) {
    ids.push_back(ObjectId::Of(ObjectKind::kExtension, {"", name}));
  }
  for (const auto& [name, type] : catalog.types) ids.push_back(ObjectId::Of(ObjectKind::kType, name));
  for (const auto& [name, domain] : catalog.domains) {
    ids.push_back(ObjectId::Of(ObjectKind::kDomain, name));
  }
  for (const auto& [name, sequence] : catalog.sequences) {
    ids.push_back(ObjectId::Of(ObjectKind::kSequence, name));
  }
  for (const auto& [key, routine] : catalog.routines) ids.push_back(model::RoutineId(routine));
  for (const auto& [name, table] : catalog.tables) {
    ObjectId table_id = ObjectId::Of(ObjectKind::kTable, name);
    ids.push_back(table_id);
    for (const model::Column& column : table.columns) {
      ObjectId id = ObjectId::Child(ObjectKind::kColumn, name, column.name);
      ids.push_back(id);
      adjacency.Add(id, table_id);
    }
    for (const auto& [constraint_name, constraint] : table.constraints) {
      ObjectId id = ObjectId::Child(ObjectKind::kConstraint, name, constraint_name);
      ids.push_back(id);
      adjacency.Add(id, table_id);
    }
    for (const auto& [trigger_name, trigger] : table.triggers) {
      ObjectId id = ObjectId::Child(ObjectKind::kTrigger, name, trigger_name);
      ids.push_back(id);
      adjacency.Add(id, table_id);
      adjacency.Add(id, FunctionByName(catalog, trigger.function));
    }
    for (const auto& [policy_name, policy] : table.policies) {
      ObjectId id = ObjectId::Child(ObjectKind::kPolicy, name, policy_name);
      ids.push_back(id);
      adjacency.Add(id, table_id);
      for (const ObjectId& dependency : policy.depends_on) adjacency.Add(id, dependency);
    }
  }
  for (const auto& [name, index] : catalog.indexes) {
    ObjectId id = ObjectId::Of(ObjectKind::kIndex, name);
    ids.push_back(id);
    std::optional<ObjectKind> kind = catalog.RelationKindOf(index.table);
    adjacency.Add(id, ObjectId::Of(kind.value_or(ObjectKind::kTable), index.table));
  }
  for (const auto& [name, view] : catalog.views) {
    ObjectId view_id = ObjectId::Of(view.kind(), name);
    ids.push_back(view_id);
    for (const ObjectId& dependency : view.depends_on) adjacency.Add(view_id, dependency);
    for (const auto& [trigger_name, trigger] : view.triggers) {
      ObjectId id = ObjectId::Child(ObjectKind::kTrigger, name, trigger_name);
      ids.push_back(id);
      adjacency.Add(id, view_id);
      adjacency.Add(id, FunctionByName(catalog, trigger.function));
    }
  }
  const model::DependencyGraph graph = model::DependencyGraph::Build(catalog);
  for (const ObjectId& id : ids) {
    for (const ObjectId& dependency : graph.Dependencies(id)) adjacency.Add(id, dependency);
  }
  return adjacency;
}

// The relation (table, view or materialized view) called `name` in either catalog.
ObjectId RelationId(const model::Catalog& local, const model::Catalog& remote,
                    const QualifiedName& name) {
  std::optional<ObjectKind> kind = local.RelationKindOf(name);
  if (!kind.has_value()) kind = remote.RelationKindOf(name);
  return ObjectId::Of(kind.value_or(ObjectKind::kTable), name);
}

// The constraint an index backs (Index::constraint_name) in either catalog, if any.
std::optional<ObjectId> BackedConstraint(const model::Catalog& local, const model::Catalog& remote,
                                         const ObjectId& index_id) {
  for (const model::Catalog* catalog : {&local, &remote}) {
    auto it = catalog->indexes.find(index_id.qualified());
    if (it != catalog->indexes.end() && !it->second.constraint_name.empty()) {
      return ObjectId::Child(ObjectKind::kConstraint, it->second.table, it->second.constraint_name);
    }
  }
  return std::nullopt;
}

// Kinds a picture leaves out as neighbours: everything depends on its schema, so an edge
// to it says nothing about the drift.
bool Uninteresting(ObjectKind kind) {
  return kind == ObjectKind::kSchema || kind == ObjectKind::kExtension;
}

// "table\npublic.orders": the kind in words over the object's path.
std::string NodeLabel(const ObjectId& id) {
  return StrCat(ReplaceAll(model::KindName(id.kind), "_", " "), "\n", id.Path());
}

// Graphviz node shape of each kind, so that kinds differ by outline as well as by label.
std::string_view KindShape(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kSchema: return "folder";
    case ObjectKind::kExtension: return "box3d";
    case ObjectKind::kType:
    case ObjectKind::kDomain: return "note";
    case ObjectKind::kSequence: return "cylinder";
    case ObjectKind::kTable: return "box";
    case ObjectKind::kColumn: return "ellipse";
    case ObjectKind::kConstraint: return "octagon";
    case ObjectKind::kIndex: return "box";  // drawn with rounded corners
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView: return "tab";
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
    case ObjectKind::kAggregate: return "component";
    case ObjectKind::kTrigger: return "hexagon";
    case ObjectKind::kPolicy: return "house";
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger: return "septagon";
  }
  return "box";
}

// Fill colour and line style by status: Okabe-Ito colours, which stay distinct with
// colour-blindness and keep black text above 7:1, and a line style that carries the
// status without colour.
struct StatusLook {
  std::string_view status;
  std::string_view words;
  std::string_view fill;
  std::string_view style;
};

constexpr StatusLook kLooks[] = {
    {"local_only", "only in the migrations", "#56B4E9", "filled,solid"},
    {"remote_only", "only in the database", "#E69F00", "filled,dashed"},
    {"changed", "changed", "#CC79A7", "filled,bold"},
    {"", "neighbour (not drifted)", "#FFFFFF", "filled"},
};

const StatusLook& LookOf(std::string_view status) {
  for (const StatusLook& look : kLooks) {
    if (look.status == status) return look;
  }
  return kLooks[3];
}

// `text` as the inside of a DOT double-quoted string; line breaks become \n.
std::string DotQuoted(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out.append("\\n");
    } else {
      out.push_back(c);
    }
  }
  return out;
}

struct VertexProps {
  std::string label;
  std::string shape;
  std::string fill;
  std::string style;
  std::string css_class;
};
using DotGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexProps>;

// Writes each vertex's attributes.
class VertexWriter {
 public:
  explicit VertexWriter(const DotGraph& graph) : graph_(&graph) {}
  void operator()(std::ostream& out, DotGraph::vertex_descriptor vertex) const {
    const VertexProps& props = (*graph_)[vertex];
    out << "[label=\"" << DotQuoted(props.label) << "\", shape=" << props.shape
        << ", style=\"" << props.style << "\", fillcolor=\"" << props.fill << "\", class=\""
        << props.css_class << "\"]";
  }

 private:
  const DotGraph* graph_;
};

// Writes the graph attributes and the legend: one node per status, in a cluster whose
// nodes carry the SVG class "legend" so that they can be told from the picture's nodes.
class GraphWriter {
 public:
  void operator()(std::ostream& out) const {
    out << "rankdir=LR;\n"
        << "node [fontname=\"Helvetica\", fontsize=11, color=\"#333333\", "
           "fontcolor=\"#000000\"];\n"
        << "edge [color=\"#333333\"];\n"
        << "subgraph cluster_legend {\n"
        << "label=\"Legend\";\nfontname=\"Helvetica\";\nfontsize=11;\ncolor=\"#767676\";\n";
    for (const StatusLook& look : kLooks) {
      std::string name = look.status.empty() ? "neighbour" : std::string(look.status);
      out << "legend_" << name << " [label=\"" << look.words << "\", shape=box, style=\""
          << look.style << "\", fillcolor=\"" << look.fill << "\", class=\"legend\"];\n";
    }
    out << "}\n";
  }
};

}  // namespace

DependencyPicture DrawNeighbourhood(const model::Catalog& local, const model::Catalog& remote,
                                    const diff::ChangeSet& changes, size_t max_nodes) {
  DependencyPicture picture;
  const Adjacency adjacencies[] = {CatalogAdjacency(local), CatalogAdjacency(remote)};

  // Which node stands for an object: a drifted object for itself and for what it contains;
  // a column or constraint of an object that did not drift for its relation; schemas and
  // extensions for nothing.
  std::map<ObjectId, ObjectId> stands_for;
  std::map<ObjectId, std::string> drifted;
  for (const diff::ObjectDrift& drift : changes.objects) {
    drifted[drift.id] = std::string(diff::DriftStatusName(drift.status));
    stands_for[drift.id] = drift.id;
  }
  for (const diff::ObjectDrift& drift : changes.objects) {
    for (const ObjectId& child : drift.contains) stands_for.try_emplace(child, drift.id);
  }
  auto node_of = [&](ObjectId id) -> std::optional<ObjectId> {
    if (auto it = stands_for.find(id); it != stands_for.end()) return it->second;
    if (Uninteresting(id.kind)) return std::nullopt;
    // The index behind a primary key, unique or exclusion constraint is drawn as that
    // constraint (pg_constraint.conindid): diff compares it through the constraint too.
    if (id.kind == ObjectKind::kIndex) {
      if (std::optional<ObjectId> constraint = BackedConstraint(local, remote, id)) {
        id = *constraint;
        if (auto it = stands_for.find(id); it != stands_for.end()) return it->second;
      }
    }
    if (id.kind == ObjectKind::kColumn || id.kind == ObjectKind::kConstraint) {
      ObjectId relation = RelationId(local, remote, id.qualified());
      if (auto it = stands_for.find(relation); it != stands_for.end()) return it->second;
      return relation;
    }
    return id;
  };

  std::set<std::pair<ObjectId, ObjectId>> edges;
  auto add_edge = [&](const ObjectId& from, const ObjectId& to) {
    std::optional<ObjectId> from_node = node_of(from);
    std::optional<ObjectId> to_node = node_of(to);
    if (!from_node.has_value() || !to_node.has_value() || *from_node == *to_node) return;
    edges.emplace(*from_node, *to_node);
  };
  for (const diff::ObjectDrift& drift : changes.objects) {
    std::vector<ObjectId> members = {drift.id};
    members.insert(members.end(), drift.contains.begin(), drift.contains.end());
    // A column, constraint or index drift is drawn with its relation.
    if (drift.id.kind == ObjectKind::kColumn || drift.id.kind == ObjectKind::kConstraint) {
      add_edge(drift.id, RelationId(local, remote, drift.id.qualified()));
    }
    for (const Adjacency& adjacency : adjacencies) {
      for (const ObjectId& member : members) {
        if (auto it = adjacency.forward.find(member); it != adjacency.forward.end()) {
          for (const ObjectId& to : it->second) add_edge(member, to);
        }
        if (auto it = adjacency.reverse.find(member); it != adjacency.reverse.end()) {
          for (const ObjectId& from : it->second) add_edge(from, member);
        }
      }
    }
  }

  // Nodes: drifted objects in identity order, then neighbours in identity order up to the
  // limit.
  std::map<ObjectId, size_t> index;
  std::vector<ObjectKind> kinds;  // of each node
  for (const auto& [id, status] : drifted) {
    index[id] = picture.nodes.size();
    kinds.push_back(id.kind);
    picture.nodes.push_back({id.ToString(), NodeLabel(id), status});
  }
  std::set<ObjectId> neighbours;
  for (const auto& [from, to] : edges) {
    for (const ObjectId* id : {&from, &to}) {
      if (!drifted.contains(*id)) neighbours.insert(*id);
    }
  }
  for (const ObjectId& id : neighbours) {
    if (picture.nodes.size() >= max_nodes) {
      ++picture.omitted;
      continue;
    }
    index[id] = picture.nodes.size();
    kinds.push_back(id.kind);
    picture.nodes.push_back({id.ToString(), NodeLabel(id), ""});
  }
  for (const auto& [from, to] : edges) {
    auto from_it = index.find(from);
    auto to_it = index.find(to);
    if (from_it == index.end() || to_it == index.end()) continue;
    picture.edges.push_back({from_it->second, to_it->second});
  }
  if (picture.nodes.empty()) return picture;

  DotGraph graph(picture.nodes.size());
  for (size_t i = 0; i < picture.nodes.size(); ++i) {
    const PictureNode& node = picture.nodes[i];
    const StatusLook& look = LookOf(node.status);
    VertexProps& props = graph[i];
    props.label = node.label;
    const ObjectKind kind = kinds[i];
    props.shape = std::string(KindShape(kind));
    props.fill = std::string(look.fill);
    props.style = kind == ObjectKind::kIndex ? StrCat("rounded,", look.style)
                                             : std::string(look.style);
    props.css_class = node.status.empty() ? "neighbour" : node.status;
  }
  for (const PictureEdge& edge : picture.edges) boost::add_edge(edge.from, edge.to, graph);
  std::ostringstream out;
  boost::write_graphviz(out, graph, VertexWriter(graph), boost::default_writer(), GraphWriter());
  picture.dot = out.str();
  return picture;
}

void RenderSvg(DependencyPicture* picture) {
  picture->svg.clear();
  picture->svg_error.clear();
  if (picture->dot.empty()) {
    picture->svg_error = "the picture is empty";
    return;
  }
  if (!FindExecutable("dot").has_value()) {
    picture->svg_error = "dot (Graphviz) is not installed";
    return;
  }
  absl::StatusOr<ProcessResult> result = RunProcess({"dot", "-Tsvg"}, {.input = picture->dot});
  if (!result.ok()) {
    picture->svg_error = StrCat("could not run dot: ", result.status().message());
    return;
  }
  if (!result->ok()) {
    std::string_view err = Trim(result->err);
    picture->svg_error = StrCat("dot failed with exit code ", result->exit_code,
                                err.empty() ? "" : ": ", err.substr(0, err.find('\n')));
    return;
  }
  // Inline SVG starts at the <svg> element: the XML declaration, doctype and comments
  // before it are not allowed inside HTML.
  size_t start = result->out.find("<svg");
  if (start == std::string::npos) {
    picture->svg_error = "dot printed no <svg> element";
    return;
  }
  picture->svg = std::string(Trim(std::string_view(result->out).substr(start)));
  picture->svg.push_back('\n');
}

}  // namespace pgdrift::report
