// Policies in the "pgdrift.model/v1" document: one top-level "policies" list (each entry
// names its table by "schema" and "parent"), written by ModelToJson and read back by
// ModelFromJson. Policies users put on managed tables (storage.objects) are written
// even though the table is not; reading one back gives the managed stand-in table
// introspection gives it.
#ifndef PGDRIFT_CLI_MODEL_JSON_POLICIES_H_
#define PGDRIFT_CLI_MODEL_JSON_POLICIES_H_

#include "absl/status/status.h"
#include "model/catalog.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

// Returns the "policies" list: the policies of every table, managed ones included.
nlohmann::ordered_json PoliciesToJson(const model::Catalog& catalog);

// Reads document["policies"] (absent means none) into the tables of `catalog`;
// kInvalidArgument naming the JSON path of a malformed entry.
[[nodiscard]] absl::Status PoliciesFromJson(const nlohmann::ordered_json& document,
                                            model::Catalog* catalog);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_MODEL_JSON_POLICIES_H_
