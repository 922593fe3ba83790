// GitHub Actions workflow commands for `pgdrift check`, escaped as GitHub's toolkit
// escapes them (actions/toolkit packages/core src/command.ts: property values %, CR, LF,
// ':' and ','; message data %, CR and LF), plus the Markdown job summary written to the
// file GITHUB_STEP_SUMMARY names.
#include "cli/check_github.h"

#include <cstdlib>
#include <fstream>
#include <string_view>

#include "base/plural.h"
#include "base/strings.h"

namespace pgdrift::cli {
namespace {

struct Counts {
  int failing = 0;
  int not_failing = 0;
  int ignored = 0;
};

Counts CountFindings(const CheckResult& check) {
  Counts counts;
  for (const Finding& finding : check.findings) {
    if (finding.ignored) {
      ++counts.ignored;
    } else if (finding.failing) {
      ++counts.failing;
    } else {
      ++counts.not_failing;
    }
  }
  return counts;
}

// The annotation's text: the message (which already names changed attributes and a
// version's detail), then what a one-sided table contains, a fallback location's note and
// the ignore rule, one per line.
std::string AnnotationMessage(const Finding& finding) {
  std::string out = finding.message;
  if (!finding.contains.empty()) StrAppend(&out, "\ncontains: ", StrJoin(finding.contains, ", "));
  if (finding.location_is_fallback) {
    StrAppend(&out, "\n(no local definition; shown at the newest migration)");
  }
  if (finding.ignored) StrAppend(&out, "\nignored by ", finding.ignored_by);
  return out;
}

std::string Command(std::string_view command, std::string_view file, int line,
                    std::string_view title, std::string_view message) {
  std::string out = StrCat("::", command, " ");
  std::vector<std::string> properties;
  if (!file.empty()) properties.push_back(StrCat("file=", internal::GithubEscapeProperty(file)));
  if (!file.empty() && line > 0) properties.push_back(StrCat("line=", line));
  properties.push_back(StrCat("title=", internal::GithubEscapeProperty(title)));
  StrAppend(&out, StrJoin(properties, ","), "::", internal::GithubEscapeData(message), "\n");
  return out;
}

// Escapes a Markdown table cell: '|' would end the cell and a newline the row.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out.append("\\|");
    } else if (c == '\n' || c == '\r') {
      out.append(" ");
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string RemoteName(const CheckResult& check) {
  return check.remote.empty() ? std::string("migration chain") : check.remote;
}

}  // namespace

namespace internal {

std::string GithubEscapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out.append("%25");
        break;
      case '\r':
        out.append("%0D");
        break;
      case '\n':
        out.append("%0A");
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string GithubEscapeProperty(std::string_view text) {
  std::string out;
  for (char c : GithubEscapeData(text)) {
    switch (c) {
      case ':':
        out.append("%3A");
        break;
      case ',':
        out.append("%2C");
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string GithubStepSummary(const std::vector<CheckResult>& results) {
  std::string out = "## pgdrift check\n\n| Database | Result | Failing | Not failing | Ignored |\n";
  StrAppend(&out, "| --- | --- | ---: | ---: | ---: |\n");
  for (const CheckResult& check : results) {
    Counts counts = CountFindings(check);
    std::string result;
    if (check.exit_code == 2) {
      result = StrCat("error: ", check.error);
    } else if (counts.failing > 0) {
      result = "drift (failing)";
    } else if (counts.not_failing > 0) {
      result = "drift (not failing)";
    } else {
      result = "in sync";
    }
    StrAppend(&out, "| ", Cell(RemoteName(check)), " | ", Cell(result), " | ", counts.failing,
              " | ", counts.not_failing, " | ", counts.ignored, " |\n");
  }
  bool any_finding = false;
  for (const CheckResult& check : results) any_finding = any_finding || !check.findings.empty();
  if (any_finding) {
    StrAppend(&out, "\n| Database | Level | Category | Finding | Location |\n",
              "| --- | --- | --- | --- | --- |\n");
    for (const CheckResult& check : results) {
      for (const Finding& finding : check.findings) {
        std::string level = finding.ignored   ? "ignored"
                            : finding.failing ? "failing"
                                              : "not failing";
        std::string location = finding.file;
        if (!location.empty() && finding.line > 0) StrAppend(&location, ":", finding.line);
        StrAppend(&out, "| ", Cell(RemoteName(check)), " | ", level, " | ", Cell(finding.category),
                  " | ", Cell(finding.message), " | ",
                  location.empty() ? std::string() : StrCat("`", Cell(location), "`"), " |\n");
      }
    }
  }
  return out;
}

}  // namespace internal

std::string CheckGithub(const std::vector<CheckResult>& results) {
  std::string out;
  bool several = results.size() > 1;
  Counts total;
  int errors = 0;
  int drifted = 0;
  for (const CheckResult& check : results) {
    std::string on_remote = several ? StrCat(" on ", RemoteName(check)) : std::string();
    if (check.exit_code == 2) {
      ++errors;
      StrAppend(&out, Command("error", "", 0, StrCat("pgdrift check failed", on_remote),
                              check.error.empty() ? std::string("the check failed") : check.error));
      continue;
    }
    for (const Finding& finding : check.findings) {
      std::string_view command = finding.ignored ? "notice" : finding.failing ? "error" : "warning";
      std::string title = StrCat("pgdrift ", finding.category, on_remote);
      if (finding.ignored) StrAppend(&title, " (ignored)");
      StrAppend(&out,
                Command(command, finding.file, finding.line, title, AnnotationMessage(finding)));
    }
    Counts counts = CountFindings(check);
    if (counts.failing + counts.not_failing > 0) ++drifted;
    total.failing += counts.failing;
    total.not_failing += counts.not_failing;
    total.ignored += counts.ignored;
  }
  std::string summary;
  if (several) {
    summary = StrCat("pgdrift check of ", Plural(static_cast<int>(results.size()), "database"),
                     " (", static_cast<int>(results.size()) - drifted - errors, " in sync, ",
                     drifted, " drifted, ", Plural(errors, "error"), ")");
  } else {
    summary = StrCat("pgdrift check of ",
                     results.empty() ? std::string("nothing") : RemoteName(results.front()));
  }
  if (!several && errors > 0) {
    StrAppend(&summary, ": error");
  } else if (total.failing + total.not_failing + total.ignored == 0) {
    StrAppend(&summary, ": in sync");
  } else {
    StrAppend(&summary, ": ", total.failing, " failing, ", total.not_failing, " not failing, ",
              total.ignored, " ignored");
  }
  StrAppend(&out, summary, "\n");

  const char* step_summary = std::getenv("GITHUB_STEP_SUMMARY");
  if (step_summary != nullptr && *step_summary != '\0') {
    std::ofstream file(step_summary, std::ios::app | std::ios::binary);
    file << internal::GithubStepSummary(results);
  }
  return out;
}

}  // namespace pgdrift::cli
