#include <map>
#include <string>
#include <variant>
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

// public.orders (id bigint, status varchar(20), total numeric(10,2), data jsonb), the
// partitioned public.events (RANGE (created_at)), public.mood and public.address.
model::Catalog TestCatalog() {
  model::Catalog catalog = BasicCatalog();
  model::Table& orders = catalog.tables[{"public", "orders"}];
  orders.name = {"public", "orders"};
  orders.columns = {MakeColumn("id", model::TypeRef::Builtin("bigint")),
                    MakeColumn("status", model::TypeRef::Builtin("character varying(20)")),
                    MakeColumn("total", model::TypeRef::Builtin("numeric(10,2)")),
                    MakeColumn("data", model::TypeRef::Builtin("jsonb"))};
  model::Table& events = catalog.tables[{"public", "events"}];
  events.name = {"public", "events"};
  events.columns = {MakeColumn("id", model::TypeRef::Builtin("bigint")),
                    MakeColumn("created_at", model::TypeRef::Builtin("date"))};
  events.partition_key = "RANGE (created_at)";
  catalog.types[{"public", "mood"}].name = {"public", "mood"};
  model::UserType& address = catalog.types[{"public", "address"}];
  address.name = {"public", "address"};
  address.kind = model::UserTypeKind::kComposite;
  catalog.sequences[{"public", "orders_id_seq"}].name = {"public", "orders_id_seq"};
  catalog.current_user = "migrator";
  return catalog;
}

model::AlterTable Alter(std::string_view sql) {
  return SingleMutation<model::AlterTable>(TransformSql(sql, TestCatalog()));
}

// The only command of `sql` as `Command`; a default Command (and a test failure) when
// there is not exactly one or it has another type.
template <typename Command>
Command Only(std::string_view sql) {
  model::AlterTable m = Alter(sql);
  EXPECT_EQ(m.commands.size(), 1u) << sql;
  if (m.commands.size() != 1) return Command{};
  const Command* command = std::get_if<Command>(&m.commands[0]);
  EXPECT_NE(command, nullptr) << sql << ": command has another type (index " << m.commands[0].index() << ")";
  return command == nullptr ? Command{} : *command;
}

TEST(TransformAlterTable, TransformsStatementFlags) {
  model::AlterTable plain = Alter("ALTER TABLE orders ENABLE ROW LEVEL SECURITY");
  EXPECT_EQ(plain.table, (model::QualifiedName{"", "orders"}));
  EXPECT_FALSE(plain.if_exists);
  EXPECT_FALSE(plain.only);
  model::AlterTable flagged = Alter("ALTER TABLE IF EXISTS ONLY public.orders ENABLE ROW LEVEL SECURITY");
  EXPECT_EQ(flagged.table, (model::QualifiedName{"public", "orders"}));
  EXPECT_TRUE(flagged.if_exists);
  EXPECT_TRUE(flagged.only);
}

TEST(TransformAlterTable, AddsColumnsWithConstraints) {
  auto add = Only<model::alter::AddColumn>(
      "ALTER TABLE orders ADD COLUMN IF NOT EXISTS note varchar(10) NOT NULL DEFAULT 'x'::character varying "
      "CHECK (note <> '') REFERENCES users (id)");
  EXPECT_TRUE(add.if_not_exists);
  EXPECT_EQ(add.def.column.name, "note");
  EXPECT_EQ(add.def.column.type.ToString(), "character varying(10)");
  EXPECT_TRUE(add.def.column.not_null);
  EXPECT_EQ(add.def.column.default_expr, "'x'");
  ASSERT_EQ(add.constraints.size(), 2u);
  EXPECT_EQ(add.constraints[0].constraint.type, model::ConstraintType::kCheck);
  EXPECT_EQ(add.constraints[0].column, "note");
  EXPECT_EQ(add.constraints[0].constraint.expression, "note <> ''");
  EXPECT_EQ(add.constraints[1].constraint.type, model::ConstraintType::kForeignKey);
  EXPECT_THAT(add.constraints[1].constraint.columns, ElementsAre("note"));
  EXPECT_THAT(add.constraints[1].constraint.referenced_columns, ElementsAre("id"));

  auto serial = Only<model::alter::AddColumn>("ALTER TABLE orders ADD seq bigserial PRIMARY KEY");
  EXPECT_EQ(serial.def.serial, model::SerialKind::kBig);
  EXPECT_TRUE(serial.def.column.not_null);
  EXPECT_FALSE(serial.if_not_exists);
}

TEST(TransformAlterTable, LaterCommandsSeeColumnsAddedBefore) {
  model::AlterTable m = Alter(
      "ALTER TABLE orders ADD COLUMN code varchar(5), "
      "ADD CONSTRAINT orders_code_check CHECK (((code)::text = ANY ((ARRAY['a'::character varying])::text[])))");
  ASSERT_EQ(m.commands.size(), 2u);
  const auto* add = std::get_if<model::alter::AddConstraint>(&m.commands[1]);
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->def.constraint.expression, "code = ANY(ARRAY['a'])");
}

TEST(TransformAlterTable, TransformsColumnCommands) {
  EXPECT_EQ(Only<model::alter::SetDefault>("ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new'").expr,
            "'new'");
  EXPECT_EQ(Only<model::alter::SetDefault>(
                "ALTER TABLE orders ALTER status SET DEFAULT 'new'::character varying").expr,
            "'new'");
  EXPECT_EQ(Only<model::alter::SetDefault>("ALTER TABLE orders ALTER data SET DEFAULT '{}'::jsonb").expr, "'{}'");
  EXPECT_EQ(Only<model::alter::SetDefault>(
                "ALTER TABLE orders ALTER id SET DEFAULT nextval('orders_id_seq')").expr,
            "nextval('public.orders_id_seq'::regclass)");
  model::alter::SetDefault dropped = Only<model::alter::SetDefault>("ALTER TABLE orders ALTER status DROP DEFAULT");
  EXPECT_EQ(dropped.column, "status");
  EXPECT_FALSE(dropped.expr.has_value());
  // status is varchar(20): the length coercion keeps the NULL, so PostgreSQL stores a
  // default (NULL::character varying), checked on a real server.
  EXPECT_TRUE(Only<model::alter::SetDefault>("ALTER TABLE orders ALTER status SET DEFAULT NULL").expr.has_value());

  model::alter::SetNotNull set_not_null = Only<model::alter::SetNotNull>("ALTER TABLE orders ALTER status SET NOT NULL");
  EXPECT_EQ(set_not_null.column, "status");
  EXPECT_TRUE(set_not_null.not_null);
  EXPECT_FALSE(Only<model::alter::SetNotNull>("ALTER TABLE orders ALTER status DROP NOT NULL").not_null);

  model::alter::DropExpression drop_expression =
      Only<model::alter::DropExpression>("ALTER TABLE orders ALTER total DROP EXPRESSION IF EXISTS");
  EXPECT_EQ(drop_expression.column, "total");
  EXPECT_TRUE(drop_expression.if_exists);

  model::alter::SetStatistics statistics =
      Only<model::alter::SetStatistics>("ALTER TABLE orders ALTER status SET STATISTICS 500");
  EXPECT_EQ(statistics.column, "status");
  EXPECT_EQ(statistics.target, 500);

  model::alter::SetColumnOptions options =
      Only<model::alter::SetColumnOptions>("ALTER TABLE orders ALTER status SET (n_distinct = 100)");
  EXPECT_EQ(options.set, (std::map<std::string, std::string>{{"n_distinct", "100"}}));
  EXPECT_THAT(Only<model::alter::SetColumnOptions>("ALTER TABLE orders ALTER status RESET (n_distinct)").reset,
              ElementsAre("n_distinct"));

  EXPECT_EQ(Only<model::alter::SetStorage>("ALTER TABLE orders ALTER data SET STORAGE EXTERNAL").storage,
            "external");
  EXPECT_EQ(Only<model::alter::SetCompression>("ALTER TABLE orders ALTER data SET COMPRESSION lz4").compression,
            "lz4");

  model::alter::DropColumn drop = Only<model::alter::DropColumn>("ALTER TABLE orders DROP COLUMN IF EXISTS data CASCADE");
  EXPECT_EQ(drop.column, "data");
  EXPECT_TRUE(drop.if_exists);
  EXPECT_TRUE(drop.cascade);
  drop = Only<model::alter::DropColumn>("ALTER TABLE orders DROP data");
  EXPECT_FALSE(drop.if_exists);
  EXPECT_FALSE(drop.cascade);

  model::alter::AlterColumnType type = Only<model::alter::AlterColumnType>(
      "ALTER TABLE orders ALTER COLUMN status TYPE mood USING status::mood");
  EXPECT_EQ(type.column, "status");
  EXPECT_EQ(type.type.ToString(), "public.mood");
  EXPECT_EQ(type.using_expr, "status::public.mood");
  type = Only<model::alter::AlterColumnType>("ALTER TABLE orders ALTER status SET DATA TYPE text COLLATE \"C\"");
  EXPECT_EQ(type.type.ToString(), "text");
  EXPECT_EQ(type.collation, "pg_catalog.\"C\"");
  EXPECT_EQ(type.using_expr, "");
}

TEST(TransformAlterTable, TransformsConstraintCommands) {
  model::alter::AddConstraint check =
      Only<model::alter::AddConstraint>("ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0) NOT VALID");
  EXPECT_EQ(check.def.constraint.name, "positive");
  EXPECT_EQ(check.def.constraint.expression, "total > 0");
  EXPECT_FALSE(check.def.constraint.validated);
  EXPECT_THAT(check.def.check_columns, ElementsAre("total"));
  EXPECT_TRUE(Only<model::alter::AddConstraint>("ALTER TABLE orders ADD CHECK (total > 0)").def.constraint.validated);

  model::alter::AddConstraint fk = Only<model::alter::AddConstraint>(
      "ALTER TABLE orders ADD FOREIGN KEY (id) REFERENCES users ON UPDATE CASCADE NOT VALID");
  EXPECT_EQ(fk.def.constraint.type, model::ConstraintType::kForeignKey);
  EXPECT_TRUE(fk.def.references_primary_key);
  EXPECT_EQ(fk.def.constraint.on_update, model::ForeignKeyAction::kCascade);
  EXPECT_FALSE(fk.def.constraint.validated);

  model::alter::AddConstraintUsingIndex using_index = Only<model::alter::AddConstraintUsingIndex>(
      "ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx DEFERRABLE");
  EXPECT_EQ(using_index.index, "orders_id_idx");
  EXPECT_EQ(using_index.def.constraint.name, "orders_pkey");
  EXPECT_EQ(using_index.def.constraint.type, model::ConstraintType::kPrimaryKey);
  EXPECT_TRUE(using_index.def.constraint.deferrable);

  model::alter::AlterConstraint alter = Only<model::alter::AlterConstraint>(
      "ALTER TABLE orders ALTER CONSTRAINT orders_user_fkey DEFERRABLE INITIALLY DEFERRED");
  EXPECT_EQ(alter.name, "orders_user_fkey");
  EXPECT_TRUE(alter.deferrable);
  EXPECT_TRUE(alter.initially_deferred);

  EXPECT_EQ(Only<model::alter::ValidateConstraint>("ALTER TABLE orders VALIDATE CONSTRAINT positive").name,
            "positive");
  model::alter::DropConstraint drop =
      Only<model::alter::DropConstraint>("ALTER TABLE orders DROP CONSTRAINT IF EXISTS positive CASCADE");
  EXPECT_EQ(drop.name, "positive");
  EXPECT_TRUE(drop.if_exists);
  EXPECT_TRUE(drop.cascade);
}

TEST(TransformAlterTable, TransformsIdentityCommands) {
  model::alter::AddIdentity add = Only<model::alter::AddIdentity>(
      "ALTER TABLE orders ALTER id ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 100)");
  EXPECT_EQ(add.column, "id");
  EXPECT_EQ(add.kind, model::IdentityKind::kByDefault);
  EXPECT_EQ(add.options.start, 100);

  model::alter::SetIdentity kind = Only<model::alter::SetIdentity>("ALTER TABLE orders ALTER id SET GENERATED ALWAYS");
  EXPECT_EQ(kind.column, "id");
  EXPECT_EQ(kind.kind, model::IdentityKind::kAlways);
  model::alter::SetIdentity increment =
      Only<model::alter::SetIdentity>("ALTER TABLE orders ALTER id SET INCREMENT BY 2");
  EXPECT_FALSE(increment.kind.has_value());
  EXPECT_EQ(increment.options.increment, 2);
  EXPECT_EQ(Only<model::alter::SetIdentity>("ALTER TABLE orders ALTER id RESTART WITH 7").options.restart, 7);

  model::alter::DropIdentity drop = Only<model::alter::DropIdentity>("ALTER TABLE orders ALTER id DROP IDENTITY IF EXISTS");
  EXPECT_EQ(drop.column, "id");
  EXPECT_TRUE(drop.if_exists);
}

TEST(TransformAlterTable, TransformsTableCommands) {
  EXPECT_EQ(Only<model::alter::SetOwner>("ALTER TABLE orders OWNER TO app_owner").role, "app_owner");
  EXPECT_EQ(Only<model::alter::SetOwner>("ALTER TABLE orders OWNER TO CURRENT_USER").role, "migrator");
  EXPECT_EQ(Only<model::alter::ClusterOn>("ALTER TABLE orders CLUSTER ON orders_idx").index, "orders_idx");
  EXPECT_FALSE(Only<model::alter::ClusterOn>("ALTER TABLE orders SET WITHOUT CLUSTER").index.has_value());
  EXPECT_TRUE(Only<model::alter::SetLogged>("ALTER TABLE orders SET LOGGED").logged);
  EXPECT_FALSE(Only<model::alter::SetLogged>("ALTER TABLE orders SET UNLOGGED").logged);
  EXPECT_EQ(Only<model::alter::SetAccessMethod>("ALTER TABLE orders SET ACCESS METHOD columnar").method, "columnar");
  EXPECT_EQ(Only<model::alter::SetTablespace>("ALTER TABLE orders SET TABLESPACE fast").tablespace, "fast");
  EXPECT_EQ(Only<model::alter::SetOptions>("ALTER TABLE orders SET (fillfactor = 50)").set,
            (std::map<std::string, std::string>{{"fillfactor", "50"}}));
  EXPECT_THAT(Only<model::alter::SetOptions>("ALTER TABLE orders RESET (fillfactor, autovacuum_enabled)").reset,
              ElementsAre("fillfactor", "autovacuum_enabled"));

  model::alter::Inherit inherit = Only<model::alter::Inherit>("ALTER TABLE orders INHERIT public.base");
  EXPECT_EQ(inherit.parent, (model::QualifiedName{"public", "base"}));
  EXPECT_TRUE(inherit.add);
  EXPECT_FALSE(Only<model::alter::Inherit>("ALTER TABLE orders NO INHERIT base").add);

  EXPECT_EQ(Only<model::alter::SetReplicaIdentity>("ALTER TABLE orders REPLICA IDENTITY FULL").identity,
            model::ReplicaIdentity::kFull);
  EXPECT_EQ(Only<model::alter::SetReplicaIdentity>("ALTER TABLE orders REPLICA IDENTITY NOTHING").identity,
            model::ReplicaIdentity::kNothing);
  EXPECT_EQ(Only<model::alter::SetReplicaIdentity>("ALTER TABLE orders REPLICA IDENTITY DEFAULT").identity,
            model::ReplicaIdentity::kDefault);
  model::alter::SetReplicaIdentity by_index =
      Only<model::alter::SetReplicaIdentity>("ALTER TABLE orders REPLICA IDENTITY USING INDEX orders_idx");
  EXPECT_EQ(by_index.identity, model::ReplicaIdentity::kIndex);
  EXPECT_EQ(by_index.index, "orders_idx");

  struct RowSecurityCase {
    std::string sql;
    std::optional<bool> enabled;
    std::optional<bool> forced;
  };
  const std::vector<RowSecurityCase> rls = {
      {"ALTER TABLE orders ENABLE ROW LEVEL SECURITY", true, std::nullopt},
      {"ALTER TABLE orders DISABLE ROW LEVEL SECURITY", false, std::nullopt},
      {"ALTER TABLE orders FORCE ROW LEVEL SECURITY", std::nullopt, true},
      {"ALTER TABLE orders NO FORCE ROW LEVEL SECURITY", std::nullopt, false},
  };
  for (const RowSecurityCase& c : rls) {
    SCOPED_TRACE(c.sql);
    model::alter::SetRowSecurity set = Only<model::alter::SetRowSecurity>(c.sql);
    EXPECT_EQ(set.enabled, c.enabled);
    EXPECT_EQ(set.forced, c.forced);
  }
  EXPECT_THAT(Alter("ALTER TABLE orders SET WITHOUT OIDS").commands, IsEmpty());
}

TEST(TransformAlterTable, TransformsPartitionCommands) {
  model::alter::AttachPartition attach = Only<model::alter::AttachPartition>(
      "ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01'::date) TO ('2025-01-01')");
  EXPECT_EQ(attach.partition, (model::QualifiedName{"", "events_2024"}));
  EXPECT_EQ(attach.bound, "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
  EXPECT_EQ(Only<model::alter::AttachPartition>("ALTER TABLE events ATTACH PARTITION events_old DEFAULT").bound,
            "DEFAULT");
  EXPECT_EQ(Only<model::alter::DetachPartition>("ALTER TABLE events DETACH PARTITION public.events_2024 CONCURRENTLY")
                .partition,
            (model::QualifiedName{"public", "events_2024"}));
  EXPECT_THAT(Alter("ALTER TABLE events DETACH PARTITION events_2024 FINALIZE").commands, IsEmpty());
}

TEST(TransformAlterTable, TransformsAlterIndex) {
  model::AlterIndex set = SingleMutation<model::AlterIndex>(
      TransformSql("ALTER INDEX IF EXISTS public.orders_idx SET (fillfactor = 80, deduplicate_items = off)",
                   TestCatalog()));
  EXPECT_EQ(set.index, (model::QualifiedName{"public", "orders_idx"}));
  EXPECT_TRUE(set.if_exists);
  EXPECT_EQ(set.set_options,
            (std::map<std::string, std::string>{{"deduplicate_items", "off"}, {"fillfactor", "80"}}));
  model::AlterIndex reset =
      SingleMutation<model::AlterIndex>(TransformSql("ALTER INDEX orders_idx RESET (fillfactor)", TestCatalog()));
  EXPECT_THAT(reset.reset_options, ElementsAre("fillfactor"));
  model::AlterIndex attach = SingleMutation<model::AlterIndex>(
      TransformSql("ALTER INDEX events_idx ATTACH PARTITION events_2024_idx", TestCatalog()));
  EXPECT_EQ(attach.attach_partition, (model::QualifiedName{"", "events_2024_idx"}));
  model::AlterIndex tablespace = SingleMutation<model::AlterIndex>(
      TransformSql("ALTER INDEX orders_idx SET TABLESPACE fast", TestCatalog()));
  EXPECT_EQ(tablespace.tablespace, "fast");
}

TEST(TransformAlterTable, TransformsAlterSequenceOwner) {
  model::SetObjectOwner owner =
      SingleMutation<model::SetObjectOwner>(TransformSql("ALTER SEQUENCE orders_id_seq OWNER TO app", TestCatalog()));
  EXPECT_EQ(owner.kind, model::ObjectKind::kSequence);
  EXPECT_EQ(owner.object, (model::QualifiedName{"", "orders_id_seq"}));
  EXPECT_EQ(owner.role, "app");
}

TEST(TransformAlterTable, AltersSequencesNamedByAlterTable) {
  // pg_dump used to write ALTER TABLE for a sequence's owner.
  model::SetObjectOwner owner = SingleMutation<model::SetObjectOwner>(
      TransformSql("ALTER TABLE public.orders_id_seq OWNER TO app", TestCatalog()));
  EXPECT_EQ(owner.kind, model::ObjectKind::kSequence);
  EXPECT_EQ(owner.object, (model::QualifiedName{"public", "orders_id_seq"}));
  EXPECT_EQ(owner.role, "app");
}

TEST(TransformAlterTable, TransformsCompositeTypeAttributes) {
  model::AlterType m = SingleMutation<model::AlterType>(TransformSql(
      "ALTER TYPE address ADD ATTRIBUTE zip varchar(10) COLLATE \"C\", DROP ATTRIBUTE IF EXISTS city, "
      "ALTER ATTRIBUTE street TYPE text",
      TestCatalog()));
  EXPECT_EQ(m.type, (model::QualifiedName{"", "address"}));
  ASSERT_EQ(m.commands.size(), 3u);
  const auto* add = std::get_if<model::alter_type::AddAttribute>(&m.commands[0]);
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->attribute.name, "zip");
  EXPECT_EQ(add->attribute.type.ToString(), "character varying(10)");
  EXPECT_EQ(add->attribute.collation, "pg_catalog.\"C\"");
  const auto* drop = std::get_if<model::alter_type::DropAttribute>(&m.commands[1]);
  ASSERT_NE(drop, nullptr);
  EXPECT_EQ(drop->name, "city");
  EXPECT_TRUE(drop->if_exists);
  const auto* alter = std::get_if<model::alter_type::AlterAttributeType>(&m.commands[2]);
  ASSERT_NE(alter, nullptr);
  EXPECT_EQ(alter->name, "street");
  EXPECT_EQ(alter->type.ToString(), "text");
}

TEST(TransformAlterTable, ReportsWhatIsNotModelled) {
  struct Case {
    std::string sql;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"ALTER TABLE orders ENABLE ALWAYS RULE r", "ALTER TABLE … ENABLE ALWAYS RULE is not modelled"},
      {"ALTER TABLE orders OF address", "ALTER TABLE … OF is not modelled"},
      {"ALTER TABLE orders NOT OF", "ALTER TABLE … NOT OF is not modelled"},
      {"ALTER TABLE orders ALTER status OPTIONS (ADD x 'y')",
       "ALTER TABLE … ALTER COLUMN … OPTIONS is not modelled"},
      {"ALTER INDEX orders_idx ALTER COLUMN 1 SET STATISTICS 100",
       "ALTER INDEX … ALTER COLUMN … SET STATISTICS is not modelled"},
      {"ALTER SEQUENCE orders_id_seq SET UNLOGGED", "ALTER SEQUENCE … SET UNLOGGED is not modelled"},
      {"ALTER VIEW v ALTER COLUMN a SET DEFAULT 1",
       "ALTER VIEW other than SET (…) / RESET (…) is not modelled"},
      {"ALTER MATERIALIZED VIEW mv CLUSTER ON mv_idx",
       "ALTER MATERIALIZED VIEW other than SET (…) / RESET (…) is not modelled"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    testing::TransformOutput output = TransformSql(c.sql, TestCatalog());
    EXPECT_THAT(output.status, StatusIs(absl::StatusCode::kUnimplemented, c.message));
    EXPECT_THAT(output.mutations, IsEmpty());
  }
}

TEST(TransformAlterTable, RejectsWhatPostgresRejects) {
  struct Case {
    std::string sql;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"ALTER TABLE orders ALTER status TYPE serial", absl::StatusCode::kNotFound,
       "type \"serial\" does not exist"},
      {"ALTER TABLE orders ADD COLUMN x int NULL NOT NULL", absl::StatusCode::kInvalidArgument,
       "conflicting NULL/NOT NULL declarations for column \"x\" of table \"orders\""},
      {"ALTER TABLE orders OWNER TO PUBLIC", absl::StatusCode::kNotFound, "role \"public\" does not exist"},
      {"ALTER TABLE orders ALTER status SET DEFAULT \"child a\"", absl::StatusCode::kInvalidArgument,
       "cannot use column reference in DEFAULT expression"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    testing::TransformOutput output = TransformSql(c.sql, TestCatalog());
    EXPECT_THAT(output.status, StatusIs(c.code, c.message));
    EXPECT_THAT(output.mutations, IsEmpty());
  }
}

}  // namespace
}  // namespace pgdrift::parser
