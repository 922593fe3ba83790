#include "cli/model_json_privileges.h"

#include <string>

#include "base/strings.h"

namespace pgdrift::cli {
namespace {

using Json = nlohmann::ordered_json;

Json AclToJson(const model::Acl& acl) {
  Json json = Json::object();
  for (const auto& [grantee, entry] : acl) {
    json[grantee] = {{"privileges", entry.privileges}, {"grantable", entry.grantable}};
  }
  return json;
}

std::optional<model::Acl> AclFromJson(const Json& json) {
  if (!json.is_object()) return std::nullopt;
  model::Acl acl;
  for (const auto& [grantee, entry] : json.items()) {
    if (!entry.is_object()) continue;
    model::AclEntry item;
    if (auto it = entry.find("privileges"); it != entry.end() && it->is_string()) {
      item.privileges = it->get<std::string>();
    }
    if (auto it = entry.find("grantable"); it != entry.end() && it->is_string()) {
      item.grantable = it->get<std::string>();
    }
    acl[grantee] = std::move(item);
  }
  return acl;
}

}  // namespace

void PutPrivileges(Json& json, const std::optional<model::Acl>& acl) {
  if (acl.has_value()) json["privileges"] = AclToJson(*acl);
}

std::optional<model::Acl> PrivilegesFromJson(const Json& json) {
  auto it = json.find("privileges");
  if (it == json.end()) return std::nullopt;
  return AclFromJson(*it);
}

Json DefaultPrivilegesToJson(const model::Catalog& catalog, bool include_managed) {
  Json list = Json::array();
  for (const auto& [key, acl] : catalog.default_privileges) {
    if (!include_managed && !key.schema.empty() && catalog.IsManagedSchema(key.schema)) continue;
    Json entry = Json::object();
    entry["role"] = key.role;
    entry["schema"] = key.schema;
    entry["object_type"] = std::string(1, key.object_type);
    entry["privileges"] = AclToJson(acl);
    list.push_back(std::move(entry));
  }
  return list;
}

absl::Status DefaultPrivilegesFromJson(const Json& document, model::Catalog* catalog) {
  auto list = document.find("default_privileges");
  if (list == document.end()) return absl::OkStatus();
  if (!list->is_array()) {
    return absl::InvalidArgumentError("default_privileges: is not an array");
  }
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& entry = (*list)[i];
    std::string path = StrCat("default_privileges[", i, "]");
    if (!entry.is_object() || !entry.contains("role") || !entry["role"].is_string() ||
        !entry.contains("object_type") || !entry["object_type"].is_string() ||
        entry["object_type"].get<std::string>().size() != 1) {
      return absl::InvalidArgumentError(StrCat(path, ": needs role and a one-letter object_type"));
    }
    model::DefaultAclKey key;
    key.role = entry["role"].get<std::string>();
    if (entry.contains("schema") && entry["schema"].is_string()) {
      key.schema = entry["schema"].get<std::string>();
    }
    key.object_type = entry["object_type"].get<std::string>()[0];
    std::optional<model::Acl> acl = PrivilegesFromJson(entry);
    catalog->default_privileges[key] = acl.value_or(model::Acl{});
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::cli
