// Applies CREATE [MATERIALIZED] VIEW and ALTER VIEW.
#include "model/internal/apply_context.h"

namespace pgdrift::model::internal {

absl::Status ApplyCreateView(const CreateView&, ApplyContext&) {
  return absl::UnimplementedError("CreateView is not applied yet");
}

absl::Status ApplyAlterView(const AlterView&, ApplyContext&) {
  return absl::UnimplementedError("AlterView is not applied yet");
}

}  // namespace pgdrift::model::internal
