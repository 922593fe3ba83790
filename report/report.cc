#include "report/report.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <string_view>
#include <utility>

#include "base/diagnostic.h"
#include "base/plural.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "diff/compare.h"
#include "model/object_kind.h"
#include "parser/local_migrations.h"
#include "parser/replay.h"

namespace pgdrift::report {
namespace {

using diff::DriftStatus;
using diff::VersionStatus;
using planner::Hazard;

// Hazards from the most to the least severe (as `pgdrift plan` ranks them).
constexpr Hazard kHazardsBySeverity[] = {Hazard::kDataLoss, Hazard::kIrreversible, Hazard::kTableRewrite,
                                         Hazard::kAccessExclusiveLock, Hazard::kLongRunning};

constexpr VersionStatus kVersionStatuses[] = {VersionStatus::kApplied,   VersionStatus::kLocalOnly,
                                              VersionStatus::kRemoteOnly, VersionStatus::kModified,
                                              VersionStatus::kOutOfOrder, VersionStatus::kFailed};

constexpr std::string_view kRecreatedBecause = "dropped and recreated because ";

// Where each drifted object's corrective statements go: the entry of the object itself,
// of the one-sided table that contains it, or of its parent table.
class EntryIndex {
 public:
  explicit EntryIndex(const std::vector<ObjectEntry>& objects) {
    for (size_t i = 0; i < objects.size(); ++i) {
      own_[objects[i].drift.id] = i;
      by_name_[objects[i].drift.id.ToString()] = i;
    }
    for (size_t i = 0; i < objects.size(); ++i) {
      for (const model::ObjectId& child : objects[i].drift.contains) {
        contained_.try_emplace(child, i);
        by_name_.try_emplace(child.ToString(), i);
      }
    }
  }

  // The entry for a statement on `object` whose reason is `why`, if any: the object's
  // own entry, the table containing it, its parent table's entry, or, for a dependent
  // dropped and recreated because of a drifted object, that object's entry.
  std::optional<size_t> Find(const model::ObjectId& object, std::string_view why) const {
    if (auto it = own_.find(object); it != own_.end()) return it->second;
    if (auto it = contained_.find(object); it != contained_.end()) return it->second;
    if (!object.parent.empty()) {
      model::ObjectId table = model::ObjectId::Of(model::ObjectKind::kTable, object.qualified());
      if (auto it = own_.find(table); it != own_.end()) return it->second;
    }
    if (why.starts_with(kRecreatedBecause)) {
      std::string_view rest = why.substr(kRecreatedBecause.size());
      for (std::string_view suffix : {" changes type", " is dropped or recreated"}) {
        size_t at = rest.rfind(suffix);
        if (at == std::string_view::npos) continue;
        if (auto it = by_name_.find(std::string(rest.substr(0, at))); it != by_name_.end()) return it->second;
      }
    }
    return std::nullopt;
  }

 private:
  std::map<model::ObjectId, size_t> own_;
  std::map<model::ObjectId, size_t> contained_;
  std::map<std::string, size_t> by_name_;
};

// The push plan's corrective statements, each under the drifted object it belongs to.
// Returns the statements that belong to no drifted object.
std::vector<planner::PlanStatement> GroupCorrective(const planner::Plan& plan, std::vector<ObjectEntry>* objects) {
  EntryIndex index(*objects);
  std::vector<planner::PlanStatement> unplaced;
  for (const planner::PlanStep& step : plan.steps) {
    if (step.action != planner::PlanAction::kMigrate) continue;
    for (const planner::PlanStatement& statement : step.statements) {
      std::optional<size_t> entry = index.Find(statement.object, statement.statement.why);
      if (!entry) {
        unplaced.push_back(statement);
        continue;
      }
      ObjectEntry& object = (*objects)[*entry];
      object.corrective.push_back(statement);
      object.hazards.insert(statement.statement.hazards.begin(), statement.statement.hazards.end());
    }
  }
  return unplaced;
}

void AddExplanation(const planner::PlanStep& step, bool recorded, std::vector<Explanation>* explanations) {
  for (const Explanation& explanation : *explanations) {
    if (explanation.version == step.version) return;
  }
  explanations->push_back({step.version, step.name, recorded});
}

// The chain with the files the plan recovers from remote-only versions, replayed in version
// order: what the plan's target is before data_loss statements are left out (plan.target
// is then the remote as the plan leaves it, whose lineage no longer names the files).
model::Catalog ChainWithRecoveredFiles(const ReportInput& input, const planner::Plan& plan,
                                       const std::map<std::string, const planner::PlanStep*>& recovered) {
  struct Entry {
    std::string version;
    bool repeatable = false;
    parser::SourceFile source;
  };
  std::vector<Entry> entries;
  for (const parser::MigrationFile& file : input.chain.files) entries.push_back({file.version, file.repeatable, file.source});
  for (const auto& [path, step] : recovered) {
    auto text = plan.files.find(path);
    if (text != plan.files.end()) entries.push_back({step->version, false, {path, text->second}});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.repeatable != b.repeatable) return b.repeatable;
    return diff::VersionLess(a.version, b.version);
  });
  DiagnosticSink sink;
  parser::Replayer replayer(input.seed, &sink);
  for (const Entry& entry : entries) replayer.ReplayFile(entry.source);
  return replayer.TakeCatalog();
}

// Which remote-only versions explain the remote-only and changed objects: the chain with
// the recovered files against the chain alone shows what the recovered files create or
// change, with their files in the lineage.
void Explain(const ReportInput& input, const planner::Plan& plan, const model::Catalog& local,
             std::vector<ObjectEntry>* objects) {
  std::map<std::string, const planner::PlanStep*> recovered;  // by file
  std::vector<const planner::PlanStep*> placeholders;
  for (const planner::PlanStep& step : plan.steps) {
    if (step.action != planner::PlanAction::kAddFile) continue;
    if (step.why == "recovered") recovered[step.file] = &step;
    if (step.why == "placeholder") placeholders.push_back(&step);
  }
  std::map<model::ObjectId, std::vector<Explanation>> by_object;
  if (!recovered.empty()) {
    model::Catalog target = ChainWithRecoveredFiles(input, plan, recovered);
    for (const diff::ObjectDrift& drift : diff::Compare(target, local).objects) {
      for (const SourceSpan* span : {&drift.local_lineage.created, &drift.local_lineage.changed}) {
        auto it = recovered.find(span->file);
        if (it == recovered.end()) continue;
        AddExplanation(*it->second, true, &by_object[drift.id]);
        for (const model::ObjectId& child : drift.contains) AddExplanation(*it->second, true, &by_object[child]);
      }
    }
  }
  for (ObjectEntry& object : *objects) {
    if (object.drift.status == DriftStatus::kLocalOnly) continue;
    auto it = by_object.find(object.drift.id);
    if (it != by_object.end()) {
      object.explained_by = it->second;
      std::sort(object.explained_by.begin(), object.explained_by.end(),
                [](const Explanation& a, const Explanation& b) { return diff::VersionLess(a.version, b.version); });
      continue;
    }
    for (const planner::PlanStep* step : placeholders) AddExplanation(*step, false, &object.explained_by);
  }
}

}  // namespace

absl::StatusOr<Report> BuildReport(const ReportInput& input) {
  Report report;
  report.provenance = input.provenance;

  // The chain replayed on its seed: the schema the migrations build.
  DiagnosticSink sink;
  parser::Replayer replayer(input.seed, &sink);
  for (const parser::MigrationFile& file : input.chain.files) replayer.ReplayFile(file.source);
  model::Catalog local = replayer.TakeCatalog();
  std::vector<std::string> replay_errors;
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    if (diagnostic.severity == Severity::kError) {
      replay_errors.push_back(StrCat(diagnostic.span.ToString(), ": ", diagnostic.message));
    }
  }

  diff::ChangeSet changes = diff::Compare(local, input.remote);
  diff::HistoryReport history;
  if (input.history) {
    history = diff::CompareHistory(parser::LocalMigrations(input.chain), *input.history);
    report.summary.history_compared = true;
    for (VersionStatus status : kVersionStatuses) {
      report.summary.history[std::string(diff::VersionStatusName(status))] = history.Count(status);
    }
    report.summary.history_aligned = history.aligned();
    for (const diff::VersionDrift& version : history.versions) {
      if (version.status != VersionStatus::kApplied) report.versions.push_back(version);
    }
    report.history_warnings = history.warnings;
  }

  planner::PlanInput plan_input;
  plan_input.direction = planner::PlanDirection::kPush;
  plan_input.seed = input.seed;
  plan_input.chain = input.chain;
  plan_input.remote = input.remote;
  plan_input.history = input.history;
  PGDRIFT_ASSIGN_OR_RETURN(planner::Plan plan, planner::BuildPlanFromReport(plan_input, history));

  for (const diff::ObjectDrift& drift : changes.objects) {
    ObjectEntry entry;
    entry.drift = drift;
    report.objects.push_back(std::move(entry));
  }
  std::vector<planner::PlanStatement> unplaced = GroupCorrective(plan, &report.objects);
  Explain(input, plan, local, &report.objects);

  Summary& summary = report.summary;
  std::set<Hazard> hazards;
  for (const ObjectEntry& entry : report.objects) {
    ++summary.by_kind[std::string(model::KindName(entry.drift.id.kind))]
                     [std::string(diff::DriftStatusName(entry.drift.status))];
    hazards.insert(entry.hazards.begin(), entry.hazards.end());
    summary.corrective_statements += static_cast<int>(entry.corrective.size());
  }
  for (const planner::PlanStatement& statement : unplaced) {
    hazards.insert(statement.statement.hazards.begin(), statement.statement.hazards.end());
    ++summary.corrective_statements;
  }
  summary.local_only = changes.Count(DriftStatus::kLocalOnly);
  summary.remote_only = changes.Count(DriftStatus::kRemoteOnly);
  summary.changed = changes.Count(DriftStatus::kChanged);
  for (Hazard hazard : kHazardsBySeverity) {
    if (hazards.contains(hazard)) {
      summary.highest_hazard = hazard;
      break;
    }
  }

  report.unsupported = plan.unsupported;
  if (!replay_errors.empty()) {
    report.notes.push_back(StrCat("The local chain does not replay cleanly (",
                                  Plural(replay_errors.size(), "error", "errors"),
                                  "; see `pgdrift lint`); the report compares the schema it replays to:"));
    for (const std::string& error : replay_errors) report.notes.push_back(StrCat("replay error: ", error));
  }
  if (!input.history) {
    report.notes.push_back(
        "The remote keeps no migration history (a schema dump, a snapshot, or a database no "
        "tool migrated): only the schema is compared, and no version explains a drifted object.");
  }
  for (const planner::PlanStatement& statement : unplaced) {
    report.notes.push_back(StrCat("The corrective migration also changes ", statement.object.ToString(),
                                  ", which did not drift itself",
                                  statement.statement.why.empty() ? "" : StrCat(" (", statement.statement.why, ")"),
                                  ": ", FirstLine(statement.statement.sql)));
  }

  report.picture = DrawNeighbourhood(local, input.remote, changes);
  if (input.render_svg) RenderSvg(&report.picture);
  return report;
}

std::string ReportTimestamp() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (end != nullptr && *end == '\0') now = static_cast<std::time_t>(seconds);
  }
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace pgdrift::report
