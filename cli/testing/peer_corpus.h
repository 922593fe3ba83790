// The peer corpus (schema-diff cases other projects wrote, kept beside the repository in
// ../shared/peer-corpus): its manifest cases.tsv, the selection of cases pgdrift's
// suites hold to account (those that load on PostgreSQL 15, use only modelled kinds and
// available extensions), the setup sqldef's `user: psqldef_user` cases expect, and the
// cluster-wide roles the cases need.
#ifndef PGDRIFT_CLI_TESTING_PEER_CORPUS_H_
#define PGDRIFT_CLI_TESTING_PEER_CORPUS_H_

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace pgdrift::cli::testing {

// One row of cases.tsv.
struct PeerCase {
  std::string source;
  std::string name;
  std::set<std::string> kinds;  // object_kinds
  std::vector<std::string> extensions;
  std::string notes;
  std::string loads_on_pg15;       // "yes" or "no (<why>)"
  std::vector<std::string> roles;  // unquoted role names, PUBLIC left out

  // "<source>/<case>", e.g. "sqldef-psqldef/CreateTableWithDefault".
  std::string id() const;
  // sqldef's `user: psqldef_user` cases: run as that role, search_path foo, public.
  bool runs_as_psqldef_user() const;
};

// The corpus directory: PGDRIFT_SOURCE_DIR/../shared/peer-corpus, normalised.
std::filesystem::path PeerCorpusDir();

// Reads `corpus`/cases.tsv; errors when it is missing or not in the expected form.
[[nodiscard]] absl::StatusOr<std::vector<PeerCase>> ReadPeerCases(
    const std::filesystem::path& corpus);

// The object kinds (cases.tsv `object_kinds`) the model covers now. A case that uses any
// other kind is outside the selection until that kind is modelled.
const std::set<std::string>& ModelledKinds();

// Why `peer` is outside the selection ("does not load on PostgreSQL 15", "uses kinds not
// modelled yet", "needs an extension contrib lacks"), or "" when it is in.
std::string OutsideSelection(const PeerCase& peer,
                             const std::set<std::string>& available_extensions);

// The extensions the shared test server offers (pg_available_extensions).
[[nodiscard]] absl::StatusOr<std::set<std::string>> AvailableExtensions();

// psql lines that set a session up as sqldef runs its `user: psqldef_user` cases: the
// schema foo owned by psqldef_user, then that role with search_path `foo, public`.
inline constexpr std::string_view kPsqldefUserSetup =
    "create schema foo authorization psqldef_user;\n"
    "set role psqldef_user;\n"
    "set search_path = foo, public;\n";

// The roles of the shared test server's cluster.
[[nodiscard]] absl::StatusOr<std::set<std::string>> ClusterRoles();

// Roles are cluster-wide: Create adds those of a set that are missing, and the destructor
// drops every role created since Create (the ones it added and any the cases' SQL
// created). A failure to drop fails the running test.
class ScopedClusterRoles {
 public:
  ScopedClusterRoles() = default;
  ~ScopedClusterRoles();
  ScopedClusterRoles(const ScopedClusterRoles&) = delete;
  ScopedClusterRoles& operator=(const ScopedClusterRoles&) = delete;

  [[nodiscard]] absl::Status Create(const std::set<std::string>& roles);

 private:
  bool created_ = false;
  std::set<std::string> roles_before_;
};

}  // namespace pgdrift::cli::testing

#endif  // PGDRIFT_CLI_TESTING_PEER_CORPUS_H_
