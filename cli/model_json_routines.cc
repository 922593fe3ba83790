#include "cli/model_json_routines.h"

#include <string>

#include "base/strings.h"
#include "cli/model_json_lineage.h"
#include "cli/model_json_reader.h"
#include "model/object_id.h"

namespace pgdrift::cli {
namespace {

using Json = nlohmann::ordered_json;

Json RoutineJson(const model::Routine& routine) {
  model::ObjectId id = model::RoutineId(routine);
  Json json = Json::object();
  json["identity"] = id.ToString();
  json["kind"] = std::string(model::KindName(id.kind));
  json["schema"] = id.schema;
  json["name"] = id.name;
  json["args"] = id.args;
  Json arguments = Json::array();
  for (const model::RoutineArg& arg : routine.args) {
    Json item = Json::object();
    item["mode"] = std::string(model::ArgModeName(arg.mode));
    if (!arg.name.empty()) item["name"] = arg.name;
    item["type"] = arg.type.ToString();
    if (arg.default_expr) item["default"] = *arg.default_expr;
    arguments.push_back(std::move(item));
  }
  json["arguments"] = std::move(arguments);
  if (!routine.result.empty()) json["result"] = routine.result;
  json["language"] = routine.language;
  json["body"] = routine.body;
  if (!routine.probin.empty()) json["probin"] = routine.probin;
  json["volatility"] = std::string(model::VolatilityName(routine.volatility));
  json["strict"] = routine.strict;
  json["security_definer"] = routine.security_definer;
  json["leakproof"] = routine.leakproof;
  json["parallel"] = std::string(model::ParallelSafetyName(routine.parallel));
  json["cost"] = routine.cost;
  json["rows"] = routine.rows;
  if (!routine.config.empty()) {
    Json config = Json::array();
    for (const auto& [name, value] : routine.config) config.push_back(StrCat(name, "=", value));
    json["config"] = std::move(config);
  }
  if (routine.support) json["support"] = routine.support->ToString();
  if (!routine.owner.empty()) json["owner"] = routine.owner;
  if (!routine.comment.empty()) json["comment"] = routine.comment;
  if (routine.privileges) {
    Json privileges = Json::object();
    for (const auto& [grantee, entry] : *routine.privileges) {
      privileges[grantee] = {{"privileges", entry.privileges}, {"grantable", entry.grantable}};
    }
    json["privileges"] = std::move(privileges);
  }
  PutLineage(json, routine.lineage);
  return json;
}

absl::Status Text(const Json& json, const char* key, bool required, std::string* out) {
  auto it = json.find(key);
  if (it == json.end() || it->is_null()) {
    return required ? absl::InvalidArgumentError(StrCat(key, " is missing")) : absl::OkStatus();
  }
  if (!it->is_string()) return absl::InvalidArgumentError(StrCat(key, " is not a string"));
  *out = it->get<std::string>();
  return absl::OkStatus();
}

absl::Status Flag(const Json& json, const char* key, bool* out) {
  auto it = json.find(key);
  if (it == json.end()) return absl::OkStatus();
  if (!it->is_boolean()) return absl::InvalidArgumentError(StrCat(key, " is not a boolean"));
  *out = it->get<bool>();
  return absl::OkStatus();
}

absl::Status Number(const Json& json, const char* key, double* out) {
  auto it = json.find(key);
  if (it == json.end()) return absl::OkStatus();
  if (!it->is_number()) return absl::InvalidArgumentError(StrCat(key, " is not a number"));
  *out = it->get<double>();
  return absl::OkStatus();
}

// Finds the enumerator whose name is `text` among `candidates`.
template <typename Enum, typename NameOf>
absl::Status EnumOf(const std::string& text, const char* key, std::initializer_list<Enum> candidates,
                    NameOf name_of, Enum* out) {
  for (Enum candidate : candidates) {
    if (name_of(candidate) == text) {
      *out = candidate;
      return absl::OkStatus();
    }
  }
  return absl::InvalidArgumentError(StrCat(key, " \"", text, "\" is unknown"));
}

absl::Status ReadArgument(const Json& json, model::RoutineArg* arg) {
  if (!json.is_object()) return absl::InvalidArgumentError("is not an object");
  std::string mode, type, default_expr;
  for (absl::Status status : {Text(json, "mode", true, &mode), Text(json, "name", false, &arg->name),
                              Text(json, "type", true, &type),
                              Text(json, "default", false, &default_expr)}) {
    if (!status.ok()) return status;
  }
  if (json.contains("default")) arg->default_expr = default_expr;
  arg->type = ParseTypeText(type);
  return EnumOf(mode, "mode",
                {model::ArgMode::kIn, model::ArgMode::kOut, model::ArgMode::kInOut,
                 model::ArgMode::kVariadic, model::ArgMode::kTable},
                model::ArgModeName, &arg->mode);
}

absl::Status ReadRoutine(const Json& json, model::Routine* routine) {
  if (!json.is_object()) return absl::InvalidArgumentError("is not an object");
  std::string kind, volatility, parallel, support;
  for (absl::Status status :
       {Text(json, "kind", true, &kind), Text(json, "schema", true, &routine->name.schema),
        Text(json, "name", true, &routine->name.name), Text(json, "result", false, &routine->result),
        Text(json, "language", true, &routine->language), Text(json, "body", true, &routine->body),
        Text(json, "probin", false, &routine->probin),
        Text(json, "volatility", true, &volatility), Text(json, "parallel", true, &parallel),
        Text(json, "support", false, &support), Text(json, "owner", false, &routine->owner),
        Text(json, "comment", false, &routine->comment),
        Flag(json, "strict", &routine->strict),
        Flag(json, "security_definer", &routine->security_definer),
        Flag(json, "leakproof", &routine->leakproof), Number(json, "cost", &routine->cost),
        Number(json, "rows", &routine->rows)}) {
    if (!status.ok()) return status;
  }
  if (kind != "function" && kind != "procedure") {
    return absl::InvalidArgumentError(StrCat("kind \"", kind, "\" is unknown"));
  }
  routine->procedure = kind == "procedure";
  if (absl::Status status = EnumOf(volatility, "volatility",
                                   {model::Volatility::kVolatile, model::Volatility::kStable,
                                    model::Volatility::kImmutable},
                                   model::VolatilityName, &routine->volatility);
      !status.ok()) {
    return status;
  }
  if (absl::Status status = EnumOf(parallel, "parallel",
                                   {model::ParallelSafety::kUnsafe,
                                    model::ParallelSafety::kRestricted,
                                    model::ParallelSafety::kSafe},
                                   model::ParallelSafetyName, &routine->parallel);
      !status.ok()) {
    return status;
  }
  if (!support.empty()) routine->support = ParseQualifiedText(support);
  if (auto it = json.find("arguments"); it != json.end()) {
    if (!it->is_array()) return absl::InvalidArgumentError("arguments is not an array");
    for (size_t i = 0; i < it->size(); ++i) {
      model::RoutineArg arg;
      absl::Status status = ReadArgument((*it)[i], &arg);
      if (!status.ok()) {
        return absl::InvalidArgumentError(StrCat("arguments[", i, "].", std::string(status.message())));
      }
      routine->args.push_back(std::move(arg));
    }
  }
  if (auto it = json.find("config"); it != json.end()) {
    if (!it->is_array()) return absl::InvalidArgumentError("config is not an array");
    for (const Json& item : *it) {
      if (!item.is_string()) return absl::InvalidArgumentError("config holds a non-string");
      std::string text = item.get<std::string>();
      size_t equals = text.find('=');
      routine->config.emplace_back(text.substr(0, equals),
                                   equals == std::string::npos ? "" : text.substr(equals + 1));
    }
  }
  if (auto it = json.find("privileges"); it != json.end()) {
    if (!it->is_object()) return absl::InvalidArgumentError("privileges is not an object");
    model::Acl acl;
    for (const auto& [grantee, entry] : it->items()) {
      model::AclEntry& item = acl[grantee];
      for (absl::Status status : {Text(entry, "privileges", true, &item.privileges),
                                  Text(entry, "grantable", false, &item.grantable)}) {
        if (!status.ok()) return absl::InvalidArgumentError(StrCat("privileges.", status.message()));
      }
    }
    routine->privileges = std::move(acl);
  }
  routine->lineage = LineageFromJson(json);
  return absl::OkStatus();
}

}  // namespace

nlohmann::ordered_json RoutinesToJson(const model::Catalog& catalog, bool include_managed) {
  Json list = Json::array();
  for (const auto& [key, routine] : catalog.routines) {
    if (!include_managed && catalog.IsManagedSchema(key.name.schema)) continue;
    list.push_back(RoutineJson(routine));
  }
  return list;
}

absl::Status RoutinesFromJson(const nlohmann::ordered_json& document, model::Catalog* catalog) {
  auto it = document.find("routines");
  if (it == document.end()) return absl::OkStatus();
  if (!it->is_array()) return absl::InvalidArgumentError("$.routines is not an array");
  for (size_t i = 0; i < it->size(); ++i) {
    model::Routine routine;
    absl::Status status = ReadRoutine((*it)[i], &routine);
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          StrCat("$.routines[", i, "].", std::string(status.message())));
    }
    model::RoutineKey key = routine.key();
    catalog->routines[key] = std::move(routine);
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::cli
