// View::FindColumn.
#include "model/view.h"

namespace pgdrift::model {

const ViewColumn* View::FindColumn(std::string_view column_name) const {
  for (const ViewColumn& column : columns) {
    if (column.name == column_name) return &column;
  }
  return nullptr;
}

}  // namespace pgdrift::model
