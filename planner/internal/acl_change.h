// GRANT / REVOKE statements that turn one ACL into another on an existing object, and
// ALTER DEFAULT PRIVILEGES statements that turn one pg_default_acl entry into another —
// what a migration runs when `privileges`, column privileges or `default_privileges`
// differ. planner/privileges_ddl.h starts from acldefault() (a freshly created object);
// these start from whatever the current catalog records.
#ifndef PGDRIFT_PLANNER_INTERNAL_ACL_CHANGE_H_
#define PGDRIFT_PLANNER_INTERNAL_ACL_CHANGE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/privileges.h"
#include "planner/planned_statement.h"

namespace pgdrift::planner::internal {

// The REVOKE then GRANT statements that turn the ACL `from` of an object owned by
// `from_owner` into `to` of the same object owned by `to_owner`, on `target` (the printed
// object as GRANT names it: `TABLE public.t`, `SEQUENCE public.s`, `SCHEMA app`,
// `TYPE public.mood`, `DOMAIN public.email`, `FUNCTION public.f(integer)`,
// `PROCEDURE public.p()`). An absent ACL is acldefault(kind, owner).
//
// With `compare_owners`, the statements run after `ALTER … OWNER TO to_owner`, which
// hands the old owner's entries to the new owner (aclnewowner in
// src/backend/utils/adt/acl.c), and the owner's own entry is converged like any other.
// Without it the object keeps its current owner and the owner's own entries are left
// alone on both sides, as diff::PrivilegesValue leaves them out of the comparison; a
// target owner that is not the object's owner is an ordinary grantee then.
std::vector<PlannedStatement> AclChangeSql(std::string_view target, model::AclObjectKind kind,
                                           const std::optional<model::Acl>& from,
                                           const std::string& from_owner,
                                           const std::optional<model::Acl>& to,
                                           const std::string& to_owner, bool compare_owners);

// The statements that turn column privileges `from` into `to` (pg_attribute.attacl; an
// absent ACL is empty): `GRANT SELECT,UPDATE (col) ON TABLE public.t TO r;` and the
// matching REVOKEs. Also for view and materialized view columns (GRANT … ON TABLE
// accepts every relation).
std::vector<PlannedStatement> ColumnAclChangeSql(std::string_view table_sql,
                                                 const std::string& column,
                                                 const std::optional<model::Acl>& from,
                                                 const std::optional<model::Acl>& to);

// The ALTER DEFAULT PRIVILEGES statements that turn the pg_default_acl entry `key` from
// `from` into `to`: `ALTER DEFAULT PRIVILEGES FOR ROLE r [IN SCHEMA s] REVOKE|GRANT …
// ON TABLES|SEQUENCES|FUNCTIONS|TYPES|SCHEMAS FROM|TO grantee;`. An absent global entry
// is acldefault of the role (PostgreSQL removes an entry that returns to it); an absent
// per-schema entry is empty (per-schema entries only add to the global one).
std::vector<PlannedStatement> DefaultAclChangeSql(const model::DefaultAclKey& key,
                                                  const std::optional<model::Acl>& from,
                                                  const std::optional<model::Acl>& to);

// DefaultAclChangeSql for every key of `from` or `to` whose schema is `schema` (""
// selects the global entries), in key order.
std::vector<PlannedStatement> DefaultAclsChangeSql(const model::DefaultAcls& from,
                                                   const model::DefaultAcls& to,
                                                   std::string_view schema);

}  // namespace pgdrift::planner::internal

#endif  // PGDRIFT_PLANNER_INTERNAL_ACL_CHANGE_H_
