// The per-kind readers ReadCatalog runs in order, one file each (introspect/read_<kind>.cc),
// and the helpers they share. Each reader sends one (or two) fixed queries and fills its
// part of the catalog; expressions are stored as the catalog printed them and made
// canonical afterwards by CanonicalizeExpressions, once every object is known.
#ifndef PGDRIFT_INTROSPECT_INTERNAL_READERS_H_
#define PGDRIFT_INTROSPECT_INTERNAL_READERS_H_

#include <set>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "introspect/catalog_reader.h"
#include "introspect/connection.h"
#include "introspect/result_set.h"
#include "model/catalog.h"
#include "model/type_ref.h"

namespace pgdrift::introspect::internal {

// What every reader works on.
struct ReadContext {
  Session* session;
  model::Catalog* catalog;
  const ReadOptions* options;
};

// Runs `sql` and prefixes an error with "reading <what>: ".
[[nodiscard]] absl::StatusOr<ResultSet> RunQuery(ReadContext& ctx, std::string_view what,
                                                 std::string_view sql);

// A TypeRef from the result columns <prefix>_schema, <prefix>_name, <prefix>_array and
// <prefix>_typmod, as the queries return type references (see columns.sql).
model::TypeRef TypeRefFromRow(const ResultSet::Row& row, std::string_view prefix);

// The table a trigger or policy on `relation` belongs to: the catalog's table, or, for a
// table of an excluded (platform-managed) schema such as auth.users or storage.objects, a
// managed stand-in that holds only what users added to it — the form the profile gives
// such tables on the migrations side. nullptr when the table is outside the read scope.
model::Table* TableOrManagedStandIn(ReadContext& ctx, const model::QualifiedName& relation);

// A text[] literal holding `values`, each element double-quoted ('{"a","b c"}'), for the
// pgdrift.* settings the queries read.
std::string TextArrayLiteral(const std::set<std::string>& values);

// roles.sql → Catalog::roles (and current_user).
[[nodiscard]] absl::Status ReadRoles(ReadContext& ctx);
// schemas.sql → Catalog::schemas.
[[nodiscard]] absl::Status ReadSchemas(ReadContext& ctx);
// extensions.sql → Catalog::extensions.
[[nodiscard]] absl::Status ReadExtensions(ReadContext& ctx);
// types.sql and composite_attributes.sql → Catalog::types.
[[nodiscard]] absl::Status ReadTypes(ReadContext& ctx);
// domains.sql and domain_constraints.sql → Catalog::domains.
[[nodiscard]] absl::Status ReadDomains(ReadContext& ctx);
// sequences.sql → Catalog::sequences.
[[nodiscard]] absl::Status ReadSequences(ReadContext& ctx);
// tables.sql → Catalog::tables (without columns and constraints).
[[nodiscard]] absl::Status ReadTables(ReadContext& ctx);
// columns.sql → Table::columns of the tables read.
[[nodiscard]] absl::Status ReadColumns(ReadContext& ctx);
// constraints.sql → Table::constraints of the tables read. What an index-backed
// constraint takes from its index is filled by CompleteIndexBackedConstraints.
[[nodiscard]] absl::Status ReadConstraints(ReadContext& ctx);
// indexes.sql and index_keys.sql → Catalog::indexes.
[[nodiscard]] absl::Status ReadIndexes(ReadContext& ctx);
// views.sql and view_columns.sql → Catalog::views, queries canonicalized (run after
// tables, columns and types: the queries read them).
[[nodiscard]] absl::Status ReadViews(ReadContext& ctx);
// routines.sql, routine_args.sql → Catalog::routines (functions and procedures);
// aggregates and window functions in scope become warnings.
[[nodiscard]] absl::Status ReadRoutines(ReadContext& ctx);
// default_privileges.sql → Catalog::default_privileges.
[[nodiscard]] absl::Status ReadDefaultPrivileges(ReadContext& ctx);
// triggers.sql → Table::triggers and View::triggers (run after columns and views; a
// trigger on a table of an excluded schema gets a managed placeholder table).
[[nodiscard]] absl::Status ReadTriggers(ReadContext& ctx);

// policies.sql → Table::policies, with managed stand-in tables for the policies of
// tables outside the read scope (see introspect/read_policies.cc).
[[nodiscard]] absl::Status ReadPolicies(ReadContext& ctx);

// Rewrites every expression the readers stored (column defaults and generation
// expressions, check constraints, index keys and predicates, domain defaults and
// checks) with parser::NormalizeExpressionText. An expression it cannot handle keeps
// the catalog's text and gets a warning in ReadOptions::warnings.
void CanonicalizeExpressions(ReadContext& ctx);

// Copies into each primary key, unique and exclusion constraint what PostgreSQL keeps
// on its backing index: INCLUDE columns, NULLS NOT DISTINCT, storage options, and for
// exclusion constraints the access method, the elements (paired with the operators
// constraints.sql read) and the predicate. Runs after CanonicalizeExpressions.
void CompleteIndexBackedConstraints(model::Catalog* catalog);

}  // namespace pgdrift::introspect::internal

#endif  // PGDRIFT_INTROSPECT_INTERNAL_READERS_H_
