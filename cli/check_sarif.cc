// SARIF 2.1.0 for `pgdrift check` (OASIS "Static Analysis Results Interchange Format"
// 2.1.0, the schema in testdata/sarif/). Each remote is one run so GitHub code scanning
// keeps their alerts apart (runAutomationDetails.id); output is deterministic: ordered
// keys, findings in CheckResult order, rules in FindingCategories() order.
#include "cli/check_sarif.h"

#include <cstdint>
#include <string_view>
#include <variant>

#include "base/strings.h"
#include "cli/version.h"
#include "nlohmann/json.hpp"
#include "report/value_json.h"

namespace pgdrift::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kSrcRoot = "%SRCROOT%";

// What a rule says about one finding category.
struct RuleText {
  std::string_view category;
  std::string_view name;
  std::string_view short_description;
  std::string_view full_description;
  std::string_view help;
};

constexpr RuleText kRules[] = {
    {"local_only", "LocalOnly", "Object defined by the migrations is missing from the database",
     "The migrations create this object, but the database does not have it: a migration was "
     "not applied, or the object was dropped by hand.",
     "Apply the migrations that create the object (`pgdrift plan --direction push` writes the "
     "statements), or, if it was dropped on purpose, add a migration that drops it."},
    {"remote_only", "RemoteOnly", "Object in the database that no migration defines",
     "The database has this object, but replaying the migrations does not create it: it was "
     "made outside the migrations (a dashboard, the SQL editor, a hand-run script).",
     "Capture the object in a new migration (`pgdrift plan --direction pull` writes one), or "
     "drop it from the database if it should not exist."},
    {"changed", "Changed", "Object differs between the migrations and the database",
     "Both sides have this object, but some of its attributes differ: the database was altered "
     "outside the migrations, or a migration was edited after it ran.",
     "Compare the listed attributes; write a migration that makes the database match the "
     "chain (`pgdrift plan`), or update the chain to what the database has."},
    {"history_local_only", "HistoryLocalOnly", "Migration file not recorded as applied",
     "The migration file exists locally, but the database's history table has no row for its "
     "version: it was never applied to this database.",
     "Apply the pending migration, or, if its changes are already in the database, record the "
     "version in the history table (e.g. `supabase migration repair --status applied`)."},
    {"history_remote_only", "HistoryRemoteOnly", "Applied version with no migration file",
     "The database's history table records a version that no local migration file has: it was "
     "applied from another branch, the SQL editor, or a file that was deleted.",
     "Recover the migration file for the version (`pgdrift plan --direction pull` rebuilds "
     "remote-only versions), or mark it reverted in the history table if it never mattered."},
    {"history_modified", "HistoryModified", "Migration file changed after it was applied",
     "The statements or checksum the database recorded for this version differ from the local "
     "file: the file was edited after it ran.",
     "Restore the file to what was applied and put the change in a new migration."},
    {"history_out_of_order", "HistoryOutOfOrder",
     "Migration sorts before the newest applied version",
     "The migration is not applied yet, but its version sorts before a version the database "
     "has already applied, so tools that apply in order may skip it.",
     "Rename the migration to a version newer than the newest applied one, or apply it "
     "explicitly out of order."},
    {"history_failed", "HistoryFailed", "Migration recorded as failed or incomplete",
     "The history table marks this version as not completed (dirty or failed): the database "
     "may hold part of its changes.",
     "Inspect the database, finish or undo the migration by hand, then fix the history row."},
    {"chain_edited", "ChainEdited", "Merged migration file edited",
     "A migration file that the compared revision already had was changed; databases that "
     "applied it will not see the change.",
     "Revert the edit and put the change in a new migration file."},
    {"chain_removed", "ChainRemoved", "Merged migration file removed",
     "A migration file that the compared revision had was deleted; databases that applied it "
     "still have its changes and its history row.",
     "Restore the file, and undo its changes with a new migration if that was the intent."},
    {"chain_out_of_order", "ChainOutOfOrder", "New migration sorts before merged ones",
     "A migration file added since the compared revision sorts before the newest merged one, "
     "so databases that already applied the merged files may never run it.",
     "Rename the new file to a version newer than the newest merged migration."},
};

const RuleText* FindRule(std::string_view category) {
  for (const RuleText& rule : kRules) {
    if (rule.category == category) return &rule;
  }
  return nullptr;
}

// "history_out_of_order" → "HistoryOutOfOrder", for categories without a RuleText.
std::string PascalCase(std::string_view word) {
  std::string out;
  bool upper = true;
  for (char c : word) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    upper = false;
  }
  return out;
}

Json TextMessage(std::string_view text) {
  Json message = Json::object();
  message["text"] = std::string(text);
  return message;
}

Json RuleJson(std::string_view category) {
  Json rule = Json::object();
  rule["id"] = std::string(category);
  const RuleText* text = FindRule(category);
  if (text != nullptr) {
    rule["name"] = std::string(text->name);
    rule["shortDescription"] = TextMessage(text->short_description);
    rule["fullDescription"] = TextMessage(text->full_description);
    rule["help"] = TextMessage(text->help);
  } else {
    rule["name"] = PascalCase(category);
    rule["shortDescription"] = TextMessage(StrCat("pgdrift check finding ", category));
  }
  Json configuration = Json::object();
  configuration["level"] = "error";
  rule["defaultConfiguration"] = std::move(configuration);
  return rule;
}

// The identity without its leading kind word: "table public.orders" → "public.orders".
std::string IdentityPath(const Finding& finding) {
  std::string_view identity = finding.identity;
  if (!finding.kind.empty() && identity.size() > finding.kind.size() &&
      identity.substr(0, finding.kind.size()) == finding.kind &&
      identity[finding.kind.size()] == ' ') {
    return std::string(identity.substr(finding.kind.size() + 1));
  }
  return std::string(identity);
}

// 64-bit FNV-1a as 16 lowercase hex digits: stable across platforms and releases, which
// is all a partial fingerprint needs.
std::string StableHash(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kHex[hash & 0xf];
    hash >>= 4;
  }
  return out;
}

using report::ValueJson;
std::string_view Level(const Finding& finding) {
  if (finding.ignored) return "note";
  return finding.failing ? "error" : "warning";
}

Json ResultJson(const Finding& finding, int rule_index) {
  Json result = Json::object();
  result["ruleId"] = finding.category;
  result["ruleIndex"] = rule_index;
  result["level"] = std::string(Level(finding));
  result["message"] = TextMessage(finding.message);
  Json location = Json::object();
  if (!finding.file.empty()) {
    Json physical = Json::object();
    Json artifact = Json::object();
    artifact["uri"] = internal::SarifUri(finding.file);
    artifact["uriBaseId"] = std::string(kSrcRoot);
    physical["artifactLocation"] = std::move(artifact);
    if (finding.line > 0) {
      Json region = Json::object();
      region["startLine"] = finding.line;
      physical["region"] = std::move(region);
    }
    location["physicalLocation"] = std::move(physical);
  }
  Json logical = Json::object();
  logical["fullyQualifiedName"] = IdentityPath(finding);
  if (!finding.kind.empty()) logical["kind"] = finding.kind;
  location["logicalLocations"] = Json::array({std::move(logical)});
  result["locations"] = Json::array({std::move(location)});
  Json fingerprints = Json::object();
  fingerprints["pgdriftFinding/v1"] = StableHash(StrCat(finding.category, "\n", finding.identity));
  result["partialFingerprints"] = std::move(fingerprints);
  if (finding.ignored) {
    Json suppression = Json::object();
    suppression["kind"] = "external";
    suppression["justification"] = finding.ignored_by;
    result["suppressions"] = Json::array({std::move(suppression)});
  }
  Json properties = Json::object();
  properties["category"] = finding.category;
  properties["identity"] = finding.identity;
  properties["failing"] = finding.failing;
  if (finding.location_is_fallback) properties["locationIsFallback"] = true;
  if (!finding.changes.empty()) {
    Json changes = Json::array();
    for (const diff::AttributeChange& change : finding.changes) {
      Json item = Json::object();
      item["attribute"] = change.attribute;
      item["local"] = ValueJson(change.local);
      item["remote"] = ValueJson(change.remote);
      changes.push_back(std::move(item));
    }
    properties["changes"] = std::move(changes);
  }
  if (!finding.contains.empty()) properties["contains"] = finding.contains;
  if (finding.version.has_value() && !finding.version->detail.empty()) {
    properties["detail"] = finding.version->detail;
  }
  result["properties"] = std::move(properties);
  return result;
}

Json RunJson(const CheckResult& check) {
  Json run = Json::object();
  Json driver = Json::object();
  driver["name"] = "pgdrift";
  driver["version"] = PGDRIFT_VERSION;
  driver["semanticVersion"] = PGDRIFT_VERSION;
  // Rules in FindingCategories() order, only those the findings use; then any category
  // the list does not know, in first-use order.
  std::vector<std::string> used;
  for (std::string_view category : FindingCategories()) {
    for (const Finding& finding : check.findings) {
      if (finding.category == category) {
        used.emplace_back(category);
        break;
      }
    }
  }
  for (const Finding& finding : check.findings) {
    bool known = false;
    for (const std::string& category : used) known = known || category == finding.category;
    if (!known) used.push_back(finding.category);
  }
  Json rules = Json::array();
  for (const std::string& category : used) rules.push_back(RuleJson(category));
  driver["rules"] = std::move(rules);
  Json tool = Json::object();
  tool["driver"] = std::move(driver);
  run["tool"] = std::move(tool);

  Json invocation = Json::object();
  invocation["executionSuccessful"] = check.exit_code != 2;
  invocation["exitCode"] = check.exit_code;
  if (check.exit_code == 2) {
    Json notification = Json::object();
    notification["level"] = "error";
    notification["message"] = TextMessage(check.error.empty() ? "the check failed" : check.error);
    invocation["toolExecutionNotifications"] = Json::array({std::move(notification)});
  }
  run["invocations"] = Json::array({std::move(invocation)});

  Json automation = Json::object();
  // GitHub code scanning treats the id up to its last '/' as the analysis category, so
  // each remote keeps its own alerts.
  automation["id"] = StrCat("pgdrift-check/", check.remote.empty() ? "chain" : check.remote, "/");
  run["automationDetails"] = std::move(automation);

  Json root = Json::object();
  root["description"] =
      TextMessage("The directory pgdrift check ran in; migration paths are relative to it.");
  Json bases = Json::object();
  bases[std::string(kSrcRoot)] = std::move(root);
  run["originalUriBaseIds"] = std::move(bases);

  Json results = Json::array();
  for (const Finding& finding : check.findings) {
    int index = 0;
    while (used[index] != finding.category) ++index;
    results.push_back(ResultJson(finding, index));
  }
  run["results"] = std::move(results);

  Json properties = Json::object();
  properties["remote"] = check.remote;
  if (!check.description.empty()) properties["description"] = check.description;
  properties["historyCompared"] = check.history_compared;
  if (!check.history_table.empty()) properties["historyTable"] = check.history_table;
  run["properties"] = std::move(properties);
  return run;
}

}  // namespace

namespace internal {

std::string SarifUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
    }
  }
  return out;
}

}  // namespace internal

std::string CheckSarif(const std::vector<CheckResult>& results) {
  Json log = Json::object();
  log["$schema"] = std::string(kSchemaUri);
  log["version"] = "2.1.0";
  Json runs = Json::array();
  for (const CheckResult& check : results) runs.push_back(RunJson(check));
  log["runs"] = std::move(runs);
  return log.dump(2) + "\n";
}

}  // namespace pgdrift::cli
