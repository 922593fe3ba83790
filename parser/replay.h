// Replayer: applies SQL files, statement by statement, to an in-memory Catalog — the
// migration chain (or dump) replayed with PostgreSQL's semantics, no database needed.
//
// Errors PostgreSQL would raise are reported with file:line:col and the replay goes on
// with the next statement (the failed one has no effect), so one run lists every
// problem. Statements that are not modelled become warnings naming what was skipped.
#ifndef PGDRIFT_PARSER_REPLAY_H_
#define PGDRIFT_PARSER_REPLAY_H_

#include "base/diagnostic.h"
#include "model/catalog.h"
#include "parser/source_file.h"

namespace pgdrift::parser {

class Replayer {
 public:
  // Starts from `initial` (typically a profile's seeded catalog); findings go to `sink`.
  Replayer(model::Catalog initial, DiagnosticSink* sink)
      : catalog_(std::move(initial)), sink_(sink) {}

  // Parses and replays every statement of `file`.
  void ReplayFile(SourceFile file);

  const model::Catalog& catalog() const { return catalog_; }
  model::Catalog TakeCatalog() { return std::move(catalog_); }

  int statements() const { return statements_; }
  int files() const { return files_; }

 private:
  void ReplayStatements(SourceFile file);

  model::Catalog catalog_;
  DiagnosticSink* sink_;
  int statements_ = 0;
  int files_ = 0;
};

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_REPLAY_H_
