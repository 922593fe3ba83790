#include "planner/migration.h"

#include <string>
#include <vector>

#include "base/strings.h"
#include "diff/compare.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "planner/testing/replay_catalog.h"

namespace pgdrift::planner {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::PostgresSeed;
using testing::ReplayOnto;
using testing::ReplayResult;

model::Catalog Build(std::string_view sql) {
  ReplayResult result = ReplayOnto(PostgresSeed(), sql);
  EXPECT_THAT(result.errors, IsEmpty()) << sql;
  return std::move(result.catalog);
}

std::vector<std::string> Sql(const Migration& migration) {
  std::vector<std::string> sql;
  for (const PlannedStatement& statement : migration.Statements()) sql.push_back(statement.sql);
  return sql;
}

std::string Script(const Migration& migration) {
  std::string script;
  for (const PlannedStatement& statement : migration.Statements()) StrAppend(&script, statement.sql, "\n");
  return script;
}

// The identities of what differs between `a` and `b`, one line each.
std::vector<std::string> Differences(const model::Catalog& a, const model::Catalog& b) {
  std::vector<std::string> lines;
  for (const diff::ObjectDrift& drift : diff::Compare(a, b).objects) {
    std::string line = StrCat(drift.id.ToString(), " ", diff::DriftStatusName(drift.status));
    for (const diff::AttributeChange& change : drift.changes) StrAppend(&line, " ", change.attribute);
    lines.push_back(line);
  }
  return lines;
}

struct Case {
  std::string name;
  std::string current;
  std::string target;
  std::vector<std::string> expected;
  MigrationOptions options;
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> kCases = {
      {"creates a table with its index and foreign key",
       "create table a (id integer primary key);",
       "create table a (id integer primary key);\n"
       "create table b (id integer primary key, a_id integer references a);\n"
       "create index b_a_idx on b (a_id);",
       {"CREATE TABLE public.b (\n    id integer NOT NULL,\n    a_id integer,\n"
        "    CONSTRAINT b_pkey PRIMARY KEY (id)\n);",
        "ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id);",
        "CREATE INDEX b_a_idx ON public.b USING btree (a_id);"}},
      {"drops a table in one statement",
       "create table a (id integer primary key, n text);\ncreate index a_n_idx on a (n);",
       "",
       {"DROP TABLE public.a;"}},
      {"drops a referencing foreign key before its table",
       "create table a (id integer primary key);\n"
       "create table b (id integer primary key, a_id integer references a);",
       "create table b (id integer primary key, a_id integer);",
       {"ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;", "DROP TABLE public.a;"}},
      {"adds and drops columns",
       "create table t (id integer, old text);",
       "create table t (id integer, fresh text default 'x' not null);",
       {"ALTER TABLE public.t DROP COLUMN old;",
        "ALTER TABLE public.t ADD COLUMN fresh text DEFAULT 'x' NOT NULL;"}},
      {"changes a column type with USING",
       "create table t (id integer, n integer);",
       "create table t (id integer, n bigint);",
       {"ALTER TABLE public.t ALTER COLUMN n TYPE bigint USING n::bigint;"}},
      {"drops and sets a default around a type change",
       "create table t (n integer default 0);",
       "create table t (n text default 'a');",
       {"ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;",
        "ALTER TABLE public.t ALTER COLUMN n TYPE text USING n::text;",
        "ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 'a';"}},
      {"sets and drops not null and defaults",
       "create table t (a integer, b integer not null default 1);",
       "create table t (a integer not null default 2, b integer);",
       {"ALTER TABLE public.t ALTER COLUMN a SET DEFAULT 2;",
        "ALTER TABLE public.t ALTER COLUMN a SET NOT NULL;",
        "ALTER TABLE public.t ALTER COLUMN b DROP DEFAULT;",
        "ALTER TABLE public.t ALTER COLUMN b DROP NOT NULL;"}},
      {"sets not null online through a validated check",
       "create table t (a integer);",
       "create table t (a integer not null);",
       {"ALTER TABLE public.t ADD CONSTRAINT a_not_null CHECK (a IS NOT NULL) NOT VALID;",
        "ALTER TABLE public.t VALIDATE CONSTRAINT a_not_null;",
        "ALTER TABLE public.t ALTER COLUMN a SET NOT NULL;",
        "ALTER TABLE public.t DROP CONSTRAINT a_not_null;"},
       {.online = true}},
      {"creates an index concurrently online",
       "create table t (a integer);",
       "create table t (a integer);\ncreate index t_a_idx on t (a);",
       {"CREATE INDEX CONCURRENTLY t_a_idx ON public.t USING btree (a);"},
       {.online = true}},
      {"adds a foreign key not valid then validates it online",
       "create table a (id integer primary key);\ncreate table b (a_id integer);",
       "create table a (id integer primary key);\ncreate table b (a_id integer references a);",
       {"ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id) NOT VALID;",
        "ALTER TABLE public.b VALIDATE CONSTRAINT b_a_id_fkey;"},
       {.online = true}},
      {"changes a check constraint by dropping and adding it",
       "create table t (n integer constraint n_positive check (n > 0));",
       "create table t (n integer constraint n_positive check (n >= 0));",
       {"ALTER TABLE public.t DROP CONSTRAINT n_positive;",
        "ALTER TABLE public.t ADD CONSTRAINT n_positive CHECK (n >= 0);"}},
      {"recreates foreign keys around a changed primary key",
       "create table a (id integer, k integer, constraint a_pkey primary key (id));\n"
       "create table b (a_id integer references a);",
       "create table a (id integer, k integer, constraint a_pkey primary key (id) include (k));\n"
       "create table b (a_id integer references a);",
       {"ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;", "ALTER TABLE public.a DROP CONSTRAINT a_pkey;",
        "ALTER TABLE public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id) INCLUDE (k);",
        "ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id);"}},
      {"recreates a changed index",
       "create table t (a integer, b integer);\ncreate index t_idx on t (a);",
       "create table t (a integer, b integer);\ncreate index t_idx on t (a, b);",
       {"DROP INDEX public.t_idx;", "CREATE INDEX t_idx ON public.t USING btree (a, b);"}},
      {"renames a column from its lineage",
       "create table t (a integer);",
       "create table t (a integer);\nalter table t rename column a to b;",
       {"ALTER TABLE public.t RENAME COLUMN a TO b;"}},
      {"renames a table and then changes it",
       "create table t (a integer);",
       "create table t (a integer);\nalter table t rename to u;\nalter table u add column c text;",
       {"ALTER TABLE public.t RENAME TO u;", "ALTER TABLE public.u ADD COLUMN c text;"}},
      {"changes table flags",
       "create table t (a integer);",
       "create table t (a integer);\nalter table t enable row level security;\n"
       "alter table t replica identity full;\ncomment on table t is 'rows';\n"
       "alter table t set (fillfactor = 70);",
       {"ALTER TABLE public.t SET (fillfactor=70);", "ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;",
        "ALTER TABLE public.t REPLICA IDENTITY FULL;", "COMMENT ON TABLE public.t IS 'rows';"}},
      {"alters sequence options",
       "create sequence s;",
       "create sequence s increment by 5 cache 10;",
       {"ALTER SEQUENCE public.s INCREMENT BY 5 CACHE 10;"}},
      {"creates a serial column's sequence before the column and owns it after",
       "create table t (a integer);",
       "create table t (a integer, id serial);",
       {"CREATE SEQUENCE public.t_id_seq AS integer;",
        "ALTER TABLE public.t ADD COLUMN id integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL;",
        "ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;"}},
      {"adds and drops an identity",
       "create table t (a integer not null, b integer generated always as identity);",
       "create table t (a integer generated by default as identity, b integer not null);",
       {"ALTER TABLE public.t ALTER COLUMN a ADD GENERATED BY DEFAULT AS IDENTITY;",
        "ALTER TABLE public.t ALTER COLUMN b DROP IDENTITY;"}},
      {"drops and recreates a view around a column type change",
       "create table t (id integer, n integer);\ncreate view v as select id, n from t;",
       "create table t (id integer, n bigint);\ncreate view v as select id, n from t;",
       {"DROP VIEW public.v;", "ALTER TABLE public.t ALTER COLUMN n TYPE bigint USING n::bigint;",
        "CREATE VIEW public.v AS\nSELECT t.id, t.n FROM public.t;"}},
      {"moves a column away from an enum before dropping it",
       "create type mood as enum ('a', 'b');\ncreate table t (m mood);",
       "create table t (m text);",
       {"ALTER TABLE public.t ALTER COLUMN m TYPE text USING m::text;", "DROP TYPE public.mood;"}},
      {"moves a column from one enum to another through text",
       "create type old_mood as enum ('a', 'b');\ncreate table t (m old_mood);",
       "create type new_mood as enum ('a', 'b', 'c');\ncreate table t (m new_mood);",
       {"CREATE TYPE public.new_mood AS ENUM ('a', 'b', 'c');",
        "ALTER TABLE public.t ALTER COLUMN m TYPE public.new_mood USING m::text::public.new_mood;",
        "DROP TYPE public.old_mood;"}},
      {"creates a function before the table whose default calls it",
       "",
       "create table t (id text default public.z_next_id());\n"
       "create function public.z_next_id() returns text language sql as $$ select 'x' $$;",
       {"SET check_function_bodies = false;",
        "CREATE OR REPLACE FUNCTION public.z_next_id()\n RETURNS text\n LANGUAGE sql\nAS $function$ select 'x' $function$;",
        "CREATE TABLE public.t (\n    id text DEFAULT public.z_next_id()\n);"}},
  };
  return kCases;
}

TEST(Migration, PlansExactStatements) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    Migration migration = PlanMigration(Build(c.current), Build(c.target), c.options);
    EXPECT_EQ(Sql(migration), c.expected) << Script(migration);
    EXPECT_THAT(migration.unsupported, IsEmpty());
  }
}

TEST(Migration, ReplayedMigrationReachesTarget) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    model::Catalog current = Build(c.current);
    model::Catalog target = Build(c.target);
    Migration migration = PlanMigration(current, target, c.options);
    ReplayResult replayed = ReplayOnto(current, Script(migration), "migration.sql");
    EXPECT_THAT(replayed.errors, IsEmpty()) << Script(migration);
    EXPECT_THAT(Differences(target, replayed.catalog), IsEmpty()) << Script(migration);
  }
}

TEST(Migration, IdempotentMigrationReplaysOnTargetWithoutEffect) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    model::Catalog current = Build(c.current);
    model::Catalog target = Build(c.target);
    MigrationOptions options = c.options;
    options.idempotent = true;
    Migration migration = PlanMigration(current, target, options);
    // The in-memory replay does not run DO blocks (guarded renames and identities), so
    // statements after one may not apply to the current catalog there.
    if (Script(migration).find("DO $pgdrift$") == std::string::npos) {
      ReplayResult on_current = ReplayOnto(current, Script(migration), "migration.sql");
      EXPECT_THAT(on_current.errors, IsEmpty()) << Script(migration);
      EXPECT_THAT(Differences(target, on_current.catalog), IsEmpty()) << Script(migration);
    }
    ReplayResult on_target = ReplayOnto(target, Script(migration), "migration.sql");
    EXPECT_THAT(on_target.errors, IsEmpty()) << Script(migration);
    EXPECT_THAT(Differences(target, on_target.catalog), IsEmpty()) << Script(migration);
  }
}

TEST(Migration, IdempotentFormsGuardEveryStatement) {
  MigrationOptions options;
  options.idempotent = true;
  Migration migration = PlanMigration(
      Build("create table a (id integer primary key, gone text);\ncreate table old (x integer);"),
      Build("create table a (id integer primary key, extra text);\n"
            "create table b (id integer, a_id integer references a);\ncreate index b_idx on b (id);"),
      options);
  EXPECT_THAT(Sql(migration),
              ElementsAre("DROP TABLE IF EXISTS public.old;", "ALTER TABLE public.a DROP COLUMN IF EXISTS gone;",
                          "CREATE TABLE IF NOT EXISTS public.b (\n    id integer,\n    a_id integer\n);",
                          "ALTER TABLE public.a ADD COLUMN IF NOT EXISTS extra text;",
                          "ALTER TABLE public.b DROP CONSTRAINT IF EXISTS b_a_id_fkey;",
                          "ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id);",
                          "CREATE INDEX IF NOT EXISTS b_idx ON public.b USING btree (id);"));
}

TEST(Migration, IdempotentRenameIsGuarded) {
  MigrationOptions options;
  options.idempotent = true;
  Migration migration = PlanMigration(Build("create table t (a integer);"),
                                      Build("create table t (a integer);\nalter table t rename column a to b;"),
                                      options);
  ASSERT_EQ(migration.steps.size(), 1u);
  EXPECT_EQ(migration.steps[0].action, StepAction::kRename);
  EXPECT_EQ(Sql(migration)[0],
            "DO $pgdrift$\nBEGIN\n  IF EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = "
            "pg_catalog.to_regclass('public.t') AND attname = 'a' AND NOT attisdropped) AND NOT EXISTS "
            "(SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('public.t') AND "
            "attname = 'b' AND NOT attisdropped) THEN\n    ALTER TABLE public.t RENAME COLUMN a TO b;\n"
            "  END IF;\nEND\n$pgdrift$;");
}

TEST(Migration, WithoutRenamesDropsAndAdds) {
  MigrationOptions options;
  options.renames = false;
  Migration migration = PlanMigration(Build("create table t (a integer);"),
                                      Build("create table t (a integer);\nalter table t rename column a to b;"),
                                      options);
  EXPECT_THAT(Sql(migration),
              ElementsAre("ALTER TABLE public.t DROP COLUMN a;", "ALTER TABLE public.t ADD COLUMN b integer;"));
}

TEST(Migration, MarksHazards) {
  struct HazardCase {
    std::string name;
    std::string current;
    std::string target;
    std::vector<std::set<Hazard>> hazards;
  };
  const std::vector<HazardCase> cases = {
      {"drop table", "create table t (a integer);", "",
       {{Hazard::kDataLoss, Hazard::kIrreversible, Hazard::kAccessExclusiveLock}}},
      {"drop column", "create table t (a integer, b integer);", "create table t (a integer);",
       {{Hazard::kDataLoss, Hazard::kIrreversible, Hazard::kAccessExclusiveLock}}},
      {"rewriting type change", "create table t (a integer);", "create table t (a bigint);",
       {{Hazard::kTableRewrite, Hazard::kAccessExclusiveLock}}},
      {"varchar widening", "create table t (a varchar(10));", "create table t (a varchar(20));",
       {{Hazard::kAccessExclusiveLock}}},
      {"varchar to text", "create table t (a varchar(10));", "create table t (a text);",
       {{Hazard::kAccessExclusiveLock}}},
      {"varchar narrowing", "create table t (a varchar(20));", "create table t (a varchar(10));",
       {{Hazard::kDataLoss, Hazard::kAccessExclusiveLock}}},
      {"set not null", "create table t (a integer);", "create table t (a integer not null);",
       {{Hazard::kLongRunning, Hazard::kAccessExclusiveLock}}},
      {"validated check", "create table t (a integer);",
       "create table t (a integer);\nalter table t add constraint c check (a > 0);",
       {{Hazard::kLongRunning, Hazard::kAccessExclusiveLock}}},
      {"create index", "create table t (a integer);", "create table t (a integer);\ncreate index i on t (a);",
       {{Hazard::kLongRunning}}},
      {"volatile default", "create table t (a integer);",
       "create table t (a integer, b double precision default random());",
       {{Hazard::kTableRewrite, Hazard::kAccessExclusiveLock}}},
      {"constant default", "create table t (a integer);", "create table t (a integer, b integer default 1);",
       {{}}},
  };
  for (const HazardCase& c : cases) {
    SCOPED_TRACE(c.name);
    Migration migration = PlanMigration(Build(c.current), Build(c.target));
    std::vector<std::set<Hazard>> hazards;
    for (const PlannedStatement& statement : migration.Statements()) hazards.push_back(statement.hazards);
    EXPECT_EQ(hazards, c.hazards) << Script(migration);
  }
}

TEST(Migration, ConcurrentIndexStatementsRunOutsideTransactions) {
  MigrationOptions options;
  options.online = true;
  Migration migration = PlanMigration(Build("create table t (a integer);\ncreate index old on t (a);"),
                                      Build("create table t (a integer);\ncreate index fresh on t (a);"), options);
  ASSERT_THAT(Sql(migration), ElementsAre("DROP INDEX CONCURRENTLY public.old;",
                                          "CREATE INDEX CONCURRENTLY fresh ON public.t USING btree (a);"));
  for (const PlannedStatement& statement : migration.Statements()) EXPECT_FALSE(statement.transactional);
}

TEST(Migration, ReportsAddedColumnPositionAsUnsupported) {
  Migration migration = PlanMigration(Build("create table t (a integer, c integer);"),
                                      Build("create table t (a integer, b integer, c integer);"));
  EXPECT_THAT(Sql(migration), ElementsAre("ALTER TABLE public.t ADD COLUMN b integer;"));
  EXPECT_THAT(migration.unsupported,
              ElementsAre("column public.t.b: position (ADD COLUMN appends it after c)"));
}

TEST(Migration, IsDeterministic) {
  model::Catalog current = Build("create table a (id integer primary key);\ncreate table z (id integer);");
  model::Catalog target = Build(
      "create table b (id integer primary key);\ncreate table c (b_id integer references b);\n"
      "create table y (id integer);");
  EXPECT_EQ(Sql(PlanMigration(current, target)), Sql(PlanMigration(current, target)));
}

TEST(Migration, EmptyWhenCatalogsMatch) {
  model::Catalog catalog = Build("create table t (id serial primary key, n text not null);");
  EXPECT_TRUE(PlanMigration(catalog, catalog).empty());
}

}  // namespace
}  // namespace pgdrift::planner
