// SELECT (SelectStmt): only `SELECT pg_catalog.set_config('search_path', '…', false)`,
// which pg_dump emits at the top of every dump, has an effect on the schema model; it
// becomes model::SetSearchPath. The value is a list read as SplitIdentifierString
// (varlena.c) reads it: comma-separated, "quoted" names keep their case. A NULL value
// resets the setting. set_config of any other setting has no schema effect and emits
// nothing, like SET. Any other SELECT is reported as not modelled.
#include <optional>

#include "base/strings.h"
#include "parser/internal/ddl_util.h"
#include "parser/node_util.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

// The set_config(name, value, is_local) call of a select target, if it is one with
// constant arguments.
const PgQuery__FuncCall* SetConfigCall(const PgQuery__Node* target) {
  if (target == nullptr || target->node_case != PG_QUERY__NODE__NODE_RES_TARGET) return nullptr;
  const PgQuery__Node* val = target->res_target->val;
  if (val == nullptr || val->node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return nullptr;
  const PgQuery__FuncCall* func_call = val->func_call;
  model::QualifiedName name = QualifiedNameOf(func_call->funcname, func_call->n_funcname);
  if (name.name != "set_config" || (!name.schema.empty() && name.schema != "pg_catalog")) {
    return nullptr;
  }
  if (func_call->n_args != 3) return nullptr;
  for (size_t i = 0; i < func_call->n_args; ++i) {
    if (func_call->args[i]->node_case != PG_QUERY__NODE__NODE_A_CONST) return nullptr;
  }
  return func_call;
}

}  // namespace

absl::Status TransformSelectStmt(const PgQuery__SelectStmt& stmt, TransformContext& ctx) {
  bool plain = stmt.op == PG_QUERY__SET_OPERATION__SETOP_NONE && stmt.n_from_clause == 0 &&
               stmt.where_clause == nullptr && stmt.into_clause == nullptr &&
               stmt.with_clause == nullptr && stmt.n_target_list > 0;
  if (!plain) return ctx.NotModelled("SELECT");
  std::vector<const PgQuery__FuncCall*> calls;
  for (size_t i = 0; i < stmt.n_target_list; ++i) {
    const PgQuery__FuncCall* call = SetConfigCall(stmt.target_list[i]);
    if (call == nullptr) return ctx.NotModelled("SELECT");
    calls.push_back(call);
  }
  for (const PgQuery__FuncCall* call : calls) {
    if (AsciiLower(ConstantText(call->args[0]).value_or("")) != "search_path") continue;
    if (call->args[1]->a_const->isnull) {
      ctx.Emit(model::SetSearchPath{{}, /*reset=*/true});
      continue;
    }
    std::string value = ConstantText(call->args[1]).value_or("");
    std::optional<std::vector<std::string>> schemas = internal::SplitIdentifiers(value, ',');
    if (!schemas) {
      // check_search_path (namespace.c).
      return ctx.Invalid(StrCat("invalid value for parameter \"search_path\": \"", value, "\""));
    }
    model::SetSearchPath set;
    for (std::string& schema : *schemas) {
      if (!schema.empty()) set.schemas.push_back(std::move(schema));
    }
    ctx.Emit(std::move(set));
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
