#include "parser/sequence_options.h"

#include <optional>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::StatusIs;

TEST(SequenceOptions, KeepsTheIdentitySequenceNameQualifiedAsWritten) {
  struct Case {
    std::string sql;
    std::optional<model::QualifiedName> expected;
  };
  std::vector<Case> cases = {
      // pg_dump's form: the name is schema-qualified, not one string "public.t_id_seq".
      {"CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.t_id_seq))",
       model::QualifiedName{"public", "t_id_seq"}},
      {"CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME ids START 5))",
       model::QualifiedName{"", "ids"}},
      {"CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME "
       "\"Audit\".\"T.ids\"))",
       model::QualifiedName{"Audit", "T.ids"}},
      {"CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY (START 5))", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    model::CreateTable create =
        SingleMutation<model::CreateTable>(TransformSql(c.sql, BasicCatalog()));
    ASSERT_EQ(create.columns.size(), 1u);
    EXPECT_EQ(create.columns[0].identity_options.sequence_name, c.expected);
  }
}

TEST(SequenceOptions, RejectsSequenceNameOutsideAnIdentity) {
  EXPECT_THAT(
      TransformSql("CREATE SEQUENCE s SEQUENCE NAME other", BasicCatalog()).status,
      StatusIs(absl::StatusCode::kInvalidArgument, "invalid sequence option SEQUENCE NAME"));
}

}  // namespace
}  // namespace pgdrift::parser
