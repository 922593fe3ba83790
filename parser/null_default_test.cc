#include "parser/null_default.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "parser/parse_tree.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::BasicCatalog;

TEST(NullDefault, DiscardsOnlyWhatCookDefaultFoldsToANullConstant) {
  struct Case {
    std::string expr;
    model::TypeRef target;
    bool discarded;
  };
  model::Catalog catalog = BasicCatalog();
  catalog.domains[{"public", "email"}].name = {"public", "email"};
  const model::TypeRef varchar16 = model::TypeRef::Builtin("character varying(16)");
  std::vector<Case> cases = {
      {"NULL", model::TypeRef::Builtin("text"), true},
      {"NULL", model::TypeRef::Builtin("integer"), true},
      {"NULL", model::TypeRef::Builtin("character varying"), true},
      {"NULL", model::TypeRef::Builtin("numeric"), true},
      {"NULL", model::TypeRef::Builtin("bpchar"), true},
      // A length coercion keeps the default: pg_get_expr prints NULL::character varying.
      {"NULL", varchar16, false},
      {"NULL", model::TypeRef::Builtin("character varying(16)", /*array=*/true), false},
      {"NULL", model::TypeRef::Builtin("character(1)"), false},
      {"NULL", model::TypeRef::Builtin("numeric(10,2)"), false},
      {"NULL", model::TypeRef::Builtin("timestamp(3) with time zone"), false},
      {"NULL", model::TypeRef::Builtin("bit varying(8)"), false},
      {"NULL", model::TypeRef{"extensions", "vector", false, "(3)"}, false},
      // interval's input function takes the modifier itself: no coercion left.
      {"NULL", model::TypeRef::Builtin("interval(3)"), true},
      {"NULL", model::TypeRef::Builtin("interval year to month"), true},
      {"NULL", model::TypeRef::Builtin("interval(3)", /*array=*/true), false},
      // A domain's CoerceToDomain stays, overriding the domain's default.
      {"NULL", model::TypeRef{"public", "email", false, ""}, false},
      {"NULL", model::TypeRef{"public", "email", true, ""}, true},
      // Casts.
      {"NULL::text", model::TypeRef::Builtin("text"), true},
      {"NULL::varchar(16)", varchar16, false},
      {"NULL::varchar", varchar16, false},
      {"NULL::varchar", model::TypeRef::Builtin("character varying"), true},
      {"NULL::text", model::TypeRef::Builtin("character varying"), false},
      {"NULL::integer", model::TypeRef::Builtin("bigint"), false},
      {"NULL::int4::integer", model::TypeRef::Builtin("integer"), true},
      {"NULL::interval(3)", model::TypeRef::Builtin("interval(3)"), true},
      {"NULL::interval", model::TypeRef::Builtin("interval(3)"), false},
      {"NULL::public.email", model::TypeRef::Builtin("text"), false},
      {"NULL::no_such_type", model::TypeRef::Builtin("text"), false},
      // Not a null constant.
      {"'x'", model::TypeRef::Builtin("text"), false},
      // A COLLATE on top is stripped before the coercion; one under a cast stays.
      {"NULL COLLATE \"C\"", model::TypeRef::Builtin("text"), true},
      {"NULL::text COLLATE \"C\"", model::TypeRef::Builtin("text"), true},
      {"NULL COLLATE \"C\"", varchar16, false},
      {"(NULL COLLATE \"C\")::text", model::TypeRef::Builtin("text"), false},
      {"nullif(1, 1)", model::TypeRef::Builtin("integer"), false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expr + " for " + c.target.ToString());
    SyntaxError error;
    const std::string sql = "SELECT " + c.expr;
    std::unique_ptr<ParseTree> tree = ParseTree::Parse(sql, &error);
    ASSERT_NE(tree, nullptr) << error.message;
    const PgQuery__Node* expr =
        tree->result().stmts[0]->stmt->select_stmt->target_list[0]->res_target->val;
    EXPECT_EQ(IsDiscardedNullDefault(*expr, c.target, catalog), c.discarded);
  }
}

}  // namespace
}  // namespace pgdrift::parser
