#include "model/internal/references.h"

namespace pgdrift::model::internal {

void ForEachRelationReference(Catalog& catalog, const std::function<void(QualifiedName&)>& visit) {
  for (auto& [name, index] : catalog.indexes) {
    visit(index.table);
    if (index.parent_index.has_value()) visit(*index.parent_index);
  }
  for (auto& [name, table] : catalog.tables) {
    for (auto& [constraint_name, constraint] : table.constraints) {
      if (constraint.type == ConstraintType::kForeignKey) visit(constraint.referenced_table);
    }
    for (QualifiedName& parent : table.inherits) visit(parent);
    if (table.partition_of.has_value()) visit(*table.partition_of);
  }
  for (auto& [name, sequence] : catalog.sequences) {
    if (sequence.owned_by.has_value()) visit(sequence.owned_by->table);
  }
}

void ForEachTypeReference(Catalog& catalog, const std::function<void(TypeRef&)>& visit) {
  for (auto& [name, table] : catalog.tables) {
    for (Column& column : table.columns) visit(column.type);
  }
  for (auto& [name, type] : catalog.types) {
    for (CompositeAttribute& attribute : type.attributes) visit(attribute.type);
    if (type.kind == UserTypeKind::kRange) visit(type.range_subtype);
  }
  for (auto& [name, domain] : catalog.domains) visit(domain.base_type);
  for (auto& [name, sequence] : catalog.sequences) visit(sequence.data_type);
}

void ReplaceTableReferences(Catalog& catalog, const QualifiedName& from, const QualifiedName& to) {
  ForEachRelationReference(catalog, [&](QualifiedName& name) {
    if (name == from) name = to;
  });
  ReplaceTypeReferences(catalog, from, to);
}

void ReplaceTypeReferences(Catalog& catalog, const QualifiedName& from, const QualifiedName& to) {
  ForEachTypeReference(catalog, [&](TypeRef& type) {
    if (type.is_user_defined() && type.qualified() == from) {
      type.schema = to.schema;
      type.name = to.name;
    }
  });
}

}  // namespace pgdrift::model::internal
