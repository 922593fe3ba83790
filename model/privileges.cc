#include "model/privileges.h"

namespace pgdrift::model {

// Stub: completed with the privileges work.
std::string_view AllPrivileges(AclObjectKind kind) {
  switch (kind) {
    case AclObjectKind::kTable: return "arwdDxt";
    case AclObjectKind::kColumn: return "arwx";
    case AclObjectKind::kSequence: return "rwU";
    case AclObjectKind::kFunction: return "X";
    case AclObjectKind::kSchema: return "UC";
    case AclObjectKind::kType: return "U";
  }
  return "";
}

}  // namespace pgdrift::model
