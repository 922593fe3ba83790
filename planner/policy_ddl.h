// DDL for row-level security policies: CREATE POLICY in the shape pg_dump writes it
// (AS RESTRICTIVE and FOR <command> only when not the defaults, TO only when not
// PUBLIC, USING and WITH CHECK with their canonical text in parentheses), ALTER POLICY,
// DROP POLICY and COMMENT ON POLICY.
#ifndef PGDRIFT_PLANNER_POLICY_DDL_H_
#define PGDRIFT_PLANNER_POLICY_DDL_H_

#include <string>
#include <vector>

#include "model/object_id.h"
#include "model/policy.h"

namespace pgdrift::planner {

// Returns `CREATE POLICY name ON table [AS RESTRICTIVE] [FOR cmd] [TO roles] [USING
// (…)] [WITH CHECK (…)];` for `policy` on `table`.
std::string CreatePolicySql(const model::QualifiedName& table, const model::Policy& policy);

// Returns `ALTER POLICY name ON table TO roles USING (…) WITH CHECK (…);` giving the
// policy `policy`'s roles and expressions (the clauses the policy has). AS and FOR cannot
// be altered: a policy whose permissive flag or command changes is dropped and created.
std::string AlterPolicySql(const model::QualifiedName& table, const model::Policy& policy);

// Returns `DROP POLICY name ON table;`.
std::string DropPolicySql(const model::QualifiedName& table, const model::Policy& policy);

// Returns `COMMENT ON POLICY name ON table IS '…';` (IS NULL when empty).
std::string PolicyCommentSql(const model::QualifiedName& table, const model::Policy& policy);

// The statements that create `policy` as the model holds it: CREATE POLICY, then its
// comment when it has one.
std::vector<std::string> PolicySql(const model::QualifiedName& table, const model::Policy& policy);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_POLICY_DDL_H_
