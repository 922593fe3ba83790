#include "cli/check_findings.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/diagnostic.h"
#include "base/plural.h"
#include "base/strings.h"
#include "model/object_kind.h"
#include "parser/profile.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;

constexpr char kIgnoreFileName[] = ".pgdriftignore";

const std::vector<std::string_view>& ObjectCategories() {
  static const std::vector<std::string_view> kCategories = {"local_only", "remote_only", "changed"};
  return kCategories;
}

// The sentence that says what differs for one object.
std::string ObjectMessage(const diff::ObjectDrift& drift) {
  std::string identity = drift.id.ToString();
  std::string message;
  switch (drift.status) {
    case diff::DriftStatus::kLocalOnly:
      message = StrCat(identity, " is in the migrations but not in the database");
      break;
    case diff::DriftStatus::kRemoteOnly:
      message = StrCat(identity, " is in the database but in no migration");
      break;
    case diff::DriftStatus::kChanged: {
      std::vector<std::string> parts;
      for (const diff::AttributeChange& change : drift.changes) {
        parts.push_back(StrCat(change.attribute, " is ", diff::ValueToString(change.local),
                               " in the migrations but ", diff::ValueToString(change.remote),
                               " in the database"));
      }
      message = StrCat(identity, " differs: ", StrJoin(parts, "; "));
      break;
    }
  }
  if (!drift.contains.empty()) {
    StrAppend(&message, " (with ", Plural(drift.contains.size(), "contained object"), ")");
  }
  return message;
}

// How a version is named in identities and messages (repeatable migrations by name).
std::string VersionLabel(const diff::VersionDrift& drift) {
  return drift.version.empty() ? StrCat("R__", drift.name) : drift.version;
}

// The sentence that says why a version is not applied.
std::string VersionMessage(const diff::VersionDrift& drift) {
  std::string migration = StrCat("migration ", VersionLabel(drift));
  if (!drift.name.empty() && !drift.version.empty()) StrAppend(&migration, " (", drift.name, ")");
  std::string message;
  switch (drift.status) {
    case diff::VersionStatus::kApplied:
      message = StrCat(migration, " is applied");
      break;
    case diff::VersionStatus::kLocalOnly:
      message = StrCat(migration, " is not applied to the database");
      break;
    case diff::VersionStatus::kRemoteOnly:
      message = StrCat(migration, " is recorded in the database's history but has no migration file");
      break;
    case diff::VersionStatus::kModified:
      message = StrCat(migration, " was changed after it was applied");
      if (!drift.detail.empty()) StrAppend(&message, ": ", drift.detail);
      break;
    case diff::VersionStatus::kOutOfOrder:
      // The detail already says what it sorts before ("sorts before 2024…, the newest
      // version … records").
      message = StrCat(migration, " is not applied and ",
                       drift.detail.empty() ? "sorts before the newest applied version" : drift.detail);
      break;
    case diff::VersionStatus::kFailed:
      message = StrCat(migration, " did not complete in the database");
      if (!drift.detail.empty()) StrAppend(&message, " (", drift.detail, ")");
      break;
  }
  if (!drift.same_as.empty()) {
    StrAppend(&message, "; it is the same migration as ",
              drift.local_path.empty() ? "local version " : "remote version ", drift.same_as);
  }
  return message;
}

// Points `finding` at the chain's newest file, for findings without a local side.
void FallBack(const std::string& newest_file, Finding* finding) {
  finding->file = newest_file;
  finding->line = newest_file.empty() ? 0 : 1;
  finding->location_is_fallback = true;
}

// The words before the first space of `text` when they name a finding kind (an object
// kind, "version" or "file"), else "".
std::string_view KindWord(std::string_view text) {
  size_t space = text.find(' ');
  if (space == std::string_view::npos) return {};
  std::string_view word = text.substr(0, space);
  if (word == "version" || word == "file" || model::KindFromName(word).has_value()) return word;
  return {};
}

// Whether the glob `pattern` matches all of `text` (fnmatch(3) with no flags: `*` also
// matches `/` and a leading `.`).
bool GlobMatches(const std::string& pattern, const std::string& text) {
  return fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

// Whether every `[` of `pattern` opens a class that a `]` closes (a `]` right after `[`
// or `[!` belongs to the class).
bool BracketsBalanced(std::string_view pattern) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] != '[') continue;
    size_t j = i + 1;
    if (j < pattern.size() && (pattern[j] == '!' || pattern[j] == '^')) ++j;
    if (j < pattern.size() && pattern[j] == ']') ++j;
    while (j < pattern.size() && pattern[j] != ']') ++j;
    if (j >= pattern.size()) return false;
    i = j;
  }
  return true;
}

// The identities a pattern may match for `finding`: its own, and for an object owned by
// a relation (column, constraint, trigger, policy) the relation's.
std::vector<std::string> Candidates(const Finding& finding) {
  std::vector<std::string> candidates = {finding.identity};
  if (finding.subject == FindingSubject::kObject && !finding.object.parent.empty()) {
    std::string relation = model::QualifiedName{finding.object.schema, finding.object.parent}.ToString();
    for (std::string_view kind : {"table", "view", "materialized_view"}) {
      candidates.push_back(StrCat(kind, " ", relation));
    }
  }
  return candidates;
}

}  // namespace

const std::vector<std::string_view>& FindingCategories() {
  static const std::vector<std::string_view> kCategories = {
      "local_only",           "remote_only",         "changed",
      "history_local_only",   "history_remote_only", "history_modified",
      "history_out_of_order", "history_failed",      "chain_edited",
      "chain_removed",        "chain_out_of_order"};
  return kCategories;
}

absl::StatusOr<std::set<std::string>> ParseFailOn(const std::vector<std::string>& values) {
  const std::vector<std::string_view>& categories = FindingCategories();
  auto with_prefix = [&](std::string_view prefix, std::set<std::string>* into) {
    for (std::string_view category : categories) {
      if (category.substr(0, prefix.size()) == prefix) into->insert(std::string(category));
    }
  };
  std::set<std::string> selected;
  if (values.empty()) {
    with_prefix("", &selected);
    return selected;
  }
  for (const std::string& value : values) {
    for (const std::string& piece : StrSplit(value, ',')) {
      std::string word = AsciiLower(Trim(piece));
      if (word == "any") {
        with_prefix("", &selected);
      } else if (word == "none") {
      } else if (word == "objects") {
        for (std::string_view category : ObjectCategories()) selected.insert(std::string(category));
      } else if (word == "history") {
        with_prefix("history_", &selected);
      } else if (word == "chain") {
        with_prefix("chain_", &selected);
      } else if (std::find(categories.begin(), categories.end(), word) != categories.end()) {
        selected.insert(word);
      } else {
        return absl::InvalidArgumentError(
            StrCat("unknown --fail-on value \"", word, "\" (any, none, objects, history, chain, ",
                   StrJoin(categories, ", "), ")"));
      }
    }
  }
  return selected;
}

int CheckResult::Count(std::string_view category) const {
  int count = 0;
  for (const Finding& finding : findings) count += !finding.ignored && finding.category == category;
  return count;
}

int CheckResult::IgnoredCount() const {
  int count = 0;
  for (const Finding& finding : findings) count += finding.ignored;
  return count;
}

int CheckResult::FailingCount() const {
  int count = 0;
  for (const Finding& finding : findings) count += finding.failing;
  return count;
}

bool CheckResult::drift() const {
  for (const Finding& finding : findings) {
    if (!finding.ignored) return true;
  }
  return false;
}

CheckResult BuildCheckResult(const diff::ChangeSet& changes, const diff::HistoryReport* history,
                             const std::string& newest_file) {
  CheckResult result;
  for (const diff::ObjectDrift& drift : changes.objects) {
    Finding finding;
    finding.subject = FindingSubject::kObject;
    finding.identity = drift.id.ToString();
    finding.kind = std::string(model::KindName(drift.id.kind));
    finding.category = std::string(diff::DriftStatusName(drift.status));
    finding.message = ObjectMessage(drift);
    finding.object = drift.id;
    finding.changes = drift.changes;
    for (const model::ObjectId& child : drift.contains) finding.contains.push_back(child.ToString());
    // The statement that last shaped the local side: its last change, else its creation.
    const model::Lineage& lineage = drift.local_lineage;
    const SourceSpan& span = lineage.changed.known() ? lineage.changed : lineage.created;
    // The profile's own scripts are no migration file a CI annotation could point at.
    if (drift.status != diff::DriftStatus::kRemoteOnly && span.known() &&
        !parser::IsProfileScriptPath(span.file)) {
      finding.file = span.file;
      finding.line = span.line;
    } else {
      FallBack(newest_file, &finding);
    }
    result.findings.push_back(std::move(finding));
  }
  for (const model::ObjectId& id : changes.in_sync) result.in_sync_objects.push_back(id.ToString());
  if (history != nullptr) {
    result.history_compared = true;
    result.history_table = history->table;
    for (const diff::VersionDrift& drift : history->versions) {
      if (drift.status == diff::VersionStatus::kApplied) {
        result.applied_versions.push_back(VersionLabel(drift));
        continue;
      }
      Finding finding;
      finding.subject = FindingSubject::kVersion;
      finding.identity = StrCat("version ", VersionLabel(drift));
      finding.kind = "version";
      finding.category = StrCat("history_", diff::VersionStatusName(drift.status));
      finding.message = VersionMessage(drift);
      finding.version = drift;
      if (!drift.local_path.empty()) {
        finding.file = drift.local_path;
        finding.line = 1;
      } else {
        FallBack(newest_file, &finding);
      }
      result.findings.push_back(std::move(finding));
    }
    result.history_warnings = history->warnings;
  }
  return result;
}

absl::Status IgnoreRules::AddFile(std::string_view text, std::string_view source) {
  std::vector<std::string> lines = StrSplit(text, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    int line_number = static_cast<int>(i) + 1;
    std::string_view line = Trim(lines[i]);
    if (line.empty() || line.front() == '#') continue;
    // A reason follows the pattern after whitespace and `#`.
    std::string reason;
    for (size_t at = 1; at < line.size(); ++at) {
      if (line[at] == '#' && (line[at - 1] == ' ' || line[at - 1] == '\t')) {
        reason = std::string(Trim(line.substr(at + 1)));
        line = Trim(line.substr(0, at));
        break;
      }
    }
    Rule rule;
    if (line.front() == '!') {
      rule.negated = true;
      line = Trim(line.substr(1));
    }
    SourceSpan span{std::string(source), line_number, 1};
    if (line.empty()) {
      return InputError(absl::StatusCode::kInvalidArgument, span, "empty pattern after \"!\"");
    }
    if (!BracketsBalanced(line)) {
      return InputError(absl::StatusCode::kInvalidArgument, span,
                        StrCat("unbalanced \"[\" in pattern \"", line, "\""));
    }
    rule.pattern = std::string(line);
    rule.origin = reason.empty() ? StrCat("(", source, ":", line_number, ")")
                                 : StrCat("(", source, ":", line_number, ": ", reason, ")");
    rules_.push_back(std::move(rule));
  }
  return absl::OkStatus();
}

absl::Status IgnoreRules::Add(std::string_view pattern) {
  Rule rule;
  std::string_view text = Trim(pattern);
  if (!text.empty() && text.front() == '!') {
    rule.negated = true;
    text = Trim(text.substr(1));
  }
  if (text.empty()) {
    return absl::InvalidArgumentError(StrCat("--ignore: empty pattern \"", pattern, "\""));
  }
  if (!BracketsBalanced(text)) {
    return absl::InvalidArgumentError(StrCat("--ignore: unbalanced \"[\" in pattern \"", text, "\""));
  }
  rule.pattern = std::string(text);
  rule.origin = "(--ignore)";
  rules_.push_back(std::move(rule));
  return absl::OkStatus();
}

std::optional<std::string> IgnoreRules::Match(const Finding& finding) const {
  std::vector<std::string> candidates = Candidates(finding);
  const Rule* last = nullptr;
  for (const Rule& rule : rules_) {
    bool with_kind = !KindWord(rule.pattern).empty();
    for (const std::string& candidate : candidates) {
      std::string text = candidate;
      if (!with_kind) {
        size_t space = candidate.find(' ');
        if (space != std::string::npos) text = candidate.substr(space + 1);
      }
      if (GlobMatches(rule.pattern, text)) {
        last = &rule;
        break;
      }
    }
  }
  if (last == nullptr || last->negated) return std::nullopt;
  return StrCat(last->pattern, " ", last->origin);
}

std::optional<std::string> FindIgnoreFile(const std::string& local_directory) {
  std::error_code error;
  fs::path directory = fs::absolute(local_directory, error);
  if (error) return std::nullopt;
  directory = directory.lexically_normal();
  if (!directory.has_filename()) directory = directory.parent_path();
  while (true) {
    fs::path candidate = directory / kIgnoreFileName;
    if (fs::is_regular_file(candidate, error)) {
      // Named as the user named the directory when the file sits in it or below it.
      fs::path relative = candidate.lexically_relative(fs::current_path(error));
      if (!error && !relative.empty() && *relative.begin() != "..") return relative.string();
      return candidate.string();
    }
    if (fs::exists(directory / ".git", error)) return std::nullopt;
    fs::path parent = directory.parent_path();
    if (parent == directory) return std::nullopt;
    directory = parent;
  }
}

void ApplyRules(const IgnoreRules& rules, const std::set<std::string>& fail_on, CheckResult* result) {
  bool failing = false;
  for (Finding& finding : result->findings) {
    std::optional<std::string> rule = rules.Match(finding);
    finding.ignored = rule.has_value();
    finding.ignored_by = rule.value_or("");
    finding.failing = !finding.ignored && fail_on.contains(finding.category);
    failing = failing || finding.failing;
  }
  if (result->exit_code == 2 || !result->error.empty()) {
    result->exit_code = 2;
    return;
  }
  result->exit_code = failing ? 1 : 0;
}

int WorstExitCode(const std::vector<CheckResult>& results) {
  int worst = 0;
  for (const CheckResult& result : results) {
    if (result.exit_code == 2) return 2;
    worst = std::max(worst, result.exit_code);
  }
  return worst;
}

}  // namespace pgdrift::cli
