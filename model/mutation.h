// Mutations: plain descriptions of one DDL effect, built by parser/transform_*.cc and
// applied to a Catalog by model/apply_*.cc. The parser never touches Catalog
// containers; the model never parses SQL.
//
// Names in a mutation are as written: `schema` may be empty and is resolved against the
// catalog's search_path when applied. Expressions are already canonical text. Every
// mutation carries the span of its statement for errors and lineage.
#ifndef PGDRIFT_MODEL_MUTATION_H_
#define PGDRIFT_MODEL_MUTATION_H_

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/source_span.h"
#include "model/column.h"
#include "model/constraint.h"
#include "model/domain.h"
#include "model/index.h"
#include "model/object_id.h"
#include "model/policy.h"
#include "model/privileges.h"
#include "model/routine.h"
#include "model/sequence.h"
#include "model/table.h"
#include "model/trigger.h"
#include "model/user_type.h"
#include "model/view.h"

namespace pgdrift::model {

// serial, bigserial, smallserial: the column gets a sequence, a nextval default and
// NOT NULL when the table is created or the column added.
enum class SerialKind { kNone, kSmall, kRegular, kBig };

// A column as written in CREATE TABLE or ADD COLUMN.
struct ColumnDef {
  Column column;  // name, type, collation, not_null, default, generated, identity
  SerialKind serial = SerialKind::kNone;
  SequenceOptions identity_options;  // GENERATED … AS IDENTITY (…)
};

// A constraint as written, name possibly empty (PostgreSQL then chooses one).
struct ConstraintDef {
  Constraint constraint;
  // Written as a column constraint on this column (naming uses it).
  std::string column;
  // Columns a CHECK expression references, in order of appearance: with exactly one
  // distinct column the implicit name is <table>_<column>_check.
  std::vector<std::string> check_columns;
  // For exclusion constraints: per element, the name an implicit index name uses.
  std::vector<std::string> element_name_hints;
  // For foreign keys written without a column list: reference the primary key.
  bool references_primary_key = false;
};

struct CreateSchema {
  std::string name;
  bool if_not_exists = false;
  std::string owner;  // AUTHORIZATION
};

struct CreateExtension {
  std::string name;
  std::string schema;  // WITH SCHEMA, empty = creation schema
  std::string version;
  bool if_not_exists = false;
  bool cascade = false;
};

struct CreateType {
  UserType type;  // name possibly unqualified
  bool if_not_exists = false;
};

struct CreateDomain {
  Domain domain;
  std::vector<ConstraintDef> checks;  // unnamed ones get <domain>_check
};

struct CreateSequence {
  QualifiedName name;
  SequenceOptions options;
  bool if_not_exists = false;
  bool unlogged = false;
};

struct AlterSequence {
  QualifiedName name;
  SequenceOptions options;
  bool if_exists = false;
};

struct CreateTable {
  Table table;  // name, flags, partitioning, inherits; columns and constraints below
  std::vector<ColumnDef> columns;
  std::vector<ConstraintDef> constraints;  // table and column constraints, in order
  bool if_not_exists = false;
  std::optional<QualifiedName> of_type;  // CREATE TABLE … OF type
};

// One sub-command of ALTER TABLE.
namespace alter {
struct AddColumn { ColumnDef def; std::vector<ConstraintDef> constraints; bool if_not_exists = false; };
struct DropColumn { std::string column; bool if_exists = false; bool cascade = false; };
struct AlterColumnType { std::string column; TypeRef type; std::string collation; std::string using_expr; };
struct SetDefault { std::string column; std::optional<std::string> expr; };  // nullopt = DROP DEFAULT
struct SetNotNull { std::string column; bool not_null = true; };
struct AddIdentity { std::string column; IdentityKind kind; SequenceOptions options; };
struct SetIdentity { std::string column; std::optional<IdentityKind> kind; SequenceOptions options; };
struct DropIdentity { std::string column; bool if_exists = false; };
struct DropExpression { std::string column; bool if_exists = false; };
struct SetStatistics { std::string column; int target = -1; };
struct SetStorage { std::string column; std::string storage; };
struct SetCompression { std::string column; std::string compression; };
struct SetColumnOptions { std::string column; std::map<std::string, std::string> set; std::vector<std::string> reset; };
struct AddConstraint { ConstraintDef def; };
// ADD CONSTRAINT … USING INDEX: the index becomes the constraint's.
struct AddConstraintUsingIndex { ConstraintDef def; std::string index; };
struct DropConstraint { std::string name; bool if_exists = false; bool cascade = false; };
struct ValidateConstraint { std::string name; };
struct AlterConstraint { std::string name; bool deferrable = false; bool initially_deferred = false; };
struct SetRowSecurity { std::optional<bool> enabled; std::optional<bool> forced; };
struct SetLogged { bool logged = true; };
struct SetOptions { std::map<std::string, std::string> set; std::vector<std::string> reset; };
struct Inherit { QualifiedName parent; bool add = true; };
struct AttachPartition { QualifiedName partition; std::string bound; };
struct DetachPartition { QualifiedName partition; };
struct SetReplicaIdentity { ReplicaIdentity identity = ReplicaIdentity::kDefault; std::string index; };
struct ClusterOn { std::optional<std::string> index; };  // nullopt = SET WITHOUT CLUSTER
struct SetOwner { std::string role; };
struct SetAccessMethod { std::string method; };
struct SetTablespace { std::string tablespace; };
// ENABLE [REPLICA | ALWAYS] / DISABLE TRIGGER name | ALL | USER.
struct SetTriggerEnabled {
  std::string trigger;  // empty with ALL / USER
  bool all_user_triggers = false;  // ALL and USER (internal FK triggers are not modelled)
  TriggerEnabled state = TriggerEnabled::kOrigin;
};
}  // namespace alter

using AlterTableCommand =
    std::variant<alter::AddColumn, alter::DropColumn, alter::AlterColumnType, alter::SetDefault,
                 alter::SetNotNull, alter::AddIdentity, alter::SetIdentity, alter::DropIdentity,
                 alter::DropExpression, alter::SetStatistics, alter::SetStorage,
                 alter::SetCompression, alter::SetColumnOptions, alter::AddConstraint,
                 alter::AddConstraintUsingIndex, alter::DropConstraint,
                 alter::ValidateConstraint, alter::AlterConstraint, alter::SetRowSecurity,
                 alter::SetLogged, alter::SetOptions, alter::Inherit, alter::AttachPartition,
                 alter::DetachPartition, alter::SetReplicaIdentity, alter::ClusterOn,
                 alter::SetOwner, alter::SetAccessMethod, alter::SetTablespace,
                 alter::SetTriggerEnabled>;

struct AlterTable {
  QualifiedName table;
  bool if_exists = false;
  bool only = false;  // ALTER TABLE ONLY: do not recurse to children
  std::vector<AlterTableCommand> commands;
};

struct CreateIndex {
  Index index;  // name possibly empty; index.name.schema is ignored (the table's)
  // Per key: the name an implicit index name uses (column name, or the function name
  // of an expression as FigureColname gives it, else "expr").
  std::vector<std::string> key_name_hints;
  bool if_not_exists = false;
  bool concurrently = false;
  bool only = false;  // ON ONLY a partitioned table
};

// ALTER INDEX … SET (…) / RESET (…) / ATTACH PARTITION / ALTER COLUMN n SET STATISTICS.
struct AlterIndex {
  QualifiedName index;
  bool if_exists = false;
  std::map<std::string, std::string> set_options;
  std::vector<std::string> reset_options;
  std::optional<QualifiedName> attach_partition;
  std::optional<std::string> tablespace;
};

// ALTER TYPE on an enum or composite type.
namespace alter_type {
struct AddValue { std::string value; std::string neighbor; bool before = false; bool if_not_exists = false; };
struct RenameValue { std::string old_value; std::string new_value; };
struct AddAttribute { CompositeAttribute attribute; };
struct DropAttribute { std::string name; bool if_exists = false; };
struct AlterAttributeType { std::string name; TypeRef type; std::string collation; };
struct RenameAttribute { std::string old_name; std::string new_name; };
struct SetOwner { std::string role; };
}  // namespace alter_type

using AlterTypeCommand =
    std::variant<alter_type::AddValue, alter_type::RenameValue, alter_type::AddAttribute,
                 alter_type::DropAttribute, alter_type::AlterAttributeType,
                 alter_type::RenameAttribute, alter_type::SetOwner>;

struct AlterType {
  QualifiedName type;
  std::vector<AlterTypeCommand> commands;
};

// ALTER DOMAIN.
struct AlterDomain {
  QualifiedName domain;
  std::optional<std::optional<std::string>> set_default;  // inner nullopt = DROP DEFAULT
  std::optional<bool> not_null;
  std::optional<ConstraintDef> add_check;
  std::optional<std::string> drop_constraint;
  bool drop_if_exists = false;
  bool drop_cascade = false;
  std::optional<std::string> validate_constraint;
  std::optional<std::string> owner;
};

// ALTER … RENAME for tables, sequences, indexes, types, domains, schemas (object
// rename), and columns, constraints, domain constraints (`sub_name` set).
struct Rename {
  ObjectKind kind = ObjectKind::kTable;  // kColumn / kConstraint for sub-objects
  QualifiedName object;                  // the object, or the owning table/domain
  std::string sub_name;                  // the column or constraint being renamed
  std::string new_name;
  bool if_exists = false;
  bool on_domain = false;  // RENAME CONSTRAINT of a domain
  // Routines (kFunction / kProcedure): the identity argument types ("uuid, text");
  // nullopt when written without an argument list (the name must then be unique).
  std::optional<std::string> routine_args;
  // PostgreSQL stores expressions by OID and attnum, so a rename shows in every
  // expression that mentions the object. The model never parses, so the transform
  // computes the new canonical text of each affected expression: old text → new text,
  // applied to every expression field in the catalog that equals an old text.
  std::map<std::string, std::string> expression_rewrites;
};

// ALTER … SET SCHEMA.
struct SetSchema {
  ObjectKind kind = ObjectKind::kTable;
  QualifiedName object;
  std::string new_schema;
  bool if_exists = false;
  std::optional<std::string> routine_args;  // as for Rename
  std::map<std::string, std::string> expression_rewrites;  // as for Rename
};

// DROP kind name [, …] [CASCADE | RESTRICT].
struct DropObjects {
  ObjectKind kind = ObjectKind::kTable;
  std::vector<QualifiedName> names;  // schema names: QualifiedName{"", schema}
  bool if_exists = false;
  bool cascade = false;
};

// SET search_path / set_config('search_path', …).
struct SetSearchPath {
  std::vector<std::string> schemas;  // "$user" kept as written
  // RESET / SET … TO DEFAULT: back to the default path. When false, an empty `schemas`
  // is a path with no schemas (SET search_path = '', as pg_dump emits).
  bool reset = false;
};

// COMMENT ON.
struct Comment {
  ObjectKind kind = ObjectKind::kTable;
  QualifiedName object;  // the object, or the owning table for columns/constraints
  std::string sub_name;  // column or constraint name
  std::optional<std::string> text;  // nullopt = COMMENT … IS NULL
  std::optional<std::string> routine_args;  // as for Rename
};

// ALTER … OWNER TO for objects other than tables (those use alter::SetOwner).
struct SetObjectOwner {
  ObjectKind kind = ObjectKind::kSchema;
  QualifiedName object;
  std::string role;
  std::optional<std::string> routine_args;  // as for Rename
};

// CREATE ROLE / USER (roles matter for grants and owners).
struct CreateRole {
  std::string name;
};

// A routine as ALTER, DROP and GRANT name it.
struct RoutineSignature {
  QualifiedName name;  // schema possibly empty (resolved through search_path)
  // Identity argument types in canonical form joined by ", " ("uuid, text"); nullopt
  // when written without an argument list (the name must then be unique).
  std::optional<std::string> args;
};

// CREATE [OR REPLACE] FUNCTION / PROCEDURE. The routine's name may be unqualified.
struct CreateRoutine {
  Routine routine;
  bool or_replace = false;
};

// ALTER FUNCTION / PROCEDURE / ROUTINE … action [, …] (renames, SET SCHEMA and OWNER TO
// come as Rename, SetSchema and SetObjectOwner).
struct AlterRoutine {
  ObjectKind kind = ObjectKind::kFunction;  // kFunction, kProcedure; ROUTINE = kFunction
  RoutineSignature routine;
  std::optional<Volatility> volatility;
  std::optional<bool> strict;
  std::optional<bool> security_definer;
  std::optional<bool> leakproof;
  std::optional<ParallelSafety> parallel;
  std::optional<double> cost;
  std::optional<double> rows;
  // SET name = value (value set) / RESET name (nullopt), in order; RESET ALL clears.
  std::vector<std::pair<std::string, std::optional<std::string>>> config;
  bool reset_all = false;
};

// DROP FUNCTION / PROCEDURE / ROUTINE name[(args)] [, …].
struct DropRoutines {
  ObjectKind kind = ObjectKind::kFunction;
  std::vector<RoutineSignature> routines;
  bool if_exists = false;
  bool cascade = false;
};

// CREATE [OR REPLACE] [CONSTRAINT] TRIGGER … ON relation.
struct CreateTrigger {
  QualifiedName relation;  // schema possibly empty
  Trigger trigger;
  bool or_replace = false;
};

// CREATE POLICY … ON table.
struct CreatePolicy {
  QualifiedName table;  // schema possibly empty
  Policy policy;
};

// ALTER POLICY name ON table [TO roles] [USING (…)] [WITH CHECK (…)] (RENAME TO comes
// as Rename with kind kPolicy).
struct AlterPolicy {
  QualifiedName table;
  std::string name;
  std::optional<std::vector<std::string>> roles;
  std::optional<std::string> using_expr;
  std::optional<std::string> check_expr;
  // Replaces Policy::depends_on when either expression changes.
  std::optional<std::vector<ObjectId>> depends_on;
};

// DROP TRIGGER / DROP POLICY name ON relation.
struct DropRelationChild {
  ObjectKind kind = ObjectKind::kTrigger;  // kTrigger or kPolicy
  QualifiedName relation;
  std::string name;
  bool if_exists = false;
  bool cascade = false;
};

// CREATE [OR REPLACE] VIEW, CREATE MATERIALIZED VIEW [IF NOT EXISTS].
struct CreateView {
  View view;  // name possibly unqualified
  bool or_replace = false;
  bool if_not_exists = false;
};

// ALTER [MATERIALIZED] VIEW … SET (…) / RESET (…); REFRESH MATERIALIZED VIEW sets
// `populated`.
struct AlterView {
  QualifiedName view;
  bool materialized = false;
  bool if_exists = false;
  std::map<std::string, std::string> set_options;
  std::vector<std::string> reset_options;
  std::optional<bool> populated;
};

// One privilege of a GRANT / REVOKE: aclitem letters, limited to `columns` when set.
struct PrivilegeSpec {
  std::string letters;               // "r", "arwd" …; ALL is expanded by the transform
  std::vector<std::string> columns;  // column privileges: GRANT SELECT (a, b) ON t
};

// GRANT / REVOKE on objects.
struct GrantPrivileges {
  bool grant = true;  // false: REVOKE
  AclObjectKind target = AclObjectKind::kTable;
  // The objects (tables, sequences, schemas as {"", name}, types, domains) …
  std::vector<QualifiedName> objects;
  // … or routines …
  std::vector<RoutineSignature> routines;
  // … or every object of `target`'s kind in these schemas (ALL TABLES IN SCHEMA …).
  std::vector<std::string> all_in_schemas;
  std::vector<PrivilegeSpec> privileges;
  std::vector<std::string> grantees;  // role names, "PUBLIC"
  bool grant_option = false;  // WITH GRANT OPTION; on REVOKE: GRANT OPTION FOR
  bool cascade = false;
  // ALL [PRIVILEGES] was written: on a sequence named by ON TABLE it means the
  // sequence's own privileges (ExecGrant_Relation), not a masked table set.
  bool all_privileges = false;
  // For routines: FUNCTION(S) (kFunction), PROCEDURE(S) (kProcedure); ROUTINE(S) sets
  // `any_routine_kind`, which accepts both.
  ObjectKind routine_kind = ObjectKind::kFunction;
  bool any_routine_kind = false;
};

// ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT / REVOKE … ON TABLES | … .
struct AlterDefaultPrivileges {
  std::vector<std::string> roles;    // FOR ROLE; empty = current user
  std::vector<std::string> schemas;  // IN SCHEMA; empty = global
  char object_type = 'r';            // as DefaultAclKey::object_type
  bool grant = true;
  std::string letters;
  std::vector<std::string> grantees;
  bool grant_option = false;
};

using MutationBody =
    std::variant<CreateSchema, CreateExtension, CreateType, CreateDomain, CreateSequence,
                 AlterSequence, CreateTable, AlterTable, CreateIndex, AlterIndex, AlterType,
                 AlterDomain, Rename, SetSchema, DropObjects, SetSearchPath, Comment,
                 SetObjectOwner, CreateRole, CreateRoutine, AlterRoutine, DropRoutines,
                 CreateTrigger, CreatePolicy, AlterPolicy, DropRelationChild, CreateView,
                 AlterView, GrantPrivileges, AlterDefaultPrivileges>;

struct Mutation {
  SourceSpan span;
  std::string statement;  // first line of the statement, for messages
  MutationBody body;
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_MUTATION_H_
