#include "cli/model_json_history.h"

#include <string>
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/local_migrations.h"

namespace pgdrift::cli {
namespace {

using Json = nlohmann::ordered_json;

// Reads the fields of one JSON object, remembering the first problem with its path.
class FieldReader {
 public:
  explicit FieldReader(absl::Status* error) : error_(error) {}

  // The string at `key`; "" (and an error when `required`) when absent.
  std::string Text(const Json& object, const char* key, const std::string& path,
                   bool required = false) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) Fail(StrCat(path, ".", key, " is missing"));
      return "";
    }
    if (!it->is_string()) {
      Fail(StrCat(path, ".", key, " is not a string"));
      return "";
    }
    return it->get<std::string>();
  }

  std::optional<std::string> OptionalText(const Json& object, const char* key,
                                          const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    return Text(object, key, path);
  }

  // The array of strings at `key`, nullopt when absent or null.
  std::optional<std::vector<std::string>> Texts(const Json& object, const char* key,
                                                const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_array()) {
      Fail(StrCat(path, ".", key, " is not an array"));
      return std::nullopt;
    }
    std::vector<std::string> items;
    for (size_t i = 0; i < it->size(); ++i) {
      const Json& item = (*it)[i];
      if (!item.is_string()) {
        Fail(StrCat(path, ".", key, "[", i, "] is not a string"));
        return std::nullopt;
      }
      items.push_back(item.get<std::string>());
    }
    return items;
  }

  bool Flag(const Json& object, const char* key, const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return false;
    if (!it->is_boolean()) {
      Fail(StrCat(path, ".", key, " is not a boolean"));
      return false;
    }
    return it->get<bool>();
  }

  void Fail(std::string message) {
    if (error_->ok()) *error_ = absl::InvalidArgumentError(message);
  }

 private:
  absl::Status* error_;
};

Json EntryJson(const model::HistoryEntry& entry) {
  Json json = Json::object();
  json["version"] = entry.version;
  json["name"] = entry.name;
  if (entry.statements) json["statements"] = *entry.statements;
  if (!entry.fingerprints.empty()) json["fingerprints"] = entry.fingerprints;
  if (entry.checksum) json["checksum"] = *entry.checksum;
  if (!entry.applied_at.empty()) json["applied_at"] = entry.applied_at;
  if (entry.failed) {
    json["failed"] = true;
    json["failure"] = entry.failure;
  }
  return json;
}

}  // namespace

std::optional<model::HistoryTool> HistoryToolFromName(std::string_view name) {
  for (model::HistoryTool tool :
       {model::HistoryTool::kSupabase, model::HistoryTool::kFlyway,
        model::HistoryTool::kGolangMigrate, model::HistoryTool::kDbmate,
        model::HistoryTool::kPrisma}) {
    if (model::HistoryToolName(tool) == name) return tool;
  }
  return std::nullopt;
}

nlohmann::ordered_json HistoryToJson(const model::History& history) {
  Json json = Json::object();
  json["tool"] = std::string(model::HistoryToolName(history.tool));
  json["table"] = history.table;
  if (!history.ignored_columns.empty()) json["ignored_columns"] = history.ignored_columns;
  Json entries = Json::array();
  for (const model::HistoryEntry& entry : history.entries) entries.push_back(EntryJson(entry));
  json["entries"] = std::move(entries);
  return json;
}

absl::StatusOr<std::optional<model::History>> HistoryFromModelJson(
    const nlohmann::ordered_json& document) {
  auto member = document.find("history");
  if (member == document.end() || member->is_null()) return std::nullopt;
  const std::string path = "$.history";
  if (!member->is_object()) return absl::InvalidArgumentError(StrCat(path, " is not an object"));
  absl::Status error;
  FieldReader reader(&error);
  model::History history;
  std::string tool_name = reader.Text(*member, "tool", path, /*required=*/true);
  history.table = reader.Text(*member, "table", path, /*required=*/true);
  history.ignored_columns =
      reader.Texts(*member, "ignored_columns", path).value_or(std::vector<std::string>{});
  PGDRIFT_RETURN_IF_ERROR(error);
  std::optional<model::HistoryTool> tool = HistoryToolFromName(tool_name);
  if (!tool) {
    return absl::InvalidArgumentError(StrCat(
        path, ".tool \"", tool_name,
        "\" is not a migration tool pgdrift knows (supabase, flyway, golang-migrate, dbmate, "
        "prisma)"));
  }
  history.tool = *tool;
  auto entries = member->find("entries");
  if (entries == member->end() || !entries->is_array()) {
    return absl::InvalidArgumentError(
        StrCat(path, ".entries ", entries == member->end() ? "is missing" : "is not an array"));
  }
  for (size_t i = 0; i < entries->size(); ++i) {
    const Json& item = (*entries)[i];
    std::string entry_path = StrCat(path, ".entries[", i, "]");
    if (!item.is_object()) {
      return absl::InvalidArgumentError(StrCat(entry_path, " is not an object"));
    }
    model::HistoryEntry entry;
    entry.version = reader.Text(item, "version", entry_path, /*required=*/true);
    entry.name = reader.Text(item, "name", entry_path);
    entry.statements = reader.Texts(item, "statements", entry_path);
    // Checked for its type only: fingerprints are computed again below.
    reader.Texts(item, "fingerprints", entry_path);
    entry.checksum = reader.OptionalText(item, "checksum", entry_path);
    entry.applied_at = reader.Text(item, "applied_at", entry_path);
    entry.failed = reader.Flag(item, "failed", entry_path);
    entry.failure = reader.Text(item, "failure", entry_path);
    PGDRIFT_RETURN_IF_ERROR(error);
    if (entry.statements) entry.fingerprints = parser::StatementFingerprints(*entry.statements);
    history.entries.push_back(std::move(entry));
  }
  return history;
}

}  // namespace pgdrift::cli
