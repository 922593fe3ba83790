// CompareChainWithRevision on throwaway git repositories: a chain committed,
// then changed in the working tree (edited, removed, renamed, new files before
// and after the newest merged version), for the Supabase and Flyway layouts,
// and the errors for an unknown revision and a directory outside any work tree.
#include "cli/chain_revision.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "base/subprocess.h"
#include "base/testing/status_matchers.h"
#include "cli/exit_code.h"
#include "cli/testing/golden.h"
#include "cli/testing/scratch_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::cli {
namespace {

using ::pgdrift::testing::StatusIs;
using ::testing::HasSubstr;
using testing::ScratchDir;

// A git repository in a scratch directory, committed to with a fixed identity.
class GitRepository {
public:
  explicit GitRepository(std::string_view name) : dir_(name) {
    Git({"init", "-q"});
  }

  std::string path() const { return dir_.path().string(); }
  // `relative` joined onto the repository's directory.
  std::string Path(std::string_view relative) const {
    return (dir_.path() / relative).string();
  }

  void Write(const std::string &relative, std::string_view text) const {
    dir_.Write(relative, text);
  }
  void Remove(const std::string &relative) const {
    std::filesystem::remove(dir_.path() / relative);
  }
  void Rename(const std::string &from, const std::string &to) const {
    std::filesystem::rename(dir_.path() / from, dir_.path() / to);
  }

  // Commits everything in the working tree.
  void Commit(std::string_view message) const {
    Git({"add", "-A"});
    Git({"commit", "-q", "-m", std::string(message)});
  }

  // Runs git in the repository; a failing git fails the test.
  void Git(std::vector<std::string> arguments) const {
    std::vector<std::string> argv = {"git",
                                     "-C",
                                     path(),
                                     "-c",
                                     "user.name=pgdrift",
                                     "-c",
                                     "user.email=pgdrift@example.com",
                                     "-c",
                                     "commit.gpgsign=false",
                                     "-c",
                                     "init.defaultBranch=main"};
    for (std::string &argument : arguments)
      argv.push_back(std::move(argument));
    absl::StatusOr<ProcessResult> result = RunProcess(argv);
    ASSERT_TRUE(result.ok()) << result.status();
    ASSERT_EQ(result->exit_code, 0)
        << StrJoin(argv, " ") << ": " << result->err;
  }

private:
  ScratchDir dir_;
};

// A finding in a form that is easy to compare and print.
struct Seen {
  std::string category;
  std::string identity;
  std::string file;
  int line = 0;
  bool fallback = false;
  std::string message;
  bool operator==(const Seen &) const = default;
};

void PrintTo(const Seen &seen, std::ostream *out) {
  *out << seen.category << " | " << seen.identity << " | " << seen.file << ":"
       << seen.line << (seen.fallback ? " (fallback)" : "") << " | "
       << seen.message;
}

std::vector<Seen> Summarize(const std::vector<Finding> &findings,
                            const std::string &root) {
  auto strip = [&](std::string text) {
    return ReplaceAll(text, StrCat(root, "/"), "");
  };
  std::vector<Seen> seen;
  for (const Finding &finding : findings) {
    EXPECT_EQ(finding.subject, FindingSubject::kChainFile);
    EXPECT_EQ(finding.kind, "file");
    seen.push_back({finding.category, strip(finding.identity),
                    strip(finding.file), finding.line,
                    finding.location_is_fallback, strip(finding.message)});
  }
  return seen;
}

constexpr std::string_view kInit =
    "-- orders\n"
    "create table orders (id bigint primary key);\n"
    "create index orders_id on orders (id);\n";
constexpr std::string_view kStatus =
    "alter table orders add column status text;\n";
constexpr std::string_view kNotes = "create table notes (id bigint);\n";

// A Supabase project at the top of the repository: two merged migrations.
void CommitSupabaseChain(const GitRepository &repo) {
  repo.Write("supabase/config.toml", "project_id = \"demo\"\n");
  repo.Write("supabase/migrations/20240101000000_init.sql", kInit);
  repo.Write("supabase/migrations/20240201000000_status.sql", kStatus);
  repo.Write("README.md", "demo\n");
  repo.Commit("chain");
}

TEST(ChainRevision, FindsChangesSinceTheRevision) {
  const std::string m = "supabase/migrations/";
  struct Case {
    std::string name;
    std::function<void(const GitRepository &)> change;
    std::vector<Seen> expected;
  };
  const std::vector<Case> cases = {
      {"clean", [](const GitRepository &) {}, {}},
      {"edited statements",
       [&](const GitRepository &repo) {
         repo.Write(m + "20240101000000_init.sql",
                    "-- orders\n"
                    "create table orders (id bigint primary key);\n"
                    "create index orders_id on orders (id desc);\n");
       },
       {{"chain_edited", "file " + m + "20240101000000_init.sql",
         m + "20240101000000_init.sql", 3, false,
         "merged migration edited since HEAD: its statements changed "
         "(statement 2 of 2 "
         "differs)"}}},
      {"statement added",
       [&](const GitRepository &repo) {
         repo.Write(
             m + "20240201000000_status.sql",
             StrCat(kStatus, "alter table orders add column note text;\n"));
       },
       {{"chain_edited", "file " + m + "20240201000000_status.sql",
         m + "20240201000000_status.sql", 2, false,
         "merged migration edited since HEAD: its statements changed (1 "
         "statement at HEAD, 2 "
         "now)"}}},
      {"comment and whitespace edit",
       [&](const GitRepository &repo) {
         repo.Write(m + "20240101000000_init.sql",
                    "-- orders, the main table\n"
                    "create table orders (id   bigint primary key);\n"
                    "create index orders_id on orders (id);\n");
       },
       {{"chain_edited", "file " + m + "20240101000000_init.sql",
         m + "20240101000000_init.sql", 1, false,
         "merged migration edited since HEAD: only comments or whitespace "
         "changed, the "
         "statements are the same"}}},
      {"removed file",
       [&](const GitRepository &repo) {
         repo.Remove(m + "20240101000000_init.sql");
       },
       {{"chain_removed", "file " + m + "20240101000000_init.sql",
         m + "20240201000000_status.sql", 1, true,
         "merged migration " + m +
             "20240101000000_init.sql removed since HEAD"}}},
      {"new file before the newest merged one",
       [&](const GitRepository &repo) {
         repo.Write(m + "20240115000000_notes.sql", kNotes);
       },
       {{"chain_out_of_order", "file " + m + "20240115000000_notes.sql",
         m + "20240115000000_notes.sql", 1, false,
         "new migration version 20240115000000 sorts before 20240201000000, "
         "the newest version "
         "merged at HEAD"}}},
      {"new file after the newest merged one",
       [&](const GitRepository &repo) {
         repo.Write(m + "20240301000000_notes.sql", kNotes);
       },
       {}},
      {"renamed to an earlier version",
       [&](const GitRepository &repo) {
         repo.Rename(m + "20240201000000_status.sql",
                     m + "20240102000000_status.sql");
       },
       {{"chain_out_of_order", "file " + m + "20240102000000_status.sql",
         m + "20240102000000_status.sql", 1, false,
         "new migration version 20240102000000 sorts before 20240201000000, "
         "the newest version "
         "merged at HEAD (renamed from " +
             m +
             "20240201000000_status.sql with the same "
             "content)"},
        {"chain_removed", "file " + m + "20240201000000_status.sql",
         m + "20240102000000_status.sql", 1, true,
         "merged migration " + m +
             "20240201000000_status.sql removed since HEAD (renamed to " + m +
             "20240102000000_status.sql with the same content)"}}},
      {"renamed keeping its version",
       [&](const GitRepository &repo) {
         repo.Rename(m + "20240201000000_status.sql",
                     m + "20240201000000_order_status.sql");
       },
       {}},
      {"a skipped file is not part of the chain",
       [&](const GitRepository &repo) {
         repo.Write(m + "notes.txt", "not a migration\n");
       },
       {}},
  };
  for (const Case &test : cases) {
    SCOPED_TRACE(test.name);
    GitRepository repo("chain-revision");
    CommitSupabaseChain(repo);
    test.change(repo);
    PGDRIFT_ASSERT_OK_AND_ASSIGN(
        std::vector<Finding> findings,
        CompareChainWithRevision(repo.path(), "HEAD", {}));
    EXPECT_EQ(Summarize(findings, repo.path()), test.expected);
  }
}

TEST(ChainRevision, ComparesWithAnOlderCommitAndAProjectInASubdirectory) {
  GitRepository repo("chain-revision-sub");
  repo.Write("app/supabase/migrations/20240101000000_init.sql", kInit);
  repo.Commit("init");
  repo.Git({"tag", "v1"});
  repo.Write("app/supabase/migrations/20240201000000_status.sql", kStatus);
  repo.Commit("status");
  // At HEAD~1 only the first migration was merged: the second is new and after
  // it.
  repo.Write("app/supabase/migrations/20231201000000_early.sql", kNotes);
  repo.Remove("app/supabase/migrations/20240201000000_status.sql");
  for (const std::string &directory :
       {repo.Path("app"), repo.Path("app/supabase"),
        repo.Path("app/supabase/migrations")}) {
    SCOPED_TRACE(directory);
    PGDRIFT_ASSERT_OK_AND_ASSIGN(std::vector<Finding> at_tag,
                                 CompareChainWithRevision(directory, "v1", {}));
    EXPECT_EQ(Summarize(at_tag, repo.path()),
              (std::vector<Seen>{
                  {"chain_out_of_order",
                   "file app/supabase/migrations/20231201000000_early.sql",
                   "app/supabase/migrations/20231201000000_early.sql", 1, false,
                   "new migration version 20231201000000 sorts before "
                   "20240101000000, the "
                   "newest version merged at v1"}}));
    PGDRIFT_ASSERT_OK_AND_ASSIGN(
        std::vector<Finding> at_head,
        CompareChainWithRevision(directory, "HEAD", {}));
    std::vector<Seen> seen = Summarize(at_head, repo.path());
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[0].category, "chain_out_of_order");
    EXPECT_EQ(seen[1].category, "chain_removed");
    EXPECT_EQ(seen[1].identity,
              "file app/supabase/migrations/20240201000000_status.sql");
    EXPECT_EQ(seen[1].file, "app/supabase/migrations/20240101000000_init.sql");
    EXPECT_EQ(seen[1].message,
              "merged migration "
              "app/supabase/migrations/20240201000000_status.sql removed since "
              "HEAD");
  }
}

TEST(ChainRevision, DirectoryWithoutMigrationsAtTheRevisionMergedNothing) {
  GitRepository repo("chain-revision-empty");
  repo.Write("README.md", "demo\n");
  repo.Commit("start");
  repo.Write("supabase/migrations/20240101000000_init.sql", kInit);
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      std::vector<Finding> findings,
      CompareChainWithRevision(repo.path(), "HEAD", {}));
  EXPECT_TRUE(findings.empty());
}

TEST(ChainRevision, FlywayOrdersVersionsAsNumbersAndLetsRepeatableFilesChange) {
  GitRepository repo("chain-revision-flyway");
  repo.Write("db/V1__init.sql", kInit);
  repo.Write("db/V2__status.sql", kStatus);
  repo.Write("db/V10__notes.sql", kNotes);
  repo.Write("db/R__views.sql", "create view v as select 1;\n");
  repo.Commit("chain");
  repo.Write("db/R__views.sql", "create view v as select 2;\n");
  repo.Write("db/V9__late.sql", "create table late (id int);\n");
  repo.Write("db/V11__next.sql", "create table next (id int);\n");
  repo.Write("db/V2__status.sql",
             "alter table orders add column status varchar;\n");
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      std::vector<Finding> findings,
      CompareChainWithRevision(repo.Path("db"), "HEAD", {}));
  EXPECT_EQ(Summarize(findings, repo.path()),
            (std::vector<Seen>{{"chain_edited", "file db/V2__status.sql",
                                "db/V2__status.sql", 1, false,
                                "merged migration edited since HEAD: its "
                                "statements changed (statement 1 of 1 "
                                "differs)"},
                               {"chain_out_of_order", "file db/V9__late.sql",
                                "db/V9__late.sql", 1, false,
                                "new migration version 9 sorts before 10, the "
                                "newest version merged at HEAD"}}));

  repo.Remove("db/R__views.sql");
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      findings, CompareChainWithRevision(repo.Path("db"), "HEAD", {}));
  std::vector<Seen> seen = Summarize(findings, repo.path());
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[2].category, "chain_removed");
  EXPECT_EQ(seen[2].identity, "file db/R__views.sql");
  EXPECT_EQ(seen[2].file, "db/V11__next.sql");
}

TEST(ChainRevision, UnknownRevisionIsAnErrorWithGitsMessage) {
  GitRepository repo("chain-revision-unknown");
  CommitSupabaseChain(repo);
  EXPECT_THAT(CompareChainWithRevision(repo.path(), "no-such-branch", {}),
              StatusIs(absl::StatusCode::kNotFound,
                       "unknown git revision \"no-such-branch\": "));
  EXPECT_THAT(
      CompareChainWithRevision(repo.path(), "--all", {}),
      StatusIs(absl::StatusCode::kNotFound, "unknown git revision \"--all\""));
}

TEST(ChainRevision, DirectoryOutsideAWorkTreeIsAnError) {
  ScratchDir dir("chain-revision-outside");
  dir.Write("migrations/20240101000000_init.sql", kInit);
  absl::StatusOr<std::vector<Finding>> result = CompareChainWithRevision(
      (dir.path() / "migrations").string(), "HEAD", {});
  EXPECT_THAT(result, StatusIs(absl::StatusCode::kFailedPrecondition,
                               "is not in a git work tree"));
  EXPECT_THAT(std::string(result.status().message()),
              HasSubstr("not a git repository"));
}

TEST(ChainRevision, CheckAgainstARevisionFailsOnAnEditedMigration) {
  GitRepository repo("chain-revision-cli");
  CommitSupabaseChain(repo);
  repo.Write("supabase/migrations/20240101000000_init.sql",
             "-- orders\n"
             "create table orders (id bigint primary key, note text);\n"
             "create index orders_id on orders (id);\n");
  repo.Commit("edit a merged migration");

  testing::CliResult edited = testing::RunCli(
      {"check", "--local", repo.path(), "--against", "git:HEAD~1"});
  EXPECT_EQ(edited.exit_code, kExitDrift) << edited.err;
  EXPECT_THAT(edited.out,
              HasSubstr("supabase/migrations/20240101000000_init.sql"));
  EXPECT_THAT(
      edited.out,
      HasSubstr(
          "merged migration edited since HEAD~1: its statements changed"));

  testing::CliResult clean = testing::RunCli(
      {"check", "--local", repo.path(), "--against", "git:HEAD"});
  EXPECT_EQ(clean.exit_code, kExitOk) << clean.out << clean.err;

  testing::CliResult unknown = testing::RunCli(
      {"check", "--local", repo.path(), "--against", "git:no-such-branch"});
  EXPECT_EQ(unknown.exit_code, kExitError);
  EXPECT_THAT(unknown.err,
              HasSubstr("unknown git revision \"no-such-branch\""));
}

} // namespace
} // namespace pgdrift::cli
