// ACL arithmetic for replay: the ACL a new object starts with (acldefault replaced and
// extended by pg_default_acl, as get_user_default_acl in src/backend/catalog/aclchk.c
// computes it) and the grant / revoke merge GRANT, REVOKE and ALTER DEFAULT PRIVILEGES
// share (merge_acl_with_grant in aclchk.c, without grantors: they are not modelled).
#ifndef PGDRIFT_MODEL_INTERNAL_DEFAULT_PRIVILEGES_H_
#define PGDRIFT_MODEL_INTERNAL_DEFAULT_PRIVILEGES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "model/privileges.h"

namespace pgdrift::model::internal {

// pg_default_acl.defaclobjtype of the objects of `kind` ('r' tables and views, 'S'
// sequences, 'f' functions and procedures, 'T' types and domains, 'n' schemas); 0 for
// columns, which have no default privileges.
char DefaultAclObjectType(AclObjectKind kind);

// The AclObjectKind of a defaclobjtype letter.
AclObjectKind AclKindOfDefaultAclType(char object_type);

// The ACL an object of `kind` that `owner` creates in `schema` ("" for a schema itself)
// starts with: nullopt (acldefault) unless ALTER DEFAULT PRIVILEGES entries of `owner`
// apply. The global entry replaces acldefault, the per-schema entry adds its grants;
// a result equal to acldefault is nullopt again (get_user_default_acl).
std::optional<Acl> NewObjectAcl(const Catalog& catalog, AclObjectKind kind,
                                const std::string& owner, const std::string& schema);

// `acl` without grantees that hold nothing.
Acl NormalizedAcl(Acl acl);

// Whether two ACLs hold the same privileges (grantees holding nothing ignored).
bool SameAcl(const Acl& a, const Acl& b);

// Grants (or revokes) `letters` to (from) each of `grantees` in `acl`. With
// `grant_option`, GRANT also grants the option and REVOKE revokes only the option
// (REVOKE GRANT OPTION FOR). Grantees left holding nothing are removed.
void MergeAclGrant(Acl* acl, bool grant, bool grant_option, std::string_view letters,
                   const std::vector<std::string>& grantees);

// The ACL after the owner of an object changes from `old_owner` to `new_owner`
// (aclnewowner in src/backend/utils/adt/acl.c): the old owner's privileges move to the
// new owner, merged with what the new owner already held. nullopt stays nullopt.
std::optional<Acl> AclWithNewOwner(const std::optional<Acl>& acl, const std::string& old_owner,
                                   const std::string& new_owner);

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_DEFAULT_PRIVILEGES_H_
