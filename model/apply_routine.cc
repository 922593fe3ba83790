// Applies CREATE / ALTER / DROP FUNCTION and PROCEDURE.
#include "model/internal/apply_context.h"

namespace pgdrift::model::internal {

absl::Status ApplyCreateRoutine(const CreateRoutine&, ApplyContext&) {
  return absl::UnimplementedError("CreateRoutine is not applied yet");
}

absl::Status ApplyAlterRoutine(const AlterRoutine&, ApplyContext&) {
  return absl::UnimplementedError("AlterRoutine is not applied yet");
}

absl::Status ApplyDropRoutines(const DropRoutines&, ApplyContext&) {
  return absl::UnimplementedError("DropRoutines is not applied yet");
}

}  // namespace pgdrift::model::internal
