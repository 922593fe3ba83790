#include "report/testing/html_sample_report.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "base/diagnostic.h"
#include "diff/compare.h"
#include "parser/profile.h"
#include "parser/replay.h"
#include "planner/planned_statement.h"

namespace pgdrift::report::testing {
namespace {

constexpr char kSharedSql[] = R"sql(CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  customer_id bigint REFERENCES customers (id),
  status text NOT NULL DEFAULT 'new',
  updated_at timestamptz
);
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
CREATE TRIGGER orders_set_updated_at BEFORE UPDATE ON orders
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status <> 'done';
)sql";

constexpr char kLocalOnlySql[] = R"sql(CREATE TABLE audit_log (id bigint PRIMARY KEY, note text);
)sql";

constexpr char kRemoteOnlySql[] = R"sql(ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';
CREATE INDEX orders_status_idx ON orders (status);
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff_select ON orders FOR SELECT USING (true);
)sql";

model::Catalog Replay(const std::vector<std::pair<std::string, std::string>>& files) {
  absl::StatusOr<model::Catalog> seed = parser::SeedCatalog(parser::Profile::kPostgres);
  EXPECT_TRUE(seed.ok()) << seed.status();
  if (!seed.ok()) return {};
  DiagnosticSink sink;
  parser::Replayer replayer(*std::move(seed), &sink);
  for (const auto& [path, text] : files) replayer.ReplayFile({path, text});
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    ADD_FAILURE() << "replaying the sample: " << diagnostic.message;
  }
  return replayer.TakeCatalog();
}

planner::PlanStatement Statement(model::ObjectId object, std::string sql,
                                 std::set<planner::Hazard> hazards, bool commented_out = false) {
  planner::PlanStatement statement;
  statement.object = std::move(object);
  statement.statement.sql = std::move(sql);
  statement.statement.hazards = std::move(hazards);
  statement.commented_out = commented_out;
  return statement;
}

}  // namespace

SampleDrift SampleCatalogs() {
  SampleDrift sample;
  sample.local = Replay({{"migrations/0001_init.sql", kSharedSql},
                         {"migrations/0002_audit_log.sql", kLocalOnlySql}});
  sample.remote = Replay({{"remote.sql", std::string(kSharedSql) + kRemoteOnlySql}});
  sample.changes = diff::Compare(sample.local, sample.remote);
  return sample;
}

Report SampleReport() {
  SampleDrift sample = SampleCatalogs();
  Report report;
  Provenance& p = report.provenance;
  p.generated_at = "2026-11-21T12:00:00Z";
  p.pgdrift_version = "0.1.0";
  p.local = "migration chain migrations (plain layout, 2 files)";
  p.newest_version = "0002";
  p.newest_file = "migrations/0002_audit_log.sql";
  p.remote = "database \"shop\" on host \"db.example.com\" port 5432 as user \"auditor\"";
  p.history_table = "public.schema_migrations";
  p.profile = "postgres";

  for (const diff::ObjectDrift& drift : sample.changes.objects) {
    ObjectEntry entry;
    entry.drift = drift;
    if (drift.id.kind == model::ObjectKind::kTable && drift.id.name == "audit_log") {
      entry.corrective.push_back(Statement(
          drift.id, "CREATE TABLE public.audit_log (\n  id bigint NOT NULL,\n  note text\n);", {}));
    } else if (drift.id.kind == model::ObjectKind::kColumn && drift.id.name == "note") {
      entry.explained_by.push_back({"20261101093000", "", false});
      entry.corrective.push_back(
          Statement(drift.id, "ALTER TABLE public.orders DROP COLUMN note;",
                    {planner::Hazard::kDataLoss, planner::Hazard::kAccessExclusiveLock}, true));
    } else if (drift.id.kind == model::ObjectKind::kIndex) {
      entry.explained_by.push_back({"20261101093000", "", false});
      entry.corrective.push_back(Statement(
          drift.id, "DROP INDEX CONCURRENTLY public.orders_status_idx;", {}));
    } else if (drift.id.kind == model::ObjectKind::kColumn && drift.id.name == "status") {
      entry.corrective.push_back(Statement(
          drift.id, "ALTER TABLE public.orders ALTER COLUMN status SET DEFAULT 'new'::text;", {}));
    } else if (drift.id.kind == model::ObjectKind::kPolicy) {
      entry.explained_by.push_back({"20261102110000", "enable rls", true});
      entry.corrective.push_back(
          Statement(drift.id, "DROP POLICY staff_select ON public.orders;", {}));
    } else if (drift.id.kind == model::ObjectKind::kTable) {
      entry.explained_by.push_back({"20261102110000", "enable rls", true});
      entry.corrective.push_back(
          Statement(drift.id, "ALTER TABLE public.orders DISABLE ROW LEVEL SECURITY;", {}));
    }
    for (const planner::PlanStatement& statement : entry.corrective) {
      entry.hazards.insert(statement.statement.hazards.begin(), statement.statement.hazards.end());
    }
    report.objects.push_back(std::move(entry));
  }
  report.versions = {
      {"20261101093000", "", diff::VersionStatus::kRemoteOnly, "", "2026-11-01 09:30:00+00", "", ""},
      {"20261102110000", "enable rls", diff::VersionStatus::kRemoteOnly, "",
       "2026-11-02 11:00:00+00", "", ""},
      {"0002", "audit_log", diff::VersionStatus::kLocalOnly, "migrations/0002_audit_log.sql", "",
       "", ""},
  };
  report.history_warnings = {"version \"0002\" sorts before \"20261101093000\" as text"};
  report.unsupported = {"column public.orders.note: comment <none> & 'quoted'"};
  report.notes = {"the remote keeps its history in \"public.schema_migrations\""};

  Summary& s = report.summary;
  for (const ObjectEntry& entry : report.objects) {
    const std::string status(diff::DriftStatusName(entry.drift.status));
    ++s.by_kind[std::string(model::KindName(entry.drift.id.kind))][status];
    if (entry.drift.status == diff::DriftStatus::kLocalOnly) ++s.local_only;
    if (entry.drift.status == diff::DriftStatus::kRemoteOnly) ++s.remote_only;
    if (entry.drift.status == diff::DriftStatus::kChanged) ++s.changed;
    s.corrective_statements += static_cast<int>(entry.corrective.size());
    for (planner::Hazard hazard : entry.hazards) {
      if (!s.highest_hazard.has_value() || hazard < *s.highest_hazard) s.highest_hazard = hazard;
    }
  }
  s.history_compared = true;
  s.history = {{"applied", 1}, {"local_only", 1}, {"remote_only", 2}};
  s.history_aligned = false;

  report.picture = DrawNeighbourhood(sample.local, sample.remote, sample.changes);
  report.picture.svg_error = "dot (Graphviz) is not installed";
  return report;
}

}  // namespace pgdrift::report::testing
