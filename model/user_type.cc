#include "model/user_type.h"

namespace pgdrift::model {

std::string_view UserTypeKindName(UserTypeKind kind) {
  switch (kind) {
    case UserTypeKind::kEnum:
      return "enum";
    case UserTypeKind::kComposite:
      return "composite";
    case UserTypeKind::kRange:
      return "range";
  }
  return "unknown";
}

}  // namespace pgdrift::model
