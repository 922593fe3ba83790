// SET / RESET (VariableSetStmt) → model::SetSearchPath for search_path.
//
// Handled: SET [SESSION | LOCAL] search_path TO | = list, TO DEFAULT, RESET search_path
// and RESET ALL. Each list item is one schema name, as flatten_set_variable_args (guc.c)
// quotes every item of a GUC_LIST_QUOTE setting: `SET search_path = 'a, b'` names one
// schema called "a, b". `SET search_path = ''` is a path with no schemas, which is not
// the same as RESET. SET LOCAL is replayed like SET: pgdrift does not end its effect at
// COMMIT.
//
// Every other setting (statement_timeout, client_encoding, check_function_bodies, role,
// session_authorization …) has no effect on the schema model, so SET of it emits nothing
// and is not reported: unlike other statements, an unknown SET is silently accepted.
#include "base/strings.h"
#include "parser/node_util.h"
#include "parser/transform.h"

namespace pgdrift::parser {

absl::Status TransformVariableSetStmt(const PgQuery__VariableSetStmt& stmt, TransformContext& ctx) {
  if (stmt.kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL) {
    ctx.Emit(model::SetSearchPath{{}, /*reset=*/true});
    return absl::OkStatus();
  }
  // Setting names are case-insensitive (find_option in guc.c).
  if (AsciiLower(stmt.name) != "search_path") return absl::OkStatus();
  switch (stmt.kind) {
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
      ctx.Emit(model::SetSearchPath{{}, /*reset=*/true});
      return absl::OkStatus();
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE: {
      model::SetSearchPath set;
      for (size_t i = 0; i < stmt.n_args; ++i) {
        std::optional<std::string> schema = ConstantText(stmt.args[i]);
        if (!schema) return ctx.Invalid("SET search_path takes a list of names");
        // An empty name (the '' of SET search_path = '') matches no schema.
        if (!schema->empty()) set.schemas.push_back(*schema);
      }
      ctx.Emit(std::move(set));
      return absl::OkStatus();
    }
    default:
      // SET … FROM CURRENT only matters inside function definitions.
      return absl::OkStatus();
  }
}

}  // namespace pgdrift::parser
