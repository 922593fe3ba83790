#include <string>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/apply.h"

namespace pgdrift::model {
namespace {

using ::pgdrift::testing::IsOk;
using ::pgdrift::testing::StatusIs;
using ::testing::ElementsAre;

Mutation M(MutationBody body) {
  return Mutation{SourceSpan{"m.sql", 3, 1}, "stmt", std::move(body)};
}

std::vector<std::string> Messages(const DiagnosticSink& sink) {
  std::vector<std::string> messages;
  for (const Diagnostic& d : sink.diagnostics()) messages.push_back(d.message);
  return messages;
}

Catalog WithPublic() {
  Catalog catalog;
  catalog.schemas["public"] = Schema{"public", "postgres"};
  return catalog;
}

TEST(ApplySchema, CreatesSchemasOwnedByTheirAuthorization) {
  Catalog catalog = WithPublic();
  catalog.current_user = "migrator";
  DiagnosticSink notes;
  ASSERT_THAT(Apply(M(CreateSchema{"app"}), &catalog, &notes), IsOk());
  ASSERT_THAT(Apply(M(CreateSchema{"", false, "alice"}), &catalog, &notes), IsOk());
  ASSERT_THAT(Apply(M(CreateSchema{"audit", false, "bob"}), &catalog, &notes), IsOk());
  EXPECT_EQ(catalog.schemas.at("app").owner, "migrator");
  EXPECT_EQ(catalog.schemas.at("alice").owner, "alice");
  EXPECT_EQ(catalog.schemas.at("audit").owner, "bob");
  EXPECT_EQ(catalog.schemas.at("app").lineage.created.line, 3);
  EXPECT_TRUE(notes.diagnostics().empty());
}

TEST(ApplySchema, RejectsSchemasPostgresRejects) {
  struct Row {
    CreateSchema mutation;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {{"public"}, absl::StatusCode::kAlreadyExists, "m.sql:3:1: schema \"public\" already exists"},
      {{"pg_extra"},
       absl::StatusCode::kInvalidArgument,
       "unacceptable schema name \"pg_extra\"\nDETAIL:  The prefix \"pg_\" is reserved for system "
       "schemas."},
      {{"pg_extra", true}, absl::StatusCode::kInvalidArgument, "unacceptable schema name"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = WithPublic();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_EQ(catalog.schemas.size(), 1u);
  }
}

TEST(ApplySchema, SkipsExistingSchemaWithNotice) {
  Catalog catalog = WithPublic();
  DiagnosticSink notes;
  ASSERT_THAT(Apply(M(CreateSchema{"public", true, "alice"}), &catalog, &notes), IsOk());
  EXPECT_THAT(Messages(notes), ElementsAre("schema \"public\" already exists, skipping"));
  EXPECT_EQ(notes.diagnostics()[0].severity, Severity::kNote);
  EXPECT_EQ(catalog.schemas.at("public").owner, "postgres");
}

TEST(ApplySchema, CreatesExtensionsInTheCreationSchema) {
  Catalog catalog = WithPublic();
  catalog.schemas["extensions"] = Schema{"extensions"};
  ASSERT_THAT(Apply(M(CreateExtension{"pgcrypto"}), &catalog, nullptr), IsOk());
  ASSERT_THAT(Apply(M(CreateExtension{"citext", "extensions", "1.6"}), &catalog, nullptr), IsOk());
  catalog.search_path = {"extensions", "public"};
  ASSERT_THAT(Apply(M(CreateExtension{"pg_trgm"}), &catalog, nullptr), IsOk());
  EXPECT_EQ(catalog.extensions.at("pgcrypto").schema, "public");
  EXPECT_EQ(catalog.extensions.at("pgcrypto").version, "");
  EXPECT_EQ(catalog.extensions.at("citext").schema, "extensions");
  EXPECT_EQ(catalog.extensions.at("citext").version, "1.6");
  EXPECT_EQ(catalog.extensions.at("pg_trgm").schema, "extensions");
  EXPECT_EQ(catalog.extensions.at("pg_trgm").lineage.created.file, "m.sql");
}

TEST(ApplySchema, ReportsExtensionConflicts) {
  Catalog catalog = WithPublic();
  catalog.extensions["pgcrypto"] = Extension{"pgcrypto", "public", "1.3"};
  DiagnosticSink notes;
  EXPECT_THAT(Apply(M(CreateExtension{"pgcrypto"}), &catalog, &notes),
              StatusIs(absl::StatusCode::kAlreadyExists, "extension \"pgcrypto\" already exists"));
  EXPECT_THAT(Apply(M(CreateExtension{"pgcrypto", "", "", true}), &catalog, &notes), IsOk());
  EXPECT_THAT(Messages(notes), ElementsAre("extension \"pgcrypto\" already exists, skipping"));
  EXPECT_THAT(Apply(M(CreateExtension{"hstore", "nowhere"}), &catalog, &notes),
              StatusIs(absl::StatusCode::kNotFound, "schema \"nowhere\" does not exist"));
  catalog.search_path = {"nowhere"};
  EXPECT_THAT(Apply(M(CreateExtension{"hstore"}), &catalog, &notes),
              StatusIs(absl::StatusCode::kNotFound, "no schema has been selected to create in"));
  EXPECT_EQ(catalog.extensions.size(), 1u);
  EXPECT_EQ(catalog.extensions.at("pgcrypto").version, "1.3");
}

Catalog OwnedObjects() {
  Catalog catalog = WithPublic();
  catalog.schemas["app"] = Schema{"app", "postgres"};
  UserType& mood = catalog.types[{"public", "mood"}];
  mood.name = {"public", "mood"};
  mood.owner = "postgres";
  catalog.domains[{"public", "email"}].name = {"public", "email"};
  Table& table = catalog.tables[{"public", "t"}];
  table.name = {"public", "t"};
  table.owner = "postgres";
  Sequence& serial = catalog.sequences[{"public", "t_id_seq"}];
  serial.name = {"public", "t_id_seq"};
  serial.owner = "postgres";
  serial.owned_by = SequenceOwner{{"public", "t"}, "id"};
  Sequence& free = catalog.sequences[{"public", "free_seq"}];
  free.name = {"public", "free_seq"};
  catalog.indexes[{"public", "t_idx"}] = Index{{"public", "t_idx"}, {"public", "t"}};
  return catalog;
}

TEST(ApplySchema, ChangesOwners) {
  Catalog catalog = OwnedObjects();
  DiagnosticSink notes;
  const std::vector<SetObjectOwner> mutations = {
      {ObjectKind::kSchema, {"", "app"}, "alice"},
      {ObjectKind::kType, {"", "mood"}, "alice"},
      {ObjectKind::kDomain, {"public", "email"}, "alice"},
      {ObjectKind::kTable, {"", "t"}, "alice"},
      {ObjectKind::kSequence, {"", "free_seq"}, "alice"},
      {ObjectKind::kIndex, {"", "t_idx"}, "alice"},
  };
  for (const SetObjectOwner& mutation : mutations) {
    SCOPED_TRACE(mutation.object.name);
    EXPECT_THAT(Apply(M(mutation), &catalog, &notes), IsOk());
  }
  EXPECT_EQ(catalog.schemas.at("app").owner, "alice");
  EXPECT_EQ(catalog.types.at({"public", "mood"}).owner, "alice");
  EXPECT_EQ(catalog.domains.at({"public", "email"}).owner, "alice");
  EXPECT_EQ(catalog.tables.at({"public", "t"}).owner, "alice");
  // A table's owned sequences follow it (tablecmds.c change_owner_recurse_to_sequences).
  EXPECT_EQ(catalog.sequences.at({"public", "t_id_seq"}).owner, "alice");
  EXPECT_EQ(catalog.sequences.at({"public", "free_seq"}).owner, "alice");
  EXPECT_THAT(Messages(notes),
              ElementsAre("cannot change owner of index \"t_idx\"\nHINT:  Change the ownership of "
                          "the index's table, instead."));
}

TEST(ApplySchema, RejectsOwnerChangesPostgresRejects) {
  struct Row {
    SetObjectOwner mutation;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Row> rows = {
      {{ObjectKind::kSchema, {"", "nope"}, "alice"},
       absl::StatusCode::kNotFound,
       "schema \"nope\" does not exist"},
      {{ObjectKind::kType, {"", "nope"}, "alice"},
       absl::StatusCode::kNotFound,
       "type \"nope\" does not exist"},
      {{ObjectKind::kType, {"ghost", "nope"}, "alice"},
       absl::StatusCode::kNotFound,
       "schema \"ghost\" does not exist"},
      {{ObjectKind::kType, {"", "t"}, "alice"},
       absl::StatusCode::kInvalidArgument,
       "t is a table's row type\nHINT:  Use ALTER TABLE instead."},
      {{ObjectKind::kDomain, {"", "mood"}, "alice"},
       absl::StatusCode::kInvalidArgument,
       "mood is not a domain"},
      {{ObjectKind::kTable, {"public", "nope"}, "alice"},
       absl::StatusCode::kNotFound,
       "relation \"public.nope\" does not exist"},
      {{ObjectKind::kSequence, {"", "t"}, "alice"},
       absl::StatusCode::kInvalidArgument,
       "\"t\" is not a sequence"},
      {{ObjectKind::kSequence, {"", "t_id_seq"}, "alice"},
       absl::StatusCode::kFailedPrecondition,
       "cannot change owner of sequence \"t_id_seq\"\nDETAIL:  Sequence \"t_id_seq\" is linked to "
       "table \"t\"."},
      {{ObjectKind::kExtension, {"", "x"}, "alice"},
       absl::StatusCode::kUnimplemented,
       "is not modelled"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.message);
    Catalog catalog = OwnedObjects();
    EXPECT_THAT(Apply(M(row.mutation), &catalog, nullptr), StatusIs(row.code, row.message));
    EXPECT_EQ(catalog.sequences.at({"public", "t_id_seq"}).owner, "postgres");
  }
}

}  // namespace
}  // namespace pgdrift::model
