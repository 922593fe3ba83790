#include "planner/privileges_ddl.h"

#include <functional>
#include <set>

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"

namespace pgdrift::planner {
namespace {

// The SQL name of one aclitem letter (privilege_to_string in aclchk.c).
std::string_view PrivilegeName(char letter) {
  switch (letter) {
    case 'a':
      return "INSERT";
    case 'r':
      return "SELECT";
    case 'w':
      return "UPDATE";
    case 'd':
      return "DELETE";
    case 'D':
      return "TRUNCATE";
    case 'x':
      return "REFERENCES";
    case 't':
      return "TRIGGER";
    case 'X':
      return "EXECUTE";
    case 'U':
      return "USAGE";
    case 'C':
      return "CREATE";
    case 'c':
      return "CONNECT";
    case 'T':
      return "TEMPORARY";
  }
  return "";
}

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

// The statements that turn `from` into `to`, each as `prefix` + GRANT/REVOKE clause
// (`privileges_of` prints the privilege list and the ON part).
std::vector<std::string> AclChangeSql(
    const model::Acl& from, const model::Acl& to, std::string_view prefix,
    const std::function<std::string(std::string_view letters)>& privileges_on) {
  std::set<std::string> grantees;
  for (const auto& [grantee, entry] : from) grantees.insert(grantee);
  for (const auto& [grantee, entry] : to) grantees.insert(grantee);
  std::vector<std::string> revokes;
  std::vector<std::string> grants;
  for (const std::string& grantee : grantees) {
    model::AclEntry base;
    model::AclEntry target;
    if (auto it = from.find(grantee); it != from.end()) base = it->second;
    if (auto it = to.find(grantee); it != to.end()) target = it->second;
    std::string revoked = model::OrderedPrivileges(Without(base.privileges, target.privileges));
    if (!revoked.empty()) {
      revokes.push_back(Statement(
          StrCat(prefix, "REVOKE ", privileges_on(revoked), " FROM ", GranteeSql(grantee))));
    }
    // Grant options the base holds on privileges the target keeps without them.
    std::string lost_options =
        model::OrderedPrivileges(Without(Without(base.grantable, target.grantable), revoked));
    if (!lost_options.empty()) {
      revokes.push_back(
          Statement(StrCat(prefix, "REVOKE GRANT OPTION FOR ", privileges_on(lost_options),
                           " FROM ", GranteeSql(grantee))));
    }
    std::string plain = model::OrderedPrivileges(
        Without(Without(target.privileges, base.privileges), target.grantable));
    if (!plain.empty()) {
      grants.push_back(
          Statement(StrCat(prefix, "GRANT ", privileges_on(plain), " TO ", GranteeSql(grantee))));
    }
    std::string with_option = model::OrderedPrivileges(Without(target.grantable, base.grantable));
    if (!with_option.empty()) {
      grants.push_back(Statement(StrCat(prefix, "GRANT ", privileges_on(with_option), " TO ",
                                        GranteeSql(grantee), " WITH GRANT OPTION")));
    }
  }
  revokes.insert(revokes.end(), grants.begin(), grants.end());
  return revokes;
}

}  // namespace

std::string PrivilegeListSql(std::string_view letters, model::AclObjectKind kind) {
  std::string ordered = model::OrderedPrivileges(letters);
  if (ordered == model::AllPrivileges(kind)) return "ALL";
  std::vector<std::string> names;
  for (char letter : ordered) names.emplace_back(PrivilegeName(letter));
  return StrJoin(names, ",");
}

std::vector<std::string> AclSql(std::string_view target, const std::optional<model::Acl>& acl,
                                model::AclObjectKind kind, const std::string& owner) {
  if (!acl.has_value()) return {};
  return AclChangeSql(model::DefaultAcl(kind, owner), *acl, "", [&](std::string_view letters) {
    return StrCat(PrivilegeListSql(letters, kind), " ON ", target);
  });
}

std::vector<std::string> ColumnAclSql(std::string_view table_sql, const std::string& column,
                                      const std::optional<model::Acl>& acl) {
  if (!acl.has_value()) return {};
  return AclChangeSql({}, *acl, "", [&](std::string_view letters) {
    std::vector<std::string> names;
    for (char letter : model::OrderedPrivileges(letters)) names.emplace_back(PrivilegeName(letter));
    return StrCat(StrJoin(names, ","), "(", QuoteIdent(column), ") ON TABLE ", table_sql);
  });
}

std::vector<std::string> DefaultPrivilegesSql(const model::DefaultAcls& acls) {
  std::vector<std::string> statements;
  for (const auto& [key, acl] : acls) {
    model::AclObjectKind kind = DefaultObjectsKind(key.object_type);
    std::string prefix = StrCat("ALTER DEFAULT PRIVILEGES FOR ROLE ", QuoteIdent(key.role), " ");
    if (!key.schema.empty()) StrAppend(&prefix, "IN SCHEMA ", QuoteIdent(key.schema), " ");
    model::Acl base = key.schema.empty() ? model::DefaultAcl(kind, key.role) : model::Acl{};
    for (std::string& statement : AclChangeSql(base, acl, prefix, [&](std::string_view letters) {
           return StrCat(PrivilegeListSql(letters, kind), " ON ",
                         DefaultObjectsSql(key.object_type));
         })) {
      statements.push_back(std::move(statement));
    }
  }
  return statements;
}

std::string_view DefaultObjectsSql(char object_type) {
  switch (object_type) {
    case 'S':
      return "SEQUENCES";
    case 'f':
      return "FUNCTIONS";
    case 'T':
      return "TYPES";
    case 'n':
      return "SCHEMAS";
    default:
      return "TABLES";
  }
}

model::AclObjectKind DefaultObjectsKind(char object_type) {
  switch (object_type) {
    case 'S':
      return model::AclObjectKind::kSequence;
    case 'f':
      return model::AclObjectKind::kFunction;
    case 'T':
      return model::AclObjectKind::kType;
    case 'n':
      return model::AclObjectKind::kSchema;
    default:
      return model::AclObjectKind::kTable;
  }
}

}  // namespace pgdrift::planner
