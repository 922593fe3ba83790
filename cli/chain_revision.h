// Chain checks with no database: the migration chain in the working tree against the
// same chain at a git revision (`pgdrift check --local DIR --against git:REV`). A merged
// migration — one the revision already has — must never change: editing or removing it,
// or adding a file that sorts before the newest merged one, makes databases that applied
// the old chain disagree with new ones.
#ifndef PGDRIFT_CLI_CHAIN_REVISION_H_
#define PGDRIFT_CLI_CHAIN_REVISION_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/check_findings.h"
#include "cli/source.h"

namespace pgdrift::cli {

// Compares the chain under `local_directory` (read with `options`' layout, as check reads
// it) with the files the same directory holds at git revision `revision` (anything `git
// rev-parse` accepts: a branch, a tag, a commit, origin/main). Returns kChainFile findings,
// in file order: chain_edited (file and first changed line; the message says whether the
// statements changed or only comments and whitespace), chain_removed, chain_out_of_order.
// An error when the directory is not in a git work tree or the revision is unknown, with
// git's own message.
[[nodiscard]] absl::StatusOr<std::vector<Finding>> CompareChainWithRevision(
    const std::string& local_directory, const std::string& revision, const SourceOptions& options);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_CHAIN_REVISION_H_
