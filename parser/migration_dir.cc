#include "parser/migration_dir.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <map>
#include <system_error>
#include <utility>

#include "base/status_macros.h"
#include "base/strings.h"

namespace pgdrift::parser {
namespace {

namespace fs = std::filesystem;

// A directory to read: where it is and how messages show it.
struct Root {
  fs::path path;
  std::string shown;
};

// One entry of a directory listing.
struct Entry {
  std::string name;
  fs::path path;
  std::string shown;
  bool is_dir = false;
  bool is_file = false;
};

// `name` appended to the shown directory `base` ("." adds nothing, so a chain read from
// the current directory shows `supabase/migrations/…`).
std::string JoinShown(std::string_view base, std::string_view name) {
  if (base.empty() || base == ".") return std::string(name);
  if (base.back() == '/') return StrCat(base, name);
  return StrCat(base, "/", name);
}

// `dir` as messages show it: without trailing slashes, "." when empty.
std::string ShownDirectory(std::string_view dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);
  if (dir.empty() || dir == "./") return ".";
  return std::string(dir);
}

bool IsDirectory(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

bool IsRegularFile(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

// The entries of `root`, sorted by name byte by byte: the order of Go's os.ReadDir, which
// the Supabase CLI, dbmate and golang-migrate read directories in.
absl::StatusOr<std::vector<Entry>> ListDirectory(const Root& root) {
  std::vector<Entry> entries;
  std::error_code ec;
  fs::directory_iterator it(root.path, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    Entry entry;
    entry.path = it->path();
    entry.name = entry.path.filename().string();
    entry.shown = JoinShown(root.shown, entry.name);
    std::error_code type_ec;
    entry.is_dir = it->is_directory(type_ec);
    entry.is_file = it->is_regular_file(type_ec);
    entries.push_back(std::move(entry));
  }
  if (ec) {
    return absl::Status(ec == std::errc::permission_denied ? absl::StatusCode::kPermissionDenied
                                                           : absl::StatusCode::kDataLoss,
                        StrCat("cannot read directory \"", root.shown, "\": ", ec.message()));
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return entries;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The number of ASCII digits `text` starts with.
size_t LeadingDigits(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && IsDigit(text[n])) ++n;
  return n;
}

// Compares two unsigned decimal numbers of any length (BigInteger order).
int CompareDecimal(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
  while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

// Collects the chain and reports what the layout skips.
class ChainBuilder {
 public:
  ChainBuilder(Layout layout, std::string root, DiagnosticSink* sink) : sink_(sink) {
    chain_.layout = layout;
    chain_.root = std::move(root);
  }

  // Lists `shown` as skipped, with a warning saying why.
  void Skip(const std::string& shown, std::string_view why) {
    chain_.skipped.push_back(shown);
    Warn(shown, StrCat("file skipped by the ", LayoutName(chain_.layout), " layout: ", why));
  }

  // A warning about the file or directory `shown`.
  void Warn(const std::string& shown, std::string message) {
    if (sink_ == nullptr) return;
    SourceSpan span;
    span.file = shown;
    sink_->Warning(span, std::move(message));
  }

  // Reads the migration at `entry` and adds it (not yet in order).
  absl::Status Add(const Entry& entry, std::string version, std::string name,
                   bool repeatable = false) {
    PGDRIFT_ASSIGN_OR_RETURN(SourceFile source, ReadSourceFile(entry.path.string(), entry.shown));
    Add(std::move(source), std::move(version), std::move(name), repeatable);
    return absl::OkStatus();
  }

  // Adds a migration already read (not yet in order).
  void Add(SourceFile source, std::string version, std::string name, bool repeatable = false) {
    MigrationFile file;
    file.version = std::move(version);
    file.name = std::move(name);
    file.path = source.path;
    file.source = std::move(source);
    file.repeatable = repeatable;
    chain_.files.push_back(std::move(file));
  }

  std::vector<MigrationFile>& files() { return chain_.files; }

  // Warns about each file whose version `key` (the version in comparable form) an
  // earlier file in the chain already has: the tool would record it once, or refuse.
  template <typename KeyOf>
  void WarnDuplicateVersions(KeyOf key_of) {
    std::map<std::string, std::string> first_path;
    for (const MigrationFile& file : chain_.files) {
      if (file.repeatable) continue;
      auto [it, inserted] = first_path.emplace(key_of(file), file.path);
      if (!inserted) {
        Warn(file.path,
             StrCat("migration version \"", file.version, "\" is also used by ", it->second));
      }
    }
  }

  MigrationChain Take() { return std::move(chain_); }

 private:
  MigrationChain chain_;
  DiagnosticSink* sink_;
};

// ---- supabase -------------------------------------------------------------------------

// Splits `<digits>_<name>.sql` (the Supabase CLI's pattern ^([0-9]+)_(.*)\.sql$, in
// pkg/migration/file.go) into version and name.
bool ParseSupabaseName(std::string_view file_name, std::string* version, std::string* name) {
  size_t digits = LeadingDigits(file_name);
  if (digits == 0 || digits >= file_name.size() || file_name[digits] != '_') return false;
  if (file_name.size() < digits + 1 + 4 || !file_name.ends_with(".sql")) return false;
  *version = std::string(file_name.substr(0, digits));
  *name = std::string(file_name.substr(digits + 1, file_name.size() - digits - 1 - 4));
  return true;
}

// Whether the Supabase CLI skips `file_name` as the directory's first entry: a
// `<14 digits>_init.sql` from before 2021-12-09, which older CLI versions generated
// (shouldSkip in pkg/migration/list.go; the pattern is not anchored).
bool IsLegacyInitMigration(std::string_view file_name) {
  size_t at = file_name.find("_init.sql");
  if (at == std::string_view::npos || at < 14) return false;
  std::string_view timestamp = file_name.substr(at - 14, 14);
  if (LeadingDigits(timestamp) != 14) return false;
  return timestamp < "20211209000000";
}

absl::Status LoadSupabase(const Root& root, ChainBuilder& builder) {
  PGDRIFT_ASSIGN_OR_RETURN(std::vector<Entry> entries, ListDirectory(root));
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = entries[i];
    // Like ListLocalMigrations, only the very first directory entry is checked.
    if (i == 0 && IsLegacyInitMigration(entry.name)) {
      builder.Skip(entry.shown,
                   "the Supabase CLI skips a first migration <timestamp>_init.sql from before "
                   "2021-12-09 (rename it to apply it)");
      continue;
    }
    if (entry.is_dir) {
      builder.Skip(entry.shown, "sub-directories are not read");
      continue;
    }
    std::string version, name;
    if (!entry.is_file || !ParseSupabaseName(entry.name, &version, &name)) {
      builder.Skip(entry.shown, "file name must match pattern \"<timestamp>_name.sql\"");
      continue;
    }
    PGDRIFT_RETURN_IF_ERROR(builder.Add(entry, std::move(version), std::move(name)));
  }
  // The Supabase CLI compares versions as text, never as numbers: `10_b.sql` comes
  // before `9_a.sql`. The Go CLI applies files in directory (file name) order; the
  // current CLI sorts by version text first (sortMigrationPathsByVersion), which is also
  // how `ORDER BY version` returns supabase_migrations.schema_migrations (a text column).
  // The two orders differ only when one version is a prefix of another: by version,
  // `20240420_a.sql` comes before `20240420010000_b.sql`, by file name after it
  // ('0' < '_'). pgdrift follows the current CLI and the history table; file name breaks
  // ties.
  std::sort(builder.files().begin(), builder.files().end(),
            [](const MigrationFile& a, const MigrationFile& b) {
              if (a.version != b.version) return a.version < b.version;
              return a.path < b.path;
            });
  builder.WarnDuplicateVersions([](const MigrationFile& file) { return file.version; });
  return absl::OkStatus();
}

// ---- flyway ---------------------------------------------------------------------------

// A parsed flyway file name.
struct FlywayName {
  bool repeatable = false;
  std::vector<std::string> version_parts;  // numeric parts of V<version>
  std::string version;                     // dotted form, as flyway_schema_history keeps it
  std::string description;                 // `_` shown as spaces, as flyway does
};

// What a file name is to flyway.
enum class FlywayKind { kNone, kMigration, kUndo, kBadVersion };

// Parses `V<version>__<description>.sql`, `R__<description>.sql` and the undo form
// `U<version>__<description>.sql` (flyway's default prefixes, separator and suffix).
FlywayKind ParseFlywayName(std::string_view file_name, FlywayName* parsed) {
  if (!file_name.ends_with(".sql") || file_name.size() < 2) return FlywayKind::kNone;
  std::string_view stem = file_name.substr(0, file_name.size() - 4);
  char prefix = stem.front();
  if (prefix != 'V' && prefix != 'R' && prefix != 'U') return FlywayKind::kNone;
  size_t separator = stem.find("__", 1);
  if (separator == std::string_view::npos) return FlywayKind::kNone;
  std::string_view version = stem.substr(1, separator - 1);
  parsed->description = ReplaceAll(stem.substr(separator + 2), "_", " ");
  if (prefix == 'R') {
    if (!version.empty()) return FlywayKind::kNone;
    parsed->repeatable = true;
    return FlywayKind::kMigration;
  }
  // A version starts with a digit; flyway reads `_` in it as `.`
  // (MigrationVersion.fromVersion) and refuses anything but digits and dots.
  if (version.empty() || !IsDigit(version.front())) return FlywayKind::kNone;
  std::string dotted = ReplaceAll(version, "_", ".");
  for (const std::string& part : StrSplit(dotted, '.')) {
    if (part.empty() || LeadingDigits(part) != part.size()) return FlywayKind::kBadVersion;
    parsed->version_parts.push_back(part);
  }
  parsed->version = std::move(dotted);
  return prefix == 'U' ? FlywayKind::kUndo : FlywayKind::kMigration;
}

// Flyway's MigrationVersion order: part by part as numbers, a missing part counting as 0
// (so 1.2 < 1.10 and 1 == 1.0).
int CompareFlywayVersions(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    int compared = CompareDecimal(i < a.size() ? a[i] : "0", i < b.size() ? b[i] : "0");
    if (compared != 0) return compared;
  }
  return 0;
}

// Flyway scans its locations recursively.
absl::Status CollectFlyway(const Root& root, ChainBuilder& builder,
                           std::vector<std::pair<FlywayName, Entry>>* found) {
  PGDRIFT_ASSIGN_OR_RETURN(std::vector<Entry> entries, ListDirectory(root));
  for (Entry& entry : entries) {
    if (entry.is_dir) {
      PGDRIFT_RETURN_IF_ERROR(CollectFlyway(Root{entry.path, entry.shown}, builder, found));
      continue;
    }
    FlywayName parsed;
    FlywayKind kind = entry.is_file ? ParseFlywayName(entry.name, &parsed) : FlywayKind::kNone;
    if (kind == FlywayKind::kUndo) {
      builder.Skip(entry.shown, "undo migrations are not replayed");
      continue;
    }
    if (kind == FlywayKind::kBadVersion) {
      builder.Skip(entry.shown,
                   "the version must be numbers separated by \".\" or \"_\" (flyway refuses it)");
      continue;
    }
    if (kind == FlywayKind::kNone) {
      builder.Skip(entry.shown,
                   "file name must match V<version>__<description>.sql or R__<description>.sql");
      continue;
    }
    found->emplace_back(std::move(parsed), std::move(entry));
  }
  return absl::OkStatus();
}

absl::Status LoadFlyway(const Root& root, ChainBuilder& builder) {
  std::vector<std::pair<FlywayName, Entry>> found;
  PGDRIFT_RETURN_IF_ERROR(CollectFlyway(root, builder, &found));
  // Versioned migrations by version, then repeatable ones by description (flyway applies
  // repeatable migrations after all pending versioned ones).
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    const FlywayName& x = a.first;
    const FlywayName& y = b.first;
    if (x.repeatable != y.repeatable) return !x.repeatable;
    if (x.repeatable) {
      if (x.description != y.description) return x.description < y.description;
    } else if (int compared = CompareFlywayVersions(x.version_parts, y.version_parts);
               compared != 0) {
      return compared < 0;
    }
    return a.second.shown < b.second.shown;
  });
  std::map<std::string, std::vector<std::string>> parts_of;
  for (auto& [parsed, entry] : found) {
    parts_of[entry.shown] = parsed.version_parts;
    PGDRIFT_RETURN_IF_ERROR(
        builder.Add(entry, parsed.version, parsed.description, parsed.repeatable));
  }
  builder.WarnDuplicateVersions([&](const MigrationFile& file) {
    // Equal versions (1 and 1.0) get one key: parts without leading zeros, trailing zero
    // parts dropped.
    std::vector<std::string> parts = parts_of[file.path];
    for (std::string& part : parts) {
      size_t zeros = 0;
      while (zeros + 1 < part.size() && part[zeros] == '0') ++zeros;
      part.erase(0, zeros);
    }
    while (parts.size() > 1 && parts.back() == "0") parts.pop_back();
    return StrJoin(parts, ".");
  });
  return absl::OkStatus();
}

// ---- golang-migrate -------------------------------------------------------------------

// A parsed golang-migrate file name.
struct GolangMigrateName {
  std::string version;  // digits as written
  std::string title;
  bool up = false;
  std::string extension;
};

// Parses golang-migrate's ^([0-9]+)_(.*)\.(down|up)\.(.*)$ (source/parse.go); the greedy
// title makes the last `.up.` or `.down.` the direction.
bool ParseGolangMigrateName(std::string_view file_name, GolangMigrateName* parsed) {
  size_t digits = LeadingDigits(file_name);
  if (digits == 0 || digits >= file_name.size() || file_name[digits] != '_') return false;
  size_t up = file_name.rfind(".up.");
  size_t down = file_name.rfind(".down.");
  size_t at = std::string_view::npos;
  bool is_up = false;
  if (up != std::string_view::npos && up > digits &&
      (down == std::string_view::npos || up > down)) {
    at = up;
    is_up = true;
  } else if (down != std::string_view::npos && down > digits) {
    at = down;
  }
  if (at == std::string_view::npos) return false;
  parsed->version = std::string(file_name.substr(0, digits));
  parsed->title = std::string(file_name.substr(digits + 1, at - digits - 1));
  parsed->up = is_up;
  parsed->extension = std::string(file_name.substr(at + (is_up ? 4 : 6)));
  return true;
}

absl::Status LoadGolangMigrate(const Root& root, ChainBuilder& builder) {
  PGDRIFT_ASSIGN_OR_RETURN(std::vector<Entry> entries, ListDirectory(root));
  std::vector<std::pair<uint64_t, Entry>> found;
  std::map<std::string, std::string> titles;
  for (Entry& entry : entries) {
    if (entry.is_dir) {
      builder.Skip(entry.shown, "sub-directories are not read");
      continue;
    }
    GolangMigrateName parsed;
    if (!entry.is_file || !ParseGolangMigrateName(entry.name, &parsed)) {
      builder.Skip(entry.shown, "file name must match <version>_<title>.up.sql");
      continue;
    }
    if (!parsed.up) {
      builder.Skip(entry.shown, "down migrations are not replayed");
      continue;
    }
    if (parsed.extension != "sql") {
      builder.Skip(entry.shown, "not an SQL migration");
      continue;
    }
    uint64_t version = 0;
    const char* end = parsed.version.data() + parsed.version.size();
    if (std::from_chars(parsed.version.data(), end, version).ec != std::errc()) {
      builder.Skip(entry.shown, "version does not fit in 64 bits");
      continue;
    }
    titles[entry.shown] = parsed.title;
    found.emplace_back(version, std::move(entry));
  }
  // By version as a number (golang-migrate parses it with strconv.ParseUint).
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.second.name < b.second.name;
  });
  for (auto& [version, entry] : found) {
    PGDRIFT_RETURN_IF_ERROR(builder.Add(entry, std::to_string(version), titles[entry.shown]));
  }
  builder.WarnDuplicateVersions([](const MigrationFile& file) { return file.version; });
  return absl::OkStatus();
}

// ---- dbmate ---------------------------------------------------------------------------

// A `-- migrate:up` or `-- migrate:down` directive line.
struct Directive {
  size_t offset = 0;
  bool up = false;
};

// The directive lines of `text`, as dbmate's ^--\s*migrate:(up|down)(\s*$|\s+\S+)
// (pkg/dbmate/migration.go) finds them: at the start of a line, followed by the end of
// the line or by options after white space.
std::vector<Directive> FindDirectives(std::string_view text) {
  std::vector<Directive> directives;
  size_t line = 0;
  while (line < text.size()) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(line, end - line);
    if (content.starts_with("--")) {
      size_t at = 2;
      while (at < content.size() && (content[at] == ' ' || content[at] == '\t')) ++at;
      std::string_view rest = content.substr(at);
      for (bool up : {true, false}) {
        std::string_view keyword = up ? "migrate:up" : "migrate:down";
        if (!rest.starts_with(keyword)) continue;
        std::string_view after = rest.substr(keyword.size());
        if (after.empty() || after.front() == ' ' || after.front() == '\t' ||
            after.front() == '\r') {
          directives.push_back({line, up});
        }
      }
    }
    line = end + 1;
  }
  return directives;
}

// Blanks out every `-- migrate:down` section (from its directive to the next
// `-- migrate:up` or the end) with spaces, keeping line breaks, so offsets, lines and
// columns of the rest stay those of the file.
void BlankDownSections(std::string* text, const std::vector<Directive>& directives) {
  for (size_t i = 0; i < directives.size(); ++i) {
    if (directives[i].up) continue;
    size_t end = text->size();
    for (size_t j = i + 1; j < directives.size(); ++j) {
      if (directives[j].up) {
        end = directives[j].offset;
        break;
      }
    }
    for (size_t at = directives[i].offset; at < end; ++at) {
      char& c = (*text)[at];
      if (c != '\n' && c != '\r') c = ' ';
    }
  }
}

bool HasUpDirective(std::string_view text) {
  for (const Directive& directive : FindDirectives(text)) {
    if (directive.up) return true;
  }
  return false;
}

absl::Status LoadDbmate(const Root& root, ChainBuilder& builder) {
  PGDRIFT_ASSIGN_OR_RETURN(std::vector<Entry> entries, ListDirectory(root));
  // dbmate applies files in file name order (FindMigrations sorts by FileName), with the
  // leading digits as the version (^(\d+).*\.sql$).
  for (const Entry& entry : entries) {
    if (entry.is_dir) {
      builder.Skip(entry.shown, "sub-directories are not read");
      continue;
    }
    size_t digits = LeadingDigits(entry.name);
    if (!entry.is_file || digits == 0 || !entry.name.ends_with(".sql") ||
        entry.name.size() < digits + 4) {
      builder.Skip(entry.shown, "file name must start with a version number and end in .sql");
      continue;
    }
    PGDRIFT_ASSIGN_OR_RETURN(SourceFile source, ReadSourceFile(entry.path.string(), entry.shown));
    std::vector<Directive> directives = FindDirectives(source.text);
    if (std::none_of(directives.begin(), directives.end(),
                     [](const Directive& d) { return d.up; })) {
      builder.Skip(entry.shown, "no `-- migrate:up` section (dbmate refuses such a file)");
      continue;
    }
    std::string_view name(entry.name);
    name = name.substr(digits, name.size() - digits - 4);
    if (name.starts_with("_")) name.remove_prefix(1);
    BlankDownSections(&source.text, directives);
    builder.Add(std::move(source), entry.name.substr(0, digits), std::string(name));
  }
  builder.WarnDuplicateVersions([](const MigrationFile& file) { return file.version; });
  return absl::OkStatus();
}

// ---- prisma ---------------------------------------------------------------------------

absl::Status LoadPrisma(const Root& root, ChainBuilder& builder) {
  PGDRIFT_ASSIGN_OR_RETURN(std::vector<Entry> entries, ListDirectory(root));
  // Prisma applies migration folders in name order and records the folder name in
  // _prisma_migrations.migration_name.
  for (const Entry& entry : entries) {
    if (!entry.is_dir) {
      builder.Skip(entry.shown, entry.name == "migration_lock.toml"
                                    ? "prisma's lock file, not a migration"
                                    : "not a migration folder");
      continue;
    }
    PGDRIFT_ASSIGN_OR_RETURN(std::vector<Entry> inside,
                             ListDirectory(Root{entry.path, entry.shown}));
    const Entry* migration = nullptr;
    for (const Entry& file : inside) {
      if (file.name == "migration.sql" && file.is_file) {
        migration = &file;
      } else {
        builder.Skip(file.shown, "a prisma migration folder is read for its migration.sql only");
      }
    }
    if (migration == nullptr) {
      builder.Skip(entry.shown, "folder has no migration.sql");
      continue;
    }
    std::string name = entry.name;
    size_t digits = LeadingDigits(name);
    if (digits > 0 && digits < name.size() && name[digits] == '_') name.erase(0, digits + 1);
    PGDRIFT_RETURN_IF_ERROR(builder.Add(*migration, entry.name, name));
  }
  return absl::OkStatus();
}

// ---- plain ----------------------------------------------------------------------------

absl::Status LoadPlain(const Root& root, ChainBuilder& builder) {
  PGDRIFT_ASSIGN_OR_RETURN(std::vector<Entry> entries, ListDirectory(root));
  for (const Entry& entry : entries) {
    if (entry.is_dir) {
      builder.Skip(entry.shown, "sub-directories are not read");
      continue;
    }
    if (!entry.is_file || entry.name.size() <= 4 ||
        AsciiLower(entry.name.substr(entry.name.size() - 4)) != ".sql") {
      builder.Skip(entry.shown, "not a .sql file");
      continue;
    }
    std::string stem = entry.name.substr(0, entry.name.size() - 4);
    PGDRIFT_RETURN_IF_ERROR(builder.Add(entry, stem, stem));
  }
  return absl::OkStatus();
}

// ---- detection ------------------------------------------------------------------------

// The last component of `path`, and of its parent, in absolute normalized form.
std::pair<std::string, std::string> LastTwoComponents(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (absolute.filename().empty()) absolute = absolute.parent_path();
  return {absolute.filename().string(), absolute.parent_path().filename().string()};
}

// The migrations folder of `tool` ("supabase" or "prisma") that `dir` holds:
// `dir`/<tool>/migrations, or `dir`/migrations when `dir` is itself the <tool> folder.
std::optional<Root> ToolFolder(const Root& dir, std::string_view tool) {
  fs::path path = dir.path / std::string(tool) / "migrations";
  if (IsDirectory(path)) return Root{path, JoinShown(dir.shown, StrCat(tool, "/migrations"))};
  path = dir.path / "migrations";
  if (LastTwoComponents(dir.path).first == tool && IsDirectory(path)) {
    return Root{path, JoinShown(dir.shown, "migrations")};
  }
  return std::nullopt;
}

bool IsFlywayFile(std::string_view file_name) {
  FlywayName parsed;
  FlywayKind kind = ParseFlywayName(file_name, &parsed);
  return kind == FlywayKind::kMigration || kind == FlywayKind::kUndo;
}

absl::StatusOr<Layout> DetectLayout(Root* root) {
  if (std::optional<Root> folder = ToolFolder(*root, "supabase")) {
    *root = *folder;
    return Layout::kSupabase;
  }
  if (std::optional<Root> folder = ToolFolder(*root, "prisma")) {
    *root = *folder;
    return Layout::kPrisma;
  }
  if (LastTwoComponents(root->path) ==
      std::pair<std::string, std::string>("migrations", "supabase")) {
    return Layout::kSupabase;
  }

  PGDRIFT_ASSIGN_OR_RETURN(std::vector<Entry> entries, ListDirectory(*root));
  bool golang_migrate = false, flyway = false, prisma = false, supabase = false;
  std::vector<const Entry*> sql_files;
  for (const Entry& entry : entries) {
    if (entry.is_dir) {
      prisma = prisma || IsRegularFile(entry.path / "migration.sql");
      continue;
    }
    if (!entry.is_file) continue;
    GolangMigrateName golang_name;
    golang_migrate = golang_migrate || ParseGolangMigrateName(entry.name, &golang_name);
    flyway = flyway || IsFlywayFile(entry.name);
    prisma = prisma || entry.name == "migration_lock.toml";
    std::string version, name;
    supabase = supabase || ParseSupabaseName(entry.name, &version, &name);
    if (entry.name.ends_with(".sql")) sql_files.push_back(&entry);
  }
  // golang-migrate and dbmate names also match the Supabase pattern, so they are tried
  // first.
  if (golang_migrate) return Layout::kGolangMigrate;
  if (flyway) return Layout::kFlyway;
  if (prisma) return Layout::kPrisma;
  for (const Entry* entry : sql_files) {
    absl::StatusOr<SourceFile> source = ReadSourceFile(entry->path.string(), entry->shown);
    if (source.ok() && HasUpDirective(source->text)) return Layout::kDbmate;
  }
  if (supabase) return Layout::kSupabase;
  return Layout::kPlain;
}

}  // namespace

std::string_view LayoutName(Layout layout) {
  switch (layout) {
    case Layout::kSupabase:
      return "supabase";
    case Layout::kFlyway:
      return "flyway";
    case Layout::kGolangMigrate:
      return "golang-migrate";
    case Layout::kDbmate:
      return "dbmate";
    case Layout::kPrisma:
      return "prisma";
    case Layout::kPlain:
      return "plain";
  }
  return "plain";
}

std::optional<Layout> LayoutFromName(std::string_view name) {
  std::string lower = AsciiLower(name);
  for (Layout layout : {Layout::kSupabase, Layout::kFlyway, Layout::kGolangMigrate, Layout::kDbmate,
                        Layout::kPrisma, Layout::kPlain}) {
    if (lower == LayoutName(layout)) return layout;
  }
  return std::nullopt;
}

absl::StatusOr<MigrationChain> LoadMigrationDirectory(const std::string& dir,
                                                      std::optional<Layout> layout,
                                                      DiagnosticSink* sink) {
  Root root{fs::path(dir.empty() ? "." : dir), ShownDirectory(dir)};
  std::error_code ec;
  fs::file_status status = fs::status(root.path, ec);
  if (!fs::exists(status)) {
    return absl::NotFoundError(StrCat("migration directory \"", root.shown, "\" does not exist"));
  }
  if (!fs::is_directory(status)) {
    return absl::InvalidArgumentError(StrCat("\"", root.shown, "\" is not a directory"));
  }

  Layout chosen = Layout::kPlain;
  if (layout.has_value()) {
    chosen = *layout;
    if (chosen == Layout::kSupabase || chosen == Layout::kPrisma) {
      if (std::optional<Root> folder = ToolFolder(root, LayoutName(chosen))) root = *folder;
    }
  } else {
    PGDRIFT_ASSIGN_OR_RETURN(chosen, DetectLayout(&root));
  }

  ChainBuilder builder(chosen, root.shown, sink);
  absl::Status loaded;
  switch (chosen) {
    case Layout::kSupabase:
      loaded = LoadSupabase(root, builder);
      break;
    case Layout::kFlyway:
      loaded = LoadFlyway(root, builder);
      break;
    case Layout::kGolangMigrate:
      loaded = LoadGolangMigrate(root, builder);
      break;
    case Layout::kDbmate:
      loaded = LoadDbmate(root, builder);
      break;
    case Layout::kPrisma:
      loaded = LoadPrisma(root, builder);
      break;
    case Layout::kPlain:
      loaded = LoadPlain(root, builder);
      break;
  }
  PGDRIFT_RETURN_IF_ERROR(loaded);
  MigrationChain chain = builder.Take();
  if (chain.files.empty()) {
    return absl::InvalidArgumentError(StrCat("no migration files found in \"", chain.root, "\" (",
                                             LayoutName(chosen), " layout)"));
  }
  return chain;
}

}  // namespace pgdrift::parser
