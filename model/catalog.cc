#include "model/catalog.h"

namespace pgdrift::model {

std::string Catalog::CreationSchema() const {
  for (const std::string& entry : search_path) {
    const std::string& schema = entry == "$user" ? current_user : entry;
    if (schemas.contains(schema)) return schema;
  }
  return "";
}

QualifiedName Catalog::ForCreation(const QualifiedName& name) const {
  if (!name.schema.empty()) return name;
  return {CreationSchema(), name.name};
}

std::optional<ObjectKind> Catalog::RelationKindOf(const QualifiedName& name) const {
  if (tables.contains(name)) return ObjectKind::kTable;
  if (sequences.contains(name)) return ObjectKind::kSequence;
  if (indexes.contains(name)) return ObjectKind::kIndex;
  if (auto it = views.find(name); it != views.end()) return it->second.kind();
  return std::nullopt;
}

std::optional<QualifiedName> Catalog::SearchPath(
    const QualifiedName& name, const std::function<bool(const QualifiedName&)>& exists) const {
  if (!name.schema.empty()) {
    if (exists(name)) return name;
    return std::nullopt;
  }
  for (const std::string& entry : search_path) {
    QualifiedName candidate{entry == "$user" ? current_user : entry, name.name};
    if (exists(candidate)) return candidate;
  }
  return std::nullopt;
}

std::optional<QualifiedName> Catalog::ResolveRelation(const QualifiedName& name) const {
  return SearchPath(name, [this](const QualifiedName& n) { return RelationKindOf(n).has_value(); });
}

bool Catalog::TypeExists(const QualifiedName& name) const {
  return types.contains(name) || domains.contains(name);
}

std::optional<QualifiedName> Catalog::ResolveType(const QualifiedName& name) const {
  return SearchPath(name, [this](const QualifiedName& n) { return TypeExists(n); });
}

bool Catalog::IsManagedSchema(const std::string& schema) const {
  auto it = schemas.find(schema);
  return it != schemas.end() && it->second.contents_managed;
}

Table* Catalog::FindTable(const QualifiedName& name) {
  auto it = tables.find(name);
  return it == tables.end() ? nullptr : &it->second;
}

const Table* Catalog::FindTable(const QualifiedName& name) const {
  auto it = tables.find(name);
  return it == tables.end() ? nullptr : &it->second;
}

bool Catalog::ConstraintNameExists(const std::string& schema,
                                   const std::string& constraint_name) const {
  for (auto it = tables.lower_bound({schema, ""}); it != tables.end() && it->first.schema == schema;
       ++it) {
    if (it->second.constraints.contains(constraint_name)) return true;
  }
  for (auto it = domains.lower_bound({schema, ""}); it != domains.end() && it->first.schema == schema;
       ++it) {
    if (it->second.checks.contains(constraint_name)) return true;
  }
  return false;
}

}  // namespace pgdrift::model
