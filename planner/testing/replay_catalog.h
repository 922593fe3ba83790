// Catalogs for planner tests built the way pgdrift builds them from migrations: SQL
// replayed onto stock PostgreSQL's seed catalog.
#ifndef PGDRIFT_PLANNER_TESTING_REPLAY_CATALOG_H_
#define PGDRIFT_PLANNER_TESTING_REPLAY_CATALOG_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "model/catalog.h"
#include "parser/profile.h"
#include "parser/replay.h"

namespace pgdrift::planner::testing {

// What replaying a script produced: the catalog and the error messages, if any.
struct ReplayResult {
  model::Catalog catalog;
  std::vector<std::string> errors;
};

// Replays `sql` (as the file `path`) onto `initial`.
inline ReplayResult ReplayOnto(model::Catalog initial, std::string_view sql,
                               std::string path = "test.sql") {
  DiagnosticSink sink;
  parser::Replayer replayer(std::move(initial), &sink);
  replayer.ReplayFile(parser::SourceFile{std::move(path), std::string(sql)});
  ReplayResult result{replayer.TakeCatalog(), {}};
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    if (diagnostic.severity == Severity::kError) result.errors.push_back(diagnostic.message);
  }
  return result;
}

// The seed catalog of stock PostgreSQL (schema public, search_path "$user", public).
inline model::Catalog PostgresSeed() {
  absl::StatusOr<model::Catalog> seed = parser::SeedCatalog(parser::Profile::kPostgres);
  return seed.ok() ? *std::move(seed) : model::Catalog{};
}

}  // namespace pgdrift::planner::testing

#endif  // PGDRIFT_PLANNER_TESTING_REPLAY_CATALOG_H_
