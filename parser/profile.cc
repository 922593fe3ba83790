#include "parser/profile.h"

#include <filesystem>
#include <system_error>

#include "base/diagnostic.h"
#include "base/strings.h"
#include "parser/profiles/postgres.sql.h"
#include "parser/profiles/supabase.sql.h"
#include "parser/replay.h"
#include "parser/source_file.h"

namespace pgdrift::parser {
namespace {

namespace fs = std::filesystem;

// The roles every PostgreSQL 15 cluster has: the bootstrap superuser initdb creates (named
// postgres by convention and on Supabase) and the predefined roles of pg_authid.
constexpr std::string_view kPostgresRoles[] = {
    "postgres",
    "pg_checkpoint",
    "pg_database_owner",
    "pg_execute_server_program",
    "pg_monitor",
    "pg_read_all_data",
    "pg_read_all_settings",
    "pg_read_all_stats",
    "pg_read_server_files",
    "pg_signal_backend",
    "pg_stat_scan_tables",
    "pg_write_all_data",
    "pg_write_server_files",
};

// The roles supabase.sql creates in its DO block (kept in the same order).
constexpr std::string_view kSupabaseRoles[] = {
    "anon",           "authenticated",       "service_role",           "authenticator",
    "supabase_admin", "supabase_auth_admin", "supabase_storage_admin", "dashboard_user",
};

// Schemas whose contents the Supabase platform manages (the supabase/postgres image and
// the auth, storage, realtime, graphql, vault, functions and cron services).
constexpr std::string_view kSupabaseManagedSchemas[] = {
    "auth",
    "cron",
    "extensions",
    "graphql",
    "graphql_public",
    "net",
    "pgbouncer",
    "pgsodium",
    "pgsodium_masks",
    "realtime",
    "storage",
    "supabase_functions",
    "supabase_migrations",
    "vault",
};

// Where replayed profile objects say they came from (lineage and messages).
constexpr std::string_view kScriptPrefix = "<profile>/";
std::string ScriptPath(std::string_view file_name) { return StrCat(kScriptPrefix, file_name); }

bool IsDirectory(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

bool IsRegularFile(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

}  // namespace

std::string_view ProfileName(Profile profile) {
  switch (profile) {
    case Profile::kPostgres:
      return "postgres";
    case Profile::kSupabase:
      return "supabase";
  }
  return "postgres";
}

std::optional<Profile> ProfileFromName(std::string_view name) {
  std::string lower = AsciiLower(name);
  for (Profile profile : {Profile::kPostgres, Profile::kSupabase}) {
    if (lower == ProfileName(profile)) return profile;
  }
  return std::nullopt;
}

std::string_view ProfileSql(Profile profile) {
  switch (profile) {
    case Profile::kPostgres:
      return kPostgresSql;
    case Profile::kSupabase:
      return kSupabaseSql;
  }
  return kPostgresSql;
}

std::vector<std::string_view> ProfileScripts(Profile profile) {
  std::vector<std::string_view> scripts = {kPostgresSql};
  if (profile == Profile::kSupabase) scripts.push_back(kSupabaseSql);
  return scripts;
}

namespace internal {

absl::StatusOr<model::Catalog> ReplayProfileScripts(
    std::string_view profile_name, model::Catalog initial,
    const std::vector<std::pair<std::string, std::string_view>>& scripts) {
  DiagnosticSink sink;
  Replayer replayer(std::move(initial), &sink);
  for (const auto& [name, sql] : scripts) {
    replayer.ReplayFile(SourceFile{ScriptPath(name), std::string(sql)});
  }
  // Warnings (statements not modelled) are expected and dropped; an error means the
  // script and the replay disagree.
  int errors = sink.error_count();
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    if (diagnostic.severity != Severity::kError) continue;
    std::string message = StrCat("profile ", profile_name, ": ", diagnostic.ToString());
    if (errors > 1) StrAppend(&message, "\n(and ", errors - 1, " more errors)");
    return absl::InternalError(message);
  }

  model::Catalog catalog = replayer.TakeCatalog();
  for (auto& [name, schema] : catalog.schemas) schema.managed = true;
  for (auto& [name, extension] : catalog.extensions) extension.managed = true;
  for (auto& [name, table] : catalog.tables) table.managed = true;
  // A chain starts in a new session.
  model::Catalog fresh;
  catalog.search_path = fresh.search_path;
  catalog.current_user = fresh.current_user;
  return catalog;
}

}  // namespace internal

absl::StatusOr<model::Catalog> SeedCatalog(Profile profile) {
  model::Catalog initial;
  for (std::string_view role : kPostgresRoles) initial.roles.emplace(role);
  if (profile == Profile::kSupabase) {
    for (std::string_view role : kSupabaseRoles) initial.roles.emplace(role);
  }
  std::vector<std::pair<std::string, std::string_view>> scripts = {{"postgres.sql", kPostgresSql}};
  if (profile == Profile::kSupabase) scripts.emplace_back("supabase.sql", kSupabaseSql);
  absl::StatusOr<model::Catalog> catalog =
      internal::ReplayProfileScripts(ProfileName(profile), std::move(initial), scripts);
  if (!catalog.ok()) return catalog;
  for (auto& [name, schema] : catalog->schemas) {
    schema.contents_managed = IsManagedSchema(profile, name);
  }
  return catalog;
}

bool IsManagedSchema(Profile profile, std::string_view schema) {
  // The pg_ prefix is reserved for system schemas (CREATE SCHEMA refuses it), e.g.
  // pg_catalog, pg_toast, pg_temp_N.
  if (schema.starts_with("pg_") || schema == "information_schema") return true;
  if (profile != Profile::kSupabase) return false;
  for (std::string_view managed : kSupabaseManagedSchemas) {
    if (schema == managed) return true;
  }
  return false;
}

std::optional<Profile> DetectProfile(const std::string& dir) {
  fs::path path(dir.empty() ? "." : dir);
  if (IsDirectory(path / "supabase")) return Profile::kSupabase;
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (absolute.filename().empty()) absolute = absolute.parent_path();
  if (absolute.filename() == "supabase" && IsRegularFile(path / "config.toml")) {
    return Profile::kSupabase;
  }
  if (absolute.filename() == "migrations" && absolute.parent_path().filename() == "supabase") {
    return Profile::kSupabase;
  }
  return std::nullopt;
}

bool IsProfileScriptPath(std::string_view path) { return path.starts_with(kScriptPrefix); }

}  // namespace pgdrift::parser
