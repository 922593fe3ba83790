#include "cli/git_tree.h"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <system_error>
#include <utility>

#include "base/status_macros.h"
#include "base/strings.h"
#include "base/subprocess.h"

namespace pgdrift::cli {
namespace {

// Runs git with `arguments` in `directory` (`git -C directory …`).
absl::StatusOr<ProcessResult> RunGit(const std::string &directory,
                                     std::vector<std::string> arguments,
                                     std::string input = "") {
  std::vector<std::string> argv = {"git", "-C", directory};
  for (std::string &argument : arguments)
    argv.push_back(std::move(argument));
  ProcessOptions options;
  options.input = std::move(input);
  absl::StatusOr<ProcessResult> result = RunProcess(argv, options);
  if (!result.ok()) {
    return absl::Status(result.status().code(),
                        StrCat("cannot run git: ", result.status().message()));
  }
  return result;
}

// git's error output as one line: the last non-empty line, trimmed.
std::string GitMessage(const ProcessResult &result) {
  std::string message;
  for (const std::string &line : StrSplit(result.err, '\n')) {
    std::string_view trimmed = Trim(line);
    if (!trimmed.empty())
      message = std::string(trimmed);
  }
  if (message.empty())
    return StrCat("git exited with status ", result.exit_code);
  return message;
}

// The output of a `git rev-parse` option: its first line.
std::string FirstLine(std::string_view out) {
  size_t end = out.find('\n');
  return std::string(out.substr(0, end));
}

} // namespace

absl::StatusOr<GitLocation> FindGitLocation(const std::string &directory) {
  const std::string dir = directory.empty() ? "." : directory;
  PGDRIFT_ASSIGN_OR_RETURN(
      ProcessResult top,
      RunGit(dir, {"rev-parse", "--show-toplevel", "--show-prefix"}));
  if (!top.ok()) {
    return absl::FailedPreconditionError(
        StrCat("\"", dir, "\" is not in a git work tree: ", GitMessage(top)));
  }
  std::vector<std::string> lines = StrSplit(top.out, '\n');
  if (lines.empty() || lines[0].empty()) {
    return absl::FailedPreconditionError(
        StrCat("\"", dir,
               "\" is not in a git work tree (it has no top-level directory)"));
  }
  GitLocation location;
  location.top_level = lines[0];
  location.prefix = lines.size() > 1 ? lines[1] : "";
  return location;
}

absl::StatusOr<std::string> ResolveGitCommit(const std::string &top_level,
                                             const std::string &revision) {
  // --end-of-options keeps a revision starting with '-' from being read as an
  // option.
  PGDRIFT_ASSIGN_OR_RETURN(
      ProcessResult resolved,
      RunGit(top_level, {"rev-parse", "--verify", "--end-of-options",
                         StrCat(revision, "^{commit}")}));
  std::string commit = FirstLine(resolved.out);
  if (!resolved.ok() || commit.empty()) {
    return absl::NotFoundError(StrCat("unknown git revision \"", revision,
                                      "\": ", GitMessage(resolved)));
  }
  return commit;
}

absl::StatusOr<std::vector<GitFile>> ReadGitTree(const std::string &top_level,
                                                 const std::string &commit,
                                                 const std::string &path) {
  std::vector<std::string> list = {"ls-tree", "-r", "-z", "--full-tree",
                                   commit};
  if (!path.empty()) {
    list.push_back("--");
    list.push_back(path);
  }
  PGDRIFT_ASSIGN_OR_RETURN(ProcessResult listed,
                           RunGit(top_level, std::move(list)));
  if (!listed.ok()) {
    return absl::InternalError(StrCat("cannot list \"", path, "\" at ", commit,
                                      ": ", GitMessage(listed)));
  }
  // Each entry is "<mode> <type> <object>\t<path>\0".
  std::vector<GitFile> files;
  std::string objects;
  std::string_view entries = listed.out;
  while (!entries.empty()) {
    size_t end = entries.find('\0');
    std::string_view entry = entries.substr(0, end);
    entries.remove_prefix(end == std::string_view::npos ? entries.size()
                                                        : end + 1);
    size_t tab = entry.find('\t');
    if (tab == std::string_view::npos)
      continue;
    std::vector<std::string> fields = StrSplit(entry.substr(0, tab), ' ');
    // 100644 and 100755 are regular files; 120000 is a symbolic link, 160000 a
    // submodule.
    if (fields.size() != 3 || fields[1] != "blob" || fields[0] == "120000")
      continue;
    files.push_back(GitFile{std::string(entry.substr(tab + 1)), ""});
    StrAppend(&objects, fields[2], "\n");
  }
  if (files.empty())
    return files;

  // One `git cat-file --batch` reads every blob: "<object> blob
  // <size>\n<content>\n" each.
  PGDRIFT_ASSIGN_OR_RETURN(
      ProcessResult read,
      RunGit(top_level, {"cat-file", "--batch"}, std::move(objects)));
  if (!read.ok()) {
    return absl::InternalError(
        StrCat("cannot read files at ", commit, ": ", GitMessage(read)));
  }
  std::string_view out = read.out;
  for (GitFile &file : files) {
    size_t header_end = out.find('\n');
    if (header_end == std::string_view::npos) {
      return absl::InternalError(
          StrCat("unexpected end of git cat-file output at ", file.path));
    }
    std::string_view header = out.substr(0, header_end);
    size_t space = header.rfind(' ');
    size_t size = 0;
    if (space == std::string_view::npos ||
        std::from_chars(header.data() + space + 1,
                        header.data() + header.size(), size)
                .ec != std::errc() ||
        header_end + 1 + size > out.size()) {
      return absl::InternalError(StrCat("cannot read ", file.path, " at ",
                                        commit, ": git cat-file printed \"",
                                        header, "\""));
    }
    file.content = std::string(out.substr(header_end + 1, size));
    out.remove_prefix(std::min(out.size(), header_end + 1 + size + 1));
  }
  return files;
}

} // namespace pgdrift::cli
