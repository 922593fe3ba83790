#include <string>
#include <vector>

#include "base/strings.h"
#include "diff/attributes.h"
#include "diff/compare.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::diff {
namespace {

using ::testing::ElementsAre;

// public as a profile provides it (managed, contents the user's) and auth (the
// platform's own).
model::Catalog Seeded() {
  model::Catalog catalog;
  model::Schema public_schema{"public", "pg_database_owner"};
  public_schema.managed = true;
  public_schema.privileges = model::Acl{{"pg_database_owner", {"UC", ""}}, {"PUBLIC", {"U", ""}}};
  catalog.schemas["public"] = public_schema;
  model::Schema auth{"auth", "supabase_admin"};
  auth.managed = true;
  auth.contents_managed = true;
  catalog.schemas["auth"] = auth;
  return catalog;
}

// "attribute: local -> remote" of every change of `id`.
std::vector<std::string> Changes(const ChangeSet& changes, const std::string& id) {
  std::vector<std::string> texts;
  for (const ObjectDrift& drift : changes.objects) {
    if (drift.id.ToString() != id) continue;
    for (const AttributeChange& change : drift.changes) {
      texts.push_back(StrCat(change.attribute, ": ", ValueToString(change.local), " -> ",
                             ValueToString(change.remote)));
    }
  }
  return texts;
}

TEST(ComparePrivileges, ManagedSchemaComparedByPrivilegesOnly) {
  model::Catalog local = Seeded();
  model::Catalog remote = Seeded();
  remote.schemas["public"].comment = "standard public schema";
  remote.schemas["auth"].privileges = model::Acl{{"anon", {"U", ""}}};
  EXPECT_TRUE(Compare(local, remote).objects.empty());

  remote.schemas["public"].privileges->emplace("anon", model::AclEntry{"U", ""});
  remote.default_privileges[{"postgres", "public", 'r'}] = {{"anon", {"arwdDxt", ""}}};
  EXPECT_THAT(Changes(Compare(local, remote), "schema public"),
              ElementsAre("privileges: [=U] -> [=U, anon=U]",
                          "default_privileges: [] -> [for role postgres in schema on tables: "
                          "anon=arwdDxt]"));
}

TEST(ComparePrivileges, GlobalDefaultPrivilegesApplyInEverySchema) {
  model::DefaultAcls acls;
  acls[{"postgres", "", 'f'}] = {{"postgres", {"X", ""}}};
  acls[{"postgres", "app", 'S'}] = {{"anon", {"U", ""}}};
  acls[{"postgres", "other", 'S'}] = {{"anon", {"r", ""}}};
  EXPECT_EQ(DefaultPrivilegesValue(acls, "app"),
            Value(std::vector<std::string>{"for role postgres on functions: postgres=X",
                                           "for role postgres in schema on sequences: anon=U"}));
}

}  // namespace
}  // namespace pgdrift::diff
