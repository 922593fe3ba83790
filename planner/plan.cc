#include "planner/plan.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <set>

#include "base/diagnostic.h"
#include "base/plural.h"
#include "base/strings.h"
#include "diff/compare.h"
#include "parser/local_migrations.h"
#include "parser/replay.h"
#include "planner/chain_order.h"
#include "planner/placeholder.h"
#include "planner/verify.h"

namespace pgdrift::planner {
namespace {

using diff::VersionStatus;

constexpr char kSupabaseHistoryTable[] = "supabase_migrations.schema_migrations";

// A migration of the chain as it will be: a local file (at its version, or at the remote
// version it is renamed to) or a file the plan adds for a remote-only version.
struct ChainEntry {
  std::string version;
  bool repeatable = false;
  const parser::MigrationFile* file = nullptr;  // a local file
  int added = -1;                               // index into the added files
};

// A file the plan adds for a remote-only version.
struct AddedFile {
  std::string version;
  std::string name;
  std::string path;  // relative to the plan directory
  bool recovered = false;
  std::vector<RecoveredStatement> statements;  // recovered
  // For each statement, whether it is left out (commented) of the chain.
  std::vector<bool> excluded;
};

// The result of replaying the chain as it will be.
struct CombinedReplay {
  model::Catalog catalog;
  // Errors in local files (not in added ones), as "path:line:col: message".
  std::vector<std::string> chain_errors;
  // For each added file and statement, the error it raised ("" if none).
  std::vector<std::vector<std::string>> failures;
};

CombinedReplay ReplayCombined(const model::Catalog& seed, const std::vector<ChainEntry>& entries,
                              const std::vector<AddedFile>& added) {
  CombinedReplay result;
  result.failures.resize(added.size());
  DiagnosticSink sink;
  parser::Replayer replayer(seed, &sink);
  for (const ChainEntry& entry : entries) {
    if (entry.file != nullptr) {
      size_t before = sink.diagnostics().size();
      replayer.ReplayFile(entry.file->source);
      for (size_t i = before; i < sink.diagnostics().size(); ++i) {
        const Diagnostic& diagnostic = sink.diagnostics()[i];
        if (diagnostic.severity == Severity::kError) {
          result.chain_errors.push_back(StrCat(diagnostic.span.ToString(), ": ", diagnostic.message));
        }
      }
      continue;
    }
    const AddedFile& file = added[entry.added];
    std::vector<std::string>& failures = result.failures[entry.added];
    failures.assign(file.statements.size(), "");
    for (size_t i = 0; i < file.statements.size(); ++i) {
      if (file.excluded[i]) continue;
      int errors_before = sink.error_count();
      size_t before = sink.diagnostics().size();
      replayer.ReplayFile(parser::SourceFile{file.path, StrCat(file.statements[i].sql, ";\n")});
      if (sink.error_count() == errors_before) continue;
      for (size_t d = before; d < sink.diagnostics().size(); ++d) {
        if (sink.diagnostics()[d].severity == Severity::kError) {
          failures[i] = sink.diagnostics()[d].message;
          break;
        }
      }
    }
  }
  result.catalog = replayer.TakeCatalog();
  return result;
}

// Adds to `remote` what the platform provides (the seed's objects in schemas whose
// contents it manages), since a database is read without them but migrations use them
// (auth.users, auth.uid()).
model::Catalog WithPlatformObjects(model::Catalog remote, const model::Catalog& seed) {
  auto managed = [&seed](const std::string& schema) {
    auto it = seed.schemas.find(schema);
    return it != seed.schemas.end() && it->second.contents_managed;
  };
  for (const auto& [name, schema] : seed.schemas) {
    if (schema.managed || schema.contents_managed) remote.schemas.try_emplace(name, schema);
  }
  for (const auto& [name, extension] : seed.extensions) remote.extensions.try_emplace(name, extension);
  for (const auto& [name, type] : seed.types) {
    if (managed(name.schema)) remote.types.try_emplace(name, type);
  }
  for (const auto& [name, domain] : seed.domains) {
    if (managed(name.schema)) remote.domains.try_emplace(name, domain);
  }
  for (const auto& [name, sequence] : seed.sequences) {
    if (managed(name.schema)) remote.sequences.try_emplace(name, sequence);
  }
  for (const auto& [name, table] : seed.tables) {
    if (managed(name.schema)) remote.tables.try_emplace(name, table);
  }
  for (const auto& [name, index] : seed.indexes) {
    if (managed(name.schema)) remote.indexes.try_emplace(name, index);
  }
  for (const auto& [name, view] : seed.views) {
    if (managed(name.schema)) remote.views.try_emplace(name, view);
  }
  for (const auto& [key, routine] : seed.routines) {
    if (managed(key.name.schema)) remote.routines.try_emplace(key, routine);
  }
  for (const std::string& role : seed.roles) remote.roles.insert(role);
  return remote;
}

// `remote` without the history tables (the one read and Supabase's), and without their
// schema when nothing else lives in it: they belong to the migration tool, not to the
// schema being reconciled.
model::Catalog WithoutHistoryTables(model::Catalog remote, std::string_view history_table) {
  std::set<model::QualifiedName> tables = {{"supabase_migrations", "schema_migrations"}};
  size_t dot = history_table.find('.');
  if (dot != std::string_view::npos) {
    tables.insert({std::string(history_table.substr(0, dot)), std::string(history_table.substr(dot + 1))});
  }
  for (const model::QualifiedName& name : tables) {
    remote.tables.erase(name);
    std::erase_if(remote.indexes, [&name](const auto& entry) { return entry.second.table == name; });
    if (name.schema == "public") continue;
    auto in_schema = [&name](const auto& entry) { return entry.first.schema == name.schema; };
    bool empty = std::none_of(remote.tables.begin(), remote.tables.end(), in_schema) &&
                 std::none_of(remote.views.begin(), remote.views.end(), in_schema) &&
                 std::none_of(remote.sequences.begin(), remote.sequences.end(), in_schema) &&
                 std::none_of(remote.types.begin(), remote.types.end(), in_schema) &&
                 std::none_of(remote.domains.begin(), remote.domains.end(), in_schema) &&
                 std::none_of(remote.routines.begin(), remote.routines.end(),
                              [&name](const auto& entry) { return entry.first.name.schema == name.schema; });
    if (empty) remote.schemas.erase(name.schema);
  }
  return remote;
}

std::string FileName(std::string_view path) {
  return std::filesystem::path(std::string(path)).filename().string();
}

}  // namespace

std::vector<PlanStep> CorrectiveSteps(const Migration& migration, bool allow_data_loss,
                                      const std::string& first_version, std::string_view name,
                                      std::map<std::string, std::string>* files) {
  std::vector<std::vector<PlanStatement>> runs;
  for (const MigrationStep& step : migration.steps) {
    for (const PlannedStatement& statement : step.statements) {
      if (runs.empty() || runs.back().back().statement.transactional != statement.transactional) {
        runs.emplace_back();
      }
      bool commented = statement.hazards.contains(Hazard::kDataLoss) && !allow_data_loss;
      runs.back().push_back({statement, step.object, step.action, commented});
    }
  }
  std::vector<PlanStep> steps;
  int transactional_runs = 0;
  for (size_t i = 0; i < runs.size(); ++i) {
    PlanStep step;
    step.action = PlanAction::kMigrate;
    step.version = AddSeconds(first_version, static_cast<int>(i));
    step.transactional = runs[i].front().statement.transactional;
    if (step.transactional) {
      ++transactional_runs;
      step.name = transactional_runs == 1 ? std::string(name) : StrCat(name, "_", transactional_runs);
    } else {
      step.name = StrCat(name, "_concurrently");
    }
    step.file = StrCat("migrations/", step.version, "_", step.name, ".sql");
    step.statements = runs[i];
    std::vector<PlannedStatement> statements;
    for (const PlanStatement& statement : runs[i]) statements.push_back(statement.statement);
    std::string text = StrCat(
        "-- Corrective migration written by pgdrift plan: brings the remote to the schema the\n"
        "-- local chain builds. Idempotent: it replays without error or effect where the schema\n"
        "-- is already there, so it is also added to the local chain.\n",
        step.transactional ? ""
                           : "-- Runs outside a transaction, one statement at a time.\n",
        "\n", StatementsSql(statements, allow_data_loss));
    (*files)[step.file] = std::move(text);
    steps.push_back(std::move(step));
  }
  return steps;
}

std::string_view PlanDirectionName(PlanDirection direction) {
  return direction == PlanDirection::kPush ? "push" : "pull";
}

std::string_view PlanActionName(PlanAction action) {
  switch (action) {
    case PlanAction::kAddFile:
      return "add_file";
    case PlanAction::kRenameFile:
      return "rename_file";
    case PlanAction::kRepair:
      return "repair";
    case PlanAction::kPush:
      return "push";
    case PlanAction::kMigrate:
      return "migrate";
  }
  return "add_file";
}

std::string AddSeconds(std::string_view version, int seconds) {
  bool digits = !version.empty() && std::all_of(version.begin(), version.end(),
                                                [](char c) { return c >= '0' && c <= '9'; });
  if (version.size() == 14 && digits) {
    std::tm tm{};
    tm.tm_year = std::stoi(std::string(version.substr(0, 4))) - 1900;
    tm.tm_mon = std::stoi(std::string(version.substr(4, 2))) - 1;
    tm.tm_mday = std::stoi(std::string(version.substr(6, 2)));
    tm.tm_hour = std::stoi(std::string(version.substr(8, 2)));
    tm.tm_min = std::stoi(std::string(version.substr(10, 2)));
    tm.tm_sec = std::stoi(std::string(version.substr(12, 2)));
    std::time_t time = timegm(&tm) + seconds;
    std::tm out{};
    gmtime_r(&time, &out);
    char buffer[32];
    std::strftime(buffer, sizeof(buffer), "%Y%m%d%H%M%S", &out);
    return buffer;
  }
  if (digits && version.size() < 19) {
    return std::to_string(std::stoull(std::string(version)) + static_cast<unsigned>(seconds));
  }
  return AddSeconds("19700101000000", seconds);
}

absl::StatusOr<Plan> BuildPlan(const PlanInput& input) {
  diff::HistoryReport report;
  if (input.history) report = diff::CompareHistory(parser::LocalMigrations(input.chain), *input.history);
  return BuildPlanFromReport(input, report);
}

absl::StatusOr<Plan> BuildPlanFromReport(const PlanInput& input, const diff::HistoryReport& report) {
  Plan plan;
  plan.direction = input.direction;
  plan.allow_data_loss = input.allow_data_loss;
  bool push = input.direction == PlanDirection::kPush;

  std::vector<model::LocalMigration> local = parser::LocalMigrations(input.chain);
  if (input.history) {
    plan.history_report = report;
    plan.history_tool = std::string(model::HistoryToolName(input.history->tool));
    plan.history_table = input.history->table;
    if (input.history->tool != model::HistoryTool::kSupabase) {
      plan.notes.push_back(StrCat(
          "The remote history is kept by ", plan.history_tool,
          "; repair.sql and repair.sh are written for the Supabase history table, adapt them."));
    }
  } else {
    plan.notes.push_back(
        "The remote has no migration history (a dump, a snapshot, or a database no tool "
        "migrated): only the schema is planned; no version is pushed, repaired or recovered.");
  }
  std::string history_table = plan.history_table.empty() ? kSupabaseHistoryTable : plan.history_table;

  std::map<std::string, const parser::MigrationFile*> files_by_version;
  std::map<std::string, const model::LocalMigration*> local_by_version;
  std::string newest;
  for (const parser::MigrationFile& file : input.chain.files) {
    if (file.repeatable) continue;
    files_by_version[file.version] = &file;
    if (newest.empty() || diff::VersionLess(newest, file.version)) newest = file.version;
  }
  for (const model::LocalMigration& migration : local) local_by_version[migration.version] = &migration;
  std::map<std::string, const model::HistoryEntry*> rows;
  if (input.history) {
    for (const model::HistoryEntry& entry : input.history->entries) {
      rows[entry.version] = &entry;
      if (newest.empty() || diff::VersionLess(newest, entry.version)) newest = entry.version;
    }
  }

  const model::Catalog remote_schema = WithoutHistoryTables(input.remote, plan.history_table);

  // The chain as it is, to tell its own replay errors from those the added files cause.
  DiagnosticSink chain_sink;
  parser::Replayer chain_replayer(input.seed, &chain_sink);
  for (const parser::MigrationFile& file : input.chain.files) chain_replayer.ReplayFile(file.source);
  if (chain_sink.error_count() > 0) {
    plan.notes.push_back(StrCat("The local chain itself has ", Plural(chain_sink.error_count(), "replay error", "replay errors"),
                                " (see `pgdrift lint`); the plan takes the chain as it replays."));
  }

  // 1. History: remote-only versions become files, pairs become renames.
  std::vector<AddedFile> added;
  std::vector<PlanStep> rename_steps;
  std::map<std::string, std::string> renamed;  // local version → remote version
  std::vector<parser::MigrationFile> pending;
  std::set<std::string> failed_rows;  // pending versions whose remote row failed
  std::vector<RepairEntry> repairs;
  for (const diff::VersionDrift& drift : plan.history_report.versions) {
    switch (drift.status) {
      case VersionStatus::kApplied:
        break;
      case VersionStatus::kRemoteOnly: {
        if (!drift.same_as.empty() && files_by_version.contains(drift.same_as)) {
          const parser::MigrationFile& file = *files_by_version[drift.same_as];
          renamed[drift.same_as] = drift.version;
          PlanStep step;
          step.action = PlanAction::kRenameFile;
          step.version = drift.version;
          step.name = file.name;
          step.source_path = file.path;
          step.file = StrCat(drift.version, "_", file.name, ".sql");
          step.explanation = StrCat(
              "The local file ", file.path, " has the same name and statements as remote version ",
              drift.version, ", which is already applied: rename it to ", step.file,
              " instead of pushing it a second time.");
          step.undo = StrCat("Rename the file back to ", FileName(file.path), ".");
          rename_steps.push_back(std::move(step));
          break;
        }
        AddedFile file;
        file.version = drift.version;
        const model::HistoryEntry* row = rows.contains(drift.version) ? rows[drift.version] : nullptr;
        file.name = row != nullptr && !row->name.empty() ? row->name : "remote_migration";
        file.path = StrCat("migrations/", file.version, "_", file.name, ".sql");
        if (row != nullptr && row->statements && !row->statements->empty()) {
          file.recovered = true;
          for (const std::string& statement : *row->statements) file.statements.push_back({statement, ""});
        }
        file.excluded.assign(file.statements.size(), false);
        added.push_back(std::move(file));
        break;
      }
      case VersionStatus::kLocalOnly:
      case VersionStatus::kOutOfOrder:
        if (!drift.same_as.empty()) break;  // renamed to its remote version
        if (files_by_version.contains(drift.version)) pending.push_back(*files_by_version[drift.version]);
        break;
      case VersionStatus::kModified: {
        const model::LocalMigration* migration =
            local_by_version.contains(drift.version) ? local_by_version[drift.version] : nullptr;
        if (migration == nullptr) break;
        repairs.push_back(
            {drift.version, migration->name, RepairStatus::kApplied, migration->statements, true,
             StrCat("the local file ", migration->path, " was edited after it was applied",
                    drift.detail.empty() ? "" : StrCat(" (", drift.detail, ")"),
                    "; its statements are recorded again, and the corrective migration brings "
                    "the schema to the edited file's effect")});
        break;
      }
      case VersionStatus::kFailed:
        if (files_by_version.contains(drift.version)) {
          pending.push_back(*files_by_version[drift.version]);
          failed_rows.insert(drift.version);
        } else {
          repairs.push_back({drift.version, drift.name, RepairStatus::kReverted, {}, false,
                             StrCat("the remote records this version as not completed (",
                                    drift.detail.empty() ? "failed" : drift.detail,
                                    ") and no local file has it; the row is removed")});
        }
        break;
    }
  }
  // A local file that replays only after a later one (a policy file whose version sorts
  // before the file creating its table) gets a later version: the remote ran them in a
  // working order, so the file is renamed and its history row moved, not rewritten.
  if (chain_sink.error_count() > 0) {
    std::vector<ChainMigration> chain;
    for (const parser::MigrationFile& file : input.chain.files) {
      if (!file.repeatable && !renamed.contains(file.version)) {
        chain.push_back({file.version, file.name, file.source});
      }
    }
    for (const VersionMove& move : ProposeVersionMoves(chain, input.seed)) {
      const parser::MigrationFile& file = *files_by_version[move.version];
      renamed[move.version] = move.new_version;
      PlanStep step;
      step.action = PlanAction::kRenameFile;
      step.version = move.new_version;
      step.name = file.name;
      step.source_path = file.path;
      step.file = StrCat(move.new_version, "_", file.name, ".sql");
      step.explanation = StrCat("The local file ", file.path,
                                " does not replay in version order (", move.first_error,
                                ") but does after version ", move.after, ": rename it to ",
                                step.file, " so that a fresh database replays the chain.");
      step.undo = StrCat("Rename the file back to ", FileName(file.path), ".");
      rename_steps.push_back(std::move(step));
      // Recorded under its new version: the remote ran it already, or (when it was
      // pending) the corrective migration carries its effect.
      bool recorded = rows.contains(move.version);
      if (recorded) {
        repairs.push_back({move.version, file.name, RepairStatus::kReverted, {}, false,
                           StrCat("the file moves to version ", move.new_version)});
      }
      repairs.push_back({move.new_version, file.name, RepairStatus::kApplied,
                         local_by_version[move.version]->statements, false,
                         recorded ? StrCat("the file moved from version ", move.version,
                                           ", which the remote applied")
                                  : StrCat("the file moved from version ", move.version,
                                           "; the corrective migration carries its effect")});
      std::erase_if(pending, [&](const parser::MigrationFile& p) { return p.version == move.version; });
    }
  }
  std::stable_sort(pending.begin(), pending.end(),
                   [](const parser::MigrationFile& a, const parser::MigrationFile& b) {
                     return diff::VersionLess(a.version, b.version);
                   });

  // The chain as it will be: local files (renamed ones at their remote version) and the
  // added files, in version order.
  std::vector<ChainEntry> entries;
  for (const parser::MigrationFile& file : input.chain.files) {
    auto it = renamed.find(file.version);
    entries.push_back({it == renamed.end() ? file.version : it->second, file.repeatable, &file, -1});
  }
  for (size_t i = 0; i < added.size(); ++i) {
    entries.push_back({added[i].version, false, nullptr, static_cast<int>(i)});
  }
  if (!added.empty() || !renamed.empty()) {
    std::stable_sort(entries.begin(), entries.end(), [](const ChainEntry& a, const ChainEntry& b) {
      if (a.repeatable != b.repeatable) return b.repeatable;
      return diff::VersionLess(a.version, b.version);
    });
  }

  // Recovered statements that fail in the chain, or make a local file fail, stay
  // commented out.
  CombinedReplay combined = ReplayCombined(input.seed, entries, added);
  std::vector<std::vector<std::string>> reasons(added.size());
  for (size_t a = 0; a < added.size(); ++a) {
    reasons[a].assign(added[a].statements.size(), "");
    for (size_t i = 0; i < added[a].statements.size(); ++i) {
      if (combined.failures[a][i].empty()) continue;
      added[a].excluded[i] = true;
      reasons[a][i] = combined.failures[a][i];
    }
  }
  std::set<std::string> chain_errors;
  for (const Diagnostic& diagnostic : chain_sink.diagnostics()) {
    if (diagnostic.severity == Severity::kError) {
      chain_errors.insert(StrCat(diagnostic.span.ToString(), ": ", diagnostic.message));
    }
  }
  auto new_errors = [&chain_errors](const CombinedReplay& replay) {
    std::vector<std::string> errors;
    for (const std::string& error : replay.chain_errors) {
      if (!chain_errors.contains(error)) errors.push_back(error);
    }
    return errors;
  };
  combined = ReplayCombined(input.seed, entries, added);
  std::vector<std::string> introduced = new_errors(combined);
  for (size_t a = 0; a < added.size() && !introduced.empty(); ++a) {
    for (size_t i = 0; i < added[a].statements.size() && !introduced.empty(); ++i) {
      if (added[a].excluded[i]) continue;
      added[a].excluded[i] = true;
      CombinedReplay trial = ReplayCombined(input.seed, entries, added);
      std::vector<std::string> remaining = new_errors(trial);
      if (remaining.size() < introduced.size()) {
        reasons[a][i] = StrCat("with it, ", introduced.front());
        combined = std::move(trial);
        introduced = std::move(remaining);
      } else {
        added[a].excluded[i] = false;
      }
    }
  }
  if (!introduced.empty()) {
    plan.notes.push_back(StrCat("With the added files, the local chain has ",
                                Plural(introduced.size(), "new replay error", "new replay errors"),
                                ", first: ", introduced.front()));
  }
  model::Catalog target = std::move(combined.catalog);
  // Remote objects that the chain as it will be does not explain, for the placeholders.
  std::vector<model::ObjectId> unexplained;
  for (const diff::ObjectDrift& drift : diff::Compare(target, remote_schema).objects) {
    if (drift.status == diff::DriftStatus::kRemoteOnly) unexplained.push_back(drift.id);
  }

  std::vector<PlanStep> add_steps;
  for (size_t a = 0; a < added.size(); ++a) {
    AddedFile& file = added[a];
    PlanStep step;
    step.action = PlanAction::kAddFile;
    step.version = file.version;
    step.name = file.name;
    step.file = file.path;
    step.undo = "Delete the file; nothing in the database changed.";
    std::string why_no_repair;
    if (file.recovered) {
      std::vector<RecoveredStatement> statements = file.statements;
      int commented = 0;
      for (size_t i = 0; i < statements.size(); ++i) {
        statements[i].failure = reasons[a][i];
        if (!reasons[a][i].empty()) ++commented;
      }
      std::string text = RecoveredMigration(file.version, file.name, statements);
      plan.files[file.path] = text;
      step.why = "recovered";
      step.explanation = StrCat(
          "Version ", file.version, " is recorded as applied on the remote but no local file has it. ",
          "Its ", Plural(statements.size(), "recorded statement is", "recorded statements are"),
          " recovered into this file",
          commented == 0 ? "."
                         : StrCat("; ", Plural(commented, "statement is", "statements are"),
                                  " commented out because it fails when the chain replays (the reason is in the file)."),
          " No `supabase migration repair --status applied ", file.version,
          "` is used: the row already exists, and the CLI would record the local file's "
          "statements over the ones the remote recorded.");
      if (commented > 0) {
        repairs.push_back({file.version, file.name, RepairStatus::kApplied,
                           parser::SplitStatementsForHistory(text), true,
                           "the recovered file comments out statements that fail in the local chain; "
                           "the row is recorded again with the file's statements so the history "
                           "matches (the original text stays in the file as comments)"});
      }
    } else {
      plan.files[file.path] = PlaceholderMigration(file.version, file.name, unexplained);
      step.why = "placeholder";
      step.explanation = StrCat(
          "Version ", file.version,
          " is recorded as applied on the remote, but its statements were not recorded and no "
          "local file has it: a placeholder keeps the chain aligned with the history and lists "
          "the remote objects no local migration explains. No `supabase migration repair "
          "--status applied ",
          file.version,
          "` is used: the row already exists, and the CLI would record the placeholder's "
          "(empty) statements over it.");
    }
    add_steps.push_back(std::move(step));
  }

  // 2. Push simulation.
  model::Catalog remote = WithPlatformObjects(remote_schema, input.seed);
  PushSimulation simulation = SimulatePush(remote, pending);
  plan.simulation = simulation.findings;
  std::vector<PlanStep> push_steps;
  std::vector<std::string> present_versions;
  std::vector<std::string> absent_versions;
  for (const SimulatedMigration& migration : simulation.migrations) {
    const model::LocalMigration* local_migration =
        local_by_version.contains(migration.version) ? local_by_version[migration.version] : nullptr;
    std::vector<std::string> statements =
        local_migration != nullptr ? local_migration->statements : std::vector<std::string>{};
    bool failed_row = failed_rows.contains(migration.version);
    PendingDecision decision{migration.version, migration.path, ""};
    if (!push) {
      repairs.push_back({migration.version, migration.name, RepairStatus::kApplied, statements,
                         failed_row,
                         "pull: the remote schema is the truth; the pulled migration undoes what "
                         "this pending migration would add, so it is recorded as applied"});
      decision.decision = "Marked applied by repair (pull keeps the remote schema).";
    } else if (migration.outcome == PushOutcome::kPush) {
      if (failed_row) {
        repairs.push_back({migration.version, migration.name, RepairStatus::kReverted, {}, false,
                           "the remote records this version as not completed; the row is removed "
                           "so that the migration is pushed again"});
        absent_versions.push_back(migration.version);
      }
      PlanStep step;
      step.action = PlanAction::kPush;
      step.version = migration.version;
      step.name = migration.name;
      step.source_path = migration.path;
      step.file = StrCat("push/", FileName(migration.path));
      plan.files[step.file] = files_by_version[migration.version]->source.text;
      step.explanation = StrCat("The local migration ", migration.path,
                                " is not applied on the remote and replays there without error.");
      step.undo = StrCat("Write a down migration for it, then `supabase migration repair --status reverted ",
                         migration.version, "`.");
      push_steps.push_back(std::move(step));
      decision.decision = "Pushed: it replays on the remote without error.";
      present_versions.push_back(migration.version);
    } else {
      bool all_there = migration.outcome == PushOutcome::kAlreadyApplied;
      repairs.push_back(
          {migration.version, migration.name, RepairStatus::kApplied, statements, failed_row,
           all_there ? StrCat("pushing it would fail (", Plural(migration.findings.size(), "error", "errors"),
                              ") and its whole effect is already on the remote")
                     : StrCat("pushing it would fail (", Plural(migration.findings.size(), "error", "errors"),
                              "); what of its effect the remote lacks is carried by the corrective migration")});
      decision.decision =
          all_there ? StrCat("Marked applied by repair: ", Plural(migration.findings.size(), "statement fails", "statements fail"),
                             " on the remote and its whole effect is already there.")
                    : StrCat("Marked applied by repair: ", Plural(migration.findings.size(), "statement fails", "statements fail"),
                             " on the remote; the rest of its effect is carried by the corrective migration.");
    }
    plan.pending.push_back(std::move(decision));
  }

  // 3. Corrective migration (push) or the pulled schema (pull).
  std::vector<PlanStep> migrate_steps;
  model::Catalog current = std::move(simulation.after);
  if (push) {
    MigrationOptions options;
    options.idempotent = true;
    options.online = input.online;
    Migration migration = PlanMigration(current, target, options);
    plan.unsupported = migration.unsupported;
    migrate_steps = CorrectiveSteps(migration, input.allow_data_loss, AddSeconds(newest, 1),
                                    "reconcile_drift", &plan.files);
    bool commented = false;
    for (PlanStep& step : migrate_steps) {
      present_versions.push_back(step.version);
      for (const PlanStatement& statement : step.statements) commented |= statement.commented_out;
      step.explanation =
          "Brings the remote schema to what the local chain (with the added files) builds; "
          "it is also added to the local chain, where it replays without effect.";
    }
    plan.target = target;
    if (commented) {
      // What the remote becomes with the data_loss statements left out.
      DiagnosticSink sink;
      parser::Replayer replayer(current, &sink);
      for (const PlanStep& step : migrate_steps) replayer.ReplayFile({step.file, plan.files[step.file]});
      plan.target = replayer.TakeCatalog();
      for (const diff::ObjectDrift& drift : diff::Compare(target, plan.target).objects) {
        plan.remaining_differences.push_back(
            StrCat(drift.id.ToString(), " (", diff::DriftStatusName(drift.status), ")"));
      }
    }
    if (!migrate_steps.empty()) {
      // The rollback returns what the corrective migration really changes.
      Migration back = PlanMigration(plan.target, current);
      if (!back.empty()) {
        std::vector<std::string> versions;
        for (const PlanStep& step : migrate_steps) versions.push_back(step.version);
        std::string path = StrCat("rollback/", versions.front(), "_reconcile_drift.down.sql");
        plan.files[path] = StrCat("-- Down migration for the corrective migration of this plan (",
                                  StrJoin(versions, ", "),
                                  "):\n-- returns the remote to its schema before it. Run on purpose only: its\n"
                                  "-- statements are not commented out, whatever their hazards.\n\n",
                                  StatementsSql(back.Statements(), true));
        migrate_steps.front().rollback = path;
        for (const PlannedStatement& statement : back.Statements()) {
          migrate_steps.front().rollback_hazards.insert(statement.hazards.begin(), statement.hazards.end());
        }
      }
    }
    for (size_t i = 0; i < migrate_steps.size(); ++i) {
      PlanStep& step = migrate_steps[i];
      std::string repair = StrCat("`supabase migration repair --status reverted ", step.version, "`");
      if (!step.rollback.empty()) {
        step.undo = StrCat("Run `", step.rollback, "` (it undoes every corrective file of this plan), then ",
                           repair, ".");
      } else if (!migrate_steps.front().rollback.empty()) {
        step.undo = StrCat("`", migrate_steps.front().rollback, "` undoes it with the first corrective file; then ",
                           repair, ".");
      } else {
        step.undo = StrCat("Its statements that run change nothing to undo; ", repair, " removes its history row.");
      }
    }
  } else {
    Migration migration = PlanMigration(target, remote_schema);
    plan.unsupported = migration.unsupported;
    if (!migration.empty()) {
      PlanStep step;
      step.action = PlanAction::kAddFile;
      step.version = AddSeconds(newest, 1);
      step.name = "remote_schema";
      step.why = "remote_schema";
      step.file = StrCat("migrations/", step.version, "_remote_schema.sql");
      std::string text = StrCat(
          "-- Pulled by pgdrift plan --direction pull: the changes that make the local chain\n"
          "-- replay to the remote schema (what `supabase db pull` writes). It is recorded as\n"
          "-- applied on the remote, which already has this schema; it never runs there.\n\n",
          StatementsSql(migration.Statements(), true));
      plan.files[step.file] = text;
      step.explanation =
          "The remote schema is the truth: this file makes the local chain replay to it. It is "
          "recorded as applied by repair; nothing runs on the database.";
      step.undo = "Delete the file and the history row (`supabase migration repair --status reverted " +
                  step.version + "`).";
      repairs.push_back({step.version, step.name, RepairStatus::kApplied,
                         parser::SplitStatementsForHistory(text), false,
                         "the pulled schema is already on the remote"});
      add_steps.push_back(std::move(step));
    }
    plan.target = remote_schema;
  }

  // 4. Repair.
  std::vector<PlanStep> repair_steps;
  if (!repairs.empty()) {
    PlanStep step;
    step.action = PlanAction::kRepair;
    step.file = "repair.sql";
    step.repairs = repairs;
    step.explanation =
        "Aligns the remote history table with the local chain as it will be; repair.sql runs "
        "in one transaction (repair.sh does the same with the Supabase CLI).";
    step.undo =
        "Insert again the rows marked reverted and delete the rows marked applied "
        "(`supabase migration repair --status reverted|applied <version>`).";
    repair_steps.push_back(std::move(step));
    for (const RepairEntry& entry : repairs) {
      if (entry.status == RepairStatus::kApplied) {
        present_versions.push_back(entry.version);
      } else if (std::find(absent_versions.begin(), absent_versions.end(), entry.version) ==
                 absent_versions.end()) {
        absent_versions.push_back(entry.version);
      }
    }
  }
  // A failed row removed and pushed again ends up present.
  std::erase_if(absent_versions, [&present_versions](const std::string& version) {
    return std::find(present_versions.begin(), present_versions.end(), version) != present_versions.end();
  });
  plan.files["repair.sql"] = RepairSql(repairs, history_table);
  plan.files["repair.sh"] = RepairScript(repairs);

  // 5. Verify.
  std::vector<VerifyQuery> queries = SchemaExpectations(remote_schema, plan.target);
  if (input.history) {
    std::sort(present_versions.begin(), present_versions.end(), diff::VersionLess);
    present_versions.erase(std::unique(present_versions.begin(), present_versions.end()),
                           present_versions.end());
    std::vector<VerifyQuery> history = HistoryExpectations(history_table, present_versions, absent_versions);
    queries.insert(queries.end(), history.begin(), history.end());
  }
  plan.files["verify.sql"] = VerifySql(queries);

  // Steps in order: chain files, history, pushes, corrective migration.
  std::vector<PlanStep> chain_steps = std::move(add_steps);
  chain_steps.insert(chain_steps.end(), rename_steps.begin(), rename_steps.end());
  std::stable_sort(chain_steps.begin(), chain_steps.end(), [](const PlanStep& a, const PlanStep& b) {
    return diff::VersionLess(a.version, b.version);
  });
  for (std::vector<PlanStep>* group : {&chain_steps, &repair_steps, &push_steps, &migrate_steps}) {
    for (PlanStep& step : *group) plan.steps.push_back(std::move(step));
  }
  plan.in_sync = plan.steps.empty();
  return plan;
}

}  // namespace pgdrift::planner
