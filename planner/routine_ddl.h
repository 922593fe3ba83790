// DDL for functions and procedures: CREATE OR REPLACE FUNCTION / PROCEDURE in the form
// pg_dump writes it (pg_get_functiondef in ruleutils.c), and the ALTER / COMMENT / DROP
// statements that name a routine by its signature.
#ifndef PGDRIFT_PLANNER_ROUTINE_DDL_H_
#define PGDRIFT_PLANNER_ROUTINE_DDL_H_

#include <string>

#include "model/routine.h"

namespace pgdrift::planner {

// `public.f(integer, text)`: the qualified name and the identity argument types, as
// ALTER, COMMENT ON and DROP FUNCTION name a routine.
std::string RoutineSignatureSql(const model::Routine& routine);

// Returns `CREATE OR REPLACE FUNCTION name(args)\n RETURNS …\n LANGUAGE …\n … AS $tag$body$tag$;`:
// arguments with their modes (IN only for procedures, as pg_get_function_arguments
// prints them) and defaults, RETURNS TABLE(…) for TABLE arguments, the attributes that
// differ from the defaults, SET clauses with each value a literal, and the body
// dollar-quoted with a tag that does not occur in it ($function$ when possible). C
// functions get `AS 'object file', 'link symbol'`.
std::string CreateRoutineSql(const model::Routine& routine);

// Returns `ALTER FUNCTION|PROCEDURE signature OWNER TO role;`.
std::string RoutineOwnerSql(const model::Routine& routine);

// Returns `COMMENT ON FUNCTION|PROCEDURE signature IS '…';` (IS NULL when empty).
std::string RoutineCommentSql(const model::Routine& routine);

// Returns `DROP FUNCTION|PROCEDURE signature;`.
std::string DropRoutineSql(const model::Routine& routine);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_ROUTINE_DDL_H_
