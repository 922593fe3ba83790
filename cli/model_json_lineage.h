// The lineage fields every object of pgdrift.model/v1 carries (`origin`, `last_changed`,
// `former_names`), written and read the same way by each kind's writer and reader.
#ifndef PGDRIFT_CLI_MODEL_JSON_LINEAGE_H_
#define PGDRIFT_CLI_MODEL_JSON_LINEAGE_H_

#include "base/source_span.h"
#include "model/lineage.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

// {"file", "line", "column"} of `span`.
nlohmann::ordered_json SpanJson(const SourceSpan& span);

// Adds `origin`, `last_changed` (only when it differs from origin) and `former_names`
// (only when there are any) to `json`.
void PutLineage(nlohmann::ordered_json& json, const model::Lineage& lineage);

// The lineage PutLineage wrote: `last_changed` defaults to `origin`; fields of the wrong
// type are ignored (lineage is not drift, so a snapshot without it is still valid).
model::Lineage LineageFromJson(const nlohmann::ordered_json& json);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_MODEL_JSON_LINEAGE_H_
