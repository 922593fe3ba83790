// GRANT / REVOKE statements that give an object the ACL the model records, starting from
// acldefault() as a freshly created object has it (as pg_dump's buildACLCommands
// writes them), and the ALTER DEFAULT PRIVILEGES statements that recreate
// pg_default_acl entries.
#ifndef PGDRIFT_PLANNER_PRIVILEGES_DDL_H_
#define PGDRIFT_PLANNER_PRIVILEGES_DDL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "model/privileges.h"

namespace pgdrift::planner {

// The privilege names of aclitem letters, in print order, comma separated
// ("SELECT,INSERT"); "ALL" when `letters` are every privilege of `kind`.
std::string PrivilegeListSql(std::string_view letters, model::AclObjectKind kind);

// The statements that turn acldefault(kind, owner) into `acl` on `target` (the printed
// object, e.g. `TABLE public.t`, `FUNCTION public.f(integer)`, `SCHEMA app`): REVOKEs of
// what the default holds and `acl` does not, then GRANTs (WITH GRANT OPTION where the
// option is held). None when `acl` is nullopt (the object keeps its default).
std::vector<std::string> AclSql(std::string_view target, const std::optional<model::Acl>& acl,
                                model::AclObjectKind kind, const std::string& owner);

// GRANT … (column) ON TABLE `table_sql` statements for a column ACL (columns start empty).
std::vector<std::string> ColumnAclSql(std::string_view table_sql, const std::string& column,
                                      const std::optional<model::Acl>& acl);

// The statements that recreate `acls`: a global entry relative to acldefault of its role,
// a per-schema entry as grants, each `ALTER DEFAULT PRIVILEGES FOR ROLE r [IN SCHEMA s]
// GRANT|REVOKE … ON TABLES|SEQUENCES|FUNCTIONS|TYPES|SCHEMAS …;`.
std::vector<std::string> DefaultPrivilegesSql(const model::DefaultAcls& acls);

// The objects an ALTER DEFAULT PRIVILEGES entry of pg_default_acl.defaclobjtype
// `object_type` applies to, as SQL ("TABLES", "SEQUENCES", "FUNCTIONS", "TYPES",
// "SCHEMAS"), and as the kind whose privilege letters it uses.
std::string_view DefaultObjectsSql(char object_type);
model::AclObjectKind DefaultObjectsKind(char object_type);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_PRIVILEGES_DDL_H_
