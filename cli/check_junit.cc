// JUnit XML for `pgdrift check`, in the subset Jenkins' JUnit plugin and GitLab's test
// report parser both read: testsuites > testsuite > testcase with failure, skipped,
// error and system-out. Every text is escaped for XML 1.0, and characters XML 1.0 cannot
// carry at all (most control characters, invalid UTF-8) become U+FFFD.
#include "cli/check_junit.h"

#include <algorithm>
#include <string_view>

#include "base/strings.h"
#include "diff/history_diff.h"

namespace pgdrift::cli {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at the start of `text`, or 0 when it is not one
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
size_t Utf8SequenceLength(std::string_view text) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  auto continuation = [&](size_t i) { return i < text.size() && (byte(i) & 0xC0) == 0x80; };
  unsigned char first = byte(0);
  if (first < 0x80) return 1;
  if (first >= 0xC2 && first <= 0xDF) return continuation(1) ? 2 : 0;
  if (first >= 0xE0 && first <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (first == 0xE0 && byte(1) < 0xA0) return 0;                      // overlong
    if (first == 0xED && byte(1) >= 0xA0) return 0;                     // surrogate
    if (first == 0xEF && byte(1) == 0xBF && byte(2) >= 0xBE) return 0;  // U+FFFE, U+FFFF
    return 3;
  }
  if (first >= 0xF0 && first <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    if (first == 0xF0 && byte(1) < 0x90) return 0;   // overlong
    if (first == 0xF4 && byte(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// One <testcase>, already rendered, with what the suite counts.
struct TestCase {
  std::string xml;
  bool failure = false;
  bool skipped = false;
  bool error = false;
};

struct Suite {
  std::string name;
  std::vector<TestCase> cases;

  int Count(bool TestCase::*flag) const {
    return static_cast<int>(std::count_if(cases.begin(), cases.end(),
                                          [&](const TestCase& test) { return test.*flag; }));
  }
};

std::string Attribute(std::string_view name, std::string_view value) {
  return StrCat(" ", name, "=\"", internal::XmlEscape(value, true), "\"");
}

// What a finding says beyond its message: the attribute changes before (migrations) and
// after (database), what a one-sided table holds, where it points.
std::string Details(const Finding& finding) {
  std::string out = StrCat(finding.message, "\n", "category: ", finding.category, "\n",
                           "identity: ", finding.identity, "\n");
  for (const diff::AttributeChange& change : finding.changes) {
    StrAppend(&out, "changed ", change.attribute, ": before (migrations) ",
              diff::ValueToString(change.local), ", after (database) ",
              diff::ValueToString(change.remote), "\n");
  }
  if (!finding.contains.empty())
    StrAppend(&out, "contains: ", StrJoin(finding.contains, ", "), "\n");
  if (!finding.file.empty()) {
    StrAppend(&out, "at: ", finding.file);
    if (finding.line > 0) StrAppend(&out, ":", finding.line);
    if (finding.location_is_fallback)
      StrAppend(&out, " (no local definition; the newest migration)");
    StrAppend(&out, "\n");
  }
  return out;
}

std::string CaseOpen(std::string_view classname, std::string_view name, std::string_view file,
                     int line) {
  std::string out =
      StrCat("    <testcase", Attribute("classname", classname), Attribute("name", name));
  if (!file.empty()) StrAppend(&out, Attribute("file", file));
  if (line > 0) StrAppend(&out, Attribute("line", std::to_string(line)));
  return out;
}

TestCase FindingCase(std::string_view classname, const Finding& finding) {
  TestCase test;
  std::string out = CaseOpen(classname, finding.identity, finding.file, finding.line);
  std::string body = internal::XmlEscape(Details(finding), false);
  if (finding.ignored) {
    test.skipped = true;
    StrAppend(&out, ">\n      <skipped",
              Attribute("message", StrCat("ignored by ", finding.ignored_by)), "/>\n",
              "      <system-out>", body, "</system-out>\n    </testcase>\n");
  } else if (finding.failing) {
    test.failure = true;
    StrAppend(&out, ">\n      <failure", Attribute("message", finding.message),
              Attribute("type", finding.category), ">", body, "</failure>\n    </testcase>\n");
  } else {
    StrAppend(&out, ">\n      <system-out>",
              internal::XmlEscape(
                  StrCat("drift that --fail-on does not select\n", Details(finding)), false),
              "</system-out>\n    </testcase>\n");
  }
  test.xml = std::move(out);
  return test;
}

TestCase PassingCase(std::string_view classname, std::string_view name) {
  return TestCase{StrCat(CaseOpen(classname, name, "", 0), "/>\n")};
}

// "table public.orders" → "table".
std::string KindWord(std::string_view identity) {
  size_t space = identity.find(' ');
  return std::string(space == std::string_view::npos ? std::string_view("object")
                                                     : identity.substr(0, space));
}

std::string SuiteName(const CheckResult& check, std::string_view part) {
  return check.remote.empty() ? std::string(part) : StrCat(check.remote, " ", part);
}

// The version a history finding is about, for ordering.
std::string VersionOf(const Finding& finding) {
  if (finding.version.has_value()) return finding.version->version;
  std::string_view identity = finding.identity;
  if (identity.substr(0, 8) == "version ") identity.remove_prefix(8);
  return std::string(identity);
}

void AddSuitesFor(const CheckResult& check, std::vector<Suite>* suites) {
  if (check.exit_code == 2) {
    Suite suite{SuiteName(check, "check"), {}};
    TestCase test;
    test.error = true;
    std::string message = check.error.empty() ? std::string("the check failed") : check.error;
    test.xml =
        StrCat(CaseOpen("pgdrift.check", check.remote.empty() ? "chain" : check.remote, "", 0),
               ">\n      <error", Attribute("message", message), Attribute("type", "error"), ">",
               internal::XmlEscape(StrCat(message, "\n"), false), "</error>\n    </testcase>\n");
    suite.cases.push_back(std::move(test));
    suites->push_back(std::move(suite));
    return;
  }
  std::vector<const Finding*> objects, versions, files;
  for (const Finding& finding : check.findings) {
    switch (finding.subject) {
      case FindingSubject::kObject:
        objects.push_back(&finding);
        break;
      case FindingSubject::kVersion:
        versions.push_back(&finding);
        break;
      case FindingSubject::kChainFile:
        files.push_back(&finding);
        break;
    }
  }
  if (!check.remote.empty() || !objects.empty() || !check.in_sync_objects.empty()) {
    Suite suite{SuiteName(check, "schema"), {}};
    for (const Finding* finding : objects) {
      suite.cases.push_back(FindingCase(StrCat("pgdrift.schema.", finding->kind), *finding));
    }
    for (const std::string& identity : check.in_sync_objects) {
      suite.cases.push_back(PassingCase(StrCat("pgdrift.schema.", KindWord(identity)), identity));
    }
    suites->push_back(std::move(suite));
  }
  if (check.history_compared || !versions.empty() || !check.applied_versions.empty()) {
    // Findings and applied versions together, in the order the migration tool applies them.
    struct Entry {
      std::string version;
      const Finding* finding;
    };
    std::vector<Entry> entries;
    for (const Finding* finding : versions) entries.push_back({VersionOf(*finding), finding});
    for (const std::string& version : check.applied_versions) entries.push_back({version, nullptr});
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return diff::VersionLess(a.version, b.version);
    });
    Suite suite{SuiteName(check, "history"), {}};
    for (const Entry& entry : entries) {
      suite.cases.push_back(
          entry.finding != nullptr
              ? FindingCase("pgdrift.history.version", *entry.finding)
              : PassingCase("pgdrift.history.version", StrCat("version ", entry.version)));
    }
    suites->push_back(std::move(suite));
  }
  if (check.remote.empty() || !files.empty()) {
    Suite suite{SuiteName(check, "chain"), {}};
    for (const Finding* finding : files) {
      suite.cases.push_back(FindingCase("pgdrift.chain.file", *finding));
    }
    suites->push_back(std::move(suite));
  }
}

std::string Counts(int tests, int failures, int skipped, int errors) {
  return StrCat(
      Attribute("tests", std::to_string(tests)), Attribute("failures", std::to_string(failures)),
      Attribute("skipped", std::to_string(skipped)), Attribute("errors", std::to_string(errors)));
}

}  // namespace

namespace internal {

std::string XmlEscape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    size_t length = Utf8SequenceLength(text.substr(i));
    if (length == 0) {
      out.append(kReplacement);
      ++i;
      continue;
    }
    if (length > 1) {
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    ++i;
    switch (c) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '"':
        out.append(attribute ? "&quot;" : "\"");
        break;
      case '\'':
        out.append(attribute ? "&apos;" : "'");
        break;
      case '\t':
        out.append(attribute ? "&#9;" : "\t");
        break;
      case '\n':
        out.append(attribute ? "&#10;" : "\n");
        break;
      case '\r':
        // A literal CR would be normalised away by every XML parser.
        out.append("&#13;");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out.append(kReplacement);  // XML 1.0 has no way to carry other C0 controls
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

}  // namespace internal

std::string CheckJunit(const std::vector<CheckResult>& results) {
  std::vector<Suite> suites;
  for (const CheckResult& check : results) AddSuitesFor(check, &suites);
  int tests = 0, failures = 0, skipped = 0, errors = 0;
  std::string body;
  for (const Suite& suite : suites) {
    int suite_failures = suite.Count(&TestCase::failure);
    int suite_skipped = suite.Count(&TestCase::skipped);
    int suite_errors = suite.Count(&TestCase::error);
    int suite_tests = static_cast<int>(suite.cases.size());
    tests += suite_tests;
    failures += suite_failures;
    skipped += suite_skipped;
    errors += suite_errors;
    StrAppend(&body, "  <testsuite", Attribute("name", suite.name),
              Counts(suite_tests, suite_failures, suite_skipped, suite_errors));
    if (suite.cases.empty()) {
      StrAppend(&body, "/>\n");
      continue;
    }
    StrAppend(&body, ">\n");
    for (const TestCase& test : suite.cases) StrAppend(&body, test.xml);
    StrAppend(&body, "  </testsuite>\n");
  }
  std::string out =
      StrCat("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites",
             Attribute("name", "pgdrift check"), Counts(tests, failures, skipped, errors));
  if (suites.empty()) return StrCat(out, "/>\n");
  return StrCat(out, ">\n", body, "</testsuites>\n");
}

}  // namespace pgdrift::cli
