#include "model/internal/default_privileges.h"

#include <utility>

namespace pgdrift::model::internal {
namespace {

// Letters of `letters` that are not in `removed`.
std::string Without(std::string_view letters, std::string_view removed) {
  std::string kept;
  for (char letter : letters) {
    if (removed.find(letter) == std::string_view::npos) kept.push_back(letter);
  }
  return kept;
}

// aclmerge without grantors: every grantee of `extra` gains its privileges in `*acl`.
void MergeAcls(Acl* acl, const Acl& extra) {
  for (const auto& [grantee, entry] : extra) {
    AclEntry& target = (*acl)[grantee];
    target.privileges = OrderedPrivileges(target.privileges + entry.privileges);
    target.grantable = OrderedPrivileges(target.grantable + entry.grantable);
  }
}

}  // namespace

char DefaultAclObjectType(AclObjectKind kind) {
  switch (kind) {
    case AclObjectKind::kTable:
      return 'r';
    case AclObjectKind::kSequence:
      return 'S';
    case AclObjectKind::kFunction:
      return 'f';
    case AclObjectKind::kType:
      return 'T';
    case AclObjectKind::kSchema:
      return 'n';
    case AclObjectKind::kColumn:
      return 0;
  }
  return 0;
}

AclObjectKind AclKindOfDefaultAclType(char object_type) {
  switch (object_type) {
    case 'S':
      return AclObjectKind::kSequence;
    case 'f':
      return AclObjectKind::kFunction;
    case 'T':
      return AclObjectKind::kType;
    case 'n':
      return AclObjectKind::kSchema;
    default:
      return AclObjectKind::kTable;
  }
}

std::optional<Acl> NewObjectAcl(const Catalog& catalog, AclObjectKind kind,
                                const std::string& owner, const std::string& schema) {
  char object_type = DefaultAclObjectType(kind);
  if (object_type == 0) return std::nullopt;
  auto global = catalog.default_privileges.find({owner, "", object_type});
  auto in_schema = schema.empty() ? catalog.default_privileges.end()
                                  : catalog.default_privileges.find({owner, schema, object_type});
  if (global == catalog.default_privileges.end() && in_schema == catalog.default_privileges.end()) {
    return std::nullopt;
  }
  Acl hard_wired = DefaultAcl(kind, owner);
  Acl result = global != catalog.default_privileges.end() ? global->second : hard_wired;
  if (in_schema != catalog.default_privileges.end()) MergeAcls(&result, in_schema->second);
  result = NormalizedAcl(std::move(result));
  if (SameAcl(result, hard_wired)) return std::nullopt;
  return result;
}

Acl NormalizedAcl(Acl acl) {
  for (auto it = acl.begin(); it != acl.end();) {
    if (it->second.privileges.empty()) {
      it = acl.erase(it);
    } else {
      it->second.privileges = OrderedPrivileges(it->second.privileges);
      it->second.grantable = OrderedPrivileges(it->second.grantable);
      ++it;
    }
  }
  return acl;
}

bool SameAcl(const Acl& a, const Acl& b) { return NormalizedAcl(a) == NormalizedAcl(b); }

void MergeAclGrant(Acl* acl, bool grant, bool grant_option, std::string_view letters,
                   const std::vector<std::string>& grantees) {
  for (const std::string& grantee : grantees) {
    AclEntry& entry = (*acl)[grantee];
    if (grant) {
      entry.privileges = OrderedPrivileges(entry.privileges + std::string(letters));
      if (grant_option) {
        entry.grantable = OrderedPrivileges(entry.grantable + std::string(letters));
      }
    } else {
      entry.grantable = Without(entry.grantable, letters);
      if (!grant_option) entry.privileges = Without(entry.privileges, letters);
    }
  }
  *acl = NormalizedAcl(std::move(*acl));
}

std::optional<Acl> AclWithNewOwner(const std::optional<Acl>& acl, const std::string& old_owner,
                                   const std::string& new_owner) {
  if (!acl.has_value() || old_owner == new_owner) return acl;
  Acl result = *acl;
  auto old_entry = result.find(old_owner);
  if (old_entry == result.end()) return result;
  AclEntry moved = old_entry->second;
  result.erase(old_entry);
  MergeAcls(&result, Acl{{new_owner, moved}});
  return NormalizedAcl(std::move(result));
}

}  // namespace pgdrift::model::internal
