// The fidelity oracle (ARCHITECTURE.md, "Tests that hold the design to reality"): three
// sources of one schema — a migration chain replayed in memory, the database the chain
// built, and that database's pg_dump — must yield the same model, and so must every
// peer-corpus schema loaded into PostgreSQL and replayed in memory. "The same" is what
// the product calls no drift: diff::Compare finds nothing, owners included.
//
// Every source is loaded with cli::LoadSource, exactly as the CLI loads it.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/identifier.h"
#include "base/strings.h"
#include "cli/source.h"
#include "cli/testing/scratch_dir.h"
#include "cli/testing/case_list.h"
#include "cli/testing/peer_corpus.h"
#include "cli/testing/test_databases.h"
#include "cli/testing/test_summary.h"
#include "diff/compare.h"
#include "gtest/gtest.h"
#include "parser/profile.h"
#include "parser/replay.h"
#include "parser/source_file.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

using testing::ScratchDir;

namespace fs = std::filesystem;

using ::pgdrift::testing::PostgresServer;
using testing::DescribeChanges;
using testing::PeerCase;
using testing::WriteTestSummary;

// Owners count: a replay that gets an owner wrong is as wrong as one that gets a type wrong.
constexpr diff::CompareOptions kFidelityOptions = {.compare_owners = true};

// The errors among `source`'s diagnostics, one line each.
std::vector<std::string> Errors(const LoadedSource& source) {
  std::vector<std::string> errors;
  for (const Diagnostic& diagnostic : source.diagnostics.diagnostics()) {
    if (diagnostic.severity == Severity::kError) errors.push_back(diagnostic.ToString());
  }
  return errors;
}

// Loads `argument` with the CLI's LoadSource; a replay or read error fails the load.
absl::StatusOr<LoadedSource> Load(const std::string& argument, const SourceOptions& options) {
  absl::StatusOr<LoadedSource> source = LoadSource(argument, options);
  if (!source.ok()) return source.status();
  std::vector<std::string> errors = Errors(*source);
  if (!errors.empty()) {
    return absl::InvalidArgumentError(
        StrCat("loading ", argument, ":\n  ", StrJoin(errors, "\n  ")));
  }
  return source;
}

// The problems of comparing `replayed` with `live`: the replay's errors (the server
// accepted the same SQL), then every difference.
std::vector<std::string> Problems(const LoadedSource& replayed, const LoadedSource& live,
                                  std::string_view replay_name) {
  std::vector<std::string> problems = Errors(replayed);
  diff::ChangeSet changes = diff::Compare(replayed.catalog, live.catalog, kFidelityOptions);
  for (std::string& line : DescribeChanges(changes, replay_name, "database")) {
    problems.push_back(std::move(line));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// Migration chains and their dumps.

// A difference pgdrift does not resolve yet in one chain: the lines of Problems() that
// start with `prefix`. Each listed gap must still occur — the test fails once it is
// fixed, so the entry goes — and docs/fidelity.md lists them with the reason.
struct KnownGap {
  std::string_view chain;
  std::string_view prefix;
};

constexpr KnownGap kKnownGaps[] = {
    // The columns of a managed table (auth.users) are not read from the database, so the
    // cast PostgreSQL adds to a varchar column in a trigger's WHEN cannot be dropped.
    {"chains/storage_profiles_app", "trigger auth.users.on_auth_user_email_changed: when:"},
};

// Removes the known gaps of `chain` from `problems`; returns how many lines it removed.
int RemoveKnownGaps(std::string_view chain, std::vector<std::string>* problems) {
  int removed = 0;
  for (const KnownGap& gap : kKnownGaps) {
    if (gap.chain != chain) continue;
    removed += static_cast<int>(std::erase_if(
        *problems, [&](const std::string& line) { return line.starts_with(gap.prefix); }));
  }
  return removed;
}

std::vector<std::string> WithoutKnownGaps(std::string_view chain,
                                          std::vector<std::string> problems) {
  RemoveKnownGaps(chain, &problems);
  return problems;
}

bool HasKnownGap(std::string_view chain) {
  return std::any_of(std::begin(kKnownGaps), std::end(kKnownGaps),
                     [&](const KnownGap& gap) { return gap.chain == chain; });
}

// Every chain of testdata/chains/, the demo chain, and the drift-injection base chain.
std::vector<fs::path> ChainDirectories() {
  fs::path testdata = fs::path(PGDRIFT_SOURCE_DIR) / "testdata";
  std::vector<fs::path> chains;
  for (const fs::directory_entry& entry : fs::directory_iterator(testdata / "chains")) {
    if (entry.is_directory()) chains.push_back(entry.path());
  }
  std::sort(chains.begin(), chains.end());
  chains.push_back(testdata / "demo");
  chains.push_back(testdata / "fidelity" / "drift_base");
  return chains;
}

// Restores `dump_file` into a fresh database and returns the problems of comparing
// `dump_replayed` with it (read with `profile`, like the original).
std::vector<std::string> RestoredProblems(const fs::path& dump_file,
                                          const LoadedSource& dump_replayed,
                                          parser::Profile profile) {
  PostgresServer& server = PostgresServer::Shared();
  absl::StatusOr<std::string> created = server.CreateDatabase("restored");
  if (!created.ok()) return {created.status().ToString()};
  testing::ScopedDatabase restored(*created);
  std::vector<std::string> problems;
  absl::Status loaded = server.RunSqlFile(restored.name(), dump_file.string());
  if (!loaded.ok()) {
    problems.push_back(StrCat("PostgreSQL does not restore the dump: ", loaded.message()));
  } else if (absl::StatusOr<LoadedSource> live =
                 Load(server.ConnectionString(restored.name()), {.profile = profile});
             !live.ok()) {
    problems.push_back(std::string(live.status().message()));
  } else {
    problems = Problems(dump_replayed, *live, "dump replay");
  }
  return problems;
}

TEST(IntegrationFidelity, ChainsAndTheirDumpsAgreeWithTheirDatabase) {
  PostgresServer& server = PostgresServer::Shared();
  ScratchDir scratch("fidelity-chains");
  std::vector<fs::path> chains = ChainDirectories();
  ASSERT_GE(chains.size(), 12u) << "testdata/chains should hold the production-like chains";
  int chains_agree = 0;
  int dumps_agree = 0;
  int dumps_lossy = 0;  // agree with the database restored from them, not with the original
  int known_gaps = 0;   // differences listed in kKnownGaps
  for (const fs::path& dir : chains) {
    std::string name = fs::relative(dir, fs::path(PGDRIFT_SOURCE_DIR) / "testdata").string();
    SCOPED_TRACE(name);
    // The chain, replayed as `pgdrift check --local` replays it (profile detected).
    absl::StatusOr<LoadedSource> replayed = LoadSource(dir.string(), {});
    if (!replayed.ok()) {
      ADD_FAILURE() << name << ": " << replayed.status().message();
      continue;
    }
    absl::StatusOr<std::string> built =
        testing::BuildChainDatabase(dir.string(), replayed->profile, "fidelity");
    if (!built.ok()) {
      ADD_FAILURE() << name << ": " << built.status().message();
      continue;
    }
    testing::ScopedDatabase database(*built);
    // The database, read as `--remote` reads it: with the chain's profile, so the
    // platform's schemas are out of scope on both sides.
    absl::StatusOr<LoadedSource> live =
        Load(server.ConnectionString(database.name()), {.profile = replayed->profile});
    if (!live.ok()) {
      ADD_FAILURE() << name << ": " << live.status().message();
      continue;
    }
    std::vector<std::string> problems = Problems(*replayed, *live, "replay");
    const int known = RemoveKnownGaps(name, &problems);
    if (HasKnownGap(name) && known == 0) {
      ADD_FAILURE() << name << ": a known gap listed in kKnownGaps no longer occurs; remove it "
                    << "there and in docs/fidelity.md";
    }
    known_gaps += known;
    if (problems.empty()) {
      ++chains_agree;
    } else {
      ADD_FAILURE() << name << ": the replayed chain and its database differ:\n  "
                    << StrJoin(problems, "\n  ");
    }

    // The dump is a complete script from an empty database: it creates the platform's
    // schemas and tables too (CREATE SCHEMA auth, without IF NOT EXISTS), so it replays
    // on the postgres profile. Scope still comes from the database side, read with the
    // chain's profile: Compare leaves out a schema either side marks as managed.
    absl::StatusOr<std::string> dump = server.DumpSchema(database.name());
    if (!dump.ok()) {
      ADD_FAILURE() << name << ": pg_dump: " << dump.status().message();
      continue;
    }
    fs::path dump_file = scratch.Write(StrCat(dir.filename().string(), "_dump.sql"), *dump);
    absl::StatusOr<LoadedSource> dump_replayed =
        LoadSource(dump_file.string(), {.profile = parser::Profile::kPostgres});
    if (!dump_replayed.ok()) {
      ADD_FAILURE() << name << ": " << dump_replayed.status().message();
    } else if (std::vector<std::string> dump_problems =
                   WithoutKnownGaps(name, Problems(*dump_replayed, *live, "dump replay"));
               dump_problems.empty()) {
      ++dumps_agree;
    } else {
      // pg_dump does not round-trip everything (a child table's inherited columns come
      // first when CREATE TABLE … INHERITS is restored, whatever order ALTER TABLE gave
      // them). Such a difference is PostgreSQL's own: the dump replay must then agree
      // with the database PostgreSQL restores from the same dump.
      std::vector<std::string> restored_problems =
          RestoredProblems(dump_file, *dump_replayed, replayed->profile);
      if (restored_problems.empty()) {
        ++dumps_agree;
        ++dumps_lossy;
        std::cout << name << ": pg_dump does not round-trip this database; the dump replay "
                  << "agrees with the database restored from the dump. pg_dump loses:\n  "
                  << StrJoin(dump_problems, "\n  ") << std::endl;
      } else {
        ADD_FAILURE() << name << ": the replayed dump and the database differ:\n  "
                      << StrJoin(dump_problems, "\n  ")
                      << "\nand the replayed dump and the database restored from it differ:\n  "
                      << StrJoin(restored_problems, "\n  ");
      }
    }
  }
  WriteTestSummary(StrCat("fidelity: ", chains.size(), " chains, ", chains_agree,
                          " agree; dumps: ", dumps_agree, " agree (", dumps_lossy,
                          " only with the database restored from the dump, as pg_dump does not "
                          "round-trip them); ", known_gaps,
                          " known differences listed in docs/fidelity.md"));
}

// ---------------------------------------------------------------------------------------
// The peer corpus.

// The manifest, the selection and the roles are cli/testing/peer_corpus.h's; the
// exclusions are a case list (cli/testing/case_list.h).

// How many objects of `catalog` are in scope (tables, their columns and constraints,
// indexes, sequences, types, domains, outside managed schemas): what a comparison of it
// covers, so the summary shows the agreement is not vacuous.
int InScopeObjects(const model::Catalog& catalog) {
  int count = 0;
  auto in_scope = [&](const model::QualifiedName& name) {
    return !catalog.IsManagedSchema(name.schema);
  };
  for (const auto& [name, table] : catalog.tables) {
    if (in_scope(name)) count += 1 + table.columns.size() + table.constraints.size();
  }
  for (const auto& [name, index] : catalog.indexes) count += in_scope(name) ? 1 : 0;
  for (const auto& [name, sequence] : catalog.sequences) count += in_scope(name) ? 1 : 0;
  for (const auto& [name, type] : catalog.types) count += in_scope(name) ? 1 : 0;
  for (const auto& [name, domain] : catalog.domains) count += in_scope(name) ? 1 : 0;
  return count;
}

// Runs the peer cases on one server, one database per case, and records the results.
class PeerCorpusRunner {
 public:
  PeerCorpusRunner(const fs::path& corpus, const ScratchDir& scratch)
      : server_(PostgresServer::Shared()), corpus_(corpus), scratch_(scratch) {}

  // Drops the last case's database (before roles_ drops the roles its objects use).
  ~PeerCorpusRunner() { DropPrevious(); }

  // Creates the roles the cases expect to exist (cluster-wide, only those missing); they
  // and any the cases' SQL creates are dropped when the runner goes.
  absl::Status CreateRoles(const std::set<std::string>& roles) { return roles_.Create(roles); }

  // How many in-scope objects the databases of the cases run so far held.
  int objects() const { return objects_; }

  // Loads the case's to.sql into a fresh database and into memory; returns every problem
  // (empty when the two agree).
  std::vector<std::string> Run(const PeerCase& peer) {
    fs::path to_sql = corpus_ / peer.source / peer.name / "to.sql";
    std::string database = testing::UniqueDatabaseName("peer");
    // One psql run per case: drop the previous case's database, create this one, then
    // bootstrap it with the postgres profile and load to.sql.
    std::string script;
    if (!previous_.empty()) {
      StrAppend(&script, "drop database if exists ", previous_, " with (force);\n");
      previous_.clear();
    }
    StrAppend(&script, "create database ", database, " template template0;\n\\c ", database, "\n");
    for (std::string_view profile_script : parser::ProfileScripts(parser::Profile::kPostgres)) {
      StrAppend(&script, profile_script, "\n");
    }
    if (peer.runs_as_psqldef_user()) StrAppend(&script, testing::kPsqldefUserSetup);
    StrAppend(&script, "\\i ", QuoteLiteral(to_sql.string()), "\n");
    fs::path script_file = scratch_.Write("peer_case.sql", script);
    absl::Status loaded = server_.RunSqlFile("postgres", script_file.string());
    previous_ = database;
    if (!loaded.ok()) return {StrCat("PostgreSQL rejected the case: ", loaded.message())};

    absl::StatusOr<LoadedSource> live =
        Load(server_.ConnectionString(database), {.profile = parser::Profile::kPostgres});
    if (!live.ok()) return {StrCat("reading the database: ", live.status().message())};
    objects_ += InScopeObjects(live->catalog);

    DiagnosticSink diagnostics;
    absl::StatusOr<model::Catalog> replayed = Replay(peer, to_sql, &diagnostics);
    if (!replayed.ok()) return {StrCat("replaying to.sql: ", replayed.status().message())};
    std::vector<std::string> problems;
    for (const Diagnostic& diagnostic : diagnostics.diagnostics()) {
      if (diagnostic.severity == Severity::kError) problems.push_back(diagnostic.ToString());
    }
    diff::ChangeSet changes = diff::Compare(*replayed, live->catalog, kFidelityOptions);
    for (std::string& line : DescribeChanges(changes, "replay", "database", 8)) {
      problems.push_back(std::move(line));
    }
    if (!problems.empty()) {
      // What the replay skipped often explains a difference.
      for (const Diagnostic& diagnostic : diagnostics.diagnostics()) {
        if (diagnostic.severity == Severity::kWarning) {
          problems.push_back(StrCat("(replay) ", diagnostic.ToString()));
        }
      }
    }
    return problems;
  }

 private:
  // to.sql replayed in memory on the postgres profile, as LoadSource replays a script,
  // after the same setup the database got.
  absl::StatusOr<model::Catalog> Replay(const PeerCase& peer, const fs::path& to_sql,
                                        DiagnosticSink* diagnostics) {
    absl::StatusOr<parser::SourceFile> file = parser::ReadSourceFile(to_sql.string());
    if (!file.ok()) return file.status();
    absl::StatusOr<model::Catalog> seed = parser::SeedCatalog(parser::Profile::kPostgres);
    if (!seed.ok()) return seed.status();
    // The case's roles exist on the server before to.sql runs (CreateRoles), as roles
    // exist before a migration that grants to them.
    seed->roles.insert(peer.roles.begin(), peer.roles.end());
    if (!peer.runs_as_psqldef_user()) {
      parser::Replayer replayer(*std::move(seed), diagnostics);
      replayer.ReplayFile(*std::move(file));
      return replayer.TakeCatalog();
    }
    parser::Replayer setup(*std::move(seed), diagnostics);
    setup.ReplayFile({.path = "psqldef_user_setup.sql",
                      .text = "create schema foo authorization psqldef_user;\n"});
    model::Catalog catalog = setup.TakeCatalog();
    // SET ROLE is not modelled (it changes no schema); the session state is set directly.
    catalog.current_user = "psqldef_user";
    catalog.search_path = {"foo", "public"};
    parser::Replayer replayer(std::move(catalog), diagnostics);
    replayer.ReplayFile(*std::move(file));
    return replayer.TakeCatalog();
  }

  void DropPrevious() {
    if (previous_.empty()) return;
    EXPECT_TRUE(server_.DropDatabase(previous_).ok());
    previous_.clear();
  }

  PostgresServer& server_;
  fs::path corpus_;
  const ScratchDir& scratch_;
  std::string previous_;  // the last case's database, dropped by the next run
  int objects_ = 0;
  testing::ScopedClusterRoles roles_;
};

TEST(IntegrationFidelity, PeerCorpusSchemasAgreeWithTheirDatabase) {
  fs::path corpus = testing::PeerCorpusDir();
  ASSERT_TRUE(fs::is_regular_file(corpus / "cases.tsv"))
      << "the peer corpus is missing: expected " << corpus.string()
      << "/cases.tsv (the fidelity suite never skips it)";
  absl::StatusOr<std::vector<PeerCase>> cases = testing::ReadPeerCases(corpus);
  ASSERT_TRUE(cases.ok()) << cases.status();
  absl::StatusOr<std::map<std::string, std::string>> exclusions = testing::ReadCaseList(
      fs::path(PGDRIFT_SOURCE_DIR) / "testdata" / "fidelity" / "peer_exclusions.tsv");
  ASSERT_TRUE(exclusions.ok()) << exclusions.status();

  absl::StatusOr<std::set<std::string>> available_extensions = testing::AvailableExtensions();
  ASSERT_TRUE(available_extensions.ok()) << available_extensions.status();

  std::vector<const PeerCase*> selected;
  std::map<std::string, int> outside;  // reason → count
  std::set<std::string> roles;
  for (const PeerCase& peer : *cases) {
    std::string reason = testing::OutsideSelection(peer, *available_extensions);
    if (!reason.empty()) {
      ++outside[reason];
      continue;
    }
    selected.push_back(&peer);
    roles.insert(peer.roles.begin(), peer.roles.end());
  }
  std::set<std::string> selected_ids;
  for (const PeerCase* peer : selected) selected_ids.insert(peer->id());
  for (const auto& [id, reason] : *exclusions) {
    EXPECT_TRUE(selected_ids.contains(id))
        << "peer_exclusions.tsv lists " << id
        << ", which is not a selected peer-corpus case (renamed, or outside the selection now)";
  }

  ScratchDir scratch("fidelity-peer");
  PeerCorpusRunner runner(corpus, scratch);
  ASSERT_TRUE(runner.CreateRoles(roles).ok());
  int agree = 0;
  int excluded = 0;
  int fail = 0;
  for (const PeerCase* peer : selected) {
    std::vector<std::string> problems = runner.Run(*peer);
    auto exclusion = exclusions->find(peer->id());
    if (exclusion != exclusions->end()) {
      ++excluded;
      EXPECT_FALSE(problems.empty())
          << peer->id() << " now agrees with its database: remove it from peer_exclusions.tsv ("
          << exclusion->second << ")";
      continue;
    }
    if (problems.empty()) {
      ++agree;
    } else {
      ++fail;
      ADD_FAILURE() << peer->id() << ":\n  " << StrJoin(problems, "\n  ");
    }
  }
  std::vector<std::string> outside_counts;
  for (const auto& [reason, count] : outside) outside_counts.push_back(StrCat(count, " ", reason));
  WriteTestSummary(StrCat("fidelity peer corpus: ", selected.size(), " cases (", runner.objects(),
                          " objects), ", agree, " agree, ", fail, " differ, ", excluded,
                          " excluded (", cases->size() - selected.size(), " of ", cases->size(),
                          " outside the selection: ", StrJoin(outside_counts, ", "), ")"));
}

}  // namespace
}  // namespace pgdrift::cli
