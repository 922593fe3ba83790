#include "model/table.h"

namespace pgdrift::model {

Column* Table::FindColumn(std::string_view column_name) {
  for (Column& column : columns) {
    if (column.name == column_name) return &column;
  }
  return nullptr;
}

const Column* Table::FindColumn(std::string_view column_name) const {
  for (const Column& column : columns) {
    if (column.name == column_name) return &column;
  }
  return nullptr;
}

int Table::ColumnPosition(std::string_view column_name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column_name) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::string_view ReplicaIdentityName(ReplicaIdentity identity) {
  switch (identity) {
    case ReplicaIdentity::kDefault:
      return "default";
    case ReplicaIdentity::kNothing:
      return "nothing";
    case ReplicaIdentity::kFull:
      return "full";
    case ReplicaIdentity::kIndex:
      return "index";
  }
  return "";
}

}  // namespace pgdrift::model
