#include "model/internal/object_description.h"

#include "base/strings.h"
#include "model/internal/namespaces.h"

namespace pgdrift::model::internal {

std::string DescribeRelation(const Catalog& catalog, const QualifiedName& name) {
  std::string_view kind = "relation";
  if (catalog.tables.contains(name)) {
    kind = "table";
  } else if (catalog.sequences.contains(name)) {
    kind = "sequence";
  } else if (catalog.indexes.contains(name)) {
    kind = "index";
  } else if (IsCompositeType(catalog, name)) {
    kind = "composite type";
  }
  return StrCat(kind, " ", RelationDisplayName(catalog, name));
}

std::string DescribeColumn(const Catalog& catalog, const QualifiedName& relation,
                           std::string_view column) {
  return StrCat("column ", column, " of ", DescribeRelation(catalog, relation));
}

std::string DescribeDefault(const Catalog& catalog, const QualifiedName& table,
                            std::string_view column) {
  return StrCat("default value for ", DescribeColumn(catalog, table, column));
}

std::string DescribeType(const Catalog& catalog, const QualifiedName& name) {
  return StrCat("type ", FormatTypeName(catalog, name));
}

std::string DescribeObject(const Catalog& catalog, const ObjectId& id) {
  switch (id.kind) {
    case ObjectKind::kSchema:
      return StrCat("schema ", id.name);
    case ObjectKind::kExtension:
      return StrCat("extension ", id.name);
    case ObjectKind::kType:
    case ObjectKind::kDomain:
      return DescribeType(catalog, {id.schema, id.name});
    case ObjectKind::kSequence:
    case ObjectKind::kTable:
    case ObjectKind::kIndex:
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
      return DescribeRelation(catalog, {id.schema, id.name});
    case ObjectKind::kColumn:
      return DescribeColumn(catalog, id.qualified(), id.name);
    case ObjectKind::kConstraint:
      return StrCat("constraint ", id.name, " on ", DescribeRelation(catalog, id.qualified()));
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
    case ObjectKind::kAggregate:
    case ObjectKind::kTrigger:
    case ObjectKind::kPolicy:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      return id.ToString();
  }
  return id.ToString();
}

}  // namespace pgdrift::model::internal
