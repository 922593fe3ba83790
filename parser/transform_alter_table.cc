// ALTER TABLE (AlterTableStmt) → model::AlterTable, one alter::* command per
// AlterTableCmd. The same statement node carries ALTER INDEX (SET / RESET / ATTACH
// PARTITION / SET TABLESPACE → model::AlterIndex), ALTER SEQUENCE … OWNER TO
// (→ model::SetObjectOwner) and ALTER TYPE … ADD / DROP / ALTER ATTRIBUTE
// (→ model::AlterType). Sub-commands on triggers, rules, foreign-data options and typed
// tables, and ALTER VIEW / MATERIALIZED VIEW / FOREIGN TABLE, are reported as not
// modelled, naming the sub-command.
#include <map>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/ddl_util.h"
#include "parser/internal/proto_tree.h"
#include "parser/node_util.h"
#include "parser/null_default.h"
#include "parser/partition_clause.h"
#include "parser/sequence_options.h"
#include "parser/table_elements.h"
#include "parser/transform.h"
#include "parser/type_name.h"

namespace pgdrift::parser {
namespace {

using AlterType = PgQuery__AlterTableType;

using internal::IsNode;

// The SQL words of a sub-command, for "ALTER TABLE … <words> is not modelled".
std::string SubcommandName(AlterType subtype) {
  static const std::map<AlterType, std::string> kNames = {
      {PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn, "ADD COLUMN"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnToView, "ADD COLUMN"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault, "ALTER COLUMN … SET DEFAULT"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull, "ALTER COLUMN … DROP NOT NULL"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull, "ALTER COLUMN … SET NOT NULL"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression, "ALTER COLUMN … DROP EXPRESSION"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics, "ALTER COLUMN … SET STATISTICS"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions, "ALTER COLUMN … SET (…)"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions, "ALTER COLUMN … RESET (…)"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage, "ALTER COLUMN … SET STORAGE"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_SetCompression, "ALTER COLUMN … SET COMPRESSION"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn, "DROP COLUMN"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint, "ADD CONSTRAINT"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_AlterConstraint, "ALTER CONSTRAINT"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint, "VALIDATE CONSTRAINT"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint, "DROP CONSTRAINT"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType, "ALTER COLUMN … TYPE"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnGenericOptions, "ALTER COLUMN … OPTIONS"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner, "OWNER TO"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn, "CLUSTER ON"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster, "SET WITHOUT CLUSTER"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged, "SET LOGGED"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged, "SET UNLOGGED"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DropOids, "SET WITHOUT OIDS"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod, "SET ACCESS METHOD"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace, "SET TABLESPACE"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions, "SET (…)"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions, "RESET (…)"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig, "ENABLE TRIGGER"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig, "ENABLE ALWAYS TRIGGER"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig, "ENABLE REPLICA TRIGGER"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig, "DISABLE TRIGGER"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll, "ENABLE TRIGGER ALL"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll, "DISABLE TRIGGER ALL"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser, "ENABLE TRIGGER USER"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser, "DISABLE TRIGGER USER"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRule, "ENABLE RULE"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysRule, "ENABLE ALWAYS RULE"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaRule, "ENABLE REPLICA RULE"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRule, "DISABLE RULE"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit, "INHERIT"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit, "NO INHERIT"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_AddOf, "OF"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DropOf, "NOT OF"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity, "REPLICA IDENTITY"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity, "ENABLE ROW LEVEL SECURITY"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity, "DISABLE ROW LEVEL SECURITY"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity, "FORCE ROW LEVEL SECURITY"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity, "NO FORCE ROW LEVEL SECURITY"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_GenericOptions, "OPTIONS"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition, "ATTACH PARTITION"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition, "DETACH PARTITION"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize, "DETACH PARTITION … FINALIZE"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity, "ALTER COLUMN … ADD GENERATED AS IDENTITY"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity, "ALTER COLUMN … SET identity option"},
      {PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity, "ALTER COLUMN … DROP IDENTITY"},
  };
  if (auto it = kNames.find(subtype); it != kNames.end()) return it->second;
  const ProtobufCEnumValue* value =
      protobuf_c_enum_descriptor_get_value(&pg_query__alter_table_type__descriptor, subtype);
  return value != nullptr ? value->name : "sub-command";
}

absl::Status NotModelledCommand(std::string_view statement, AlterType subtype, const TransformContext& ctx) {
  return ctx.NotModelled(StrCat(statement, " … ", SubcommandName(subtype)));
}

std::string NameOf(const PgQuery__AlterTableCmd& cmd) { return cmd.name != nullptr ? cmd.name : ""; }

// ENABLE [REPLICA | ALWAYS] / DISABLE TRIGGER name | ALL | USER (pg_trigger.tgenabled).
model::alter::SetTriggerEnabled TriggerEnabled(const PgQuery__AlterTableCmd& cmd) {
  model::alter::SetTriggerEnabled set;
  switch (cmd.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
      set.state = model::TriggerEnabled::kAlways;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
      set.state = model::TriggerEnabled::kReplica;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
      set.state = model::TriggerEnabled::kDisabled;
      break;
    default:
      set.state = model::TriggerEnabled::kOrigin;
      break;
  }
  set.all_user_triggers = cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll ||
                          cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll ||
                          cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser ||
                          cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser;
  if (!set.all_user_triggers) set.trigger = NameOf(cmd);
  return set;
}

bool IsCascade(const PgQuery__AlterTableCmd& cmd) {
  return cmd.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
}

// The DefElems of a command's List `def` (SET (…), RESET (…), identity options).
std::pair<PgQuery__Node* const*, size_t> DefList(const PgQuery__AlterTableCmd& cmd) {
  if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_LIST)) return {nullptr, 0};
  return {cmd.def->list->items, cmd.def->list->n_items};
}

// Turns the sub-commands of an ALTER TABLE on a table into alter::* commands.
class TableCommands {
 public:
  TableCommands(const PgQuery__AlterTableStmt& stmt, TransformContext& ctx) : stmt_(stmt), ctx_(ctx) {
    const model::Catalog& catalog = ctx.catalog();
    scope_.table = RangeVarName(stmt.relation);
    if (std::optional<model::QualifiedName> resolved = catalog.ResolveRelation(scope_.table)) {
      scope_.table = *resolved;
      table_ = catalog.FindTable(*resolved);
      if (table_ != nullptr) scope_.columns = table_->columns;
    }
  }

  absl::Status Run() {
    model::AlterTable m;
    m.table = RangeVarName(stmt_.relation);
    m.if_exists = stmt_.missing_ok;
    m.only = !stmt_.relation->inh;
    for (size_t i = 0; i < stmt_.n_cmds; ++i) {
      if (!IsNode(stmt_.cmds[i], PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)) continue;
      PGDRIFT_RETURN_IF_ERROR(Command(*stmt_.cmds[i]->alter_table_cmd, &m.commands));
    }
    ctx_.Emit(std::move(m));
    return absl::OkStatus();
  }

 private:
  const model::TypeRef* ColumnType(const std::string& name) const {
    for (const model::Column& column : scope_.columns) {
      if (column.name == name) return &column.type;
    }
    return nullptr;
  }

  absl::StatusOr<std::string> Canonical(const PgQuery__Node& expr, const model::TypeRef* target) {
    ExpressionContext context = scope_.Expressions(ctx_.catalog());
    context.target_type = target;
    absl::StatusOr<std::string> text = NormalizeExpression(expr, context);
    if (!text.ok()) return AtStatement(text.status(), ctx_);
    return text;
  }

  absl::Status Command(const PgQuery__AlterTableCmd& cmd, std::vector<model::AlterTableCommand>* out) {
    const std::string column = NameOf(cmd);
    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: {
        if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_COLUMN_DEF)) return ctx_.Invalid("ADD COLUMN without a column");
        model::alter::AddColumn add;
        PGDRIFT_ASSIGN_OR_RETURN(add.def, TransformColumnDef(*cmd.def->column_def, scope_, false,
                                                             &add.constraints, ctx_));
        add.if_not_exists = cmd.missing_ok;
        // A PRIMARY KEY written on the new column makes it NOT NULL.
        for (const model::ConstraintDef& def : add.constraints) {
          if (def.constraint.type == model::ConstraintType::kPrimaryKey) add.def.column.not_null = true;
        }
        scope_.columns.push_back(add.def.column);
        out->push_back(std::move(add));
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault: {
        model::alter::SetDefault set{column, std::nullopt};
        const model::TypeRef* type = ColumnType(column);
        bool null_default = false;
        if (cmd.def != nullptr && type != nullptr) {
          // SET DEFAULT NULL stores nothing only when PostgreSQL's coercion leaves a plain
          // NULL constant (ATExecColumnDefault, heap.c).
          null_default = IsDiscardedNullDefault(*cmd.def, *type, ctx_.catalog());
        } else if (cmd.def != nullptr) {
          const PgQuery__Node* value = cmd.def;
          while (IsNode(value, PG_QUERY__NODE__NODE_TYPE_CAST)) value = value->type_cast->arg;
          null_default = IsNode(value, PG_QUERY__NODE__NODE_A_CONST) && value->a_const->isnull;
        }
        if (cmd.def != nullptr) PGDRIFT_RETURN_IF_ERROR(CheckDefaultExpression(*cmd.def, ctx_));
        if (cmd.def != nullptr && !null_default) {
          PGDRIFT_ASSIGN_OR_RETURN(std::string text, Canonical(*cmd.def, type));
          set.expr = std::move(text);
        }
        out->push_back(std::move(set));
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
        out->push_back(model::alter::SetNotNull{column, false});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        out->push_back(model::alter::SetNotNull{column, true});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
        out->push_back(model::alter::DropExpression{column, cmd.missing_ok != 0});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics: {
        if (column.empty()) return NotModelledCommand("ALTER TABLE", cmd.subtype, ctx_);
        std::optional<long long> target = IntegerOf(cmd.def);
        if (!target) return ctx_.Invalid("SET STATISTICS requires an integer");
        out->push_back(model::alter::SetStatistics{column, static_cast<int>(*target)});
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions: {
        auto [items, count] = DefList(cmd);
        out->push_back(model::alter::SetColumnOptions{column, StorageParameters(items, count), {}});
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions: {
        auto [items, count] = DefList(cmd);
        out->push_back(model::alter::SetColumnOptions{column, {}, StorageParameterNames(items, count)});
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage:
        out->push_back(model::alter::SetStorage{column, AsciiLower(StringOf(cmd.def))});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetCompression: {
        std::string compression = AsciiLower(StringOf(cmd.def));
        if (compression == "default") compression.clear();
        out->push_back(model::alter::SetCompression{column, compression});
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        out->push_back(model::alter::DropColumn{column, cmd.missing_ok != 0, IsCascade(cmd)});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: {
        if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_CONSTRAINT)) {
          return ctx_.Invalid("ADD CONSTRAINT without a constraint");
        }
        const PgQuery__Constraint& constraint = *cmd.def->constraint;
        if (constraint.indexname != nullptr && constraint.indexname[0] != '\0') {
          model::alter::AddConstraintUsingIndex using_index;
          model::Constraint& c = using_index.def.constraint;
          c.name = constraint.conname != nullptr ? constraint.conname : "";
          c.type = constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ? model::ConstraintType::kPrimaryKey
                                                                               : model::ConstraintType::kUnique;
          c.deferrable = constraint.deferrable || constraint.initdeferred;
          c.initially_deferred = constraint.initdeferred;
          using_index.index = constraint.indexname;
          out->push_back(std::move(using_index));
          return absl::OkStatus();
        }
        PGDRIFT_ASSIGN_OR_RETURN(model::ConstraintDef def, TransformTableConstraint(constraint, scope_, ctx_));
        out->push_back(model::alter::AddConstraint{std::move(def)});
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterConstraint: {
        if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_CONSTRAINT)) {
          return ctx_.Invalid("ALTER CONSTRAINT without a constraint");
        }
        const PgQuery__Constraint& constraint = *cmd.def->constraint;
        out->push_back(model::alter::AlterConstraint{constraint.conname,
                                                     constraint.deferrable || constraint.initdeferred,
                                                     constraint.initdeferred != 0});
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        out->push_back(model::alter::ValidateConstraint{column});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        out->push_back(model::alter::DropConstraint{column, cmd.missing_ok != 0, IsCascade(cmd)});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: {
        if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_COLUMN_DEF) || cmd.def->column_def->type_name == nullptr) {
          return ctx_.Invalid("ALTER COLUMN TYPE without a type");
        }
        const PgQuery__ColumnDef& def = *cmd.def->column_def;
        model::alter::AlterColumnType alter;
        alter.column = column;
        absl::StatusOr<model::TypeRef> type = ResolveTypeName(*def.type_name, ctx_.catalog());
        if (!type.ok()) return AtStatement(type.status(), ctx_);
        alter.type = *type;
        if (def.coll_clause != nullptr) {
          alter.collation = CollationName(def.coll_clause->collname, def.coll_clause->n_collname, ctx_.catalog());
        }
        if (def.raw_default != nullptr) {
          PGDRIFT_ASSIGN_OR_RETURN(alter.using_expr, Canonical(*def.raw_default, nullptr));
        }
        for (model::Column& existing : scope_.columns) {
          if (existing.name == column) existing.type = alter.type;
        }
        out->push_back(std::move(alter));
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner: {
        absl::StatusOr<std::string> role = internal::RoleName(cmd.newowner, ctx_.catalog());
        if (!role.ok()) return AtStatement(role.status(), ctx_);
        out->push_back(model::alter::SetOwner{*role});
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
        out->push_back(model::alter::ClusterOn{column});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
        out->push_back(model::alter::ClusterOn{std::nullopt});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
        out->push_back(model::alter::SetLogged{true});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
        out->push_back(model::alter::SetLogged{false});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropOids:
        // SET WITHOUT OIDS: accepted and without effect since PostgreSQL 12.
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
        out->push_back(model::alter::SetAccessMethod{column == "heap" ? "" : column});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
        out->push_back(model::alter::SetTablespace{column});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions: {
        auto [items, count] = DefList(cmd);
        out->push_back(model::alter::SetOptions{StorageParameters(items, count), {}});
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions: {
        auto [items, count] = DefList(cmd);
        out->push_back(model::alter::SetOptions{{}, StorageParameterNames(items, count)});
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit: {
        if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_RANGE_VAR)) return ctx_.Invalid("INHERIT without a parent");
        out->push_back(model::alter::Inherit{RangeVarName(cmd.def->range_var),
                                             cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit});
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity: {
        if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_REPLICA_IDENTITY_STMT)) {
          return ctx_.Invalid("REPLICA IDENTITY without a setting");
        }
        const PgQuery__ReplicaIdentityStmt& identity = *cmd.def->replica_identity_stmt;
        std::string_view kind = identity.identity_type != nullptr ? identity.identity_type : "";
        model::alter::SetReplicaIdentity set;
        if (kind == "n") {
          set.identity = model::ReplicaIdentity::kNothing;
        } else if (kind == "f") {
          set.identity = model::ReplicaIdentity::kFull;
        } else if (kind == "i") {
          set.identity = model::ReplicaIdentity::kIndex;
          set.index = identity.name != nullptr ? identity.name : "";
        }
        out->push_back(std::move(set));
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity:
        out->push_back(model::alter::SetRowSecurity{true, std::nullopt});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity:
        out->push_back(model::alter::SetRowSecurity{false, std::nullopt});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity:
        out->push_back(model::alter::SetRowSecurity{std::nullopt, true});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity:
        out->push_back(model::alter::SetRowSecurity{std::nullopt, false});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition: {
        if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_PARTITION_CMD) || cmd.def->partition_cmd->bound == nullptr) {
          return ctx_.Invalid("ATTACH PARTITION without a bound");
        }
        const PgQuery__PartitionCmd& partition = *cmd.def->partition_cmd;
        model::alter::AttachPartition attach;
        attach.partition = RangeVarName(partition.name);
        std::vector<std::optional<model::TypeRef>> key_types;
        if (table_ != nullptr) key_types = PartitionKeyTypes(*table_);
        PGDRIFT_ASSIGN_OR_RETURN(attach.bound, PartitionBoundText(*partition.bound, key_types, scope_, ctx_));
        out->push_back(std::move(attach));
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
        if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_PARTITION_CMD)) {
          return ctx_.Invalid("DETACH PARTITION without a partition");
        }
        out->push_back(model::alter::DetachPartition{RangeVarName(cmd.def->partition_cmd->name)});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
        // Completes an earlier DETACH … CONCURRENTLY, whose effect the model already has.
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity: {
        if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_CONSTRAINT)) return ctx_.Invalid("ADD IDENTITY without options");
        const PgQuery__Constraint& constraint = *cmd.def->constraint;
        model::alter::AddIdentity add;
        add.column = column;
        std::string_view when = constraint.generated_when != nullptr ? constraint.generated_when : "";
        add.kind = when == "a" ? model::IdentityKind::kAlways : model::IdentityKind::kByDefault;
        absl::StatusOr<model::SequenceOptions> options =
            SequenceOptionsOf(constraint.options, constraint.n_options, ctx_.catalog(), true);
        if (!options.ok()) return AtStatement(options.status(), ctx_);
        add.options = *std::move(options);
        out->push_back(std::move(add));
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity: {
        auto [items, count] = DefList(cmd);
        model::alter::SetIdentity set;
        set.column = column;
        // SET GENERATED ALWAYS / BY DEFAULT arrives as DefElem "generated" holding the
        // attidentity letter as an integer; the rest are sequence options.
        std::vector<PgQuery__Node*> options;
        for (size_t i = 0; i < count; ++i) {
          if (IsNode(items[i], PG_QUERY__NODE__NODE_DEF_ELEM) &&
              std::string_view(items[i]->def_elem->defname) == "generated") {
            std::optional<long long> letter = IntegerOf(items[i]->def_elem->arg);
            set.kind = letter == 'a' ? model::IdentityKind::kAlways : model::IdentityKind::kByDefault;
            continue;
          }
          options.push_back(items[i]);
        }
        absl::StatusOr<model::SequenceOptions> sequence_options =
            SequenceOptionsOf(options.data(), options.size(), ctx_.catalog(), true);
        if (!sequence_options.ok()) return AtStatement(sequence_options.status(), ctx_);
        set.options = *std::move(sequence_options);
        out->push_back(std::move(set));
        return absl::OkStatus();
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
        out->push_back(model::alter::DropIdentity{column, cmd.missing_ok != 0});
        return absl::OkStatus();
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
        out->push_back(TriggerEnabled(cmd));
        return absl::OkStatus();
      default:
        return NotModelledCommand("ALTER TABLE", cmd.subtype, ctx_);
    }
  }

  const PgQuery__AlterTableStmt& stmt_;
  TransformContext& ctx_;
  TableScope scope_;
  const model::Table* table_ = nullptr;
};

// ALTER INDEX … SET (…) / RESET (…) / ATTACH PARTITION / SET TABLESPACE.
absl::Status AlterIndex(const PgQuery__AlterTableStmt& stmt, TransformContext& ctx) {
  model::AlterIndex m;
  m.index = RangeVarName(stmt.relation);
  m.if_exists = stmt.missing_ok;
  for (size_t i = 0; i < stmt.n_cmds; ++i) {
    if (!IsNode(stmt.cmds[i], PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    auto [items, count] = DefList(cmd);
    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
        for (auto& [name, value] : StorageParameters(items, count)) m.set_options[name] = value;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
        for (std::string& name : StorageParameterNames(items, count)) m.reset_options.push_back(name);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
        if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_PARTITION_CMD)) {
          return ctx.Invalid("ATTACH PARTITION without an index");
        }
        m.attach_partition = RangeVarName(cmd.def->partition_cmd->name);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
        m.tablespace = NameOf(cmd);
        break;
      default:
        return NotModelledCommand("ALTER INDEX", cmd.subtype, ctx);
    }
  }
  ctx.Emit(std::move(m));
  return absl::OkStatus();
}

// ALTER SEQUENCE … OWNER TO arrives as an AlterTableStmt; other ALTER SEQUENCE clauses
// are AlterSeqStmt.
absl::Status AlterSequence(const PgQuery__AlterTableStmt& stmt, TransformContext& ctx) {
  std::vector<model::SetObjectOwner> owners;
  for (size_t i = 0; i < stmt.n_cmds; ++i) {
    if (!IsNode(stmt.cmds[i], PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner) {
      return NotModelledCommand("ALTER SEQUENCE", cmd.subtype, ctx);
    }
    absl::StatusOr<std::string> role = internal::RoleName(cmd.newowner, ctx.catalog());
    if (!role.ok()) return AtStatement(role.status(), ctx);
    owners.push_back({model::ObjectKind::kSequence, RangeVarName(stmt.relation), *role});
  }
  for (model::SetObjectOwner& owner : owners) ctx.Emit(std::move(owner));
  return absl::OkStatus();
}

// ALTER TYPE … ADD / DROP / ALTER ATTRIBUTE of a composite type.
absl::Status AlterCompositeType(const PgQuery__AlterTableStmt& stmt, TransformContext& ctx) {
  model::AlterType m;
  m.type = RangeVarName(stmt.relation);
  for (size_t i = 0; i < stmt.n_cmds; ++i) {
    if (!IsNode(stmt.cmds[i], PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: {
        if (!IsNode(cmd.def, PG_QUERY__NODE__NODE_COLUMN_DEF) || cmd.def->column_def->type_name == nullptr) {
          return ctx.Invalid("attribute without a type");
        }
        const PgQuery__ColumnDef& def = *cmd.def->column_def;
        absl::StatusOr<model::TypeRef> type = ResolveTypeName(*def.type_name, ctx.catalog());
        if (!type.ok()) return AtStatement(type.status(), ctx);
        std::string collation;
        if (def.coll_clause != nullptr) {
          collation = CollationName(def.coll_clause->collname, def.coll_clause->n_collname, ctx.catalog());
        }
        if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn) {
          m.commands.push_back(model::alter_type::AddAttribute{{def.colname, *type, collation}});
        } else {
          m.commands.push_back(model::alter_type::AlterAttributeType{NameOf(cmd), *type, collation});
        }
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        m.commands.push_back(model::alter_type::DropAttribute{NameOf(cmd), cmd.missing_ok != 0});
        break;
      default:
        return NotModelledCommand("ALTER TYPE", cmd.subtype, ctx);
    }
  }
  ctx.Emit(std::move(m));
  return absl::OkStatus();
}

}  // namespace

absl::Status TransformAlterTableStmt(const PgQuery__AlterTableStmt& stmt, TransformContext& ctx) {
  if (stmt.relation == nullptr) return ctx.Invalid("ALTER TABLE without a name");
  switch (stmt.objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: {
      // ALTER TABLE also works on sequences and indexes (pg_dump wrote ALTER TABLE seq
      // OWNER TO for years): what the name resolves to decides.
      std::optional<model::QualifiedName> resolved = ctx.catalog().ResolveRelation(RangeVarName(stmt.relation));
      std::optional<model::ObjectKind> kind =
          resolved ? ctx.catalog().RelationKindOf(*resolved) : std::nullopt;
      if (kind == model::ObjectKind::kSequence) return AlterSequence(stmt, ctx);
      if (kind == model::ObjectKind::kIndex) return AlterIndex(stmt, ctx);
      return TableCommands(stmt, ctx).Run();
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
      return AlterIndex(stmt, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return AlterSequence(stmt, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      return AlterCompositeType(stmt, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      return TransformAlterViewStmt(stmt, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
      return ctx.NotModelled("ALTER FOREIGN TABLE");
    default:
      return ctx.NotModelled("ALTER TABLE on this kind of object");
  }
}

}  // namespace pgdrift::parser
