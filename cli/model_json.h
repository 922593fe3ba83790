// The model as JSON (`pgdrift inspect --format json`, format "pgdrift.model/v1"): every
// object with its identity, canonical attributes and origin (file:line that created and
// last changed it, former names). Keys keep a fixed order, so the same catalog always
// gives the same bytes.
#ifndef PGDRIFT_CLI_MODEL_JSON_H_
#define PGDRIFT_CLI_MODEL_JSON_H_

#include "model/catalog.h"
#include "model/history.h"
#include "nlohmann/json.hpp"

namespace pgdrift::cli {

inline constexpr char kModelFormat[] = "pgdrift.model/v1";

struct ModelJsonOptions {
  bool include_managed = false;  // objects the platform profile provides
  // The migration history the source recorded (a live database's), written as the
  // optional last member `history` (cli/model_json_history.h); nullptr leaves it out.
  const model::History* history = nullptr;
};

// Returns the catalog as a "pgdrift.model/v1" document.
nlohmann::ordered_json ModelToJson(const model::Catalog& catalog, const ModelJsonOptions& options = {});

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_MODEL_JSON_H_
