// Triggers of every shape, created on a real server and replayed in memory: the
// introspected triggers must equal the replayed ones field by field, WHEN conditions
// included (pg_get_triggerdef text and migration text meet in the canonicalizer).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "introspect/catalog_reader.h"
#include "introspect/testing/live_database.h"
#include "parser/profile.h"
#include "parser/replay.h"
#include "testing/postgres_server.h"

namespace pgdrift::introspect {
namespace {

using ::pgdrift::testing::ConnectTo;
using ::pgdrift::testing::PostgresServer;

// The trigger functions, created on the server only; replay gets them as routines in its
// seed, so the test does not depend on how CREATE FUNCTION is replayed.
constexpr std::string_view kFunctions = R"sql(
create schema app;
create function app.touch() returns trigger language plpgsql as $$begin return new; end$$;
create function app.audit() returns trigger language plpgsql as $$begin return null; end$$;
create function public.handle_new_user() returns trigger language plpgsql
  as $$begin return new; end$$;
)sql";

constexpr std::string_view kTriggers = R"sql(
create table app.orders (id bigint primary key, status text, total numeric, note text);
create table app.customers (id bigint primary key);
create trigger orders_touch before update of total, status on app.orders
  for each row when (old.total is distinct from new.total and new.status in ('open', 'paid'))
  execute function app.touch();
create trigger orders_audit after insert or delete or update on app.orders
  for each row execute procedure app.audit('orders', 42, 'it''s');
create trigger orders_bulk after update on app.orders
  referencing old table as before_rows new table as after_rows
  for each statement execute function app.audit();
create trigger orders_wipe after truncate on app.orders execute function app.audit();
create trigger orders_insert_stmt before insert on app.orders
  for each statement execute function app.audit();
create constraint trigger orders_check after insert or update on app.orders
  from app.customers deferrable initially deferred
  for each row execute function app.audit();
create constraint trigger orders_check_now after delete on app.orders
  for each row when (old.total > 100) execute function app.audit();
create trigger orders_disabled after insert on app.orders for each row
  when (new.note is not null) execute function app.audit();
alter table app.orders disable trigger orders_disabled;
create trigger orders_replica after insert on app.orders for each row execute function app.audit();
alter table app.orders enable replica trigger orders_replica;
create trigger orders_always after insert on app.orders for each row execute function app.audit();
alter table app.orders enable always trigger orders_always;
comment on trigger orders_audit on app.orders is 'audits every change';
create trigger renamed_from before update on app.orders for each row execute function app.touch();
alter trigger renamed_from on app.orders rename to renamed_to;
create trigger dropped after insert on app.orders for each row execute function app.audit();
drop trigger dropped on app.orders;
create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_user();
)sql";

model::Routine TriggerFunction(std::string schema, std::string name) {
  model::Routine routine;
  routine.name = {std::move(schema), std::move(name)};
  routine.result = "trigger";
  routine.language = "plpgsql";
  return routine;
}

// "a: x != y" for each field that differs (lineage is not compared).
std::vector<std::string> TriggerDifferences(const std::string& id, const model::Trigger& a,
                                            const model::Trigger& b) {
  std::vector<std::string> out;
  auto field = [&](std::string_view name, const auto& x, const auto& y, std::string shown) {
    if (!(x == y)) out.push_back(StrCat(id, ": ", name, " differs", shown));
  };
  field("timing", a.timing, b.timing, "");
  field("on_insert", a.on_insert, b.on_insert, "");
  field("on_update", a.on_update, b.on_update, "");
  field("on_delete", a.on_delete, b.on_delete, "");
  field("on_truncate", a.on_truncate, b.on_truncate, "");
  field("update_columns", a.update_columns, b.update_columns,
        StrCat(": ", StrJoin(a.update_columns, ","), " vs ", StrJoin(b.update_columns, ",")));
  field("for_each_row", a.for_each_row, b.for_each_row, "");
  field("when", a.when, b.when, StrCat(": [", a.when, "] vs [", b.when, "]"));
  field("old_table", a.old_table, b.old_table, "");
  field("new_table", a.new_table, b.new_table, "");
  field("function", a.function, b.function,
        StrCat(": ", a.function.ToString(), " vs ", b.function.ToString()));
  field("arguments", a.arguments, b.arguments,
        StrCat(": ", StrJoin(a.arguments, "|"), " vs ", StrJoin(b.arguments, "|")));
  field("enabled", a.enabled, b.enabled, "");
  field("constraint", a.constraint, b.constraint, "");
  field("deferrable", a.deferrable, b.deferrable, "");
  field("initially_deferred", a.initially_deferred, b.initially_deferred, "");
  field("referenced_table", a.referenced_table, b.referenced_table, "");
  field("comment", a.comment, b.comment, "");
  return out;
}

TEST(IntegrationTriggers, ReplayedAndIntrospectedTriggersAgree) {
  const parser::Profile profile = parser::Profile::kSupabase;
  PostgresServer& server = PostgresServer::Shared();
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database, server.CreateDatabase("triggers"));
  for (std::string_view script : parser::ProfileScripts(profile)) {
    ASSERT_THAT(server.RunSql(database, script), pgdrift::testing::IsOk());
  }
  ASSERT_THAT(server.RunSql(database, kFunctions), pgdrift::testing::IsOk());
  ASSERT_THAT(server.RunSql(database, kTriggers), pgdrift::testing::IsOk());

  PGDRIFT_ASSERT_OK_AND_ASSIGN(model::Catalog seed, parser::SeedCatalog(profile));
  seed.schemas["app"].name = "app";
  for (model::Routine routine :
       {TriggerFunction("app", "touch"), TriggerFunction("app", "audit"),
        TriggerFunction("public", "handle_new_user")}) {
    seed.routines[routine.key()] = routine;
  }
  DiagnosticSink diagnostics;
  parser::Replayer replayer(std::move(seed), &diagnostics);
  parser::SourceFile file;
  file.path = "triggers.sql";
  file.text = std::string(kTriggers);
  replayer.ReplayFile(file);
  for (const Diagnostic& diagnostic : diagnostics.diagnostics()) {
    ADD_FAILURE() << diagnostic.ToString();
  }

  ReadOptions options;
  for (const auto& [name, schema] : replayer.catalog().schemas) {
    if (schema.contents_managed) options.excluded_schemas.insert(name);
  }
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Session> session, ConnectTo(database));
  DiagnosticSink warnings;
  options.warnings = &warnings;
  PGDRIFT_ASSERT_OK_AND_ASSIGN(model::Catalog introspected, ReadCatalog(*session, options));
  EXPECT_THAT(warnings.diagnostics(), ::testing::IsEmpty());

  std::vector<std::string> differences;
  size_t compared = 0;
  for (const model::QualifiedName& table :
       {model::QualifiedName{"app", "orders"}, model::QualifiedName{"auth", "users"}}) {
    const model::Table* replayed = replayer.catalog().FindTable(table);
    const model::Table* read = introspected.FindTable(table);
    ASSERT_NE(replayed, nullptr) << table.ToString();
    ASSERT_NE(read, nullptr) << table.ToString();
    std::vector<std::string> left;
    std::vector<std::string> right;
    for (const auto& [name, trigger] : replayed->triggers) left.push_back(name);
    for (const auto& [name, trigger] : read->triggers) right.push_back(name);
    EXPECT_EQ(left, right) << table.ToString();
    for (const auto& [name, trigger] : replayed->triggers) {
      auto other = read->triggers.find(name);
      if (other == read->triggers.end()) continue;
      ++compared;
      for (std::string& difference :
           TriggerDifferences(StrCat(table.ToString(), ".", name), trigger, other->second)) {
        differences.push_back(std::move(difference));
      }
    }
  }
  EXPECT_EQ(compared, 12u);
  EXPECT_THAT(differences, ::testing::IsEmpty()) << StrJoin(differences, "\n");
  session.reset();
  EXPECT_THAT(server.DropDatabase(database), pgdrift::testing::IsOk());
}

}  // namespace
}  // namespace pgdrift::introspect
