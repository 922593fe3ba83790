#include "cli/app.h"

#include <unistd.h>

#include <map>

#include "CLI/CLI.hpp"
#include "cli/apply_command.h"
#include "cli/check_command.h"
#include "cli/compare_command.h"
#include "cli/exit_code.h"
#include "cli/history_command.h"
#include "cli/inspect_command.h"
#include "cli/lint_command.h"
#include "cli/plan_command.h"
#include "cli/report_command.h"
#include "cli/version.h"

namespace pgdrift::cli {
namespace {

constexpr char kDescription[] =
    "pgdrift finds and reconciles drift between a PostgreSQL database and its SQL migrations.";

constexpr char kInspectExamples[] = R"(
Examples:
  pgdrift inspect supabase/                     # the schema the migrations build, as SQL
  pgdrift inspect supabase/ --format json       # the same model as JSON
  pgdrift inspect schema.sql --profile postgres # a pg_dump --schema-only file
  pgdrift inspect db/migrations --layout flyway # force a directory layout)";


constexpr char kDiffExamples[] = R"(
Examples:
  pgdrift diff supabase/ prod-snapshot.json       # migrations vs a committed snapshot
  pgdrift diff old.sql new.sql --format json      # two dumps, machine-readable
  pgdrift diff prod.sql supabase/ --format sql    # the DDL that turns prod.sql into the chain
Exit status: 0 same, 1 differs, 2 error.)";

constexpr char kCheckExamples[] = R"(
Examples:
  pgdrift check --local supabase/ --remote prod-snapshot.json
  pgdrift check --local supabase/ --remote schema.sql --format json
  pgdrift check --local supabase/ --remote "$DB_URL" --format sarif -o drift.sarif
  pgdrift check --local supabase/ --remote "$DB_URL" --fail-on objects,history_remote_only
  pgdrift check --local supabase/ --remote "$DB_URL" --ignore 'table public.audit_*'
  pgdrift check --local supabase/ --remote "$STAGING_URL" --remote "$PROD_URL" --jobs 2
  pgdrift check --local supabase/ --against git:origin/main    # merged migrations edited?
Ignore rules come from --ignore-file, else the first .pgdriftignore from --local up to
the repository root, plus every --ignore.
Exit status: 0 no failing finding, 1 some, 2 error.)";

constexpr char kLintExamples[] = R"(
Examples:
  pgdrift lint supabase/                          # replay errors and risky patterns
  pgdrift lint supabase/ --format json            # the same as pgdrift.lint/v1 JSON
  pgdrift lint db/migrations --exposed-schema api # treat schema api as served by the API
Exit status: 0 clean, 1 findings, 2 error.)";

constexpr char kReportExamples[] = R"(
Examples:
  pgdrift report --local supabase/ --remote "$DB_URL"                     # Markdown to stdout
  pgdrift report --local supabase/ --remote "$DB_URL" -o drift.md         # also drift.md.svg
  pgdrift report --local supabase/ --remote "$DB_URL" --format html -o drift.html
  pgdrift report --local supabase/ --remote schema.sql --format json      # pgdrift.report/v1
SOURCE_DATE_EPOCH fixes the report's timestamp. Credentials never appear in the report.
Exit status: 0 report written, 2 error.)";

constexpr char kApplyExamples[] = R"(
Examples:
  pgdrift apply plan/ --remote "$DB_URL"        # say what would run; writes nothing
  pgdrift apply plan/ --remote "$DB_URL" --yes  # run it (re-run to resume after a failure)
Exit status: 0 converged, 1 not converged, 2 error or refusal.)";

constexpr char kHistoryExamples[] = R"(
Examples:
  pgdrift history --local supabase/ --remote "$DB_URL"      # like supabase migration list
  pgdrift history --local db/migrations --remote "$DB_URL" --format json
  pgdrift history --local supabase/                         # remote from SUPABASE_DB_URL …
Exit status: 0 aligned, 1 not aligned, 2 error.)";

constexpr char kPlanExamples[] = R"(
Examples:
  pgdrift plan --local supabase/ --remote "$DB_URL" --out plan/      # push the chain
  pgdrift plan --local supabase/ --remote "$DB_URL" --out plan/ --online
  pgdrift plan --local supabase/ --remote schema.sql --out plan/     # schema only
  pgdrift plan --local supabase/ --remote "$DB_URL" --out plan/ --direction pull
Writes PLAN.md, plan.json, migrations/, push/, rollback/, repair.sql, repair.sh,
verify.sql and target.json into the --out directory; nothing runs on the database.
Exit status: 0 plan written, 2 error.)";

// Adds the flags every command that reads sources shares.
void AddSourceFlags(CLI::App* command, std::string* layout_name, std::string* profile_name) {
  command->add_option("--layout", *layout_name,
                      "Migration layout: supabase, flyway, golang-migrate, dbmate, prisma, plain");
  command->add_option("--profile", *profile_name,
                      "Platform profile: supabase or postgres (default: detected)");
}

}  // namespace

int Main(int argc, const char* const* argv, std::ostream& out, std::ostream& err, int out_fd,
         int err_fd) {
  CLI::App app(kDescription, "pgdrift");
  app.set_version_flag("--version", std::string("pgdrift ") + PGDRIFT_VERSION);
  app.require_subcommand(1);
  std::string color_flag = "auto";
  app.add_option("--color", color_flag, "Colour output: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  InspectOptions inspect;
  std::string layout_name;
  std::string profile_name;
  CLI::App* inspect_cmd = app.add_subcommand(
      "inspect", "Print the schema model of a migration chain or SQL dump");
  inspect_cmd->footer(kInspectExamples);
  inspect_cmd->add_option("source", inspect.source, "Migration directory or .sql file")->required();
  inspect_cmd->add_option("--format", inspect.format, "Output format: sql (default) or json")
      ->check(CLI::IsMember({"sql", "json"}));
  AddSourceFlags(inspect_cmd, &layout_name, &profile_name);
  inspect_cmd->add_flag("--include-managed", inspect.include_managed,
                        "Also print objects the platform profile provides (auth.users …)");
  inspect_cmd->add_flag("-v,--verbose", inspect.verbose, "Also print notices from the replay");

  CompareCommandOptions compare;
  CLI::App* diff_cmd = app.add_subcommand("diff", "Show what differs between two sources");
  diff_cmd->footer(kDiffExamples);
  diff_cmd->add_option("from", compare.local, "The first source (directory, .sql or .json)")->required();
  diff_cmd->add_option("to", compare.remote, "The second source")->required();
  diff_cmd->add_option("--format", compare.format,
                       "Output format: text (default), json, or sql (the migration from FROM to TO)")
      ->check(CLI::IsMember({"text", "json", "sql"}));
  diff_cmd->add_flag("--online", compare.online,
                     "With --format sql: prefer online-safe DDL (CREATE INDEX CONCURRENTLY, NOT VALID + VALIDATE)");
  AddSourceFlags(diff_cmd, &layout_name, &profile_name);
  diff_cmd->add_flag("--compare-owners", compare.compare_owners, "Also compare object owners");
  diff_cmd->add_flag("--include-managed", compare.include_managed,
                     "Also compare what the platform profile provides");
  diff_cmd->add_flag("-v,--verbose", compare.verbose, "Also print notices from the replay");

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "Fail when the database drifted from the migrations");
  check_cmd->footer(kCheckExamples);
  check_cmd->add_option("--local", check.local, "The migration directory")->required();
  check_cmd->add_option("--remote", check.remotes,
                        "A remote: database (postgres://…), .sql dump or .json snapshot (repeatable)");
  check_cmd->add_option("--remotes-file", check.remotes_file,
                        "A file with one remote per line (`name: SOURCE`, ${VAR} from the environment)");
  check_cmd->add_option("--against", check.against,
                        "git:REV: fail when merged migrations changed since that revision");
  check_cmd->add_option("--format", check.format,
                        "Output format: text (default), json, sarif, junit or github")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github"}));
  check_cmd->add_option("-o,--output", check.output, "Write the output to this file instead of stdout");
  check_cmd->add_option("--fail-on", check.fail_on,
                        "Categories that fail the build (default any): any, none, objects, history, "
                        "chain, local_only, remote_only, changed, history_*, chain_* (repeatable, "
                        "comma-separated)");
  check_cmd->add_option("--ignore", check.ignore,
                        "Ignore findings whose identity matches this glob (repeatable, ! negates)");
  check_cmd->add_option("--ignore-file", check.ignore_file,
                        "Ignore rules file (default: the nearest .pgdriftignore)");
  check_cmd->add_option("--jobs", check.jobs, "Remotes checked at the same time (default 4)")
      ->check(CLI::PositiveNumber);
  AddSourceFlags(check_cmd, &layout_name, &profile_name);
  check_cmd->add_flag("--compare-owners", check.compare_owners, "Also compare object owners");
  check_cmd->add_flag("--include-managed", check.include_managed,
                      "Also compare what the platform profile provides");
  check_cmd->add_flag("-v,--verbose", check.verbose,
                      "Also print notices from the replay, and every remote's full listing");

  HistoryOptions history;
  CLI::App* history_cmd = app.add_subcommand(
      "history", "Compare the migration files with the versions the database recorded");
  history_cmd->footer(kHistoryExamples);
  history_cmd->add_option("--local", history.local, "The migration directory")->required();
  history_cmd->add_option("--remote", history.remote,
                          "The database (default: PGDRIFT_DB_URL, SUPABASE_DB_URL, "
                          "DATABASE_URL, PG* variables)");
  history_cmd->add_option("--format", history.format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  history_cmd->add_option("--layout", layout_name,
                          "Migration layout: supabase, flyway, golang-migrate, dbmate, prisma, plain");
  history_cmd->add_flag("-v,--verbose", history.verbose, "Also print notes about the files");

  PlanCommandOptions plan;
  CLI::App* plan_cmd = app.add_subcommand(
      "plan", "Write a reconciliation plan for a migration chain and a remote (changes nothing)");
  plan_cmd->footer(kPlanExamples);
  plan_cmd->add_option("--local", plan.local, "The migration directory")->required();
  plan_cmd->add_option("--remote", plan.remote,
                       "The remote: a database (postgres://…), a .sql dump or a .json snapshot")
      ->required();
  plan_cmd->add_option("--out", plan.out, "The plan directory to write")->required();
  plan_cmd->add_option("--direction", plan.direction,
                       "push (default: the migrations are the truth) or pull (the database is)")
      ->check(CLI::IsMember({"push", "pull"}));
  plan_cmd->add_option("--allow-hazard", plan.allow_hazards,
                       "Run statements with this hazard instead of commenting them out: data_loss")
      ->check(CLI::IsMember({"data_loss"}));
  plan_cmd->add_flag("--online", plan.online,
                     "Prefer online-safe DDL (CREATE INDEX CONCURRENTLY, NOT VALID + VALIDATE)");
  AddSourceFlags(plan_cmd, &layout_name, &profile_name);
  plan_cmd->add_flag("-v,--verbose", plan.verbose, "Also print notices from the replay");

  ApplyOptions apply;
  int64_t apply_statement_timeout_ms = 0;
  int64_t apply_lock_timeout_ms = 10'000;
  CLI::App* apply_cmd = app.add_subcommand(
      "apply", "Execute a plan directory written by pgdrift plan (writes only with --yes)");
  apply_cmd->footer(kApplyExamples);
  apply_cmd->add_option("plan_dir", apply.plan_dir, "The plan directory (holds plan.json)")
      ->required();
  apply_cmd->add_option("--remote", apply.remote,
                        "The database to change (default: PGDRIFT_DB_URL, SUPABASE_DB_URL, "
                        "DATABASE_URL, PG* variables)");
  apply_cmd->add_flag("--yes", apply.yes, "Really write to the database");
  apply_cmd->add_option("--profile", profile_name,
                        "Platform profile: supabase or postgres (default: supabase)");
  apply_cmd->add_option("--statement-timeout", apply_statement_timeout_ms,
                        "statement_timeout in milliseconds (default 0: none)");
  apply_cmd->add_option("--lock-timeout", apply_lock_timeout_ms,
                        "lock_timeout in milliseconds (default 10000)");

  LintOptions lint;
  CLI::App* lint_cmd =
      app.add_subcommand("lint", "Report replay errors and risky patterns in a migration chain");
  lint_cmd->footer(kLintExamples);
  lint_cmd->add_option("source", lint.source, "Migration directory or .sql file")->required();
  lint_cmd->add_option("--format", lint.format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  AddSourceFlags(lint_cmd, &layout_name, &profile_name);
  lint_cmd->add_option("--exposed-schema", lint.exposed_schemas,
                       "A schema the API serves, besides the profile's (repeatable)");
  lint_cmd->add_flag("-v,--verbose", lint.verbose, "Also print notices from the replay");

  ReportCommandOptions report;
  CLI::App* report_cmd = app.add_subcommand(
      "report", "Write the auditor's drift report: what drifted, where it came from, how to fix it");
  report_cmd->footer(kReportExamples);
  report_cmd->add_option("--local", report.local, "The migration directory")->required();
  report_cmd->add_option("--remote", report.remote,
                         "The remote: a database URL or conninfo, a .sql dump or a .json snapshot")
      ->required();
  report_cmd->add_option("--format", report.format, "Output format: markdown (default), html or json")
      ->check(CLI::IsMember({"markdown", "html", "json"}));
  report_cmd->add_option("-o,--output", report.out,
                         "Write the report to FILE (and the picture to FILE.svg or FILE.dot)");
  AddSourceFlags(report_cmd, &layout_name, &profile_name);
  report_cmd->add_flag("-v,--verbose", report.verbose, "Also print notices from the replay");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    std::ostream& stream = error.get_exit_code() == 0 ? out : err;
    int code = app.exit(error, stream, stream);
    return code == 0 ? kExitOk : kExitError;
  }

  ColorMode color_mode = color_flag == "always"  ? ColorMode::kAlways
                         : color_flag == "never" ? ColorMode::kNever
                                                 : ColorMode::kAuto;
  Output out_stream{&out, out_fd >= 0 && ShouldColor(color_mode, out_fd)};
  Output err_stream{&err, err_fd >= 0 && ShouldColor(color_mode, err_fd)};

  auto parse_source_options = [&](SourceOptions& options) -> bool {
    if (!layout_name.empty()) {
      options.layout = parser::LayoutFromName(layout_name);
      if (!options.layout) {
        err << "error: unknown layout \"" << layout_name
            << "\" (supabase, flyway, golang-migrate, dbmate, prisma, plain)\n";
        return false;
      }
    }
    if (!profile_name.empty()) {
      options.profile = parser::ProfileFromName(profile_name);
      if (!options.profile) {
        err << "error: unknown profile \"" << profile_name << "\" (supabase, postgres)\n";
        return false;
      }
    }
    return true;
  };

  if (inspect_cmd->parsed()) {
    if (!parse_source_options(inspect.source_options)) return kExitError;
    return RunInspect(inspect, out_stream, err_stream);
  }
  if (lint_cmd->parsed()) {
    if (!parse_source_options(lint.source_options)) return kExitError;
    return RunLint(lint, out_stream, err_stream);
  }
  if (report_cmd->parsed()) {
    if (!parse_source_options(report.source_options)) return kExitError;
    return RunReport(report, out_stream, err_stream);
  }
  if (apply_cmd->parsed()) {
    if (!parse_source_options(apply.source_options)) return kExitError;
    apply.statement_timeout = std::chrono::milliseconds(apply_statement_timeout_ms);
    apply.lock_timeout = std::chrono::milliseconds(apply_lock_timeout_ms);
    return RunApply(apply, out_stream, err_stream);
  }
  if (history_cmd->parsed()) {
    if (!parse_source_options(history.source_options)) return kExitError;
    return RunHistory(history, out_stream, err_stream);
  }
  if (plan_cmd->parsed()) {
    if (!parse_source_options(plan.source_options)) return kExitError;
    return RunPlan(plan, out_stream, err_stream);
  }
  if (diff_cmd->parsed()) {
    if (!parse_source_options(compare.source_options)) return kExitError;
    return RunDiff(compare, out_stream, err_stream);
  }
  if (check_cmd->parsed()) {
    if (!parse_source_options(check.source_options)) return kExitError;
    check.progress = err_fd >= 0 && isatty(err_fd) != 0;
    return RunCheck(check, out_stream, err_stream);
  }
  return kExitError;
}

}  // namespace pgdrift::cli
