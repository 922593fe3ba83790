#include "planner/trigger_ddl.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::planner {
namespace {

using ::testing::ElementsAre;

const model::QualifiedName kOrders{"app", "orders"};

model::Trigger Base(std::string name) {
  model::Trigger trigger;
  trigger.name = std::move(name);
  trigger.function = {"app", "audit"};
  return trigger;
}

// Expected texts are what pg_get_triggerdef prints for the same trigger (PostgreSQL 15).
TEST(TriggerDdl, PrintsCreateTriggerAsPgGetTriggerdef) {
  struct Case {
    std::string name;
    model::Trigger trigger;
    std::string sql;
  };
  model::Trigger row = Base("orders_touch");
  row.timing = model::TriggerTiming::kBefore;
  row.on_update = true;
  row.update_columns = {"total", "Status"};
  row.for_each_row = true;
  row.when = "old.total IS DISTINCT FROM new.total";
  row.arguments = {"orders", "42", "it's"};
  model::Trigger events = Base("orders_audit");
  events.timing = model::TriggerTiming::kAfter;
  events.on_insert = events.on_update = events.on_delete = true;
  events.for_each_row = true;
  model::Trigger transition = Base("orders_bulk");
  transition.timing = model::TriggerTiming::kAfter;
  transition.on_update = true;
  transition.old_table = "before_rows";
  transition.new_table = "after_rows";
  model::Trigger constraint = Base("orders_check");
  constraint.timing = model::TriggerTiming::kAfter;
  constraint.on_insert = true;
  constraint.for_each_row = true;
  constraint.constraint = true;
  constraint.deferrable = true;
  constraint.initially_deferred = true;
  constraint.referenced_table = model::QualifiedName{"app", "customers"};
  model::Trigger immediate = constraint;
  immediate.deferrable = immediate.initially_deferred = false;
  immediate.referenced_table.reset();
  model::Trigger instead = Base("v_insert");
  instead.timing = model::TriggerTiming::kInsteadOf;
  instead.on_insert = true;
  instead.for_each_row = true;
  model::Trigger builtin = Base("dedupe");
  builtin.on_update = true;
  builtin.for_each_row = true;
  builtin.function = {"pg_catalog", "suppress_redundant_updates_trigger"};
  model::Trigger truncate = Base("wipe");
  truncate.timing = model::TriggerTiming::kAfter;
  truncate.on_truncate = true;
  const std::vector<Case> cases = {
      {"row", row,
       "CREATE TRIGGER orders_touch BEFORE UPDATE OF total, \"Status\" ON app.orders FOR EACH ROW "
       "WHEN (old.total IS DISTINCT FROM new.total) EXECUTE FUNCTION app.audit('orders', '42', "
       "'it''s');"},
      {"events", events,
       "CREATE TRIGGER orders_audit AFTER INSERT OR DELETE OR UPDATE ON app.orders FOR EACH ROW "
       "EXECUTE FUNCTION app.audit();"},
      {"transition", transition,
       "CREATE TRIGGER orders_bulk AFTER UPDATE ON app.orders REFERENCING OLD TABLE AS "
       "before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION app.audit();"},
      {"constraint", constraint,
       "CREATE CONSTRAINT TRIGGER orders_check AFTER INSERT ON app.orders FROM app.customers "
       "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.audit();"},
      {"immediate", immediate,
       "CREATE CONSTRAINT TRIGGER orders_check AFTER INSERT ON app.orders NOT DEFERRABLE "
       "INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION app.audit();"},
      {"instead", instead,
       "CREATE TRIGGER v_insert INSTEAD OF INSERT ON app.orders FOR EACH ROW EXECUTE FUNCTION "
       "app.audit();"},
      {"builtin", builtin,
       "CREATE TRIGGER dedupe BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION "
       "suppress_redundant_updates_trigger();"},
      {"truncate", truncate,
       "CREATE TRIGGER wipe AFTER TRUNCATE ON app.orders FOR EACH STATEMENT EXECUTE FUNCTION "
       "app.audit();"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(CreateTriggerSql(kOrders, c.trigger), c.sql);
  }
}

TEST(TriggerDdl, AddsEnabledStateAndComment) {
  struct Case {
    model::TriggerEnabled enabled;
    std::string sql;
  };
  const std::vector<Case> cases = {
      {model::TriggerEnabled::kDisabled, "ALTER TABLE app.orders DISABLE TRIGGER t;"},
      {model::TriggerEnabled::kReplica, "ALTER TABLE app.orders ENABLE REPLICA TRIGGER t;"},
      {model::TriggerEnabled::kAlways, "ALTER TABLE app.orders ENABLE ALWAYS TRIGGER t;"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    model::Trigger trigger = Base("t");
    trigger.on_insert = true;
    trigger.enabled = c.enabled;
    EXPECT_EQ(TriggerEnabledSql(kOrders, trigger), c.sql);
  }
  model::Trigger plain = Base("t");
  plain.on_insert = true;
  EXPECT_EQ(TriggerEnabledSql(kOrders, plain), std::nullopt);
  EXPECT_THAT(TriggerSql(kOrders, plain),
              ElementsAre("CREATE TRIGGER t BEFORE INSERT ON app.orders FOR EACH STATEMENT "
                          "EXECUTE FUNCTION app.audit();"));
  plain.comment = "audits";
  plain.enabled = model::TriggerEnabled::kDisabled;
  EXPECT_THAT(TriggerSql(kOrders, plain),
              ElementsAre(::testing::StartsWith("CREATE TRIGGER t"),
                          "ALTER TABLE app.orders DISABLE TRIGGER t;",
                          "COMMENT ON TRIGGER t ON app.orders IS 'audits';"));
  EXPECT_EQ(DropTriggerSql(kOrders, plain), "DROP TRIGGER t ON app.orders;");
}

}  // namespace
}  // namespace pgdrift::planner
