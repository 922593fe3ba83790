// Applies GRANT / REVOKE and ALTER DEFAULT PRIVILEGES.
#include "model/internal/apply_context.h"

namespace pgdrift::model::internal {

absl::Status ApplyGrantPrivileges(const GrantPrivileges&, ApplyContext&) {
  return absl::UnimplementedError("GrantPrivileges is not applied yet");
}

absl::Status ApplyAlterDefaultPrivileges(const AlterDefaultPrivileges&, ApplyContext&) {
  return absl::UnimplementedError("AlterDefaultPrivileges is not applied yet");
}

}  // namespace pgdrift::model::internal
