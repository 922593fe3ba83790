#include <string>
#include <vector>

#include "diff/compare.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parser/profile.h"
#include "parser/replay.h"
#include "planner/internal/object_sql.h"

namespace pgdrift::planner::internal {
namespace {

model::Catalog Replay(const std::string& sql) {
  auto seed = parser::SeedCatalog(parser::Profile::kPostgres);
  EXPECT_TRUE(seed.ok()) << seed.status();
  DiagnosticSink sink;
  parser::Replayer replayer(seed.ok() ? *seed : model::Catalog{}, &sink);
  replayer.ReplayFile({"test.sql", sql});
  for (const Diagnostic& diagnostic : sink.diagnostics())
    ADD_FAILURE() << diagnostic.message << "\n" << sql;
  return replayer.TakeCatalog();
}

// One line per statement ("sql [hazards] [outside transaction]"), "recreate <identity>"
// for a drop-and-create outcome and "unsupported <line>" for what no statement expresses,
// for every drift between `current` and `target` (both replayed after `base`).
std::vector<std::string> Plan(const std::string& base, const std::string& current,
                              const std::string& target, const MigrationOptions& options = {}) {
  model::Catalog from = Replay(base + current);
  model::Catalog to = Replay(base + target);
  ObjectSqlContext ctx{from, to, options};
  diff::CompareOptions compare;
  compare.compare_owners = options.compare_owners;
  std::vector<std::string> lines;
  auto add = [&](const std::vector<PlannedStatement>& statements) {
    for (const PlannedStatement& statement : statements) {
      std::string line = statement.sql;
      for (Hazard hazard : statement.hazards) line += " [" + std::string(HazardName(hazard)) + "]";
      if (!statement.transactional) line += " [outside transaction]";
      lines.push_back(line);
    }
  };
  for (const diff::ObjectDrift& drift : diff::Compare(to, from, compare).objects) {
    switch (drift.status) {
      case diff::DriftStatus::kLocalOnly:
        add(CreateObjectSql(drift.id, ctx));
        break;
      case diff::DriftStatus::kRemoteOnly:
        add(DropObjectSql(drift.id, ctx));
        break;
      case diff::DriftStatus::kChanged: {
        AlterOutcome outcome = AlterObjectSql(drift, ctx);
        if (outcome.recreate) lines.push_back("recreate " + drift.id.ToString());
        add(outcome.statements);
        for (const std::string& line : outcome.unsupported) lines.push_back("unsupported " + line);
        break;
      }
    }
  }
  return lines;
}

struct Case {
  std::string name;
  std::string base;
  std::string current;
  std::string target;
  std::vector<std::string> expected;
  MigrationOptions options = {};
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Plan(c.base, c.current, c.target, c.options), c.expected);
  }
}

MigrationOptions Idempotent() {
  MigrationOptions options;
  options.idempotent = true;
  return options;
}

MigrationOptions Online() {
  MigrationOptions options;
  options.online = true;
  return options;
}

MigrationOptions Owners() {
  MigrationOptions options;
  options.compare_owners = true;
  return options;
}

const char kRoles[] = "create role app; create role reader;\n";

TEST(AlterOtherKinds, Schemas) {
  RunCases({
      {"create with comment and grant",
       kRoles,
       "",
       "create schema app; comment on schema app is 'mine'; grant usage on schema app to reader;",
       {"CREATE SCHEMA app;", "COMMENT ON SCHEMA app IS 'mine';",
        "GRANT USAGE ON SCHEMA app TO reader;"}},
      {"create idempotent",
       "",
       "",
       "create schema app;",
       {"CREATE SCHEMA IF NOT EXISTS app;"},
       Idempotent()},
      {"drop", "", "create schema app;", "", {"DROP SCHEMA app; [irreversible]"}},
      {"drop idempotent",
       "",
       "create schema app;",
       "",
       {"DROP SCHEMA IF EXISTS app; [irreversible]"},
       Idempotent()},
      {"comment and privileges",
       std::string(kRoles) + "create schema app;",
       "grant usage on schema app to app;",
       "comment on schema app is 'x'; grant create on schema app to reader;",
       {"COMMENT ON SCHEMA app IS 'x';", "REVOKE USAGE ON SCHEMA app FROM app;",
        "GRANT CREATE ON SCHEMA app TO reader;"}},
      {"owner only when compared",
       std::string(kRoles) + "create schema app;",
       "",
       "alter schema app owner to app;",
       {}},
      {"owner compared",
       std::string(kRoles) + "create schema app;",
       "",
       "alter schema app owner to app;",
       {"ALTER SCHEMA app OWNER TO app;"},
       Owners()},
      {"per-schema default privileges",
       std::string(kRoles) + "create schema app;",
       "",
       "alter default privileges in schema app grant select on tables to reader;",
       {"ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA app GRANT SELECT ON TABLES TO "
        "reader;"}},
      {"global default privileges changed once",
       std::string(kRoles) + "create schema app;",
       "",
       "alter default privileges revoke execute on functions from public;",
       {"ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON FUNCTIONS FROM PUBLIC;"}},
  });
}

TEST(AlterOtherKinds, Extensions) {
  RunCases({
      {"create",
       "",
       "",
       "create extension pgcrypto;",
       {"CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;"}},
      {"drop",
       "",
       "create extension pgcrypto;",
       "",
       {"DROP EXTENSION pgcrypto; [data_loss] [irreversible]"}},
      {"version and schema",
       "create schema ext;",
       "create extension pgcrypto version '1.2';",
       "create extension pgcrypto with schema ext version '1.3';",
       {"ALTER EXTENSION pgcrypto SET SCHEMA ext;", "ALTER EXTENSION pgcrypto UPDATE TO '1.3';"}},
  });
}

TEST(AlterOtherKinds, Enums) {
  const std::string base = "create type public.mood as enum ('sad', 'ok');\n";
  RunCases({
      {"create and drop",
       "",
       "create type public.a as enum ('x');",
       "create type public.b as enum ('y');",
       {"DROP TYPE public.a; [irreversible]", "CREATE TYPE public.b AS ENUM ('y');"}},
      {"add values around existing ones",
       "",
       "create type public.mood as enum ('sad', 'ok');",
       "create type public.mood as enum ('awful', 'sad', 'meh', 'ok', 'happy');",
       {"ALTER TYPE public.mood ADD VALUE 'awful' BEFORE 'sad'; [irreversible]",
        "ALTER TYPE public.mood ADD VALUE 'meh' AFTER 'sad'; [irreversible]",
        "ALTER TYPE public.mood ADD VALUE 'happy' AFTER 'ok'; [irreversible]"}},
      {"add value idempotent",
       "",
       "create type public.mood as enum ('sad');",
       "create type public.mood as enum ('sad', 'ok');",
       {"ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'ok' AFTER 'sad'; [irreversible]"},
       Idempotent()},
      {"added value used by a default runs outside the transaction",
       base + "create table public.t (m public.mood);",
       "",
       "alter type public.mood add value 'happy'; alter table public.t alter column m set default "
       "'happy';",
       {"ALTER TYPE public.mood ADD VALUE 'happy' AFTER 'ok'; [irreversible] [outside transaction]",
        "ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'happy';"}},
      {"rename value",
       "",
       "create type public.mood as enum ('sad', 'ok');",
       "create type public.mood as enum ('sad', 'fine');",
       {"ALTER TYPE public.mood RENAME VALUE 'ok' TO 'fine';"}},
      {"removed value of an unused type recreates",
       "",
       "create type public.mood as enum ('sad', 'ok', 'x');",
       "create type public.mood as enum ('sad', 'ok');",
       {"recreate type public.mood"}},
      {"removed value of a used type is unsupported",
       base + "create table public.t (m public.mood);",
       "alter type public.mood add value 'x';",
       "",
       {"unsupported type public.mood: values (labels removed or reordered; PostgreSQL cannot drop "
        "an enum "
        "label and the type is in use)"}},
      {"comment and privileges",
       std::string(kRoles) + base,
       "",
       "comment on type public.mood is 'feel'; revoke usage on type public.mood from public;",
       {"COMMENT ON TYPE public.mood IS 'feel';", "REVOKE ALL ON TYPE public.mood FROM PUBLIC;"}},
  });
}

TEST(AlterOtherKinds, CompositeAndRangeTypes) {
  RunCases({
      {"attributes dropped, retyped, added",
       "",
       "create type public.pair as (a integer, b text, c text);",
       "create type public.pair as (a bigint, c text, d boolean);",
       {"ALTER TYPE public.pair ALTER ATTRIBUTE a TYPE bigint;",
        "ALTER TYPE public.pair DROP ATTRIBUTE b;",
        "ALTER TYPE public.pair ADD ATTRIBUTE d boolean;"}},
      {"attribute order change recreates",
       "",
       "create type public.pair as (a integer, b text);",
       "create type public.pair as (b text, a integer);",
       {"recreate type public.pair"}},
      {"range subtype change recreates",
       "",
       "create type public.r as range (subtype = integer);",
       "create type public.r as range (subtype = bigint);",
       {"recreate type public.r"}},
      {"create idempotent is guarded",
       "",
       "",
       "create type public.pair as (a integer);",
       {"DO $pgdrift$\nBEGIN\n  IF NOT EXISTS (SELECT FROM pg_catalog.pg_type t JOIN "
        "pg_catalog.pg_namespace n ON "
        "n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typname = 'pair') THEN\n    "
        "CREATE TYPE "
        "public.pair AS (\n    a integer\n);\n  END IF;\nEND\n$pgdrift$;"},
       Idempotent()},
  });
}

TEST(AlterOtherKinds, Domains) {
  const std::string base = "create domain public.pos as integer;\n";
  RunCases({
      {"default, not null, check",
       base,
       "",
       "alter domain public.pos set default 1; alter domain public.pos set not null;"
       "alter domain public.pos add constraint pos_check check (value > 0);",
       {"ALTER DOMAIN public.pos SET DEFAULT 1;",
        "ALTER DOMAIN public.pos ADD CONSTRAINT pos_check CHECK (value > 0); [long_running]",
        "ALTER DOMAIN public.pos SET NOT NULL; [long_running]"}},
      {"check online",
       base,
       "",
       "alter domain public.pos add constraint pos_check check (value > 0);",
       {"ALTER DOMAIN public.pos ADD CONSTRAINT pos_check CHECK (value > 0) NOT VALID;",
        "ALTER DOMAIN public.pos VALIDATE CONSTRAINT pos_check; [long_running]"},
       Online()},
      {"check changed and default dropped",
       "",
       "create domain public.pos as integer default 0 constraint c check (value > 0);",
       "create domain public.pos as integer constraint c check (value >= 0);",
       {"ALTER DOMAIN public.pos DROP DEFAULT;", "ALTER DOMAIN public.pos DROP CONSTRAINT c;",
        "ALTER DOMAIN public.pos ADD CONSTRAINT c CHECK (value >= 0); [long_running]"}},
      {"base type change recreates",
       "",
       "create domain public.pos as integer;",
       "create domain public.pos as bigint;",
       {"recreate domain public.pos"}},
      {"drop", "", base, "", {"DROP DOMAIN public.pos; [irreversible]"}},
  });
}

TEST(AlterOtherKinds, Routines) {
  const std::string f1 =
      "create function public.f(a integer) returns integer language sql as 'select a';\n";
  RunCases({
      {"body change replaces",
       "",
       f1,
       "create function public.f(a integer) returns integer language sql stable as 'select a + 1';",
       {"CREATE OR REPLACE FUNCTION public.f(a integer)\n RETURNS integer\n LANGUAGE sql\n "
        "STABLE\nAS "
        "$function$select a + 1$function$;"}},
      {"result change recreates",
       "",
       f1,
       "create function public.f(a integer) returns bigint language sql as 'select a::bigint';",
       {"recreate function public.f(integer)"}},
      {"argument rename recreates",
       "",
       f1,
       "create function public.f(b integer) returns integer language sql as 'select b';",
       {"recreate function public.f(integer)"}},
      {"comment and execute",
       std::string(kRoles) + f1,
       "",
       "comment on function public.f(integer) is 'add'; revoke execute on function "
       "public.f(integer) from public;"
       "grant execute on function public.f(integer) to app;",
       {"COMMENT ON FUNCTION public.f(integer) IS 'add';",
        "REVOKE ALL ON FUNCTION public.f(integer) FROM PUBLIC;",
        "GRANT ALL ON FUNCTION public.f(integer) TO app;"}},
      {"drop idempotent",
       "",
       "create procedure public.p() language sql as 'select 1';",
       "",
       {"DROP PROCEDURE IF EXISTS public.p(); [irreversible]"},
       Idempotent()},
  });
}

const char kTriggerBase[] =
    "create table public.t (id integer, v integer);\n"
    "create function public.touch() returns trigger language plpgsql as 'begin return new; end';\n";

TEST(AlterOtherKinds, Triggers) {
  const std::string trigger =
      "create trigger touch before update on public.t for each row execute function "
      "public.touch();\n";
  RunCases({
      {"create",
       kTriggerBase,
       "",
       trigger,
       {"CREATE TRIGGER touch BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION "
        "public.touch();"}},
      {"create idempotent",
       kTriggerBase,
       "",
       trigger,
       {"CREATE OR REPLACE TRIGGER touch BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION "
        "public.touch();"},
       Idempotent()},
      {"definition change replaces and keeps disabled",
       kTriggerBase + trigger,
       "alter table public.t disable trigger touch;",
       "drop trigger touch on public.t;"
       "create trigger touch before insert or update on public.t for each row execute function "
       "public.touch();"
       "alter table public.t disable trigger touch;",
       {"CREATE OR REPLACE TRIGGER touch BEFORE INSERT OR UPDATE ON public.t FOR EACH ROW EXECUTE "
        "FUNCTION "
        "public.touch();",
        "ALTER TABLE public.t DISABLE TRIGGER touch;"}},
      {"enable and comment",
       kTriggerBase + trigger,
       "alter table public.t disable trigger touch;",
       "comment on trigger touch on public.t is 'x';",
       {"ALTER TABLE public.t ENABLE TRIGGER touch;",
        "COMMENT ON TRIGGER touch ON public.t IS 'x';"}},
      {"drop idempotent",
       kTriggerBase + trigger,
       "",
       "drop trigger touch on public.t;",
       {"DROP TRIGGER IF EXISTS touch ON public.t;"},
       Idempotent()},
  });
}

TEST(AlterOtherKinds, Policies) {
  const std::string base =
      std::string(kRoles) + "create table public.t (id integer, owner text);\n";
  const std::string policy = "create policy own on public.t using (owner = current_user);\n";
  RunCases({
      {"create idempotent",
       base,
       "",
       policy,
       {"DROP POLICY IF EXISTS own ON public.t;",
        "CREATE POLICY own ON public.t USING (owner = current_user);"},
       Idempotent()},
      {"roles and using",
       base + policy,
       "",
       "alter policy own on public.t to reader using (owner = 'x');",
       {"ALTER POLICY own ON public.t TO reader USING (owner = 'x');"}},
      {"command change recreates",
       base,
       policy,
       "create policy own on public.t for select using (owner = current_user);",
       {"recreate policy public.t.own"}},
      {"comment",
       base + policy,
       "",
       "comment on policy own on public.t is 'mine';",
       {"COMMENT ON POLICY own ON public.t IS 'mine';"}},
  });
}

TEST(AlterOtherKinds, Views) {
  const std::string base = std::string(kRoles) + "create table public.t (id integer, name text);\n";
  RunCases({
      {"appended column replaces",
       base,
       "create view public.v as select id from public.t;",
       "create view public.v as select id, name from public.t;",
       {"CREATE OR REPLACE VIEW public.v AS\nSELECT t.id, t.name FROM public.t;"}},
      {"removed column recreates",
       base,
       "create view public.v as select id, name from public.t;",
       "create view public.v as select id from public.t;",
       {"recreate view public.v"}},
      {"options, comment, privileges",
       base + "create view public.v as select id from public.t;",
       "",
       "alter view public.v set (security_invoker = true); comment on view public.v is 'x';"
       "grant select on public.v to reader; comment on column public.v.id is 'key';",
       {"ALTER VIEW public.v SET (security_invoker=true);",
        "COMMENT ON COLUMN public.v.id IS 'key';", "COMMENT ON VIEW public.v IS 'x';",
        "GRANT SELECT ON TABLE public.v TO reader;"}},
      {"materialized view query change recreates",
       base,
       "create materialized view public.m as select id from public.t;",
       "create materialized view public.m as select name from public.t;",
       {"recreate materialized_view public.m"}},
      {"materialized view create and drop",
       base,
       "create materialized view public.a as select id from public.t;",
       "create materialized view public.b as select id from public.t;",
       {"DROP MATERIALIZED VIEW public.a; [irreversible]",
        "CREATE MATERIALIZED VIEW public.b AS\nSELECT t.id FROM public.t\n  WITH DATA; "
        "[long_running]"}},
      {"refresh",
       base + "create materialized view public.m as select id from public.t with no data;",
       "",
       "refresh materialized view public.m;",
       {"REFRESH MATERIALIZED VIEW public.m; [access_exclusive_lock] [long_running]"}},
  });
}

}  // namespace
}  // namespace pgdrift::planner::internal
