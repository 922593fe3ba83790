// Reading a directory as it was at a git revision, through the git program
// (never a shell): the work tree a directory belongs to, a revision resolved to
// its commit, and the files a directory held at that commit. Chain checks
// against a revision use it.
#ifndef PGDRIFT_CLI_GIT_TREE_H_
#define PGDRIFT_CLI_GIT_TREE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace pgdrift::cli {

// Where a directory sits in its git work tree.
struct GitLocation {
  std::string top_level; // the work tree's top directory (`git rev-parse
                         // --show-toplevel`)
  // The directory relative to `top_level`, with a trailing '/' ("" for the top
  // itself), as `git rev-parse --show-prefix` prints it.
  std::string prefix;
};

// The work tree holding `directory`. An error with git's message when
// `directory` is not inside a git work tree, or when git cannot be run.
[[nodiscard]] absl::StatusOr<GitLocation>
FindGitLocation(const std::string &directory);

// The full commit id `revision` names in the repository at `top_level`
// (anything `git rev-parse` accepts). An error quoting `revision` and git's
// message when it names no commit.
[[nodiscard]] absl::StatusOr<std::string>
ResolveGitCommit(const std::string &top_level, const std::string &revision);

// One file of a tree.
struct GitFile {
  std::string path; // relative to the work tree's top directory, '/'-separated
  std::string content;
};

// The regular files under `path` (relative to the top directory; "" for all) at
// `commit`, in git's path order, with their content. Symbolic links and
// submodules are left out.
[[nodiscard]] absl::StatusOr<std::vector<GitFile>>
ReadGitTree(const std::string &top_level, const std::string &commit,
            const std::string &path);

} // namespace pgdrift::cli

#endif // PGDRIFT_CLI_GIT_TREE_H_
