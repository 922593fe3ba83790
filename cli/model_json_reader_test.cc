#include "cli/model_json_reader.h"

#include <filesystem>

#include "base/testing/status_matchers.h"
#include "cli/model_json.h"
#include "cli/source.h"
#include "cli/testing/golden.h"
#include "diff/compare.h"
#include "gtest/gtest.h"

namespace pgdrift::cli {
namespace {

using ::pgdrift::testing::StatusIs;

// A snapshot stands in for the database it was taken from: reading back what inspect
// wrote must give a catalog with no drift against the original, for every chain.
TEST(ModelFromJson, RoundTripsEveryChain) {
  std::vector<std::filesystem::path> chains = testing::CaseDirectories("testdata/chains");
  ASSERT_GE(chains.size(), 10u);
  for (const std::filesystem::path& chain : chains) {
    SCOPED_TRACE(chain.string());
    absl::StatusOr<LoadedSource> source =
        LoadSource((std::filesystem::path(PGDRIFT_SOURCE_DIR) / chain).string(), {});
    ASSERT_TRUE(source.ok()) << source.status();
    ModelJsonOptions options;
    options.include_managed = true;
    absl::StatusOr<model::Catalog> read = ModelFromJson(ModelToJson(source->catalog, options));
    ASSERT_TRUE(read.ok()) << read.status();
    diff::ChangeSet changes =
        diff::Compare(source->catalog, *read, {.compare_owners = true, .include_managed = true});
    EXPECT_TRUE(changes.empty()) << changes.objects.size() << " objects differ, first "
                                 << changes.objects.front().id.ToString();
  }
}

TEST(ModelFromJson, RejectsOtherDocuments) {
  EXPECT_THAT(ModelFromJson(nlohmann::ordered_json::parse(R"({"format": "pgdrift.drift/v1"})")),
              StatusIs(absl::StatusCode::kInvalidArgument, "not a pgdrift model snapshot"));
  EXPECT_THAT(ModelFromJson(nlohmann::ordered_json::parse(
                  R"({"format": "pgdrift.model/v1", "tables": [{"schema": "public"}]})")),
              StatusIs(absl::StatusCode::kInvalidArgument, "$.tables[0].name is missing"));
}

TEST(ParseTypeText, ReadsWhatTypeRefPrints) {
  for (const model::TypeRef& type :
       {model::TypeRef::Builtin("character varying(20)"), model::TypeRef::Builtin("integer", true),
        model::TypeRef{"public", "mood", false, ""}, model::TypeRef{"My Schema", "Mood", true, ""},
        model::TypeRef{"extensions", "vector", false, "(1536)"},
        model::TypeRef::Builtin("timestamp(3) with time zone")}) {
    SCOPED_TRACE(type.ToString());
    EXPECT_EQ(ParseTypeText(type.ToString()), type);
  }
}

}  // namespace
}  // namespace pgdrift::cli
