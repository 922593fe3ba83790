#include "cli/apply_command.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "base/strings.h"
#include "cli/diagnostics_printer.h"
#include "cli/drift_text.h"
#include "cli/exit_code.h"
#include "cli/model_json.h"
#include "diff/compare.h"
#include "introspect/connection_string.h"
#include "introspect/executor.h"
#include "nlohmann/json.hpp"
#include "parser/local_migrations.h"
#include "parser/profile.h"
#include "parser/sql_file.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;

using Json = nlohmann::json;

// A statement as it is sent, with the line of the file it starts on.
struct FileStatement {
  std::string text;
  int line = 0;
};

// A step's file read and split.
struct StepFile {
  std::string path;  // relative to the plan directory, as shown
  std::string text;
  std::vector<FileStatement> statements;
};

// What a failed step leaves for the report.
struct StepError {
  std::string message;  // the server's (or the reader's) message
  std::string statement;
  std::string where;    // "push/x.sql:12" or ""
  bool partial = false;  // statements ran outside a transaction and stay applied
};

std::string Error(const Output& err) { return err.Paint("1;31", "error"); }

absl::Status PlanError(const std::string& message) {
  return absl::InvalidArgumentError(StrCat("plan.json: ", message));
}

// Reads a string member; "" when absent, an error when it has another type.
absl::StatusOr<std::string> StringMember(const Json& object, const char* key,
                                         const std::string& where) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::string();
  if (!it->is_string()) return PlanError(StrCat(where, ": \"", key, "\" must be a string"));
  return it->get<std::string>();
}

// Whether `path` is a relative path that stays inside the plan directory.
bool InsidePlanDirectory(const std::string& path) {
  if (path.empty()) return false;
  fs::path p(path);
  if (p.is_absolute()) return false;
  for (const fs::path& part : p) {
    if (part == "..") return false;
  }
  return true;
}

absl::StatusOr<PlanStep> ParseStep(const Json& item, size_t index) {
  std::string where = StrCat("step ", index + 1);
  if (!item.is_object()) return PlanError(StrCat(where, ": not an object"));
  PlanStep step;
  auto order = item.find("order");
  if (order == item.end() || !order->is_number_integer()) {
    return PlanError(StrCat(where, ": \"order\" must be an integer"));
  }
  step.order = order->get<int>();
  where = StrCat("step ", step.order);
  absl::StatusOr<std::string> text = StringMember(item, "action", where);
  if (!text.ok()) return text.status();
  step.action = *text;
  for (auto [key, field] : {std::pair{"version", &step.version}, std::pair{"name", &step.name},
                            std::pair{"file", &step.file}}) {
    text = StringMember(item, key, where);
    if (!text.ok()) return text.status();
    *field = *text;
  }
  if (step.action != "add_file" && step.action != "rename_file" && step.action != "repair" &&
      step.action != "push" && step.action != "migrate") {
    return PlanError(StrCat(where, ": unknown action \"", step.action,
                            "\" (add_file, rename_file, repair, push, migrate)"));
  }
  // A rename_file step names no file of the plan directory: it renames a local file.
  if (step.action == "rename_file") return step;
  if (step.file.empty()) return PlanError(StrCat(where, ": \"file\" is missing"));
  if (!InsidePlanDirectory(step.file)) {
    return PlanError(StrCat(where, ": file \"", step.file,
                            "\" must be a relative path inside the plan directory"));
  }
  if (step.action != "repair" && step.version.empty()) {
    return PlanError(StrCat(where, ": \"version\" is missing"));
  }
  for (char c : step.version) {
    if (c < '0' || c > '9') {
      return PlanError(StrCat(where, ": version \"", step.version, "\" is not a number"));
    }
  }
  if (auto transactional = item.find("transactional"); transactional != item.end()) {
    if (!transactional->is_boolean()) {
      return PlanError(StrCat(where, ": \"transactional\" must be true or false"));
    }
    step.transactional = transactional->get<bool>();
  }
  if (auto versions = item.find("versions"); versions != item.end()) {
    if (!versions->is_array()) return PlanError(StrCat(where, ": \"versions\" must be an array"));
    for (const Json& entry : *versions) {
      if (!entry.is_object()) {
        return PlanError(StrCat(where, ": each of \"versions\" must be an object"));
      }
      RepairVersion repair;
      for (auto [key, field] : {std::pair{"version", &repair.version},
                                std::pair{"status", &repair.status}, std::pair{"why", &repair.why}}) {
        text = StringMember(entry, key, where);
        if (!text.ok()) return text.status();
        *field = *text;
      }
      if (repair.version.empty()) return PlanError(StrCat(where, ": a repaired version is empty"));
      if (repair.status != "applied" && repair.status != "reverted") {
        return PlanError(StrCat(where, ": repair status \"", repair.status,
                                "\" of version ", repair.version,
                                " must be \"applied\" or \"reverted\""));
      }
      step.versions.push_back(std::move(repair));
    }
  }
  if (auto statements = item.find("statements"); statements != item.end() && statements->is_array()) {
    for (const Json& statement : *statements) {
      if (statement.is_object() && statement.value("commented_out", false)) ++step.commented_out;
    }
  }
  return step;
}

std::string StepLabel(const PlanStep& step) {
  if (step.action == "repair") return StrCat("repair (", step.file, ")");
  std::string label = StrCat(step.action, " ", step.version);
  if (!step.name.empty()) StrAppend(&label, "_", step.name);
  return StrCat(label, " (", step.file, ")");
}

// The UTC time as 20260121T143005Z.
std::string CurrentUtcTimestamp() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

absl::StatusOr<std::string> ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(StrCat(path.string(), ": no such file"));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Splits a step's file into the statements to send, with their lines. A file libpg_query
// cannot split cleanly is sent whole, as psql -1 would.
StepFile SplitStepFile(const std::string& display_path, std::string text) {
  StepFile file;
  file.path = display_path;
  file.text = text;
  DiagnosticSink sink;
  parser::ParsedFile parsed = parser::ParseSqlFile({display_path, std::move(text)}, &sink);
  if (parsed.syntax_errors > 0) {
    if (!Trim(file.text).empty()) file.statements.push_back({file.text, 1});
    return file;
  }
  for (const parser::Statement& statement : parsed.statements) {
    file.statements.push_back({std::string(statement.text), statement.span.line});
  }
  return file;
}

// The redacted command that resumes the run.
std::string ResumeCommand(const ApplyOptions& options) {
  std::string command = StrCat("pgdrift apply ", options.plan_dir);
  if (!options.remote.empty()) {
    StrAppend(&command, " --remote '", introspect::RedactConnectionString(options.remote), "'");
  }
  return StrCat(command, " --yes");
}

parser::Profile ProfileFor(const ApplyOptions& options, const ApplyPlan& plan) {
  if (options.source_options.profile) return *options.source_options.profile;
  return plan.history_tool == "supabase" ? parser::Profile::kSupabase : parser::Profile::kPostgres;
}

// Loads a source; prints its problems; nullopt when it cannot be used.
std::optional<LoadedSource> Load(const std::string& argument, const SourceOptions& options,
                                 const Output& err) {
  absl::StatusOr<LoadedSource> source = LoadSource(argument, options);
  if (!source.ok()) {
    *err.stream << Error(err) << ": " << source.status().message() << "\n";
    return std::nullopt;
  }
  PrintDiagnostics(source->diagnostics.diagnostics(), false, err);
  if (source->diagnostics.error_count() > 0) return std::nullopt;
  return std::move(source).value();
}

// Writes the remote's model to PLAN_DIR/snapshot-before-<UTC>.json; returns the path.
std::optional<std::string> TakeSnapshot(const ApplyOptions& options, const SourceOptions& source,
                                        const Output& err) {
  std::optional<LoadedSource> remote = Load(options.remote, source, err);
  if (!remote) return std::nullopt;
  std::string stamp = options.utc_timestamp ? options.utc_timestamp() : CurrentUtcTimestamp();
  fs::path path = fs::path(options.plan_dir) / StrCat("snapshot-before-", stamp, ".json");
  for (int n = 2; fs::exists(path); ++n) {
    path = fs::path(options.plan_dir) / StrCat("snapshot-before-", stamp, "-", n, ".json");
  }
  std::ofstream file(path, std::ios::binary);
  file << ModelToJson(remote->catalog).dump(2) << "\n";
  file.close();
  if (!file) {
    *err.stream << Error(err) << ": could not write " << path.string() << "\n";
    return std::nullopt;
  }
  return path.string();
}

StepError FromSession(const introspect::WriteSession& session, const absl::Status& status,
                      const StepFile& file, int first_index = 0) {
  StepError error;
  const std::optional<introspect::StatementFailure>& failure = session.failure();
  if (!failure.has_value()) {
    error.message = std::string(status.message());
    return error;
  }
  error.message = failure->sqlstate.empty()
                      ? failure->message
                      : StrCat(failure->message, " (SQLSTATE ", failure->sqlstate, ")");
  error.statement = failure->statement;
  int index = failure->index < 0 ? -1 : failure->index + first_index;
  if (index >= 0 && index < static_cast<int>(file.statements.size())) {
    error.where = StrCat(file.path, ":", file.statements[index].line);
  }
  return error;
}

std::vector<std::string> Texts(const StepFile& file) {
  std::vector<std::string> texts;
  for (const FileStatement& statement : file.statements) texts.push_back(statement.text);
  return texts;
}

// Runs one push or migrate step; nullopt when it succeeded.
std::optional<StepError> RunMigrationStep(introspect::WriteSession& session, const PlanStep& step,
                                          const StepFile& file) {
  introspect::MigrationRecord record{step.version, step.name,
                                     parser::SplitStatementsForHistory(file.text)};
  if (step.transactional) {
    absl::Status status = session.RunTransaction(Texts(file), record);
    if (status.ok()) return std::nullopt;
    return FromSession(session, status, file);
  }
  for (size_t i = 0; i < file.statements.size(); ++i) {
    absl::Status status = session.RunOutsideTransaction(file.statements[i].text);
    if (!status.ok()) {
      StepError error = FromSession(session, status, file, static_cast<int>(i));
      error.partial = i > 0;
      return error;
    }
  }
  absl::Status status = session.RecordSupabaseMigration(record);
  if (status.ok()) return std::nullopt;
  StepError error = FromSession(session, status, file);
  error.partial = !file.statements.empty();
  return error;
}

// Whether `step` changes only the local chain (a file to add or rename), not the database.
bool ForLocalChainOnly(const PlanStep& step) {
  return step.action == "add_file" || step.action == "rename_file";
}

void PrintWouldRun(const ApplyPlan& plan, const ApplyOptions& options, const Output& err) {
  *err.stream << "apply would run " << plan.steps.size() << " step"
              << (plan.steps.size() == 1 ? "" : "s") << " of " << options.plan_dir
              << "/plan.json on " << introspect::RedactConnectionString(options.remote) << ":\n";
  for (const PlanStep& step : plan.steps) {
    *err.stream << "  " << step.order << ". " << StepLabel(step);
    if (ForLocalChainOnly(step)) {
      *err.stream << ": nothing to run (a change to the local chain)";
    } else if (step.action == "repair") {
      *err.stream << ": one transaction on the history table";
    } else {
      *err.stream << (step.transactional ? ": one transaction with its history row"
                                         : ": statement by statement, then its history row");
    }
    *err.stream << "\n";
  }
  *err.stream << Error(err)
              << ": refusing to write to the database without --yes; nothing was written\n";
}

// The end check: the remote against target.json, its history against the plan. Returns
// the exit code.
int CheckConverged(const ApplyOptions& options, const ApplyPlan& plan, const SourceOptions& source,
                   introspect::WriteSession& session, const Output& out, const Output& err) {
  std::string target_path = (fs::path(options.plan_dir) / plan.target).string();
  std::optional<LoadedSource> target = Load(target_path, source, err);
  if (!target) return kExitError;
  std::optional<LoadedSource> remote = Load(options.remote, source, err);
  if (!remote) return kExitError;
  diff::ChangeSet changes = diff::Compare(target->catalog, remote->catalog);

  absl::StatusOr<std::set<std::string>> recorded = session.RecordedSupabaseVersions();
  if (!recorded.ok()) {
    *err.stream << Error(err) << ": reading the history: " << recorded.status().message() << "\n";
    return kExitError;
  }
  std::vector<std::string> history_problems;
  int commented_out = 0;
  for (const PlanStep& step : plan.steps) {
    commented_out += step.commented_out;
    if (step.action == "push" || step.action == "migrate") {
      if (!recorded->contains(step.version)) {
        history_problems.push_back(StrCat("version ", step.version, " is not recorded"));
      }
    } else if (step.action == "repair") {
      for (const RepairVersion& version : step.versions) {
        bool is_recorded = recorded->contains(version.version);
        if (version.status == "applied" && !is_recorded) {
          history_problems.push_back(StrCat("version ", version.version, " is not recorded"));
        } else if (version.status == "reverted" && is_recorded) {
          history_problems.push_back(
              StrCat("version ", version.version, " is still recorded (repair reverts it)"));
        }
      }
    }
  }

  if (changes.empty() && history_problems.empty()) {
    *out.stream << "converged: the remote matches " << plan.target
                << " and its history records every version the plan expects\n";
    return kExitOk;
  }
  *out.stream << "not converged:\n";
  if (!changes.empty()) PrintDriftText(changes, {plan.target, "the remote"}, out);
  for (const std::string& problem : history_problems) *out.stream << "history: " << problem << "\n";
  if (commented_out > 0) {
    *out.stream << commented_out << " statement" << (commented_out == 1 ? " was" : "s were")
                << " left commented out for its hazards; plan again with --allow-hazard "
                   "data_loss to include them\n";
  }
  return kExitDrift;
}

}  // namespace

absl::StatusOr<ApplyPlan> ParseApplyPlan(std::string_view json_text) {
  Json document = Json::parse(json_text, nullptr, false);
  if (document.is_discarded()) return PlanError("not valid JSON");
  if (!document.is_object()) return PlanError("not a JSON object");
  absl::StatusOr<std::string> format = StringMember(document, "format", "the plan");
  if (!format.ok()) return format.status();
  if (*format != kPlanFormat) {
    return PlanError(StrCat("unsupported format \"", *format, "\" (pgdrift apply reads ",
                            kPlanFormat, ")"));
  }
  ApplyPlan plan;
  for (auto [key, field] : {std::pair{"direction", &plan.direction},
                            std::pair{"remote", &plan.remote}, std::pair{"target", &plan.target}}) {
    absl::StatusOr<std::string> text = StringMember(document, key, "the plan");
    if (!text.ok()) return text.status();
    *field = *text;
  }
  if (plan.target.empty()) plan.target = "target.json";
  if (!InsidePlanDirectory(plan.target)) {
    return PlanError(StrCat("target \"", plan.target,
                            "\" must be a relative path inside the plan directory"));
  }
  plan.history_tool = "supabase";
  plan.history_table = "supabase_migrations.schema_migrations";
  if (auto history = document.find("history"); history != document.end() && history->is_object()) {
    absl::StatusOr<std::string> tool = StringMember(*history, "tool", "history");
    if (!tool.ok()) return tool.status();
    if (!tool->empty()) plan.history_tool = *tool;
    absl::StatusOr<std::string> table = StringMember(*history, "table", "history");
    if (!table.ok()) return table.status();
    if (!table->empty()) plan.history_table = *table;
  }
  if (plan.history_tool != "supabase") {
    return PlanError(StrCat("history tool \"", plan.history_tool,
                            "\" is not supported by apply (it records supabase history only)"));
  }
  auto steps = document.find("steps");
  if (steps == document.end() || !steps->is_array()) {
    return PlanError("\"steps\" must be an array");
  }
  for (size_t i = 0; i < steps->size(); ++i) {
    absl::StatusOr<PlanStep> step = ParseStep((*steps)[i], i);
    if (!step.ok()) return step.status();
    if (!plan.steps.empty() && step->order <= plan.steps.back().order) {
      return PlanError(StrCat("step ", step->order, " comes after step ",
                              plan.steps.back().order, ": orders must increase"));
    }
    plan.steps.push_back(*std::move(step));
  }
  return plan;
}

int RunApply(const ApplyOptions& options, const Output& out, const Output& err) {
  fs::path plan_json = fs::path(options.plan_dir) / "plan.json";
  absl::StatusOr<std::string> text = ReadText(plan_json);
  if (!text.ok()) {
    *err.stream << Error(err) << ": " << options.plan_dir
                << ": not a plan directory (no plan.json); nothing was written\n";
    return kExitError;
  }
  absl::StatusOr<ApplyPlan> plan = ParseApplyPlan(*text);
  if (!plan.ok()) {
    *err.stream << Error(err) << ": " << options.plan_dir << "/" << plan.status().message()
                << "; nothing was written\n";
    return kExitError;
  }
  for (const PlanStep& step : plan->steps) {
    if (step.action == "rename_file") continue;
    if (!fs::is_regular_file(fs::path(options.plan_dir) / step.file)) {
      *err.stream << Error(err) << ": " << options.plan_dir << "/" << step.file
                  << ": no such file (step " << step.order << "); nothing was written\n";
      return kExitError;
    }
  }
  if (!options.yes) {
    PrintWouldRun(*plan, options, err);
    return kExitError;
  }

  SourceOptions source;
  source.profile = ProfileFor(options, *plan);
  std::optional<std::string> snapshot = TakeSnapshot(options, source, err);
  if (!snapshot) {
    *err.stream << "nothing was written\n";
    return kExitError;
  }
  *err.stream << "snapshot of the remote before apply: " << *snapshot << "\n";

  introspect::ExecutorOptions executor;
  executor.connection_string = options.remote;
  executor.statement_timeout = options.statement_timeout;
  executor.lock_timeout = options.lock_timeout;
  absl::StatusOr<std::unique_ptr<introspect::WriteSession>> session =
      introspect::OpenWriteSession(executor);
  if (!session.ok()) {
    *err.stream << Error(err) << ": " << session.status().message() << "; nothing was written\n";
    return kExitError;
  }
  absl::StatusOr<std::set<std::string>> recorded = (*session)->RecordedSupabaseVersions();
  if (!recorded.ok()) {
    *err.stream << Error(err) << ": reading the history: " << recorded.status().message()
                << "; nothing was written\n";
    return kExitError;
  }

  size_t total = plan->steps.size();
  int last_good = 0;
  for (size_t i = 0; i < total; ++i) {
    const PlanStep& step = plan->steps[i];
    std::string prefix = StrCat("[", i + 1, "/", total, "] ", StepLabel(step));
    if (ForLocalChainOnly(step)) {
      *err.stream << prefix << ": nothing to run (a change to the local chain)\n";
      last_good = step.order;
      continue;
    }
    // repair.sql is idempotent (upserts and deletes), so it runs again on a resume: a
    // modified version is recorded already, only with its old statements.
    bool done = step.action != "repair" && recorded->contains(step.version);
    if (done) {
      *err.stream << prefix << ": skipped (already in the history)\n";
      last_good = step.order;
      continue;
    }
    fs::path path = fs::path(options.plan_dir) / step.file;
    absl::StatusOr<std::string> file_text = ReadText(path);
    if (!file_text.ok()) {
      *err.stream << Error(err) << ": " << file_text.status().message() << "\n";
      return kExitError;
    }
    StepFile file = SplitStepFile(step.file, *std::move(file_text));
    auto started = std::chrono::steady_clock::now();
    std::optional<StepError> failed;
    if (step.action == "repair") {
      absl::Status status = (*session)->RunTransaction(Texts(file));
      if (!status.ok()) failed = FromSession(**session, status, file);
    } else {
      failed = RunMigrationStep(**session, step, file);
    }
    if (failed) {
      *err.stream << prefix << ": failed\n";
      *err.stream << Error(err) << ": step " << step.order << " (" << StepLabel(step)
                  << ") failed";
      if (!failed->where.empty()) *err.stream << " at " << failed->where;
      *err.stream << ": " << failed->message << "\n";
      if (!failed->statement.empty()) {
        *err.stream << "  statement: " << std::string(Trim(failed->statement)) << "\n";
      }
      if (failed->partial) {
        *err.stream << "the statements of step " << step.order
                    << " before this one ran outside a transaction and stay applied; ";
      } else {
        *err.stream << "step " << step.order << " was rolled back; ";
      }
      if (last_good > 0) {
        *err.stream << "the database is at the last good step, step " << last_good << "\n";
      } else {
        *err.stream << "no step of the plan was applied\n";
      }
      *err.stream << "fix the cause, then resume with the same command (completed steps are "
                     "skipped):\n  "
                  << ResumeCommand(options) << "\n";
      return kExitError;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
                         .count();
    std::ostringstream elapsed;
    elapsed.precision(2);
    elapsed << std::fixed << seconds;
    *err.stream << prefix << ": done (" << file.statements.size() << " statement"
                << (file.statements.size() == 1 ? "" : "s") << ", " << elapsed.str() << "s)\n";
    if (step.action == "repair") {
      for (const RepairVersion& version : step.versions) {
        if (version.status == "applied") {
          recorded->insert(version.version);
        } else {
          recorded->erase(version.version);
        }
      }
    } else {
      recorded->insert(step.version);
    }
    last_good = step.order;
  }
  return CheckConverged(options, *plan, source, **session, out, err);
}

}  // namespace pgdrift::cli
