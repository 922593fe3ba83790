#include "model/privileges.h"

#include "base/strings.h"
#include "model/catalog.h"
#include "model/internal/default_privileges.h"

namespace pgdrift::model {
namespace {

// The order in which aclitemout prints privilege letters (ACL_ALL_RIGHTS_STR in
// src/include/utils/acl.h).
constexpr std::string_view kPrintOrder = "arwdDxtXUCTc";

}  // namespace

std::string_view AllPrivileges(AclObjectKind kind) {
  switch (kind) {
    case AclObjectKind::kTable:
      return "arwdDxt";
    case AclObjectKind::kColumn:
      return "arwx";
    case AclObjectKind::kSequence:
      return "rwU";
    case AclObjectKind::kFunction:
      return "X";
    case AclObjectKind::kSchema:
      return "UC";
    case AclObjectKind::kType:
      return "U";
  }
  return "";
}

std::string OrderedPrivileges(std::string_view letters) {
  std::string ordered;
  for (char letter : kPrintOrder) {
    if (letters.find(letter) != std::string_view::npos) ordered.push_back(letter);
  }
  return ordered;
}

Acl DefaultAcl(AclObjectKind kind, const std::string& owner) {
  Acl acl;
  if (kind == AclObjectKind::kColumn) return acl;
  if (!owner.empty()) acl[owner] = {std::string(AllPrivileges(kind)), ""};
  if (kind == AclObjectKind::kFunction) acl["PUBLIC"] = {"X", ""};
  if (kind == AclObjectKind::kType) acl["PUBLIC"] = {"U", ""};
  return acl;
}

std::vector<std::string> AclTexts(const Acl& acl) {
  std::vector<std::string> texts;
  for (const auto& [grantee, entry] : acl) {
    if (entry.privileges.empty()) continue;
    std::string text = grantee == "PUBLIC" ? "=" : StrCat(grantee, "=");
    for (char letter : OrderedPrivileges(entry.privileges)) {
      text.push_back(letter);
      if (entry.grantable.find(letter) != std::string::npos) text.push_back('*');
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

std::optional<Acl> InitialAcl(const Catalog& catalog, AclObjectKind kind, const std::string& owner,
                              const std::string& schema) {
  return internal::NewObjectAcl(catalog, kind, owner, schema);
}

}  // namespace pgdrift::model
