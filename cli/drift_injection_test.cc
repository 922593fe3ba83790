// Drift injection: single changes made by hand to a database built from a migration
// chain (testdata/fidelity/drift_base), each of which `pgdrift check` must report as
// exactly one object with the expected status and attribute — no more, no less — after
// reporting nothing for the untouched copy. Each row gets its own copy of the base
// database (CREATE DATABASE … TEMPLATE), so rows never see each other's drift.
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "cli/exit_code.h"
#include "cli/testing/golden.h"
#include "cli/testing/test_databases.h"
#include "cli/testing/test_summary.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "parser/profile.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

using ::pgdrift::testing::PostgresServer;

constexpr char kChain[] = "testdata/fidelity/drift_base";

struct InjectedDrift {
  std::string_view name;
  std::string_view sql;        // run on the copy of the base database
  std::string_view identity;   // the one object check must report
  std::string_view status;     // local_only (migrations only), remote_only, changed
  std::string_view attribute;  // the one changed attribute; "" for a one-sided object
  // A rename is the old name gone and the new name added: the remote side has no
  // lineage to tie them together, so it is the one case reported as two objects.
  std::string_view renamed_from = "";
};

// Every row's `identity` names an object of testdata/fidelity/drift_base.
const std::vector<InjectedDrift>& Drifts() {
  static const std::vector<InjectedDrift> drifts = {
      // Columns.
      {"add column", "alter table public.orders add column discount numeric(12, 2)",
       "column public.orders.discount", "remote_only", ""},
      {"drop column", "alter table public.orders drop column note", "column public.orders.note",
       "local_only", ""},
      {"rename column", "alter table public.customers rename column name to full_name",
       "column public.customers.full_name", "remote_only", "", "column public.customers.name"},
      {"change type", "alter table public.orders alter column note type varchar(200)",
       "column public.orders.note", "changed", "type"},
      {"set default", "alter table public.customers alter column name set default 'anonymous'",
       "column public.customers.name", "changed", "default"},
      {"drop default", "alter table public.orders alter column total drop default",
       "column public.orders.total", "changed", "default"},
      {"change default", "alter table public.orders alter column quantity set default 2",
       "column public.orders.quantity", "changed", "default"},
      {"set not null", "alter table public.orders alter column note set not null",
       "column public.orders.note", "changed", "not_null"},
      {"drop not null", "alter table public.customers alter column email drop not null",
       "column public.customers.email", "changed", "not_null"},
      {"column collation", "alter table public.customers alter column name type text collate \"C\"",
       "column public.customers.name", "changed", "collation"},
      {"identity kind", "alter table public.customers alter column id set generated always",
       "column public.customers.id", "changed", "identity"},
      {"column statistics", "alter table public.orders alter column note set statistics 500",
       "column public.orders.note", "changed", "statistics"},
      {"column storage", "alter table public.orders alter column note set storage external",
       "column public.orders.note", "changed", "storage"},
      {"column comment", "comment on column public.orders.note is 'free text from the customer'",
       "column public.orders.note", "changed", "comment"},
      // Constraints.
      {"add check constraint",
       "alter table public.orders add constraint orders_quantity_check check (quantity < 1000)",
       "constraint public.orders.orders_quantity_check", "remote_only", ""},
      {"add unique constraint",
       "alter table public.order_items add constraint order_items_sku_key unique (order_id, sku)",
       "constraint public.order_items.order_items_sku_key", "remote_only", ""},
      {"drop constraint", "alter table public.orders drop constraint orders_total_check",
       "constraint public.orders.orders_total_check", "local_only", ""},
      {"rename constraint",
       "alter table public.orders rename constraint orders_total_check to orders_total_nonnegative",
       "constraint public.orders.orders_total_nonnegative", "remote_only", "",
       "constraint public.orders.orders_total_check"},
      {"change check expression",
       "alter table public.orders drop constraint orders_total_check, "
       "add constraint orders_total_check check (total > 0)",
       "constraint public.orders.orders_total_check", "changed", "expression"},
      {"not valid",
       "alter table public.orders drop constraint orders_total_check, "
       "add constraint orders_total_check check (total >= 0) not valid",
       "constraint public.orders.orders_total_check", "changed", "validated"},
      {"deferrable",
       "alter table public.orders alter constraint orders_customer_id_fkey deferrable",
       "constraint public.orders.orders_customer_id_fkey", "changed", "deferrable"},
      {"initially deferred",
       "alter table public.order_items alter constraint order_items_order_id_fkey "
       "deferrable initially deferred",
       "constraint public.order_items.order_items_order_id_fkey", "changed", "initially_deferred"},
      {"fk on delete action",
       "alter table public.orders drop constraint orders_customer_id_fkey, "
       "add constraint orders_customer_id_fkey foreign key (customer_id) "
       "references public.customers (id) on delete cascade",
       "constraint public.orders.orders_customer_id_fkey", "changed", "on_delete"},
      {"constraint comment",
       "comment on constraint orders_total_check on public.orders is 'never negative'",
       "constraint public.orders.orders_total_check", "changed", "comment"},
      // Indexes.
      {"add index", "create index orders_note_idx on public.orders (note)",
       "index public.orders_note_idx", "remote_only", ""},
      {"drop index", "drop index public.orders_customer_idx", "index public.orders_customer_idx",
       "local_only", ""},
      {"rename index", "alter index public.orders_customer_idx rename to orders_by_customer_idx",
       "index public.orders_by_customer_idx", "remote_only", "",
       "index public.orders_customer_idx"},
      {"change index predicate",
       "drop index public.orders_pending_idx; "
       "create index orders_pending_idx on public.orders (created_at) where status = 'paid'",
       "index public.orders_pending_idx", "changed", "predicate"},
      {"index becomes unique",
       "drop index public.orders_customer_idx; "
       "create unique index orders_customer_idx on public.orders (customer_id)",
       "index public.orders_customer_idx", "changed", "unique"},
      {"index method",
       "drop index public.orders_customer_idx; "
       "create index orders_customer_idx on public.orders using hash (customer_id)",
       "index public.orders_customer_idx", "changed", "method"},
      {"index sort order",
       "drop index public.orders_customer_idx; "
       "create index orders_customer_idx on public.orders (customer_id desc)",
       "index public.orders_customer_idx", "changed", "keys"},
      {"cluster on index", "alter table public.orders cluster on orders_customer_idx",
       "index public.orders_customer_idx", "changed", "clustered"},
      // Types, domains, sequences.
      {"add enum value", "alter type public.order_status add value 'refunded'",
       "type public.order_status", "changed", "values"},
      {"rename enum value", "alter type public.order_status rename value 'shipped' to 'sent'",
       "type public.order_status", "changed", "values"},
      {"add composite attribute", "alter type public.address add attribute zip text",
       "type public.address", "changed", "attributes"},
      {"add type", "create type public.priority as enum ('low', 'high')", "type public.priority",
       "remote_only", ""},
      {"add domain check",
       "alter domain public.quantity add constraint quantity_max check (value < 10000)",
       "domain public.quantity", "changed", "checks"},
      {"domain default", "alter domain public.quantity set default 1", "domain public.quantity",
       "changed", "default"},
      {"domain not null", "alter domain public.quantity set not null", "domain public.quantity",
       "changed", "not_null"},
      {"sequence increment", "alter sequence public.invoice_number_seq increment by 10",
       "sequence public.invoice_number_seq", "changed", "increment"},
      {"sequence cache", "alter sequence public.invoice_number_seq cache 20",
       "sequence public.invoice_number_seq", "changed", "cache"},
      {"add sequence", "create sequence public.ticket_seq", "sequence public.ticket_seq",
       "remote_only", ""},
      // Tables.
      {"table comment", "comment on table public.orders is 'orders of customers'",
       "table public.orders", "changed", "comment"},
      {"enable rls", "alter table public.customers enable row level security",
       "table public.customers", "changed", "rls_enabled"},
      {"disable rls", "alter table public.orders disable row level security", "table public.orders",
       "changed", "rls_enabled"},
      {"force rls", "alter table public.orders force row level security", "table public.orders",
       "changed", "rls_forced"},
      {"unlogged", "alter table public.notes set unlogged", "table public.notes", "changed",
       "unlogged"},
      {"replica identity", "alter table public.customers replica identity full",
       "table public.customers", "changed", "replica_identity"},
      {"table options", "alter table public.orders set (fillfactor = 70)", "table public.orders",
       "changed", "options"},
      {"add table", "create table public.audit_log (id bigint primary key, at timestamptz)",
       "table public.audit_log", "remote_only", ""},
      {"drop table", "drop table public.order_items", "table public.order_items", "local_only", ""},
      {"add partition",
       "create table public.events_2026 partition of public.events "
       "for values from ('2026-01-01') to ('2027-01-01')",
       "table public.events_2026", "remote_only", ""},
      // Schemas and extensions.
      {"add schema", "create schema reporting", "schema reporting", "remote_only", ""},
      {"add extension", "create extension citext", "extension citext", "remote_only", ""},
      // Policies (drift_base 20250603090000_products_functions_policies.sql).
      {"policy using changed",
       "alter policy products_select on public.products using (active and price > 0)",
       "policy public.products.products_select", "changed", "using"},
      {"policy using loses the select wrapper",
       "alter policy products_owner_update on public.products using (owner_id = auth.uid())",
       "policy public.products.products_owner_update", "changed", "using"},
      {"policy with check changed",
       "alter policy products_owner_update on public.products "
       "with check (owner_id = (select auth.uid()) and price >= 0)",
       "policy public.products.products_owner_update", "changed", "with_check"},
      {"policy roles changed", "alter policy products_select on public.products to authenticated",
       "policy public.products.products_select", "changed", "roles"},
      {"policy command changed",
       "drop policy products_owner_delete on public.products; "
       "create policy products_owner_delete on public.products for all to authenticated "
       "using ((select public.owns_product(id, (select auth.uid()))))",
       "policy public.products.products_owner_delete", "changed", "command"},
      {"policy permissive to restrictive",
       "drop policy products_owner_update on public.products; "
       "create policy products_owner_update on public.products as restrictive for update "
       "to authenticated using (owner_id = (select auth.uid())) "
       "with check (owner_id = (select auth.uid()))",
       "policy public.products.products_owner_update", "changed", "permissive"},
      {"policy added in the dashboard",
       "create policy products_admin_all on public.products for all to authenticated "
       "using (((select auth.jwt()) ->> 'role') = 'admin')",
       "policy public.products.products_admin_all", "remote_only", ""},
      {"policy dropped", "drop policy orders_customer_select on public.orders",
       "policy public.orders.orders_customer_select", "local_only", ""},
      {"policy renamed",
       "alter policy products_select on public.products rename to products_public_select",
       "policy public.products.products_public_select", "remote_only", "",
       "policy public.products.products_select"},
      {"policy comment",
       "comment on policy products_select on public.products is 'anyone may browse'",
       "policy public.products.products_select", "changed", "comment"},
      {"rls disabled on a table with policies",
       "alter table public.products disable row level security", "table public.products",
       "changed", "rls_enabled"},
      {"rls forced on a table with policies",
       "alter table public.products force row level security", "table public.products",
       "changed", "rls_forced"},
      // Functions and procedures.
      {"function body hot-fixed",
       "create or replace function public.product_price(p_sku text) returns numeric "
       "language sql stable set search_path = '' "
       "as $$ select price from public.products where sku = p_sku $$",
       "function public.product_price(text)", "changed", "body"},
      {"function volatility", "alter function public.product_price(text) volatile",
       "function public.product_price(text)", "changed", "volatility"},
      {"function becomes security definer",
       "alter function public.product_price(text) security definer",
       "function public.product_price(text)", "changed", "security_definer"},
      {"function becomes security invoker",
       "alter function public.place_order(bigint, text) security invoker",
       "function public.place_order(bigint, text)", "changed", "security_definer"},
      {"function search_path changed",
       "alter function public.place_order(bigint, text) set search_path = public",
       "function public.place_order(bigint, text)", "changed", "config"},
      {"function search_path reset", "alter function public.product_price(text) reset search_path",
       "function public.product_price(text)", "changed", "config"},
      {"function strict", "alter function public.product_price(text) strict",
       "function public.product_price(text)", "changed", "strict"},
      {"function cost", "alter function public.product_price(text) cost 10",
       "function public.product_price(text)", "changed", "cost"},
      {"function parallel safe", "alter function public.product_price(text) parallel safe",
       "function public.product_price(text)", "changed", "parallel"},
      {"function comment",
       "comment on function public.place_order(bigint, text) is 'places a one-product order'",
       "function public.place_order(bigint, text)", "changed", "comment"},
      {"function added",
       "create function public.product_count() returns bigint language sql stable "
       "as $$ select count(*) from public.products $$",
       "function public.product_count()", "remote_only", ""},
      {"overload added",
       "create function public.product_price(p_product_id bigint) returns numeric "
       "language sql stable as $$ select price from public.products where id = p_product_id $$",
       "function public.product_price(bigint)", "remote_only", ""},
      {"function dropped", "drop function public.place_order(bigint, text)",
       "function public.place_order(bigint, text)", "local_only", ""},
      {"function renamed", "alter function public.product_price(text) rename to sku_price",
       "function public.sku_price(text)", "remote_only", "", "function public.product_price(text)"},
      {"procedure dropped", "drop procedure public.deactivate_product(text)",
       "procedure public.deactivate_product(text)", "local_only", ""},
      // Privileges.
      {"table grant added", "grant insert on table public.product_changes to authenticated",
       "table public.product_changes", "changed", "privileges"},
      {"table grant revoked", "revoke select on table public.products from anon",
       "table public.products", "changed", "privileges"},
      {"table grant with grant option",
       "grant select on table public.product_changes to service_role with grant option",
       "table public.product_changes", "changed", "privileges"},
      {"column grant added", "grant update (active) on table public.products to authenticated",
       "column public.products.active", "changed", "privileges"},
      {"column grant revoked", "revoke update (price) on table public.products from authenticated",
       "column public.products.price", "changed", "privileges"},
      {"function execute granted",
       "grant execute on function public.place_order(bigint, text) to anon",
       "function public.place_order(bigint, text)", "changed", "privileges"},
      {"function execute revoked",
       "revoke execute on function public.product_price(text) from anon",
       "function public.product_price(text)", "changed", "privileges"},
      {"procedure execute granted",
       "grant execute on procedure public.deactivate_product(text) to authenticated",
       "procedure public.deactivate_product(text)", "changed", "privileges"},
      {"sequence grant revoked", "revoke all on sequence public.invoice_number_seq from anon",
       "sequence public.invoice_number_seq", "changed", "privileges"},
      {"schema grant added", "grant create on schema public to authenticated", "schema public",
       "changed", "privileges"},
      {"view grant revoked", "revoke select on public.active_products from anon",
       "view public.active_products", "changed", "privileges"},
      {"materialized view grant added",
       "grant select on public.customer_order_totals to authenticated",
       "materialized_view public.customer_order_totals", "changed", "privileges"},
      {"default privilege on functions revoked",
       "alter default privileges in schema public revoke execute on functions from anon",
       "schema public", "changed", "default_privileges"},
      {"default privilege on sequences revoked",
       "alter default privileges in schema public revoke all on sequences from anon",
       "schema public", "changed", "default_privileges"},
      // Triggers.
      {"trigger disabled", "alter table public.products disable trigger products_log_price",
       "trigger public.products.products_log_price", "changed", "enabled"},
      {"trigger enabled always",
       "alter table public.products enable always trigger products_set_updated_at",
       "trigger public.products.products_set_updated_at", "changed", "enabled"},
      {"trigger dropped", "drop trigger products_set_updated_at on public.products",
       "trigger public.products.products_set_updated_at", "local_only", ""},
      {"trigger added",
       "create trigger products_log_insert after insert on public.products "
       "for each row execute function public.log_price_change()",
       "trigger public.products.products_log_insert", "remote_only", ""},
      {"trigger when changed",
       "drop trigger products_log_price on public.products; "
       "create trigger products_log_price after update of price on public.products "
       "for each row when (new.price > old.price) execute function public.log_price_change()",
       "trigger public.products.products_log_price", "changed", "when"},
      {"trigger events changed",
       "drop trigger products_set_updated_at on public.products; "
       "create trigger products_set_updated_at before insert or update on public.products "
       "for each row execute function public.set_updated_at()",
       "trigger public.products.products_set_updated_at", "changed", "events"},
      {"trigger function changed",
       "drop trigger products_set_updated_at on public.products; "
       "create trigger products_set_updated_at before update on public.products "
       "for each row execute function public.log_price_change()",
       "trigger public.products.products_set_updated_at", "changed", "function"},
      {"trigger comment",
       "comment on trigger products_log_price on public.products is 'price history'",
       "trigger public.products.products_log_price", "changed", "comment"},
      // Views and materialized views.
      {"view redefined",
       "create or replace view public.active_products with (security_invoker = true) as "
       "select p.id, p.sku, p.title, p.price from public.products p "
       "where p.active and p.price > 0",
       "view public.active_products", "changed", "query"},
      {"view security_invoker turned off",
       "alter view public.active_products set (security_invoker = false)",
       "view public.active_products", "changed", "options"},
      {"view security_invoker reset", "alter view public.active_products reset (security_invoker)",
       "view public.active_products", "changed", "options"},
      {"view comment", "comment on view public.active_products is 'products on sale'",
       "view public.active_products", "changed", "comment"},
      {"view added",
       "create view public.cheap_products as select id, sku from public.products where price < 10",
       "view public.cheap_products", "remote_only", ""},
      {"view dropped", "drop view public.active_products", "view public.active_products",
       "local_only", ""},
      {"materialized view dropped", "drop materialized view public.customer_order_totals",
       "materialized_view public.customer_order_totals", "local_only", ""},
      {"materialized view comment",
       "comment on materialized view public.customer_order_totals is 'refreshed nightly'",
       "materialized_view public.customer_order_totals", "changed", "comment"},
      {"materialized view left unpopulated",
       "refresh materialized view public.customer_order_totals with no data",
       "materialized_view public.customer_order_totals", "changed", "populated"},
      {"materialized view index added",
       "create unique index customer_order_totals_customer_id_idx "
       "on public.customer_order_totals (customer_id)",
       "index public.customer_order_totals_customer_id_idx", "remote_only", ""},
  };
  return drifts;
}

// Changes to the database that leave the schema as the chain defines it, written the
// way people write them by hand or tools print them: check must still report nothing.
struct EquivalentRewrite {
  std::string_view name;
  std::string_view sql;
};

const std::vector<EquivalentRewrite>& EquivalentRewrites() {
  static const std::vector<EquivalentRewrite> rewrites = {
      {"index recreated as pg_get_indexdef prints it",
       "drop index public.orders_pending_idx; "
       "CREATE INDEX orders_pending_idx ON public.orders USING btree (created_at ASC NULLS LAST) "
       "WHERE (status = 'pending'::public.order_status)"},
      {"check recreated as pg_get_constraintdef prints it",
       "alter table public.orders drop constraint orders_total_check, "
       "add constraint orders_total_check CHECK ((total >= (0)::numeric))"},
      {"foreign key recreated with every default spelled out",
       "alter table public.orders drop constraint orders_customer_id_fkey, "
       "add constraint orders_customer_id_fkey foreign key (customer_id) "
       "references public.customers (id) match simple on update no action on delete no action "
       "not deferrable initially immediate"},
      {"default set with an explicit cast",
       "alter table public.orders alter column status set default 'pending'::public.order_status"},
      {"default set to null where it is not stored",
       "alter table public.notes alter column body set default null"},
      {"domain check recreated as the catalog prints it",
       "alter domain public.quantity drop constraint quantity_check; "
       "alter domain public.quantity add constraint quantity_check CHECK ((VALUE >= 0))"},
      {"comment set to what it is", "comment on table public.orders is 'customer orders'"},
      {"enum value added if not exists",
       "alter type public.order_status add value if not exists 'paid'"},
      {"sequence altered to its own settings",
       "alter sequence public.invoice_number_seq increment by 1 no cycle cache 1"},
      {"row level security enabled again", "alter table public.orders enable row level security"},
  };
  return rewrites;
}

// `pgdrift check --local <base chain> --remote <database> --format json`, in process.
testing::CliResult Check(const std::string& database) {
  return testing::RunCli({"check", "--local", kChain, "--remote",
                          PostgresServer::Shared().ConnectionString(database), "--format", "json"});
}

// The reported objects as "identity status attribute…" lines, for failure messages.
std::string Reported(const nlohmann::json& report) {
  std::vector<std::string> lines;
  for (const nlohmann::json& object : report["objects"]) {
    std::string line =
        StrCat(object["identity"].get<std::string>(), " ", object["status"].get<std::string>());
    if (object.contains("changes")) {
      for (const nlohmann::json& change : object["changes"]) {
        StrAppend(&line, " ", change["attribute"].get<std::string>(), ": ", change["local"].dump(),
                  " -> ", change["remote"].dump());
      }
    }
    lines.push_back(line);
  }
  return StrJoin(lines, "\n  ");
}

// Whether `report` holds exactly the objects `drift` expects; adds a failure otherwise.
bool ReportsExactly(const nlohmann::json& report, const InjectedDrift& drift) {
  struct Expected {
    std::string identity;
    std::string status;
  };
  std::vector<Expected> expected = {{std::string(drift.identity), std::string(drift.status)}};
  if (!drift.renamed_from.empty()) {
    expected.push_back({std::string(drift.renamed_from), "local_only"});
  }
  const nlohmann::json& objects = report["objects"];
  bool exact = objects.size() == expected.size();
  for (const Expected& want : expected) {
    bool found = false;
    for (const nlohmann::json& object : objects) {
      if (object["identity"] != want.identity) continue;
      found = object["status"] == want.status;
      if (want.status == "changed") {
        found = found && object.contains("changes") && object["changes"].size() == 1 &&
                object["changes"][0]["attribute"] == drift.attribute;
      } else {
        found = found && !object.contains("changes");
      }
    }
    exact = exact && found;
  }
  EXPECT_TRUE(exact) << "expected only " << drift.identity << " " << drift.status << " "
                     << drift.attribute << (drift.renamed_from.empty() ? "" : " (and ")
                     << drift.renamed_from << (drift.renamed_from.empty() ? "" : " local_only)")
                     << ", check reported:\n  " << Reported(report);
  return exact;
}

TEST(IntegrationDriftInjection, CheckReportsEachInjectedDriftExactly) {
  PostgresServer& server = PostgresServer::Shared();
  absl::StatusOr<std::string> built = testing::BuildChainDatabase(
      StrCat(PGDRIFT_SOURCE_DIR, "/", kChain), parser::Profile::kSupabase, "drift_base");
  ASSERT_TRUE(built.ok()) << built.status();
  testing::ScopedDatabase base(*built);
  ASSERT_GE(Drifts().size(), 90u);
  int detected = 0;
  for (const InjectedDrift& drift : Drifts()) {
    SCOPED_TRACE(drift.name);
    absl::StatusOr<std::string> copy = testing::CopyDatabase(base.name(), "drift");
    ASSERT_TRUE(copy.ok()) << copy.status();
    testing::ScopedDatabase database(*copy);

    testing::CliResult before = Check(database.name());
    EXPECT_EQ(before.exit_code, kExitOk) << "the untouched copy already drifts:\n"
                                         << before.out << before.err;
    absl::Status injected = server.RunSql(database.name(), drift.sql);
    ASSERT_TRUE(injected.ok()) << injected;

    testing::CliResult after = Check(database.name());
    EXPECT_EQ(after.exit_code, kExitDrift) << after.err;
    nlohmann::json report = nlohmann::json::parse(after.out, nullptr, /*allow_exceptions=*/false);
    if (report.is_discarded() || !report.contains("objects")) {
      ADD_FAILURE() << "check did not print a drift report:\n" << after.out << after.err;
    } else if (ReportsExactly(report, drift) && before.exit_code == kExitOk &&
               after.exit_code == kExitDrift) {
      ++detected;
    }
  }
  testing::WriteTestSummary(
      StrCat("drift injection: ", Drifts().size(), " drifts, ", detected, " reported exactly"));
}

TEST(IntegrationDriftInjection, EquivalentRewritesAreNotDrift) {
  PostgresServer& server = PostgresServer::Shared();
  absl::StatusOr<std::string> built = testing::BuildChainDatabase(
      StrCat(PGDRIFT_SOURCE_DIR, "/", kChain), parser::Profile::kSupabase, "drift_base");
  ASSERT_TRUE(built.ok()) << built.status();
  testing::ScopedDatabase base(*built);
  int quiet = 0;
  for (const EquivalentRewrite& rewrite : EquivalentRewrites()) {
    SCOPED_TRACE(rewrite.name);
    absl::StatusOr<std::string> copy = testing::CopyDatabase(base.name(), "rewrite");
    ASSERT_TRUE(copy.ok()) << copy.status();
    testing::ScopedDatabase database(*copy);
    absl::Status rewritten = server.RunSql(database.name(), rewrite.sql);
    ASSERT_TRUE(rewritten.ok()) << rewritten;
    testing::CliResult result = Check(database.name());
    EXPECT_EQ(result.exit_code, kExitOk) << result.out << result.err;
    if (result.exit_code == kExitOk) ++quiet;
  }
  testing::WriteTestSummary(StrCat("drift injection: ", EquivalentRewrites().size(),
                                   " equivalent rewrites, ", quiet, " reported as no drift"));
}

}  // namespace
}  // namespace pgdrift::cli
