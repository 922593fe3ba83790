#include "planner/ddl_printer.h"

#include <map>
#include <string>

#include "gtest/gtest.h"

namespace pgdrift::planner {
namespace {

TEST(DdlPrinter, QuotesQualifiedNamesOnlyWhenNeeded) {
  struct Case {
    model::QualifiedName name;
    std::string expected;
  };
  const Case cases[] = {
      {{"public", "orders"}, "public.orders"},
      {{"public", "order"}, "public.\"order\""},
      {{"Sales", "Order Items"}, "\"Sales\".\"Order Items\""},
      {{"app", "say \"hi\""}, "app.\"say \"\"hi\"\"\""},
      {{"app", "commandes_été"}, "app.\"commandes_été\""},
      {{"", "t"}, "t"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expected);
    EXPECT_EQ(QualifiedSql(c.name), c.expected);
  }
}

TEST(DdlPrinter, PrintsNamesKeptAsText) {
  struct Case {
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {"text_pattern_ops", "text_pattern_ops"},
      {"extensions.gist_trgm_ops", "extensions.gist_trgm_ops"},
      {"MyOps", "\"MyOps\""},
      {"My Schema.ops", "\"My Schema\".ops"},
      {"pg_catalog.\"C\"", "pg_catalog.\"C\""},
      {"\"de_DE\"", "\"de_DE\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(NameTextSql(c.text), c.expected);
  }
}

TEST(DdlPrinter, PrintsTypeNames) {
  EXPECT_EQ(TypeSql(model::TypeRef::Builtin("character varying(20)", true)),
            "character varying(20)[]");
  EXPECT_EQ(TypeSql(model::TypeRef{"My Schema", "Mood", false}), "\"My Schema\".\"Mood\"");
}

TEST(DdlPrinter, PrintsOptionValues) {
  struct Case {
    std::string value;
    std::string expected;
  };
  const Case cases[] = {
      {"70", "70"},        {"-1.5", "-1.5"},       {"off", "off"},   {"true", "true"},
      {"lz4", "lz4"},      {"en_US", "'en_US'"},   {"a b", "'a b'"}, {"", "''"},
      {"it's", "'it''s'"}, {"select", "'select'"}, {"1e5", "'1e5'"}, {"1.2.3", "'1.2.3'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(OptionValueSql(c.value), c.expected);
  }
}

TEST(DdlPrinter, PrintsOptionListsInKeyOrder) {
  std::map<std::string, std::string> options = {
      {"toast.autovacuum_enabled", "false"}, {"fillfactor", "70"}, {"autovacuum_enabled", "off"}};
  EXPECT_EQ(WithClauseSql(options),
            " WITH (autovacuum_enabled=off, fillfactor=70, toast.autovacuum_enabled=false)");
  EXPECT_EQ(OptionListSql({{"fillfactor", "70"}}), "(fillfactor=70)");
  EXPECT_EQ(WithClauseSql({}), "");
  EXPECT_EQ(OptionListSql({}), "");
}

TEST(DdlPrinter, PrintsCommentsAndOwners) {
  EXPECT_EQ(CommentSql("TABLE public.t", "it's here"),
            "COMMENT ON TABLE public.t IS 'it''s here';");
  EXPECT_EQ(CommentSql("TABLE public.t", "C:\\path"),
            "COMMENT ON TABLE public.t IS E'C:\\\\path';");
  EXPECT_EQ(CommentSql("TABLE public.t", ""), "COMMENT ON TABLE public.t IS NULL;");
  EXPECT_EQ(OwnerSql("TABLE", "public.t", "App Owner"),
            "ALTER TABLE public.t OWNER TO \"App Owner\";");
  EXPECT_EQ(Statement("SELECT 1"), "SELECT 1;");
}

TEST(DdlPrinter, DecidesWhenAnOwnerNeedsPrinting) {
  EXPECT_FALSE(NeedsOwnerSql("", "postgres"));
  EXPECT_FALSE(NeedsOwnerSql("postgres", "postgres"));
  EXPECT_TRUE(NeedsOwnerSql("app_owner", "postgres"));
}

TEST(DdlPrinter, ParenthesizesDefaultsTheRestrictedGrammarRejects) {
  struct Case {
    std::string expression;
    std::string expected;
  };
  const Case cases[] = {
      {"now()", "now()"},
      {"'new'::text", "'new'::text"},
      {"(0)::numeric + 1", "(0)::numeric + 1"},
      {"'now'::timestamp with time zone", "'now'::timestamp with time zone"},
      {"now() AT TIME ZONE 'utc'::text", "(now() AT TIME ZONE 'utc'::text)"},
      {"a IS NULL", "(a IS NULL)"},
      {"NOT flag", "(NOT flag)"},
      {"x = ANY (ARRAY[1, 2])", "(x = ANY (ARRAY[1, 2]))"},
      {"'a'::text COLLATE \"C\"", "('a'::text COLLATE \"C\")"},
      {"f(a AND b)", "f(a AND b)"},
      {"ARRAY[a OR b]", "ARRAY[a OR b]"},
      {"'x and y'::text", "'x and y'::text"},
      {"'it''s or'::text", "'it''s or'::text"},
      {"E'\\' or'::text", "E'\\' or'::text"},
      {"\"and\"", "\"and\""},
      {"notary_id", "notary_id"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expression);
    EXPECT_EQ(DefaultExpressionSql(c.expression), c.expected);
  }
}

TEST(DdlPrinter, ParenthesizesIndexExpressionsThatAreNotCalls) {
  struct Case {
    std::string expression;
    std::string expected;
  };
  const Case cases[] = {
      {"lower(email)", "lower(email)"},
      {"public.f(a, (b))", "public.f(a, (b))"},
      {"coalesce(a, b)", "coalesce(a, b)"},
      {"a + b", "(a + b)"},
      {"lower(email)::text", "(lower(email)::text)"},
      {"f(a) || g(b)", "(f(a) || g(b))"},
      {"f(')') ", "(f(')') )"},
      {"f(')')", "f(')')"},
      {"\"F\"(a)", "(\"F\"(a))"},
      {"(a)", "((a))"},
      {"row(a, b)", "(row(a, b))"},
      {"date_trunc('day'::text, created_at)", "date_trunc('day'::text, created_at)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expression);
    EXPECT_EQ(IndexExpressionSql(c.expression), c.expected);
  }
}

TEST(LiteralArraysAsInLists, WritesLiteralArraysAsInLists) {
  EXPECT_EQ(LiteralArraysAsInLists("CREATE INDEX i ON public.t USING btree (a) WHERE (stage = ANY(ARRAY['new', 'it''s']));"),
            "CREATE INDEX i ON public.t USING btree (a) WHERE (stage IN ('new', 'it''s'));");
  EXPECT_EQ(LiteralArraysAsInLists("CHECK (status <> ALL(ARRAY['a', 'b']) AND n = ANY(ARRAY['c']))"),
            "CHECK (status NOT IN ('a', 'b') AND n IN ('c'))");
}

TEST(LiteralArraysAsInLists, LeavesOtherArraysAlone) {
  for (const char* sql : {"CHECK (n = ANY(ARRAY[1, 2]))", "CHECK (tags = ARRAY['a'])",
                          "CHECK (s = ANY(ARRAY['a'::text, 'b'::text]))", "CHECK (s = ANY(p))"}) {
    EXPECT_EQ(LiteralArraysAsInLists(sql), sql);
  }
}

}  // namespace
}  // namespace pgdrift::planner
