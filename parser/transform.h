// Transform: one parsed statement → the model::Mutations that describe its effect.
//
// Each statement type has its own transform_<statement>.cc; TransformStatement
// dispatches on the node type. A transform reads the catalog as it was before the
// statement (to resolve names and canonicalize expressions) but never changes it: the
// replayer applies the mutations it emits, in order.
//
// A transform returns kUnimplemented for a statement or clause pgdrift does not model;
// the replayer reports that as a warning naming what was not modelled, never silently.
#ifndef PGDRIFT_PARSER_TRANSFORM_H_
#define PGDRIFT_PARSER_TRANSFORM_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "base/diagnostic.h"
#include "model/catalog.h"
#include "model/mutation.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser {

class TransformContext {
 public:
  TransformContext(const model::Catalog& catalog, SourceSpan span, std::string_view text,
                   DiagnosticSink* sink)
      : catalog_(catalog), span_(std::move(span)), text_(text), sink_(sink) {}

  // The catalog before this statement.
  const model::Catalog& catalog() const { return catalog_; }
  const SourceSpan& span() const { return span_; }
  std::string_view text() const { return text_; }

  // Adds a mutation carrying this statement's span.
  void Emit(model::MutationBody body);
  const std::vector<model::Mutation>& mutations() const { return mutations_; }
  std::vector<model::Mutation> TakeMutations() { return std::move(mutations_); }

  // A warning at this statement (e.g. a clause that is accepted but not modelled).
  void Warn(std::string message);

  // kUnimplemented "<what> is not modelled", for the replayer to turn into a warning.
  absl::Status NotModelled(std::string_view what) const;
  // kInvalidArgument at this statement.
  absl::Status Invalid(std::string_view message) const;

 private:
  const model::Catalog& catalog_;
  SourceSpan span_;
  std::string_view text_;
  DiagnosticSink* sink_;
  std::vector<model::Mutation> mutations_;
};

// Transforms one statement. Returns OK with zero mutations for statements that have no
// schema effect (BEGIN, COMMIT, SET of other settings).
[[nodiscard]] absl::Status TransformStatement(const PgQuery__Node& statement, TransformContext& ctx);

// One function per statement type, each in its own transform_<statement>.cc.
absl::Status TransformCreateStmt(const PgQuery__CreateStmt& stmt, TransformContext& ctx);
absl::Status TransformAlterTableStmt(const PgQuery__AlterTableStmt& stmt, TransformContext& ctx);
absl::Status TransformIndexStmt(const PgQuery__IndexStmt& stmt, TransformContext& ctx);
absl::Status TransformCreateSeqStmt(const PgQuery__CreateSeqStmt& stmt, TransformContext& ctx);
absl::Status TransformAlterSeqStmt(const PgQuery__AlterSeqStmt& stmt, TransformContext& ctx);
absl::Status TransformCreateSchemaStmt(const PgQuery__CreateSchemaStmt& stmt, TransformContext& ctx);
absl::Status TransformCreateExtensionStmt(const PgQuery__CreateExtensionStmt& stmt,
                                          TransformContext& ctx);
absl::Status TransformCreateEnumStmt(const PgQuery__CreateEnumStmt& stmt, TransformContext& ctx);
absl::Status TransformCompositeTypeStmt(const PgQuery__CompositeTypeStmt& stmt,
                                        TransformContext& ctx);
absl::Status TransformCreateRangeStmt(const PgQuery__CreateRangeStmt& stmt, TransformContext& ctx);
absl::Status TransformAlterEnumStmt(const PgQuery__AlterEnumStmt& stmt, TransformContext& ctx);
absl::Status TransformCreateDomainStmt(const PgQuery__CreateDomainStmt& stmt, TransformContext& ctx);
absl::Status TransformAlterDomainStmt(const PgQuery__AlterDomainStmt& stmt, TransformContext& ctx);
absl::Status TransformDropStmt(const PgQuery__DropStmt& stmt, TransformContext& ctx);
absl::Status TransformRenameStmt(const PgQuery__RenameStmt& stmt, TransformContext& ctx);
absl::Status TransformAlterObjectSchemaStmt(const PgQuery__AlterObjectSchemaStmt& stmt,
                                            TransformContext& ctx);
absl::Status TransformAlterOwnerStmt(const PgQuery__AlterOwnerStmt& stmt, TransformContext& ctx);
absl::Status TransformCommentStmt(const PgQuery__CommentStmt& stmt, TransformContext& ctx);
absl::Status TransformVariableSetStmt(const PgQuery__VariableSetStmt& stmt, TransformContext& ctx);
absl::Status TransformSelectStmt(const PgQuery__SelectStmt& stmt, TransformContext& ctx);
absl::Status TransformCreateRoleStmt(const PgQuery__CreateRoleStmt& stmt, TransformContext& ctx);
absl::Status TransformCreateFunctionStmt(const PgQuery__CreateFunctionStmt& stmt, TransformContext& ctx);
absl::Status TransformAlterFunctionStmt(const PgQuery__AlterFunctionStmt& stmt, TransformContext& ctx);
absl::Status TransformCreateTrigStmt(const PgQuery__CreateTrigStmt& stmt, TransformContext& ctx);
absl::Status TransformCreatePolicyStmt(const PgQuery__CreatePolicyStmt& stmt, TransformContext& ctx);
absl::Status TransformAlterPolicyStmt(const PgQuery__AlterPolicyStmt& stmt, TransformContext& ctx);
absl::Status TransformViewStmt(const PgQuery__ViewStmt& stmt, TransformContext& ctx);
absl::Status TransformCreateTableAsStmt(const PgQuery__CreateTableAsStmt& stmt, TransformContext& ctx);
// ALTER VIEW / MATERIALIZED VIEW … SET (…) / RESET (…) (an AlterTableStmt on a view).
absl::Status TransformAlterViewStmt(const PgQuery__AlterTableStmt& stmt, TransformContext& ctx);
absl::Status TransformRefreshMatViewStmt(const PgQuery__RefreshMatViewStmt& stmt, TransformContext& ctx);
absl::Status TransformGrantStmt(const PgQuery__GrantStmt& stmt, TransformContext& ctx);
absl::Status TransformAlterDefaultPrivilegesStmt(const PgQuery__AlterDefaultPrivilegesStmt& stmt, TransformContext& ctx);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_TRANSFORM_H_
