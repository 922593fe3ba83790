#include "cli/testing/test_summary.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/strings.h"
#include "gtest/gtest.h"

namespace pgdrift::cli::testing {

void WriteTestSummary(const std::string& line) {
  std::cout << line << std::endl;
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name =
      test == nullptr ? std::string("unknown") : StrCat(test->test_suite_name(), ".", test->name());
  std::filesystem::path dir = std::filesystem::path(PGDRIFT_BINARY_DIR) / "test-summary";
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  std::ofstream out(dir / StrCat(name, ".txt"), std::ios::trunc);
  out << line << "\n";
  EXPECT_TRUE(out.good()) << "cannot write the test summary into " << dir.string();
}

}  // namespace pgdrift::cli::testing
