// The default expression PostgreSQL stores for a serial column, in the canonical form
// the catalog prints with an empty search_path: nextval('public.orders_id_seq'::regclass).
//
// The parser's canonicalizer prints the same text for a written nextval() default, so a
// serial column and its spelled-out equivalent compare equal.
#ifndef PGDRIFT_MODEL_NEXTVAL_H_
#define PGDRIFT_MODEL_NEXTVAL_H_

#include <string>

#include "model/object_id.h"

namespace pgdrift::model {

// Returns `nextval('<schema>.<name>'::regclass)` for `sequence`: each name part quoted as
// quote_ident would, and single quotes inside the literal doubled (the regclass
// constant is printed by ruleutils.c get_const_expr with simple_quote_literal).
std::string NextvalExpression(const QualifiedName& sequence);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_NEXTVAL_H_
