#include <map>
#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/mutation.h"
#include "parser/testing/transform_test_util.h"

namespace pgdrift::parser {
namespace {

using ::pgdrift::parser::testing::MakeColumn;

using ::pgdrift::parser::testing::BasicCatalog;
using ::pgdrift::parser::testing::SingleMutation;
using ::pgdrift::parser::testing::TransformSql;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// public.users (id bigint, email varchar(100), name text COLLATE "C", deleted_at
// timestamptz).
model::Catalog TestCatalog() {
  model::Catalog catalog = BasicCatalog();
  model::Table& users = catalog.tables[{"public", "users"}];
  users.name = {"public", "users"};
  users.columns = {MakeColumn("id", model::TypeRef::Builtin("bigint")),
                   MakeColumn("email", model::TypeRef::Builtin("character varying(100)")),
                   MakeColumn("name", model::TypeRef::Builtin("text"), "pg_catalog.\"C\""),
                   MakeColumn("deleted_at", model::TypeRef::Builtin("timestamp with time zone"))};
  return catalog;
}

model::CreateIndex Create(std::string_view sql) {
  return SingleMutation<model::CreateIndex>(TransformSql(sql, TestCatalog()));
}

model::IndexElement Column(std::string name, bool descending = false, bool nulls_first = false) {
  model::IndexElement element;
  element.column = std::move(name);
  element.descending = descending;
  element.nulls_first = nulls_first;
  return element;
}

model::IndexElement Expression(std::string text, bool descending = false, bool nulls_first = false) {
  model::IndexElement element;
  element.expression = std::move(text);
  element.descending = descending;
  element.nulls_first = nulls_first;
  return element;
}

TEST(TransformIndex, TransformsPlainIndex) {
  model::CreateIndex m = Create("CREATE INDEX ON users (email)");
  EXPECT_EQ(m.index.name, (model::QualifiedName{"", ""}));
  EXPECT_EQ(m.index.table, (model::QualifiedName{"", "users"}));
  EXPECT_EQ(m.index.method, "btree");
  EXPECT_FALSE(m.index.unique);
  EXPECT_THAT(m.index.keys, ElementsAre(Column("email")));
  EXPECT_THAT(m.key_name_hints, ElementsAre("email"));
  EXPECT_THAT(m.index.include, IsEmpty());
  EXPECT_EQ(m.index.predicate, "");
  EXPECT_FALSE(m.concurrently);
  EXPECT_FALSE(m.if_not_exists);
  EXPECT_FALSE(m.only);
}

TEST(TransformIndex, TransformsEveryClause) {
  model::CreateIndex m = Create(
      "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON public.users USING btree "
      "(lower(email) DESC, name COLLATE \"POSIX\" text_pattern_ops NULLS FIRST) INCLUDE (id) "
      "NULLS NOT DISTINCT WITH (fillfactor = 70) TABLESPACE fast WHERE deleted_at IS NULL AND email <> ''");
  EXPECT_EQ(m.index.name, (model::QualifiedName{"public", "users_email_idx"}));
  EXPECT_EQ(m.index.table, (model::QualifiedName{"public", "users"}));
  EXPECT_TRUE(m.index.unique);
  EXPECT_TRUE(m.index.nulls_not_distinct);
  EXPECT_TRUE(m.concurrently);
  EXPECT_TRUE(m.if_not_exists);
  model::IndexElement name = Column("name", false, true);
  name.collation = "pg_catalog.\"POSIX\"";
  name.opclass = "text_pattern_ops";
  EXPECT_THAT(m.index.keys, ElementsAre(Expression("lower(email)", true, true), name));
  EXPECT_THAT(m.key_name_hints, ElementsAre("lower", "name"));
  EXPECT_THAT(m.index.include, ElementsAre("id"));
  EXPECT_EQ(m.index.options, (std::map<std::string, std::string>{{"fillfactor", "70"}}));
  EXPECT_EQ(m.index.tablespace, "fast");
  // pg_get_indexdef prints WHERE ((deleted_at IS NULL) AND ((email)::text <> ''::text)).
  EXPECT_EQ(m.index.predicate, "deleted_at IS NULL AND email <> ''");
}

TEST(TransformIndex, MakesSortOrderExplicit) {
  struct Case {
    std::string keys;
    bool descending;
    bool nulls_first;
  };
  const std::vector<Case> cases = {
      {"id", false, false},
      {"id ASC", false, false},
      {"id DESC", true, true},
      {"id DESC NULLS LAST", true, false},
      {"id NULLS FIRST", false, true},
      {"id ASC NULLS LAST", false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.keys);
    model::CreateIndex m = Create("CREATE INDEX ON users (" + c.keys + ")");
    ASSERT_EQ(m.index.keys.size(), 1u);
    EXPECT_EQ(m.index.keys[0].descending, c.descending);
    EXPECT_EQ(m.index.keys[0].nulls_first, c.nulls_first);
  }
}

TEST(TransformIndex, NamesKeysAsChooseIndexColumnNames) {
  struct Case {
    std::string key;
    model::IndexElement element;
    std::string hint;
  };
  model::IndexElement collated = Column("email");
  collated.collation = "pg_catalog.\"C\"";
  const std::vector<Case> cases = {
      {"(id)", Column("id"), "id"},
      {"((email))", Column("email"), "email"},
      {"(email COLLATE \"C\")", collated, "email"},
      {"((email::text))", Expression("email::text"), "email"},
      {"((id + 1))", Expression("id + 1"), "expr"},
      {"(coalesce(name, ''))", Expression("COALESCE(name, '')"), "coalesce"},
      {"((deleted_at::date))", Expression("deleted_at::date"), "deleted_at"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.key);
    model::CreateIndex m = Create("CREATE INDEX ON users " + c.key);
    EXPECT_THAT(m.index.keys, ElementsAre(c.element));
    EXPECT_THAT(m.key_name_hints, ElementsAre(c.hint));
  }
}

TEST(TransformIndex, KeepsOperatorClassAndCollationOnlyWhenWritten) {
  struct Case {
    std::string key;
    std::string opclass;
    std::string collation;
  };
  const std::vector<Case> cases = {
      {"email", "", ""},
      {"email varchar_pattern_ops", "varchar_pattern_ops", ""},
      {"email pg_catalog.varchar_pattern_ops", "varchar_pattern_ops", ""},
      // Default classes are not printed by pg_get_indexdef.
      {"name text_ops", "", ""},
      {"email text_ops", "", ""},
      {"id int8_ops", "", ""},
      {"id int4_ops", "int4_ops", ""},
      {"email extensions.gin_trgm_ops", "extensions.gin_trgm_ops", ""},
      // "C" is name's own collation: pg_get_indexdef does not print it.
      {"name COLLATE \"C\"", "", ""},
      {"name COLLATE \"default\"", "", ""},
      {"email COLLATE \"C\"", "", "pg_catalog.\"C\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.key);
    model::CreateIndex m = Create("CREATE INDEX ON users (" + c.key + ")");
    ASSERT_EQ(m.index.keys.size(), 1u);
    EXPECT_EQ(m.index.keys[0].opclass, c.opclass);
    EXPECT_EQ(m.index.keys[0].collation, c.collation);
  }
  model::CreateIndex gin = Create("CREATE INDEX ON users USING gin (name gin_trgm_ops (siglen = 32))");
  EXPECT_EQ(gin.index.method, "gin");
  ASSERT_EQ(gin.index.keys.size(), 1u);
  EXPECT_EQ(gin.index.keys[0].opclass_options, (std::map<std::string, std::string>{{"siglen", "32"}}));
}

TEST(TransformIndex, QualifiesExtensionOperatorClassesAsPgGetIndexdef) {
  model::Catalog catalog = TestCatalog();
  catalog.extensions["pg_trgm"].name = "pg_trgm";
  catalog.extensions["pg_trgm"].schema = "extensions";
  catalog.extensions["btree_gist"].name = "btree_gist";
  catalog.extensions["btree_gist"].schema = "public";
  struct Case {
    std::string sql;
    std::string opclass;
  };
  const std::vector<Case> cases = {
      {"CREATE INDEX ON users USING gin (name gin_trgm_ops)", "extensions.gin_trgm_ops"},
      {"CREATE INDEX ON users USING gist (id gist_int8_ops)", "public.gist_int8_ops"},
      {"CREATE INDEX ON users USING gin (name other.gin_trgm_ops)", "other.gin_trgm_ops"},
      {"CREATE INDEX ON users (name text_pattern_ops)", "text_pattern_ops"},
      // Without the extension in the catalog there is nothing to qualify with.
      {"CREATE INDEX ON users USING gin (name citext_ops)", "citext_ops"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    model::CreateIndex m = SingleMutation<model::CreateIndex>(TransformSql(c.sql, catalog));
    ASSERT_EQ(m.index.keys.size(), 1u);
    EXPECT_EQ(m.index.keys[0].opclass, c.opclass);
  }
}

TEST(TransformIndex, TransformsOnOnly) {
  model::CreateIndex m = Create("CREATE INDEX events_idx ON ONLY events (created_at)");
  EXPECT_TRUE(m.only);
  EXPECT_EQ(m.index.table, (model::QualifiedName{"", "events"}));
  EXPECT_EQ(m.index.name, (model::QualifiedName{"", "events_idx"}));
}

TEST(TransformIndex, RejectsExpressionsInInclude) {
  EXPECT_THAT(TransformSql("CREATE INDEX ON users (id) INCLUDE ((lower(email)))", TestCatalog()).status,
              StatusIs(absl::StatusCode::kInvalidArgument, "expressions are not supported in included columns"));
}

}  // namespace
}  // namespace pgdrift::parser
