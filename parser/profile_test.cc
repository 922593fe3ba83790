#include "parser/profile.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parser/migration_dir.h"
#include "parser/replay.h"

namespace pgdrift::parser {
namespace {

namespace fs = std::filesystem;

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;

std::string Fixture(std::string_view name) {
  return StrCat(PGDRIFT_SOURCE_DIR, "/testdata/layouts/", name);
}

// A temp directory with the given sub-directories and files (a path ending in '/' is a
// directory), removed when it goes out of scope.
class TempTree {
 public:
  explicit TempTree(const std::vector<std::string>& paths) {
    std::string pattern = (fs::temp_directory_path() / "pgdrift-profile-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "cannot create a temp directory";
    root_ = pattern;
    for (const std::string& path : paths) {
      fs::path target = root_ / path;
      if (path.ends_with("/")) {
        fs::create_directories(target);
      } else {
        fs::create_directories(target.parent_path());
        std::ofstream(target) << "# fixture\n";
      }
    }
  }
  ~TempTree() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  std::string path(std::string_view sub = "") const {
    return sub.empty() ? root_.string() : (root_ / sub).string();
  }

 private:
  fs::path root_;
};

// The role names of `CREATE ROLE <name>` statements in `sql`.
std::set<std::string> CreatedRoles(std::string_view sql) {
  std::set<std::string> roles;
  size_t at = 0;
  while ((at = sql.find("CREATE ROLE ", at)) != std::string_view::npos) {
    at += 12;
    size_t end = sql.find_first_of(" ;\n", at);
    roles.emplace(sql.substr(at, end - at));
  }
  return roles;
}

TEST(Profile, NamesRoundTrip) {
  for (Profile profile : {Profile::kPostgres, Profile::kSupabase}) {
    SCOPED_TRACE(ProfileName(profile));
    EXPECT_EQ(ProfileFromName(ProfileName(profile)), profile);
  }
  EXPECT_EQ(ProfileName(Profile::kSupabase), "supabase");
  EXPECT_EQ(ProfileName(Profile::kPostgres), "postgres");
  EXPECT_EQ(ProfileFromName("Supabase"), Profile::kSupabase);
  EXPECT_EQ(ProfileFromName("neon"), std::nullopt);
}

TEST(Profile, ScriptsStartWithTheirPurposeAndLayer) {
  EXPECT_TRUE(ProfileSql(Profile::kPostgres).starts_with("-- Platform profile \"postgres\""));
  EXPECT_TRUE(ProfileSql(Profile::kSupabase).starts_with("-- Platform profile \"supabase\""));
  EXPECT_THAT(ProfileScripts(Profile::kPostgres), ElementsAre(ProfileSql(Profile::kPostgres)));
  EXPECT_THAT(ProfileScripts(Profile::kSupabase),
              ElementsAre(ProfileSql(Profile::kPostgres), ProfileSql(Profile::kSupabase)));
  EXPECT_THAT(ProfileSql(Profile::kPostgres), HasSubstr("CREATE SCHEMA IF NOT EXISTS public;"));
  EXPECT_THAT(ProfileSql(Profile::kSupabase), HasSubstr("CREATE TABLE IF NOT EXISTS auth.users ("));
}

TEST(Profile, ManagedSchemasPerProfile) {
  struct Case {
    std::string schema;
    bool postgres;
    bool supabase;
  };
  const std::vector<Case> kCases = {
      {"public", false, false},
      {"app", false, false},
      {"pg_catalog", true, true},
      {"pg_toast", true, true},
      {"pg_temp_3", true, true},
      {"information_schema", true, true},
      {"auth", false, true},
      {"storage", false, true},
      {"extensions", false, true},
      {"realtime", false, true},
      {"graphql", false, true},
      {"graphql_public", false, true},
      {"vault", false, true},
      {"pgsodium", false, true},
      {"supabase_functions", false, true},
      {"supabase_migrations", false, true},
      {"net", false, true},
      {"cron", false, true},
      {"authentication", false, false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.schema);
    EXPECT_EQ(IsManagedSchema(Profile::kPostgres, c.schema), c.postgres);
    EXPECT_EQ(IsManagedSchema(Profile::kSupabase, c.schema), c.supabase);
  }
}

TEST(Profile, DetectsSupabaseProjects) {
  TempTree tree({"bare/supabase/", "flyway/V1__init.sql", "cfg/supabase/config.toml",
                 "only_config/config.toml"});
  struct Case {
    std::string name;
    std::string dir;
    std::optional<Profile> profile;
  };
  const std::vector<Case> kCases = {
      {"project with supabase/config.toml", Fixture("supabase"), Profile::kSupabase},
      {"the supabase folder itself", Fixture("supabase/supabase"), Profile::kSupabase},
      {"its migrations folder", Fixture("supabase/supabase/migrations"), Profile::kSupabase},
      {"an empty supabase folder", tree.path("bare"), Profile::kSupabase},
      {"supabase/config.toml", tree.path("cfg"), Profile::kSupabase},
      {"config.toml outside a supabase folder", tree.path("only_config"), std::nullopt},
      {"flyway project", tree.path("flyway"), std::nullopt},
      {"plain fixture", Fixture("plain"), std::nullopt},
      {"missing directory", tree.path("nope"), std::nullopt},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(DetectProfile(c.dir), c.profile);
  }
}

TEST(Profile, ProfileScriptWarningsAreDroppedAndErrorsFatal) {
  // Statements the replay does not model only warn, which a profile's own script may do.
  PGDRIFT_ASSERT_OK_AND_ASSIGN(model::Catalog catalog,
                               internal::ReplayProfileScripts("test", model::Catalog(),
                                                              {{"a.sql",
                                                                "GRANT CONNECT ON DATABASE x TO y;\n"
                                                                "DO $$ BEGIN NULL; END $$;\n"}}));
  EXPECT_TRUE(catalog.schemas.empty());

  // A syntax error is an error.
  EXPECT_THAT(internal::ReplayProfileScripts("test", model::Catalog(),
                                             {{"b.sql", "CREATE SCHEMA s;\nCREATE TABL oops;\n"}}),
              StatusIs(absl::StatusCode::kInternal, "profile test: <profile>/b.sql:2:"));
}

// The tests below replay the profile scripts, so they need the statement transforms
// (CREATE SCHEMA, CREATE TABLE, CREATE INDEX, ALTER TABLE, COMMENT, CREATE EXTENSION).

TEST(Profile, SeedsPostgresCatalog) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(model::Catalog catalog, SeedCatalog(Profile::kPostgres));
  ASSERT_EQ(catalog.schemas.size(), 1u);
  const model::Schema& pub = catalog.schemas.at("public");
  EXPECT_TRUE(pub.managed);
  EXPECT_EQ(pub.owner, "pg_database_owner");
  EXPECT_EQ(pub.comment, "standard public schema");
  EXPECT_EQ(pub.lineage.created.file, "<profile>/postgres.sql");
  EXPECT_TRUE(catalog.tables.empty());
  EXPECT_TRUE(catalog.extensions.empty());
  EXPECT_THAT(catalog.roles, IsSupersetOf({"postgres", "pg_database_owner", "pg_read_all_data"}));
  EXPECT_EQ(catalog.roles.count("anon"), 0u);
  EXPECT_EQ(catalog.search_path, model::Catalog().search_path);
}

TEST(Profile, SeedsSupabaseCatalogMarkedManaged) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(model::Catalog catalog, SeedCatalog(Profile::kSupabase));

  std::vector<std::string> schemas;
  for (const auto& [name, schema] : catalog.schemas) {
    schemas.push_back(name);
    EXPECT_TRUE(schema.managed) << name;
    // Every schema but public is out of scope for drift.
    EXPECT_EQ(IsManagedSchema(Profile::kSupabase, name), name != "public") << name;
  }
  EXPECT_THAT(schemas, ElementsAre("auth", "cron", "extensions", "graphql", "graphql_public", "net",
                                   "pgsodium", "public", "realtime", "storage",
                                   "supabase_functions", "supabase_migrations", "vault"));

  ASSERT_EQ(catalog.extensions.size(), 2u);
  for (const std::string name : {"uuid-ossp", "pgcrypto"}) {
    SCOPED_TRACE(name);
    ASSERT_EQ(catalog.extensions.count(name), 1u);
    EXPECT_EQ(catalog.extensions.at(name).schema, "extensions");
    EXPECT_TRUE(catalog.extensions.at(name).managed);
  }

  std::vector<std::string> tables;
  for (const auto& [name, table] : catalog.tables) {
    tables.push_back(name.ToString());
    EXPECT_TRUE(table.managed) << name.ToString();
  }
  EXPECT_THAT(tables,
              ElementsAre("auth.identities", "auth.sessions", "auth.users", "storage.buckets",
                          "storage.objects", "supabase_migrations.schema_migrations"));

  const model::Table& users = catalog.tables.at({"auth", "users"});
  ASSERT_NE(users.FindColumn("id"), nullptr);
  EXPECT_EQ(users.FindColumn("id")->type.ToString(), "uuid");
  EXPECT_TRUE(users.FindColumn("id")->not_null);
  EXPECT_EQ(users.columns.size(), 35u);
  ASSERT_EQ(users.constraints.count("users_pkey"), 1u);
  EXPECT_EQ(users.constraints.at("users_pkey").type, model::ConstraintType::kPrimaryKey);
  EXPECT_THAT(users.constraints.at("users_pkey").columns, ElementsAre("id"));
  ASSERT_NE(users.FindColumn("confirmed_at"), nullptr);
  EXPECT_TRUE(users.FindColumn("confirmed_at")->generated_expr.has_value());

  const model::Table& objects = catalog.tables.at({"storage", "objects"});
  ASSERT_EQ(objects.constraints.count("objects_bucketId_fkey"), 1u);
  const model::Constraint& fk = objects.constraints.at("objects_bucketId_fkey");
  EXPECT_EQ(fk.type, model::ConstraintType::kForeignKey);
  EXPECT_EQ(fk.referenced_table, (model::QualifiedName{"storage", "buckets"}));
  EXPECT_THAT(fk.referenced_columns, ElementsAre("id"));
  EXPECT_TRUE(objects.rls_enabled);

  const model::Table& history = catalog.tables.at({"supabase_migrations", "schema_migrations"});
  std::vector<std::string> columns;
  for (const model::Column& column : history.columns) {
    columns.push_back(StrCat(column.name, " ", column.type.ToString()));
  }
  EXPECT_THAT(columns, ElementsAre("version text", "statements text[]", "name text"));

  EXPECT_EQ(catalog.indexes.count({"storage", "bucketid_objname"}), 1u);
  EXPECT_EQ(catalog.search_path, model::Catalog().search_path);
  EXPECT_EQ(catalog.current_user, "postgres");
}

TEST(Profile, SupabaseSeedHasTheRolesTheScriptCreates) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(model::Catalog postgres, SeedCatalog(Profile::kPostgres));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(model::Catalog supabase, SeedCatalog(Profile::kSupabase));
  std::set<std::string> added;
  for (const std::string& role : supabase.roles) {
    if (postgres.roles.count(role) == 0) added.insert(role);
  }
  EXPECT_EQ(added, CreatedRoles(ProfileSql(Profile::kSupabase)));
  EXPECT_THAT(added, IsSupersetOf({"anon", "authenticated", "service_role", "authenticator",
                                   "supabase_admin", "supabase_auth_admin",
                                   "supabase_storage_admin", "dashboard_user"}));
}

TEST(Profile, SeededSupabaseCatalogCarriesAChain) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(model::Catalog seed, SeedCatalog(Profile::kSupabase));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                               LoadMigrationDirectory(Fixture("supabase"), std::nullopt, nullptr));
  DiagnosticSink sink;
  Replayer replayer(std::move(seed), &sink);
  for (const MigrationFile& file : chain.files) replayer.ReplayFile(file.source);
  EXPECT_EQ(sink.error_count(), 0)
      << (sink.diagnostics().empty() ? std::string() : sink.diagnostics()[0].ToString());
  const model::Table* profiles = replayer.catalog().FindTable({"public", "profiles"});
  ASSERT_NE(profiles, nullptr);
  EXPECT_FALSE(profiles->managed);
  EXPECT_NE(profiles->FindColumn("avatar_url"), nullptr);
  ASSERT_EQ(profiles->constraints.count("profiles_id_fkey"), 1u);
  EXPECT_EQ(profiles->constraints.at("profiles_id_fkey").referenced_table,
            (model::QualifiedName{"auth", "users"}));
}

TEST(Profile, SupabaseSeedGrantsPublicToTheApiRoles) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(model::Catalog seed, SeedCatalog(Profile::kSupabase));
  const model::Schema& public_schema = seed.schemas.at("public");
  ASSERT_TRUE(public_schema.privileges.has_value());
  EXPECT_THAT(model::AclTexts(*public_schema.privileges),
              ElementsAre("=U", "anon=U", "authenticated=U", "pg_database_owner=UC", "postgres=U",
                          "service_role=U"));
  for (const std::string role : {"postgres", "supabase_admin"}) {
    for (char object_type : {'r', 'S', 'f'}) {
      SCOPED_TRACE(StrCat(role, " ", std::string(1, object_type)));
      auto entry = seed.default_privileges.find({role, "public", object_type});
      ASSERT_NE(entry, seed.default_privileges.end());
      EXPECT_EQ(entry->second.size(), 4u);
      EXPECT_TRUE(entry->second.contains("anon"));
      EXPECT_TRUE(entry->second.contains("service_role"));
    }
  }

  // A table a migration creates in public carries the grants.
  DiagnosticSink sink;
  Replayer replayer(std::move(seed), &sink);
  SourceFile file;
  file.path = "0001_t.sql";
  file.text = "create table public.t (id bigint generated always as identity primary key);";
  replayer.ReplayFile(file);
  ASSERT_EQ(sink.error_count(), 0);
  const model::Table* table = replayer.catalog().FindTable({"public", "t"});
  ASSERT_NE(table, nullptr);
  ASSERT_TRUE(table->privileges.has_value());
  EXPECT_THAT(model::AclTexts(*table->privileges),
              ElementsAre("anon=arwdDxt", "authenticated=arwdDxt", "postgres=arwdDxt",
                          "service_role=arwdDxt"));
  const model::Sequence& sequence = replayer.catalog().sequences.at({"public", "t_id_seq"});
  ASSERT_TRUE(sequence.privileges.has_value());
  EXPECT_THAT(model::AclTexts(*sequence.privileges),
              ElementsAre("anon=rwU", "authenticated=rwU", "postgres=rwU", "service_role=rwU"));
}

}  // namespace
}  // namespace pgdrift::parser
