// Triggers: queries/triggers.sql → Table::triggers and View::triggers. The WHEN condition
// is taken from pg_get_triggerdef (pg_get_expr cannot print tgqual: it refers to two
// relations, OLD and NEW) and canonicalized like every catalog expression. A trigger a
// user put on a table of a platform-managed schema (auth.users) is kept on a managed
// placeholder table, the form the profile gives such tables on the migrations side.
#include <string>
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/triggers.sql.h"
#include "parser/normalize.h"

namespace pgdrift::introspect::internal {
namespace {

// pg_trigger.tgtype bits (catalog/pg_trigger.h).
constexpr int kRow = 1 << 0;
constexpr int kBefore = 1 << 1;
constexpr int kInsert = 1 << 2;
constexpr int kDelete = 1 << 3;
constexpr int kUpdate = 1 << 4;
constexpr int kTruncate = 1 << 5;
constexpr int kInstead = 1 << 6;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

// tgargs: `count` arguments, each followed by a zero byte.
std::vector<std::string> DecodeArguments(std::string_view hex, int count) {
  std::vector<std::string> arguments;
  std::string current;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    char byte = static_cast<char>(HexDigit(hex[i]) * 16 + HexDigit(hex[i + 1]));
    if (byte == '\0') {
      arguments.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(byte);
    }
  }
  if (static_cast<int>(arguments.size()) > count) arguments.resize(count);
  return arguments;
}

// The text inside `WHEN (…)` of a pg_get_triggerdef result, or "" when there is none.
// The clause stands between FOR EACH ROW|STATEMENT and EXECUTE; quotes are skipped
// while the parentheses are matched.
std::string WhenCondition(std::string_view definition) {
  size_t for_each = definition.find(" FOR EACH ");
  if (for_each == std::string_view::npos) return "";
  size_t when = definition.find(" WHEN (", for_each);
  size_t execute = definition.find(" EXECUTE ", for_each);
  if (when == std::string_view::npos || (execute != std::string_view::npos && when > execute)) {
    return "";
  }
  size_t open = when + 6;  // the '('
  int depth = 0;
  char quote = '\0';
  for (size_t i = open; i < definition.size(); ++i) {
    char c = definition[i];
    if (quote != '\0') {
      if (c == quote) quote = '\0';
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return std::string(definition.substr(open + 1, i - open - 1));
    }
  }
  return "";
}

model::TriggerEnabled EnabledOf(std::string_view code) {
  if (code == "D") return model::TriggerEnabled::kDisabled;
  if (code == "R") return model::TriggerEnabled::kReplica;
  if (code == "A") return model::TriggerEnabled::kAlways;
  return model::TriggerEnabled::kOrigin;
}

}  // namespace

absl::Status ReadTriggers(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet rows, RunQuery(ctx, "triggers", kTriggersSql));
  model::Catalog& catalog = *ctx.catalog;
  // pg_get_triggerdef printed with search_path = ''; resolve its names the same way.
  std::vector<std::string> search_path = std::move(catalog.search_path);
  catalog.search_path.clear();
  for (ResultSet::Row row : rows) {
    model::QualifiedName relation{row.Text("schema"), row.Text("relation")};
    model::Trigger trigger;
    trigger.name = row.Text("name");
    const int type = std::stoi(row.Text("type"));
    trigger.for_each_row = (type & kRow) != 0;
    trigger.timing = (type & kInstead) != 0  ? model::TriggerTiming::kInsteadOf
                     : (type & kBefore) != 0 ? model::TriggerTiming::kBefore
                                             : model::TriggerTiming::kAfter;
    trigger.on_insert = (type & kInsert) != 0;
    trigger.on_delete = (type & kDelete) != 0;
    trigger.on_update = (type & kUpdate) != 0;
    trigger.on_truncate = (type & kTruncate) != 0;
    trigger.update_columns = row.TextArray("columns");
    trigger.enabled = EnabledOf(row.Text("enabled"));
    trigger.arguments = DecodeArguments(row.Text("args_hex"), std::stoi(row.Text("nargs")));
    trigger.function = {row.Text("function_schema"), row.Text("function_name")};
    trigger.constraint = row.Bool("is_constraint");
    trigger.deferrable = row.Bool("deferrable");
    trigger.initially_deferred = row.Bool("initially_deferred");
    if (!row.IsNull("referenced_name")) {
      trigger.referenced_table =
          model::QualifiedName{row.Text("referenced_schema"), row.Text("referenced_name")};
    }
    trigger.old_table = row.Text("old_table");
    trigger.new_table = row.Text("new_table");
    trigger.comment = row.Text("comment");

    std::map<std::string, model::Trigger>* triggers = nullptr;
    if (row.Text("relkind") == "v") {
      auto view = catalog.views.find(relation);
      if (view != catalog.views.end()) triggers = &view->second.triggers;
    } else if (model::Table* table = TableOrManagedStandIn(ctx, relation)) {
      triggers = &table->triggers;
    }
    if (triggers == nullptr) continue;

    std::string when = WhenCondition(row.Text("definition"));
    if (!when.empty()) {
      parser::ExpressionContext context;
      context.catalog = &catalog;
      context.table = relation;
      context.old_new_rows = true;
      absl::StatusOr<std::string> canonical = parser::NormalizeExpressionText(when, context);
      if (canonical.ok()) {
        when = *std::move(canonical);
      } else if (ctx.options->warnings != nullptr) {
        ctx.options->warnings->Warning(
            SourceSpan{}, StrCat("cannot canonicalize the WHEN condition of trigger ",
                                 trigger.name, " on ", relation.ToString(), " (", when,
                                 "): ", std::string(canonical.status().message()),
                                 "; the catalog's text is kept"));
      }
    }
    trigger.when = std::move(when);
    std::string name = trigger.name;
    (*triggers)[name] = std::move(trigger);
  }
  catalog.search_path = std::move(search_path);
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
