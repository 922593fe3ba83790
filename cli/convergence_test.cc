// The convergence oracle (ARCHITECTURE.md, "Tests that hold the design to reality"): for
// a pair of schemas loaded into databases A (from) and B (to), the migration
// planner::PlanMigration plans from A's model to B's, run on A, must leave A with nothing
// diff::Compare reports against B. The pairs are every peer-corpus case in the selection
// and every step of every chain in testdata/chains (state k = the first k migration
// files, pairs k → k + 1); a few pairs also go end to end through `pgdrift diff A B
// --format sql`. docs/convergence.md explains the suite and lists the known failures
// (testdata/fidelity/convergence_exclusions.tsv).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "base/identifier.h"
#include "base/strings.h"
#include "cli/app.h"
#include "cli/testing/scratch_dir.h"
#include "cli/testing/case_list.h"
#include "cli/testing/convergence.h"
#include "cli/testing/peer_corpus.h"
#include "cli/testing/test_databases.h"
#include "cli/testing/test_summary.h"
#include "gtest/gtest.h"
#include "parser/migration_dir.h"
#include "parser/profile.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli {
namespace {

using testing::ScratchDir;

namespace fs = std::filesystem;

using ::pgdrift::testing::PostgresServer;
using planner::PlannedStatement;
using testing::PairOutcome;
using testing::PeerCase;
using testing::WriteTestSummary;

// Case ids of chain pairs start with this; every other id names a peer-corpus case.
constexpr std::string_view kChainPrefix = "chains/";

fs::path ExclusionsPath() {
  return fs::path(PGDRIFT_SOURCE_DIR) / "testdata" / "fidelity" / "convergence_exclusions.tsv";
}

// The known failures whose ids do (chains) or do not (peer corpus) start with kChainPrefix.
absl::StatusOr<std::map<std::string, std::string>> KnownFailures(bool chains) {
  absl::StatusOr<std::map<std::string, std::string>> all = testing::ReadCaseList(ExclusionsPath());
  if (!all.ok()) return all.status();
  std::map<std::string, std::string> selected;
  for (const auto& [id, reason] : *all) {
    if (id.starts_with(kChainPrefix) == chains) selected.emplace(id, reason);
  }
  return selected;
}

// Whether the pair `id` runs: all do unless PGDRIFT_CONVERGENCE_FILTER is set, which then
// names a part of the ids to run (to rerun a few pairs while working on the planner).
bool Selected(const std::string& id) {
  const char* filter = std::getenv("PGDRIFT_CONVERGENCE_FILTER");
  return filter == nullptr || id.find(filter) != std::string::npos;
}

int SecondsSince(std::chrono::steady_clock::time_point start) {
  return static_cast<int>(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start)
          .count());
}

// Databases to drop: their DROP statements open the next setup script, so dropping costs
// no psql run of its own; what is left is dropped when the object goes.
class DatabasesToDrop {
 public:
  ~DatabasesToDrop() {
    std::string sql = TakeDropSql();
    if (sql.empty()) return;
    absl::Status dropped = PostgresServer::Shared().RunSql("postgres", sql);
    EXPECT_TRUE(dropped.ok()) << dropped;
  }
  void Add(std::string database) { names_.push_back(std::move(database)); }
  std::string TakeDropSql() {
    std::string sql;
    for (const std::string& name : names_) {
      StrAppend(&sql, "drop database if exists ", name, " with (force);\n");
    }
    names_.clear();
    return sql;
  }

 private:
  std::vector<std::string> names_;
};

// Counts the outcomes of one suite, fails the test for every pair that does not converge
// unless it is a known failure, and for every known failure that now converges (so the
// list stays true). Each outcome also goes to <build>/convergence/<file>.tsv (case,
// result, statements, summary) and every problem to <file>.txt, for sorting failures.
class Tally {
 public:
  Tally(std::map<std::string, std::string> known, std::string file) : known_(std::move(known)) {
    fs::path dir = fs::path(PGDRIFT_BINARY_DIR) / "convergence";
    std::error_code ignored;
    fs::create_directories(dir, ignored);
    table_.open(dir / StrCat(file, ".tsv"), std::ios::trunc);
    table_ << "case\tresult\tstatements\tsummary\n";
    details_.open(dir / StrCat(file, ".txt"), std::ios::trunc);
  }

  void Record(const std::string& id, const PairOutcome& outcome) {
    ++pairs_;
    seen_.insert(id);
    statements_ += outcome.statements;
    auto known = known_.find(id);
    std::string result;
    if (outcome.converged) {
      ++converged_;
      result = "converges";
      if (known != known_.end()) {
        result = "converges, listed as a known failure";
        ADD_FAILURE() << id << " now converges: remove it from convergence_exclusions.tsv and "
                      << "docs/convergence.md (" << known->second << ")";
      }
    } else if (known != known_.end()) {
      ++known_failures_;
      result = "known failure";
    } else {
      ++failed_;
      result = "fails";
      ADD_FAILURE() << id << ": " << outcome.problem;
    }
    table_ << id << "\t" << result << "\t" << outcome.statements << "\t"
           << ReplaceAll(outcome.summary, "\t", " ") << "\n";
    if (!outcome.converged) details_ << id << ": " << outcome.problem << "\n\n";
    table_.flush();
    details_.flush();
  }

  // Fails for every known failure of this suite that no pair recorded.
  void CheckEveryKnownFailureRan() const {
    for (const auto& [id, reason] : known_) {
      EXPECT_TRUE(seen_.contains(id) || !Selected(id))
          << "convergence_exclusions.tsv lists " << id
          << ", which this suite did not run (renamed, or outside the selection now)";
    }
  }

  // "<pairs> pairs (<statements> statements), <n> converge, <n> fail, <n> known failures".
  std::string Counts() const {
    return StrCat(pairs_, " pairs (", statements_, " planned statements), ", converged_,
                  " converge, ", failed_, " fail, ", known_failures_,
                  " known failures listed in docs/convergence.md");
  }

 private:
  std::map<std::string, std::string> known_;
  std::set<std::string> seen_;
  std::ofstream table_;
  std::ofstream details_;
  int pairs_ = 0;
  int statements_ = 0;
  int converged_ = 0;
  int failed_ = 0;
  int known_failures_ = 0;
};

// An outcome for a pair whose databases could not be set up.
PairOutcome SetupFailure(std::string problem) {
  PairOutcome outcome;
  outcome.summary = StrCat("setup: ", StrSplit(problem, '\n').front());
  outcome.problem = std::move(problem);
  return outcome;
}

// ---------------------------------------------------------------------------------------
// The migration script (unit tests: no database).

TEST(ConvergenceScript, GroupsTransactionalRunsAndLeavesOthersOutside) {
  std::vector<PlannedStatement> statements = {
      {.sql = "create table t (a integer);"},
      {.sql = "alter table t\n  add column b text;"},
      {.sql = "create index concurrently t_a_idx on t (a);", .transactional = false},
      {.sql = "drop table u"},
  };
  testing::MigrationScript script = testing::BuildMigrationScript(statements);
  EXPECT_EQ(script.text,
            "set statement_timeout = '60s';\n"
            "set client_min_messages = warning;\n"
            "begin;\n"
            "create table t (a integer);\n"
            "alter table t\n  add column b text;\n"
            "commit;\n"
            "create index concurrently t_a_idx on t (a);\n"
            "begin;\n"
            "drop table u;\n"
            "commit;\n");
  ASSERT_EQ(script.statements.size(), 4u);
  EXPECT_EQ(script.statements[0].first, 4);
  EXPECT_EQ(script.statements[0].last, 4);
  EXPECT_EQ(script.statements[1].first, 5);
  EXPECT_EQ(script.statements[1].last, 6);
  EXPECT_EQ(script.statements[2].first, 8);
  EXPECT_EQ(script.statements[3].first, 10);
}

TEST(ConvergenceScript, FindsTheStatementPsqlReportsTheErrorOf) {
  testing::MigrationScript script = testing::BuildMigrationScript(
      {{.sql = "create table t (a integer);"}, {.sql = "alter table t\n  add column b text;"}});
  struct Case {
    std::string output;
    int statement;
  };
  const Case cases[] = {
      {"psql:/x/statement-1.sql:4: ERROR:  relation \"t\" already exists\n", 0},
      {"psql:/x/statement-1.sql:6: ERROR:  column \"b\" already exists\n", 1},
      {"psql:/x/statement-1.sql:7: ERROR:  deferred constraint failed\n", -1},
      {"psql: error: connection refused\n", -1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.output);
    EXPECT_EQ(testing::FailingStatement(script, c.output), c.statement);
  }
}

TEST(ConvergenceScript, ServerErrorKeepsErrorDetailAndHint) {
  EXPECT_EQ(testing::ServerError("psql:/x/s.sql:3: NOTICE:  hi\n"
                                 "psql:/x/s.sql:4: ERROR:  cannot drop table t\n"
                                 "DETAIL:  view v depends on table t\n"
                                 "HINT:  Use DROP ... CASCADE.\n"),
            "ERROR:  cannot drop table t\nDETAIL:  view v depends on table t\n"
            "HINT:  Use DROP ... CASCADE.");
  EXPECT_EQ(testing::ServerError("  psql: error: no such file\n"), "psql: error: no such file");
}

// ---------------------------------------------------------------------------------------
// The peer corpus.

// Sets up the two databases of each peer case (one psql run) and runs the check.
class PeerPairs {
 public:
  explicit PeerPairs(const fs::path& corpus) : corpus_(corpus) {}

  // Creates the template every case's databases are copied from: template0 bootstrapped
  // with the postgres profile, as fidelity_test bootstraps a case's database.
  absl::Status CreateTemplate() {
    PostgresServer& server = PostgresServer::Shared();
    absl::StatusOr<std::string> created = server.CreateDatabase("convergence_template");
    if (!created.ok()) return created.status();
    template_ = *created;
    template_drop_.Add(template_);
    std::string script;
    for (std::string_view profile_script : parser::ProfileScripts(parser::Profile::kPostgres)) {
      StrAppend(&script, profile_script, "\n");
    }
    return server.RunSql(template_, script);
  }

  // Loads from.sql into A and to.sql into B (the case's setup first, in each), then runs
  // the check on A.
  PairOutcome Run(const PeerCase& peer) {
    fs::path dir = corpus_ / peer.source / peer.name;
    std::string from = testing::UniqueDatabaseName("conv_from");
    std::string to = testing::UniqueDatabaseName("conv_to");
    std::string script = databases_.TakeDropSql();
    StrAppend(&script, "create database ", from, " template ", template_, ";\n");
    StrAppend(&script, "create database ", to, " template ", template_, ";\n");
    databases_.Add(from);
    databases_.Add(to);
    for (const auto& [database, file] : {std::pair{from, "from.sql"}, std::pair{to, "to.sql"}}) {
      StrAppend(&script, "\\c ", database, "\n");
      if (peer.runs_as_psqldef_user()) StrAppend(&script, testing::kPsqldefUserSetup);
      StrAppend(&script, "\\i ", QuoteLiteral((dir / file).string()), "\n");
    }
    fs::path script_file = scratch_.Write("peer_case.sql", script);
    absl::Status loaded = PostgresServer::Shared().RunSqlFile("postgres", script_file.string());
    if (!loaded.ok())
      return SetupFailure(StrCat("PostgreSQL rejected the case: ", loaded.message()));
    absl::StatusOr<model::Catalog> from_model =
        testing::ReadDatabase(from, parser::Profile::kPostgres);
    if (!from_model.ok()) return SetupFailure(std::string(from_model.status().message()));
    absl::StatusOr<model::Catalog> to_model = testing::ReadDatabase(to, parser::Profile::kPostgres);
    if (!to_model.ok()) return SetupFailure(std::string(to_model.status().message()));
    return testing::MigrateAndCompare(from, parser::Profile::kPostgres, *from_model, *to_model);
  }

 private:
  fs::path corpus_;
  ScratchDir scratch_{"convergence-peer"};
  std::string template_;
  DatabasesToDrop template_drop_;  // declared first, so it goes after the copies
  DatabasesToDrop databases_;
};

TEST(IntegrationConvergence, PeerCorpusMigrationsConverge) {
  fs::path corpus = testing::PeerCorpusDir();
  ASSERT_TRUE(fs::is_regular_file(corpus / "cases.tsv"))
      << "the peer corpus is missing: expected " << corpus.string()
      << "/cases.tsv (the convergence suite never skips it)";
  absl::StatusOr<std::vector<PeerCase>> cases = testing::ReadPeerCases(corpus);
  ASSERT_TRUE(cases.ok()) << cases.status();
  absl::StatusOr<std::map<std::string, std::string>> known = KnownFailures(/*chains=*/false);
  ASSERT_TRUE(known.ok()) << known.status();
  absl::StatusOr<std::set<std::string>> extensions = testing::AvailableExtensions();
  ASSERT_TRUE(extensions.ok()) << extensions.status();

  std::vector<const PeerCase*> selected;
  std::map<std::string, int> outside;  // reason → count
  std::set<std::string> roles;
  for (const PeerCase& peer : *cases) {
    std::string reason = testing::OutsideSelection(peer, *extensions);
    if (!reason.empty()) {
      ++outside[reason];
      continue;
    }
    selected.push_back(&peer);
    roles.insert(peer.roles.begin(), peer.roles.end());
  }

  // Declared before the pairs, so the databases go before the roles their objects use.
  testing::ScopedClusterRoles cluster_roles;
  ASSERT_TRUE(cluster_roles.Create(roles).ok());
  PeerPairs pairs(corpus);
  ASSERT_TRUE(pairs.CreateTemplate().ok());
  const auto start = std::chrono::steady_clock::now();
  Tally tally(*std::move(known), "peer_corpus");
  for (const PeerCase* peer : selected) {
    if (Selected(peer->id())) tally.Record(peer->id(), pairs.Run(*peer));
  }
  tally.CheckEveryKnownFailureRan();

  std::cout << "peer corpus pairs took " << SecondsSince(start) << " s" << std::endl;
  std::vector<std::string> outside_counts;
  for (const auto& [reason, count] : outside) outside_counts.push_back(StrCat(count, " ", reason));
  WriteTestSummary(StrCat("convergence peer corpus: ", tally.Counts(), " (",
                          cases->size() - selected.size(), " of ", cases->size(),
                          " cases outside the selection: ", StrJoin(outside_counts, ", "), ")"));
}

// ---------------------------------------------------------------------------------------
// The steps of the migration chains.

// Every chain of testdata/chains/.
std::vector<fs::path> ChainDirectories() {
  std::vector<fs::path> chains;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(fs::path(PGDRIFT_SOURCE_DIR) / "testdata" / "chains")) {
    if (entry.is_directory()) chains.push_back(entry.path());
  }
  std::sort(chains.begin(), chains.end());
  return chains;
}

// Walks one chain's states: state 0 is a database bootstrapped with the chain's profile,
// state k + 1 a copy of state k with migration file k + 1 run on it. Each step yields the
// pair (state k, state k + 1); the migration runs on state k itself once state k + 1 is
// copied from it, so a step creates one database.
class ChainSteps {
 public:
  ChainSteps(const fs::path& dir, Tally* tally)
      : dir_(dir), name_(dir.filename().string()), tally_(tally) {}

  // Runs every step of the chain; returns how many steps it checked.
  int Run() {
    profile_ = parser::DetectProfile(dir_.string()).value_or(parser::Profile::kPostgres);
    absl::StatusOr<parser::MigrationChain> chain =
        parser::LoadMigrationDirectory(dir_.string(), std::nullopt, nullptr);
    if (!chain.ok()) {
      ADD_FAILURE() << name_ << ": " << chain.status();
      return 0;
    }
    // A filter selects whole chains: a step needs the states before it.
    if (std::none_of(chain->files.begin(), chain->files.end(),
                     [&](const parser::MigrationFile& file) { return Selected(StepId(file)); })) {
      return 0;
    }
    PostgresServer& server = PostgresServer::Shared();
    std::string state = testing::UniqueDatabaseName("conv_state");
    std::string script =
        StrCat("create database ", state, " template template0;\n\\c ", state, "\n");
    for (std::string_view profile_script : parser::ProfileScripts(profile_)) {
      StrAppend(&script, profile_script, "\n");
    }
    absl::Status created =
        server.RunSqlFile("postgres", scratch_.Write("state0.sql", script).string());
    absl::StatusOr<model::Catalog> state_model = created.ok()
                                                     ? testing::ReadDatabase(state, profile_)
                                                     : absl::StatusOr<model::Catalog>(created);
    if (!state_model.ok()) {
      ADD_FAILURE() << name_ << ": state 0: " << state_model.status();
      databases_.Add(state);
      return 0;
    }
    int steps = 0;
    for (const parser::MigrationFile& file : chain->files) {
      std::string file_name = fs::path(file.path).filename().string();
      std::string id = StepId(file);
      // The next state is a copy of this one with the file run on it; the migration then
      // runs on this state itself, whose model is already read.
      std::string next = testing::UniqueDatabaseName("conv_state");
      script = databases_.TakeDropSql();
      StrAppend(&script, "create database ", next, " template ", state, ";\n\\c ", next, "\n\\i ",
                QuoteLiteral(scratch_.Write(file_name, file.source.text).string()), "\n");
      std::string from = std::exchange(state, next);
      databases_.Add(from);  // dropped by the next step's script
      absl::Status applied =
          server.RunSqlFile("postgres", scratch_.Write("step.sql", script).string());
      if (!applied.ok()) {
        ADD_FAILURE() << id << ": PostgreSQL rejected the migration file: " << applied;
        break;
      }
      absl::StatusOr<model::Catalog> next_model = testing::ReadDatabase(next, profile_);
      if (!next_model.ok()) {
        ADD_FAILURE() << id << ": " << next_model.status();
        break;
      }
      tally_->Record(id, testing::MigrateAndCompare(from, profile_, *state_model, *next_model));
      ++steps;
      state_model = std::move(next_model);
    }
    databases_.Add(state);
    return steps;
  }

 private:
  // "chains/<chain>/<file name>": the step that adds `file`.
  std::string StepId(const parser::MigrationFile& file) const {
    return StrCat(kChainPrefix, name_, "/", fs::path(file.path).filename().string());
  }

  fs::path dir_;
  std::string name_;
  Tally* tally_;
  parser::Profile profile_ = parser::Profile::kPostgres;
  ScratchDir scratch_{StrCat("convergence-chain-", name_)};
  DatabasesToDrop databases_;
};

TEST(IntegrationConvergence, ChainStepMigrationsConverge) {
  std::vector<fs::path> chains = ChainDirectories();
  ASSERT_GE(chains.size(), 12u) << "testdata/chains should hold the production-like chains";
  absl::StatusOr<std::map<std::string, std::string>> known = KnownFailures(/*chains=*/true);
  ASSERT_TRUE(known.ok()) << known.status();
  const auto start = std::chrono::steady_clock::now();
  Tally tally(*std::move(known), "chains");
  for (const fs::path& dir : chains) ChainSteps(dir, &tally).Run();
  std::cout << "chain steps took " << SecondsSince(start) << " s" << std::endl;
  tally.CheckEveryKnownFailureRan();
  WriteTestSummary(StrCat("convergence chains: ", chains.size(), " chains, ", tally.Counts()));
}

// ---------------------------------------------------------------------------------------
// End to end through the command line.

// Runs `pgdrift diff <from> <to> --format sql` with cli::Main on two databases, runs what
// it prints on `from` with psql (one run, no transaction around it) and compares.
PairOutcome ConvergeThroughCli(const std::string& from, const std::string& to,
                               parser::Profile profile) {
  PostgresServer& server = PostgresServer::Shared();
  std::string from_uri = server.ConnectionUri(from);
  std::string to_uri = server.ConnectionUri(to);
  std::string profile_name(parser::ProfileName(profile));
  const char* argv[] = {"pgdrift",  "diff", from_uri.c_str(), to_uri.c_str(),
                        "--format", "sql",  "--profile",      profile_name.c_str()};
  std::ostringstream out;
  std::ostringstream err;
  int exit_code = Main(static_cast<int>(std::size(argv)), argv, out, err);
  if (exit_code != 0 && exit_code != 1) {
    return SetupFailure(
        StrCat("pgdrift diff --format sql exited with ", exit_code, ": ", err.str()));
  }
  absl::StatusOr<model::Catalog> to_model = testing::ReadDatabase(to, profile);
  if (!to_model.ok()) return SetupFailure(std::string(to_model.status().message()));
  if (absl::Status ran = server.RunSql(from, out.str()); !ran.ok()) {
    std::string error = testing::ServerError(std::string(ran.message()));
    PairOutcome outcome;
    outcome.problem =
        StrCat("the SQL pgdrift diff printed fails: ", error, "\nthe SQL:\n", out.str());
    outcome.summary = StrCat("statement error: ", error);
    return outcome;
  }
  absl::StatusOr<model::Catalog> migrated = testing::ReadDatabase(from, profile);
  if (!migrated.ok()) return SetupFailure(std::string(migrated.status().message()));
  PairOutcome outcome = testing::CompareWithTarget(*migrated, *to_model, -1);
  if (!outcome.converged) StrAppend(&outcome.problem, "\nthe SQL:\n", out.str());
  if (outcome.converged && exit_code != 1) {
    outcome.converged = false;
    outcome.problem = "pgdrift diff exited with 0 (no differences) on databases that differ";
  }
  return outcome;
}

TEST(IntegrationConvergence, DiffFormatSqlConvergesThroughTheCli) {
  PostgresServer& server = PostgresServer::Shared();
  ScratchDir scratch("convergence-cli");
  int converged = 0;
  int pairs = 0;
  // Peer cases, loaded into two databases each.
  const fs::path corpus = testing::PeerCorpusDir();
  const std::set<std::string> ids = {"pg-schema-diff/column__add_one_column_with_default",
                                     "sqldef-psqldef/AddOperatorClassToExistingIndex",
                                     "migra/dependencies2"};
  absl::StatusOr<std::vector<PeerCase>> cases = testing::ReadPeerCases(corpus);
  ASSERT_TRUE(cases.ok()) << cases.status();
  std::set<std::string> roles;
  for (const PeerCase& peer : *cases) {
    if (ids.contains(peer.id())) roles.insert(peer.roles.begin(), peer.roles.end());
  }
  testing::ScopedClusterRoles cluster_roles;
  ASSERT_TRUE(cluster_roles.Create(roles).ok());
  DatabasesToDrop databases;
  for (const std::string& id : ids) {
    SCOPED_TRACE(id);
    std::string from = testing::UniqueDatabaseName("cli_from");
    std::string to = testing::UniqueDatabaseName("cli_to");
    databases.Add(from);
    databases.Add(to);
    std::string script;
    for (const auto& [database, file] : {std::pair{from, "from.sql"}, std::pair{to, "to.sql"}}) {
      StrAppend(&script, "create database ", database, " template template0;\n\\c ", database,
                "\n\\i ", QuoteLiteral((corpus / id / file).string()), "\n\\c postgres\n");
    }
    ASSERT_TRUE(server.RunSqlFile("postgres", scratch.Write("cli_case.sql", script).string()).ok());
    ++pairs;
    PairOutcome outcome = ConvergeThroughCli(from, to, parser::Profile::kPostgres);
    if (outcome.converged) {
      ++converged;
    } else {
      ADD_FAILURE() << id << ": " << outcome.problem;
    }
  }
  // A whole Supabase chain from the bootstrapped database to its last state.
  fs::path chain = fs::path(PGDRIFT_SOURCE_DIR) / "testdata" / "chains" / "marketplace_app";
  absl::StatusOr<std::string> built =
      testing::BuildChainDatabase(chain.string(), parser::Profile::kSupabase, "cli_to");
  ASSERT_TRUE(built.ok()) << built.status();
  databases.Add(*built);
  std::string empty = testing::UniqueDatabaseName("cli_from");
  std::string script = StrCat("create database ", empty, " template template0;\n\\c ", empty, "\n");
  for (std::string_view profile_script : parser::ProfileScripts(parser::Profile::kSupabase)) {
    StrAppend(&script, profile_script, "\n");
  }
  ASSERT_TRUE(server.RunSqlFile("postgres", scratch.Write("cli_chain.sql", script).string()).ok());
  databases.Add(empty);
  ++pairs;
  PairOutcome outcome = ConvergeThroughCli(empty, *built, parser::Profile::kSupabase);
  if (outcome.converged) {
    ++converged;
  } else {
    ADD_FAILURE() << "chains/marketplace_app from its bootstrapped database: " << outcome.problem;
  }
  WriteTestSummary(StrCat("convergence through pgdrift diff --format sql: ", pairs, " pairs, ",
                          converged, " converge"));
}

}  // namespace
}  // namespace pgdrift::cli
