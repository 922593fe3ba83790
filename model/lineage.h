// Lineage: where an object came from — the statement that created it, the last one
// that changed it, and the names it had before (for RENAME instead of DROP + CREATE).
#ifndef PGDRIFT_MODEL_LINEAGE_H_
#define PGDRIFT_MODEL_LINEAGE_H_

#include <string>
#include <vector>

#include "base/source_span.h"

namespace pgdrift::model {

struct Lineage {
  SourceSpan created;
  SourceSpan changed;
  std::vector<std::string> former_names;  // oldest first

  // Starts a lineage at `span` (creation is also the last change).
  static Lineage At(const SourceSpan& span) { return {span, span, {}}; }
  // Records a change made by the statement at `span`.
  void Touch(const SourceSpan& span) { changed = span; }
  // Records a rename away from `old_name` made at `span`.
  void Renamed(const std::string& old_name, const SourceSpan& span) {
    former_names.push_back(old_name);
    changed = span;
  }
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_LINEAGE_H_
