#include "cli/testing/peer_corpus.h"

#include <algorithm>
#include <fstream>

#include "base/identifier.h"
#include "base/strings.h"
#include "gtest/gtest.h"
#include "testing/postgres_server.h"

namespace pgdrift::cli::testing {
namespace {

namespace fs = std::filesystem;

using ::pgdrift::testing::PostgresServer;

constexpr std::string_view kHeader =
    "source\tcase\tobject_kinds\tneeds_extensions\tnotes\tloads_on_pg15\tneeds_roles";

// Splits a cases.tsv list ("-" for none) at commas outside double quotes.
std::vector<std::string> ListField(std::string_view field) {
  std::vector<std::string> items;
  if (field == "-" || field.empty()) return items;
  std::string current;
  bool quoted = false;
  for (char c : field) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      items.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  items.push_back(std::move(current));
  return items;
}

// A role name as cases.tsv writes it (SQL-quoted when it needs quotes) → the name itself.
std::string UnquoteRole(const std::string& role) {
  if (role.size() >= 2 && role.front() == '"' && role.back() == '"') {
    return ReplaceAll(std::string_view(role).substr(1, role.size() - 2), "\"\"", "\"");
  }
  return role;
}

// The lines of a psql query's unaligned, tuples-only output.
std::set<std::string> Lines(const std::string& rows) {
  std::set<std::string> lines;
  for (const std::string& line : StrSplit(rows, '\n')) {
    if (!line.empty()) lines.insert(line);
  }
  return lines;
}

}  // namespace

std::string PeerCase::id() const { return StrCat(source, "/", name); }

bool PeerCase::runs_as_psqldef_user() const {
  return std::find(roles.begin(), roles.end(), "psqldef_user") != roles.end();
}

fs::path PeerCorpusDir() {
  return fs::weakly_canonical(fs::path(PGDRIFT_SOURCE_DIR) / ".." / "shared" / "peer-corpus");
}

absl::StatusOr<std::vector<PeerCase>> ReadPeerCases(const fs::path& corpus) {
  std::ifstream in(corpus / "cases.tsv");
  if (!in) return absl::NotFoundError(StrCat("cannot read ", (corpus / "cases.tsv").string()));
  std::string line;
  std::getline(in, line);
  if (line != kHeader) {
    return absl::InvalidArgumentError(StrCat("cases.tsv has an unexpected header: ", line));
  }
  std::vector<PeerCase> cases;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> fields = StrSplit(line, '\t');
    if (fields.size() != 7) {
      return absl::InvalidArgumentError(StrCat("cases.tsv: not 7 columns: ", line));
    }
    PeerCase peer;
    peer.source = fields[0];
    peer.name = fields[1];
    for (std::string& kind : ListField(fields[2])) peer.kinds.insert(std::move(kind));
    peer.extensions = ListField(fields[3]);
    peer.notes = fields[4];
    peer.loads_on_pg15 = fields[5];
    for (const std::string& role : ListField(fields[6])) {
      // PUBLIC is every role, not one to create.
      if (role != "PUBLIC") peer.roles.push_back(UnquoteRole(role));
    }
    cases.push_back(std::move(peer));
  }
  return cases;
}

const std::set<std::string>& ModelledKinds() {
  static const std::set<std::string> kinds = {
      "table",     "constraint", "index",    "sequence",  "identity",  "generated_column",
      "enum",      "type",       "domain",   "schema",    "extension", "rls",
      "partition", "inherit",    "comment",  "collation", "storage",   "replica_identity",
      "cluster",   "owner",      "function", "procedure", "trigger",   "policy",
      "view",      "matview",    "grant"};
  return kinds;
}

std::string OutsideSelection(const PeerCase& peer,
                             const std::set<std::string>& available_extensions) {
  if (peer.loads_on_pg15 != "yes") return "does not load on PostgreSQL 15";
  for (const std::string& kind : peer.kinds) {
    if (!ModelledKinds().contains(kind)) return "uses kinds not modelled yet";
  }
  for (const std::string& extension : peer.extensions) {
    if (!available_extensions.contains(extension)) return "needs an extension contrib lacks";
  }
  return "";
}

absl::StatusOr<std::set<std::string>> AvailableExtensions() {
  absl::StatusOr<std::string> rows =
      PostgresServer::Shared().Query("postgres", "select name from pg_available_extensions");
  if (!rows.ok()) return rows.status();
  return Lines(*rows);
}

absl::StatusOr<std::set<std::string>> ClusterRoles() {
  absl::StatusOr<std::string> rows =
      PostgresServer::Shared().Query("postgres", "select rolname from pg_roles");
  if (!rows.ok()) return rows.status();
  return Lines(*rows);
}

absl::Status ScopedClusterRoles::Create(const std::set<std::string>& roles) {
  absl::StatusOr<std::set<std::string>> present = ClusterRoles();
  if (!present.ok()) return present.status();
  if (!created_) roles_before_ = *present;
  created_ = true;
  std::string sql;
  for (const std::string& role : roles) {
    if (!present->contains(role)) StrAppend(&sql, "create role ", QuoteIdent(role), ";\n");
  }
  return sql.empty() ? absl::OkStatus() : PostgresServer::Shared().RunSql("postgres", sql);
}

ScopedClusterRoles::~ScopedClusterRoles() {
  if (!created_) return;
  absl::StatusOr<std::set<std::string>> roles = ClusterRoles();
  EXPECT_TRUE(roles.ok()) << roles.status();
  if (!roles.ok()) return;
  std::vector<std::string> created;
  for (const std::string& role : *roles) {
    if (!roles_before_.contains(role)) created.push_back(QuoteIdent(role));
  }
  if (created.empty()) return;
  absl::Status dropped = PostgresServer::Shared().RunSql(
      "postgres", StrCat("drop role if exists ", StrJoin(created, ", ")));
  EXPECT_TRUE(dropped.ok()) << dropped;
}

}  // namespace pgdrift::cli::testing
