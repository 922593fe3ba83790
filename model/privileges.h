// Privileges: access control lists as PostgreSQL keeps them (aclitem[] in relacl,
// attacl, proacl, nspacl, typacl, and pg_default_acl.defaclacl).
//
// An Acl maps a grantee to the privileges granted to it, in aclitem letters. A missing
// Acl (std::nullopt in the owning object) is PostgreSQL's NULL: the hard-wired default of
// acldefault() for the object's kind and owner, which GRANT and REVOKE first materialise.
#ifndef PGDRIFT_MODEL_PRIVILEGES_H_
#define PGDRIFT_MODEL_PRIVILEGES_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pgdrift::model {

// The privileges one grantee holds on one object. `privileges` and `grantable` are
// aclitem letters in the order PostgreSQL prints them ("arwdDxt" for a table, "X" for a
// function, "U" for a type, sequence USAGE "U", "UC" for a schema):
//   a INSERT, r SELECT, w UPDATE, d DELETE, D TRUNCATE, x REFERENCES, t TRIGGER,
//   X EXECUTE, U USAGE, C CREATE, c CONNECT, T TEMPORARY.
// `grantable` is the subset held WITH GRANT OPTION.
struct AclEntry {
  std::string privileges;
  std::string grantable;

  friend bool operator==(const AclEntry&, const AclEntry&) = default;
};

// Grantee role name → its privileges; the key "PUBLIC" stands for the pseudo-role
// (an aclitem with grantee 0). Grantors are not kept: they are not drift.
using Acl = std::map<std::string, AclEntry>;

// What an Acl belongs to: decides the privilege letters ALL means and acldefault().
enum class AclObjectKind {
  kTable,     // tables, views, materialized views: "arwdDxt"
  kColumn,    // "arwx"
  kSequence,  // "rwU"
  kFunction,  // functions and procedures: "X"
  kSchema,    // "UC"
  kType,      // types and domains: "U"
};

// acldefault(kind, owner): the owner holds every privilege; PUBLIC holds EXECUTE on
// functions and USAGE on types. Columns have no default (empty Acl).
Acl DefaultAcl(AclObjectKind kind, const std::string& owner);

// The letters "ALL [PRIVILEGES]" grants on `kind`, in print order.
std::string_view AllPrivileges(AclObjectKind kind);

// Letters in PostgreSQL's print order ("arwdDxtXUCcT"), duplicates removed.
std::string OrderedPrivileges(std::string_view letters);

// `acl` as aclitem-like texts "grantee=letters" with `*` after each grantable letter,
// "=letters" for PUBLIC, in grantee order, e.g. {"anon=arwdDxt", "postgres=arwdDxt"}.
std::vector<std::string> AclTexts(const Acl& acl);

// pg_default_acl: privileges ALTER DEFAULT PRIVILEGES gives to objects `role` creates,
// globally (`schema` empty) or in one schema. Object types as defaclobjtype:
//   'r' tables (and views), 'S' sequences, 'f' functions, 'T' types, 'n' schemas.
struct DefaultAclKey {
  std::string role;
  std::string schema;  // empty = every schema
  char object_type = 'r';

  friend bool operator==(const DefaultAclKey&, const DefaultAclKey&) = default;
  friend auto operator<=>(const DefaultAclKey&, const DefaultAclKey&) = default;
};

// A global entry replaces acldefault() for the role's new objects of that type; a
// per-schema entry adds its grants on top of that (per-schema entries can only grant).
using DefaultAcls = std::map<DefaultAclKey, Acl>;

struct Catalog;

// The ACL an object of `kind` that `owner` creates in `schema` ("" for a schema itself)
// starts with in `catalog`: nullopt (acldefault) unless ALTER DEFAULT PRIVILEGES entries
// of `owner` apply (get_user_default_acl in src/backend/catalog/aclchk.c).
std::optional<Acl> InitialAcl(const Catalog& catalog, AclObjectKind kind, const std::string& owner,
                              const std::string& schema);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_PRIVILEGES_H_
