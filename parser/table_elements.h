// Table elements as CREATE TABLE and ALTER TABLE write them — column definitions, column
// and table constraints, index elements and storage parameters — turned into model
// structs. Shared by transform_create_table.cc,
// transform_alter_table.cc and transform_index.cc, so that a clause means the same
// wherever it is written.
//
// Expressions come out canonical (NormalizeExpression); names stay as written.
#ifndef PGDRIFT_PARSER_TABLE_ELEMENTS_H_
#define PGDRIFT_PARSER_TABLE_ELEMENTS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "model/mutation.h"
#include "parser/normalize.h"
#include "parser/transform.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser {

// Where table elements are being transformed: the table (qualified when it can be) and
// the columns expressions may reference, with their types (existing columns plus the
// ones the statement adds so far).
struct TableScope {
  model::QualifiedName table;
  std::vector<model::Column> columns;
  // CREATE TABLE: constraints are valid whatever NOT VALID says (parse_utilcmd.c
  // transformCheckConstraints / transformFKConstraints skip validation of a new table).
  bool creating_table = false;

  // The expression context for this table.
  ExpressionContext Expressions(const model::Catalog& catalog) const;
};

// A ColumnDef (CREATE TABLE element, ALTER TABLE ADD COLUMN, ALTER TYPE ADD ATTRIBUTE):
// name, type (serial detected), collation, compression, and its column constraints —
// NULL / NOT NULL, DEFAULT, GENERATED … STORED, GENERATED … AS IDENTITY go into the
// column; CHECK, PRIMARY KEY, UNIQUE and REFERENCES are appended to `constraints` with
// `column` set. Errors are PostgreSQL's (transformColumnDefinition in parse_utilcmd.c):
// conflicting NULL/NOT NULL, multiple defaults, default and identity, …
// `typeless_allowed`: PARTITION OF and OF type tables declare options on inherited
// columns without a type; the TypeRef is left empty then.
absl::StatusOr<model::ColumnDef> TransformColumnDef(const PgQuery__ColumnDef& column_def,
                                                    const TableScope& scope, bool typeless_allowed,
                                                    std::vector<model::ConstraintDef>* constraints,
                                                    TransformContext& ctx);

// A table constraint (or an ALTER TABLE ADD CONSTRAINT): PRIMARY KEY, UNIQUE [NULLS NOT
// DISTINCT] [INCLUDE], CHECK [NO INHERIT], FOREIGN KEY, EXCLUDE, with deferrability and
// NOT VALID. USING INDEX is left to the caller (`constraint.indexname`).
absl::StatusOr<model::ConstraintDef> TransformTableConstraint(const PgQuery__Constraint& constraint,
                                                             const TableScope& scope,
                                                             TransformContext& ctx);

// One key of an index or exclusion constraint using access method `method`: a column or
// a canonical expression, with collation (when not the column's), operator class (when
// written and not the default one; extensions' classes qualified with the extension's
// schema), ordering made explicit. `name_hint` receives the name an implicit index name
// uses (ChooseIndexColumnNames in indexcmds.c).
absl::StatusOr<model::IndexElement> TransformIndexElem(const PgQuery__IndexElem& elem,
                                                       const TableScope& scope,
                                                       const std::string& method,
                                                       std::string* name_hint,
                                                       TransformContext& ctx);

// Storage parameters (WITH (fillfactor = 70, toast.autovacuum_enabled = false)) as
// pg_class.reloptions keeps them: name (namespace-prefixed) → value as written, "true"
// when no value is given.
std::map<std::string, std::string> StorageParameters(PgQuery__Node* const* options, size_t count);

// The names of a RESET (…) list.
std::vector<std::string> StorageParameterNames(PgQuery__Node* const* options, size_t count);

// A collation name as the model stores it: `pg_catalog."C"`, `public.mine`; "" for
// "default" (the type's own collation). Collations are not modelled: an unqualified name
// is taken to be PostgreSQL's own (pg_catalog) when it is one of the built-in names (C,
// POSIX, ucs_basic) or looks like a locale (en_US, de_DE.utf8, und-x-icu), and to be
// the user's, in the creation schema of `catalog`, otherwise.
std::string CollationName(PgQuery__Node* const* names, size_t count, const model::Catalog& catalog);

// The schema an unqualified collation name resolves to (see CollationName).
std::string CollationSchema(std::string_view name, const model::Catalog& catalog);

// PostgreSQL's checks on a DEFAULT expression (transformColumnDefault / cookDefault):
// no column references, no sub-queries. InvalidArgument with PostgreSQL's message.
absl::Status CheckDefaultExpression(const PgQuery__Node& expr, const TransformContext& ctx);

// `status` with the statement's span attached when it has none (errors of helpers that
// do not know where the statement is).
absl::Status AtStatement(const absl::Status& status, const TransformContext& ctx);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_TABLE_ELEMENTS_H_
