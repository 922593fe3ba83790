// DependencyPicture: the dependency neighbourhood of the drift, for the report — every
// drifted object, what it depends on and what depends on it, drawn as a Graphviz graph
// (written with Boost.Graph's graphviz writer) and, when Graphviz's `dot` is installed,
// rendered to SVG for the HTML report.
#ifndef PGDRIFT_REPORT_DEPENDENCY_PICTURE_H_
#define PGDRIFT_REPORT_DEPENDENCY_PICTURE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "diff/change_set.h"
#include "model/catalog.h"

namespace pgdrift::report {

struct PictureNode {
  std::string identity;  // model::ObjectId::ToString()
  std::string label;     // what the picture shows, e.g. "table\npublic.orders"
  // "local_only", "remote_only", "changed" for drifted objects; "" for their neighbours.
  std::string status;
};

// `from` depends on `to` (indexes into DependencyPicture::nodes).
struct PictureEdge {
  size_t from = 0;
  size_t to = 0;
};

struct DependencyPicture {
  std::vector<PictureNode> nodes;  // drifted objects first (identity order), then neighbours
  std::vector<PictureEdge> edges;
  std::string dot;   // the graph in the DOT language
  std::string svg;   // `dot -Tsvg` of it; "" until RenderSvg succeeds
  std::string svg_error;  // why there is no SVG ("dot is not installed" …), "" otherwise
  size_t omitted = 0;     // neighbours left out to keep the picture readable
  bool empty() const { return nodes.empty(); }
};

// The neighbourhood of `changes` (local = the migrations, remote = the database): each
// drifted object with the objects it depends on and that depend on it, one step away in
// either catalog. At most `max_nodes` nodes: drifted objects always, neighbours until the
// limit (the rest counted in `omitted`). Deterministic, so the DOT text can be a golden.
DependencyPicture DrawNeighbourhood(const model::Catalog& local, const model::Catalog& remote,
                                    const diff::ChangeSet& changes, size_t max_nodes = 60);

// Renders picture->dot with Graphviz's `dot -Tsvg` when it is on PATH, into picture->svg;
// otherwise, or when dot fails, says why in picture->svg_error.
void RenderSvg(DependencyPicture* picture);

}  // namespace pgdrift::report

#endif  // PGDRIFT_REPORT_DEPENDENCY_PICTURE_H_
