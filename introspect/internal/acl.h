// ParseAcl: turns an aclitem[] column read as text (relacl, attacl, proacl, nspacl,
// typacl, pg_default_acl.defaclacl) into a model::Acl. Grantors are dropped (they are
// not drift); several aclitems of one grantee from different grantors are merged.
#ifndef PGDRIFT_INTROSPECT_INTERNAL_ACL_H_
#define PGDRIFT_INTROSPECT_INTERNAL_ACL_H_

#include <optional>
#include <string>
#include <string_view>

#include "introspect/result_set.h"
#include "model/privileges.h"

namespace pgdrift::introspect::internal {

// Parses `text`, an aclitem[] in PostgreSQL's text output form
// ('{postgres=arwdDxt/postgres,=X/postgres,"\"my role\"=r*/postgres"}'; each aclitem as
// aclitemout prints it, role names quoted by putid with '"' doubled, then array_out's
// quoting around the element). The unescaped form '{"my role"=r*/postgres}' is accepted
// too. An empty grantee is PUBLIC, stored under the key "PUBLIC". NULL (nullopt) stays
// nullopt: the object has its acldefault(). Malformed aclitems are skipped.
std::optional<model::Acl> ParseAcl(const std::optional<std::string>& text);

// ParseAcl of the value of `column` in `row`.
std::optional<model::Acl> ParseAcl(const ResultSet::Row& row, std::string_view column);

}  // namespace pgdrift::introspect::internal

#endif  // PGDRIFT_INTROSPECT_INTERNAL_ACL_H_
