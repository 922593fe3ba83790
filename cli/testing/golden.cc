#include "cli/testing/golden.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "cli/app.h"

namespace pgdrift::cli::testing {

namespace fs = std::filesystem;

std::vector<fs::path> CaseDirectories(const fs::path& dir) {
  std::vector<fs::path> cases;
  fs::path root = fs::path(PGDRIFT_SOURCE_DIR) / dir;
  if (!fs::is_directory(root)) return cases;
  for (const fs::directory_entry& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) cases.push_back(dir / entry.path().filename());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string ReadFileOrEmpty(const fs::path& path) {
  std::ifstream in(fs::path(PGDRIFT_SOURCE_DIR) / path, std::ios::binary);
  if (!in) return "";
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

bool UpdatingGoldens() {
  const char* update = std::getenv("PGDRIFT_UPDATE_GOLDEN");
  return update != nullptr && std::string_view(update) == "1";
}

std::string CompareGolden(const fs::path& expected_path, const std::string& actual) {
  if (UpdatingGoldens()) {
    std::ofstream(fs::path(PGDRIFT_SOURCE_DIR) / expected_path, std::ios::binary) << actual;
    return "";
  }
  if (!fs::exists(fs::path(PGDRIFT_SOURCE_DIR) / expected_path)) {
    return StrCat(expected_path.string(),
                  " is missing (run the test with PGDRIFT_UPDATE_GOLDEN=1 to create it)");
  }
  std::string expected = ReadFileOrEmpty(expected_path);
  if (expected == actual) return "";
  std::vector<std::string> expected_lines = StrSplit(expected, '\n');
  std::vector<std::string> actual_lines = StrSplit(actual, '\n');
  size_t line = 0;
  while (line < expected_lines.size() && line < actual_lines.size() &&
         expected_lines[line] == actual_lines[line]) {
    ++line;
  }
  auto at = [](const std::vector<std::string>& lines, size_t i) {
    return i < lines.size() ? lines[i] : std::string("<end of output>");
  };
  return StrCat(expected_path.string(), ":", line + 1, ": output differs\n  expected: ",
                at(expected_lines, line), "\n  actual:   ", at(actual_lines, line),
                "\n(PGDRIFT_UPDATE_GOLDEN=1 rewrites the expected file)");
}

CliResult RunCli(const std::vector<std::string>& args) {
  fs::path previous = fs::current_path();
  fs::current_path(PGDRIFT_SOURCE_DIR);
  std::vector<const char*> argv = {"pgdrift"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out;
  std::ostringstream err;
  CliResult result;
  result.exit_code = Main(static_cast<int>(argv.size()), argv.data(), out, err);
  result.out = out.str();
  result.err = err.str();
  fs::current_path(previous);
  return result;
}

}  // namespace pgdrift::cli::testing
