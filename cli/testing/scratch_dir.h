// ScratchDir: a temporary directory for one test's files (psql scripts, dumps, plan
// directories), removed when the test ends, also when it fails.
#ifndef PGDRIFT_CLI_TESTING_SCRATCH_DIR_H_
#define PGDRIFT_CLI_TESTING_SCRATCH_DIR_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#include "base/strings.h"

namespace pgdrift::cli::testing {

class ScratchDir {
 public:
  // Creates `<temp dir>/pgdrift-<name>-<pid>`, empty (a leftover of an earlier run with the
  // same pid is removed first).
  explicit ScratchDir(std::string_view name) {
    path_ = std::filesystem::temp_directory_path() / StrCat("pgdrift-", name, "-", getpid());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `text` to `relative` inside the directory (creating its folders); returns the
  // file's path.
  std::filesystem::path Write(const std::string& relative, std::string_view text) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace pgdrift::cli::testing

#endif  // PGDRIFT_CLI_TESTING_SCRATCH_DIR_H_
