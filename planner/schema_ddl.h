// DDL for schemas and extensions: CREATE SCHEMA, CREATE EXTENSION, their comments and
// owners, and the schemas every database already has.
//
// Each function returns complete statements (terminated by `;`) so a script or a
// corrective migration can use them alike.
#ifndef PGDRIFT_PLANNER_SCHEMA_DDL_H_
#define PGDRIFT_PLANNER_SCHEMA_DDL_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/schema.h"
#include "planner/ddl_printer.h"

namespace pgdrift::planner {

// Whether `name` is a schema every PostgreSQL 15 database has (public, pg_catalog,
// information_schema, pg_toast), which a script never creates.
bool IsBuiltinSchema(std::string_view name);

// Returns `CREATE SCHEMA name [AUTHORIZATION owner];`; AUTHORIZATION only when the owner
// is set and is not `default_owner`.
std::string CreateSchemaSql(const model::Schema& schema,
                            std::string_view default_owner = kDefaultOwner);

// Returns `DROP SCHEMA name;`.
std::string DropSchemaSql(const model::Schema& schema);

// Returns `ALTER SCHEMA name OWNER TO role;`.
std::string SchemaOwnerSql(const model::Schema& schema);

// Returns `COMMENT ON SCHEMA name IS '…';` (IS NULL when the comment is empty).
std::string SchemaCommentSql(const model::Schema& schema);

// Returns `CREATE EXTENSION IF NOT EXISTS name WITH SCHEMA s [VERSION 'v'];` (no schema
// clause when the model has none, no version when the chain did not pin one).
std::string CreateExtensionSql(const model::Extension& extension);

// Returns `DROP EXTENSION name;`.
std::string DropExtensionSql(const model::Extension& extension);

// Returns `COMMENT ON EXTENSION name IS '…';` (IS NULL when the comment is empty).
std::string ExtensionCommentSql(const model::Extension& extension);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_SCHEMA_DDL_H_
