// Migration directories: finds the migration files of a directory laid out for one of the
// tools pgdrift knows (Supabase CLI, Flyway, golang-migrate, dbmate, Prisma, or plain
// ordered .sql files), in the order that tool applies them.
//
// Every file a layout does not replay is listed in MigrationChain::skipped and reported as
// a warning, never dropped silently. Paths are shown joined onto the directory as given
// (e.g. `supabase/migrations/20240101000000_init.sql` for ".").
#ifndef PGDRIFT_PARSER_MIGRATION_DIR_H_
#define PGDRIFT_PARSER_MIGRATION_DIR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "base/diagnostic.h"
#include "parser/source_file.h"

namespace pgdrift::parser {

// The migration tool whose conventions a directory follows.
enum class Layout { kSupabase, kFlyway, kGolangMigrate, kDbmate, kPrisma, kPlain };

// "supabase", "flyway", "golang-migrate", "dbmate", "prisma" or "plain".
std::string_view LayoutName(Layout layout);

// The layout called `name` (as LayoutName spells it, any case), if any.
std::optional<Layout> LayoutFromName(std::string_view name);

// One migration the layout replays.
struct MigrationFile {
  // What the tool records in its history table: the digits of `<version>_<name>.sql`
  // (supabase, dbmate), the dotted version (flyway; "" for repeatable R__ files), the
  // number without leading zeros (golang-migrate), the folder name (prisma), the file name
  // without `.sql` (plain).
  std::string version;
  // The descriptive part of the name (flyway: the description with `_` as spaces).
  std::string name;
  // As shown in messages: joined onto the directory as given, e.g.
  // `supabase/migrations/20240101000000_init.sql`. Same as source.path.
  std::string path;
  // The text to replay; for dbmate, `-- migrate:down` sections are blanked out with spaces
  // (newlines kept) so line and column numbers still match the file.
  SourceFile source;
  bool repeatable = false;  // flyway R__ migrations
};

struct MigrationChain {
  Layout layout = Layout::kPlain;
  // The directory the migrations were read from, as shown in messages (e.g.
  // `supabase/migrations` when "." holds a supabase/ folder).
  std::string root;
  std::vector<MigrationFile> files;  // in the order the tool applies them
  std::vector<std::string> skipped;  // paths (as shown) of entries the layout did not read
};

// Reads the migrations under `dir` with `layout`, or with the layout detected from the
// directory's contents when `layout` is empty:
//   - `dir` holds supabase/migrations or is a supabase/ folder holding migrations (that
//     folder is read), or is the migrations folder inside a supabase/ folder → supabase;
//   - `dir` holds prisma/migrations or is a prisma/ folder holding migrations (that folder
//     is read) → prisma;
//   - files `<version>_<title>.up.sql` / `.down.sql` → golang-migrate;
//   - files `V<version>__<description>.sql` / `R__<description>.sql` → flyway;
//   - sub-folders holding migration.sql, or migration_lock.toml → prisma;
//   - .sql files with a `-- migrate:up` line → dbmate;
//   - files `<digits>_<name>.sql` → supabase;
//   - otherwise plain (every .sql file, by name).
// A forced supabase or prisma layout also reads that tool's migrations folder when `dir`
// holds it. Each skipped entry is added to `sink` (may be null) as a warning
// "file skipped by the <layout> layout: <why>", and so is a version used by two files.
// Errors: kNotFound when `dir` does not exist, kInvalidArgument when it is not a directory
// or holds no migration, file read errors as ReadSourceFile returns them.
[[nodiscard]] absl::StatusOr<MigrationChain> LoadMigrationDirectory(const std::string& dir,
                                                                    std::optional<Layout> layout,
                                                                    DiagnosticSink* sink);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_MIGRATION_DIR_H_
