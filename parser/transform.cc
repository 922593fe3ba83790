#include "parser/transform.h"

#include "base/strings.h"
#include "parser/node_util.h"

namespace pgdrift::parser {

void TransformContext::Emit(model::MutationBody body) {
  mutations_.push_back({span_, FirstLine(text_), std::move(body)});
}

void TransformContext::Warn(std::string message) {
  sink_->Warning(span_, std::move(message), FirstLine(text_));
}

absl::Status TransformContext::NotModelled(std::string_view what) const {
  return absl::UnimplementedError(StrCat(what, " is not modelled"));
}

absl::Status TransformContext::Invalid(std::string_view message) const {
  return InputError(absl::StatusCode::kInvalidArgument, span_, message);
}

absl::Status TransformStatement(const PgQuery__Node& statement, TransformContext& ctx) {
  switch (statement.node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      return TransformCreateStmt(*statement.create_stmt, ctx);
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      return TransformAlterTableStmt(*statement.alter_table_stmt, ctx);
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return TransformIndexStmt(*statement.index_stmt, ctx);
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      return TransformCreateSeqStmt(*statement.create_seq_stmt, ctx);
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
      return TransformAlterSeqStmt(*statement.alter_seq_stmt, ctx);
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
      return TransformCreateSchemaStmt(*statement.create_schema_stmt, ctx);
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      return TransformCreateExtensionStmt(*statement.create_extension_stmt, ctx);
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
      return TransformCreateEnumStmt(*statement.create_enum_stmt, ctx);
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
      return TransformCompositeTypeStmt(*statement.composite_type_stmt, ctx);
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
      return TransformCreateRangeStmt(*statement.create_range_stmt, ctx);
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
      return TransformAlterEnumStmt(*statement.alter_enum_stmt, ctx);
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
      return TransformCreateDomainStmt(*statement.create_domain_stmt, ctx);
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
      return TransformAlterDomainStmt(*statement.alter_domain_stmt, ctx);
    case PG_QUERY__NODE__NODE_DROP_STMT:
      return TransformDropStmt(*statement.drop_stmt, ctx);
    case PG_QUERY__NODE__NODE_RENAME_STMT:
      return TransformRenameStmt(*statement.rename_stmt, ctx);
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
      return TransformAlterObjectSchemaStmt(*statement.alter_object_schema_stmt, ctx);
    case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
      return TransformAlterOwnerStmt(*statement.alter_owner_stmt, ctx);
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
      return TransformCommentStmt(*statement.comment_stmt, ctx);
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
      return TransformVariableSetStmt(*statement.variable_set_stmt, ctx);
    case PG_QUERY__NODE__NODE_SELECT_STMT:
      return TransformSelectStmt(*statement.select_stmt, ctx);
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
      return TransformCreateRoleStmt(*statement.create_role_stmt, ctx);
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      return TransformCreateFunctionStmt(*statement.create_function_stmt, ctx);
    case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT:
      return TransformAlterFunctionStmt(*statement.alter_function_stmt, ctx);
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      return TransformCreateTrigStmt(*statement.create_trig_stmt, ctx);
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      return TransformCreatePolicyStmt(*statement.create_policy_stmt, ctx);
    case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT:
      return TransformAlterPolicyStmt(*statement.alter_policy_stmt, ctx);
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      return TransformViewStmt(*statement.view_stmt, ctx);
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      return TransformCreateTableAsStmt(*statement.create_table_as_stmt, ctx);
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
      return TransformRefreshMatViewStmt(*statement.refresh_mat_view_stmt, ctx);
    case PG_QUERY__NODE__NODE_GRANT_STMT:
      return TransformGrantStmt(*statement.grant_stmt, ctx);
    case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
      return TransformAlterDefaultPrivilegesStmt(*statement.alter_default_privileges_stmt, ctx);
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
      // BEGIN / COMMIT wrappers: a chain replays as if each file were one transaction.
      return absl::OkStatus();
    default:
      return ctx.NotModelled(StatementName(&statement));
  }
}

}  // namespace pgdrift::parser
