// CREATE SCHEMA, CREATE EXTENSION and ALTER … OWNER TO for objects other than tables
// (schemacmds.c CreateSchemaCommand, extension.c CreateExtension, alter.c
// ExecAlterOwnerStmt).
#include "base/strings.h"
#include "model/internal/apply_context.h"
#include "model/internal/default_privileges.h"
#include "model/internal/namespaces.h"

namespace pgdrift::model::internal {
namespace {

// Whether `name` is reserved for system schemas (catalog.c IsReservedName).
bool IsReservedSchemaName(std::string_view name) { return name.starts_with("pg_"); }

absl::Status SetSchemaOwner(const SetObjectOwner& m, ApplyContext& ctx) {
  auto it = ctx.catalog->schemas.find(m.object.name);
  if (it == ctx.catalog->schemas.end()) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("schema \"", m.object.name, "\" does not exist"));
  }
  // The old owner's privileges move to the new one (AlterSchemaOwner_internal: aclnewowner).
  it->second.privileges = AclWithNewOwner(it->second.privileges, it->second.owner, m.role);
  it->second.owner = m.role;
  it->second.lineage.Touch(ctx.span());
  return absl::OkStatus();
}

// ALTER TYPE / ALTER DOMAIN … OWNER TO (typecmds.c AlterTypeOwner).
absl::Status SetTypeOwner(const SetObjectOwner& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = ResolveAnyType(catalog, m.object);
  if (!name.has_value()) {
    return ctx.Error(absl::StatusCode::kNotFound, MissingTypeMessage(catalog, m.object));
  }
  if (m.kind == ObjectKind::kDomain && !catalog.domains.contains(*name)) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat(FormatTypeName(catalog, *name), " is not a domain"));
  }
  if (catalog.tables.contains(*name)) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat(FormatTypeName(catalog, *name),
                            " is a table's row type\nHINT:  Use ALTER TABLE instead."));
  }
  if (const UserType* range = RangeOfMultirange(catalog, *name)) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("cannot alter multirange type ", FormatTypeName(catalog, *name),
                            "\nHINT:  You can alter type ", FormatTypeName(catalog, range->name),
                            ", which will alter the multirange type as well."));
  }
  if (auto domain = catalog.domains.find(*name); domain != catalog.domains.end()) {
    domain->second.privileges =
        AclWithNewOwner(domain->second.privileges, domain->second.owner, m.role);
    domain->second.owner = m.role;
    domain->second.lineage.Touch(ctx.span());
    return absl::OkStatus();
  }
  UserType& type = catalog.types.at(*name);
  type.privileges = AclWithNewOwner(type.privileges, type.owner, m.role);
  type.owner = m.role;
  type.lineage.Touch(ctx.span());
  return absl::OkStatus();
}

// ALTER TABLE / SEQUENCE / INDEX … OWNER TO (tablecmds.c ATExecChangeOwner): a table's
// owned sequences follow it; an owned sequence cannot change owner by itself; an index
// keeps its table's owner.
absl::Status SetRelationOwner(const SetObjectOwner& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = ctx.Resolve(m.object);
  if (!name.has_value()) {
    return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, m.object));
  }
  ObjectKind kind = *catalog.RelationKindOf(*name);
  if (m.kind == ObjectKind::kSequence && kind != ObjectKind::kSequence) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", name->name, "\" is not a sequence"));
  }
  if (kind == ObjectKind::kIndex) {
    ctx.Notice(StrCat("cannot change owner of index \"", name->name,
                      "\"\nHINT:  Change the ownership of the index's table, instead."));
    return absl::OkStatus();
  }
  if (kind == ObjectKind::kSequence) {
    Sequence& sequence = catalog.sequences.at(*name);
    if (sequence.owner == m.role) return absl::OkStatus();
    if (sequence.owned_by.has_value() && !sequence.identity) {
      return ctx.Error(
          absl::StatusCode::kFailedPrecondition,
          StrCat("cannot change owner of sequence \"", name->name, "\"\nDETAIL:  Sequence \"",
                 name->name, "\" is linked to table \"", sequence.owned_by->table.name, "\"."));
    }
    sequence.privileges = AclWithNewOwner(sequence.privileges, sequence.owner, m.role);
    sequence.owner = m.role;
    sequence.lineage.Touch(ctx.span());
    return absl::OkStatus();
  }
  Table& table = catalog.tables.at(*name);
  // ATExecChangeOwner: relacl and every attacl go through aclnewowner.
  table.privileges = AclWithNewOwner(table.privileges, table.owner, m.role);
  for (Column& column : table.columns) {
    column.privileges = AclWithNewOwner(column.privileges, table.owner, m.role);
  }
  table.owner = m.role;
  table.lineage.Touch(ctx.span());
  for (auto& [sequence_name, sequence] : catalog.sequences) {
    if (sequence.owned_by.has_value() && sequence.owned_by->table == *name) {
      sequence.privileges = AclWithNewOwner(sequence.privileges, sequence.owner, m.role);
      sequence.owner = m.role;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplyCreateSchema(const CreateSchema& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  // CREATE SCHEMA AUTHORIZATION role without a name names the schema after the role.
  const std::string& name = m.name.empty() ? m.owner : m.name;
  if (IsReservedSchemaName(name)) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("unacceptable schema name \"", name,
                            "\"\nDETAIL:  The prefix \"pg_\" is reserved for system schemas."));
  }
  if (catalog.schemas.contains(name)) {
    if (m.if_not_exists) {
      ctx.Notice(StrCat("schema \"", name, "\" already exists, skipping"));
      return absl::OkStatus();
    }
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("schema \"", name, "\" already exists"));
  }
  Schema schema;
  schema.name = name;
  schema.owner = m.owner.empty() ? catalog.current_user : m.owner;
  // nspacl from the defaults of the schema's owner, the AUTHORIZATION role when given
  // (NamespaceCreate: get_user_default_acl(OBJECT_SCHEMA, ownerId, InvalidOid)).
  schema.privileges = NewObjectAcl(catalog, AclObjectKind::kSchema, schema.owner, "");
  schema.lineage = Lineage::At(ctx.span());
  catalog.schemas.emplace(name, std::move(schema));
  return absl::OkStatus();
}

absl::Status ApplyCreateExtension(const CreateExtension& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  if (catalog.extensions.contains(m.name)) {
    if (m.if_not_exists) {
      ctx.Notice(StrCat("extension \"", m.name, "\" already exists, skipping"));
      return absl::OkStatus();
    }
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("extension \"", m.name, "\" already exists"));
  }
  std::string schema = m.schema;
  if (schema.empty()) {
    schema = catalog.CreationSchema();
    if (schema.empty()) {
      return ctx.Error(absl::StatusCode::kNotFound, "no schema has been selected to create in");
    }
  } else if (!catalog.schemas.contains(schema)) {
    return ctx.Error(absl::StatusCode::kNotFound, StrCat("schema \"", schema, "\" does not exist"));
  }
  Extension extension;
  extension.name = m.name;
  extension.schema = std::move(schema);
  extension.version = m.version;
  extension.lineage = Lineage::At(ctx.span());
  catalog.extensions.emplace(m.name, std::move(extension));
  return absl::OkStatus();
}

absl::Status ApplySetObjectOwner(const SetObjectOwner& m, ApplyContext& ctx) {
  switch (m.kind) {
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
      return SetRoutineOwner(m, ctx);
    case ObjectKind::kSchema:
      return SetSchemaOwner(m, ctx);
    case ObjectKind::kType:
    case ObjectKind::kDomain:
      return SetTypeOwner(m, ctx);
    case ObjectKind::kTable:
    case ObjectKind::kSequence:
    case ObjectKind::kIndex:
      return SetRelationOwner(m, ctx);
    case ObjectKind::kExtension:
    case ObjectKind::kColumn:
    case ObjectKind::kConstraint:
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
    case ObjectKind::kAggregate:
    case ObjectKind::kTrigger:
    case ObjectKind::kPolicy:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      break;
  }
  return absl::UnimplementedError(
      StrCat("ALTER ", KindName(m.kind), " … OWNER TO is not modelled"));
}

}  // namespace pgdrift::model::internal
