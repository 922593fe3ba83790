#include "planner/internal/acl_change.h"

#include <functional>
#include <set>

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/privileges_ddl.h"

namespace pgdrift::planner::internal {
namespace {

// Letters of `letters` not in `removed`.
std::string Without(std::string_view letters, std::string_view removed) {
  std::string kept;
  for (char letter : letters) {
    if (removed.find(letter) == std::string_view::npos) kept.push_back(letter);
  }
  return kept;
}

std::string GranteeSql(const std::string& grantee) {
  return grantee == "PUBLIC" ? "PUBLIC" : QuoteIdent(grantee);
}

PlannedStatement Plain(std::string sql) {
  PlannedStatement statement;
  statement.sql = std::move(sql);
  return statement;
}

// REVOKEs then GRANTs turning `from` into `to`, each `prefix` + the clause;
// `privileges_on(letters)` prints the privilege list and the ON part. Grantees in name
// order, so the output is deterministic.
std::vector<PlannedStatement> ChangeSql(
    const model::Acl& from, const model::Acl& to, std::string_view prefix,
    const std::function<std::string(std::string_view letters)>& privileges_on) {
  std::set<std::string> grantees;
  for (const auto& [grantee, entry] : from) grantees.insert(grantee);
  for (const auto& [grantee, entry] : to) grantees.insert(grantee);
  std::vector<PlannedStatement> revokes;
  std::vector<PlannedStatement> grants;
  for (const std::string& grantee : grantees) {
    model::AclEntry base;
    model::AclEntry target;
    if (auto it = from.find(grantee); it != from.end()) base = it->second;
    if (auto it = to.find(grantee); it != to.end()) target = it->second;
    std::string revoked = model::OrderedPrivileges(Without(base.privileges, target.privileges));
    if (!revoked.empty()) {
      revokes.push_back(Plain(Statement(
          StrCat(prefix, "REVOKE ", privileges_on(revoked), " FROM ", GranteeSql(grantee)))));
    }
    // Grant options held on privileges that stay, but stay without the option.
    std::string lost_options =
        model::OrderedPrivileges(Without(Without(base.grantable, target.grantable), revoked));
    if (!lost_options.empty()) {
      revokes.push_back(
          Plain(Statement(StrCat(prefix, "REVOKE GRANT OPTION FOR ", privileges_on(lost_options),
                                 " FROM ", GranteeSql(grantee)))));
    }
    std::string plain = model::OrderedPrivileges(
        Without(Without(target.privileges, base.privileges), target.grantable));
    if (!plain.empty()) {
      grants.push_back(Plain(
          Statement(StrCat(prefix, "GRANT ", privileges_on(plain), " TO ", GranteeSql(grantee)))));
    }
    std::string with_option = model::OrderedPrivileges(Without(target.grantable, base.grantable));
    if (!with_option.empty()) {
      grants.push_back(Plain(Statement(StrCat(prefix, "GRANT ", privileges_on(with_option), " TO ",
                                              GranteeSql(grantee), " WITH GRANT OPTION"))));
    }
  }
  revokes.insert(revokes.end(), grants.begin(), grants.end());
  return revokes;
}

// The union of two entries (aclnewowner merges the old owner's entry into the new one's).
model::AclEntry Merge(const model::AclEntry& a, const model::AclEntry& b) {
  return {model::OrderedPrivileges(a.privileges + b.privileges),
          model::OrderedPrivileges(a.grantable + b.grantable)};
}

}  // namespace

std::vector<PlannedStatement> AclChangeSql(std::string_view target, model::AclObjectKind kind,
                                           const std::optional<model::Acl>& from,
                                           const std::string& from_owner,
                                           const std::optional<model::Acl>& to,
                                           const std::string& to_owner, bool compare_owners) {
  model::Acl base;
  model::Acl wanted = to.has_value() ? *to : model::DefaultAcl(kind, to_owner);
  if (compare_owners) {
    if (!from.has_value()) {
      base = model::DefaultAcl(kind, to_owner);
    } else {
      base = *from;
      if (from_owner != to_owner) {
        auto old_entry = base.find(from_owner);
        if (old_entry != base.end()) {
          model::AclEntry moved = old_entry->second;
          base.erase(old_entry);
          base[to_owner] = Merge(base[to_owner], moved);
        }
      }
    }
  } else {
    base = from.has_value() ? *from : model::DefaultAcl(kind, from_owner);
    // The owner's own entry is not compared: keep it as it is.
    wanted.erase(to_owner);
    wanted.erase(from_owner);
    if (auto it = base.find(from_owner); it != base.end()) wanted[from_owner] = it->second;
  }
  return ChangeSql(base, wanted, "", [&](std::string_view letters) {
    return StrCat(PrivilegeListSql(letters, kind), " ON ", target);
  });
}

std::vector<PlannedStatement> ColumnAclChangeSql(std::string_view table_sql,
                                                 const std::string& column,
                                                 const std::optional<model::Acl>& from,
                                                 const std::optional<model::Acl>& to) {
  return ChangeSql(from.value_or(model::Acl{}), to.value_or(model::Acl{}), "",
                   [&](std::string_view letters) {
                     // Column letters are a strict subset of a table's, so the table kind
                     // spells them out by name and never as ALL.
                     return StrCat(PrivilegeListSql(letters, model::AclObjectKind::kTable), " (",
                                   QuoteIdent(column), ") ON TABLE ", table_sql);
                   });
}

std::vector<PlannedStatement> DefaultAclChangeSql(const model::DefaultAclKey& key,
                                                  const std::optional<model::Acl>& from,
                                                  const std::optional<model::Acl>& to) {
  model::AclObjectKind kind = DefaultObjectsKind(key.object_type);
  model::Acl absent = key.schema.empty() ? model::DefaultAcl(kind, key.role) : model::Acl{};
  std::string prefix = StrCat("ALTER DEFAULT PRIVILEGES FOR ROLE ", QuoteIdent(key.role), " ");
  if (!key.schema.empty()) StrAppend(&prefix, "IN SCHEMA ", QuoteIdent(key.schema), " ");
  return ChangeSql(
      from.value_or(absent), to.value_or(absent), prefix, [&](std::string_view letters) {
        return StrCat(PrivilegeListSql(letters, kind), " ON ", DefaultObjectsSql(key.object_type));
      });
}

std::vector<PlannedStatement> DefaultAclsChangeSql(const model::DefaultAcls& from,
                                                   const model::DefaultAcls& to,
                                                   std::string_view schema) {
  std::set<model::DefaultAclKey> keys;
  for (const auto& [key, acl] : from) {
    if (key.schema == schema) keys.insert(key);
  }
  for (const auto& [key, acl] : to) {
    if (key.schema == schema) keys.insert(key);
  }
  std::vector<PlannedStatement> statements;
  for (const model::DefaultAclKey& key : keys) {
    std::optional<model::Acl> before;
    std::optional<model::Acl> after;
    if (auto it = from.find(key); it != from.end()) before = it->second;
    if (auto it = to.find(key); it != to.end()) after = it->second;
    for (PlannedStatement& statement : DefaultAclChangeSql(key, before, after)) {
      statements.push_back(std::move(statement));
    }
  }
  return statements;
}

}  // namespace pgdrift::planner::internal
