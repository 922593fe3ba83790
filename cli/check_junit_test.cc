#include "cli/check_junit.h"

#include <filesystem>
#include <string>

#include "base/subprocess.h"
#include "cli/testing/check_results_fixture.h"
#include "cli/testing/golden.h"
#include "gtest/gtest.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;

// Parses `xml` with Python's minidom (a conforming XML 1.0 parser) and prints the
// testsuites' counts and each suite's name and counts: the structure Jenkins and GitLab
// read. Exit status 1 and the parser's message when the document is not well-formed.
constexpr char kSummarize[] = R"(
import sys, xml.dom.minidom
try:
    doc = xml.dom.minidom.parse(sys.stdin.buffer)
except Exception as error:
    print(error, file=sys.stderr)
    sys.exit(1)
root = doc.documentElement
def counts(node):
    return " ".join(node.getAttribute(a) for a in ("tests", "failures", "skipped", "errors"))
print(root.tagName, counts(root))
for suite in root.getElementsByTagName("testsuite"):
    cases = suite.getElementsByTagName("testcase")
    kinds = [c.tagName for case in cases for c in case.childNodes if c.nodeType == c.ELEMENT_NODE]
    actual = [len(cases)] + [kinds.count(k) for k in ("failure", "skipped", "error")]
    print(suite.getAttribute("name") + ":", counts(suite), "/", " ".join(map(str, actual)))
for case in doc.getElementsByTagName("testcase"):
    for child in case.childNodes:
        if child.nodeType == child.ELEMENT_NODE and child.tagName in ("failure", "skipped"):
            print(repr(case.getAttribute("name")), repr(child.getAttribute("message")))
)";

ProcessResult Summarize(const std::string& xml) {
  absl::StatusOr<ProcessResult> result =
      RunProcess({"/usr/bin/python3", "-c", kSummarize}, ProcessOptions{xml, ""});
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? *result : ProcessResult{-1, "", result.status().ToString()};
}

TEST(CheckJunit, MatchesGoldenFiles) {
  for (const testing::ResultSet& set : testing::GoldenResultSets()) {
    SCOPED_TRACE(set.name);
    EXPECT_EQ(testing::CompareGolden(fs::path("testdata/ci-formats") / (set.name + ".xml"),
                                     CheckJunit(set.results)),
              "");
  }
}

TEST(CheckJunit, IsWellFormedForEveryResultSet) {
  for (const testing::ResultSet& set : testing::GoldenResultSets()) {
    SCOPED_TRACE(set.name);
    ProcessResult result = Summarize(CheckJunit(set.results));
    EXPECT_EQ(result.exit_code, 0) << result.err;
  }
}

TEST(CheckJunit, WellFormednessCheckRejectsBrokenXml) {
  EXPECT_EQ(Summarize("<testsuites><testsuite name=\"a & b\"></testsuite></testsuites>").exit_code,
            1);
  EXPECT_EQ(Summarize("<testsuites>\x01</testsuites>").exit_code, 1);
  EXPECT_EQ(Summarize("<testsuites></testsuite>").exit_code, 1);
}

TEST(CheckJunit, CountsMatchTheTestCases) {
  ProcessResult result = Summarize(
      CheckJunit({testing::DriftedResult(), testing::InSyncResult(), testing::ErroredResult()}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // staging schema: 6 findings + 3 in sync; 1 not failing, 1 ignored.
  // staging history: 5 findings + 2 applied; 1 ignored.
  const std::string expected_counts =
      "testsuites 22 11 2 1\n"
      "staging schema: 9 4 1 0 / 9 4 1 0\n"
      "staging history: 7 4 1 0 / 7 4 1 0\n"
      "staging chain: 3 3 0 0 / 3 3 0 0\n"
      "prod schema: 2 0 0 0 / 2 0 0 0\n"
      "analytics check: 1 0 0 1 / 1 0 0 1\n";
  EXPECT_EQ(result.out.substr(0, expected_counts.size()), expected_counts) << result.out;
  // Attribute values survive escaping: the parser reads back the original text.
  EXPECT_NE(result.out.find("'table public.tmp_import' 'ignored by public.tmp_* "
                            "(.pgdriftignore:3: scratch tables)'"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("'function public.search(text, integer)' 'function "
                            "public.search(text, integer) differs: body is \\'select 1 where a < b "
                            "&& c > d\\' in the migrations but \\'select \"x\", "
                            "\\'\\'y\\'\\'\\r\\n\\' in the database'"),
            std::string::npos)
      << result.out;
}

TEST(CheckJunit, EscapesXml) {
  const struct {
    const char* text;
    const char* content;
    const char* attribute;
  } cases[] = {
      {"plain", "plain", "plain"},
      {"a & b < c > d", "a &amp; b &lt; c &gt; d", "a &amp; b &lt; c &gt; d"},
      {"\"x\" 'y'", "\"x\" 'y'", "&quot;x&quot; &apos;y&apos;"},
      {"line\nnext\ttab", "line\nnext\ttab", "line&#10;next&#9;tab"},
      {"cr\r", "cr&#13;", "cr&#13;"},
      {"bell\x07"
       "esc\x1b",
       "bell\xEF\xBF\xBD"
       "esc\xEF\xBF\xBD",
       "bell\xEF\xBF\xBD"
       "esc\xEF\xBF\xBD"},
      {"caf\xC3\xA9 \xE2\x86\x92", "caf\xC3\xA9 \xE2\x86\x92", "caf\xC3\xA9 \xE2\x86\x92"},
      {"bad\xC3(", "bad\xEF\xBF\xBD(", "bad\xEF\xBF\xBD("},
      {"surrogate\xED\xA0\x80", "surrogate\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
       "surrogate\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"]]>", "]]&gt;", "]]&gt;"},
  };
  for (const auto& test : cases) {
    SCOPED_TRACE(test.text);
    EXPECT_EQ(internal::XmlEscape(test.text, false), test.content);
    EXPECT_EQ(internal::XmlEscape(test.text, true), test.attribute);
  }
}

TEST(CheckJunit, RendersEachOutcome) {
  std::string xml = CheckJunit({testing::DriftedResult()});
  // A failing finding: a failure typed by its category, with before/after and file:line.
  EXPECT_NE(
      xml.find("<testcase classname=\"pgdrift.schema.table\" name=\"table public.audit_logs\" "
               "file=\"supabase/migrations/20240101000000_init.sql\" line=\"5\">\n"
               "      <failure message=\"table public.audit_logs is in the migrations but not "
               "in the database\" type=\"local_only\">"),
      std::string::npos)
      << xml;
  EXPECT_NE(xml.find("changed not_null: before (migrations) false, after (database) true\n"),
            std::string::npos);
  // Drift --fail-on does not select passes, with the drift in system-out.
  EXPECT_NE(xml.find("name=\"column public.orders.status\" "
                     "file=\"supabase/migrations/20240101000000_init.sql\" line=\"7\">\n"
                     "      <system-out>drift that --fail-on does not select\n"),
            std::string::npos)
      << xml;
  // Ignored findings are skipped.
  EXPECT_NE(xml.find("<skipped message=\"ignored by version 20240104* (--ignore)\"/>"),
            std::string::npos);
  // In-sync objects and applied versions pass.
  EXPECT_NE(xml.find("<testcase classname=\"pgdrift.schema.schema\" name=\"schema public\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<testcase classname=\"pgdrift.history.version\" "
                     "name=\"version 20231201000000\"/>"),
            std::string::npos);
  // History test cases follow version order, applied or not.
  EXPECT_LT(xml.find("name=\"version 20240105000000\""),
            xml.find("name=\"version 20240106000000\""));
  EXPECT_LT(xml.find("name=\"version 20231201000000\""),
            xml.find("name=\"version 20240101000000\""));
}

TEST(CheckJunit, ChainOnlyHasOnlyAChainSuite) {
  ProcessResult result = Summarize(CheckJunit({testing::ChainOnlyResult()}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find('\'')),
            "testsuites 3 2 0 0\nchain: 3 2 0 0 / 3 2 0 0\n");
}

TEST(CheckJunit, EmptyInputIsAnEmptyReport) {
  EXPECT_EQ(CheckJunit({}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"pgdrift check\" tests=\"0\" failures=\"0\" skipped=\"0\" "
            "errors=\"0\"/>\n");
}

// `pgdrift check --format junit` end to end: the demo chain against its drifted snapshot
// (no database server needed).
TEST(CheckJunit, CliMatchesGolden) {
  testing::CliResult result =
      testing::RunCli({"check", "--local", "testdata/demo", "--remote",
                       "testdata/demo/production-snapshot.json", "--format", "junit"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(testing::CompareGolden("testdata/ci-formats/cli_demo.xml", result.out), "");
  ProcessResult parsed = Summarize(result.out);
  EXPECT_EQ(parsed.exit_code, 0) << parsed.err;
}

}  // namespace
}  // namespace pgdrift::cli
