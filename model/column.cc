#include "model/column.h"

namespace pgdrift::model {

std::string_view IdentityName(IdentityKind kind) {
  switch (kind) {
    case IdentityKind::kNone:
      return "";
    case IdentityKind::kAlways:
      return "always";
    case IdentityKind::kByDefault:
      return "by default";
  }
  return "";
}

}  // namespace pgdrift::model
