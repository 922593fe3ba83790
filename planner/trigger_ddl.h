// DDL for triggers: CREATE TRIGGER in the shape pg_get_triggerdef prints it (events in
// the order INSERT, DELETE, UPDATE [OF …], TRUNCATE; arguments as string literals, as
// pg_trigger.tgargs keeps them), the ALTER TABLE … ENABLE / DISABLE TRIGGER that gives a
// trigger its tgenabled state, DROP TRIGGER and COMMENT ON TRIGGER.
#ifndef PGDRIFT_PLANNER_TRIGGER_DDL_H_
#define PGDRIFT_PLANNER_TRIGGER_DDL_H_

#include <optional>
#include <string>
#include <vector>

#include "model/object_id.h"
#include "model/trigger.h"

namespace pgdrift::planner {

// Returns `CREATE [CONSTRAINT] TRIGGER name timing events ON relation … EXECUTE FUNCTION
// f(args);` for `trigger` on `relation`.
std::string CreateTriggerSql(const model::QualifiedName& relation, const model::Trigger& trigger);

// Returns `ALTER TABLE relation DISABLE TRIGGER name;` (or ENABLE REPLICA / ALWAYS), or
// nullopt when the trigger fires as created (tgenabled 'O').
std::optional<std::string> TriggerEnabledSql(const model::QualifiedName& relation,
                                             const model::Trigger& trigger);

// Returns `DROP TRIGGER name ON relation;`.
std::string DropTriggerSql(const model::QualifiedName& relation, const model::Trigger& trigger);

// Returns `COMMENT ON TRIGGER name ON relation IS '…';` (IS NULL when empty).
std::string TriggerCommentSql(const model::QualifiedName& relation, const model::Trigger& trigger);

// The statements that create `trigger` as the model holds it: CREATE TRIGGER, then its
// enabled state and its comment when they are not the defaults.
std::vector<std::string> TriggerSql(const model::QualifiedName& relation,
                                    const model::Trigger& trigger);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_TRIGGER_DDL_H_
