// CREATE EXTENSION (CreateExtensionStmt) → model::CreateExtension.
//
// Handled: IF NOT EXISTS, WITH SCHEMA, VERSION, CASCADE. Rejected: FROM old_version
// (PostgreSQL 13 and later refuse it too). ALTER EXTENSION … SET SCHEMA arrives as
// AlterObjectSchemaStmt; ALTER EXTENSION UPDATE / ADD / DROP are not modelled.
#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/ddl_util.h"
#include "parser/node_util.h"
#include "parser/transform.h"

namespace pgdrift::parser {

absl::Status TransformCreateExtensionStmt(const PgQuery__CreateExtensionStmt& stmt,
                                          TransformContext& ctx) {
  model::CreateExtension create;
  create.name = stmt.extname;
  create.if_not_exists = stmt.if_not_exists;
  std::vector<std::string> seen;
  for (const DefElemValue& option : DefElems(stmt.options, stmt.n_options)) {
    PGDRIFT_RETURN_IF_ERROR(internal::CheckNotRepeated(option.name, &seen));
    if (option.name == "schema") {
      create.schema = option.value;
    } else if (option.name == "new_version") {
      create.version = option.value;
    } else if (option.name == "cascade") {
      create.cascade = option.value == "true";
    } else if (option.name == "old_version") {
      // CreateExtension (extension.c).
      return ctx.Invalid("CREATE EXTENSION ... FROM is no longer supported");
    } else {
      return ctx.Invalid(StrCat("unrecognized option: ", option.name));
    }
  }
  ctx.Emit(std::move(create));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
