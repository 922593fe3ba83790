#include "parser/normalize.h"

#include <memory>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parser/testing/transform_test_util.h"
#include "model/nextval.h"
#include "parser/parse_tree.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::MakeColumn;

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;

// public.t with one column per type the rules care about, public.mood, and the
// sequences nextval tests name.
model::Catalog TestCatalog() {
  model::Catalog catalog;
  catalog.schemas["public"].name = "public";
  model::UserType mood;
  mood.name = {"public", "mood"};
  mood.enum_values = {"happy", "sad"};
  catalog.types[mood.name] = mood;
  model::Table& t = catalog.tables[{"public", "t"}];
  t.name = {"public", "t"};
  using model::TypeRef;
  t.columns = {
      MakeColumn("status", TypeRef::Builtin("text")),
      MakeColumn("code", TypeRef::Builtin("character varying(20)")),
      MakeColumn("email", TypeRef::Builtin("character varying(100)")),
      MakeColumn("price", TypeRef::Builtin("numeric(10,2)")),
      MakeColumn("r", TypeRef::Builtin("real")),
      MakeColumn("d", TypeRef::Builtin("double precision")),
      MakeColumn("n", TypeRef::Builtin("integer")),
      MakeColumn("b", TypeRef::Builtin("bigint")),
      MakeColumn("m", TypeRef{"public", "mood", false}),
      MakeColumn("c3", TypeRef::Builtin("character(3)")),
      MakeColumn("tags", TypeRef::Builtin("text", true)),
      MakeColumn("g", TypeRef::Builtin("integer", true)),
      MakeColumn("created_at", TypeRef::Builtin("timestamp with time zone")),
      MakeColumn("flag", TypeRef::Builtin("boolean")),
      MakeColumn("qty", TypeRef{"public", "quantity", false}),
      MakeColumn("on_hand", TypeRef{"public", "quantity", false}),
      MakeColumn("currency", TypeRef::Builtin("character(3)")),
      MakeColumn("lead_time", TypeRef::Builtin("interval")),
      MakeColumn("quiet_from", TypeRef::Builtin("time without time zone")),
  };
  model::Domain& quantity = catalog.domains[{"public", "quantity"}];
  quantity.name = {"public", "quantity"};
  quantity.base_type = TypeRef::Builtin("integer");
  for (const char* name : {"orders_id_seq", "Orders_id_seq", "it's_seq"}) {
    model::Sequence& sequence = catalog.sequences[{"public", name}];
    sequence.name = {"public", name};
  }
  return catalog;
}

ExpressionContext TableContext(const model::Catalog& catalog) {
  ExpressionContext context;
  context.catalog = &catalog;
  context.table = {"", "t"};
  return context;
}

std::string Canonical(std::string_view text, const ExpressionContext& context) {
  absl::StatusOr<std::string> out = NormalizeExpressionText(text, context);
  EXPECT_THAT(out, IsOk()) << text;
  return out.ok() ? *out : "<error>";
}

// What a migration writes and what PostgreSQL 15's catalog prints for it (pg_get_expr /
// pg_get_constraintdef with an empty search_path) meet in one canonical text.
struct MeetCase {
  std::string authored;
  std::string catalog;
  std::string canonical;
};

void ExpectMeet(const std::vector<MeetCase>& cases, const ExpressionContext& context) {
  for (const MeetCase& c : cases) {
    SCOPED_TRACE(c.authored);
    EXPECT_EQ(Canonical(c.authored, context), c.canonical);
    EXPECT_EQ(Canonical(c.catalog, context), c.canonical);
  }
}

TEST(NormalizeExpression, CheckExpressionsMeetCatalogText) {
  model::Catalog catalog = TestCatalog();
  ExpectMeet(
      {
          {"status IN ('a', 'b')", "(status = ANY (ARRAY['a'::text, 'b'::text]))",
           "status = ANY(ARRAY['a', 'b'])"},
          {"code IN ('a','b')",
           "((code)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))",
           "code = ANY(ARRAY['a', 'b'])"},
          {"n NOT IN (1, 2)", "(n <> ALL (ARRAY[1, 2]))", "n <> ALL(ARRAY[1, 2])"},
          {"status NOT IN ('x','y')", "(status <> ALL (ARRAY['x'::text, 'y'::text]))",
           "status <> ALL(ARRAY['x', 'y'])"},
          {"n IN (1)", "(n = 1)", "n = 1"},
          {"n IN (1, b, 3)", "((n = ANY (ARRAY[1, 3])) OR (n = b))", "n = ANY(ARRAY[1, 3]) OR n = b"},
          {"n IN (1, b)", "((n = 1) OR (n = b))", "n = 1 OR n = b"},
          {"code = 'a'", "((code)::text = 'a'::text)", "code = 'a'"},
          {"char_length(email) <= 100", "(char_length((email)::text) <= 100)",
           "char_length(email) <= 100"},
          {"c3 <> 'zz'", "(c3 <> 'zz'::bpchar)", "c3 <> 'zz'"},
          {"m <> 'sad'", "(m <> 'sad'::public.mood)", "m <> 'sad'"},
          {"m IN ('happy', 'sad')", "(m = ANY (ARRAY['happy'::public.mood, 'sad'::public.mood]))",
           "m = ANY(ARRAY['happy', 'sad'])"},
          {"status = ANY('{a,b}')", "(status = ANY ('{a,b}'::text[]))", "status = ANY('{a,b}')"},
          {"g @> '{1}'", "(g @> '{1}'::integer[])", "g @> '{1}'"},
          {"1 = ANY(g)", "(1 = ANY (g))", "1 = ANY(g)"},
          {"coalesce(status, 'x') <> ''", "(COALESCE(status, 'x'::text) <> ''::text)",
           "COALESCE(status, 'x') <> ''"},
          {"status ~* '^[a-z\\.]+$'", "(status ~* '^[a-z\\.]+$'::text)", "status ~* E'^[a-z\\\\.]+$'"},
          {"status IS DISTINCT FROM 'x'", "(status IS DISTINCT FROM 'x'::text)",
           "status IS DISTINCT FROM 'x'"},
          {"flag = true", "(flag = true)", "flag = true"},
          {"(n + 1) > 2", "((n + 1) > 2)", "(n + 1) > 2"},
          {"t.n > 0", "(n > 0)", "n > 0"},
          {"public.t.n > 0", "(n > 0)", "n > 0"},
          {"('{}' || tags) IS NOT NULL", "(('{}'::text[] || tags) IS NOT NULL)", "'{}' || tags IS NOT NULL"},
          // A length limit truncates: that cast stays.
          {"code = 'abcdef'::varchar(2)", "((code)::text = ('abcdef'::character varying(2))::text)",
           "code = 'abcdef'::character varying(2)"},
          {"status LIKE 'a' ESCAPE '!'", "(status ~~ like_escape('a'::text, '!'::text))",
           "status ~~ like_escape('a', '!')"},
      },
      TableContext(catalog));
}

TEST(NormalizeExpression, NumericLiteralCastsMeetCatalogText) {
  model::Catalog catalog = TestCatalog();
  ExpectMeet(
      {
          {"price > 0", "(price > (0)::numeric)", "price > 0"},
          {"price > -1.5", "(price > '-1.5'::numeric)", "price > -1.5"},
          {"price >= 0.5 AND price < 100.25", "((price >= 0.5) AND (price < 100.25))",
           "price >= 0.5 AND price < 100.25"},
          {"r > 0", "(r > (0)::double precision)", "r > 0"},
          {"d > -1", "(d > ('-1'::integer)::double precision)", "d > -1"},
          {"n > -1", "(n > '-1'::integer)", "n > -1"},
          {"b > 10000000000", "(b > '10000000000'::bigint)", "b > 10000000000"},
          {"0 < price", "((0)::numeric < price)", "0 < price"},
          {"price * 2 < 100", "((price * (2)::numeric) < (100)::numeric)", "(price * 2) < 100"},
          {"r * 2 < 10.5", "((r * (2)::double precision) < (10.5)::double precision)", "(r * 2) < 10.5"},
          {"r + 1.5 > 0", "((r + (1.5)::double precision) > (0)::double precision)", "(r + 1.5) > 0"},
          {"b IN (1, 2)", "(b = ANY (ARRAY[(1)::bigint, (2)::bigint]))", "b = ANY(ARRAY[1, 2])"},
          {"coalesce(price, 0) >= 0", "(COALESCE(price, (0)::numeric) >= (0)::numeric)", "COALESCE(price, 0) >= 0"},
          {"extract(hour from created_at) < 12", "(EXTRACT(hour FROM created_at) < (12)::numeric)",
           "extract ('hour' FROM created_at) < 12"},
          // PostgreSQL casts the integer column, wherever the author put the cast.
          {"n * 1.5 > 3", "(((n)::numeric * 1.5) > (3)::numeric)", "(n * 1.5) > 3"},
          {"n + price > 0", "(((n)::numeric + price) > (0)::numeric)", "(n + price) > 0"},
          {"n / 3::numeric > 1", "(((n)::numeric / (3)::numeric) > (1)::numeric)", "(n::numeric / 3) > 1"},
          {"n::numeric / 3 > 1", "(((n)::numeric / (3)::numeric) > (1)::numeric)", "(n::numeric / 3) > 1"},
          // An integer meeting a real is compared as double precision (float84lt).
          {"n < r", "((n)::double precision < r)", "n < r"},
          {"length(status) < r", "((length(status))::double precision < r)", "length(status) < r"},
          {"to_timestamp(n) <= now()", "(to_timestamp((n)::double precision) <= now())", "to_timestamp(n) <= now()"},
      },
      TableContext(catalog));
}

TEST(NormalizeExpression, BetweenLikeAndCaseMeetCatalogText) {
  model::Catalog catalog = TestCatalog();
  ExpectMeet(
      {
          {"price BETWEEN 1 AND 5", "((price >= (1)::numeric) AND (price <= (5)::numeric))",
           "price >= 1 AND price <= 5"},
          {"n NOT BETWEEN 1 AND 2", "((n < 1) OR (n > 2))", "n < 1 OR n > 2"},
          {"price BETWEEN SYMMETRIC 1 AND 2",
           "(((price >= (1)::numeric) AND (price <= (2)::numeric)) OR ((price >= (2)::numeric) AND "
           "(price <= (1)::numeric)))",
           "(price >= 1 AND price <= 2) OR (price >= 2 AND price <= 1)"},
          {"status LIKE 'a%'", "(status ~~ 'a%'::text)", "status ~~ 'a%'"},
          {"status NOT ILIKE 'b%'", "(status !~~* 'b%'::text)", "status !~~* 'b%'"},
          {"email LIKE 'a%'", "((email)::text ~~ 'a%'::text)", "email ~~ 'a%'"},
          {"status SIMILAR TO 'a%'", "(status ~ similar_to_escape('a%'::text))",
           "status ~ similar_to_escape('a%')"},
          {"CASE WHEN status IS NULL THEN true END",
           "CASE WHEN (status IS NULL) THEN true ELSE NULL::boolean END",
           "CASE WHEN status IS NULL THEN true END"},
          {"NOT (n = 1 OR (n = 2 OR n = 3))", "(NOT ((n = 1) OR ((n = 2) OR (n = 3))))",
           "NOT (n = 1 OR n = 2 OR n = 3)"},
          {"(status, code) IN (('a', 'b'), ('c', 'd'))",
           "(((status = 'a'::text) AND ((code)::text = 'b'::text)) OR ((status = 'c'::text) AND "
           "((code)::text = 'd'::text)))",
           "(status = 'a' AND code = 'b') OR (status = 'c' AND code = 'd')"},
          {"(status, code) <> ('a', 'b')", "((status <> 'a'::text) OR ((code)::text <> 'b'::text))",
           "status <> 'a' OR code <> 'b'"},
          {"status IN ('a', NULL)", "(status = ANY (ARRAY['a'::text, NULL::text]))",
           "status = ANY(ARRAY['a', NULL])"},
          {"(n, b) > (1, 2)", "(ROW(n, b) > ROW(1, 2))", "ROW(n, b) > ROW(1, 2)"},
          {"jsonb_extract_path_text(tags::text::jsonb, 'a', 'b') IS NOT NULL",
           "(jsonb_extract_path_text(((tags)::text)::jsonb, VARIADIC ARRAY['a'::text, 'b'::text]) IS NOT NULL)",
           "jsonb_extract_path_text(tags::text::jsonb, 'a', 'b') IS NOT NULL"},
      },
      TableContext(catalog));
}

TEST(NormalizeExpression, DefaultsMeetCatalogText) {
  model::Catalog catalog = TestCatalog();
  struct Case {
    model::TypeRef target;
    MeetCase meet;
  };
  using model::TypeRef;
  std::vector<Case> cases = {
      {TypeRef::Builtin("text"), {"'pending'", "'pending'::text", "'pending'"}},
      {TypeRef::Builtin("character varying(20)"), {"'x'", "'x'::character varying", "'x'"}},
      {TypeRef::Builtin("character(3)"), {"'abc'", "'abc'::bpchar", "'abc'"}},
      {TypeRef::Builtin("numeric(10,2)"), {"0", "0", "0"}},
      {TypeRef::Builtin("numeric"), {"0::numeric", "(0)::numeric", "0"}},
      {TypeRef::Builtin("bigint"), {"10000000000", "'10000000000'::bigint", "10000000000"}},
      {TypeRef::Builtin("bigint"), {"'5'", "'5'::bigint", "5"}},
      {TypeRef::Builtin("integer"), {"-1", "'-1'::integer", "-1"}},
      {TypeRef::Builtin("boolean"), {"'t'", "true", "true"}},
      {TypeRef::Builtin("jsonb"), {"'{}'", "'{}'::jsonb", "'{}'"}},
      {TypeRef::Builtin("text", true), {"'{}'", "'{}'::text[]", "'{}'"}},
      {TypeRef::Builtin("text", true), {"ARRAY[]::text[]", "ARRAY[]::text[]", "ARRAY[]::text[]"}},
      {TypeRef{"public", "mood", false}, {"'happy'", "'happy'::public.mood", "'happy'"}},
      {TypeRef::Builtin("timestamp with time zone"), {"now()", "now()", "now()"}},
      {TypeRef::Builtin("timestamp with time zone"),
       {"CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP", "current_timestamp"}},
      {TypeRef::Builtin("timestamp without time zone"),
       {"timezone('utc', now())", "timezone('utc'::text, now())", "timezone('utc', now())"}},
      {TypeRef::Builtin("timestamp without time zone"),
       {"(now() AT TIME ZONE 'utc')", "(now() AT TIME ZONE 'utc'::text)", "now() AT TIME ZONE 'utc'"}},
      {TypeRef::Builtin("bigint"),
       {"nextval('orders_id_seq')", "nextval('public.orders_id_seq'::regclass)",
        "nextval('public.orders_id_seq'::regclass)"}},
      {TypeRef::Builtin("bigint"),
       {"nextval('\"Orders_id_seq\"'::regclass)", "nextval('public.\"Orders_id_seq\"'::regclass)",
        "nextval('public.\"Orders_id_seq\"'::regclass)"}},
      {TypeRef::Builtin("tsvector"),
       {"to_tsvector('simple', status || ' ')", "to_tsvector('simple'::regconfig, (status || ' '::text))",
        "to_tsvector('simple', status || ' ')"}},
      {TypeRef::Builtin("bigint"),
       {"pg_catalog.nextval('ORDERS_ID_SEQ')", "nextval('public.orders_id_seq'::regclass)",
        "nextval('public.orders_id_seq'::regclass)"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.meet.authored);
    ExpressionContext context = TableContext(catalog);
    context.target_type = &c.target;
    EXPECT_EQ(Canonical(c.meet.authored, context), c.meet.canonical);
    EXPECT_EQ(Canonical(c.meet.catalog, context), c.meet.canonical);
  }
}

TEST(NormalizeExpression, ImplicitCastsOnColumnsMeetCatalogText) {
  model::Catalog catalog = TestCatalog();
  ExpectMeet(
      {
          // Domain values are relabeled to the base type where they meet an operator.
          {"qty <= on_hand", "((qty)::integer <= (on_hand)::integer)", "qty <= on_hand"},
          {"qty > 0", "((qty)::integer > 0)", "qty > 0"},
          // character(n) meets text functions and text values through a cast to text.
          {"currency = lower(currency)", "((currency)::text = lower((currency)::text))",
           "currency = lower(currency)"},
          {"currency = 'usd'", "(currency = 'usd'::bpchar)", "currency = 'usd'"},
      },
      TableContext(catalog));
  // Next to a literal, c::text = 'x' compares as text and c = 'x' as character(n).
  EXPECT_EQ(Canonical("currency::text = 'usd'", TableContext(catalog)), "currency::text = 'usd'");
}

TEST(NormalizeExpression, LiteralValuesMeetCatalogText) {
  model::Catalog catalog = TestCatalog();
  ExpectMeet(
      {
          {"quiet_from BETWEEN '09:00' AND '17:00'",
           "((quiet_from >= '09:00:00'::time without time zone) AND (quiet_from <= '17:00:00'::time "
           "without time zone))",
           "quiet_from >= '09:00:00' AND quiet_from <= '17:00:00'"},
          {"lead_time >= '0'::interval", "(lead_time >= '00:00:00'::interval)", "lead_time >= '00:00:00'"},
          {"lead_time < interval '1 week'", "(lead_time < '7 days'::interval)", "lead_time < '7 days'"},
          {"now() - interval '24 hours'", "(now() - '24:00:00'::interval)", "now() - '24:00:00'::interval"},
      },
      TableContext(catalog));
  struct Case {
    model::TypeRef target;
    MeetCase meet;
  };
  const std::vector<Case> defaults = {
      {model::TypeRef::Builtin("interval"), {"'24 hours'", "'24:00:00'::interval", "'24:00:00'"}},
      {model::TypeRef::Builtin("time without time zone"),
       {"'21:00'", "'21:00:00'::time without time zone", "'21:00:00'"}},
      {model::TypeRef{"public", "quantity", false}, {"'5'", "5", "5"}},
  };
  for (const Case& c : defaults) {
    SCOPED_TRACE(c.meet.authored);
    ExpressionContext context = TableContext(catalog);
    context.target_type = &c.target;
    EXPECT_EQ(Canonical(c.meet.authored, context), c.meet.canonical);
    EXPECT_EQ(Canonical(c.meet.catalog, context), c.meet.canonical);
  }
}

TEST(NormalizeExpression, DomainChecksKnowTheTypeOfValue) {
  model::Catalog catalog = TestCatalog();
  struct Case {
    model::TypeRef base;
    MeetCase meet;
  };
  const std::vector<Case> cases = {
      {model::TypeRef::Builtin("character varying(24)"),
       {"VALUE ~ '^[A-Z]+$'", "((VALUE)::text ~ '^[A-Z]+$'::text)", "value ~ '^[A-Z]+$'"}},
      {model::TypeRef::Builtin("numeric(14,2)"), {"VALUE >= 0", "(VALUE >= (0)::numeric)", "value >= 0"}},
      {model::TypeRef::Builtin("character(2)"),
       {"VALUE = upper(VALUE)", "((VALUE)::text = upper((VALUE)::text))", "value = upper(value)"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.meet.authored);
    ExpressionContext context;
    context.catalog = &catalog;
    context.value_type = &c.base;
    EXPECT_EQ(Canonical(c.meet.authored, context), c.meet.canonical);
    EXPECT_EQ(Canonical(c.meet.catalog, context), c.meet.canonical);
  }
}

TEST(NormalizeExpression, NextvalMeetsSerialDefault) {
  model::Catalog catalog = TestCatalog();
  ExpressionContext context = TableContext(catalog);
  struct Case {
    std::string written;
    model::QualifiedName sequence;
  };
  std::vector<Case> cases = {
      {"nextval('orders_id_seq')", {"public", "orders_id_seq"}},
      {"nextval('public.orders_id_seq'::regclass)", {"public", "orders_id_seq"}},
      {"nextval('\"Orders_id_seq\"'::regclass)", {"public", "Orders_id_seq"}},
      {"nextval('\"it''s_seq\"')", {"public", "it's_seq"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.written);
    EXPECT_EQ(Canonical(c.written, context), model::NextvalExpression(c.sequence));
  }
}

TEST(NormalizeExpression, QualifiesExtensionFunctions) {
  model::Catalog catalog = TestCatalog();
  catalog.extensions["uuid-ossp"].name = "uuid-ossp";
  catalog.extensions["uuid-ossp"].schema = "extensions";
  ExpressionContext context = TableContext(catalog);
  EXPECT_EQ(Canonical("uuid_generate_v4()", context), "extensions.uuid_generate_v4()");
  EXPECT_EQ(Canonical("extensions.uuid_generate_v4()", context), "extensions.uuid_generate_v4()");
  // gen_random_uuid is pg_catalog's; crypt's extension is not in the catalog.
  EXPECT_EQ(Canonical("gen_random_uuid()", context), "gen_random_uuid()");
  EXPECT_EQ(Canonical("crypt('a', 'b')", context), "crypt('a', 'b')");
}

TEST(NormalizeExpression, SpellsCastTypesCanonically) {
  model::Catalog catalog = TestCatalog();
  ExpressionContext context = TableContext(catalog);
  struct Case {
    std::string text;
    std::string canonical;
  };
  std::vector<Case> cases = {
      {"n::int4", "n::integer"},
      {"n::integer", "n::integer"},
      {"CAST(n AS int)", "n::integer"},
      {"(n)::bigint", "n::bigint"},
      {"status::varchar(20)", "status::character varying(20)"},
      {"created_at::timestamptz(3)", "created_at::timestamp(3) with time zone"},
      {"r::float8", "r::double precision"},
      {"tags::varchar[]", "tags::character varying[]"},
      {"status::mood", "status::public.mood"},
      {"'t'::regclass", "'public.t'::regclass"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Canonical(c.text, context), c.canonical);
  }
}

TEST(NormalizeExpression, KeepsCastsThatChangeMeaning) {
  model::Catalog catalog = TestCatalog();
  ExpressionContext context = TableContext(catalog);
  struct Case {
    std::string text;
    std::string canonical;
  };
  std::vector<Case> cases = {
      // A date compared with a timestamp is not the implicit cast of the literal.
      {"created_at > '2024-01-01'::date", "created_at > '2024-01-01'::date"},
      // A length limit truncates.
      // A number is not a text: comparing as text is another comparison.
      {"n::text = '1'", "n::text = '1'"},
      {"((n)::text = '1'::text)", "n::text = '1'"},
      // A string cast to another type than the column's.
      {"n = '5'::bigint", "n = '5'::bigint"},
      // Decimal division stays decimal, integer division integer.
      {"n / 2::numeric", "n::numeric / 2"},
      {"n / 2", "n / 2"},
      {"n::numeric / b::numeric", "n::numeric / b::numeric"},
      // double precision arithmetic on a numeric stays double precision.
      {"price * 0.5::double precision", "price::double precision * 0.5"},
      // An index on (email::text) is not an index on email.
      {"email::text", "email::text"},
      {"(email)::text", "email::text"},
      // now() and CURRENT_TIMESTAMP stay apart, as PostgreSQL keeps them.
      {"now()", "now()"},
      {"CURRENT_TIMESTAMP", "current_timestamp"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Canonical(c.text, context), c.canonical);
  }
  EXPECT_NE(Canonical("now()", context), Canonical("CURRENT_TIMESTAMP", context));
}

TEST(NormalizeExpression, ResolvesSubSelectsAsQueries) {
  model::Catalog catalog = TestCatalog();
  ExpressionContext context = TableContext(catalog);
  // Inside a sub-select names resolve as in a query (parser/normalize_query.h): the
  // sub-select's own relation first, the expression's table by its name.
  EXPECT_EQ(Canonical("EXISTS (SELECT 1 FROM t AS o WHERE t.n = o.n AND (code)::text = 'a'::text)", context),
            "EXISTS (SELECT 1 FROM public.t o WHERE t.n = o.n AND o.code = 'a')");
  // A second reference to the expression's own table is renamed as ruleutils.c
  // set_rtable_names does.
  EXPECT_EQ(Canonical("n IN (SELECT n FROM t)", context), "n IN (SELECT t_1.n FROM public.t t_1)");
}

TEST(NormalizeExpression, WorksWithoutCatalog) {
  ExpressionContext context;
  EXPECT_EQ(Canonical("x IN ('a', 'b')", context), "x = ANY(ARRAY['a', 'b'])");
  EXPECT_EQ(Canonical("x::int4 > 0", context), "x::integer > 0");
  // Without column types the cast PostgreSQL adds to a varchar column stays.
  EXPECT_EQ(Canonical("(x)::text = 'a'::text", context), "x::text = 'a'");
}

TEST(NormalizeExpression, UsesColumnsNotInCatalogYet) {
  model::Catalog catalog = TestCatalog();
  std::vector<model::Column> columns = {MakeColumn("label", model::TypeRef::Builtin("character varying(5)"))};
  ExpressionContext context;
  context.catalog = &catalog;
  context.table = {"public", "new_table"};
  context.columns = &columns;
  EXPECT_EQ(Canonical("((label)::text = ANY ((ARRAY['a'::character varying])::text[]))", context),
            "label = ANY(ARRAY['a'])");
}

TEST(NormalizeExpression, RejectsWhatIsNotAnExpression) {
  ExpressionContext context;
  EXPECT_THAT(NormalizeExpressionText("a +", context), StatusIs(absl::StatusCode::kInvalidArgument, "a +"));
  EXPECT_THAT(NormalizeExpressionText("1 FROM t", context),
              StatusIs(absl::StatusCode::kInvalidArgument, "not an expression"));
}

// The expression of "SELECT <text>" in a tree that lives as long as the holder.
struct ParsedExpression {
  std::string sql;
  std::unique_ptr<ParseTree> tree;
  const PgQuery__Node* node = nullptr;
};

std::unique_ptr<ParsedExpression> ParseExpression(std::string_view text) {
  auto parsed = std::make_unique<ParsedExpression>();
  parsed->sql = std::string("SELECT ") + std::string(text);
  SyntaxError error;
  parsed->tree = ParseTree::Parse(parsed->sql, &error);
  EXPECT_NE(parsed->tree, nullptr) << error.message;
  if (parsed->tree == nullptr) return parsed;
  parsed->node = parsed->tree->result().stmts[0]->stmt->select_stmt->target_list[0]->res_target->val;
  return parsed;
}

TEST(ReferencedColumns, ListsColumnsInOrderOfFirstAppearance) {
  struct Case {
    std::string text;
    std::vector<std::string> columns;
  };
  std::vector<Case> cases = {
      {"price > 0", {"price"}},
      {"start_at < end_at AND start_at > now()", {"start_at", "end_at"}},
      {"t.a = b OR lower(c) = a", {"a", "b", "c"}},
      {"status IN ('a', 'b')", {"status"}},
      {"1 > 0", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::unique_ptr<ParsedExpression> parsed = ParseExpression(c.text);
    ASSERT_NE(parsed->node, nullptr);
    EXPECT_EQ(ReferencedColumns(*parsed->node), c.columns);
  }
}

TEST(FigureColumnName, NamesExpressionsAsFigureColname) {
  struct Case {
    std::string text;
    std::string name;
  };
  std::vector<Case> cases = {
      {"lower(email)", "lower"},
      {"public.f(x)", "f"},
      {"email::text", "email"},
      {"(a + b)::int", "int4"},
      {"'x'::text", "text"},
      {"CASE WHEN a THEN 1 END", "case"},
      {"CASE WHEN a THEN 1 ELSE b END", "b"},
      {"coalesce(a, b)", "coalesce"},
      {"greatest(a, b)", "greatest"},
      {"nullif(a, b)", "nullif"},
      {"ARRAY[a, b]", "array"},
      {"ROW(a, b)", "row"},
      {"CURRENT_DATE", "current_date"},
      {"(data).field", "field"},
      {"a COLLATE \"C\"", "a"},
      {"a + b", "expr"},
      {"1", "expr"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::unique_ptr<ParsedExpression> parsed = ParseExpression(c.text);
    ASSERT_NE(parsed->node, nullptr);
    EXPECT_EQ(FigureColumnName(*parsed->node), c.name);
  }
}

}  // namespace
}  // namespace pgdrift::parser
