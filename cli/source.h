// Source resolution: a command-line source argument → a Catalog, by its form
// (ARCHITECTURE.md "Sources"): a directory is a migration chain, a .sql file a schema
// dump or DDL script, a .json file a pgdrift.model/v1 snapshot, a postgres:// URI or
// libpq conninfo string a live database (read-only introspection).
#ifndef PGDRIFT_CLI_SOURCE_H_
#define PGDRIFT_CLI_SOURCE_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "base/diagnostic.h"
#include "model/catalog.h"
#include "parser/migration_dir.h"
#include "parser/profile.h"

namespace pgdrift::cli {

struct SourceOptions {
  std::optional<parser::Layout> layout;    // --layout; detected when absent
  std::optional<parser::Profile> profile;  // --profile; detected when absent
};

struct LoadedSource {
  std::string description;  // e.g. "migrations in supabase/migrations (supabase layout, 12 files)"
  parser::Profile profile = parser::Profile::kPostgres;
  model::Catalog catalog;
  DiagnosticSink diagnostics;
  int files = 0;
  int statements = 0;
  std::string newest_version;  // of a migration chain
};

// Loads `argument`. Replay problems are in LoadedSource::diagnostics; a source that
// cannot be read at all (missing path, unknown form) is an error status.
[[nodiscard]] absl::StatusOr<LoadedSource> LoadSource(const std::string& argument,
                                                      const SourceOptions& options);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_SOURCE_H_
