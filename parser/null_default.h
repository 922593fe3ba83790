// Whether a written DEFAULT is "no default": PostgreSQL stores none when the default,
// once cooked for its column or domain, is a bare null constant. Shared by the column
// (CREATE TABLE, ALTER TABLE … SET DEFAULT) and domain (CREATE / ALTER DOMAIN) transforms.
#ifndef PGDRIFT_PARSER_NULL_DEFAULT_H_
#define PGDRIFT_PARSER_NULL_DEFAULT_H_

#include "model/catalog.h"
#include "model/type_ref.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser {

// Whether `expr`, a DEFAULT assigned to type `target`, leaves no default behind: it is
// NULL, possibly cast, and cookDefault (heap.c) turns it into a null Const of the target
// type rather than an expression. AddRelationNewConstraints and ATExecColumnDefault
// (columns) and DefineDomain and AlterDomainDefault (domains) then store nothing.
//
// It stays an expression, and PostgreSQL stores it (pg_get_expr prints
// `NULL::character varying`), when
//   - `target` is a domain (CoerceToDomain), so a column's null overrides the domain's
//     default;
//   - the null needs a length coercion: `target` has a type modifier and a length
//     coercion function (character(n), character varying(n), bit(n), bit varying(n),
//     numeric(p,s), time(p), timestamp(p) …, arrays of those; a scalar interval takes its
//     modifier straight from the literal's input function instead);
//   - a cast changes its type (NULL::integer for a bigint column becomes int8(…)).
// Anything it cannot resolve (an unknown type in a cast) counts as an expression, so the
// default's normal processing reports the problem.
bool IsDiscardedNullDefault(const PgQuery__Node& expr, const model::TypeRef& target,
                            const model::Catalog& catalog);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_NULL_DEFAULT_H_
