// No missed drift: every field of the model that PostgreSQL keeps must be seen by
// diff::Compare. For each field one row mutates that field alone on a copy of a catalog
// holding one object of every kind, and Compare must report a change on the right
// identity (with the right attribute name). Fields that are not drift (identity, lineage,
// the profile's scope flags, session state) are listed as exempt with the reason.
//
// Each struct's fields are also named in a structured binding (DeclaredFields), so adding
// a field to a model struct stops this test from compiling until the field is named there
// and has a row — and the row fails until diff/attributes.cc compares the field.
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "diff/compare.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/catalog.h"

namespace pgdrift::diff {
namespace {

using model::Catalog;

// --- The fields of each model struct, as declared ------------------------------------

// "a, b,\n c" → {"a", "b", "c"}.
std::vector<std::string> SplitNames(std::string_view names) {
  std::vector<std::string> result;
  for (const std::string& name : StrSplit(names, ',')) result.emplace_back(Trim(name));
  return result;
}

// The names of every data member of a default `type`, bound in order by a structured
// binding — which fails to compile when the struct gains or loses a member. The binding
// names are the member names; keep them so.
#define PGDRIFT_FIELDS_OF(type, ...)                     \
  [] {                                                   \
    [[maybe_unused]] const auto& [__VA_ARGS__] = type{}; \
    return SplitNames(#__VA_ARGS__);                     \
  }()

// --- A catalog with one object of every kind ------------------------------------------

model::TypeRef Builtin(std::string name) { return model::TypeRef::Builtin(std::move(name)); }

Catalog BaseCatalog() {
  Catalog catalog;
  catalog.schemas["public"] = {.name = "public", .owner = "pg_database_owner"};
  catalog.schemas["app"] = {.name = "app", .owner = "app_owner", .comment = "application"};
  catalog.extensions["citext"] = {.name = "citext", .schema = "public", .version = "1.6"};

  model::UserType mood{.name = {"app", "mood"}, .kind = model::UserTypeKind::kEnum};
  mood.enum_values = {"happy", "sad"};
  mood.owner = "app_owner";
  catalog.types[mood.name] = mood;
  model::UserType address{.name = {"app", "address"}, .kind = model::UserTypeKind::kComposite};
  address.attributes = {{"street", Builtin("text"), ""},
                        {"zip", Builtin("character varying(10)"), ""}};
  address.owner = "app_owner";
  catalog.types[address.name] = address;
  model::UserType range{.name = {"app", "floatrange"}, .kind = model::UserTypeKind::kRange};
  range.range_subtype = Builtin("double precision");
  range.range_subtype_opclass = "pg_catalog.float8_ops";
  range.range_subtype_diff = "pg_catalog.float8mi";
  range.multirange_name = "floatmultirange";
  range.owner = "app_owner";
  catalog.types[range.name] = range;

  model::Domain email{.name = {"app", "email"}, .base_type = Builtin("text")};
  email.checks["email_check"] = {"email_check", "VALUE ~~ '%@%'::text", true};
  email.owner = "app_owner";
  catalog.domains[email.name] = email;

  model::Routine total{.name = {"app", "total"}, .result = "bigint", .language = "plpgsql"};
  total.args = {{model::ArgMode::kIn, "n", Builtin("integer"), "1"},
                {model::ArgMode::kOut, "total", Builtin("bigint"), std::nullopt}};
  total.body = "BEGIN total := n; END";
  total.owner = "app_owner";
  catalog.routines[total.key()] = total;

  model::Sequence orders_id{.name = {"app", "orders_id_seq"}};
  orders_id.owned_by = model::SequenceOwner{{"app", "orders"}, "id"};
  orders_id.owner = "app_owner";
  catalog.sequences[orders_id.name] = orders_id;

  model::Table customers{.name = {"app", "customers"}};
  customers.columns.push_back({.name = "id", .type = Builtin("bigint"), .not_null = true});
  customers.constraints["customers_pkey"] = {
      .name = "customers_pkey", .type = model::ConstraintType::kPrimaryKey, .columns = {"id"}};
  customers.owner = "app_owner";
  catalog.tables[customers.name] = customers;

  model::Table orders{.name = {"app", "orders"}};
  orders.columns.push_back({.name = "id",
                            .type = Builtin("bigint"),
                            .not_null = true,
                            .default_expr = "nextval('app.orders_id_seq'::regclass)"});
  orders.columns.push_back({.name = "customer_id", .type = Builtin("bigint")});
  orders.columns.push_back({.name = "status", .type = {"app", "mood"}});
  orders.columns.push_back({.name = "email", .type = {"app", "email"}});
  orders.columns.push_back({.name = "room", .type = Builtin("integer")});
  orders.columns.push_back({.name = "during", .type = Builtin("tstzrange")});
  orders.constraints["orders_pkey"] = {
      .name = "orders_pkey", .type = model::ConstraintType::kPrimaryKey, .columns = {"id"}};
  orders.constraints["orders_room_check"] = {
      .name = "orders_room_check", .type = model::ConstraintType::kCheck, .expression = "room > 0"};
  model::Constraint fkey{.name = "orders_customer_id_fkey",
                         .type = model::ConstraintType::kForeignKey,
                         .columns = {"customer_id"}};
  fkey.referenced_table = {"app", "customers"};
  fkey.referenced_columns = {"id"};
  orders.constraints[fkey.name] = fkey;
  model::Constraint exclusion{.name = "orders_room_during_excl",
                              .type = model::ConstraintType::kExclusion};
  exclusion.exclusion_method = "gist";
  exclusion.exclusion_elements = {{{.column = "room"}, "="}, {{.column = "during"}, "&&"}};
  orders.constraints[exclusion.name] = exclusion;
  orders.owner = "app_owner";
  model::Trigger audit{.name = "orders_audit", .timing = model::TriggerTiming::kAfter};
  audit.on_update = true;
  audit.for_each_row = true;
  audit.function = {"app", "audit"};
  orders.triggers[audit.name] = audit;
  model::Policy own{.name = "orders_own", .command = "SELECT", .roles = {"authenticated"}};
  own.using_expr = "(customer = app.current_customer())";
  orders.policies[own.name] = own;
  catalog.tables[orders.name] = orders;

  model::View summary{.name = {"app", "order_summary"}};
  summary.columns = {{"id", "", std::nullopt}, {"status", "", std::nullopt}};
  summary.query = "SELECT orders.id, orders.status FROM app.orders";
  summary.depends_on = {model::ObjectId::Of(model::ObjectKind::kTable, {"app", "orders"})};
  summary.owner = "app_owner";
  catalog.views[summary.name] = summary;

  for (const auto& [table, constraint] : std::vector<std::pair<model::QualifiedName, std::string>>{
           {{"app", "customers"}, "customers_pkey"}, {{"app", "orders"}, "orders_pkey"}}) {
    catalog.indexes[{"app", constraint}] = {.name = {"app", constraint},
                                            .table = table,
                                            .unique = true,
                                            .keys = {{.column = "id"}},
                                            .constraint_name = constraint};
  }
  catalog.indexes[{"app", "orders_room_during_excl"}] = {
      .name = {"app", "orders_room_during_excl"},
      .table = {"app", "orders"},
      .method = "gist",
      .keys = {{.column = "room"}, {.column = "during"}},
      .constraint_name = "orders_room_during_excl"};
  catalog.indexes[{"app", "orders_status_idx"}] = {.name = {"app", "orders_status_idx"},
                                                   .table = {"app", "orders"},
                                                   .keys = {{.column = "status"}}};
  return catalog;
}

model::Table& Orders(Catalog& c) { return c.tables.at({"app", "orders"}); }
model::Trigger& Audit(Catalog& c) { return Orders(c).triggers.at("orders_audit"); }
model::Policy& Own(Catalog& c) { return Orders(c).policies.at("orders_own"); }
model::Column& Column(Catalog& c, std::string_view name) { return *Orders(c).FindColumn(name); }
model::Constraint& Constraint(Catalog& c, const std::string& name) {
  return Orders(c).constraints.at(name);
}
model::Index& StatusIndex(Catalog& c) { return c.indexes.at({"app", "orders_status_idx"}); }
model::View& Summary(Catalog& c) { return c.views.at({"app", "order_summary"}); }
model::Sequence& OrdersIdSeq(Catalog& c) { return c.sequences.at({"app", "orders_id_seq"}); }
model::UserType& Type(Catalog& c, const std::string& name) { return c.types.at({"app", name}); }
model::Domain& Email(Catalog& c) { return c.domains.at({"app", "email"}); }
model::Routine& Total(Catalog& c) { return c.routines.at({{"app", "total"}, "integer"}); }

// --- The rows ----------------------------------------------------------------------------

struct FieldRow {
  std::string field;  // "Struct.member"
  std::function<void(Catalog&)> mutate;
  std::string identity;   // the object Compare must report
  std::string attribute;  // the attribute it must name; "" for a one-sided object
};

const std::vector<FieldRow>& Rows() {
  static const std::vector<FieldRow> rows = {
      // Catalog: every container holds a kind Compare walks.
      {"Catalog.schemas", [](Catalog& c) { c.schemas["extra"] = {.name = "extra"}; },
       "schema extra", ""},
      {"Catalog.extensions",
       [](Catalog& c) { c.extensions["hstore"] = {.name = "hstore", .schema = "public"}; },
       "extension hstore", ""},
      {"Catalog.types",
       [](Catalog& c) {
         c.types[{"app", "color"}] = {.name = {"app", "color"}};
       },
       "type app.color", ""},
      {"Catalog.domains",
       [](Catalog& c) {
         c.domains[{"app", "code"}] = {.name = {"app", "code"}, .base_type = Builtin("text")};
       },
       "domain app.code", ""},
      {"Catalog.sequences",
       [](Catalog& c) {
         c.sequences[{"app", "counter"}] = {.name = {"app", "counter"}};
       },
       "sequence app.counter", ""},
      {"Catalog.tables",
       [](Catalog& c) {
         c.tables[{"app", "extra"}] = {.name = {"app", "extra"}};
       },
       "table app.extra", ""},
      {"Catalog.indexes",
       [](Catalog& c) {
         c.indexes[{"app", "orders_room_idx"}] = {.name = {"app", "orders_room_idx"},
                                                  .table = {"app", "orders"},
                                                  .keys = {{.column = "room"}}};
       },
       "index app.orders_room_idx", ""},

      {"Catalog.routines",
       [](Catalog& c) {
         model::Routine extra{.name = {"app", "extra"}, .result = "void"};
         c.routines[extra.key()] = extra;
       },
       "function app.extra()", ""},

      // Routine (the identity is the name and the input argument types).
      {"Routine.procedure", [](Catalog& c) { Total(c).procedure = true; },
       "function app.total(integer)", "procedure"},
      {"Routine.args",
       [](Catalog& c) { Total(c).args.push_back({model::ArgMode::kOut, "n2", Builtin("text")}); },
       "function app.total(integer)", "arguments"},
      {"Routine.result", [](Catalog& c) { Total(c).result = "record"; },
       "function app.total(integer)", "result"},
      {"Routine.language", [](Catalog& c) { Total(c).language = "sql"; },
       "function app.total(integer)", "language"},
      {"Routine.body", [](Catalog& c) { Total(c).body = "BEGIN total := 2 * n; END"; },
       "function app.total(integer)", "body"},
      {"Routine.probin", [](Catalog& c) { Total(c).probin = "$libdir/total"; },
       "function app.total(integer)", "probin"},
      {"Routine.volatility", [](Catalog& c) { Total(c).volatility = model::Volatility::kStable; },
       "function app.total(integer)", "volatility"},
      {"Routine.strict", [](Catalog& c) { Total(c).strict = true; },
       "function app.total(integer)", "strict"},
      {"Routine.security_definer", [](Catalog& c) { Total(c).security_definer = true; },
       "function app.total(integer)", "security_definer"},
      {"Routine.leakproof", [](Catalog& c) { Total(c).leakproof = true; },
       "function app.total(integer)", "leakproof"},
      {"Routine.parallel", [](Catalog& c) { Total(c).parallel = model::ParallelSafety::kSafe; },
       "function app.total(integer)", "parallel"},
      {"Routine.cost", [](Catalog& c) { Total(c).cost = 0.5; }, "function app.total(integer)",
       "cost"},
      {"Routine.rows", [](Catalog& c) { Total(c).rows = 10; }, "function app.total(integer)",
       "rows"},
      {"Routine.config",
       [](Catalog& c) { Total(c).config.emplace_back("search_path", "\"\""); },
       "function app.total(integer)", "config"},
      {"Routine.support",
       [](Catalog& c) { Total(c).support = model::QualifiedName{"app", "total_support"}; },
       "function app.total(integer)", "support"},
      {"Routine.owner", [](Catalog& c) { Total(c).owner = "someone"; },
       "function app.total(integer)", "owner"},
      {"Routine.comment", [](Catalog& c) { Total(c).comment = "sums"; },
       "function app.total(integer)", "comment"},
      {"Routine.privileges",
       [](Catalog& c) {
         Total(c).privileges = model::Acl{{"app_owner", {"X", ""}}};
       },
       "function app.total(integer)", "privileges"},
      {"RoutineArg.mode", [](Catalog& c) { Total(c).args[0].mode = model::ArgMode::kVariadic; },
       "function app.total(integer)", "arguments"},
      {"RoutineArg.name", [](Catalog& c) { Total(c).args[0].name = "m"; },
       "function app.total(integer)", "arguments"},
      {"RoutineArg.type", [](Catalog& c) { Total(c).args[1].type = Builtin("numeric"); },
       "function app.total(integer)", "arguments"},
      {"RoutineArg.default_expr", [](Catalog& c) { Total(c).args[0].default_expr = "2"; },
       "function app.total(integer)", "arguments"},

      // Schema.
      {"Schema.owner", [](Catalog& c) { c.schemas["app"].owner = "someone"; }, "schema app",
       "owner"},
      {"Schema.comment", [](Catalog& c) { c.schemas["app"].comment = "other"; }, "schema app",
       "comment"},
      {"Schema.privileges",
       [](Catalog& c) { c.schemas["app"].privileges = model::Acl{{"anon", {"U", ""}}}; },
       "schema app", "privileges"},
      {"Catalog.default_privileges",
       [](Catalog& c) {
         c.default_privileges[{"postgres", "app", 'r'}] = model::Acl{{"anon", {"r", ""}}};
       },
       "schema app", "default_privileges"},

      // Extension.
      {"Extension.schema", [](Catalog& c) { c.extensions["citext"].schema = "extensions"; },
       "extension citext", "schema"},
      {"Extension.version", [](Catalog& c) { c.extensions["citext"].version = "1.5"; },
       "extension citext", "version"},

      // UserType (enum, composite, range).
      {"UserType.kind", [](Catalog& c) { Type(c, "mood").kind = model::UserTypeKind::kComposite; },
       "type app.mood", "type_kind"},
      {"UserType.enum_values", [](Catalog& c) { Type(c, "mood").enum_values.push_back("calm"); },
       "type app.mood", "values"},
      {"UserType.attributes",
       [](Catalog& c) {
         Type(c, "address").attributes.push_back({"city", Builtin("text"), ""});
       },
       "type app.address", "attributes"},
      {"UserType.range_subtype",
       [](Catalog& c) { Type(c, "floatrange").range_subtype = Builtin("real"); },
       "type app.floatrange", "subtype"},
      {"UserType.range_subtype_opclass",
       [](Catalog& c) { Type(c, "floatrange").range_subtype_opclass = "app.float_ops"; },
       "type app.floatrange", "subtype_opclass"},
      {"UserType.range_collation",
       [](Catalog& c) { Type(c, "floatrange").range_collation = "pg_catalog.\"C\""; },
       "type app.floatrange", "collation"},
      {"UserType.range_canonical",
       [](Catalog& c) { Type(c, "floatrange").range_canonical = "app.canonical"; },
       "type app.floatrange", "canonical"},
      {"UserType.range_subtype_diff",
       [](Catalog& c) { Type(c, "floatrange").range_subtype_diff = "app.diff"; },
       "type app.floatrange", "subtype_diff"},
      // pg_range.rngmultitypid: CREATE TYPE … AS RANGE (multirange_type_name = …).
      {"UserType.multirange_name",
       [](Catalog& c) { Type(c, "floatrange").multirange_name = "floatranges"; },
       "type app.floatrange", "multirange_name"},
      {"UserType.owner", [](Catalog& c) { Type(c, "mood").owner = "someone"; }, "type app.mood",
       "owner"},
      {"UserType.comment", [](Catalog& c) { Type(c, "mood").comment = "feelings"; },
       "type app.mood", "comment"},
      {"UserType.privileges", [](Catalog& c) { Type(c, "mood").privileges = model::Acl{}; },
       "type app.mood", "privileges"},
      {"CompositeAttribute.name",
       [](Catalog& c) { Type(c, "address").attributes[0].name = "road"; }, "type app.address",
       "attributes"},
      {"CompositeAttribute.type",
       [](Catalog& c) { Type(c, "address").attributes[1].type = Builtin("text"); },
       "type app.address", "attributes"},
      {"CompositeAttribute.collation",
       [](Catalog& c) { Type(c, "address").attributes[0].collation = "pg_catalog.\"C\""; },
       "type app.address", "attributes"},

      // Domain.
      {"Domain.base_type", [](Catalog& c) { Email(c).base_type = Builtin("character varying"); },
       "domain app.email", "base_type"},
      {"Domain.collation", [](Catalog& c) { Email(c).collation = "pg_catalog.\"C\""; },
       "domain app.email", "collation"},
      {"Domain.default_expr", [](Catalog& c) { Email(c).default_expr = "''::text"; },
       "domain app.email", "default"},
      {"Domain.not_null", [](Catalog& c) { Email(c).not_null = true; }, "domain app.email",
       "not_null"},
      {"Domain.checks", [](Catalog& c) { Email(c).checks.clear(); }, "domain app.email", "checks"},
      {"Domain.owner", [](Catalog& c) { Email(c).owner = "someone"; }, "domain app.email", "owner"},
      {"Domain.comment", [](Catalog& c) { Email(c).comment = "addresses"; }, "domain app.email",
       "comment"},
      {"Domain.privileges",
       [](Catalog& c) { Email(c).privileges = model::Acl{{"PUBLIC", {"U", "U"}}}; },
       "domain app.email", "privileges"},
      {"DomainCheck.name",
       [](Catalog& c) {
         model::DomainCheck check = Email(c).checks.at("email_check");
         Email(c).checks.clear();
         check.name = "email_at";
         Email(c).checks[check.name] = check;
       },
       "domain app.email", "checks"},
      {"DomainCheck.expression",
       [](Catalog& c) { Email(c).checks.at("email_check").expression = "VALUE <> ''::text"; },
       "domain app.email", "checks"},
      {"DomainCheck.validated",
       [](Catalog& c) { Email(c).checks.at("email_check").validated = false; }, "domain app.email",
       "checks"},

      // Sequence.
      {"Sequence.data_type", [](Catalog& c) { OrdersIdSeq(c).data_type = Builtin("integer"); },
       "sequence app.orders_id_seq", "data_type"},
      {"Sequence.start", [](Catalog& c) { OrdersIdSeq(c).start = 100; },
       "sequence app.orders_id_seq", "start"},
      {"Sequence.increment", [](Catalog& c) { OrdersIdSeq(c).increment = 10; },
       "sequence app.orders_id_seq", "increment"},
      {"Sequence.min_value", [](Catalog& c) { OrdersIdSeq(c).min_value = 0; },
       "sequence app.orders_id_seq", "min_value"},
      {"Sequence.max_value", [](Catalog& c) { OrdersIdSeq(c).max_value = 1000; },
       "sequence app.orders_id_seq", "max_value"},
      {"Sequence.cache", [](Catalog& c) { OrdersIdSeq(c).cache = 20; },
       "sequence app.orders_id_seq", "cache"},
      {"Sequence.cycle", [](Catalog& c) { OrdersIdSeq(c).cycle = true; },
       "sequence app.orders_id_seq", "cycle"},
      {"Sequence.unlogged", [](Catalog& c) { OrdersIdSeq(c).unlogged = true; },
       "sequence app.orders_id_seq", "unlogged"},
      {"Sequence.owned_by", [](Catalog& c) { OrdersIdSeq(c).owned_by.reset(); },
       "sequence app.orders_id_seq", "owned_by"},
      {"Sequence.owner", [](Catalog& c) { OrdersIdSeq(c).owner = "someone"; },
       "sequence app.orders_id_seq", "owner"},
      {"Sequence.comment", [](Catalog& c) { OrdersIdSeq(c).comment = "ids"; },
       "sequence app.orders_id_seq", "comment"},
      {"Sequence.privileges",
       [](Catalog& c) { OrdersIdSeq(c).privileges = model::Acl{{"anon", {"rU", ""}}}; },
       "sequence app.orders_id_seq", "privileges"},
      {"SequenceOwner.table",
       [](Catalog& c) {
         OrdersIdSeq(c).owned_by->table = {"app", "customers"};
       },
       "sequence app.orders_id_seq", "owned_by"},
      {"SequenceOwner.column", [](Catalog& c) { OrdersIdSeq(c).owned_by->column = "room"; },
       "sequence app.orders_id_seq", "owned_by"},

      // View.
      {"Catalog.views", [](Catalog& c) { c.views.erase({"app", "order_summary"}); },
       "view app.order_summary", ""},
      {"View.materialized", [](Catalog& c) { Summary(c).materialized = true; },
       "view app.order_summary", "materialized"},
      {"View.columns", [](Catalog& c) { Summary(c).columns[1].name = "state"; },
       "view app.order_summary", "columns"},
      {"View.query", [](Catalog& c) { Summary(c).query = "SELECT orders.id FROM app.orders"; },
       "view app.order_summary", "query"},
      {"View.options", [](Catalog& c) { Summary(c).options["security_invoker"] = "true"; },
       "view app.order_summary", "options"},
      {"View.populated", [](Catalog& c) { Summary(c).populated = false; },
       "view app.order_summary", "populated"},
      {"View.tablespace", [](Catalog& c) { Summary(c).tablespace = "fast"; },
       "view app.order_summary", "tablespace"},
      {"View.access_method", [](Catalog& c) { Summary(c).access_method = "columnar"; },
       "view app.order_summary", "access_method"},
      {"View.owner", [](Catalog& c) { Summary(c).owner = "someone"; }, "view app.order_summary",
       "owner"},
      {"View.comment", [](Catalog& c) { Summary(c).comment = "per order"; }, "view app.order_summary",
       "comment"},
      {"View.privileges",
       [](Catalog& c) { Summary(c).privileges = model::Acl{{"anon", {"r", ""}}}; },
       "view app.order_summary", "privileges"},
      {"ViewColumn.name", [](Catalog& c) { Summary(c).columns[0].name = "order_id"; },
       "view app.order_summary", "columns"},
      {"ViewColumn.comment", [](Catalog& c) { Summary(c).columns[0].comment = "the order"; },
       "view app.order_summary", "column_comments"},
      {"ViewColumn.privileges",
       [](Catalog& c) { Summary(c).columns[0].privileges = model::Acl{{"anon", {"r", ""}}}; },
       "view app.order_summary", "column_privileges"},

      // Table.
      {"Table.unlogged", [](Catalog& c) { Orders(c).unlogged = true; }, "table app.orders",
       "unlogged"},
      {"Table.columns",
       [](Catalog& c) { Orders(c).columns.push_back({.name = "note", .type = Builtin("text")}); },
       "column app.orders.note", ""},
      {"Table.constraints", [](Catalog& c) { Orders(c).constraints.erase("orders_room_check"); },
       "constraint app.orders.orders_room_check", ""},
      {"Table.partition_key", [](Catalog& c) { Orders(c).partition_key = "RANGE (room)"; },
       "table app.orders", "partition_key"},
      {"Table.partition_of",
       [](Catalog& c) {
         Orders(c).partition_of = model::QualifiedName{"app", "customers"};
       },
       "table app.orders", "partition_of"},
      {"Table.partition_bound", [](Catalog& c) { Orders(c).partition_bound = "DEFAULT"; },
       "table app.orders", "partition_bound"},
      {"Table.inherits",
       [](Catalog& c) {
         Orders(c).inherits.push_back({"app", "customers"});
       },
       "table app.orders", "inherits"},
      {"Table.rls_enabled", [](Catalog& c) { Orders(c).rls_enabled = true; }, "table app.orders",
       "rls_enabled"},
      {"Table.rls_forced", [](Catalog& c) { Orders(c).rls_forced = true; }, "table app.orders",
       "rls_forced"},
      {"Table.replica_identity",
       [](Catalog& c) { Orders(c).replica_identity = model::ReplicaIdentity::kFull; },
       "table app.orders", "replica_identity"},
      {"Table.replica_identity_index",
       [](Catalog& c) { Orders(c).replica_identity_index = "orders_pkey"; }, "table app.orders",
       "replica_identity_index"},
      {"Table.options", [](Catalog& c) { Orders(c).options["fillfactor"] = "70"; },
       "table app.orders", "options"},
      {"Table.access_method", [](Catalog& c) { Orders(c).access_method = "columnar"; },
       "table app.orders", "access_method"},
      {"Table.tablespace", [](Catalog& c) { Orders(c).tablespace = "fast"; }, "table app.orders",
       "tablespace"},
      {"Table.owner", [](Catalog& c) { Orders(c).owner = "someone"; }, "table app.orders", "owner"},
      {"Table.comment", [](Catalog& c) { Orders(c).comment = "orders"; }, "table app.orders",
       "comment"},
      {"Table.privileges",
       [](Catalog& c) { Orders(c).privileges = model::Acl{{"authenticated", {"r", ""}}}; },
       "table app.orders", "privileges"},

      // Column.
      {"Column.type", [](Catalog& c) { Column(c, "room").type = Builtin("bigint"); },
       "column app.orders.room", "type"},
      {"Column.collation", [](Catalog& c) { Column(c, "room").collation = "pg_catalog.\"C\""; },
       "column app.orders.room", "collation"},
      {"Column.not_null", [](Catalog& c) { Column(c, "room").not_null = true; },
       "column app.orders.room", "not_null"},
      {"Column.default_expr", [](Catalog& c) { Column(c, "room").default_expr = "1"; },
       "column app.orders.room", "default"},
      {"Column.identity",
       [](Catalog& c) { Column(c, "room").identity = model::IdentityKind::kAlways; },
       "column app.orders.room", "identity"},
      {"Column.generated_expr", [](Catalog& c) { Column(c, "room").generated_expr = "id * 2"; },
       "column app.orders.room", "generated"},
      {"Column.statistics_target", [](Catalog& c) { Column(c, "room").statistics_target = 500; },
       "column app.orders.room", "statistics"},
      {"Column.storage", [](Catalog& c) { Column(c, "room").storage = "external"; },
       "column app.orders.room", "storage"},
      {"Column.compression", [](Catalog& c) { Column(c, "room").compression = "lz4"; },
       "column app.orders.room", "compression"},
      {"Column.options", [](Catalog& c) { Column(c, "room").options["n_distinct"] = "100"; },
       "column app.orders.room", "options"},
      {"Column.inherit_count", [](Catalog& c) { Column(c, "room").inherit_count = 1; },
       "column app.orders.room", "inherit_count"},
      {"Column.is_local", [](Catalog& c) { Column(c, "room").is_local = false; },
       "column app.orders.room", "is_local"},
      {"Column.comment", [](Catalog& c) { Column(c, "room").comment = "room number"; },
       "column app.orders.room", "comment"},
      {"Column.privileges",
       [](Catalog& c) { Column(c, "room").privileges = model::Acl{{"anon", {"w", ""}}}; },
       "column app.orders.room", "privileges"},
      {"TypeRef.schema", [](Catalog& c) { Column(c, "status").type.schema = "public"; },
       "column app.orders.status", "type"},
      {"TypeRef.name", [](Catalog& c) { Column(c, "status").type.name = "feeling"; },
       "column app.orders.status", "type"},
      {"TypeRef.array", [](Catalog& c) { Column(c, "status").type.array = true; },
       "column app.orders.status", "type"},
      {"TypeRef.typmod", [](Catalog& c) { Column(c, "status").type.typmod = "(3)"; },
       "column app.orders.status", "type"},

      // Policy.
      {"Table.policies", [](Catalog& c) { Orders(c).policies.erase("orders_own"); },
       "policy app.orders.orders_own", ""},
      {"Policy.permissive", [](Catalog& c) { Own(c).permissive = false; },
       "policy app.orders.orders_own", "permissive"},
      {"Policy.command", [](Catalog& c) { Own(c).command = "ALL"; },
       "policy app.orders.orders_own", "command"},
      {"Policy.roles", [](Catalog& c) { Own(c).roles = {"public"}; },
       "policy app.orders.orders_own", "roles"},
      {"Policy.using_expr", [](Catalog& c) { Own(c).using_expr = "true"; },
       "policy app.orders.orders_own", "using"},
      {"Policy.check_expr", [](Catalog& c) { Own(c).check_expr = "true"; },
       "policy app.orders.orders_own", "with_check"},
      {"Policy.comment", [](Catalog& c) { Own(c).comment = "own rows"; },
       "policy app.orders.orders_own", "comment"},

      // Trigger.
      {"Table.triggers", [](Catalog& c) { Orders(c).triggers.erase("orders_audit"); },
       "trigger app.orders.orders_audit", ""},
      {"Trigger.timing", [](Catalog& c) { Audit(c).timing = model::TriggerTiming::kBefore; },
       "trigger app.orders.orders_audit", "timing"},
      {"Trigger.on_insert", [](Catalog& c) { Audit(c).on_insert = true; },
       "trigger app.orders.orders_audit", "events"},
      {"Trigger.on_update", [](Catalog& c) { Audit(c).on_update = false; },
       "trigger app.orders.orders_audit", "events"},
      {"Trigger.on_delete", [](Catalog& c) { Audit(c).on_delete = true; },
       "trigger app.orders.orders_audit", "events"},
      {"Trigger.on_truncate", [](Catalog& c) { Audit(c).on_truncate = true; },
       "trigger app.orders.orders_audit", "events"},
      {"Trigger.update_columns", [](Catalog& c) { Audit(c).update_columns = {"status"}; },
       "trigger app.orders.orders_audit", "update_columns"},
      {"Trigger.for_each_row", [](Catalog& c) { Audit(c).for_each_row = false; },
       "trigger app.orders.orders_audit", "level"},
      {"Trigger.when", [](Catalog& c) { Audit(c).when = "new.room > 0"; },
       "trigger app.orders.orders_audit", "when"},
      {"Trigger.old_table", [](Catalog& c) { Audit(c).old_table = "before_rows"; },
       "trigger app.orders.orders_audit", "old_table"},
      {"Trigger.new_table", [](Catalog& c) { Audit(c).new_table = "after_rows"; },
       "trigger app.orders.orders_audit", "new_table"},
      {"Trigger.function", [](Catalog& c) { Audit(c).function = {"public", "audit"}; },
       "trigger app.orders.orders_audit", "function"},
      {"Trigger.arguments", [](Catalog& c) { Audit(c).arguments = {"orders"}; },
       "trigger app.orders.orders_audit", "arguments"},
      {"Trigger.enabled", [](Catalog& c) { Audit(c).enabled = model::TriggerEnabled::kDisabled; },
       "trigger app.orders.orders_audit", "enabled"},
      {"Trigger.constraint", [](Catalog& c) { Audit(c).constraint = true; },
       "trigger app.orders.orders_audit", "constraint"},
      {"Trigger.deferrable", [](Catalog& c) { Audit(c).deferrable = true; },
       "trigger app.orders.orders_audit", "deferrable"},
      {"Trigger.initially_deferred", [](Catalog& c) { Audit(c).initially_deferred = true; },
       "trigger app.orders.orders_audit", "initially_deferred"},
      {"Trigger.referenced_table",
       [](Catalog& c) {
         Audit(c).referenced_table = model::QualifiedName{"app", "customers"};
       },
       "trigger app.orders.orders_audit", "referenced_table"},
      {"Trigger.comment", [](Catalog& c) { Audit(c).comment = "audit"; },
       "trigger app.orders.orders_audit", "comment"},

      // Constraint (primary key, check, foreign key, exclusion).
      {"Constraint.type",
       [](Catalog& c) { Constraint(c, "orders_pkey").type = model::ConstraintType::kUnique; },
       "constraint app.orders.orders_pkey", "constraint_type"},
      {"Constraint.columns",
       [](Catalog& c) {
         Constraint(c, "orders_pkey").columns = {"id", "room"};
       },
       "constraint app.orders.orders_pkey", "columns"},
      {"Constraint.include", [](Catalog& c) { Constraint(c, "orders_pkey").include = {"room"}; },
       "constraint app.orders.orders_pkey", "include"},
      {"Constraint.nulls_not_distinct",
       [](Catalog& c) { Constraint(c, "orders_pkey").nulls_not_distinct = true; },
       "constraint app.orders.orders_pkey", "nulls_not_distinct"},
      {"Constraint.expression",
       [](Catalog& c) { Constraint(c, "orders_room_check").expression = "room > 1"; },
       "constraint app.orders.orders_room_check", "expression"},
      {"Constraint.no_inherit",
       [](Catalog& c) { Constraint(c, "orders_room_check").no_inherit = true; },
       "constraint app.orders.orders_room_check", "no_inherit"},
      {"Constraint.referenced_table",
       [](Catalog& c) {
         Constraint(c, "orders_customer_id_fkey").referenced_table = {"public", "customers"};
       },
       "constraint app.orders.orders_customer_id_fkey", "references"},
      {"Constraint.referenced_columns",
       [](Catalog& c) { Constraint(c, "orders_customer_id_fkey").referenced_columns = {"code"}; },
       "constraint app.orders.orders_customer_id_fkey", "referenced_columns"},
      {"Constraint.on_update",
       [](Catalog& c) {
         Constraint(c, "orders_customer_id_fkey").on_update = model::ForeignKeyAction::kCascade;
       },
       "constraint app.orders.orders_customer_id_fkey", "on_update"},
      {"Constraint.on_delete",
       [](Catalog& c) {
         Constraint(c, "orders_customer_id_fkey").on_delete = model::ForeignKeyAction::kSetNull;
       },
       "constraint app.orders.orders_customer_id_fkey", "on_delete"},
      {"Constraint.on_delete_set_columns",
       [](Catalog& c) {
         Constraint(c, "orders_customer_id_fkey").on_delete_set_columns = {"customer_id"};
       },
       "constraint app.orders.orders_customer_id_fkey", "on_delete_set_columns"},
      {"Constraint.match",
       [](Catalog& c) {
         Constraint(c, "orders_customer_id_fkey").match = model::ForeignKeyMatch::kFull;
       },
       "constraint app.orders.orders_customer_id_fkey", "match"},
      {"Constraint.exclusion_method",
       [](Catalog& c) { Constraint(c, "orders_room_during_excl").exclusion_method = "spgist"; },
       "constraint app.orders.orders_room_during_excl", "method"},
      {"Constraint.exclusion_elements",
       [](Catalog& c) { Constraint(c, "orders_room_during_excl").exclusion_elements.pop_back(); },
       "constraint app.orders.orders_room_during_excl", "elements"},
      {"Constraint.exclusion_predicate",
       [](Catalog& c) {
         Constraint(c, "orders_room_during_excl").exclusion_predicate = "room > 0";
       },
       "constraint app.orders.orders_room_during_excl", "predicate"},
      {"Constraint.index_options",
       [](Catalog& c) { Constraint(c, "orders_pkey").index_options["fillfactor"] = "90"; },
       "constraint app.orders.orders_pkey", "index_options"},
      {"Constraint.deferrable",
       [](Catalog& c) { Constraint(c, "orders_customer_id_fkey").deferrable = true; },
       "constraint app.orders.orders_customer_id_fkey", "deferrable"},
      {"Constraint.initially_deferred",
       [](Catalog& c) { Constraint(c, "orders_customer_id_fkey").initially_deferred = true; },
       "constraint app.orders.orders_customer_id_fkey", "initially_deferred"},
      {"Constraint.validated",
       [](Catalog& c) { Constraint(c, "orders_room_check").validated = false; },
       "constraint app.orders.orders_room_check", "validated"},
      {"Constraint.comment",
       [](Catalog& c) { Constraint(c, "orders_room_check").comment = "positive"; },
       "constraint app.orders.orders_room_check", "comment"},
      {"ExclusionElement.element",
       [](Catalog& c) {
         Constraint(c, "orders_room_during_excl").exclusion_elements[0].element.column = "id";
       },
       "constraint app.orders.orders_room_during_excl", "elements"},
      {"ExclusionElement.op",
       [](Catalog& c) { Constraint(c, "orders_room_during_excl").exclusion_elements[0].op = "<>"; },
       "constraint app.orders.orders_room_during_excl", "elements"},

      // Index.
      {"Index.table",
       [](Catalog& c) {
         StatusIndex(c).table = {"app", "customers"};
       },
       "index app.orders_status_idx", "table"},
      {"Index.unique", [](Catalog& c) { StatusIndex(c).unique = true; },
       "index app.orders_status_idx", "unique"},
      {"Index.nulls_not_distinct", [](Catalog& c) { StatusIndex(c).nulls_not_distinct = true; },
       "index app.orders_status_idx", "nulls_not_distinct"},
      {"Index.method", [](Catalog& c) { StatusIndex(c).method = "hash"; },
       "index app.orders_status_idx", "method"},
      {"Index.keys", [](Catalog& c) { StatusIndex(c).keys.push_back({.column = "room"}); },
       "index app.orders_status_idx", "keys"},
      {"Index.include", [](Catalog& c) { StatusIndex(c).include = {"room"}; },
       "index app.orders_status_idx", "include"},
      {"Index.predicate", [](Catalog& c) { StatusIndex(c).predicate = "room > 0"; },
       "index app.orders_status_idx", "predicate"},
      {"Index.options", [](Catalog& c) { StatusIndex(c).options["fillfactor"] = "70"; },
       "index app.orders_status_idx", "options"},
      {"Index.tablespace", [](Catalog& c) { StatusIndex(c).tablespace = "fast"; },
       "index app.orders_status_idx", "tablespace"},
      // A plain index and a constraint's index are different objects: the remote one is
      // compared through a constraint the local side does not have.
      {"Index.constraint_name",
       [](Catalog& c) { StatusIndex(c).constraint_name = "orders_status_key"; },
       "index app.orders_status_idx", ""},
      // pg_inherits: the index is a partition of another (ALTER INDEX … ATTACH PARTITION).
      {"Index.parent_index",
       [](Catalog& c) {
         StatusIndex(c).parent_index = model::QualifiedName{"app", "all_status_idx"};
       },
       "index app.orders_status_idx", "parent_index"},
      {"Index.clustered", [](Catalog& c) { StatusIndex(c).clustered = true; },
       "index app.orders_status_idx", "clustered"},
      {"Index.comment", [](Catalog& c) { StatusIndex(c).comment = "by status"; },
       "index app.orders_status_idx", "comment"},
      {"IndexElement.column", [](Catalog& c) { StatusIndex(c).keys[0].column = "room"; },
       "index app.orders_status_idx", "keys"},
      {"IndexElement.expression",
       [](Catalog& c) {
         StatusIndex(c).keys[0].column.clear();
         StatusIndex(c).keys[0].expression = "lower(status::text)";
       },
       "index app.orders_status_idx", "keys"},
      {"IndexElement.collation",
       [](Catalog& c) { StatusIndex(c).keys[0].collation = "pg_catalog.\"C\""; },
       "index app.orders_status_idx", "keys"},
      {"IndexElement.opclass", [](Catalog& c) { StatusIndex(c).keys[0].opclass = "app.mood_ops"; },
       "index app.orders_status_idx", "keys"},
      {"IndexElement.opclass_options",
       [](Catalog& c) { StatusIndex(c).keys[0].opclass_options["siglen"] = "32"; },
       "index app.orders_status_idx", "keys"},
      {"IndexElement.descending", [](Catalog& c) { StatusIndex(c).keys[0].descending = true; },
       "index app.orders_status_idx", "keys"},
      {"IndexElement.nulls_first", [](Catalog& c) { StatusIndex(c).keys[0].nulls_first = true; },
       "index app.orders_status_idx", "keys"},
  };
  return rows;
}

// Fields that are not drift, each with the reason.
struct ExemptField {
  std::string field;
  std::string reason;
};

const std::vector<ExemptField>& Exempt() {
  static const std::vector<ExemptField> exempt = {
      {"Catalog.roles",
       "roles are cluster-wide, not objects of a schema (privileges will be "
       "attributes of the objects they are on)"},
      {"Catalog.search_path", "replay session state"},
      {"Catalog.roles_external", "how a source treats the roles it names, not a schema fact"},
      // Not compared yet: rows replace these as each kind's comparison lands.
      {"Catalog.current_user", "replay session state"},
      {"Schema.name", "identity"},
      {"Schema.managed", "scope set by the platform profile"},
      {"Schema.contents_managed", "scope set by the platform profile"},
      {"Schema.lineage", "where an object came from is not drift"},
      {"Extension.name", "identity"},
      {"Extension.managed", "scope set by the platform profile"},
      {"Extension.comment", "set by the extension's control file, not by the user"},
      {"Extension.lineage", "where an object came from is not drift"},
      {"UserType.name", "identity"},
      {"UserType.lineage", "where an object came from is not drift"},
      {"Domain.name", "identity"},
      {"Routine.name", "identity"},
      {"Routine.lineage", "where an object came from is not drift"},
      {"Domain.lineage", "where an object came from is not drift"},
      {"Sequence.name", "identity"},
      {"Sequence.identity",
       "the internal dependency of an identity column's sequence mirrors the column's "
       "`identity` attribute, which is compared"},
      {"Sequence.lineage", "where an object came from is not drift"},
      {"Table.name", "identity"},
      {"Table.managed", "scope set by the platform profile"},
      {"Table.lineage", "where an object came from is not drift"},
      {"Column.name", "identity"},
      {"Column.lineage", "where an object came from is not drift"},
      {"Constraint.name", "identity"},
      {"Constraint.lineage", "where an object came from is not drift"},
      {"Index.name", "identity"},
      {"Trigger.name", "identity"},
      {"Policy.name", "identity"},
      {"Policy.lineage", "where an object came from is not drift"},
      {"Trigger.lineage", "where an object came from is not drift"},
      {"Index.lineage", "where an object came from is not drift"},
      {"View.name", "identity"},
      {"View.lineage", "where an object came from is not drift"},
      {"Policy.depends_on",
       "derived from USING and WITH CHECK, which are compared (both sides run the same "
       "canonicalizer)"},
      {"View.depends_on",
       "derived from the query, which is compared (both sides run the same canonicalizer)"},
      {"View.triggers", "INSTEAD OF triggers are compared as trigger objects (CompareViewTriggers)"},
  };
  return exempt;
}

// Every declared field, as "Struct.member".
std::set<std::string> DeclaredFields() {
  std::set<std::string> fields;
  auto add = [&](std::string_view type, const std::vector<std::string>& members) {
    for (const std::string& member : members) fields.insert(std::string(type) + "." + member);
  };
  add("Schema",
      PGDRIFT_FIELDS_OF(model::Schema, name, owner, comment, privileges, managed, contents_managed,
                        lineage));
  add("Extension",
      PGDRIFT_FIELDS_OF(model::Extension, name, schema, version, comment, managed, lineage));
  add("UserType",
      PGDRIFT_FIELDS_OF(model::UserType, name, kind, enum_values, attributes, range_subtype,
                        range_subtype_opclass, range_collation, range_canonical, range_subtype_diff,
                        multirange_name, owner, comment, privileges, lineage));
  add("CompositeAttribute", PGDRIFT_FIELDS_OF(model::CompositeAttribute, name, type, collation));
  add("Domain", PGDRIFT_FIELDS_OF(model::Domain, name, base_type, collation, default_expr, not_null,
                                  checks, owner, comment, privileges, lineage));
  add("Routine",
      PGDRIFT_FIELDS_OF(model::Routine, name, procedure, args, result, language, body, probin,
                        volatility, strict, security_definer, leakproof, parallel, cost, rows,
                        config, support, owner, comment, privileges, lineage));
  add("RoutineArg", PGDRIFT_FIELDS_OF(model::RoutineArg, mode, name, type, default_expr));
  add("DomainCheck", PGDRIFT_FIELDS_OF(model::DomainCheck, name, expression, validated));
  add("Sequence",
      PGDRIFT_FIELDS_OF(model::Sequence, name, data_type, start, increment, min_value, max_value,
                        cache, cycle, unlogged, owned_by, identity, owner, comment,
                        privileges, lineage));
  add("SequenceOwner", PGDRIFT_FIELDS_OF(model::SequenceOwner, table, column));
  add("Table", PGDRIFT_FIELDS_OF(model::Table, name, unlogged, columns, constraints, partition_key,
                                 partition_of, partition_bound, inherits, rls_enabled, rls_forced,
                                 replica_identity, replica_identity_index, options, access_method,
                                 tablespace, owner, comment, privileges, triggers, policies,
                                 managed, lineage));
  add("Column", PGDRIFT_FIELDS_OF(model::Column, name, type, collation, not_null, default_expr,
                                  identity, generated_expr, statistics_target, storage, compression,
                                  options, inherit_count, is_local, comment, privileges,
                                  lineage));
  add("TypeRef", PGDRIFT_FIELDS_OF(model::TypeRef, schema, name, array, typmod));
  add("Constraint",
      PGDRIFT_FIELDS_OF(model::Constraint, name, type, columns, include, nulls_not_distinct,
                        expression, no_inherit, referenced_table, referenced_columns, on_update,
                        on_delete, on_delete_set_columns, match, exclusion_method,
                        exclusion_elements, exclusion_predicate, index_options, deferrable,
                        initially_deferred, validated, comment, lineage));
  add("ExclusionElement", PGDRIFT_FIELDS_OF(model::ExclusionElement, element, op));
  add("Index", PGDRIFT_FIELDS_OF(model::Index, name, table, unique, nulls_not_distinct, method,
                                 keys, include, predicate, options, tablespace, constraint_name,
                                 parent_index, clustered, comment, lineage));
  add("Trigger",
      PGDRIFT_FIELDS_OF(model::Trigger, name, timing, on_insert, on_update, on_delete, on_truncate,
                        update_columns, for_each_row, when, old_table, new_table, function,
                        arguments, enabled, constraint, deferrable, initially_deferred,
                        referenced_table, comment, lineage));
  add("Policy", PGDRIFT_FIELDS_OF(model::Policy, name, permissive, command, roles, using_expr,
                                  check_expr, depends_on, comment, lineage));
  add("View", PGDRIFT_FIELDS_OF(model::View, name, materialized, columns, query, options, populated,
                                tablespace, access_method, triggers, depends_on, owner, comment,
                                privileges, lineage));
  add("ViewColumn", PGDRIFT_FIELDS_OF(model::ViewColumn, name, comment, privileges));
  add("IndexElement", PGDRIFT_FIELDS_OF(model::IndexElement, column, expression, collation, opclass,
                                        opclass_options, descending, nulls_first));
  add("Catalog", PGDRIFT_FIELDS_OF(Catalog, schemas, extensions, types, domains, sequences, tables,
                                   indexes, views, routines, default_privileges, roles,
                                   roles_external, search_path, current_user));
  return fields;
}

TEST(AttributesCoverage, EveryFieldHasARowOrAReason) {
  std::set<std::string> covered;
  for (const FieldRow& row : Rows()) {
    EXPECT_TRUE(covered.insert(row.field).second) << row.field << " has two rows";
  }
  for (const ExemptField& exempt : Exempt()) {
    EXPECT_TRUE(covered.insert(exempt.field).second) << exempt.field << " is listed twice";
  }
  std::set<std::string> declared = DeclaredFields();
  for (const std::string& field : declared) {
    EXPECT_TRUE(covered.contains(field))
        << field << " has neither a row (a mutation Compare must report) nor an exemption";
  }
  for (const std::string& field : covered) {
    EXPECT_TRUE(declared.contains(field)) << field << " is not a field of the model";
  }
}

TEST(AttributesCoverage, BaseCatalogEqualsItself) {
  EXPECT_TRUE(Compare(BaseCatalog(), BaseCatalog(), {.compare_owners = true}).empty());
}

TEST(AttributesCoverage, EveryFieldChangeIsReportedOnItsObject) {
  const Catalog base = BaseCatalog();
  for (const FieldRow& row : Rows()) {
    SCOPED_TRACE(row.field);
    Catalog mutated = base;
    row.mutate(mutated);
    ChangeSet changes = Compare(base, mutated, {.compare_owners = true});
    ASSERT_EQ(changes.objects.size(), 1u)
        << row.field << ": want one object (" << row.identity << "), Compare reported "
        << changes.objects.size() << (changes.objects.empty() ? ": the change is missed" : "");
    const ObjectDrift& drift = changes.objects[0];
    EXPECT_EQ(drift.id.ToString(), row.identity);
    if (row.attribute.empty()) {
      EXPECT_NE(drift.status, DriftStatus::kChanged);
      continue;
    }
    ASSERT_EQ(drift.status, DriftStatus::kChanged);
    std::vector<std::string> attributes;
    for (const AttributeChange& change : drift.changes) attributes.push_back(change.attribute);
    EXPECT_THAT(attributes, ::testing::Contains(row.attribute));
  }
}

TEST(AttributesCoverage, OwnersAreComparedOnlyWhenAsked) {
  for (const FieldRow& row : Rows()) {
    if (!row.field.ends_with(".owner")) continue;
    SCOPED_TRACE(row.field);
    Catalog mutated = BaseCatalog();
    row.mutate(mutated);
    EXPECT_TRUE(Compare(BaseCatalog(), mutated).empty());
  }
}

}  // namespace
}  // namespace pgdrift::diff
