#include "parser/sql_file.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::parser {
namespace {

using ::testing::ElementsAreArray;

// "line:severity:message" for each diagnostic, so a table row reads like the output.
std::vector<std::string> Findings(const DiagnosticSink& sink) {
  std::vector<std::string> findings;
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    findings.push_back(std::to_string(diagnostic.span.line) + ":" +
                       std::string(SeverityName(diagnostic.severity)) + ":" + diagnostic.message);
  }
  return findings;
}

TEST(SqlFile, NotesTheMetaCommandsEveryDumpHasAndWarnsAboutOthers) {
  struct Case {
    std::string name;
    std::string sql;
    std::vector<std::string> findings;
    size_t statements;
  };
  const std::string restrict_note =
      "note:psql meta-command \\restrict skipped (pg_dump's restrict key, no SQL)";
  const std::string unrestrict_note =
      "note:psql meta-command \\unrestrict skipped (pg_dump's restrict key, no SQL)";
  const std::string connect_note =
      "note:psql meta-command \\connect skipped (the script's own database)";
  std::vector<Case> cases = {
      {"pg_dump 15.14 restrict key",
       "\\restrict AbC123\nCREATE TABLE t (a int);\n\\unrestrict AbC123\n",
       {"1:" + restrict_note, "3:" + unrestrict_note},
       1},
      {"pg_dump --create",
       "CREATE DATABASE app;\n\\connect app\nCREATE TABLE t (a int);\n",
       {"2:" + connect_note},
       2},
      {"the same database twice, spelled as pg_dump quotes it",
       "\\connect \"App\"\nCREATE TABLE t (a int);\n"
       "\\connect -reuse-previous=on \"App\"\n",
       {"1:" + connect_note, "3:" + connect_note},
       1},
      {"a second database",
       "\\connect app\nCREATE TABLE t (a int);\n\\c other\nCREATE TABLE u (a int);\n",
       {"1:" + connect_note,
        "3:warning:psql meta-command \\c to another database skipped (its statements are "
        "replayed into the same model)"},
       2},
      {"other meta-commands",
       "\\set ON_ERROR_STOP on\nCREATE TABLE t (a int);\n\\i other.sql\n",
       {"1:warning:psql meta-command \\set skipped (only SQL is replayed)",
        "3:warning:psql meta-command \\i skipped (only SQL is replayed)"},
       1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DiagnosticSink sink;
    ParsedFile parsed = ParseSqlFile(SourceFile{"dump.sql", c.sql}, &sink);
    EXPECT_THAT(Findings(sink), ElementsAreArray(c.findings));
    EXPECT_EQ(parsed.statements.size(), c.statements);
    EXPECT_EQ(parsed.syntax_errors, 0);
  }
}

}  // namespace
}  // namespace pgdrift::parser
