#include "cli/fleet.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <map>
#include <mutex>
#include <ostream>
#include <thread>

#include "base/diagnostic.h"
#include "base/plural.h"
#include "base/source_span.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/exit_code.h"
#include "cli/progress_bar.h"
#include "introspect/connection_string.h"

namespace pgdrift::cli {
namespace {

bool IsLabelChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

bool IsVariableChar(char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         (!first && c >= '0' && c <= '9');
}

// The length of the `name:` prefix of `line` (up to and including the colon) when the
// line starts with a label, else 0. The colon must be followed by white space or the end
// of the line, so a URI (postgres://…) is never read as a label.
size_t LabelLength(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && IsLabelChar(line[i])) ++i;
  if (i == 0 || i >= line.size() || line[i] != ':') return 0;
  if (i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\t') return 0;
  return i + 1;
}

// `text` with each `${VAR}` replaced by the environment variable VAR. `span` points at
// text[0]; errors point at the reference and name the variable, never a value.
absl::StatusOr<std::string> ExpandVariables(std::string_view text, SourceSpan span) {
  int first_column = span.column;
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '$' || i + 1 >= text.size() || text[i + 1] != '{') {
      out.push_back(text[i++]);
      continue;
    }
    span.column = first_column + static_cast<int>(i);
    size_t close = text.find('}', i + 2);
    if (close == std::string_view::npos) {
      return InputError(absl::StatusCode::kInvalidArgument, span,
                        "unterminated variable reference (\"${\" without \"}\")");
    }
    std::string_view name = text.substr(i + 2, close - i - 2);
    bool valid = !name.empty();
    for (size_t k = 0; k < name.size() && valid; ++k) valid = IsVariableChar(name[k], k == 0);
    if (!valid) {
      return InputError(absl::StatusCode::kInvalidArgument, span,
                        StrCat("invalid environment variable name \"", name, "\""));
    }
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) {
      return InputError(absl::StatusCode::kInvalidArgument, span,
                        StrCat("environment variable \"", name, "\" is not set"));
    }
    out.append(value);
    i = close + 1;
  }
  return out;
}

// How a remote is named in results and on the progress bar: its label, else its source
// without secrets.
std::string DisplayName(const RemoteSpec& remote) {
  return remote.label.empty() ? introspect::RedactConnectionString(remote.source) : remote.label;
}

// `text` with the secrets of `source` hidden: the source itself replaced by its redacted
// form and any password it carries by "***". Errors from a driver may quote either.
std::string ScrubSecrets(std::string text, const std::string& source) {
  std::string redacted = introspect::RedactConnectionString(source);
  if (redacted != source && !source.empty()) text = ReplaceAll(text, source, redacted);
  if (!introspect::IsConnectionString(source)) return text;
  absl::StatusOr<std::map<std::string, std::string>> parameters =
      introspect::ParseConnectionString(source);
  if (!parameters.ok()) return text;
  for (const char* keyword : {"password", "sslpassword"}) {
    auto found = parameters->find(keyword);
    // Very short values would match ordinary words; libpq never echoes a password anyway.
    if (found != parameters->end() && found->second.size() >= 3) {
      text = ReplaceAll(text, found->second, "***");
    }
  }
  return text;
}

// Runs `check` for one remote, turning an exception into an errored result, and makes
// sure the result names the remote without secrets.
CheckResult CheckOne(const RemoteSpec& remote,
                     const std::function<CheckResult(const RemoteSpec&)>& check) {
  CheckResult result;
  try {
    result = check(remote);
  } catch (const std::exception& error) {
    result = CheckResult{};
    result.exit_code = kExitError;
    result.error = error.what();
  } catch (...) {
    result = CheckResult{};
    result.exit_code = kExitError;
    result.error = "unknown error";
  }
  if (!remote.label.empty() || result.remote.empty()) result.remote = DisplayName(remote);
  if (!result.error.empty()) result.exit_code = kExitError;
  result.error = ScrubSecrets(std::move(result.error), remote.source);
  result.description = ScrubSecrets(std::move(result.description), remote.source);
  return result;
}

enum class FleetStatus { kInSync, kDrifted, kError };

FleetStatus StatusOf(const CheckResult& result) {
  if (result.exit_code == kExitError || !result.error.empty()) return FleetStatus::kError;
  return result.drift() ? FleetStatus::kDrifted : FleetStatus::kInSync;
}

// "3 objects (1 remote_only, 2 changed)" for the not-ignored findings of `subject`, whose
// categories start with `prefix` (dropped in the breakdown); "" when there are none.
std::string DescribeSubject(const CheckResult& result, FindingSubject subject,
                            std::string_view prefix, std::string_view singular,
                            std::string_view plural) {
  int total = 0;
  for (const Finding& finding : result.findings) total += !finding.ignored && finding.subject == subject;
  if (total == 0) return "";
  std::vector<std::string> parts;
  for (std::string_view category : FindingCategories()) {
    if (!prefix.empty() && !category.starts_with(prefix)) continue;
    int count = 0;
    for (const Finding& finding : result.findings) {
      count += !finding.ignored && finding.subject == subject && finding.category == category;
    }
    if (count > 0) parts.push_back(StrCat(count, " ", category.substr(prefix.size())));
  }
  return StrCat(Plural(total, singular, plural), " (", StrJoin(parts, ", "), ")");
}

// What a result found: "in sync", or what drifted, then how many findings are ignored.
std::string DescribeResult(const CheckResult& result) {
  if (StatusOf(result) == FleetStatus::kError) return result.error.empty() ? "error" : result.error;
  std::vector<std::string> drifted;
  for (std::string part :
       {DescribeSubject(result, FindingSubject::kObject, "", "object", "objects"),
        DescribeSubject(result, FindingSubject::kVersion, "history_", "history version",
                        "history versions"),
        DescribeSubject(result, FindingSubject::kChainFile, "chain_", "chain file",
                        "chain files")}) {
    if (!part.empty()) drifted.push_back(std::move(part));
  }
  std::string text = drifted.empty() ? "in sync" : StrJoin(drifted, ", ");
  if (!drifted.empty() && result.FailingCount() == 0) StrAppend(&text, "; none failing");
  if (int ignored = result.IgnoredCount(); ignored > 0) StrAppend(&text, "; ", ignored, " ignored");
  return text;
}

// The remote's name as a summary shows it (never with a secret).
std::string SummaryName(const CheckResult& result) {
  if (result.remote.empty()) return "(chain)";
  return introspect::RedactConnectionString(result.remote);
}

size_t Columns(std::string_view text) {
  size_t columns = 0;
  for (char c : text) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return columns;
}

struct Totals {
  int in_sync = 0;
  int drifted = 0;
  int errors = 0;
};

Totals CountStatuses(const std::vector<CheckResult>& results) {
  Totals totals;
  for (const CheckResult& result : results) {
    switch (StatusOf(result)) {
      case FleetStatus::kInSync:
        ++totals.in_sync;
        break;
      case FleetStatus::kDrifted:
        ++totals.drifted;
        break;
      case FleetStatus::kError:
        ++totals.errors;
        break;
    }
  }
  return totals;
}

}  // namespace

absl::StatusOr<std::vector<RemoteSpec>> ParseRemotesFile(std::string_view text,
                                                         std::string_view path) {
  std::vector<RemoteSpec> remotes;
  std::map<std::string, int> label_lines;
  std::vector<std::string> lines = StrSplit(text, '\n');
  for (size_t index = 0; index < lines.size(); ++index) {
    std::string_view raw = lines[index];
    if (raw.ends_with('\r')) raw.remove_suffix(1);
    std::string_view line = Trim(raw);
    if (line.empty() || line.starts_with('#')) continue;
    SourceSpan span{.file = std::string(path),
                    .line = static_cast<int>(index) + 1,
                    .column = static_cast<int>(line.data() - raw.data()) + 1};
    RemoteSpec remote;
    if (size_t label_length = LabelLength(line); label_length > 0) {
      remote.label = std::string(line.substr(0, label_length - 1));
      auto [previous, inserted] = label_lines.emplace(remote.label, span.line);
      if (!inserted) {
        return InputError(absl::StatusCode::kInvalidArgument, span,
                          StrCat("duplicate label \"", remote.label, "\" (first used on line ",
                                 previous->second, ")"));
      }
      std::string_view rest = line.substr(label_length);
      std::string_view source = Trim(rest);
      span.column += static_cast<int>(label_length + (source.data() - rest.data()));
      line = source;
    }
    if (line.empty()) {
      return InputError(absl::StatusCode::kInvalidArgument, span,
                        StrCat("remote \"", remote.label, "\" has no source"));
    }
    PGDRIFT_ASSIGN_OR_RETURN(remote.source, ExpandVariables(line, span));
    if (Trim(remote.source).empty()) {
      return InputError(absl::StatusCode::kInvalidArgument, span,
                        "the source is empty once environment variables are replaced");
    }
    remotes.push_back(std::move(remote));
  }
  return remotes;
}

std::vector<CheckResult> CheckConcurrently(const std::vector<RemoteSpec>& remotes, int jobs,
                                           const std::function<CheckResult(const RemoteSpec&)>& check,
                                           const Output* progress) {
  std::vector<CheckResult> results(remotes.size());
  if (remotes.empty()) return results;
  size_t workers = std::min(remotes.size(), static_cast<size_t>(std::max(jobs, 1)));
  ProgressBar bar(progress, "checking databases", remotes.size());
  bar.Start();
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t index = next++; index < remotes.size(); index = next++) {
      results[index] = CheckOne(remotes[index], check);
      bar.Done(DisplayName(remotes[index]));
    }
  };
  {
    std::vector<std::jthread> threads;
    threads.reserve(workers - 1);
    for (size_t i = 1; i < workers; ++i) threads.emplace_back(work);
    work();
  }  // joins the workers
  bar.Clear();
  return results;
}

void PrintFleetSummary(const std::vector<CheckResult>& results, const Output& out) {
  size_t name_width = 0;
  for (const CheckResult& result : results) name_width = std::max(name_width, Columns(SummaryName(result)));
  for (const CheckResult& result : results) {
    std::string_view word;
    std::string_view color;
    switch (StatusOf(result)) {
      case FleetStatus::kInSync:
        word = "ok";
        color = "32";
        break;
      case FleetStatus::kDrifted:
        word = "drift";
        color = "33";
        break;
      case FleetStatus::kError:
        word = "error";
        color = "31";
        break;
    }
    std::string name = SummaryName(result);
    // Padding is added outside the colour codes so that the columns line up either way.
    *out.stream << out.Paint(color, word) << std::string(6 - word.size(), ' ') << name
                << std::string(name_width - Columns(name) + 2, ' ') << DescribeResult(result)
                << "\n";
  }
  Totals totals = CountStatuses(results);
  *out.stream << Plural(static_cast<int>(results.size()), "database", "databases") << ": "
              << totals.in_sync << " in sync, " << totals.drifted << " drifted, "
              << Plural(totals.errors, "error", "errors") << "\n";
}

nlohmann::ordered_json FleetJson(
    const std::vector<CheckResult>& results,
    const std::function<nlohmann::ordered_json(const CheckResult&)>& drift_json) {
  nlohmann::ordered_json databases = nlohmann::ordered_json::array();
  for (const CheckResult& result : results) {
    nlohmann::ordered_json database;
    database["remote"] = result.remote;
    database["description"] = result.description;
    database["exit_code"] = result.exit_code;
    if (!result.error.empty()) database["error"] = result.error;
    database["result"] = drift_json(result);
    databases.push_back(std::move(database));
  }
  Totals totals = CountStatuses(results);
  nlohmann::ordered_json summary;
  summary["databases"] = results.size();
  summary["in_sync"] = totals.in_sync;
  summary["drifted"] = totals.drifted;
  summary["errors"] = totals.errors;
  nlohmann::ordered_json document;
  document["format"] = "pgdrift.fleet/v1";
  document["databases"] = std::move(databases);
  document["summary"] = std::move(summary);
  return document;
}

}  // namespace pgdrift::cli
