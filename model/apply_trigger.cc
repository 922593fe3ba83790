// Applies CREATE TRIGGER, ENABLE / DISABLE TRIGGER and DROP TRIGGER / POLICY.
#include "model/internal/apply_context.h"

namespace pgdrift::model::internal {

absl::Status ApplyCreateTrigger(const CreateTrigger&, ApplyContext&) {
  return absl::UnimplementedError("CreateTrigger is not applied yet");
}

absl::Status ApplyDropRelationChild(const DropRelationChild&, ApplyContext&) {
  return absl::UnimplementedError("DropRelationChild is not applied yet");
}

absl::Status ApplySetTriggerEnabled(Table&, const alter::SetTriggerEnabled&, ApplyContext&) {
  return absl::UnimplementedError("ENABLE / DISABLE TRIGGER is not applied yet");
}

}  // namespace pgdrift::model::internal
