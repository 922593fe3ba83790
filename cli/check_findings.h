// CheckResult: what `pgdrift check` found for one remote, as findings that every output
// format renders (text, json, sarif, junit, github): drifted objects, history versions
// that are not applied, and chain files that changed since a merged revision. Each
// finding carries its category (what --fail-on selects), where it points in the local
// migrations, and whether an ignore rule silenced it. Ignored findings stay in the list,
// marked, so every format can still show them.
#ifndef PGDRIFT_CLI_CHECK_FINDINGS_H_
#define PGDRIFT_CLI_CHECK_FINDINGS_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "diff/change_set.h"
#include "diff/history_diff.h"
#include "model/object_id.h"

namespace pgdrift::cli {

enum class FindingSubject { kObject, kVersion, kChainFile };

// Every finding category, in the order reports list them:
//   objects: local_only, remote_only, changed
//   history: history_local_only, history_remote_only, history_modified,
//            history_out_of_order, history_failed
//   chain:   chain_edited, chain_removed, chain_out_of_order
// (chain_*: a merged migration file edited or removed since the revision checked
// against, or a new file that sorts before the newest merged one).
const std::vector<std::string_view>& FindingCategories();

// Parses --fail-on values, each a comma-separated list of categories or groups: `any`
// (every category, the default), `none`, `objects` (local_only, remote_only, changed),
// `history` (every history_ category), `chain` (every chain_ one). An unknown word is an
// error that names it and lists the valid ones.
[[nodiscard]] absl::StatusOr<std::set<std::string>> ParseFailOn(
    const std::vector<std::string>& values);

struct Finding {
  FindingSubject subject = FindingSubject::kObject;
  // "table public.orders", "version 20240101120000", "file supabase/migrations/x.sql".
  std::string identity;
  // The object kind name ("table", "column" …); "version" or "file" for the others.
  std::string kind;
  std::string category;  // one of FindingCategories()
  std::string message;   // one sentence without a trailing newline
  // Where the finding points in the local migrations: the file and line that define the
  // local side (an object's lineage, a version's file, a chain file's first changed
  // line). Findings with no local side (remote-only objects and versions, removed files)
  // point at the chain's newest file, line 1, with `location_is_fallback` set, because
  // CI annotations need a file. "" when the chain has no file.
  std::string file;
  int line = 0;  // 1-based; 0 when unknown
  bool location_is_fallback = false;
  model::ObjectId object;                     // kObject
  std::vector<diff::AttributeChange> changes;  // kObject, category "changed"
  std::vector<std::string> contains;           // kObject, a one-sided table's children
  std::optional<diff::VersionDrift> version;   // kVersion
  // Set by ApplyRules.
  bool ignored = false;
  // The rule that silenced it and where it comes from, with its reason when the line gave
  // one: "table public.audit_* (.pgdriftignore:3: accepted by ops)", "public.tmp_* (--ignore)".
  std::string ignored_by;
  bool failing = false;  // not ignored and its category is in --fail-on
};

struct CheckResult {
  // The remote as the user named it, credentials redacted (a fleet's label when the
  // remotes file gave one); "" for a chain-only check.
  std::string remote;
  // How the remote was read (LoadedSource::description).
  std::string description;
  // 2 when the check could not run (`error` says why), else 1 when a finding is failing,
  // else 0.
  int exit_code = 0;
  std::string error;
  // Objects in identity order, then versions in version order, then chain files.
  std::vector<Finding> findings;
  // The objects both sides have and agree on, and the versions applied on both sides: the
  // passing test cases of the JUnit format.
  std::vector<std::string> in_sync_objects;
  std::vector<std::string> applied_versions;
  // Whether a history table was compared (a live database that a migration tool keeps);
  // its name when it was, e.g. "supabase_migrations.schema_migrations".
  bool history_compared = false;
  std::string history_table;
  // The history comparison's warnings (diff::HistoryReport::warnings), shown by text.
  std::vector<std::string> history_warnings;

  // Findings of `category` that are not ignored.
  int Count(std::string_view category) const;
  int IgnoredCount() const;
  int FailingCount() const;
  // Whether some finding is not ignored (failing or not).
  bool drift() const;
};

// The result of one comparison: `changes` (local = the migrations, remote = the database)
// and, when the remote keeps one, `history`. Nothing is ignored or failing yet and
// exit_code is 0 (ApplyRules decides). `newest_file` is the chain's newest migration file,
// where findings without a local side point. in_sync_objects comes from
// ChangeSet::in_sync, applied_versions from the applied entries of `history`.
CheckResult BuildCheckResult(const diff::ChangeSet& changes, const diff::HistoryReport* history,
                             const std::string& newest_file);

// Ignore rules from `.pgdriftignore` files and --ignore flags.
//
// A line is blank, a comment (`# …`), or a pattern, optionally followed by ` # reason`;
// `!pattern` un-ignores what an earlier line ignored, and the last matching line wins.
// A pattern is a glob (`*` any run of characters, `?` one character, `[…]` a class)
// matched against the whole identity: `table public.audit_*`, `version 2024011*`,
// `file supabase/migrations/*_seed.sql`. A pattern without a space names no kind and
// matches the identity without its kind word: `public.tmp_*` matches tables, columns,
// indexes … under that name. A pattern that matches a table also matches what the table
// owns (`table public.audit_log` ignores `column public.audit_log.note`).
class IgnoreRules {
 public:
  // Adds the lines of an ignore file; `source` names it in `ignored_by` (".pgdriftignore").
  // An empty pattern after `!` or an unbalanced `[` is an error naming source:line.
  [[nodiscard]] absl::Status AddFile(std::string_view text, std::string_view source);
  // Adds one --ignore pattern.
  [[nodiscard]] absl::Status Add(std::string_view pattern);
  // The rule that ignores `finding` (its `ignored_by` text), or nullopt when none does.
  std::optional<std::string> Match(const Finding& finding) const;
  bool empty() const { return rules_.empty(); }

 private:
  struct Rule {
    std::string pattern;
    bool negated = false;
    std::string origin;  // "(.pgdriftignore:3: reason)" or "(--ignore)"
  };
  std::vector<Rule> rules_;
};

// The ignore file a check uses when --ignore-file is not given: the first
// `.pgdriftignore` in the --local directory or one of its parents, up to the directory
// that holds `.git` (or the filesystem root); nullopt when there is none.
std::optional<std::string> FindIgnoreFile(const std::string& local_directory);

// Marks the findings `rules` ignore, then those whose category is in `fail_on` as
// failing, and sets result->exit_code (an errored result keeps 2).
void ApplyRules(const IgnoreRules& rules, const std::set<std::string>& fail_on,
                CheckResult* result);

// The worst of several exit codes (2 before 1 before 0).
int WorstExitCode(const std::vector<CheckResult>& results);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_CHECK_FINDINGS_H_
