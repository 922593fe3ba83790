// LintInput: everything the lint rules look at — the replayed catalog, the profile it was
// replayed with, the replay's diagnostics and the chain's CREATE statements — so rules
// are pure functions of it and unit tests build it directly.
#ifndef PGDRIFT_LINT_LINT_INPUT_H_
#define PGDRIFT_LINT_LINT_INPUT_H_

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "model/catalog.h"
#include "parser/create_statements.h"
#include "parser/profile.h"

namespace pgdrift::lint {

struct LintInput {
  const model::Catalog* catalog = nullptr;  // required
  parser::Profile profile = parser::Profile::kPostgres;
  // Schemas to treat as exposed through the API in addition to the profile's
  // (`--exposed-schema`).
  std::vector<std::string> exposed_schemas;
  // What replaying the source reported (errors become `replay-error` findings).
  std::vector<Diagnostic> replay_diagnostics;
  // The CREATE statements with an idempotent form, of every file of the source in replay
  // order (empty for snapshots and databases).
  std::vector<parser::CreateStatementInfo> create_statements;
};

}  // namespace pgdrift::lint

#endif  // PGDRIFT_LINT_LINT_INPUT_H_
