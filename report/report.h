// Report: the auditor's drift report (`pgdrift report`) as data — what drifted, since when
// and from where, how risky the fix is, and a picture of the drift's dependency
// neighbourhood, with the provenance that lets it be filed as evidence. BuildReport
// decides; report_json, report_markdown and report_html render it.
#ifndef PGDRIFT_REPORT_REPORT_H_
#define PGDRIFT_REPORT_REPORT_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "diff/change_set.h"
#include "diff/history_diff.h"
#include "model/catalog.h"
#include "model/history.h"
#include "parser/migration_dir.h"
#include "planner/plan.h"
#include "planner/planned_statement.h"
#include "report/dependency_picture.h"

namespace pgdrift::report {

inline constexpr char kReportFormat[] = "pgdrift.report/v1";

// When and against what the report was produced.
struct Provenance {
  // UTC, ISO 8601 ("2026-11-21T19:32:28Z"): SOURCE_DATE_EPOCH when it is set, so reports
  // can be reproduced, else the current time.
  std::string generated_at;
  std::string pgdrift_version;  // "0.1.0"
  std::string local;            // "migration chain supabase/migrations (supabase layout, 51 files)"
  std::string newest_version;   // the chain's newest version, "" when it has none
  std::string newest_file;      // the file of that version as shown
  // The remote as read, credentials never included: `database "app" on host
  // "db.example.com" port 5432 as user "auditor"`, `schema dump prod.sql`, `snapshot …`.
  std::string remote;
  std::string history_table;  // "" when the remote keeps no history
  std::string profile;        // "supabase" or "postgres"
};

// A remote-only version that may explain a drifted object.
struct Explanation {
  std::string version;
  std::string name;
  // True when the version's recorded statements create or change the object; false when
  // the version recorded no statements, so it only may be the origin.
  bool recorded = false;
};

// One drifted object.
struct ObjectEntry {
  // Identity, status, attribute-level changes (local = the migrations, remote = the
  // database), a one-sided table's children, and the local lineage (the migration
  // file:line that created it and the one that last changed it).
  diff::ObjectDrift drift;
  // Remote-only versions that may explain it (remote-only and changed objects): those
  // whose recorded statements create or change it, or, when none does, every remote-only
  // version that recorded no statements.
  std::vector<Explanation> explained_by;
  // The statements of the push plan's corrective migration for this object (the database
  // made like the migrations), in plan order, with their hazards.
  std::vector<planner::PlanStatement> corrective;
  std::set<planner::Hazard> hazards;  // the union of the corrective statements' hazards
};

struct Summary {
  // Drifted objects by kind name, then status name: {"table": {"remote_only": 2}}.
  std::map<std::string, std::map<std::string, int>> by_kind;
  int local_only = 0;
  int remote_only = 0;
  int changed = 0;
  // Whether a history table was compared, its counts by version status name (every
  // status, applied included), and whether every version is applied.
  bool history_compared = false;
  std::map<std::string, int> history;
  bool history_aligned = true;
  // The highest hazard among all corrective statements, and how many there are.
  std::optional<planner::Hazard> highest_hazard;
  int corrective_statements = 0;
};

struct Report {
  Provenance provenance;
  Summary summary;
  std::vector<ObjectEntry> objects;          // identity order
  std::vector<diff::VersionDrift> versions;  // every version that is not applied, in order
  std::vector<std::string> history_warnings;
  // Differences no corrective statement expresses (planner::Migration::unsupported).
  std::vector<std::string> unsupported;
  // Other remarks (the chain's replay errors, a remote without history …).
  std::vector<std::string> notes;
  DependencyPicture picture;
  bool in_sync() const {
    return objects.empty() && versions.empty();
  }
};

struct ReportInput {
  // Provenance as the caller knows it; BuildReport keeps it as given.
  Provenance provenance;
  // What the chain replays on (parser::SeedCatalog of its profile) and the chain itself.
  model::Catalog seed;
  parser::MigrationChain chain;
  // The remote schema and, for a live database, its history.
  model::Catalog remote;
  std::optional<model::History> history;
  // Render the picture to SVG when `dot` is installed (tests of the other parts turn it
  // off so that they do not depend on Graphviz).
  bool render_svg = true;
};

// Builds the report: compares the replayed chain with the remote, the chain's files with
// the history, plans the push to find the corrective statements and which remote-only
// versions explain which objects, and draws the dependency picture.
[[nodiscard]] absl::StatusOr<Report> BuildReport(const ReportInput& input);

// The current time as Provenance::generated_at wants it (SOURCE_DATE_EPOCH when set).
std::string ReportTimestamp();

}  // namespace pgdrift::report

#endif  // PGDRIFT_REPORT_REPORT_H_
