// References between model objects by name, and the rewrites a rename or SET SCHEMA
// needs: PostgreSQL links objects by OID, so renaming or moving one shows everywhere it
// is used; the model links them by name, so every reference is rewritten.
#ifndef PGDRIFT_MODEL_INTERNAL_REFERENCES_H_
#define PGDRIFT_MODEL_INTERNAL_REFERENCES_H_

#include <functional>
#include <map>
#include <utility>

#include "model/catalog.h"

namespace pgdrift::model::internal {

// Calls `visit` on every stored name of a relation: of a table (Index::table, foreign
// keys' referenced_table, Table::inherits and partition_of, sequences' owned_by table)
// and of a partitioned index (Index::parent_index).
void ForEachRelationReference(Catalog& catalog, const std::function<void(QualifiedName&)>& visit);

// Calls `visit` on every stored TypeRef: columns, composite attributes, range subtypes,
// domain base types, sequence data types.
void ForEachTypeReference(Catalog& catalog, const std::function<void(TypeRef&)>& visit);

// Rewrites every reference to table `from` (including uses of its row type) to `to`.
void ReplaceTableReferences(Catalog& catalog, const QualifiedName& from, const QualifiedName& to);

// Rewrites every TypeRef naming `from` to `to`.
void ReplaceTypeReferences(Catalog& catalog, const QualifiedName& from, const QualifiedName& to);

// Re-keys the entry of `map` at `from` to `to` (which must be free).
template <class T>
void MoveEntry(std::map<QualifiedName, T>& map, const QualifiedName& from,
               const QualifiedName& to) {
  auto node = map.extract(from);
  if (node.empty()) return;
  node.key() = to;
  map.insert(std::move(node));
}

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_REFERENCES_H_
