// Migration SQL for schemas (with the default privileges that apply in them) and
// extensions.
#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/internal/acl_change.h"
#include "planner/internal/other_kinds_sql.h"
#include "planner/internal/table_family_sql.h"
#include "planner/schema_ddl.h"

namespace pgdrift::planner::internal {
namespace {

SharedAttributes SchemaShared(const model::Schema& from, const model::Schema& to) {
  SharedAttributes shared;
  shared.acl_target = StrCat("SCHEMA ", QuoteIdent(to.name));
  shared.acl_kind = model::AclObjectKind::kSchema;
  shared.from_acl = &from.privileges;
  shared.to_acl = &to.privileges;
  shared.from_owner = from.owner;
  shared.to_owner = to.owner;
  shared.owner_sql = SchemaOwnerSql(to);
  shared.comment_sql = SchemaCommentSql(to);
  return shared;
}

// Whether diff::Compare compares schema `name` at all (it skips schemas whose contents
// the platform manages).
bool Compared(const model::Catalog& catalog, const std::string& name, const ObjectSqlContext& ctx) {
  auto it = catalog.schemas.find(name);
  return it != catalog.schemas.end() &&
         (ctx.options.include_managed || !it->second.contents_managed);
}

// Global default privileges (FOR ROLE r without IN SCHEMA) show in the
// `default_privileges` of every schema Compare looks at; they are changed once, with the
// first schema (by name) both catalogs have and Compare looks at.
bool CarriesGlobalDefaults(const std::string& name, const ObjectSqlContext& ctx) {
  for (const auto& [candidate, schema] : ctx.target.schemas) {
    if (Compared(ctx.target, candidate, ctx) && Compared(ctx.current, candidate, ctx)) {
      return candidate == name;
    }
  }
  return false;
}

std::string DropIfExists(std::string sql, const ObjectSqlContext& ctx, std::string_view keyword) {
  return ctx.options.idempotent ? InsertAfter(sql, keyword, "IF EXISTS ") : sql;
}

}  // namespace

std::vector<PlannedStatement> CreateSchemaStatements(const model::Schema& schema,
                                                     const ObjectSqlContext& ctx) {
  std::vector<PlannedStatement> statements;
  // Without compare_owners the migration's runner owns what it creates: no AUTHORIZATION.
  std::string sql =
      CreateSchemaSql(schema, ctx.options.compare_owners ? kDefaultOwner : schema.owner);
  if (ctx.options.idempotent) sql = InsertAfter(sql, "SCHEMA ", "IF NOT EXISTS ");
  statements.push_back(MakeStatement(sql));
  SharedAttributes shared = SchemaShared(schema, schema);
  // AUTHORIZATION already made the owner.
  if (!schema.comment.empty()) statements.push_back(MakeStatement(shared.comment_sql));
  AppendStatements(&statements, CreatedAclStatements(shared.acl_target, shared.acl_kind, "",
                                                     schema.privileges, schema.owner, ctx));
  AppendStatements(&statements, DefaultAclsChangeSql(ctx.current.default_privileges,
                                                     ctx.target.default_privileges, schema.name));
  return statements;
}

std::vector<PlannedStatement> DropSchemaStatements(const model::Schema& schema,
                                                   const ObjectSqlContext& ctx) {
  // Its pg_default_acl entries go with it (they depend on the namespace, DEPENDENCY_AUTO).
  return {
      MakeStatement(DropIfExists(DropSchemaSql(schema), ctx, "SCHEMA "), {Hazard::kIrreversible})};
}

AlterOutcome AlterSchemaStatements(const diff::ObjectDrift& drift, const model::Schema& from,
                                   const model::Schema& to, const ObjectSqlContext& ctx) {
  AlterOutcome outcome;
  std::set<std::string> handled;
  AlterSharedAttributes(drift, SchemaShared(from, to), ctx, &outcome, &handled);
  if (Changes(drift, "default_privileges")) {
    AppendStatements(&outcome.statements,
                     DefaultAclsChangeSql(ctx.current.default_privileges,
                                          ctx.target.default_privileges, to.name));
    if (CarriesGlobalDefaults(to.name, ctx)) {
      AppendStatements(
          &outcome.statements,
          DefaultAclsChangeSql(ctx.current.default_privileges, ctx.target.default_privileges, ""));
    }
    handled.insert("default_privileges");
  }
  ReportUnhandled(drift, handled, &outcome);
  return outcome;
}

std::vector<PlannedStatement> CreateExtensionStatements(const model::Extension& extension,
                                                        const ObjectSqlContext& ctx) {
  (void)ctx;  // CREATE EXTENSION IF NOT EXISTS is already idempotent.
  std::vector<PlannedStatement> statements = {MakeStatement(CreateExtensionSql(extension))};
  if (!extension.comment.empty())
    statements.push_back(MakeStatement(ExtensionCommentSql(extension)));
  return statements;
}

std::vector<PlannedStatement> DropExtensionStatements(const model::Extension& extension,
                                                      const ObjectSqlContext& ctx) {
  // Drops every object the extension created, with its data (configuration tables too).
  return {MakeStatement(DropIfExists(DropExtensionSql(extension), ctx, "EXTENSION "),
                        {Hazard::kIrreversible, Hazard::kDataLoss})};
}

AlterOutcome AlterExtensionStatements(const diff::ObjectDrift& drift, const model::Extension& from,
                                      const model::Extension& to, const ObjectSqlContext& ctx) {
  (void)from;
  (void)ctx;
  AlterOutcome outcome;
  std::set<std::string> handled = {"schema", "version", "comment"};
  std::string name = QuoteIdent(to.name);
  if (Changes(drift, "schema") && !to.schema.empty()) {
    outcome.statements.push_back(MakeStatement(
        Statement(StrCat("ALTER EXTENSION ", name, " SET SCHEMA ", QuoteIdent(to.schema)))));
  }
  if (Changes(drift, "version") && !to.version.empty()) {
    // An update path from the installed version must exist in the extension's scripts;
    // few extensions ship downgrade paths.
    outcome.statements.push_back(MakeStatement(
        Statement(StrCat("ALTER EXTENSION ", name, " UPDATE TO ", QuoteLiteral(to.version)))));
  }
  if (Changes(drift, "comment"))
    outcome.statements.push_back(MakeStatement(ExtensionCommentSql(to)));
  ReportUnhandled(drift, handled, &outcome);
  return outcome;
}

}  // namespace pgdrift::planner::internal
