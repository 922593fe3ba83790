#include "planner/create_script.h"

#include <string>
#include <vector>

#include "base/strings.h"
#include "gtest/gtest.h"
#include "planner/testing/model_builders.h"

namespace pgdrift::planner {
namespace {

using testing::AddConstraint;
using testing::MakeCheck;
using testing::MakeColumn;
using testing::MakeForeignKey;
using testing::MakeIndex;
using testing::MakeKey;
using testing::MakeKeyColumn;
using testing::MakeSequence;
using testing::MakeTable;

void AddTable(model::Catalog* catalog, model::Table table) {
  model::QualifiedName name = table.name;
  catalog->tables[name] = std::move(table);
}

void AddIndex(model::Catalog* catalog, model::Index index) {
  model::QualifiedName name = index.name;
  catalog->indexes[name] = std::move(index);
}

void AddSchema(model::Catalog* catalog, std::string name, bool managed = false) {
  model::Schema schema;
  schema.name = name;
  schema.managed = managed;
  catalog->schemas[name] = schema;
}

// The sequence PostgreSQL makes for a serial column, owned by that column.
void AddSerial(model::Catalog* catalog, model::Table* table, std::string column) {
  std::string sequence_name = StrCat(table->name.name, "_", column, "_seq");
  model::Sequence sequence = MakeSequence(table->name.schema, sequence_name, "integer");
  sequence.owned_by = model::SequenceOwner{table->name, column};
  catalog->sequences[sequence.name] = sequence;
  model::Column serial = MakeColumn(column, "integer", true);
  serial.default_expr = StrCat("nextval('", sequence.name.ToString(), "'::regclass)");
  table->columns.push_back(serial);
}

TEST(CreateScript, EmptyCatalogGivesEmptyScript) { EXPECT_EQ(CreateScript(model::Catalog{}), ""); }

TEST(CreateScript, CreatesAWholeCatalogInDependencyOrder) {
  model::Catalog catalog;
  AddSchema(&catalog, "public");
  catalog.schemas["public"].owner = "pg_database_owner";
  catalog.schemas["public"].comment = "standard public schema";
  AddSchema(&catalog, "Sales");
  catalog.schemas["Sales"].owner = "sales_owner";
  catalog.extensions["pgcrypto"] = {"pgcrypto", "public", "", "", false, {}};

  // "Sales".address uses the domain public.zip: the domain comes first although types
  // sort before domains.
  model::Domain zip;
  zip.name = {"public", "zip"};
  zip.base_type = model::TypeRef::Builtin("text");
  zip.checks["zip_check"] = {"zip_check", "length(VALUE) = 5", true};
  catalog.domains[zip.name] = zip;
  model::UserType address;
  address.name = {"Sales", "address"};
  address.kind = model::UserTypeKind::kComposite;
  address.attributes = {{"street", model::TypeRef::Builtin("text"), ""},
                        {"zip", model::TypeRef{"public", "zip", false}, ""}};
  address.comment = "where to ship";
  catalog.types[address.name] = address;
  model::UserType status;
  status.name = {"public", "order status"};
  status.enum_values = {"new", "paid"};
  catalog.types[status.name] = status;

  // public.order has a serial id, an identity line number lives in "Sales"."Order Lines".
  model::Table order = MakeTable("public", "order");
  AddSerial(&catalog, &order, "id");
  model::Column order_status = MakeColumn("status", "", true);
  order_status.type = model::TypeRef{"public", "order status", false};
  order_status.default_expr = "'new'::public.\"order status\"";
  order.columns.push_back(order_status);
  model::Column ship_to = MakeColumn("ship_to", "");
  ship_to.type = model::TypeRef{"Sales", "address", false};
  order.columns.push_back(ship_to);
  order.columns.push_back(MakeColumn("customer_id", "uuid"));
  AddConstraint(&order, MakeKey("order_pkey", model::ConstraintType::kPrimaryKey, {"id"}));
  AddConstraint(&order, MakeForeignKey("order_customer_id_fkey", {"customer_id"},
                                       {"public", "customers"}, {"id"}));
  order.rls_enabled = true;
  order.comment = "orders";
  AddTable(&catalog, order);
  model::Index order_pkey =
      MakeIndex("public", "order_pkey", {"public", "order"}, {MakeKeyColumn("id")});
  order_pkey.unique = true;
  order_pkey.constraint_name = "order_pkey";
  AddIndex(&catalog, order_pkey);
  AddIndex(&catalog, MakeIndex("public", "order_customer_id_idx", {"public", "order"},
                               {MakeKeyColumn("customer_id")}));

  model::Table customers = MakeTable("public", "customers", {MakeColumn("id", "uuid", true)});
  customers.columns[0].default_expr = "gen_random_uuid()";
  AddConstraint(&customers, MakeKey("customers_pkey", model::ConstraintType::kPrimaryKey, {"id"}));
  AddTable(&catalog, customers);

  model::Table lines = MakeTable("Sales", "Order Lines", {MakeColumn("line", "bigint", true)});
  lines.columns[0].identity = model::IdentityKind::kAlways;
  lines.columns[0].comment = "line number";
  lines.columns.push_back(MakeColumn("order_id", "integer", true));
  AddConstraint(&lines, MakeForeignKey("Order Lines_order_id_fkey", {"order_id"},
                                       {"public", "order"}, {"id"}));
  lines.owner = "sales_owner";
  AddTable(&catalog, lines);
  model::Sequence line_sequence = MakeSequence("Sales", "Order Lines_line_seq");
  line_sequence.identity = true;
  line_sequence.owned_by = model::SequenceOwner{lines.name, "line"};
  catalog.sequences[line_sequence.name] = line_sequence;

  model::Sequence invoice_numbers = MakeSequence("public", "invoice_numbers");
  invoice_numbers.start = 1000;
  invoice_numbers.min_value = 1000;
  invoice_numbers.comment = "invoice numbers";
  catalog.sequences[invoice_numbers.name] = invoice_numbers;

  const std::string expected =
      "CREATE SCHEMA \"Sales\" AUTHORIZATION sales_owner;\n"
      "\n"
      "ALTER SCHEMA public OWNER TO pg_database_owner;\n"
      "\n"
      "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;\n"
      "\n"
      "CREATE TYPE public.\"order status\" AS ENUM ('new', 'paid');\n"
      "\n"
      "CREATE DOMAIN public.zip AS text CONSTRAINT zip_check CHECK (length(VALUE) = 5);\n"
      "\n"
      "CREATE TYPE \"Sales\".address AS (\n"
      "    street text,\n"
      "    zip public.zip\n"
      ");\n"
      "\n"
      "CREATE SEQUENCE public.invoice_numbers MINVALUE 1000;\n"
      "\n"
      "CREATE SEQUENCE public.order_id_seq AS integer;\n"
      "\n"
      "CREATE TABLE \"Sales\".\"Order Lines\" (\n"
      "    line bigint GENERATED ALWAYS AS IDENTITY,\n"
      "    order_id integer NOT NULL\n"
      ");\n"
      "\n"
      "ALTER TABLE \"Sales\".\"Order Lines\" OWNER TO sales_owner;\n"
      "\n"
      "CREATE TABLE public.customers (\n"
      "    id uuid DEFAULT gen_random_uuid() NOT NULL,\n"
      "    CONSTRAINT customers_pkey PRIMARY KEY (id)\n"
      ");\n"
      "\n"
      "CREATE TABLE public.\"order\" (\n"
      "    id integer DEFAULT nextval('public.order_id_seq'::regclass) NOT NULL,\n"
      "    status public.\"order status\" DEFAULT 'new'::public.\"order status\" NOT NULL,\n"
      "    ship_to \"Sales\".address,\n"
      "    customer_id uuid,\n"
      "    CONSTRAINT order_pkey PRIMARY KEY (id)\n"
      ");\n"
      "\n"
      "CREATE INDEX order_customer_id_idx ON public.\"order\" USING btree (customer_id);\n"
      "\n"
      "ALTER TABLE \"Sales\".\"Order Lines\" ADD CONSTRAINT \"Order Lines_order_id_fkey\" "
      "FOREIGN KEY (order_id) REFERENCES public.\"order\"(id);\n"
      "\n"
      "ALTER TABLE public.\"order\" ADD CONSTRAINT order_customer_id_fkey FOREIGN KEY "
      "(customer_id) REFERENCES public.customers(id);\n"
      "\n"
      "ALTER SEQUENCE public.order_id_seq OWNED BY public.\"order\".id;\n"
      "\n"
      "ALTER TABLE public.\"order\" ENABLE ROW LEVEL SECURITY;\n"
      "\n"
      "COMMENT ON SCHEMA public IS 'standard public schema';\n"
      "\n"
      "COMMENT ON TYPE \"Sales\".address IS 'where to ship';\n"
      "\n"
      "COMMENT ON SEQUENCE public.invoice_numbers IS 'invoice numbers';\n"
      "\n"
      "COMMENT ON COLUMN \"Sales\".\"Order Lines\".line IS 'line number';\n"
      "\n"
      "COMMENT ON TABLE public.\"order\" IS 'orders';\n";
  EXPECT_EQ(CreateScript(catalog), expected);
  // The same catalog gives the same bytes, also when built in another order.
  model::Catalog copy;
  for (auto it = catalog.tables.rbegin(); it != catalog.tables.rend(); ++it) {
    copy.tables.insert(*it);
  }
  copy.schemas = catalog.schemas;
  copy.extensions = catalog.extensions;
  copy.types = catalog.types;
  copy.domains = catalog.domains;
  copy.sequences = catalog.sequences;
  copy.indexes = catalog.indexes;
  EXPECT_EQ(CreateScript(copy), expected);
}

TEST(CreateScript, AddsForeignKeysAfterEveryTableSoCyclesWork) {
  model::Catalog catalog;
  model::Table a =
      MakeTable("public", "a", {MakeColumn("id", "integer", true), MakeColumn("b_id", "integer")});
  AddConstraint(&a, MakeKey("a_pkey", model::ConstraintType::kPrimaryKey, {"id"}));
  AddConstraint(&a, MakeForeignKey("a_b_id_fkey", {"b_id"}, {"public", "b"}, {"id"}));
  model::Table b =
      MakeTable("public", "b", {MakeColumn("id", "integer", true), MakeColumn("a_id", "integer")});
  AddConstraint(&b, MakeKey("b_pkey", model::ConstraintType::kPrimaryKey, {"id"}));
  model::Constraint back = MakeForeignKey("b_a_id_fkey", {"a_id"}, {"public", "a"}, {"id"});
  back.on_delete = model::ForeignKeyAction::kCascade;
  back.deferrable = true;
  back.validated = false;
  AddConstraint(&b, back);
  AddTable(&catalog, a);
  AddTable(&catalog, b);
  EXPECT_EQ(CreateScript(catalog),
            "CREATE TABLE public.a (\n"
            "    id integer NOT NULL,\n"
            "    b_id integer,\n"
            "    CONSTRAINT a_pkey PRIMARY KEY (id)\n"
            ");\n"
            "\n"
            "CREATE TABLE public.b (\n"
            "    id integer NOT NULL,\n"
            "    a_id integer,\n"
            "    CONSTRAINT b_pkey PRIMARY KEY (id)\n"
            ");\n"
            "\n"
            "ALTER TABLE public.a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES "
            "public.b(id);\n"
            "\n"
            "ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES "
            "public.a(id) ON DELETE CASCADE DEFERRABLE NOT VALID;\n");
}

TEST(CreateScript, CreatesPartitionsAfterParentsAndAttachesTheirIndexes) {
  model::Catalog catalog;
  // The partitions sort before their parent; dependency order puts the parent first.
  model::Table parent = MakeTable("public", "measurements",
                                  {MakeColumn("at", "date", true), MakeColumn("value", "integer")});
  parent.partition_key = "RANGE (at)";
  AddConstraint(&parent, MakeCheck("measurements_value_check", "value >= 0"));
  AddTable(&catalog, parent);
  for (std::string year : {"2023", "2024"}) {
    model::Table partition = parent;
    partition.name = {"public", "a_measurements_" + year};
    partition.partition_key = "";
    partition.partition_of = parent.name;
    partition.partition_bound = "FOR VALUES FROM ('" + year + "-01-01') TO ('" + year + "-12-31')";
    for (model::Column& column : partition.columns) column.is_local = false;
    AddTable(&catalog, partition);
    AddIndex(&catalog, MakeIndex("public", "a_measurements_" + year + "_at_idx", partition.name,
                                 {MakeKeyColumn("at")}));
  }
  AddIndex(&catalog,
           MakeIndex("public", "measurements_at_idx", parent.name, {MakeKeyColumn("at")}));
  // Only one partition has an index on value: the parent's is created without ONLY and
  // after the partitions' indexes, so PostgreSQL adopts the one that exists.
  AddIndex(&catalog, MakeIndex("public", "a_value", {"public", "a_measurements_2024"},
                               {MakeKeyColumn("value")}));
  AddIndex(&catalog,
           MakeIndex("public", "measurements_value_idx", parent.name, {MakeKeyColumn("value")}));

  EXPECT_EQ(CreateScript(catalog),
            "CREATE TABLE public.measurements (\n"
            "    at date NOT NULL,\n"
            "    value integer,\n"
            "    CONSTRAINT measurements_value_check CHECK (value >= 0)\n"
            ") PARTITION BY RANGE (at);\n"
            "\n"
            "CREATE TABLE public.a_measurements_2023 PARTITION OF public.measurements FOR VALUES "
            "FROM ('2023-01-01') TO ('2023-12-31');\n"
            "\n"
            "CREATE TABLE public.a_measurements_2024 PARTITION OF public.measurements FOR VALUES "
            "FROM ('2024-01-01') TO ('2024-12-31');\n"
            "\n"
            "CREATE INDEX a_measurements_2023_at_idx ON public.a_measurements_2023 USING btree "
            "(at);\n"
            "\n"
            "CREATE INDEX a_measurements_2024_at_idx ON public.a_measurements_2024 USING btree "
            "(at);\n"
            "\n"
            "CREATE INDEX a_value ON public.a_measurements_2024 USING btree (value);\n"
            "\n"
            "CREATE INDEX measurements_at_idx ON ONLY public.measurements USING btree (at);\n"
            "\n"
            "CREATE INDEX measurements_value_idx ON public.measurements USING btree (value);\n"
            "\n"
            "ALTER INDEX public.measurements_at_idx ATTACH PARTITION "
            "public.a_measurements_2023_at_idx;\n"
            "\n"
            "ALTER INDEX public.measurements_at_idx ATTACH PARTITION "
            "public.a_measurements_2024_at_idx;\n");
}

TEST(CreateScript, CreatesInheritanceParentsFirst) {
  model::Catalog catalog;
  model::Table parent = MakeTable("public", "z_parent", {MakeColumn("id", "integer", true)});
  AddTable(&catalog, parent);
  model::Table child = MakeTable("public", "a_child",
                                 {MakeColumn("id", "integer", true), MakeColumn("extra", "text")});
  child.columns[0].is_local = false;
  child.columns[0].inherit_count = 1;
  child.inherits = {parent.name};
  AddTable(&catalog, child);
  EXPECT_EQ(CreateScript(catalog),
            "CREATE TABLE public.z_parent (\n"
            "    id integer NOT NULL\n"
            ");\n"
            "\n"
            "CREATE TABLE public.a_child (\n"
            "    extra text\n"
            ") INHERITS (public.z_parent);\n");
}

TEST(CreateScript, AddsParentColumnsLateWhenChildrenHaveThemAfterTheirOwn) {
  model::Catalog catalog;
  model::Table animals = MakeTable(
      "public", "animals", {MakeColumn("id", "integer", true), MakeColumn("phone", "text")});
  AddConstraint(&animals, MakeKey("animals_pkey", model::ConstraintType::kPrimaryKey, {"id"}));
  AddConstraint(&animals, MakeCheck("animals_phone_check", "phone <> ''::text"));
  animals.columns[1].storage = "external";
  AddTable(&catalog, animals);
  // dogs was created before animals gained phone, and gained tail after that.
  model::Table dogs = MakeTable("public", "dogs",
                                {MakeColumn("id", "integer", true), MakeColumn("breed", "text"),
                                 MakeColumn("phone", "text"), MakeColumn("tail", "boolean", true)});
  for (int inherited : {0, 2}) {
    dogs.columns[inherited].is_local = false;
    dogs.columns[inherited].inherit_count = 1;
  }
  dogs.columns[2].storage = "external";
  dogs.inherits = {animals.name};
  AddConstraint(&dogs, MakeCheck("animals_phone_check", "phone <> ''::text"));
  AddTable(&catalog, dogs);
  EXPECT_EQ(CreateScript(catalog),
            "CREATE TABLE public.animals (\n"
            "    id integer NOT NULL\n"
            ");\n"
            "\n"
            "CREATE TABLE public.dogs (\n"
            "    breed text\n"
            ") INHERITS (public.animals);\n"
            "\n"
            "ALTER TABLE public.animals ADD COLUMN phone text;\n"
            "\n"
            "ALTER TABLE public.dogs ADD COLUMN tail boolean NOT NULL;\n"
            "\n"
            "ALTER TABLE public.animals ADD CONSTRAINT animals_phone_check CHECK (phone <> "
            "''::text);\n"
            "\n"
            "ALTER TABLE public.animals ADD CONSTRAINT animals_pkey PRIMARY KEY (id);\n"
            "\n"
            "ALTER TABLE ONLY public.animals ALTER COLUMN phone SET STORAGE external;\n"
            "\n"
            "ALTER TABLE ONLY public.dogs ALTER COLUMN phone SET STORAGE external;\n");
}

TEST(CreateScript, CreatesUniqueIndexesBeforeForeignKeysThatNeedThem) {
  model::Catalog catalog;
  model::Table users = MakeTable("public", "users", {MakeColumn("email", "text", true)});
  AddTable(&catalog, users);
  model::Index email = MakeIndex("public", "users_email_idx", users.name, {MakeKeyColumn("email")});
  email.unique = true;
  AddIndex(&catalog, email);
  model::Table invites = MakeTable("public", "invites", {MakeColumn("email", "text")});
  AddConstraint(&invites, MakeForeignKey("invites_email_fkey", {"email"}, users.name, {"email"}));
  AddTable(&catalog, invites);
  EXPECT_EQ(CreateScript(catalog),
            "CREATE TABLE public.invites (\n"
            "    email text\n"
            ");\n"
            "\n"
            "CREATE TABLE public.users (\n"
            "    email text NOT NULL\n"
            ");\n"
            "\n"
            "CREATE UNIQUE INDEX users_email_idx ON public.users USING btree (email);\n"
            "\n"
            "ALTER TABLE public.invites ADD CONSTRAINT invites_email_fkey FOREIGN KEY (email) "
            "REFERENCES public.users(email);\n");
}

TEST(CreateScript, LeavesOutManagedObjectsUnlessAsked) {
  model::Catalog catalog;
  AddSchema(&catalog, "public", /*managed=*/true);
  AddSchema(&catalog, "auth", /*managed=*/true);
  catalog.extensions["pgcrypto"] = {"pgcrypto", "extensions", "", "", true, {}};
  model::Table users = MakeTable("auth", "users", {MakeColumn("id", "uuid", true)});
  users.managed = true;
  users.rls_enabled = true;
  AddConstraint(&users, MakeKey("users_pkey", model::ConstraintType::kPrimaryKey, {"id"}));
  AddTable(&catalog, users);
  AddIndex(&catalog, MakeIndex("auth", "users_id_idx", users.name, {MakeKeyColumn("id")}));
  model::Table profiles = MakeTable("public", "profiles", {MakeColumn("id", "uuid", true)});
  AddConstraint(&profiles, MakeForeignKey("profiles_id_fkey", {"id"}, {"auth", "users"}, {"id"}));
  AddTable(&catalog, profiles);

  EXPECT_EQ(CreateScript(catalog),
            "CREATE TABLE public.profiles (\n"
            "    id uuid NOT NULL\n"
            ");\n"
            "\n"
            "ALTER TABLE public.profiles ADD CONSTRAINT profiles_id_fkey FOREIGN KEY (id) "
            "REFERENCES auth.users(id);\n");

  CreateScriptOptions options;
  options.include_managed = true;
  EXPECT_EQ(CreateScript(catalog, options),
            "CREATE SCHEMA auth;\n"
            "\n"
            "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;\n"
            "\n"
            "CREATE TABLE auth.users (\n"
            "    id uuid NOT NULL,\n"
            "    CONSTRAINT users_pkey PRIMARY KEY (id)\n"
            ");\n"
            "\n"
            "CREATE TABLE public.profiles (\n"
            "    id uuid NOT NULL\n"
            ");\n"
            "\n"
            "CREATE INDEX users_id_idx ON auth.users USING btree (id);\n"
            "\n"
            "ALTER TABLE public.profiles ADD CONSTRAINT profiles_id_fkey FOREIGN KEY (id) "
            "REFERENCES auth.users(id);\n"
            "\n"
            "ALTER TABLE auth.users ENABLE ROW LEVEL SECURITY;\n");
}

TEST(CreateScript, PrintsTableFlagsAfterIndexes) {
  model::Catalog catalog;
  model::Table table = MakeTable("public", "jobs", {MakeColumn("id", "integer", true)});
  table.replica_identity = model::ReplicaIdentity::kIndex;
  table.replica_identity_index = "jobs_id_key";
  AddConstraint(&table, MakeKey("jobs_id_key", model::ConstraintType::kUnique, {"id"}));
  AddTable(&catalog, table);
  model::Index key = MakeIndex("public", "jobs_id_key", table.name, {MakeKeyColumn("id")});
  key.unique = true;
  key.constraint_name = "jobs_id_key";
  key.clustered = true;
  key.comment = "the key";
  AddIndex(&catalog, key);
  EXPECT_EQ(CreateScript(catalog),
            "CREATE TABLE public.jobs (\n"
            "    id integer NOT NULL,\n"
            "    CONSTRAINT jobs_id_key UNIQUE (id)\n"
            ");\n"
            "\n"
            "ALTER TABLE public.jobs REPLICA IDENTITY USING INDEX jobs_id_key;\n"
            "\n"
            "ALTER TABLE public.jobs CLUSTER ON jobs_id_key;\n"
            "\n"
            "COMMENT ON INDEX public.jobs_id_key IS 'the key';\n");
}

TEST(CreateScript, LeavesOutDefaultPrivilegesThePlatformSetsUp) {
  model::Catalog catalog;
  const model::DefaultAclKey platform_key{"postgres", "", 'r'};
  const model::DefaultAclKey own_key{"postgres", "", 'f'};
  catalog.default_privileges[platform_key] = {{"anon", {"arwdDxt", ""}}};
  catalog.default_privileges[own_key] = {{"authenticated", {"X", ""}}};
  model::DefaultAcls platform = {{platform_key, {{"anon", {"arwdDxt", ""}}}}};

  std::string script = CreateScript(catalog, {.platform_default_privileges = &platform});
  EXPECT_EQ(script.find("ON TABLES"), std::string::npos) << script;
  EXPECT_NE(script.find("GRANT ALL ON FUNCTIONS TO authenticated"), std::string::npos) << script;

  // A platform entry the catalog changed is printed; include_managed prints every entry.
  platform[platform_key] = {{"anon", {"r", ""}}};
  EXPECT_NE(CreateScript(catalog, {.platform_default_privileges = &platform}).find("ON TABLES"),
            std::string::npos);
  platform[platform_key] = {{"anon", {"arwdDxt", ""}}};
  EXPECT_NE(CreateScript(catalog, {.include_managed = true, .platform_default_privileges = &platform})
                .find("ON TABLES"),
            std::string::npos);
}

}  // namespace
}  // namespace pgdrift::planner
