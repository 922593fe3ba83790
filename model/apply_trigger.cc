// Applies CREATE TRIGGER, ENABLE / DISABLE TRIGGER and DROP TRIGGER / POLICY.
#include "model/internal/apply_context.h"

namespace pgdrift::model::internal {

absl::Status ApplyCreateTrigger(const CreateTrigger&, ApplyContext&) {
  return absl::UnimplementedError("CreateTrigger is not applied yet");
}

absl::Status ApplyDropRelationChild(const DropRelationChild& m, ApplyContext& ctx) {
  return m.kind == ObjectKind::kPolicy ? DropPolicy(m, ctx) : DropTrigger(m, ctx);
}

absl::Status DropTrigger(const DropRelationChild&, ApplyContext&) {
  return absl::UnimplementedError("DROP TRIGGER is not applied yet");
}

absl::Status ApplySetTriggerEnabled(Table&, const alter::SetTriggerEnabled&, ApplyContext&) {
  return absl::UnimplementedError("ENABLE / DISABLE TRIGGER is not applied yet");
}

}  // namespace pgdrift::model::internal
