// Policies read back from a real PostgreSQL 15 must equal the replay of the SQL that
// created them: command, permissive flag, roles, USING / WITH CHECK in canonical form,
// what they depend on and comments, on application tables and on storage.objects.
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

// Every policy of `catalog` as "table.policy" → its fields in one line each.
std::map<std::string, std::vector<std::string>> PolicyFields(const model::Catalog& catalog) {
  std::map<std::string, std::vector<std::string>> policies;
  for (const auto& [name, table] : catalog.tables) {
    for (const auto& [policy_name, policy] : table.policies) {
      std::vector<std::string> depends_on;
      for (const model::ObjectId& id : policy.depends_on) depends_on.push_back(id.ToString());
      policies[StrCat(name.ToString(), ".", policy_name)] = {
          StrCat("permissive ", policy.permissive ? "true" : "false"),
          StrCat("command ", policy.command),
          StrCat("roles ", StrJoin(policy.roles, ",")),
          StrCat("using ", policy.using_expr),
          StrCat("with_check ", policy.check_expr),
          StrCat("depends_on ", StrJoin(depends_on, "; ")),
          StrCat("comment ", policy.comment),
      };
    }
  }
  return policies;
}

struct RoundTrip {
  std::map<std::string, std::vector<std::string>> replayed;
  std::map<std::string, std::vector<std::string>> introspected;
  std::vector<std::string> errors;
};

// Applies `sql` to a fresh database with the Supabase profile and replays it on the
// profile's seed.
RoundTrip RoundTripOf(const std::string& sql) {
  RoundTrip result;
  PostgresServer& server = PostgresServer::Shared();
  absl::StatusOr<std::string> database = server.CreateDatabase("policies");
  if (!database.ok()) {
    result.errors.push_back(database.status().ToString());
    return result;
  }
  for (std::string_view script : parser::ProfileScripts(parser::Profile::kSupabase)) {
    absl::Status status = server.RunSql(*database, script);
    if (!status.ok()) result.errors.push_back(status.ToString());
  }
  absl::Status applied = server.RunSql(*database, sql);
  if (!applied.ok()) result.errors.push_back(applied.ToString());

  absl::StatusOr<model::Catalog> seed = parser::SeedCatalog(parser::Profile::kSupabase);
  if (!seed.ok()) {
    result.errors.push_back(seed.status().ToString());
    return result;
  }
  DiagnosticSink diagnostics;
  parser::Replayer replayer(*std::move(seed), &diagnostics);
  parser::SourceFile file;
  file.path = "policies.sql";
  file.text = sql;
  replayer.ReplayFile(file);
  for (const Diagnostic& diagnostic : diagnostics.diagnostics()) {
    if (diagnostic.severity == Severity::kError) result.errors.push_back(diagnostic.ToString());
  }
  result.replayed = PolicyFields(replayer.catalog());

  ReadOptions options;
  for (std::string_view schema : {"auth", "storage", "extensions", "supabase_migrations"}) {
    if (parser::IsManagedSchema(parser::Profile::kSupabase, schema)) {
      options.excluded_schemas.emplace(schema);
    }
  }
  absl::StatusOr<std::unique_ptr<Session>> session = ConnectTo(*database);
  if (!session.ok()) {
    result.errors.push_back(session.status().ToString());
    return result;
  }
  absl::StatusOr<model::Catalog> introspected = ReadCatalog(**session, options);
  if (!introspected.ok()) {
    result.errors.push_back(introspected.status().ToString());
    return result;
  }
  result.introspected = PolicyFields(*introspected);
  session->reset();
  return result;
}

void ExpectSamePolicies(const RoundTrip& round_trip) {
  EXPECT_THAT(round_trip.errors, ::testing::IsEmpty()) << StrJoin(round_trip.errors, "\n");
  EXPECT_FALSE(round_trip.replayed.empty());
  for (const auto& [name, fields] : round_trip.replayed) {
    SCOPED_TRACE(name);
    auto it = round_trip.introspected.find(name);
    ASSERT_NE(it, round_trip.introspected.end()) << "only replayed";
    EXPECT_EQ(fields, it->second);
  }
  for (const auto& [name, fields] : round_trip.introspected) {
    EXPECT_TRUE(round_trip.replayed.contains(name)) << name << ": only introspected";
  }
}

TEST(IntegrationPolicies, SimplePoliciesRoundTrip) {
  ExpectSamePolicies(RoundTripOf(R"sql(
create table public.notes (
  id uuid primary key default gen_random_uuid(),
  owner uuid not null,
  title text not null default '',
  status varchar(20) not null default 'draft',
  n integer not null default 0
);
alter table public.notes enable row level security;
alter table public.notes force row level security;
create policy "Owners read" on public.notes for select to authenticated, anon
  using (owner = auth.uid());
create policy notes_insert on public.notes as permissive for insert to authenticated
  with check (auth.uid() = owner and title <> '');
create policy notes_update on public.notes as restrictive for update to current_user
  using (owner = auth.uid()) with check (status in ('draft', 'published'));
create policy notes_delete on notes for delete using ((auth.jwt() ->> 'role') = 'admin');
create policy notes_all on notes using (n between 0 and 10 and status like 'd%');
create policy notes_public on notes to public, anon using (true);
alter policy notes_all on notes to service_role, authenticated;
alter policy notes_update on notes using (auth.role() = 'authenticated');
create policy tmp on notes using (false);
alter policy tmp on notes rename to tmp2;
drop policy tmp2 on notes;
drop policy if exists nosuch on notes;
comment on policy "Owners read" on notes is 'owners only';
alter table public.notes no force row level security;
create policy "Avatar images are public" on storage.objects for select
  using (bucket_id = 'avatars');
create policy "Users upload their avatar" on storage.objects for insert to authenticated
  with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = auth.uid()::text);
)sql"));
}

// Policies in the style of Supabase applications: membership sub-queries and
// `(select auth.uid())`. These need the canonicalizer's sub-query support.
TEST(IntegrationPolicies, SubqueryPoliciesRoundTrip) {
  ExpectSamePolicies(RoundTripOf(R"sql(
create table public.workspaces (id uuid primary key, owner uuid);
create table public.memberships (workspace_id uuid references public.workspaces, user_id uuid,
  role text);
alter table public.workspaces enable row level security;
create policy members_read on public.workspaces for select to authenticated
  using (exists (select 1 from public.memberships m
                 where m.workspace_id = workspaces.id and m.user_id = (select auth.uid())));
create policy owner_write on public.workspaces for update
  using (owner = (select auth.uid())) with check (owner = (select auth.uid()));
create policy admins on public.memberships for all
  using (workspace_id in (select workspace_id from public.memberships
                          where user_id = auth.uid() and role = 'admin'));
)sql"));
}

}  // namespace
}  // namespace pgdrift::introspect
