// Privileges in the "pgdrift.model/v1" document: the `privileges` member of schemas,
// types, domains, sequences, tables and columns (an ACL as {grantee: {"privileges":
// letters, "grantable": letters}}, "PUBLIC" for PUBLIC, absent for acldefault), and the
// top-level "default_privileges" list (pg_default_acl entries). Written by ModelToJson,
// read back by ModelFromJson.
#ifndef PGDRIFT_CLI_MODEL_JSON_PRIVILEGES_H_
#define PGDRIFT_CLI_MODEL_JSON_PRIVILEGES_H_

#include <optional>

#include "absl/status/status.h"
#include "model/catalog.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

// Sets json["privileges"] to `acl` when it is set (nullopt, acldefault, writes nothing).
void PutPrivileges(nlohmann::ordered_json& json, const std::optional<model::Acl>& acl);

// Reads json["privileges"]: nullopt when absent; grantees whose entry is not an object of
// strings are skipped.
std::optional<model::Acl> PrivilegesFromJson(const nlohmann::ordered_json& json);

// The "default_privileges" list: one {"role", "schema" ("" = global), "object_type"
// (defaclobjtype letter), "privileges"} per entry, leaving out per-schema entries of
// managed schemas unless `include_managed`.
nlohmann::ordered_json DefaultPrivilegesToJson(const model::Catalog& catalog, bool include_managed);

// Reads document["default_privileges"] (absent means none) into `catalog`;
// kInvalidArgument naming the entry when one is malformed.
[[nodiscard]] absl::Status DefaultPrivilegesFromJson(const nlohmann::ordered_json& document,
                                                     model::Catalog* catalog);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_MODEL_JSON_PRIVILEGES_H_
