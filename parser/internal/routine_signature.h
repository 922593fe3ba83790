// Routine names as statements write them: an ObjectWithArgs (ALTER / DROP / COMMENT ON
// FUNCTION f(uuid, text)) → model::RoutineSignature, and argument types resolved the way
// CREATE FUNCTION resolves them (`%TYPE` included), shared by the transforms that name
// functions and procedures.
#ifndef PGDRIFT_PARSER_INTERNAL_ROUTINE_SIGNATURE_H_
#define PGDRIFT_PARSER_INTERNAL_ROUTINE_SIGNATURE_H_

#include "absl/status/statusor.h"
#include "model/catalog.h"
#include "model/mutation.h"
#include "model/type_ref.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser::internal {

// Resolves an argument or result type, without a type modifier (pg_proc keeps none).
// `%TYPE` (TypeName.pct_type) names a column
// ([schema.]table.column) and stands for that column's type, as parse_type.c
// LookupTypeNameExtended resolves it; `*note` receives PostgreSQL's NOTICE text
// ("type reference t.c%TYPE converted to integer") when not null.
[[nodiscard]] absl::StatusOr<model::TypeRef> ResolveRoutineType(const PgQuery__TypeName& type_name,
                                                                const model::Catalog& catalog,
                                                                std::string* note = nullptr);

// The signature an ObjectWithArgs names: its possibly qualified name and, unless written
// without parentheses (args_unspecified), the canonical input argument types joined by
// ", " (OUT and TABLE arguments do not count, as in LookupFuncWithArgs).
[[nodiscard]] absl::StatusOr<model::RoutineSignature> RoutineSignatureOf(
    const PgQuery__ObjectWithArgs& object, const model::Catalog& catalog);

// Whether `object_type` is FUNCTION, PROCEDURE or ROUTINE; `*kind` receives kProcedure
// for PROCEDURE and kFunction for the others (a ROUTINE finds either).
bool IsRoutineObjectType(PgQuery__ObjectType object_type, model::ObjectKind* kind);

// The signature a statement's `object` node (an ObjectWithArgs) names.
[[nodiscard]] absl::StatusOr<model::RoutineSignature> RoutineSignatureOfNode(
    const PgQuery__Node* object, const model::Catalog& catalog);

}  // namespace pgdrift::parser::internal

#endif  // PGDRIFT_PARSER_INTERNAL_ROUTINE_SIGNATURE_H_
