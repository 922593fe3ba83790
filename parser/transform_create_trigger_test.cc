#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/mutation.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::MakeColumn;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// public.orders (id bigint, status text, total numeric).
model::Catalog TestCatalog() {
  model::Catalog catalog = BasicCatalog();
  model::Table& orders = catalog.tables[{"public", "orders"}];
  orders.name = {"public", "orders"};
  orders.columns = {MakeColumn("id", "bigint"), MakeColumn("status", "text"),
                    MakeColumn("total", "numeric")};
  return catalog;
}

model::CreateTrigger Create(std::string_view sql) {
  return SingleMutation<model::CreateTrigger>(TransformSql(sql, TestCatalog()));
}

TEST(TransformCreateTrigger, TransformsRowTriggerWithEverything) {
  model::CreateTrigger m = Create(
      "CREATE OR REPLACE TRIGGER audit BEFORE UPDATE OF total, status ON orders "
      "FOR EACH ROW WHEN (new.status IN ('a', 'b') AND old.total IS DISTINCT FROM new.total) "
      "EXECUTE PROCEDURE audit.log_change('orders', 42, 1.5, plain)");
  EXPECT_EQ(m.relation, (model::QualifiedName{"", "orders"}));
  EXPECT_TRUE(m.or_replace);
  const model::Trigger& t = m.trigger;
  EXPECT_EQ(t.name, "audit");
  EXPECT_EQ(t.timing, model::TriggerTiming::kBefore);
  EXPECT_FALSE(t.on_insert);
  EXPECT_TRUE(t.on_update);
  EXPECT_FALSE(t.on_delete);
  EXPECT_FALSE(t.on_truncate);
  EXPECT_THAT(t.update_columns, ElementsAre("total", "status"));
  EXPECT_TRUE(t.for_each_row);
  EXPECT_EQ(t.when,
            "new.status = ANY(ARRAY['a', 'b']) AND old.total IS DISTINCT FROM new.total");
  EXPECT_EQ(t.function, (model::QualifiedName{"audit", "log_change"}));
  EXPECT_THAT(t.arguments, ElementsAre("orders", "42", "1.5", "plain"));
  EXPECT_FALSE(t.constraint);
}

TEST(TransformCreateTrigger, TransformsStatementAndConstraintTriggers) {
  model::CreateTrigger statement = Create(
      "CREATE TRIGGER summary AFTER UPDATE ON orders REFERENCING NEW TABLE AS after_rows "
      "OLD TABLE AS before_rows FOR EACH STATEMENT EXECUTE FUNCTION summarize()");
  EXPECT_FALSE(statement.trigger.for_each_row);
  EXPECT_EQ(statement.trigger.timing, model::TriggerTiming::kAfter);
  EXPECT_EQ(statement.trigger.old_table, "before_rows");
  EXPECT_EQ(statement.trigger.new_table, "after_rows");
  EXPECT_THAT(statement.trigger.arguments, IsEmpty());

  model::CreateTrigger constraint = Create(
      "CREATE CONSTRAINT TRIGGER check_total AFTER INSERT OR DELETE ON orders FROM customers "
      "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_total()");
  EXPECT_TRUE(constraint.trigger.constraint);
  EXPECT_TRUE(constraint.trigger.deferrable);
  EXPECT_TRUE(constraint.trigger.initially_deferred);
  EXPECT_EQ(constraint.trigger.referenced_table, (model::QualifiedName{"", "customers"}));
  EXPECT_TRUE(constraint.trigger.on_insert);
  EXPECT_TRUE(constraint.trigger.on_delete);

  model::CreateTrigger instead = Create(
      "CREATE TRIGGER v_insert INSTEAD OF INSERT ON orders_view FOR EACH ROW "
      "EXECUTE FUNCTION insert_order()");
  EXPECT_EQ(instead.trigger.timing, model::TriggerTiming::kInsteadOf);

  model::CreateTrigger truncate =
      Create("CREATE TRIGGER wipe AFTER TRUNCATE ON orders EXECUTE FUNCTION wiped()");
  EXPECT_TRUE(truncate.trigger.on_truncate);
  EXPECT_FALSE(truncate.trigger.for_each_row);
}

TEST(TransformCreateTrigger, RejectsWhatPostgresRejects) {
  struct Case {
    std::string sql;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"CREATE OR REPLACE CONSTRAINT TRIGGER c AFTER INSERT ON orders FOR EACH ROW "
       "EXECUTE FUNCTION f()",
       "CREATE OR REPLACE CONSTRAINT TRIGGER is not supported"},
      {"CREATE TRIGGER x INSTEAD OF INSERT ON v FOR EACH STATEMENT EXECUTE FUNCTION f()",
       "INSTEAD OF triggers must be FOR EACH ROW"},
      {"CREATE TRIGGER x INSTEAD OF INSERT ON v FOR EACH ROW WHEN (new.id > 0) "
       "EXECUTE FUNCTION f()",
       "INSTEAD OF triggers cannot have WHEN conditions"},
      {"CREATE TRIGGER x INSTEAD OF UPDATE OF id ON v FOR EACH ROW EXECUTE FUNCTION f()",
       "INSTEAD OF triggers cannot have column lists"},
      {"CREATE TRIGGER x BEFORE INSERT ON orders REFERENCING NEW TABLE AS n FOR EACH ROW "
       "EXECUTE FUNCTION f()",
       "transition table name can only be specified for an AFTER trigger"},
      {"CREATE TRIGGER x AFTER INSERT OR DELETE ON orders REFERENCING NEW TABLE AS n "
       "FOR EACH STATEMENT EXECUTE FUNCTION f()",
       "transition tables cannot be specified for triggers with more than one event"},
      {"CREATE TRIGGER x AFTER UPDATE OF id ON orders REFERENCING NEW TABLE AS n "
       "FOR EACH ROW EXECUTE FUNCTION f()",
       "transition tables cannot be specified for triggers with column lists"},
      {"CREATE TRIGGER x AFTER INSERT ON orders REFERENCING OLD TABLE AS o FOR EACH ROW "
       "EXECUTE FUNCTION f()",
       "OLD TABLE can only be specified for a DELETE or UPDATE trigger"},
      {"CREATE TRIGGER x AFTER DELETE ON orders REFERENCING NEW TABLE AS n FOR EACH ROW "
       "EXECUTE FUNCTION f()",
       "NEW TABLE can only be specified for an INSERT or UPDATE trigger"},
      {"CREATE TRIGGER x AFTER INSERT ON orders FOR EACH ROW WHEN (old.id > 0) "
       "EXECUTE FUNCTION f()",
       "INSERT trigger's WHEN condition cannot reference OLD values"},
      {"CREATE TRIGGER x AFTER DELETE ON orders FOR EACH ROW WHEN (new.id > 0) "
       "EXECUTE FUNCTION f()",
       "DELETE trigger's WHEN condition cannot reference NEW values"},
      {"CREATE TRIGGER x AFTER UPDATE ON orders FOR EACH STATEMENT WHEN (new.id > 0) "
       "EXECUTE FUNCTION f()",
       "statement trigger's WHEN condition cannot reference column values"},
      {"CREATE TRIGGER x BEFORE UPDATE ON orders FOR EACH ROW WHEN (new.ctid IS NOT NULL) "
       "EXECUTE FUNCTION f()",
       "BEFORE trigger's WHEN condition cannot reference NEW system columns"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    EXPECT_THAT(TransformSql(c.sql, TestCatalog()).status,
                StatusIs(absl::StatusCode::kInvalidArgument, c.message));
  }
}

TEST(TransformCreateTrigger, TransformsEnableDisableDropRenameAndComment) {
  struct Case {
    std::string sql;
    std::string trigger;
    bool all = false;
    model::TriggerEnabled state;
  };
  const std::vector<Case> cases = {
      {"ALTER TABLE orders DISABLE TRIGGER audit", "audit", false,
       model::TriggerEnabled::kDisabled},
      {"ALTER TABLE orders ENABLE TRIGGER audit", "audit", false, model::TriggerEnabled::kOrigin},
      {"ALTER TABLE orders ENABLE REPLICA TRIGGER audit", "audit", false,
       model::TriggerEnabled::kReplica},
      {"ALTER TABLE orders ENABLE ALWAYS TRIGGER audit", "audit", false,
       model::TriggerEnabled::kAlways},
      {"ALTER TABLE orders DISABLE TRIGGER ALL", "", true, model::TriggerEnabled::kDisabled},
      {"ALTER TABLE orders ENABLE TRIGGER USER", "", true, model::TriggerEnabled::kOrigin},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    model::AlterTable alter = SingleMutation<model::AlterTable>(TransformSql(c.sql, TestCatalog()));
    ASSERT_EQ(alter.commands.size(), 1u);
    const auto* set = std::get_if<model::alter::SetTriggerEnabled>(&alter.commands[0]);
    ASSERT_NE(set, nullptr);
    EXPECT_EQ(set->trigger, c.trigger);
    EXPECT_EQ(set->all_user_triggers, c.all);
    EXPECT_EQ(set->state, c.state);
  }

  model::DropRelationChild drop = SingleMutation<model::DropRelationChild>(
      TransformSql("DROP TRIGGER IF EXISTS audit ON app.orders CASCADE", TestCatalog()));
  EXPECT_EQ(drop.kind, model::ObjectKind::kTrigger);
  EXPECT_EQ(drop.relation, (model::QualifiedName{"app", "orders"}));
  EXPECT_EQ(drop.name, "audit");
  EXPECT_TRUE(drop.if_exists);
  EXPECT_TRUE(drop.cascade);

  model::Rename rename = SingleMutation<model::Rename>(
      TransformSql("ALTER TRIGGER audit ON orders RENAME TO audit_v2", TestCatalog()));
  EXPECT_EQ(rename.kind, model::ObjectKind::kTrigger);
  EXPECT_EQ(rename.object, (model::QualifiedName{"", "orders"}));
  EXPECT_EQ(rename.sub_name, "audit");
  EXPECT_EQ(rename.new_name, "audit_v2");

  model::Comment comment = SingleMutation<model::Comment>(
      TransformSql("COMMENT ON TRIGGER audit ON public.orders IS 'keeps history'", TestCatalog()));
  EXPECT_EQ(comment.kind, model::ObjectKind::kTrigger);
  EXPECT_EQ(comment.object, (model::QualifiedName{"public", "orders"}));
  EXPECT_EQ(comment.sub_name, "audit");
  EXPECT_EQ(comment.text, "keeps history");
}

}  // namespace
}  // namespace pgdrift::parser
