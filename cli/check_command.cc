#include "cli/check_command.h"

#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>

#include "base/strings.h"
#include "cli/chain_revision.h"
#include "cli/check_findings.h"
#include "cli/check_github.h"
#include "cli/check_junit.h"
#include "cli/check_sarif.h"
#include "cli/diagnostics_printer.h"
#include "cli/drift_json.h"
#include "cli/drift_text.h"
#include "cli/exit_code.h"
#include "cli/fleet.h"
#include "diff/compare.h"
#include "diff/history_diff.h"
#include "introspect/connection_string.h"

namespace pgdrift::cli {
namespace {

constexpr std::string_view kGitPrefix = "git:";

// What every remote's check shares: the local chain (loaded once), the rules, the chain
// findings of --against.
struct CheckContext {
  const CheckOptions* options = nullptr;
  const LoadedSource* local = nullptr;
  bool local_is_chain = false;
  std::string newest_file;
  IgnoreRules rules;
  std::set<std::string> fail_on;
  std::vector<Finding> chain_findings;
  // Serialises what the concurrent checks print to `err`.
  std::mutex* err_mutex = nullptr;
  const Output* err = nullptr;
};

void PrintError(const Output& err, std::string_view message) {
  *err.stream << err.Paint("1;31", "error") << ": " << message << "\n";
}

// The message of `status` (Abseil's own string_view type converted).
std::string Message(const absl::Status& status) { return std::string(status.message()); }

// Reads a whole file, or says why it cannot.
absl::StatusOr<std::string> ReadFile(const std::string& path, std::string_view what) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return absl::NotFoundError(StrCat("could not open ", what, " \"", path, "\""));
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

// The chain's newest migration file: where findings without a local side point.
std::string NewestFile(const LoadedSource& local) {
  for (auto it = local.local_migrations.rbegin(); it != local.local_migrations.rend(); ++it) {
    if (!it->repeatable) return it->path;
  }
  return local.local_migrations.empty() ? "" : local.local_migrations.back().path;
}

// Loads one remote, compares it with the local chain, and applies the rules.
CheckResult CheckRemote(const RemoteSpec& spec, const CheckContext& context) {
  const CheckOptions& options = *context.options;
  CheckResult result;
  std::string redacted = introspect::RedactConnectionString(spec.source);
  result.remote = spec.label.empty() ? redacted : spec.label;
  // The remote is read with the local side's profile, so both agree on scope, and its
  // history from the table of the chain's tool.
  SourceOptions remote_options = options.source_options;
  remote_options.profile = context.local->profile;
  if (context.local_is_chain) remote_options.layout = context.local->layout;
  absl::StatusOr<LoadedSource> remote = LoadSource(spec.source, remote_options);
  if (!remote.ok()) {
    result.exit_code = kExitError;
    result.error = introspect::RedactSourceIn(Message(remote.status()), spec.source);
    return result;
  }
  if (!remote->diagnostics.diagnostics().empty()) {
    std::ostringstream printed;
    Output buffer{&printed, context.err->color};
    PrintDiagnostics(remote->diagnostics.diagnostics(), options.verbose, buffer);
    std::lock_guard<std::mutex> lock(*context.err_mutex);
    *context.err->stream << introspect::RedactSourceIn(printed.str(), spec.source);
  }
  if (remote->diagnostics.error_count() > 0) {
    result.exit_code = kExitError;
    for (const Diagnostic& diagnostic : remote->diagnostics.diagnostics()) {
      if (diagnostic.severity != Severity::kError) continue;
      result.error = introspect::RedactSourceIn(StrCat("the remote could not be read: ", diagnostic.ToString()), spec.source);
      break;
    }
    return result;
  }

  diff::CompareOptions compare_options;
  compare_options.compare_owners = options.compare_owners;
  compare_options.include_managed = options.include_managed;
  diff::ChangeSet changes = diff::Compare(context.local->catalog, remote->catalog, compare_options);
  std::optional<diff::HistoryReport> history;
  if (remote->history.has_value()) {
    history = diff::CompareHistory(context.local->local_migrations, *remote->history);
  }
  std::string remote_name = std::move(result.remote);
  result = BuildCheckResult(changes, history ? &*history : nullptr, context.newest_file);
  result.remote = std::move(remote_name);
  result.description = introspect::RedactSourceIn(remote->description, spec.source);
  result.findings.insert(result.findings.end(), context.chain_findings.begin(),
                         context.chain_findings.end());
  ApplyRules(context.rules, context.fail_on, &result);
  return result;
}

// The ignore rules: --ignore-file (else the .pgdriftignore found from --local), then the
// --ignore patterns.
absl::Status LoadRules(const CheckOptions& options, IgnoreRules* rules) {
  std::optional<std::string> file =
      options.ignore_file.empty() ? FindIgnoreFile(options.local) : std::optional(options.ignore_file);
  if (file.has_value()) {
    absl::StatusOr<std::string> text = ReadFile(*file, "ignore file");
    if (!text.ok()) return text.status();
    absl::Status added = rules->AddFile(*text, *file);
    if (!added.ok()) return added;
  }
  for (const std::string& pattern : options.ignore) {
    absl::Status added = rules->Add(pattern);
    if (!added.ok()) return added;
  }
  return absl::OkStatus();
}

// The remotes of --remote and --remotes-file, in that order.
absl::StatusOr<std::vector<RemoteSpec>> Remotes(const CheckOptions& options) {
  std::vector<RemoteSpec> remotes;
  for (const std::string& remote : options.remotes) remotes.push_back({"", remote});
  if (!options.remotes_file.empty()) {
    absl::StatusOr<std::string> text = ReadFile(options.remotes_file, "remotes file");
    if (!text.ok()) return text.status();
    absl::StatusOr<std::vector<RemoteSpec>> listed = ParseRemotesFile(*text, options.remotes_file);
    if (!listed.ok()) return listed.status();
    remotes.insert(remotes.end(), listed->begin(), listed->end());
  }
  return remotes;
}

// Writes the results in the chosen format to `out`.
void Render(const std::vector<CheckResult>& results, const CheckOptions& options, const Output& out) {
  if (results.empty()) return;
  const bool fleet = results.size() > 1;
  if (options.format == "sarif") {
    *out.stream << CheckSarif(results);
  } else if (options.format == "junit") {
    *out.stream << CheckJunit(results);
  } else if (options.format == "github") {
    *out.stream << CheckGithub(results);
  } else if (options.format == "json") {
    nlohmann::ordered_json json =
        fleet ? FleetJson(results, CheckResultToJson) : CheckResultToJson(results.front());
    *out.stream << json.dump(2) << "\n";
  } else if (!fleet) {
    if (results.front().error.empty()) PrintCheckText(results.front(), out);
  } else {
    if (options.verbose) {
      for (const CheckResult& result : results) {
        *out.stream << out.Paint("1", StrCat("== ", result.remote.empty() ? "(chain)" : result.remote,
                                             " ==")) << "\n";
        PrintCheckText(result, out);
        *out.stream << "\n";
      }
    }
    PrintFleetSummary(results, out);
  }
}

}  // namespace

int RunCheck(const CheckOptions& options, const Output& out, const Output& err) {
  if (options.remotes.empty() && options.remotes_file.empty() && options.against.empty()) {
    PrintError(err, "check needs --remote, --remotes-file or --against");
    return kExitError;
  }
  if (options.jobs < 1) {
    PrintError(err, StrCat("--jobs must be at least 1, not ", options.jobs));
    return kExitError;
  }
  std::optional<std::string> revision;
  if (!options.against.empty()) {
    if (options.against.substr(0, kGitPrefix.size()) != kGitPrefix ||
        options.against.size() == kGitPrefix.size()) {
      PrintError(err, StrCat("--against must be git:REV, not \"", options.against, "\""));
      return kExitError;
    }
    revision = options.against.substr(kGitPrefix.size());
  }

  CheckContext context;
  context.options = &options;
  absl::StatusOr<std::set<std::string>> fail_on = ParseFailOn(options.fail_on);
  if (!fail_on.ok()) {
    PrintError(err, Message(fail_on.status()));
    return kExitError;
  }
  context.fail_on = *std::move(fail_on);
  absl::Status rules = LoadRules(options, &context.rules);
  if (!rules.ok()) {
    PrintError(err, Message(rules));
    return kExitError;
  }
  absl::StatusOr<std::vector<RemoteSpec>> remotes = Remotes(options);
  if (!remotes.ok()) {
    PrintError(err, Message(remotes.status()));
    return kExitError;
  }

  absl::StatusOr<LoadedSource> local = LoadSource(options.local, options.source_options);
  if (!local.ok()) {
    PrintError(err, Message(local.status()));
    return kExitError;
  }
  PrintDiagnostics(local->diagnostics.diagnostics(), options.verbose, err);
  if (local->diagnostics.error_count() > 0) return kExitError;
  context.local = &*local;
  std::error_code error;
  context.local_is_chain = std::filesystem::is_directory(options.local, error);
  context.newest_file = NewestFile(*local);

  if (revision.has_value()) {
    SourceOptions chain_options = options.source_options;
    if (context.local_is_chain) chain_options.layout = local->layout;
    absl::StatusOr<std::vector<Finding>> chain =
        CompareChainWithRevision(options.local, *revision, chain_options);
    if (!chain.ok()) {
      PrintError(err, Message(chain.status()));
      return kExitError;
    }
    context.chain_findings = *std::move(chain);
  }

  std::mutex err_mutex;
  context.err_mutex = &err_mutex;
  context.err = &err;
  std::vector<CheckResult> results;
  if (remotes->empty()) {
    CheckResult result;
    result.findings = context.chain_findings;
    ApplyRules(context.rules, context.fail_on, &result);
    results.push_back(std::move(result));
  } else if (remotes->size() == 1) {
    results.push_back(CheckRemote(remotes->front(), context));
  } else {
    results = CheckConcurrently(
        *remotes, options.jobs, [&context](const RemoteSpec& spec) { return CheckRemote(spec, context); },
        options.progress ? &err : nullptr);
  }
  for (const CheckResult& result : results) {
    if (result.error.empty()) continue;
    bool named = results.size() == 1 || result.error.rfind(result.remote, 0) == 0;
    PrintError(err, named ? result.error : StrCat(result.remote, ": ", result.error));
  }

  std::ostringstream rendered;
  const bool to_file = !options.output.empty();
  Render(results, options, Output{&rendered, !to_file && out.color});
  if (to_file) {
    std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
    file << rendered.str();
    file.close();
    if (!file) {
      PrintError(err, StrCat("could not write \"", options.output, "\""));
      return kExitError;
    }
  } else {
    *out.stream << rendered.str();
  }
  return WorstExitCode(results);
}

}  // namespace pgdrift::cli
