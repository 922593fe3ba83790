// Source resolution: a command-line source argument → a Catalog, by its form
// (ARCHITECTURE.md "Sources"): a directory is a migration chain, a .sql file a schema
// dump or DDL script, a .json file a pgdrift.model/v1 snapshot, a postgres:// URI or
// libpq conninfo string a live database (read-only introspection).
#ifndef PGDRIFT_CLI_SOURCE_H_
#define PGDRIFT_CLI_SOURCE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "base/diagnostic.h"
#include "model/catalog.h"
#include "model/history.h"
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
  // The layout of a migration chain (kPlain for other sources).
  parser::Layout layout = parser::Layout::kPlain;
  // A migration chain's files as a history comparison sees them (empty for other
  // sources).
  std::vector<model::LocalMigration> local_migrations;
  // The remote's migration history: a live database's, read in the same read-only
  // snapshot as the catalog, or the one a pgdrift.model/v1 snapshot carries; empty for
  // other sources and for databases no migration tool keeps.
  std::optional<model::History> history;
};

// Loads `argument`. Replay problems are in LoadedSource::diagnostics; a source that
// cannot be read at all (missing path, unknown form) is an error status.
[[nodiscard]] absl::StatusOr<LoadedSource> LoadSource(const std::string& argument,
                                                      const SourceOptions& options);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_SOURCE_H_
