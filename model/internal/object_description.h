// Object descriptions as PostgreSQL's getObjectDescription (objectaddress.c) prints them
// in dependency messages: `table a`, `index s.a_pkey`, `column m of table t`,
// `constraint b_a_id_fkey on table b`, `default value for column id of table t`,
// `type mood`, `schema s`. Names are qualified only when not visible through search_path,
// so describe objects before the statement changes the catalog.
#ifndef PGDRIFT_MODEL_INTERNAL_OBJECT_DESCRIPTION_H_
#define PGDRIFT_MODEL_INTERNAL_OBJECT_DESCRIPTION_H_

#include <string>
#include <string_view>

#include "model/catalog.h"
#include "model/object_id.h"

namespace pgdrift::model::internal {

// getRelationDescription: "table a", "sequence s", "index i", "composite type c".
std::string DescribeRelation(const Catalog& catalog, const QualifiedName& name);

// "column c of table t" (or "of composite type c" for a composite type's attribute).
std::string DescribeColumn(const Catalog& catalog, const QualifiedName& relation,
                           std::string_view column);

// "default value for column c of table t" (pg_attrdef).
std::string DescribeDefault(const Catalog& catalog, const QualifiedName& table,
                            std::string_view column);

// "type mood" / "type s.mood" (domains are types too).
std::string DescribeType(const Catalog& catalog, const QualifiedName& name);

// A routine's name as format_procedure prints it: qualified only when its schema is not
// on search_path.
std::string RoutineDisplayName(const Catalog& catalog, const QualifiedName& name);
// The description of any object the dependency graph holds.
std::string DescribeObject(const Catalog& catalog, const ObjectId& id);

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_OBJECT_DESCRIPTION_H_
