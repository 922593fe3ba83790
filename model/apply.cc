#include "model/apply.h"

#include "base/overloaded.h"
#include "model/internal/apply_context.h"

namespace pgdrift::model {

absl::Status Apply(const Mutation& mutation, Catalog* catalog, DiagnosticSink* notes) {
  Catalog& working = *catalog;
  internal::ApplyContext ctx{&working, &mutation, notes};
  absl::Status status = std::visit(
      Overloaded{
          [&](const CreateSchema& m) { return internal::ApplyCreateSchema(m, ctx); },
          [&](const CreateExtension& m) { return internal::ApplyCreateExtension(m, ctx); },
          [&](const CreateType& m) { return internal::ApplyCreateType(m, ctx); },
          [&](const AlterType& m) { return internal::ApplyAlterType(m, ctx); },
          [&](const CreateDomain& m) { return internal::ApplyCreateDomain(m, ctx); },
          [&](const AlterDomain& m) { return internal::ApplyAlterDomain(m, ctx); },
          [&](const CreateSequence& m) { return internal::ApplyCreateSequence(m, ctx); },
          [&](const AlterSequence& m) { return internal::ApplyAlterSequence(m, ctx); },
          [&](const CreateTable& m) { return internal::ApplyCreateTable(m, ctx); },
          [&](const AlterTable& m) { return internal::ApplyAlterTable(m, ctx); },
          [&](const CreateIndex& m) { return internal::ApplyCreateIndex(m, ctx); },
          [&](const AlterIndex& m) { return internal::ApplyAlterIndex(m, ctx); },
          [&](const Rename& m) { return internal::ApplyRename(m, ctx); },
          [&](const SetSchema& m) { return internal::ApplySetSchema(m, ctx); },
          [&](const DropObjects& m) { return internal::ApplyDropObjects(m, ctx); },
          [&](const SetSearchPath& m) {
            working.search_path =
                m.reset ? std::vector<std::string>{"$user", "public"} : m.schemas;
            return absl::OkStatus();
          },
          [&](const Comment& m) { return internal::ApplyComment(m, ctx); },
          [&](const SetObjectOwner& m) { return internal::ApplySetObjectOwner(m, ctx); },
          [&](const CreateRoutine& m) { return internal::ApplyCreateRoutine(m, ctx); },
          [&](const AlterRoutine& m) { return internal::ApplyAlterRoutine(m, ctx); },
          [&](const DropRoutines& m) { return internal::ApplyDropRoutines(m, ctx); },
          [&](const CreateTrigger& m) { return internal::ApplyCreateTrigger(m, ctx); },
          [&](const CreatePolicy& m) { return internal::ApplyCreatePolicy(m, ctx); },
          [&](const AlterPolicy& m) { return internal::ApplyAlterPolicy(m, ctx); },
          [&](const DropRelationChild& m) { return internal::ApplyDropRelationChild(m, ctx); },
          [&](const CreateView& m) { return internal::ApplyCreateView(m, ctx); },
          [&](const AlterView& m) { return internal::ApplyAlterView(m, ctx); },
          [&](const GrantPrivileges& m) { return internal::ApplyGrantPrivileges(m, ctx); },
          [&](const AlterDefaultPrivileges& m) {
            return internal::ApplyAlterDefaultPrivileges(m, ctx);
          },
          [&](const CreateRole& m) {
            working.roles.insert(m.name);
            return absl::OkStatus();
          },
      },
      mutation.body);
  return status;
}

}  // namespace pgdrift::model
