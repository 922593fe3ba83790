// Reads a "pgdrift.model/v1" document (what `pgdrift inspect --format json` writes) back
// into a Catalog, so a committed snapshot can stand in for a database: `check` and `diff`
// against a snapshot need no server.
#ifndef PGDRIFT_CLI_MODEL_JSON_READER_H_
#define PGDRIFT_CLI_MODEL_JSON_READER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "model/catalog.h"
#include "model/type_ref.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

// The catalog `document` describes; kInvalidArgument naming the JSON path of the first
// field that is missing or of the wrong type, or when the format is not pgdrift.model/v1.
[[nodiscard]] absl::StatusOr<model::Catalog> ModelFromJson(const nlohmann::ordered_json& document);

// Parses a type as TypeRef::ToString prints it: `integer[]`, `public.mood`,
// `"My Schema"."Mood"`, `extensions.vector(1536)`.
model::TypeRef ParseTypeText(std::string_view text);

// Parses `schema.name` with each part possibly quoted as QuoteIdent quotes.
model::QualifiedName ParseQualifiedText(std::string_view text);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_MODEL_JSON_READER_H_
