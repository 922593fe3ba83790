#include "testing/postgres_server.h"

#include "base/identifier.h"
#include "base/strings.h"
#include "base/testing/status_matchers.h"
#include "gtest/gtest.h"

namespace pgdrift::testing {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;

TEST(IntegrationPostgresServer, CreatesDatabasesAndRunsSql) {
  PostgresServer& server = PostgresServer::Shared();
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string database, server.CreateDatabase("fixture"));
  ASSERT_THAT(server.RunSql(database, "create table t (id int primary key);"), IsOk());
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string version, server.Query(database, "show server_version_num"));
  EXPECT_TRUE(version.starts_with("15")) << version;
  PGDRIFT_ASSERT_OK_AND_ASSIGN(std::string dump, server.DumpSchema(database));
  EXPECT_NE(dump.find("CREATE TABLE public.t"), std::string::npos) << dump;
  EXPECT_THAT(server.RunSql(database, "select * from missing_table"),
              StatusIs(absl::StatusCode::kInvalidArgument, "missing_table"));
  EXPECT_THAT(server.DropDatabase(database), IsOk());
}

// The server is the oracle for which words quote_ident quotes.
TEST(IntegrationPostgresServer, QuotedKeywordsMatchPgGetKeywords) {
  PostgresServer& server = PostgresServer::Shared();
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      std::string rows, server.Query("postgres", "select word, catcode from pg_get_keywords() order by word"));
  int checked = 0;
  for (const std::string& row : StrSplit(rows, '\n')) {
    if (row.empty()) continue;
    std::vector<std::string> fields = StrSplit(row, '|');
    ASSERT_EQ(fields.size(), 2u) << row;
    SCOPED_TRACE(fields[0]);
    EXPECT_EQ(IsQuotedKeyword(fields[0]), fields[1] != "U");
    ++checked;
  }
  EXPECT_GT(checked, 400);
}

TEST(IntegrationPostgresServer, QuoteIdentMatchesServer) {
  PostgresServer& server = PostgresServer::Shared();
  const std::vector<std::string> names = {"orders", "Orders", "order", "my table", "a\"b",
                                          "1abc",   "_x1",    "café",  "user",     "name"};
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    PGDRIFT_ASSERT_OK_AND_ASSIGN(
        std::string quoted, server.Query("postgres", StrCat("select quote_ident(", QuoteLiteral(name), ")")));
    EXPECT_EQ(std::string(Trim(quoted)), QuoteIdent(name));
  }
}

}  // namespace
}  // namespace pgdrift::testing
