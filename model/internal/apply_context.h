// ApplyContext: what every apply_<kind>.cc needs while applying one mutation — the
// catalog, the statement's span for errors and lineage, and the notice sink.
#ifndef PGDRIFT_MODEL_INTERNAL_APPLY_CONTEXT_H_
#define PGDRIFT_MODEL_INTERNAL_APPLY_CONTEXT_H_

#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "base/diagnostic.h"
#include "model/catalog.h"
#include "model/mutation.h"

namespace pgdrift::model::internal {

struct ApplyContext {
  Catalog* catalog;
  const Mutation* mutation;
  DiagnosticSink* notes;

  const SourceSpan& span() const { return mutation->span; }

  // An error at the mutation's span.
  absl::Status Error(absl::StatusCode code, std::string_view message) const {
    return InputError(code, mutation->span, message);
  }
  // A PostgreSQL-style NOTICE at the mutation's span.
  void Notice(std::string message) const {
    if (notes != nullptr) {
      notes->Add({Severity::kNote, mutation->span, std::move(message), mutation->statement});
    }
  }

  // Resolves a relation name for lookup: search_path when unqualified.
  std::optional<QualifiedName> Resolve(const QualifiedName& name) const {
    return catalog->ResolveRelation(name);
  }
};

// One function per mutation type, defined in model/apply_<kind>.cc.
absl::Status ApplyCreateSchema(const CreateSchema& m, ApplyContext& ctx);
absl::Status ApplyCreateExtension(const CreateExtension& m, ApplyContext& ctx);
absl::Status ApplyCreateType(const CreateType& m, ApplyContext& ctx);
absl::Status ApplyAlterType(const AlterType& m, ApplyContext& ctx);
absl::Status ApplyCreateDomain(const CreateDomain& m, ApplyContext& ctx);
absl::Status ApplyAlterDomain(const AlterDomain& m, ApplyContext& ctx);
absl::Status ApplyCreateSequence(const CreateSequence& m, ApplyContext& ctx);
absl::Status ApplyAlterSequence(const AlterSequence& m, ApplyContext& ctx);
absl::Status ApplyCreateTable(const CreateTable& m, ApplyContext& ctx);
absl::Status ApplyAlterTable(const AlterTable& m, ApplyContext& ctx);
absl::Status ApplyCreateIndex(const CreateIndex& m, ApplyContext& ctx);
absl::Status ApplyAlterIndex(const AlterIndex& m, ApplyContext& ctx);
absl::Status ApplyRename(const Rename& m, ApplyContext& ctx);
absl::Status ApplySetSchema(const SetSchema& m, ApplyContext& ctx);
absl::Status ApplyDropObjects(const DropObjects& m, ApplyContext& ctx);
absl::Status ApplyComment(const Comment& m, ApplyContext& ctx);
absl::Status ApplySetObjectOwner(const SetObjectOwner& m, ApplyContext& ctx);
absl::Status ApplyCreateRoutine(const CreateRoutine& m, ApplyContext& ctx);
absl::Status ApplyAlterRoutine(const AlterRoutine& m, ApplyContext& ctx);
absl::Status ApplyDropRoutines(const DropRoutines& m, ApplyContext& ctx);
absl::Status ApplyCreateTrigger(const CreateTrigger& m, ApplyContext& ctx);
absl::Status ApplyCreatePolicy(const CreatePolicy& m, ApplyContext& ctx);
absl::Status ApplyAlterPolicy(const AlterPolicy& m, ApplyContext& ctx);
absl::Status ApplyDropRelationChild(const DropRelationChild& m, ApplyContext& ctx);
absl::Status ApplyCreateView(const CreateView& m, ApplyContext& ctx);
absl::Status ApplyAlterView(const AlterView& m, ApplyContext& ctx);
absl::Status ApplyGrantPrivileges(const GrantPrivileges& m, ApplyContext& ctx);
absl::Status ApplyAlterDefaultPrivileges(const AlterDefaultPrivileges& m, ApplyContext& ctx);
// Finds the function or procedure `signature` names (parse_func.c LookupFuncWithArgs):
// through search_path when unqualified; without an argument list the name must be
// unique ("function name \"f\" is not unique"); kProcedure refuses a function. Returns
// nullopt and sets `*missing` to PostgreSQL's message when nothing matches
// (model/apply_routine.cc).
absl::StatusOr<std::optional<RoutineKey>> FindRoutine(const RoutineSignature& signature,
                                                      ObjectKind kind, ApplyContext& ctx,
                                                      std::string* missing);
// ALTER FUNCTION / PROCEDURE / ROUTINE … RENAME TO, SET SCHEMA, OWNER TO and COMMENT ON
// FUNCTION / PROCEDURE / ROUTINE (model/apply_routine.cc), for the shared appliers.
absl::Status RenameRoutine(const Rename& m, ApplyContext& ctx);
absl::Status SetRoutineSchema(const SetSchema& m, ApplyContext& ctx);
absl::Status CommentOnRoutine(const Comment& m, ApplyContext& ctx);
absl::Status SetRoutineOwner(const SetObjectOwner& m, ApplyContext& ctx);
// Drops `targets` and what depends on them as DROP … RESTRICT / CASCADE does
// (dependency.c): RESTRICT refuses when other objects depend on them, CASCADE drops
// those too with a "drop cascades to …" notice (model/apply_drop.cc).
absl::Status DropWithDependents(const std::vector<ObjectId>& targets, bool cascade,
                                ApplyContext& ctx);
// DROP TRIGGER and DROP POLICY, the two halves of ApplyDropRelationChild
// (model/apply_trigger.cc, model/apply_policy.cc).
absl::Status DropTrigger(const DropRelationChild& m, ApplyContext& ctx);
absl::Status DropPolicy(const DropRelationChild& m, ApplyContext& ctx);
// ALTER TABLE … ENABLE / DISABLE TRIGGER on `table` (model/apply_trigger.cc).
absl::Status ApplySetTriggerEnabled(Table& table, const alter::SetTriggerEnabled& c,
                                    ApplyContext& ctx);

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_APPLY_CONTEXT_H_
