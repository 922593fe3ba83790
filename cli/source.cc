#include "cli/source.h"

#include <filesystem>
#include <set>

#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/model_json_history.h"
#include "cli/model_json_reader.h"
#include "introspect/catalog_reader.h"
#include "introspect/connection.h"
#include "introspect/connection_string.h"
#include "introspect/history_reader.h"
#include "parser/local_migrations.h"
#include "parser/replay.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;

absl::StatusOr<LoadedSource> LoadChain(const std::string& dir, const SourceOptions& options) {
  LoadedSource source;
  source.profile = options.profile.value_or(
      parser::DetectProfile(dir).value_or(parser::Profile::kPostgres));
  PGDRIFT_ASSIGN_OR_RETURN(parser::MigrationChain chain,
                           parser::LoadMigrationDirectory(dir, options.layout, &source.diagnostics));
  source.layout = chain.layout;
  source.local_migrations = parser::LocalMigrations(chain);
  PGDRIFT_ASSIGN_OR_RETURN(model::Catalog seed, parser::SeedCatalog(source.profile));
  parser::Replayer replayer(std::move(seed), &source.diagnostics);
  for (parser::MigrationFile& file : chain.files) {
    replayer.ReplayFile(std::move(file.source));
    if (!file.repeatable) source.newest_version = file.version;
  }
  source.files = replayer.files();
  source.statements = replayer.statements();
  source.catalog = replayer.TakeCatalog();
  source.description = StrCat("migration chain ", dir, " (", parser::LayoutName(chain.layout),
                              " layout, ", source.files, source.files == 1 ? " file)" : " files)");
  return source;
}

// Whether `text` is pg_dump output (its header comment says so).
bool IsPgDump(std::string_view text) {
  return text.substr(0, 512).find("-- PostgreSQL database dump") != std::string_view::npos;
}

absl::StatusOr<LoadedSource> LoadScript(const std::string& path, const SourceOptions& options) {
  LoadedSource source;
  source.profile = options.profile.value_or(parser::Profile::kPostgres);
  PGDRIFT_ASSIGN_OR_RETURN(parser::SourceFile file, parser::ReadSourceFile(path));
  // A dump of a whole database creates the platform's schemas itself, so it replays on
  // stock PostgreSQL; the profile then only decides what is out of scope. Any other
  // script runs on top of what the platform provides, like a migration.
  bool dump = IsPgDump(file.text);
  PGDRIFT_ASSIGN_OR_RETURN(model::Catalog seed,
                           parser::SeedCatalog(dump ? parser::Profile::kPostgres : source.profile));
  seed.roles_external = dump;
  parser::Replayer replayer(std::move(seed), &source.diagnostics);
  replayer.ReplayFile(std::move(file));
  source.files = 1;
  source.statements = replayer.statements();
  source.catalog = replayer.TakeCatalog();
  if (dump) {
    for (auto& [name, schema] : source.catalog.schemas) {
      if (parser::IsManagedSchema(source.profile, name)) {
        schema.managed = true;
        schema.contents_managed = true;
      }
    }
  }
  source.description = StrCat(dump ? "schema dump " : "SQL script ", path);
  return source;
}

absl::StatusOr<LoadedSource> LoadSnapshot(const std::string& path, const SourceOptions& options) {
  LoadedSource source;
  source.profile = options.profile.value_or(parser::Profile::kPostgres);
  PGDRIFT_ASSIGN_OR_RETURN(parser::SourceFile file, parser::ReadSourceFile(path));
  nlohmann::ordered_json document = nlohmann::ordered_json::parse(file.text, nullptr, false);
  if (document.is_discarded()) {
    return absl::InvalidArgumentError(StrCat(path, ": not valid JSON"));
  }
  absl::StatusOr<model::Catalog> catalog = ModelFromJson(document);
  if (!catalog.ok()) {
    return absl::InvalidArgumentError(StrCat(path, ": ", std::string(catalog.status().message())));
  }
  // The history the database recorded when the snapshot was taken, when it had one.
  absl::StatusOr<std::optional<model::History>> history = HistoryFromModelJson(document);
  if (!history.ok()) {
    return absl::InvalidArgumentError(StrCat(path, ": ", std::string(history.status().message())));
  }
  source.history = std::move(history).value();
  // A snapshot holds only what was in scope when it was taken; what the profile provides
  // (its managed schemas and the extensions it installs) is put back, as a chain replayed
  // on the profile's seed has it, so both sides agree on scope.
  PGDRIFT_ASSIGN_OR_RETURN(model::Catalog seed, parser::SeedCatalog(source.profile));
  for (const auto& [name, schema] : seed.schemas) {
    if (schema.managed) catalog->schemas[name] = schema;
  }
  for (const auto& [name, extension] : seed.extensions) {
    if (extension.managed) catalog->extensions.try_emplace(name, extension);
  }
  source.catalog = std::move(catalog).value();
  source.files = 1;
  source.description = StrCat("snapshot ", path);
  return source;
}

// The schemas whose contents the profile leaves out of scope.
absl::StatusOr<std::set<std::string>> ManagedSchemas(parser::Profile profile) {
  PGDRIFT_ASSIGN_OR_RETURN(model::Catalog seed, parser::SeedCatalog(profile));
  std::set<std::string> schemas;
  for (const auto& [name, schema] : seed.schemas) {
    if (schema.contents_managed) schemas.insert(name);
  }
  return schemas;
}

absl::StatusOr<LoadedSource> LoadDatabase(const std::string& connection, const SourceOptions& options) {
  LoadedSource source;
  source.profile = options.profile.value_or(parser::Profile::kPostgres);
  introspect::ConnectOptions connect_options;
  connect_options.connection_string = connection;
  PGDRIFT_ASSIGN_OR_RETURN(std::unique_ptr<introspect::Session> session,
                           introspect::Connect(connect_options));
  introspect::ReadOptions read_options;
  PGDRIFT_ASSIGN_OR_RETURN(read_options.excluded_schemas, ManagedSchemas(source.profile));
  read_options.warnings = &source.diagnostics;
  PGDRIFT_ASSIGN_OR_RETURN(source.catalog, introspect::ReadCatalog(*session, read_options));
  // The history table of the tool --layout names; without one, the first found.
  std::optional<model::HistoryTool> tool;
  if (options.layout) tool = parser::HistoryToolOfLayout(*options.layout);
  PGDRIFT_ASSIGN_OR_RETURN(source.history, introspect::ReadHistory(*session, tool));
  source.description = session->description();  // `database "app" on host …`
  return source;
}

}  // namespace

absl::StatusOr<LoadedSource> LoadSource(const std::string& argument, const SourceOptions& options) {
  // An empty argument means the database named by PGDRIFT_DB_URL, SUPABASE_DB_URL,
  // DATABASE_URL or the PG* variables.
  if (argument.empty() || introspect::IsConnectionString(argument)) {
    return LoadDatabase(argument, options);
  }
  std::error_code error;
  if (fs::is_directory(argument, error)) return LoadChain(argument, options);
  if (argument.ends_with(".json")) return LoadSnapshot(argument, options);
  if (argument.ends_with(".sql")) {
    if (!fs::exists(argument, error)) {
      return absl::NotFoundError(StrCat(argument, ": no such file"));
    }
    return LoadScript(argument, options);
  }
  if (!fs::exists(argument, error)) {
    return absl::NotFoundError(StrCat(argument, ": no such file or directory"));
  }
  return absl::InvalidArgumentError(
      StrCat(argument, ": not a source pgdrift can read (a migration directory or a .sql file)"));
}

}  // namespace pgdrift::cli
