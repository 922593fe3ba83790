// Trigger: a user trigger on a table or view (pg_trigger, tgisinternal false). Identity:
// the relation and the trigger name (`trigger public.orders.set_updated_at`). Triggers
// are held by the relation they are on, so they follow its renames and drops.
#ifndef PGDRIFT_MODEL_TRIGGER_H_
#define PGDRIFT_MODEL_TRIGGER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/lineage.h"
#include "model/object_id.h"

namespace pgdrift::model {

enum class TriggerTiming { kBefore, kAfter, kInsteadOf };

// pg_trigger.tgenabled: 'O' origin (ENABLE), 'D' disabled, 'R' replica, 'A' always.
enum class TriggerEnabled { kOrigin, kDisabled, kReplica, kAlways };

struct Trigger {
  std::string name;
  TriggerTiming timing = TriggerTiming::kBefore;
  bool on_insert = false;
  bool on_update = false;
  bool on_delete = false;
  bool on_truncate = false;
  std::vector<std::string> update_columns;  // UPDATE OF, in the order written (tgattr)
  bool for_each_row = false;
  std::string when;  // canonical WHEN condition (OLD./NEW. references), empty if none
  std::string old_table;  // REFERENCING OLD TABLE AS
  std::string new_table;  // REFERENCING NEW TABLE AS
  QualifiedName function;
  std::vector<std::string> arguments;  // tgargs, as strings
  TriggerEnabled enabled = TriggerEnabled::kOrigin;
  // CREATE CONSTRAINT TRIGGER: deferrability and the FROM table.
  bool constraint = false;
  bool deferrable = false;
  bool initially_deferred = false;
  std::optional<QualifiedName> referenced_table;
  std::string comment;
  Lineage lineage;
};

// "BEFORE", "AFTER", "INSTEAD OF"; "origin", "disabled", "replica", "always".
std::string_view TriggerTimingName(TriggerTiming timing);
std::string_view TriggerEnabledName(TriggerEnabled enabled);

// The columns a canonical WHEN condition reads through OLD and NEW (`old.a`, `new."B"`),
// in order of first mention without duplicates: pg_depend records each of them.
std::vector<std::string> TriggerWhenColumns(std::string_view when);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_TRIGGER_H_
