// Compares the migration chain in the working tree with the same directory at a
// git revision. The revision's files are written to a temporary directory that
// mirrors the work tree's layout and read with parser::LoadMigrationDirectory,
// forced to the working tree's layout, so both sides follow exactly the same
// file-name rules.
#include "cli/chain_revision.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>

#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/git_tree.h"
#include "diff/history_diff.h"
#include "parser/local_migrations.h"
#include "parser/migration_dir.h"
#include "parser/source_file.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the system's temporary directory, removed with
// everything in it when this goes out of scope.
class TemporaryDirectory {
public:
  TemporaryDirectory() = default;
  ~TemporaryDirectory() {
    if (path_.empty())
      return;
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory &) = delete;
  TemporaryDirectory &operator=(const TemporaryDirectory &) = delete;

  // Creates the directory (mkdtemp).
  [[nodiscard]] absl::Status Create() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec)
      base = "/tmp";
    std::string pattern = (base / "pgdrift-revision-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      return absl::InternalError(StrCat(
          "cannot create a temporary directory in \"", base.string(), "\""));
    }
    path_ = pattern;
    return absl::OkStatus();
  }
  const fs::path &path() const { return path_; }

private:
  fs::path path_;
};

// `dir` as parser::LoadMigrationDirectory shows it: without trailing slashes,
// "." when empty.
std::string ShownDirectory(std::string_view dir) {
  while (dir.size() > 1 && dir.back() == '/')
    dir.remove_suffix(1);
  if (dir.empty() || dir == "./")
    return ".";
  return std::string(dir);
}

// `relative` joined onto the directory shown as `shown_dir`, as a chain shows
// its files.
std::string JoinShownPath(std::string_view shown_dir,
                          std::string_view relative) {
  if (shown_dir == ".")
    return std::string(relative);
  if (shown_dir.back() == '/')
    return StrCat(shown_dir, relative);
  return StrCat(shown_dir, "/", relative);
}

// `path` (as a chain shows it) relative to the directory shown as `shown_dir`;
// "" for the directory itself.
std::string RelativeTo(std::string_view shown_dir, std::string_view path) {
  if (path == shown_dir)
    return "";
  if (shown_dir == ".")
    return std::string(path);
  std::string prefix =
      shown_dir.back() == '/' ? std::string(shown_dir) : StrCat(shown_dir, "/");
  if (path.starts_with(prefix))
    return std::string(path.substr(prefix.size()));
  return std::string(path);
}

// One chain file as the comparison sees it.
struct ChainEntry {
  const parser::MigrationFile *file = nullptr;
  std::string relative; // to the --local directory
  std::string
      text; // the file's bytes, as written (dbmate down sections included)
  int match = -1; // index of the same migration on the other side
};

// The chain files of `chain` read from the directory shown as `shown_dir`.
absl::StatusOr<std::vector<ChainEntry>>
Entries(const parser::MigrationChain &chain, const std::string &shown_dir) {
  std::vector<ChainEntry> entries;
  for (const parser::MigrationFile &file : chain.files) {
    ChainEntry entry;
    entry.file = &file;
    entry.relative = RelativeTo(shown_dir, file.path);
    PGDRIFT_ASSIGN_OR_RETURN(parser::SourceFile raw,
                             parser::ReadSourceFile(file.path));
    entry.text = std::move(raw.text);
    entries.push_back(std::move(entry));
  }
  return entries;
}

// Compares unsigned decimal numbers of any length.
int CompareDecimal(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a.front() == '0')
    a.remove_prefix(1);
  while (b.size() > 1 && b.front() == '0')
    b.remove_prefix(1);
  if (a.size() != b.size())
    return a.size() < b.size() ? -1 : 1;
  return a.compare(b);
}

bool AllDigits(std::string_view text) {
  if (text.empty())
    return false;
  for (char c : text) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

// Whether version `a` comes before `b` in the order `layout`'s tool applies
// them: Flyway compares dotted versions part by part as numbers
// (MigrationVersion), golang-migrate compares numbers (strconv.ParseUint), the
// others compare text (diff::VersionLess).
bool ChainVersionLess(parser::Layout layout, std::string_view a,
                      std::string_view b) {
  if (layout == parser::Layout::kFlyway) {
    std::vector<std::string> left = StrSplit(a, '.');
    std::vector<std::string> right = StrSplit(b, '.');
    for (size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
      std::string_view x = i < left.size() ? std::string_view(left[i]) : "0";
      std::string_view y = i < right.size() ? std::string_view(right[i]) : "0";
      int order =
          AllDigits(x) && AllDigits(y) ? CompareDecimal(x, y) : x.compare(y);
      if (order != 0)
        return order < 0;
    }
    return false;
  }
  if (layout == parser::Layout::kGolangMigrate && AllDigits(a) &&
      AllDigits(b)) {
    return CompareDecimal(a, b) < 0;
  }
  return diff::VersionLess(a, b);
}

// Pairs each entry of `now` with the same migration in `then`: first the file
// at the same path, then (for files renamed without changing what the tool
// records) a versioned file with the same version, or a Flyway repeatable file
// with the same description.
void MatchEntries(std::vector<ChainEntry> &now, std::vector<ChainEntry> &then) {
  std::map<std::string, int> by_path;
  for (size_t i = 0; i < then.size(); ++i)
    by_path.emplace(then[i].relative, static_cast<int>(i));
  for (size_t i = 0; i < now.size(); ++i) {
    auto it = by_path.find(now[i].relative);
    if (it == by_path.end() || then[it->second].match >= 0)
      continue;
    now[i].match = it->second;
    then[it->second].match = static_cast<int>(i);
  }
  auto key = [](const ChainEntry &entry) {
    return entry.file->repeatable ? StrCat("R ", entry.file->name)
                                  : StrCat("V ", entry.file->version);
  };
  std::map<std::string, int> by_key;
  for (size_t i = 0; i < then.size(); ++i) {
    if (then[i].match < 0)
      by_key.emplace(key(then[i]), static_cast<int>(i));
  }
  for (size_t i = 0; i < now.size(); ++i) {
    if (now[i].match >= 0)
      continue;
    auto it = by_key.find(key(now[i]));
    if (it == by_key.end() || then[it->second].match >= 0)
      continue;
    now[i].match = it->second;
    then[it->second].match = static_cast<int>(i);
  }
}

// The 1-based line of `now` where it first differs from `then` (a line past the
// end of `then` counts as different), kept within `now`'s lines.
int FirstChangedLine(std::string_view then, std::string_view now) {
  std::vector<std::string> old_lines = StrSplit(then, '\n');
  std::vector<std::string> new_lines = StrSplit(now, '\n');
  size_t i = 0;
  while (i < old_lines.size() && i < new_lines.size() &&
         old_lines[i] == new_lines[i])
    ++i;
  size_t last = new_lines.size();
  // A final newline leaves an empty last piece, which is not a line of its own.
  if (last > 1 && new_lines.back().empty())
    --last;
  return static_cast<int>(std::max<size_t>(1, std::min(i + 1, last)));
}

// What changed in the statements between `then` and `now`: "" when their
// fingerprints (parse trees, so not comments or whitespace) are the same.
std::string StatementChange(std::string_view then, std::string_view now,
                            std::string_view revision) {
  std::vector<std::string> old_prints =
      parser::StatementFingerprints(parser::SplitStatementsForHistory(then));
  std::vector<std::string> new_prints =
      parser::StatementFingerprints(parser::SplitStatementsForHistory(now));
  if (old_prints == new_prints)
    return "";
  if (old_prints.size() != new_prints.size()) {
    return StrCat(old_prints.size(),
                  old_prints.size() == 1 ? " statement" : " statements", " at ",
                  revision, ", ", new_prints.size(), " now");
  }
  size_t i = 0;
  while (old_prints[i] == new_prints[i])
    ++i;
  return StrCat("statement ", i + 1, " of ", new_prints.size(), " differs");
}

Finding ChainFinding(std::string_view category, const std::string &path,
                     std::string message) {
  Finding finding;
  finding.subject = FindingSubject::kChainFile;
  finding.identity = StrCat("file ", path);
  finding.kind = "file";
  finding.category = std::string(category);
  finding.message = std::move(message);
  return finding;
}

// The entry of `entries` not matched on the other side whose text is `text`, if
// any.
const ChainEntry *SameContentUnmatched(const std::vector<ChainEntry> &entries,
                                       std::string_view text) {
  for (const ChainEntry &entry : entries) {
    if (entry.match < 0 && entry.text == text)
      return &entry;
  }
  return nullptr;
}

// Writes `files` under `root`, each at its path.
absl::Status WriteFiles(const fs::path &root,
                        const std::vector<GitFile> &files) {
  for (const GitFile &file : files) {
    fs::path target = root / file.path;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    std::ofstream out(target, std::ios::binary);
    out << file.content;
    if (ec || !out) {
      return absl::InternalError(StrCat("cannot write \"", target.string(),
                                        "\" (a copy of ", file.path, ")"));
    }
  }
  return absl::OkStatus();
}

} // namespace

absl::StatusOr<std::vector<Finding>>
CompareChainWithRevision(const std::string &local_directory,
                         const std::string &revision,
                         const SourceOptions &options) {
  PGDRIFT_ASSIGN_OR_RETURN(GitLocation location,
                           FindGitLocation(local_directory));
  PGDRIFT_ASSIGN_OR_RETURN(std::string commit,
                           ResolveGitCommit(location.top_level, revision));
  PGDRIFT_ASSIGN_OR_RETURN(parser::MigrationChain local,
                           parser::LoadMigrationDirectory(local_directory,
                                                          options.layout,
                                                          /*sink=*/nullptr));
  const std::string local_shown = ShownDirectory(local_directory);
  // The folder the chain is read from, relative to the --local directory
  // ("supabase/migrations" when the directory is a Supabase project).
  const std::string chain_folder = RelativeTo(local_shown, local.root);

  // The revision's copy of that folder, at the same place under a directory
  // named like the work tree's top, so that the layout rules that look at
  // folder names see the same ones.
  TemporaryDirectory scratch;
  PGDRIFT_RETURN_IF_ERROR(scratch.Create());
  std::string top_name = fs::path(location.top_level).filename().string();
  fs::path mirror =
      scratch.path() / (top_name.empty() ? "repository" : top_name);
  std::string tree_path = location.prefix;
  if (!chain_folder.empty())
    tree_path = StrCat(tree_path, chain_folder);
  PGDRIFT_ASSIGN_OR_RETURN(std::vector<GitFile> tree,
                           ReadGitTree(location.top_level, commit, tree_path));
  PGDRIFT_RETURN_IF_ERROR(WriteFiles(mirror, tree));
  std::string mirror_dir = ShownDirectory((mirror / location.prefix).string());

  parser::MigrationChain merged;
  std::error_code ec;
  if (!tree.empty() && fs::is_directory(mirror_dir, ec)) {
    absl::StatusOr<parser::MigrationChain> loaded =
        parser::LoadMigrationDirectory(mirror_dir, local.layout,
                                       /*sink=*/nullptr);
    // A directory holding no migration at the revision merged nothing.
    if (loaded.ok()) {
      merged = *std::move(loaded);
    } else if (loaded.status().code() != absl::StatusCode::kInvalidArgument &&
               loaded.status().code() != absl::StatusCode::kNotFound) {
      return absl::Status(loaded.status().code(),
                          StrCat("reading the chain at ", revision, ": ",
                                 loaded.status().message()));
    }
  }

  PGDRIFT_ASSIGN_OR_RETURN(std::vector<ChainEntry> now,
                           Entries(local, local_shown));
  PGDRIFT_ASSIGN_OR_RETURN(std::vector<ChainEntry> then,
                           Entries(merged, mirror_dir));
  MatchEntries(now, then);

  // The newest versioned migration the revision has.
  const ChainEntry *newest_merged = nullptr;
  for (const ChainEntry &entry : then) {
    if (entry.file->repeatable)
      continue;
    if (newest_merged == nullptr ||
        !ChainVersionLess(local.layout, entry.file->version,
                          newest_merged->file->version)) {
      newest_merged = &entry;
    }
  }
  // Where findings without a file of their own point: the chain's newest file.
  std::string newest_file;
  for (const parser::MigrationFile &file : local.files) {
    if (!file.repeatable || newest_file.empty())
      newest_file = file.path;
  }

  std::vector<Finding> findings;
  for (const ChainEntry &entry : now) {
    const std::string &path = entry.file->path;
    if (entry.match >= 0) {
      const ChainEntry &old = then[entry.match];
      // Flyway runs a repeatable migration again whenever its checksum changes.
      if (entry.file->repeatable || old.text == entry.text)
        continue;
      std::string renamed =
          old.relative == entry.relative
              ? ""
              : StrCat(" (renamed from ",
                       JoinShownPath(local_shown, old.relative), ")");
      std::string change = StatementChange(old.text, entry.text, revision);
      std::string message =
          change.empty()
              ? StrCat("merged migration edited since ", revision, renamed,
                       ": only comments or whitespace changed, the statements "
                       "are the same")
              : StrCat("merged migration edited since ", revision, renamed,
                       ": its statements changed (", change, ")");
      Finding finding = ChainFinding("chain_edited", path, std::move(message));
      finding.file = path;
      finding.line = FirstChangedLine(old.text, entry.text);
      findings.push_back(std::move(finding));
      continue;
    }
    if (entry.file->repeatable || newest_merged == nullptr ||
        !ChainVersionLess(local.layout, entry.file->version,
                          newest_merged->file->version)) {
      continue;
    }
    std::string message = StrCat("new migration version ", entry.file->version,
                                 " sorts before ", newest_merged->file->version,
                                 ", the newest version merged at ", revision);
    if (const ChainEntry *old = SameContentUnmatched(then, entry.text)) {
      StrAppend(&message, " (renamed from ",
                JoinShownPath(local_shown, old->relative),
                " with the same content)");
    }
    Finding finding =
        ChainFinding("chain_out_of_order", path, std::move(message));
    finding.file = path;
    finding.line = 1;
    findings.push_back(std::move(finding));
  }
  for (const ChainEntry &entry : then) {
    if (entry.match >= 0)
      continue;
    std::string path = JoinShownPath(local_shown, entry.relative);
    // Removed files have no location of their own, so the message names them.
    std::string message =
        StrCat("merged migration ", path, " removed since ", revision);
    if (const ChainEntry *renamed = SameContentUnmatched(now, entry.text)) {
      StrAppend(&message, " (renamed to ", renamed->file->path,
                " with the same content)");
    }
    Finding finding = ChainFinding("chain_removed", path, std::move(message));
    finding.file = newest_file;
    finding.line = newest_file.empty() ? 0 : 1;
    finding.location_is_fallback = true;
    findings.push_back(std::move(finding));
  }
  return findings;
}

} // namespace pgdrift::cli
