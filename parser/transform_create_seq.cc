// CREATE SEQUENCE and ALTER SEQUENCE (CreateSeqStmt, AlterSeqStmt) → model::CreateSequence
// and model::AlterSequence.
//
// Handled: IF NOT EXISTS, IF EXISTS, UNLOGGED, AS, INCREMENT, MINVALUE / NO MINVALUE,
// MAXVALUE / NO MAXVALUE, START, RESTART, CACHE, [NO] CYCLE, OWNED BY. Rejected as not
// modelled: TEMPORARY sequences (they vanish with their connection). ALTER SEQUENCE … RENAME,
// SET SCHEMA, OWNER TO and SET [UN]LOGGED arrive as other statements.
#include "base/status_macros.h"
#include "parser/node_util.h"
#include "parser/sequence_options.h"
#include "parser/transform.h"

namespace pgdrift::parser {

absl::Status TransformCreateSeqStmt(const PgQuery__CreateSeqStmt& stmt, TransformContext& ctx) {
  const PgQuery__RangeVar* sequence = stmt.sequence;
  if (sequence == nullptr) return ctx.Invalid("sequence name is missing");
  // RangeVar.relpersistence: 'p' permanent, 'u' unlogged, 't' temporary.
  std::string persistence = sequence->relpersistence;
  if (persistence == "t") return ctx.NotModelled("CREATE TEMPORARY SEQUENCE");
  model::CreateSequence create;
  create.name = RangeVarName(sequence);
  create.if_not_exists = stmt.if_not_exists;
  create.unlogged = persistence == "u";
  PGDRIFT_ASSIGN_OR_RETURN(create.options, SequenceOptionsOf(stmt.options, stmt.n_options,
                                                             ctx.catalog(), stmt.for_identity));
  ctx.Emit(std::move(create));
  return absl::OkStatus();
}

absl::Status TransformAlterSeqStmt(const PgQuery__AlterSeqStmt& stmt, TransformContext& ctx) {
  if (stmt.sequence == nullptr) return ctx.Invalid("sequence name is missing");
  model::AlterSequence alter;
  alter.name = RangeVarName(stmt.sequence);
  alter.if_exists = stmt.missing_ok;
  PGDRIFT_ASSIGN_OR_RETURN(alter.options, SequenceOptionsOf(stmt.options, stmt.n_options,
                                                            ctx.catalog(), stmt.for_identity));
  ctx.Emit(std::move(alter));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
