#include "planner/schema_ddl.h"

#include <string>

#include "gtest/gtest.h"

namespace pgdrift::planner {
namespace {

model::Schema MakeSchema(std::string name, std::string owner = "") {
  model::Schema schema;
  schema.name = std::move(name);
  schema.owner = std::move(owner);
  return schema;
}

TEST(SchemaDdl, CreatesSchemasWithAuthorizationOnlyForOtherOwners) {
  struct Case {
    model::Schema schema;
    std::string expected;
  };
  const Case cases[] = {
      {MakeSchema("app"), "CREATE SCHEMA app;"},
      {MakeSchema("app", "postgres"), "CREATE SCHEMA app;"},
      {MakeSchema("app", "app_owner"), "CREATE SCHEMA app AUTHORIZATION app_owner;"},
      {MakeSchema("Billing Data", "Finance"),
       "CREATE SCHEMA \"Billing Data\" AUTHORIZATION \"Finance\";"},
      {MakeSchema("order"), "CREATE SCHEMA \"order\";"},
      {MakeSchema("données"), "CREATE SCHEMA \"données\";"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expected);
    EXPECT_EQ(CreateSchemaSql(c.schema), c.expected);
  }
  EXPECT_EQ(CreateSchemaSql(MakeSchema("app", "deployer"), "deployer"), "CREATE SCHEMA app;");
}

TEST(SchemaDdl, PrintsSchemaOwnerCommentAndDrop) {
  model::Schema schema = MakeSchema("App", "owner");
  schema.comment = "the app's data";
  EXPECT_EQ(SchemaOwnerSql(schema), "ALTER SCHEMA \"App\" OWNER TO owner;");
  EXPECT_EQ(SchemaCommentSql(schema), "COMMENT ON SCHEMA \"App\" IS 'the app''s data';");
  EXPECT_EQ(DropSchemaSql(schema), "DROP SCHEMA \"App\";");
}

TEST(SchemaDdl, KnowsBuiltinSchemas) {
  EXPECT_TRUE(IsBuiltinSchema("public"));
  EXPECT_TRUE(IsBuiltinSchema("pg_catalog"));
  EXPECT_TRUE(IsBuiltinSchema("information_schema"));
  EXPECT_FALSE(IsBuiltinSchema("auth"));
  EXPECT_FALSE(IsBuiltinSchema("Public"));
}

TEST(SchemaDdl, CreatesExtensions) {
  struct Case {
    model::Extension extension;
    std::string expected;
  };
  model::Extension plain{"pgcrypto", "", "", "", false, {}};
  model::Extension in_schema{"uuid-ossp", "extensions", "", "", false, {}};
  model::Extension pinned{"postgis", "Geo", "3.3.2", "", false, {}};
  const Case cases[] = {
      {plain, "CREATE EXTENSION IF NOT EXISTS pgcrypto;"},
      {in_schema, "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA extensions;"},
      {pinned, "CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA \"Geo\" VERSION '3.3.2';"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expected);
    EXPECT_EQ(CreateExtensionSql(c.extension), c.expected);
  }
  in_schema.comment = "generate UUIDs";
  EXPECT_EQ(ExtensionCommentSql(in_schema),
            "COMMENT ON EXTENSION \"uuid-ossp\" IS 'generate UUIDs';");
  EXPECT_EQ(DropExtensionSql(in_schema), "DROP EXTENSION \"uuid-ossp\";");
}

}  // namespace
}  // namespace pgdrift::planner
