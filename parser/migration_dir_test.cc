#include "parser/migration_dir.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::parser {
namespace {

namespace fs = std::filesystem;

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

// testdata/layouts/<name> of the source tree.
std::string Fixture(std::string_view name) {
  return StrCat(PGDRIFT_SOURCE_DIR, "/testdata/layouts/", name);
}

// Paths relative to a tree → file contents.
using Files = std::vector<std::pair<std::string, std::string>>;

// A directory tree under the system temp directory, removed when it goes out of scope.
class TempTree {
 public:
  // Creates the files (path relative to the tree → contents); a path ending in '/' makes
  // an empty directory.
  explicit TempTree(const Files& files) {
    std::string pattern = (fs::temp_directory_path() / "pgdrift-layouts-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "cannot create a temp directory";
    root_ = pattern;
    for (const auto& [path, contents] : files) {
      fs::path target = root_ / path;
      if (path.ends_with("/")) {
        fs::create_directories(target);
        continue;
      }
      fs::create_directories(target.parent_path());
      std::ofstream(target, std::ios::binary) << contents;
    }
  }
  ~TempTree() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  std::string path() const { return root_.string(); }

 private:
  fs::path root_;
};

// The paths of `chain`'s files relative to `dir` (as given to LoadMigrationDirectory).
std::vector<std::string> RelativePaths(const std::vector<std::string>& paths,
                                       const std::string& dir) {
  std::vector<std::string> relative;
  for (const std::string& path : paths) {
    relative.push_back(path.starts_with(dir + "/") ? path.substr(dir.size() + 1) : path);
  }
  return relative;
}

std::vector<std::string> FilePaths(const MigrationChain& chain, const std::string& dir) {
  std::vector<std::string> paths;
  for (const MigrationFile& file : chain.files) paths.push_back(file.path);
  return RelativePaths(paths, dir);
}

std::vector<std::string> Versions(const MigrationChain& chain) {
  std::vector<std::string> versions;
  for (const MigrationFile& file : chain.files) versions.push_back(file.version);
  return versions;
}

std::vector<std::string> Names(const MigrationChain& chain) {
  std::vector<std::string> names;
  for (const MigrationFile& file : chain.files) names.push_back(file.name);
  return names;
}

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(MigrationDir, LayoutNamesRoundTrip) {
  const std::vector<std::pair<Layout, std::string>> kCases = {
      {Layout::kSupabase, "supabase"},
      {Layout::kFlyway, "flyway"},
      {Layout::kGolangMigrate, "golang-migrate"},
      {Layout::kDbmate, "dbmate"},
      {Layout::kPrisma, "prisma"},
      {Layout::kPlain, "plain"},
  };
  for (const auto& [layout, name] : kCases) {
    SCOPED_TRACE(name);
    EXPECT_EQ(LayoutName(layout), name);
    EXPECT_EQ(LayoutFromName(name), layout);
  }
  EXPECT_EQ(LayoutFromName("Supabase"), Layout::kSupabase);
  EXPECT_EQ(LayoutFromName("GOLANG-MIGRATE"), Layout::kGolangMigrate);
  EXPECT_EQ(LayoutFromName("liquibase"), std::nullopt);
  EXPECT_EQ(LayoutFromName(""), std::nullopt);
}

TEST(MigrationDir, DetectsEveryLayout) {
  struct Case {
    std::string fixture;
    Layout layout;
    std::string root;  // relative to the fixture, "" for the fixture itself
    std::vector<std::string> files;
    std::vector<std::string> versions;
    std::vector<std::string> skipped;
  };
  const std::vector<Case> kCases = {
      {"supabase",
       Layout::kSupabase,
       "supabase/migrations",
       {"supabase/migrations/20240101000000_init.sql",
        "supabase/migrations/20240102000000_add_avatar.sql"},
       {"20240101000000", "20240102000000"},
       {"supabase/migrations/README.md", "supabase/migrations/add_index.sql",
        "supabase/migrations/archive"}},
      {"flyway",
       Layout::kFlyway,
       "",
       {"V1__init.sql", "V1_1__add_name.sql", "V1.2__add_email.sql", "V1.10__add_index.sql",
        "nested/V2__nested.sql", "R__a_functions.sql", "R__b_views.sql"},
       {"1", "1.1", "1.2", "1.10", "2", "", ""},
       {"README.md", "U1.2__add_email.sql"}},
      {"golang-migrate",
       Layout::kGolangMigrate,
       "",
       {"1_init.up.sql", "2_users.up.sql", "10_index.up.sql"},
       {"1", "2", "10"},
       {"10_index.down.sql", "1_init.down.sql", "2_users.down.sql", "README.md"}},
      {"dbmate",
       Layout::kDbmate,
       "",
       {"20240101000000_create_users.sql", "20240102000000_add_name.sql"},
       {"20240101000000", "20240102000000"},
       {"20240103000000_no_sections.sql", "schema.txt"}},
      {"prisma",
       Layout::kPrisma,
       "prisma/migrations",
       {"prisma/migrations/20240101000000_init/migration.sql",
        "prisma/migrations/20240102000000_add_posts/migration.sql"},
       {"20240101000000_init", "20240102000000_add_posts"},
       {"prisma/migrations/20240103000000_draft/notes.md", "prisma/migrations/20240103000000_draft",
        "prisma/migrations/migration_lock.toml"}},
      {"plain",
       Layout::kPlain,
       "",
       {"001-schema.sql", "002-data.sql"},
       {"001-schema", "002-data"},
       {"NOTES.txt"}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.fixture);
    std::string dir = Fixture(c.fixture);
    DiagnosticSink sink;
    PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                                 LoadMigrationDirectory(dir, std::nullopt, &sink));
    EXPECT_EQ(chain.layout, c.layout);
    EXPECT_EQ(chain.root, c.root.empty() ? dir : StrCat(dir, "/", c.root));
    EXPECT_THAT(FilePaths(chain, dir), ElementsAreArray(c.files));
    EXPECT_THAT(Versions(chain), ElementsAreArray(c.versions));
    EXPECT_THAT(RelativePaths(chain.skipped, dir), ElementsAreArray(c.skipped));
    // One warning per skipped entry, naming the layout.
    ASSERT_EQ(sink.warning_count(), static_cast<int>(c.skipped.size()));
    for (const Diagnostic& diagnostic : sink.diagnostics()) {
      EXPECT_EQ(diagnostic.severity, Severity::kWarning);
      EXPECT_THAT(diagnostic.message,
                  HasSubstr(StrCat("file skipped by the ", LayoutName(c.layout), " layout: ")));
    }
    for (const MigrationFile& file : chain.files) {
      EXPECT_EQ(file.source.path, file.path);
      if (c.layout != Layout::kDbmate) {
        EXPECT_EQ(file.source.text, ReadWhole(file.path));
      }
    }
  }
}

TEST(MigrationDir, ParsesNamesPerLayout) {
  struct Case {
    std::string fixture;
    std::vector<std::string> names;
    std::vector<bool> repeatable;
  };
  const std::vector<Case> kCases = {
      {"supabase", {"init", "add_avatar"}, {false, false}},
      // Flyway shows `_` in descriptions as spaces.
      {"flyway",
       {"init", "add name", "add email", "add index", "nested", "a functions", "b views"},
       {false, false, false, false, false, true, true}},
      {"golang-migrate", {"init", "users", "index"}, {false, false, false}},
      {"dbmate", {"create_users", "add_name"}, {false, false}},
      {"prisma", {"init", "add_posts"}, {false, false}},
      {"plain", {"001-schema", "002-data"}, {false, false}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.fixture);
    PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                                 LoadMigrationDirectory(Fixture(c.fixture), std::nullopt, nullptr));
    EXPECT_THAT(Names(chain), ElementsAreArray(c.names));
    std::vector<bool> repeatable;
    for (const MigrationFile& file : chain.files) repeatable.push_back(file.repeatable);
    EXPECT_EQ(repeatable, c.repeatable);
  }
}

TEST(MigrationDir, ReportsSkippedFilesWithReasons) {
  std::string dir = Fixture("supabase");
  DiagnosticSink sink;
  ASSERT_THAT(LoadMigrationDirectory(dir, std::nullopt, &sink), IsOk());
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : sink.diagnostics()) lines.push_back(diagnostic.ToString());
  EXPECT_THAT(
      lines,
      ElementsAre(
          StrCat(dir,
                 "/supabase/migrations/README.md: warning: file skipped by the supabase layout: "
                 "file name must match pattern \"<timestamp>_name.sql\""),
          StrCat(dir,
                 "/supabase/migrations/add_index.sql: warning: file skipped by the supabase "
                 "layout: file name must match pattern \"<timestamp>_name.sql\""),
          StrCat(dir,
                 "/supabase/migrations/archive: warning: file skipped by the supabase layout: "
                 "sub-directories are not read")));
}

TEST(MigrationDir, SkipReasonsPerLayout) {
  struct Case {
    std::string fixture;
    std::string skipped;  // relative to the fixture
    std::string message;
  };
  const std::vector<Case> kCases = {
      {"flyway", "U1.2__add_email.sql",
       "file skipped by the flyway layout: undo migrations are not replayed"},
      {"flyway", "README.md",
       "file skipped by the flyway layout: file name must match V<version>__<description>.sql "
       "or R__<description>.sql"},
      {"golang-migrate", "1_init.down.sql",
       "file skipped by the golang-migrate layout: down migrations are not replayed"},
      {"dbmate", "20240103000000_no_sections.sql",
       "file skipped by the dbmate layout: no `-- migrate:up` section (dbmate refuses such a "
       "file)"},
      {"prisma", "prisma/migrations/20240103000000_draft",
       "file skipped by the prisma layout: folder has no migration.sql"},
      {"prisma", "prisma/migrations/migration_lock.toml",
       "file skipped by the prisma layout: prisma's lock file, not a migration"},
      {"plain", "NOTES.txt", "file skipped by the plain layout: not a .sql file"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.skipped);
    std::string dir = Fixture(c.fixture);
    DiagnosticSink sink;
    ASSERT_THAT(LoadMigrationDirectory(dir, std::nullopt, &sink), IsOk());
    std::vector<std::string> messages;
    for (const Diagnostic& diagnostic : sink.diagnostics()) {
      if (diagnostic.span.file == StrCat(dir, "/", c.skipped)) {
        messages.push_back(diagnostic.message);
      }
    }
    EXPECT_THAT(messages, ElementsAre(c.message));
  }
}

TEST(MigrationDir, ForcedLayoutOverridesDetection) {
  std::string dir = Fixture("supabase");
  // Plain reads every .sql file of the folder by name, add_index.sql included.
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      MigrationChain plain,
      LoadMigrationDirectory(StrCat(dir, "/supabase/migrations"), Layout::kPlain, nullptr));
  EXPECT_EQ(plain.layout, Layout::kPlain);
  EXPECT_THAT(FilePaths(plain, dir),
              ElementsAre("supabase/migrations/20240101000000_init.sql",
                          "supabase/migrations/20240102000000_add_avatar.sql",
                          "supabase/migrations/add_index.sql"));

  // A forced supabase layout still finds supabase/migrations under a project folder.
  PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain supabase,
                               LoadMigrationDirectory(dir, Layout::kSupabase, nullptr));
  EXPECT_EQ(supabase.root, StrCat(dir, "/supabase/migrations"));
  EXPECT_EQ(supabase.files.size(), 2u);

  // Forcing a layout whose files are not there leaves nothing to replay.
  DiagnosticSink sink;
  EXPECT_THAT(LoadMigrationDirectory(Fixture("dbmate"), Layout::kGolangMigrate, &sink),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       StrCat("no migration files found in \"", Fixture("dbmate"),
                              "\" (golang-migrate layout)")));
  EXPECT_EQ(sink.warning_count(), 4);

  // dbmate files forced to supabase replay whole, down sections included.
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      MigrationChain dbmate_as_supabase,
      LoadMigrationDirectory(Fixture("dbmate"), Layout::kSupabase, nullptr));
  ASSERT_EQ(dbmate_as_supabase.files.size(), 3u);
  EXPECT_THAT(dbmate_as_supabase.files[0].source.text, HasSubstr("drop table users;"));
}

TEST(MigrationDir, DetectsSupabaseFromFolderAndFileNames) {
  // The migrations folder of a supabase/ folder, given directly.
  std::string migrations = Fixture("supabase/supabase/migrations");
  PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain direct,
                               LoadMigrationDirectory(migrations, std::nullopt, nullptr));
  EXPECT_EQ(direct.layout, Layout::kSupabase);
  EXPECT_EQ(direct.root, migrations);
  EXPECT_THAT(FilePaths(direct, migrations),
              ElementsAre("20240101000000_init.sql", "20240102000000_add_avatar.sql"));

  // Any folder of <digits>_<name>.sql files.
  TempTree tree({{"0001_init.sql", "create table a ();"}, {"0002_more.sql", "create table b ();"}});
  PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                               LoadMigrationDirectory(tree.path(), std::nullopt, nullptr));
  EXPECT_EQ(chain.layout, Layout::kSupabase);
  EXPECT_THAT(Versions(chain), ElementsAre("0001", "0002"));
}

TEST(MigrationDir, DetectsPrismaMigrationsFolderByItsLockFile) {
  std::string dir = Fixture("prisma/prisma/migrations");
  PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                               LoadMigrationDirectory(dir, std::nullopt, nullptr));
  EXPECT_EQ(chain.layout, Layout::kPrisma);
  EXPECT_EQ(chain.root, dir);
  EXPECT_THAT(FilePaths(chain, dir), ElementsAre("20240101000000_init/migration.sql",
                                                 "20240102000000_add_posts/migration.sql"));
}

TEST(MigrationDir, SupabaseOrdersVersionsAsText) {
  // Text order, as the Supabase CLI and ORDER BY version on the history table have it:
  // "10" < "20240420" < "20240420010000" < "9". A version that is a prefix of another
  // comes first, although by file name `20240420010000_b.sql` < `20240420_a.sql`.
  TempTree tree({{"9_nine.sql", "select 9;"},
                 {"10_ten.sql", "select 10;"},
                 {"20240420010000_b.sql", "select 'b';"},
                 {"20240420_a.sql", "select 'a';"}});
  PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                               LoadMigrationDirectory(tree.path(), Layout::kSupabase, nullptr));
  EXPECT_THAT(FilePaths(chain, tree.path()),
              ElementsAre("10_ten.sql", "20240420_a.sql", "20240420010000_b.sql", "9_nine.sql"));
  EXPECT_THAT(Versions(chain), ElementsAre("10", "20240420", "20240420010000", "9"));
}

TEST(MigrationDir, SupabaseSkipsLegacyInitOnlyAsFirstEntry) {
  struct Case {
    std::string name;
    Files files;
    std::vector<std::string> replayed;
    std::vector<std::string> skipped;
  };
  const std::vector<Case> kCases = {
      {"legacy init first",
       {{"20211201000000_init.sql", "select 1;"}, {"20211210000000_next.sql", "select 2;"}},
       {"20211210000000_next.sql"},
       {"20211201000000_init.sql"}},
      {"init after the cut-off date",
       {{"20211209000000_init.sql", "select 1;"}, {"20211210000000_next.sql", "select 2;"}},
       {"20211209000000_init.sql", "20211210000000_next.sql"},
       {}},
      // The CLI checks the first directory entry only; .gitkeep sorts before digits.
      {"init behind .gitkeep",
       {{".gitkeep", ""}, {"20211201000000_init.sql", "select 1;"}},
       {"20211201000000_init.sql"},
       {".gitkeep"}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    TempTree tree(c.files);
    DiagnosticSink sink;
    PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                                 LoadMigrationDirectory(tree.path(), Layout::kSupabase, &sink));
    EXPECT_THAT(FilePaths(chain, tree.path()), ElementsAreArray(c.replayed));
    EXPECT_THAT(RelativePaths(chain.skipped, tree.path()), ElementsAreArray(c.skipped));
    EXPECT_EQ(sink.warning_count(), static_cast<int>(c.skipped.size()));
  }
}

TEST(MigrationDir, WarnsAboutDuplicateVersions) {
  struct Case {
    std::string name;
    Layout layout;
    Files files;
    std::string warned_file;
    std::string message_start;
  };
  const std::vector<Case> kCases = {
      {"supabase",
       Layout::kSupabase,
       {{"1_a.sql", "select 1;"}, {"1_b.sql", "select 2;"}},
       "1_b.sql",
       "migration version \"1\" is also used by "},
      // Flyway: 1.0 is the same version as 1.
      {"flyway",
       Layout::kFlyway,
       {{"V1__a.sql", "select 1;"}, {"V1.0__b.sql", "select 2;"}},
       "V1__a.sql",
       "migration version \"1\" is also used by "},
      {"golang-migrate",
       Layout::kGolangMigrate,
       {{"1_a.up.sql", "select 1;"}, {"001_b.up.sql", "select 2;"}},
       "1_a.up.sql",
       "migration version \"1\" is also used by "},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    TempTree tree(c.files);
    DiagnosticSink sink;
    PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                                 LoadMigrationDirectory(tree.path(), c.layout, &sink));
    EXPECT_EQ(chain.files.size(), 2u);
    ASSERT_EQ(sink.warning_count(), 1);
    EXPECT_EQ(sink.diagnostics()[0].span.file, StrCat(tree.path(), "/", c.warned_file));
    EXPECT_THAT(sink.diagnostics()[0].message, HasSubstr(c.message_start));
  }
}

TEST(MigrationDir, FlywayComparesVersionPartsAsNumbers) {
  TempTree tree({{"V1.10__c.sql", ""},
                 {"V1.2__b.sql", ""},
                 {"V1.9.9__a.sql", ""},
                 {"V10__e.sql", ""},
                 {"V2__d.sql", ""},
                 {"R__z.sql", ""},
                 {"V1_1__x.sql", ""}});
  PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                               LoadMigrationDirectory(tree.path(), std::nullopt, nullptr));
  EXPECT_EQ(chain.layout, Layout::kFlyway);
  EXPECT_THAT(Versions(chain), ElementsAre("1.1", "1.2", "1.9.9", "1.10", "2", "10", ""));
}

TEST(MigrationDir, GolangMigrateOrdersByNumericVersion) {
  TempTree tree({{"10_c.up.sql", ""},
                 {"9_b.up.sql", ""},
                 {"0100_d.up.sql", ""},
                 {"1_a.up.sql", ""},
                 {"1_a.down.sql", ""},
                 {"2_x.up.json", ""}});
  DiagnosticSink sink;
  PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                               LoadMigrationDirectory(tree.path(), std::nullopt, &sink));
  EXPECT_EQ(chain.layout, Layout::kGolangMigrate);
  EXPECT_THAT(FilePaths(chain, tree.path()),
              ElementsAre("1_a.up.sql", "9_b.up.sql", "10_c.up.sql", "0100_d.up.sql"));
  EXPECT_THAT(Versions(chain), ElementsAre("1", "9", "10", "100"));
  EXPECT_THAT(RelativePaths(chain.skipped, tree.path()),
              ElementsAre("1_a.down.sql", "2_x.up.json"));
}

TEST(MigrationDir, DbmateBlanksDownSectionsKeepingLines) {
  std::string dir = Fixture("dbmate");
  PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                               LoadMigrationDirectory(dir, std::nullopt, nullptr));
  ASSERT_EQ(chain.files.size(), 2u);
  struct Case {
    std::string file;
    std::vector<int> blank_lines;  // 1-based lines of the down sections (non-empty ones)
  };
  const std::vector<Case> kCases = {
      {"20240101000000_create_users.sql", {8, 9}},
      {"20240102000000_add_name.sql", {5, 6}},
  };
  for (size_t i = 0; i < kCases.size(); ++i) {
    const Case& c = kCases[i];
    SCOPED_TRACE(c.file);
    const MigrationFile& file = chain.files[i];
    ASSERT_EQ(file.path, StrCat(dir, "/", c.file));
    std::string original = ReadWhole(file.path);
    ASSERT_EQ(file.source.text.size(), original.size());
    std::vector<std::string> replayed_lines = StrSplit(file.source.text, '\n');
    std::vector<std::string> original_lines = StrSplit(original, '\n');
    ASSERT_EQ(replayed_lines.size(), original_lines.size());
    std::vector<int> blanked;
    for (size_t line = 0; line < original_lines.size(); ++line) {
      if (replayed_lines[line] == original_lines[line]) continue;
      EXPECT_EQ(replayed_lines[line], std::string(original_lines[line].size(), ' '));
      blanked.push_back(static_cast<int>(line) + 1);
    }
    EXPECT_EQ(blanked, c.blank_lines);
    EXPECT_THAT(file.source.text, ::testing::Not(HasSubstr("drop")));
  }
  // The up section after a down section keeps its place.
  EXPECT_EQ(chain.files[1].source.text.find("create index users_name_idx"),
            ReadWhole(chain.files[1].path).find("create index users_name_idx"));
}

TEST(MigrationDir, DbmateDirectivesNeedLineStartAndWordEnd) {
  TempTree tree(
      {{"1_a.sql", "-- migrate:up\nselect 1;\n--migrate:down\nselect 2;\n"},
       {"2_b.sql", "-- migrate:up\nselect 3;\n-- migrate:downgrade\nselect 4; -- migrate:down\n"}});
  PGDRIFT_ASSERT_OK_AND_ASSIGN(MigrationChain chain,
                               LoadMigrationDirectory(tree.path(), Layout::kDbmate, nullptr));
  ASSERT_EQ(chain.files.size(), 2u);
  EXPECT_EQ(chain.files[0].source.text, "-- migrate:up\nselect 1;\n              \n         \n");
  // Neither `migrate:downgrade` nor a directive after other text starts a down section.
  EXPECT_EQ(chain.files[1].source.text,
            "-- migrate:up\nselect 3;\n-- migrate:downgrade\nselect 4; -- migrate:down\n");
}

TEST(MigrationDir, ShowsPathsJoinedOntoTheGivenDirectory) {
  // Runs from the fixture, as a user would from their project, and goes back afterwards.
  struct WorkingDirectory {
    fs::path saved = fs::current_path();
    ~WorkingDirectory() { fs::current_path(saved); }
  } restore;
  fs::current_path(Fixture("supabase"));
  struct Case {
    std::string dir;
    std::string root;
    std::string first;
  };
  const std::vector<Case> kCases = {
      {".", "supabase/migrations", "supabase/migrations/20240101000000_init.sql"},
      {"./", "supabase/migrations", "supabase/migrations/20240101000000_init.sql"},
      {"", "supabase/migrations", "supabase/migrations/20240101000000_init.sql"},
      {"supabase/", "supabase/migrations", "supabase/migrations/20240101000000_init.sql"},
      {"supabase/migrations", "supabase/migrations", "supabase/migrations/20240101000000_init.sql"},
      {"./supabase/migrations/", "./supabase/migrations",
       "./supabase/migrations/20240101000000_init.sql"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.dir);
    absl::StatusOr<MigrationChain> chain = LoadMigrationDirectory(c.dir, std::nullopt, nullptr);
    ASSERT_THAT(chain, IsOk());
    EXPECT_EQ(chain->root, c.root);
    ASSERT_FALSE(chain->files.empty());
    EXPECT_EQ(chain->files[0].path, c.first);
    EXPECT_EQ(chain->files[0].source.SpanAt(0, 2).ToString(), StrCat(c.first, ":1:1"));
  }
}

TEST(MigrationDir, RejectsMissingAndEmptyDirectories) {
  TempTree empty(Files{{"sub/", ""}});
  TempTree only_readme(Files{{"README.md", "nothing here"}});
  struct Case {
    std::string name;
    std::string dir;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Case> kCases = {
      {"missing", empty.path() + "/nope", absl::StatusCode::kNotFound,
       StrCat("migration directory \"", empty.path(), "/nope\" does not exist")},
      {"a file", only_readme.path() + "/README.md", absl::StatusCode::kInvalidArgument,
       StrCat("\"", only_readme.path(), "/README.md\" is not a directory")},
      {"empty", empty.path() + "/sub", absl::StatusCode::kInvalidArgument,
       StrCat("no migration files found in \"", empty.path(), "/sub\" (plain layout)")},
      {"nothing to replay", only_readme.path(), absl::StatusCode::kInvalidArgument,
       StrCat("no migration files found in \"", only_readme.path(), "\" (plain layout)")},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    DiagnosticSink sink;
    EXPECT_THAT(LoadMigrationDirectory(c.dir, std::nullopt, &sink), StatusIs(c.code, c.message));
  }
  // What was skipped is still reported when nothing is left.
  DiagnosticSink sink;
  EXPECT_THAT(LoadMigrationDirectory(only_readme.path(), std::nullopt, &sink),
              StatusIs(absl::StatusCode::kInvalidArgument, "no migration files"));
  EXPECT_EQ(sink.warning_count(), 1);
}

}  // namespace
}  // namespace pgdrift::parser
