#include "introspect/connection_string.h"

#include <map>
#include <string>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::introspect {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;

EnvLookup FakeEnv(std::map<std::string, std::string> values) {
  return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
    auto it = values.find(std::string(name));
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

TEST(RedactConnectionString, HidesEveryPassword) {
  struct Case {
    std::string input;
    std::string expected;
  };
  const Case cases[] = {
      {"postgresql://app:s3cret@db.example.com:5432/app",
       "postgresql://app:***@db.example.com:5432/app"},
      {"postgres://postgres:p%40ss@localhost/postgres?sslmode=require",
       "postgres://postgres:***@localhost/postgres?sslmode=require"},
      {"postgresql://app@db/app", "postgresql://app@db/app"},
      {"postgresql://db/app?user=app&password=s3cret&sslmode=require",
       "postgresql://db/app?user=app&password=***&sslmode=require"},
      {"postgresql://db/app?sslpassword=keypass", "postgresql://db/app?sslpassword=***"},
      {"postgresql://db/app?password=s3c@ret&user=x", "postgresql://db/app?password=***&user=x"},
      {"postgresql://db:5432/app?password=s3c@ret", "postgresql://db:***"},
      {"postgresql://app:s3cret@db/app?pass%77ord=s3cret",
       "postgresql://app:***@db/app?pass%77ord=***"},
      // A raw '@' or '/' in the password is against the URI syntax; it still must not show.
      {"postgresql://app:p@ss@db/app", "postgresql://app:***@db/app"},
      {"postgresql://app:pa/ss@db/app", "postgresql://app:***@db/app"},
      {"postgresql://app:pa/s?s@db/app", "postgresql://app:***@db/app"},
      // Without user info, an '@' in a query parameter hides too much rather than too little.
      {"postgresql://db:5432/app?application_name=a@b", "postgresql://db:***@b"},
      {"host=db port=5432 password=s3cret dbname=app", "host=db port=5432 password=*** dbname=app"},
      {"host=db password = 's3 cr\\'et' user=app", "host=db password = *** user=app"},
      {"PASSWORD=s3cret", "PASSWORD=***"},
      {"sslpassword=keypass host=db", "sslpassword=*** host=db"},
      {"host=db password='unterminated secret", "host=db password=***"},
      {"host=db password s3cret", "host=db password ***"},
      {"dbname='postgresql://u:pw@h/db' connect_timeout=5",
       "dbname='postgresql://u:***@h/db' connect_timeout=5"},
      {"dbname='host=h password=pw'", "dbname='host=h password=***'"},
      {"", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    std::string redacted = RedactConnectionString(c.input);
    EXPECT_EQ(redacted, c.expected);
    for (std::string_view secret : {"s3cret", "p%40ss", "keypass", "s3 cr"}) {
      EXPECT_THAT(redacted, Not(HasSubstr(std::string(secret))));
    }
  }
}

TEST(ParseConnectionString, ReadsUriParts) {
  struct Case {
    std::string input;
    std::map<std::string, std::string> expected;
  };
  const Case cases[] = {
      {"postgresql://app:s3cret@db.example.com:6543/app_db?sslmode=require",
       {{"user", "app"},
        {"password", "s3cret"},
        {"host", "db.example.com"},
        {"port", "6543"},
        {"dbname", "app_db"},
        {"sslmode", "require"}}},
      {"postgres://p%40stgres:p%2Fss@[::1]:5433/my%20db",
       {{"user", "p@stgres"},
        {"password", "p/ss"},
        {"host", "::1"},
        {"port", "5433"},
        {"dbname", "my db"}}},
      {"postgresql://host1:5432,host2:5433/app",
       {{"host", "host1,host2"}, {"port", "5432,5433"}, {"dbname", "app"}}},
      {"postgresql:///app?host=%2Frun%2Fapp&port=6000",
       {{"host", "/run/app"}, {"port", "6000"}, {"dbname", "app"}}},
      {"postgresql://", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    PGDRIFT_ASSERT_OK_AND_ASSIGN(auto parsed, ParseConnectionString(c.input));
    EXPECT_EQ(parsed, c.expected);
  }
}

TEST(ParseConnectionString, ReadsConninfoPairs) {
  PGDRIFT_ASSERT_OK_AND_ASSIGN(
      auto parsed, ParseConnectionString(
                       "host=/run/pg port = 5432 dbname='my db' password='it\\'s' user=a\\ b"));
  EXPECT_EQ(parsed, (std::map<std::string, std::string>{{"host", "/run/pg"},
                                                        {"port", "5432"},
                                                        {"dbname", "my db"},
                                                        {"password", "it's"},
                                                        {"user", "a b"}}));
  PGDRIFT_ASSERT_OK_AND_ASSIGN(auto empty, ParseConnectionString("  "));
  EXPECT_TRUE(empty.empty());
}

TEST(ParseConnectionString, RejectsWhatLibpqRejectsWithoutShowingThePassword) {
  struct Case {
    std::string input;
    std::string message;
  };
  const Case cases[] = {
      {"host=db s3cret", "missing \"=\" after a keyword in connection info string"},
      {"host=db password='s3cret", "unterminated quoted string"},
      {"postgresql://u:s3cret@[::1/db", "missing \"]\""},
      {"postgresql://u:s3cret@db/app?password", "missing \"=\" in query parameter \"***\""},
      {"postgresql://u:s3cret%zz@db/app", "invalid percent-encoded password"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    absl::StatusOr<std::map<std::string, std::string>> parsed = ParseConnectionString(c.input);
    EXPECT_THAT(parsed, StatusIs(absl::StatusCode::kInvalidArgument, c.message));
    EXPECT_THAT(std::string(parsed.status().message()), Not(HasSubstr("s3cret")));
  }
}

TEST(IsConnectionString, RecognisesUrisAndConninfo) {
  struct Case {
    std::string input;
    bool expected;
  };
  const Case cases[] = {
      {"postgres://db/app", true},     {"postgresql://db/app", true},
      {"host=db dbname=app", true},    {" dbname = app", true},
      {"supabase/migrations", false},  {"schema.sql", false},
      {"mysql://db/app", false},       {"", false},
      {"./host=odd-directory", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(IsConnectionString(c.input), c.expected);
  }
}

TEST(TargetOf, AppliesStringThenEnvironmentThenDefaults) {
  EnvLookup env = FakeEnv({{"PGHOST", "envhost"}, {"PGPORT", "6000"}, {"PGUSER", "envuser"}});
  ConnectionTarget from_string =
      TargetOf({{"host", "db"}, {"port", "5433"}, {"dbname", "app"}, {"user", "u"}}, env);
  EXPECT_EQ(from_string.host, "db");
  EXPECT_EQ(from_string.port, "5433");
  EXPECT_EQ(from_string.database, "app");
  EXPECT_EQ(from_string.user, "u");

  ConnectionTarget from_env = TargetOf({}, env);
  EXPECT_EQ(from_env.host, "envhost");
  EXPECT_EQ(from_env.port, "6000");
  EXPECT_EQ(from_env.user, "envuser");
  EXPECT_EQ(from_env.database, "envuser");  // libpq: dbname defaults to the user name

  ConnectionTarget defaults = TargetOf({{"user", "u"}}, FakeEnv({}));
  EXPECT_EQ(defaults.host, "/var/run/postgresql");
  EXPECT_EQ(defaults.port, "5432");
  EXPECT_EQ(defaults.database, "u");
}

TEST(TargetOf, DescribesANestedConnectionStringInDbname) {
  ConnectionTarget target =
      TargetOf({{"dbname", "postgresql://u:pw@nested:7000/inner"}}, FakeEnv({}));
  EXPECT_EQ(target.host, "nested");
  EXPECT_EQ(target.port, "7000");
  EXPECT_EQ(target.database, "inner");
  EXPECT_EQ(target.Describe(), "database \"inner\" on host \"nested\", port 7000 (user \"u\")");
}

}  // namespace
}  // namespace pgdrift::introspect
