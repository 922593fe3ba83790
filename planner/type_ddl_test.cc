#include "planner/type_ddl.h"

#include <string>

#include "gtest/gtest.h"

namespace pgdrift::planner {
namespace {

TEST(TypeDdl, CreatesEnums) {
  model::UserType type;
  type.name = {"public", "order_status"};
  type.enum_values = {"pending", "paid", "it's shipped"};
  EXPECT_EQ(CreateTypeSql(type),
            "CREATE TYPE public.order_status AS ENUM ('pending', 'paid', 'it''s shipped');");
  type.name = {"Shop", "Order"};
  type.enum_values = {};
  EXPECT_EQ(CreateTypeSql(type), "CREATE TYPE \"Shop\".\"Order\" AS ENUM ();");
}

TEST(TypeDdl, CreatesCompositeTypes) {
  model::UserType type;
  type.name = {"public", "address"};
  type.kind = model::UserTypeKind::kComposite;
  type.attributes = {
      {"street", model::TypeRef::Builtin("text"), ""},
      {"zip code", model::TypeRef::Builtin("character varying(10)"), "pg_catalog.\"C\""},
      {"tags", model::TypeRef{"public", "tag", true}, ""},
  };
  EXPECT_EQ(CreateTypeSql(type),
            "CREATE TYPE public.address AS (\n"
            "    street text,\n"
            "    \"zip code\" character varying(10) COLLATE pg_catalog.\"C\",\n"
            "    tags public.tag[]\n"
            ");");
  type.attributes.clear();
  EXPECT_EQ(CreateTypeSql(type), "CREATE TYPE public.address AS ();");
}

TEST(TypeDdl, CreatesRangeTypesWithOnlyNonDefaultOptions) {
  model::UserType type;
  type.name = {"public", "floatrange"};
  type.kind = model::UserTypeKind::kRange;
  type.range_subtype = model::TypeRef::Builtin("double precision");
  type.multirange_name = "floatmultirange";
  EXPECT_EQ(CreateTypeSql(type),
            "CREATE TYPE public.floatrange AS RANGE (\n"
            "    subtype = double precision\n"
            ");");

  type.range_subtype_opclass = "pg_catalog.float8_ops";
  type.range_collation = "";
  type.range_subtype_diff = "public.float8mi";
  type.multirange_name = "float_ranges";
  EXPECT_EQ(CreateTypeSql(type),
            "CREATE TYPE public.floatrange AS RANGE (\n"
            "    subtype = double precision,\n"
            "    subtype_opclass = pg_catalog.float8_ops,\n"
            "    subtype_diff = public.float8mi,\n"
            "    multirange_type_name = public.float_ranges\n"
            ");");
}

TEST(TypeDdl, ComputesDefaultMultirangeNames) {
  struct Case {
    std::string range;
    std::string expected;
  };
  const Case cases[] = {
      {"floatrange", "floatmultirange"},
      {"range_of_text", "multirange_of_text"},
      {"timespan", "timespan_multirange"},
      {std::string(60, 'x'), std::string(52, 'x') + "_multirange"},
      {std::string(58, 'a') + "range", std::string(58, 'a') + "multi"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.range);
    EXPECT_EQ(DefaultMultirangeName(c.range), c.expected);
  }
}

TEST(TypeDdl, PrintsOwnerCommentAndDrop) {
  model::UserType type;
  type.name = {"public", "user"};
  type.owner = "app";
  type.comment = "a user";
  EXPECT_EQ(TypeOwnerSql(type), "ALTER TYPE public.\"user\" OWNER TO app;");
  EXPECT_EQ(TypeCommentSql(type), "COMMENT ON TYPE public.\"user\" IS 'a user';");
  EXPECT_EQ(DropTypeSql(type), "DROP TYPE public.\"user\";");
}

}  // namespace
}  // namespace pgdrift::planner
