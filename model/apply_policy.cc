// Applies CREATE POLICY and ALTER POLICY.
#include "model/internal/apply_context.h"

namespace pgdrift::model::internal {

absl::Status ApplyCreatePolicy(const CreatePolicy&, ApplyContext&) {
  return absl::UnimplementedError("CreatePolicy is not applied yet");
}

absl::Status ApplyAlterPolicy(const AlterPolicy&, ApplyContext&) {
  return absl::UnimplementedError("AlterPolicy is not applied yet");
}

absl::Status DropPolicy(const DropRelationChild&, ApplyContext&) {
  return absl::UnimplementedError("DROP POLICY is not applied yet");
}

}  // namespace pgdrift::model::internal
