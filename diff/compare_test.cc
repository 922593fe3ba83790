#include "diff/compare.h"

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::diff {
namespace {

using model::ObjectKind;

model::Catalog BaseCatalog() {
  model::Catalog catalog;
  catalog.schemas["public"].name = "public";
  model::Table& orders = catalog.tables[{"public", "orders"}];
  orders.name = {"public", "orders"};
  orders.columns.push_back({.name = "id", .type = model::TypeRef::Builtin("uuid"), .not_null = true});
  orders.columns.push_back({.name = "status", .type = model::TypeRef::Builtin("text")});
  model::Constraint pkey;
  pkey.name = "orders_pkey";
  pkey.type = model::ConstraintType::kPrimaryKey;
  pkey.columns = {"id"};
  orders.constraints["orders_pkey"] = pkey;
  model::Index pkey_index;
  pkey_index.name = {"public", "orders_pkey"};
  pkey_index.table = orders.name;
  pkey_index.unique = true;
  pkey_index.keys = {{.column = "id"}};
  pkey_index.constraint_name = "orders_pkey";
  catalog.indexes[pkey_index.name] = pkey_index;
  return catalog;
}

TEST(Compare, EqualCatalogsHaveNoDrift) {
  EXPECT_TRUE(Compare(BaseCatalog(), BaseCatalog()).empty());
}

TEST(Compare, LineageIsNotDrift) {
  model::Catalog local = BaseCatalog();
  local.tables[{"public", "orders"}].lineage = model::Lineage::At({"m/1.sql", 3, 1});
  EXPECT_TRUE(Compare(local, BaseCatalog()).empty());
}

TEST(Compare, ReportsAChangedColumnAttribute) {
  model::Catalog remote = BaseCatalog();
  remote.tables[{"public", "orders"}].columns[1].not_null = true;
  ChangeSet changes = Compare(BaseCatalog(), remote);
  ASSERT_EQ(changes.objects.size(), 1u);
  const ObjectDrift& drift = changes.objects[0];
  EXPECT_EQ(drift.id.ToString(), "column public.orders.status");
  EXPECT_EQ(drift.status, DriftStatus::kChanged);
  ASSERT_EQ(drift.changes.size(), 1u);
  EXPECT_EQ(drift.changes[0].attribute, "not_null");
  EXPECT_EQ(drift.changes[0].local, Value(false));
  EXPECT_EQ(drift.changes[0].remote, Value(true));
}

TEST(Compare, OneSidedTableIsOneEntryThatListsItsChildren) {
  model::Catalog empty;
  empty.schemas["public"].name = "public";
  ChangeSet changes = Compare(BaseCatalog(), empty);
  ASSERT_EQ(changes.objects.size(), 1u);
  EXPECT_EQ(changes.objects[0].id.ToString(), "table public.orders");
  EXPECT_EQ(changes.objects[0].status, DriftStatus::kLocalOnly);
  std::vector<std::string> contains;
  for (const model::ObjectId& id : changes.objects[0].contains) contains.push_back(id.ToString());
  EXPECT_EQ(contains, (std::vector<std::string>{"column public.orders.id",
                                                "column public.orders.status",
                                                "constraint public.orders.orders_pkey"}));
  ChangeSet reverse = Compare(empty, BaseCatalog());
  ASSERT_EQ(reverse.objects.size(), 1u);
  EXPECT_EQ(reverse.objects[0].status, DriftStatus::kRemoteOnly);
}

TEST(Compare, AddedColumnIsItsOwnEntryWithOrigin) {
  model::Catalog local = BaseCatalog();
  model::Column column{.name = "total", .type = model::TypeRef::Builtin("numeric(12,2)")};
  column.lineage = model::Lineage::At({"m/2.sql", 7, 1});
  local.tables[{"public", "orders"}].columns.push_back(column);
  ChangeSet changes = Compare(local, BaseCatalog());
  ASSERT_EQ(changes.objects.size(), 1u);
  EXPECT_EQ(changes.objects[0].id.ToString(), "column public.orders.total");
  EXPECT_EQ(changes.objects[0].status, DriftStatus::kLocalOnly);
  EXPECT_EQ(changes.objects[0].local_lineage.created.ToString(), "m/2.sql:7:1");
  EXPECT_EQ(changes.Count(DriftStatus::kLocalOnly), 1);
}

TEST(Compare, ADroppedColumnDoesNotShiftTheOthers) {
  model::Catalog local = BaseCatalog();
  local.tables[{"public", "orders"}].columns.insert(
      local.tables[{"public", "orders"}].columns.begin() + 1,
      {.name = "note", .type = model::TypeRef::Builtin("text")});
  ChangeSet changes = Compare(local, BaseCatalog());
  ASSERT_EQ(changes.objects.size(), 1u);
  EXPECT_EQ(changes.objects[0].id.ToString(), "column public.orders.note");
}

TEST(Compare, ReorderedColumnsReportPositions) {
  model::Catalog remote = BaseCatalog();
  std::vector<model::Column>& columns = remote.tables[{"public", "orders"}].columns;
  std::swap(columns[0], columns[1]);
  ChangeSet changes = Compare(BaseCatalog(), remote);
  ASSERT_EQ(changes.objects.size(), 2u);
  EXPECT_EQ(changes.objects[0].changes[0].attribute, "position");
  EXPECT_EQ(changes.objects[0].changes[0].local, Value(int64_t{1}));
  EXPECT_EQ(changes.objects[0].changes[0].remote, Value(int64_t{2}));
}

TEST(Compare, ConstraintAndIndexChanges) {
  model::Catalog remote = BaseCatalog();
  model::Constraint check;
  check.name = "orders_status_check";
  check.type = model::ConstraintType::kCheck;
  check.expression = "status <> ''";
  remote.tables[{"public", "orders"}].constraints[check.name] = check;
  model::Index index;
  index.name = {"public", "orders_status_idx"};
  index.table = {"public", "orders"};
  index.keys = {{.column = "status"}};
  remote.indexes[index.name] = index;
  model::Catalog local = remote;
  local.tables[{"public", "orders"}].constraints[check.name].validated = false;
  local.indexes[index.name].keys[0].descending = true;
  local.indexes[index.name].keys[0].nulls_first = true;
  ChangeSet changes = Compare(local, remote);
  ASSERT_EQ(changes.objects.size(), 2u);
  EXPECT_EQ(changes.objects[0].id.ToString(), "constraint public.orders.orders_status_check");
  EXPECT_EQ(changes.objects[0].changes[0].attribute, "validated");
  EXPECT_EQ(changes.objects[1].id.ToString(), "index public.orders_status_idx");
  EXPECT_EQ(changes.objects[1].changes[0].attribute, "keys");
  EXPECT_EQ(changes.objects[1].changes[0].local, Value(std::vector<std::string>{"status DESC"}));
}

TEST(Compare, ManagedSchemasAreOutOfScope) {
  model::Catalog local = BaseCatalog();
  local.schemas["auth"] = {.name = "auth", .managed = true};
  model::Table users;
  users.name = {"auth", "users"};
  users.managed = true;
  local.tables[users.name] = users;
  model::Catalog remote = BaseCatalog();
  model::Table remote_users = users;
  remote_users.managed = false;
  remote_users.columns.push_back({.name = "extra", .type = model::TypeRef::Builtin("text")});
  remote.tables[users.name] = remote_users;
  EXPECT_TRUE(Compare(local, remote).empty());
  EXPECT_FALSE(Compare(local, remote, {.include_managed = true}).empty());
}

TEST(Compare, UserTriggersOfManagedTablesAreCompared) {
  // Local: the profile's auth.users with the user's trigger; remote: the placeholder
  // introspection keeps for it, with the platform's own trigger besides.
  model::Trigger user_trigger;
  user_trigger.name = "on_auth_user_created";
  user_trigger.timing = model::TriggerTiming::kAfter;
  user_trigger.on_insert = true;
  user_trigger.for_each_row = true;
  user_trigger.function = {"public", "handle_new_user"};
  model::Trigger platform_trigger = user_trigger;
  platform_trigger.name = "platform_hook";
  platform_trigger.function = {"auth", "hook"};

  model::Catalog local = BaseCatalog();
  local.schemas["auth"] = {.name = "auth", .managed = true, .contents_managed = true};
  model::Table users;
  users.name = {"auth", "users"};
  users.managed = true;
  users.columns.push_back({.name = "id", .type = model::TypeRef::Builtin("uuid")});
  users.triggers[user_trigger.name] = user_trigger;
  local.tables[users.name] = users;
  model::Catalog remote = BaseCatalog();
  remote.schemas["auth"] = local.schemas["auth"];
  model::Table placeholder;
  placeholder.name = users.name;
  placeholder.managed = true;
  placeholder.triggers[user_trigger.name] = user_trigger;
  placeholder.triggers[platform_trigger.name] = platform_trigger;
  remote.tables[users.name] = placeholder;
  EXPECT_TRUE(Compare(local, remote).empty());

  remote.tables[users.name].triggers[user_trigger.name].enabled = model::TriggerEnabled::kDisabled;
  ChangeSet changed = Compare(local, remote);
  ASSERT_EQ(changed.objects.size(), 1u);
  EXPECT_EQ(changed.objects[0].id.ToString(), "trigger auth.users.on_auth_user_created");
  ASSERT_EQ(changed.objects[0].changes.size(), 1u);
  EXPECT_EQ(changed.objects[0].changes[0].attribute, "enabled");

  remote.tables.erase(users.name);  // the database has no user trigger on auth.users
  ChangeSet missing = Compare(local, remote);
  ASSERT_EQ(missing.objects.size(), 1u);
  EXPECT_EQ(missing.objects[0].id.ToString(), "trigger auth.users.on_auth_user_created");
  EXPECT_EQ(missing.objects[0].status, DriftStatus::kLocalOnly);
}

TEST(Compare, TriggersOfAOneSidedTableAreListedUnderIt) {
  model::Catalog local = BaseCatalog();
  model::Trigger trigger;
  trigger.name = "orders_touch";
  trigger.function = {"public", "touch"};
  local.tables[{"public", "orders"}].triggers[trigger.name] = trigger;
  model::Catalog empty;
  empty.schemas["public"].name = "public";
  ChangeSet changes = Compare(local, empty);
  ASSERT_EQ(changes.objects.size(), 1u);
  std::vector<std::string> contains;
  for (const model::ObjectId& id : changes.objects[0].contains) contains.push_back(id.ToString());
  EXPECT_THAT(contains, ::testing::Contains("trigger public.orders.orders_touch"));

  model::Catalog remote = BaseCatalog();
  ChangeSet added = Compare(local, remote);
  ASSERT_EQ(added.objects.size(), 1u);
  EXPECT_EQ(added.objects[0].id.ToString(), "trigger public.orders.orders_touch");
  EXPECT_EQ(added.objects[0].status, DriftStatus::kLocalOnly);
}

TEST(Compare, OwnersOnlyWhenAsked) {
  model::Catalog remote = BaseCatalog();
  remote.tables[{"public", "orders"}].owner = "someone_else";
  EXPECT_TRUE(Compare(BaseCatalog(), remote).empty());
  ChangeSet changes = Compare(BaseCatalog(), remote, {.compare_owners = true});
  ASSERT_EQ(changes.objects.size(), 1u);
  EXPECT_EQ(changes.objects[0].changes[0].attribute, "owner");
}

TEST(Compare, UnpinnedExtensionVersionMatchesAnyVersion) {
  model::Catalog local = BaseCatalog();
  local.extensions["citext"] = {.name = "citext", .schema = "extensions"};
  model::Catalog remote = BaseCatalog();
  remote.extensions["citext"] = {.name = "citext", .schema = "extensions", .version = "1.6"};
  EXPECT_TRUE(Compare(local, remote).empty());
  local.extensions["citext"].version = "1.5";
  ChangeSet changes = Compare(local, remote);
  ASSERT_EQ(changes.objects.size(), 1u);
  EXPECT_EQ(changes.objects[0].changes[0].attribute, "version");
}

TEST(Compare, InSyncListsWhatBothSidesHaveAndAgreeOn) {
  model::Catalog local = BaseCatalog();
  local.extensions["citext"] = {.name = "citext", .schema = "extensions"};
  model::Index index;
  index.name = {"public", "orders_status_idx"};
  index.table = {"public", "orders"};
  index.keys = {{.column = "status"}};
  local.indexes[index.name] = index;
  model::Policy policy;
  policy.name = "staff_select";
  local.tables[{"public", "orders"}].policies[policy.name] = policy;
  model::Catalog remote = local;
  remote.extensions["citext"].version = "1.6";
  remote.tables[{"public", "orders"}].columns[1].not_null = true;
  model::Table& notes = remote.tables[{"public", "notes"}];
  notes.name = {"public", "notes"};
  notes.columns.push_back({.name = "body", .type = model::TypeRef::Builtin("text")});

  ChangeSet changes = Compare(local, remote);
  std::vector<std::string> in_sync;
  for (const model::ObjectId& id : changes.in_sync) in_sync.push_back(id.ToString());
  // Changed (column status) and one-sided objects (table notes and its column) are not
  // in sync; the constraint's backing index is compared through the constraint.
  EXPECT_EQ(in_sync, (std::vector<std::string>{
                         "schema public",
                         "extension citext",
                         "table public.orders",
                         "column public.orders.id",
                         "constraint public.orders.orders_pkey",
                         "index public.orders_status_idx",
                         "policy public.orders.staff_select",
                     }))
      << "sorted by ObjectId, whose first key is the kind";
  EXPECT_TRUE(std::is_sorted(changes.in_sync.begin(), changes.in_sync.end()));
}

TEST(Compare, InSyncIsEmptyWhenNothingIsShared) {
  model::Catalog empty;
  ChangeSet changes = Compare(BaseCatalog(), empty);
  EXPECT_TRUE(changes.in_sync.empty());
  EXPECT_EQ(Compare(BaseCatalog(), BaseCatalog()).in_sync.size(), 5u);
}

TEST(Value, PrintsShortForms) {
  EXPECT_EQ(ValueToString(Value()), "(none)");
  EXPECT_EQ(ValueToString(Value(true)), "true");
  EXPECT_EQ(ValueToString(Value(int64_t{42})), "42");
  EXPECT_EQ(ValueToString(Value(std::string("now()"))), "'now()'");
  EXPECT_EQ(ValueToString(Value(std::vector<std::string>{"a", "b"})), "[a, b]");
}

}  // namespace
}  // namespace pgdrift::diff
