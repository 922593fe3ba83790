#include "cli/testing/convergence.h"

#include <cctype>

#include "base/strings.h"
#include "cli/source.h"
#include "cli/testing/test_databases.h"
#include "diff/compare.h"
#include "planner/migration.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli::testing {
namespace {

using ::pgdrift::testing::PostgresServer;

// Lines the script opens with: a statement that waits on a lock or loops fails instead of
// stalling the suite, and notices stay out of psql's output.
constexpr std::string_view kScriptPreamble =
    "set statement_timeout = '60s';\n"
    "set client_min_messages = warning;\n";

int CountLines(std::string_view text) {
  int lines = 0;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  return lines;
}

// The first line of `text`, without trailing blanks.
std::string FirstLine(std::string_view text) {
  size_t end = text.find('\n');
  return std::string(Trim(text.substr(0, end)));
}

// How many differences DescribeChanges lists in a failure message.
constexpr size_t kDifferenceLines = 12;

}  // namespace

MigrationScript BuildMigrationScript(const std::vector<planner::PlannedStatement>& statements) {
  MigrationScript script;
  script.text = std::string(kScriptPreamble);
  int line = CountLines(script.text) + 1;  // the line the next text starts on
  auto append = [&](std::string_view text) {
    StrAppend(&script.text, text, "\n");
    line += CountLines(text) + 1;
  };
  bool in_transaction = false;
  for (const planner::PlannedStatement& statement : statements) {
    if (statement.transactional && !in_transaction) {
      append("begin;");
      in_transaction = true;
    } else if (!statement.transactional && in_transaction) {
      append("commit;");
      in_transaction = false;
    }
    std::string_view sql = Trim(statement.sql);
    std::string text(sql);
    if (!sql.ends_with(";")) text.push_back(';');
    int first = line;
    append(text);
    script.statements.push_back({.first = first, .last = line - 1});
  }
  if (in_transaction) append("commit;");
  return script;
}

int FailingStatement(const MigrationScript& script, std::string_view psql_output) {
  // psql prefixes an error of a script with "psql:<file>:<line>: ", the line being the
  // one the statement ended on.
  size_t error = psql_output.find(": ERROR:");
  if (error == std::string_view::npos) return -1;
  size_t digits = error;
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(psql_output[digits - 1]))) {
    --digits;
  }
  if (digits == error) return -1;
  int line = std::stoi(std::string(psql_output.substr(digits, error - digits)));
  for (size_t i = 0; i < script.statements.size(); ++i) {
    if (script.statements[i].first <= line && line <= script.statements[i].last) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::string ServerError(std::string_view psql_output) {
  size_t error = psql_output.find("ERROR:");
  if (error == std::string_view::npos) return std::string(Trim(psql_output));
  std::vector<std::string> lines;
  for (const std::string& line : StrSplit(psql_output.substr(error), '\n')) {
    if (lines.empty() || line.starts_with("DETAIL:") || line.starts_with("HINT:")) {
      lines.push_back(line);
    }
  }
  return StrJoin(lines, "\n");
}

absl::StatusOr<model::Catalog> ReadDatabase(const std::string& database, parser::Profile profile) {
  absl::StatusOr<LoadedSource> source =
      LoadSource(PostgresServer::Shared().ConnectionString(database), {.profile = profile});
  if (!source.ok()) return source.status();
  std::vector<std::string> errors;
  for (const Diagnostic& diagnostic : source->diagnostics.diagnostics()) {
    if (diagnostic.severity == Severity::kError) errors.push_back(diagnostic.ToString());
  }
  if (!errors.empty()) {
    return absl::InternalError(
        StrCat("reading database ", database, ":\n  ", StrJoin(errors, "\n  ")));
  }
  return std::move(source->catalog);
}

PairOutcome CompareWithTarget(const model::Catalog& migrated, const model::Catalog& to,
                              int statements) {
  PairOutcome outcome;
  outcome.statements = statements;
  diff::ChangeSet changes = diff::Compare(to, migrated);
  if (changes.empty()) {
    outcome.converged = true;
    return outcome;
  }
  std::vector<std::string> lines =
      DescribeChanges(changes, "target", "migrated database", kDifferenceLines);
  outcome.problem =
      StrCat("after the migration (", statements, statements == 1 ? " statement" : " statements",
             ") the database still differs from the target:\n  ", StrJoin(lines, "\n  "));
  outcome.summary = StrCat("differs: ", lines.front());
  return outcome;
}

PairOutcome MigrateAndCompare(const std::string& database, parser::Profile profile,
                              const model::Catalog& from, const model::Catalog& to) {
  planner::Migration migration = planner::PlanMigration(from, to);
  // Where each statement comes from, for the failure message.
  std::vector<const planner::MigrationStep*> step_of;
  for (const planner::MigrationStep& step : migration.steps) {
    for (size_t i = 0; i < step.statements.size(); ++i) step_of.push_back(&step);
  }
  std::vector<planner::PlannedStatement> statements = migration.Statements();
  const int count = static_cast<int>(statements.size());
  PairOutcome outcome;
  if (statements.empty()) {
    outcome = CompareWithTarget(from, to, 0);
  } else {
    MigrationScript script = BuildMigrationScript(statements);
    absl::Status ran = PostgresServer::Shared().RunSql(database, script.text);
    if (!ran.ok()) {
      outcome.statements = count;
      std::string output(ran.message());
      std::string error = ServerError(output);
      int failing = FailingStatement(script, output);
      if (failing < 0) {
        outcome.problem = StrCat("the migration (", count, " statements) failed outside its ",
                                 "statements:\n  ", ReplaceAll(error, "\n", "\n  "));
        outcome.summary = StrCat("statement error: commit: ", FirstLine(error));
      } else {
        const planner::MigrationStep& step = *step_of[failing];
        outcome.problem =
            StrCat("statement ", failing + 1, " of ", count, " (",
                   planner::StepActionName(step.action), " ", step.object.ToString(),
                   ") failed:\n    ", ReplaceAll(statements[failing].sql, "\n", "\n    "), "\n  ",
                   ReplaceAll(error, "\n", "\n  "));
        outcome.summary = StrCat("statement error: ", planner::StepActionName(step.action), " ",
                                 model::KindName(step.object.kind), ": ", FirstLine(error));
      }
    } else if (absl::StatusOr<model::Catalog> migrated = ReadDatabase(database, profile);
               !migrated.ok()) {
      outcome.statements = count;
      outcome.problem = std::string(migrated.status().message());
      outcome.summary = "cannot read the migrated database";
    } else {
      outcome = CompareWithTarget(*migrated, to, count);
    }
  }
  if (!outcome.converged && !migration.unsupported.empty()) {
    StrAppend(&outcome.problem, "\n  the planner reports it cannot express:\n    ",
              StrJoin(migration.unsupported, "\n    "));
  }
  return outcome;
}

}  // namespace pgdrift::cli::testing
