// Platform profiles: what a database has before a migration chain's first statement, per
// platform (stock PostgreSQL, Supabase), and which schemas are the platform's business.
//
// A profile is a SQL script (parser/profiles/<profile>.sql, embedded at build time) that
// creates the platform's managed objects. The same scripts bootstrap a throwaway test
// server before a chain is applied, and are replayed in memory to seed the Catalog a chain
// replays on top of; every object they create is marked as managed.
#ifndef PGDRIFT_PARSER_PROFILE_H_
#define PGDRIFT_PARSER_PROFILE_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "model/catalog.h"

namespace pgdrift::parser {

enum class Profile { kPostgres, kSupabase };

// "postgres" or "supabase".
std::string_view ProfileName(Profile profile);

// The profile called `name` (as ProfileName spells it, any case), if any.
std::optional<Profile> ProfileFromName(std::string_view name);

// The profile's own script: postgres.sql or supabase.sql. The supabase script builds on
// postgres.sql; ProfileScripts lists everything to run.
std::string_view ProfileSql(Profile profile);

// Whether `path` (a SourceSpan file) names one of the profile's own scripts
// ("<profile>/supabase.sql"): objects the platform provides, not a migration file.
bool IsProfileScriptPath(std::string_view path);

// The scripts that bootstrap a database for `profile`, in the order to run them:
// postgres.sql, then supabase.sql for supabase. Each is idempotent.
std::vector<std::string_view> ProfileScripts(Profile profile);

// The catalog a chain replays on top of: the profile's roles, then ProfileScripts replayed
// with the Replayer, every schema, extension and table they create marked as managed, and
// the session state (search_path, current user) reset to a new session's.
//
// Roles are seeded directly, not by replay: they cannot be created idempotently without a
// DO block (which the replay does not model), and the predefined ones cannot be created at
// all. Warnings from the profile's own scripts (statements not modelled yet, such as
// CREATE FUNCTION or GRANT) are discarded; an error is fatal and returned as kInternal
// with the first error's message, since the embedded script and the replay disagree.
[[nodiscard]] absl::StatusOr<model::Catalog> SeedCatalog(Profile profile);

namespace internal {

// SeedCatalog's replay step: replays `scripts` (display name → SQL) onto `initial` and
// marks what exists afterwards as managed. Exposed for tests.
[[nodiscard]] absl::StatusOr<model::Catalog> ReplayProfileScripts(
    std::string_view profile_name, model::Catalog initial,
    const std::vector<std::pair<std::string, std::string_view>>& scripts);

}  // namespace internal

// Whether `schema` belongs to the platform under `profile`, so that its objects are out of
// scope for drift: PostgreSQL's own schemas (pg_*, information_schema) for every profile,
// and for supabase auth, storage, extensions, realtime, graphql, graphql_public, vault,
// pgsodium, pgsodium_masks, supabase_functions, supabase_migrations, net, cron, pgbouncer.
// What users add to managed tables (triggers, policies, grants) is in scope all the same;
// the caller decides that per object. Note the difference to model::Schema::managed,
// which says the schema itself was provided by the profile (public is, yet is in scope).
bool IsManagedSchema(Profile profile, std::string_view schema);

// The profile a project directory implies: supabase when `dir` holds a supabase/ folder
// (with or without supabase/config.toml), is itself a supabase/ folder holding
// config.toml, or is the migrations folder inside a supabase/ folder. Empty when nothing
// points at a platform (callers then use postgres).
std::optional<Profile> DetectProfile(const std::string& dir);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_PROFILE_H_
