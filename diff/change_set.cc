#include "diff/change_set.h"

#include <algorithm>

namespace pgdrift::diff {

std::string_view DriftStatusName(DriftStatus status) {
  switch (status) {
    case DriftStatus::kLocalOnly:
      return "local_only";
    case DriftStatus::kRemoteOnly:
      return "remote_only";
    case DriftStatus::kChanged:
      return "changed";
  }
  return "changed";
}

int ChangeSet::Count(DriftStatus status) const {
  return static_cast<int>(std::count_if(objects.begin(), objects.end(),
                                        [status](const ObjectDrift& o) { return o.status == status; }));
}

}  // namespace pgdrift::diff
