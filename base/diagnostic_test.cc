#include "base/diagnostic.h"

#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"

namespace pgdrift {
namespace {

using ::pgdrift::testing::StatusIs;

TEST(InputError, PrefixesSpanAndAttachesPayload) {
  SourceSpan span{"m/001_init.sql", 3, 14};
  absl::Status status = InputError(absl::StatusCode::kNotFound, span, "relation \"t\" does not exist");
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kNotFound,
                               "m/001_init.sql:3:14: relation \"t\" does not exist"));
  std::optional<SourceSpan> attached = SpanOf(status);
  ASSERT_TRUE(attached.has_value());
  EXPECT_EQ(attached->file, "m/001_init.sql");
  EXPECT_EQ(attached->line, 3);
  EXPECT_EQ(attached->column, 14);
}

TEST(Diagnostic, FormatsLikeACompiler) {
  Diagnostic warning{Severity::kWarning, {"a.sql", 2, 1}, "statement not modelled: INSERT",
                     "insert into t values (1);"};
  EXPECT_EQ(warning.ToString(),
            "a.sql:2:1: warning: statement not modelled: INSERT\n    insert into t values (1);");
}

TEST(FirstLine, TrimsAndCuts) {
  EXPECT_EQ(FirstLine("\n  create table t (\n a int);"), "create table t (");
  EXPECT_EQ(FirstLine(std::string(200, 'x')).size(), 120 + std::string("…").size());
}

TEST(DiagnosticSink, CountsBySeverity) {
  DiagnosticSink sink;
  sink.Error({}, "a");
  sink.Warning({}, "b");
  sink.Warning({}, "c");
  EXPECT_EQ(sink.error_count(), 1);
  EXPECT_EQ(sink.warning_count(), 2);
}

}  // namespace
}  // namespace pgdrift
