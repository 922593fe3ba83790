// CREATE statements that have an idempotent form (IF NOT EXISTS or OR REPLACE) and
// whether each uses it, with file:line — what `pgdrift lint`'s not-idempotent rule needs
// to tell whether a chain is written to be re-run. No libpg_query type leaves this file.
#ifndef PGDRIFT_PARSER_CREATE_STATEMENTS_H_
#define PGDRIFT_PARSER_CREATE_STATEMENTS_H_

#include <string>
#include <vector>

#include "base/source_span.h"
#include "parser/source_file.h"

namespace pgdrift::parser {

// One CREATE statement whose command PostgreSQL 15 accepts with IF NOT EXISTS or
// OR REPLACE.
struct CreateStatementInfo {
  SourceSpan span;          // the statement
  std::string command;      // "CREATE TABLE", "CREATE INDEX", "CREATE FUNCTION" …
  std::string kind;  // "table", "index", "function" … (ObjectKind names where one exists)
  std::string object;       // the name as written ("public.todos", "todos"); "" when unnamed
  std::string idempotent_form;  // "IF NOT EXISTS" or "OR REPLACE"
  bool idempotent = false;      // the statement uses that form
  // An earlier statement of the same file is a DROP … IF EXISTS of an object of the same
  // kind and name (names compared without their schema), so the pair re-runs.
  bool dropped_before = false;
  std::string first_line;       // the statement's first line (base FirstLine)
};

// The CREATE statements of `file` that have an idempotent form, in file order:
// CREATE TABLE / FOREIGN TABLE / TABLE AS / MATERIALIZED VIEW / INDEX / SCHEMA /
// SEQUENCE / EXTENSION / STATISTICS / SERVER / COLLATION (IF NOT EXISTS) and
// CREATE FUNCTION / PROCEDURE / VIEW / TRIGGER / AGGREGATE (OR REPLACE). Left out:
// statements PostgreSQL gives no such form (CREATE TYPE, DOMAIN, POLICY, ROLE,
// PUBLICATION, constraint triggers, CREATE SCHEMA with schema elements, which refuses
// IF NOT EXISTS). An unnamed CREATE INDEX is listed with `object` empty (IF NOT EXISTS
// needs a name; without one each run adds another index). Statements that do not parse
// are skipped: the replay reports them.
std::vector<CreateStatementInfo> ListCreateStatements(SourceFile file);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_CREATE_STATEMENTS_H_
