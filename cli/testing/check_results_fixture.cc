#include "cli/testing/check_results_fixture.h"

#include <utility>

#include "base/strings.h"

namespace pgdrift::cli::testing {
namespace {

constexpr char kInit[] = "supabase/migrations/20240101000000_init.sql";
constexpr char kNotes[] = "supabase/migrations/20240103000000_notes & more, 100%.sql";
constexpr char kNewest[] = "supabase/migrations/20240106000000_newest.sql";

Finding ObjectFinding(model::ObjectId id, std::string category, std::string message,
                      std::string file, int line, bool fallback = false) {
  Finding finding;
  finding.subject = FindingSubject::kObject;
  finding.identity = id.ToString();
  finding.kind = std::string(model::KindName(id.kind));
  finding.category = std::move(category);
  finding.message = std::move(message);
  finding.file = std::move(file);
  finding.line = line;
  finding.location_is_fallback = fallback;
  finding.object = std::move(id);
  finding.failing = true;
  return finding;
}

Finding VersionFinding(std::string version, std::string name, diff::VersionStatus status,
                       std::string message, std::string file, std::string detail = "") {
  Finding finding;
  finding.subject = FindingSubject::kVersion;
  finding.identity = StrCat("version ", version);
  finding.kind = "version";
  finding.category = StrCat("history_", diff::VersionStatusName(status));
  finding.message = std::move(message);
  diff::VersionDrift drift;
  drift.version = std::move(version);
  drift.name = std::move(name);
  drift.status = status;
  drift.local_path = file;
  drift.detail = std::move(detail);
  finding.version = std::move(drift);
  if (file.empty()) {
    finding.file = kNewest;
    finding.location_is_fallback = true;
  } else {
    finding.file = std::move(file);
  }
  finding.line = 1;
  finding.failing = true;
  return finding;
}

Finding FileFinding(std::string path, std::string category, std::string message, int line,
                    bool fallback = false) {
  Finding finding;
  finding.subject = FindingSubject::kChainFile;
  finding.identity = StrCat("file ", path);
  finding.kind = "file";
  finding.category = std::move(category);
  finding.message = std::move(message);
  finding.file = fallback ? std::string(kNewest) : path;
  finding.line = line;
  finding.location_is_fallback = fallback;
  finding.failing = true;
  return finding;
}

std::vector<Finding> ChainFindings() {
  return {
      FileFinding(kInit, "chain_edited",
                  StrCat(kInit, " was edited after it was merged: statement 2 changed"), 12),
      FileFinding("supabase/migrations/20240102000000_seed.sql", "chain_removed",
                  "supabase/migrations/20240102000000_seed.sql was removed after it was merged", 1,
                  true),
      FileFinding("supabase/migrations/20231231000000_late.sql", "chain_out_of_order",
                  "supabase/migrations/20231231000000_late.sql is new and sorts before the "
                  "newest merged migration 20240106000000",
                  1),
  };
}

}  // namespace

CheckResult DriftedResult() {
  CheckResult result;
  result.remote = "staging";
  result.description = "snapshot staging.json (taken 2024-01-07)";
  result.exit_code = 1;
  result.history_compared = true;
  result.history_table = "supabase_migrations.schema_migrations";

  model::QualifiedName listings{"public", "listings"};
  model::QualifiedName orders{"public", "orders"};

  result.findings.push_back(ObjectFinding(
      model::ObjectId::Child(model::ObjectKind::kColumn, listings, "location_council"),
      "remote_only",
      "column public.listings.location_council is in the database but in no migration", kNewest, 1,
      /*fallback=*/true));

  Finding changed = ObjectFinding(
      model::ObjectId::Child(model::ObjectKind::kColumn, orders, "status"), "changed",
      "column public.orders.status differs: not_null is false in the migrations but true in the "
      "database; default is 'new'::text in the migrations but 'pending'::text in the database",
      kInit, 7);
  changed.changes.push_back({"not_null", false, true});
  changed.changes.push_back(
      {"default", std::string("'new'::text"), std::string("'pending'::text")});
  changed.failing = false;  // --fail-on does not select `changed`
  result.findings.push_back(std::move(changed));

  result.findings.push_back(ObjectFinding(
      model::ObjectId::Of(model::ObjectKind::kIndex, {"public", "orders_note_idx"}), "local_only",
      "index public.orders_note_idx is in the migrations but not in the database", kNotes, 0));

  Finding function = ObjectFinding(
      model::ObjectId{model::ObjectKind::kFunction, "public", "search", "", "text, integer"},
      "changed",
      "function public.search(text, integer) differs: body is 'select 1 where a < b && c > d' "
      "in the migrations but 'select \"x\", ''y''\r\n' in the database",
      kNotes, 14);
  function.changes.push_back({"body", std::string("select 1 where a < b && c > d"),
                              std::string("select \"x\", 'y'\r\n\x01")});
  result.findings.push_back(std::move(function));

  result.findings.push_back(ObjectFinding(
      model::ObjectId::Of(model::ObjectKind::kTable, {"public", "audit_logs"}), "local_only",
      "table public.audit_logs is in the migrations but not in the database", kInit, 5));

  Finding ignored = ObjectFinding(
      model::ObjectId::Of(model::ObjectKind::kTable, {"public", "tmp_import"}), "remote_only",
      "table public.tmp_import is in the database but in no migration (with 2 contained objects)",
      kNewest, 1, /*fallback=*/true);
  ignored.contains = {"column public.tmp_import.id", "column public.tmp_import.payload"};
  ignored.ignored = true;
  ignored.ignored_by = "public.tmp_* (.pgdriftignore:3: scratch tables)";
  ignored.failing = false;
  result.findings.push_back(std::move(ignored));

  result.findings.push_back(VersionFinding(
      "20240101000000", "init", diff::VersionStatus::kModified,
      "migration 20240101000000 (init) was changed after it was applied: statement 3 of 5 differs",
      kInit, "statement 3 of 5 differs"));
  result.findings.push_back(VersionFinding(
      "20240102000000", "seed", diff::VersionStatus::kOutOfOrder,
      "migration 20240102000000 (seed) is not applied and sorts before the newest applied version "
      "20240104000000",
      "supabase/migrations/20240102000000_seed.sql", "20240104000000"));
  result.findings.push_back(VersionFinding(
      "20240103000000", "notes & more, 100%", diff::VersionStatus::kLocalOnly,
      "migration 20240103000000 (notes & more, 100%) is not applied to the database", kNotes));
  Finding remote_version = VersionFinding(
      "20240104000000", "", diff::VersionStatus::kRemoteOnly,
      "migration 20240104000000 is recorded in the database's history but has no migration file",
      "");
  remote_version.ignored = true;
  remote_version.ignored_by = "version 20240104* (--ignore)";
  remote_version.failing = false;
  result.findings.push_back(std::move(remote_version));
  result.findings.push_back(VersionFinding(
      "20240105000000", "", diff::VersionStatus::kFailed,
      "migration 20240105000000 did not complete in the database (dirty)", "", "dirty"));

  for (Finding& finding : ChainFindings()) result.findings.push_back(std::move(finding));

  result.in_sync_objects = {"column public.orders.id", "schema public", "table public.orders"};
  result.applied_versions = {"20231201000000", "20240106000000"};
  return result;
}

CheckResult InSyncResult() {
  CheckResult result;
  result.remote = "prod";
  result.description = "dump prod.sql";
  result.in_sync_objects = {"column public.orders.id", "table public.orders"};
  return result;
}

CheckResult ErroredResult() {
  CheckResult result;
  result.remote = "analytics";
  result.exit_code = 2;
  result.error =
      "connection to server at \"db.example.com\" (10.0.0.5), port 5432 failed: "
      "password authentication failed for user \"ci\"";
  return result;
}

CheckResult ChainOnlyResult() {
  CheckResult result;
  result.exit_code = 1;
  result.findings = ChainFindings();
  result.findings[2].failing = false;
  return result;
}

std::vector<ResultSet> GoldenResultSets() {
  return {
      {"single", {DriftedResult()}},
      {"fleet", {DriftedResult(), InSyncResult(), ErroredResult()}},
      {"chain_only", {ChainOnlyResult()}},
      {"in_sync", {InSyncResult()}},
  };
}

}  // namespace pgdrift::cli::testing
