// not-idempotent: when a chain is written to be re-run (its convention is idempotent), a
// CREATE without IF NOT EXISTS / OR REPLACE replays only once: the second run fails with
// "already exists" (or, for an unnamed CREATE INDEX, adds another index).
//
// The convention is idempotent when at least half of the chain's CREATE statements that
// have such a form use it (parser::ListCreateStatements lists them), and at least one
// does. A CREATE preceded in its file by a DROP … IF EXISTS of the same object re-runs
// too, so it counts as idempotent.
#include "base/strings.h"
#include "lint/rules.h"

namespace pgdrift::lint {
namespace {

bool Reruns(const parser::CreateStatementInfo& statement) {
  return statement.idempotent || statement.dropped_before;
}

// The statement's command in its idempotent spelling: "CREATE TABLE IF NOT EXISTS",
// "CREATE OR REPLACE FUNCTION", "CREATE TABLE IF NOT EXISTS … AS".
std::string IdempotentCommand(const parser::CreateStatementInfo& statement) {
  std::string_view command = statement.command;
  if (statement.idempotent_form == "OR REPLACE") {
    return StrCat("CREATE OR REPLACE", command.substr(std::string_view("CREATE").size()));
  }
  if (command == "CREATE TABLE AS") return "CREATE TABLE IF NOT EXISTS … AS";
  return StrCat(command, " ", statement.idempotent_form);
}

}  // namespace

std::vector<Finding> CheckNotIdempotent(const LintInput& input) {
  std::vector<Finding> findings;
  size_t total = input.create_statements.size();
  size_t reruns = 0;
  for (const parser::CreateStatementInfo& statement : input.create_statements) {
    if (Reruns(statement)) ++reruns;
  }
  if (reruns == 0 || reruns * 2 < total) return findings;
  std::string convention = StrCat(reruns, " of ", total, " CREATE statements re-run");
  for (const parser::CreateStatementInfo& statement : input.create_statements) {
    if (Reruns(statement)) continue;
    Finding finding;
    finding.span = statement.span;
    if (statement.object.empty()) {
      finding.message = StrCat(statement.command, " without a name (", convention,
                               "): each run adds another index");
      finding.why = StrCat("name the index and write ", IdempotentCommand(statement), " name ON …");
    } else {
      finding.object = StrCat(statement.kind, " ", statement.object);
      finding.message = StrCat(statement.command, " ", statement.object, " without ",
                               statement.idempotent_form, " (", convention, ")");
      finding.why = StrCat("it fails with \"already exists\" when the migration runs again; write ",
                           IdempotentCommand(statement));
    }
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace pgdrift::lint
