// DDL for types made with CREATE TYPE: enums, composite types and range types, with
// their comments and owners.
//
// Options PostgreSQL fills in by itself (a range's multirange name) are printed only
// when the model's value differs from what PostgreSQL would choose.
#ifndef PGDRIFT_PLANNER_TYPE_DDL_H_
#define PGDRIFT_PLANNER_TYPE_DDL_H_

#include <string>
#include <string_view>

#include "model/user_type.h"

namespace pgdrift::planner {

// Returns `CREATE TYPE name AS ENUM (…)`, `AS (…)` or `AS RANGE (…)`, terminated.
std::string CreateTypeSql(const model::UserType& type);

// Returns `DROP TYPE name;`.
std::string DropTypeSql(const model::UserType& type);

// Returns `ALTER TYPE name OWNER TO role;`.
std::string TypeOwnerSql(const model::UserType& type);

// Returns `COMMENT ON TYPE name IS '…';` (IS NULL when the comment is empty).
std::string TypeCommentSql(const model::UserType& type);

// Returns the multirange type name PostgreSQL gives range type `range_name` when CREATE
// TYPE names none (makeMultirangeTypeName in src/backend/catalog/pg_type.c): "range" in
// the name becomes "multirange", otherwise "_multirange" is appended.
std::string DefaultMultirangeName(std::string_view range_name);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_TYPE_DDL_H_
