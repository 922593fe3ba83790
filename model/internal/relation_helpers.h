// Lookups over tables, their indexes, constraints and sequences that several apply
// files share: children in the inheritance tree, the indexes of a table, the sequences
// a column owns, the plain columns of a partition key, and whether an expression
// mentions a column.
#ifndef PGDRIFT_MODEL_INTERNAL_RELATION_HELPERS_H_
#define PGDRIFT_MODEL_INTERNAL_RELATION_HELPERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace pgdrift::model::internal {

// The tables that inherit from `table` or are its partitions (pg_inherits.inhparent =
// table), in name order.
std::vector<QualifiedName> ChildTables(const Catalog& catalog, const QualifiedName& table);

// The parents of `table`: its partitioned parent, or its INHERITS parents.
std::vector<QualifiedName> ParentTables(const Table& table);

// Whether `ancestor` is `table` itself or one of its ancestors.
bool IsAncestorOrSelf(const Catalog& catalog, const QualifiedName& ancestor,
                      const QualifiedName& table);

// The names of the indexes on `table`, in name order.
std::vector<QualifiedName> IndexesOf(const Catalog& catalog, const QualifiedName& table);

// The indexes on `table` in the order RelationGetIndexList gives them (by OID, that is
// creation order): by the span that created each, then by name.
std::vector<QualifiedName> IndexesInCreationOrder(const Catalog& catalog,
                                                  const QualifiedName& table);

// Points every index attached to `from` (Index::parent_index) at `to`, after the
// partitioned index `from` was renamed or moved to another schema.
void RetargetAttachedIndexes(Catalog& catalog, const QualifiedName& from, const QualifiedName& to);

// The sequences owned by column `column` of `table` (serial, identity, OWNED BY).
std::vector<QualifiedName> SequencesOwnedBy(const Catalog& catalog, const QualifiedName& table,
                                            std::string_view column);

// The sequences owned by any column of `table`.
std::vector<QualifiedName> SequencesOwnedByTable(const Catalog& catalog,
                                                 const QualifiedName& table);

// The primary key constraint of `table`, or null.
const Constraint* PrimaryKeyOf(const Table& table);

// The plain column names of a partition key as pg_get_partkeydef prints it
// ("RANGE (created_at)", "LIST (region, lower(name))" → {"region"}); expression keys
// are left out.
std::vector<std::string> PartitionKeyColumns(std::string_view partition_key);

// Whether canonical expression text `expression` refers to column `column`: an
// identifier token equal to it (quoted or not) outside string literals that is neither
// a function name nor a type name after "::".
bool ExpressionMentions(std::string_view expression, std::string_view column);

// Whether two indexes would be interchangeable for a partitioned parent
// (CompareIndexInfo in src/backend/catalog/index.c): same method, uniqueness, keys,
// INCLUDE columns and predicate.
bool EquivalentIndexes(const Index& a, const Index& b);

// Whether two foreign keys have the same columns, referenced table and columns,
// actions, match type and deferrability (tryAttachPartitionForeignKey).
bool EquivalentForeignKeys(const Constraint& a, const Constraint& b);

// The printable name of a relation as PostgreSQL's messages give it: just the name.
inline const std::string& RelName(const QualifiedName& name) { return name.name; }

// A relation name as written in a statement: "schema.name" when qualified.
std::string WrittenName(const QualifiedName& name);

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_RELATION_HELPERS_H_
