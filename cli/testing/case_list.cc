#include "cli/testing/case_list.h"

#include <fstream>
#include <vector>

#include "base/strings.h"

namespace pgdrift::cli::testing {

absl::StatusOr<std::map<std::string, std::string>> ReadCaseList(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(StrCat("cannot read ", path.string()));
  const std::string file = path.filename().string();
  std::map<std::string, std::string> cases;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with("#")) continue;
    std::vector<std::string> fields = StrSplit(line, '\t');
    if (header) {
      if (line != "case\treason") {
        return absl::InvalidArgumentError(StrCat(file, ": the header must be case<TAB>reason"));
      }
      header = false;
      continue;
    }
    if (fields.size() != 2 || Trim(fields[1]).empty()) {
      return absl::InvalidArgumentError(StrCat(file, ": want case<TAB>reason: ", line));
    }
    if (!cases.emplace(fields[0], fields[1]).second) {
      return absl::InvalidArgumentError(StrCat(file, ": listed twice: ", fields[0]));
    }
  }
  return cases;
}

}  // namespace pgdrift::cli::testing
