#include "parser/create_statements.h"

#include <optional>
#include <set>

#include "base/diagnostic.h"
#include "base/strings.h"
#include "parser/node_util.h"
#include "parser/sql_file.h"

namespace pgdrift::parser {
namespace {

constexpr char kIfNotExists[] = "IF NOT EXISTS";
constexpr char kOrReplace[] = "OR REPLACE";

std::string NameOf(const model::QualifiedName& name) {
  return name.schema.empty() ? name.name : StrCat(name.schema, ".", name.name);
}

CreateStatementInfo Info(std::string command, std::string kind, std::string object,
                         const char* form, bool idempotent) {
  CreateStatementInfo info;
  info.command = std::move(command);
  info.kind = std::move(kind);
  info.object = std::move(object);
  info.idempotent_form = form;
  info.idempotent = idempotent;
  return info;
}

// The info of one raw statement node (gram.y's CreateStmt, IndexStmt … productions), or
// nothing when it is not a CREATE with an idempotent form.
std::optional<CreateStatementInfo> InfoOf(const PgQuery__Node& node) {
  switch (node.node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
      const PgQuery__CreateStmt& stmt = *node.create_stmt;
      return Info("CREATE TABLE", "table", NameOf(RangeVarName(stmt.relation)), kIfNotExists,
                  stmt.if_not_exists);
    }
    case PG_QUERY__NODE__NODE_CREATE_FOREIGN_TABLE_STMT: {
      const PgQuery__CreateStmt* base = node.create_foreign_table_stmt->base_stmt;
      if (base == nullptr) return std::nullopt;
      return Info("CREATE FOREIGN TABLE", "table", NameOf(RangeVarName(base->relation)),
                  kIfNotExists, base->if_not_exists);
    }
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      const PgQuery__CreateTableAsStmt& stmt = *node.create_table_as_stmt;
      if (stmt.is_select_into || stmt.into == nullptr) return std::nullopt;
      bool matview = stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
      return Info(matview ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE AS",
                  matview ? "materialized_view" : "table", NameOf(RangeVarName(stmt.into->rel)),
                  kIfNotExists, stmt.if_not_exists);
    }
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
      const PgQuery__IndexStmt& stmt = *node.index_stmt;
      std::string name = stmt.idxname == nullptr ? "" : stmt.idxname;
      // An index lives in its table's schema.
      if (!name.empty() && stmt.relation != nullptr && stmt.relation->schemaname != nullptr &&
          *stmt.relation->schemaname != '\0') {
        name = StrCat(stmt.relation->schemaname, ".", name);
      }
      return Info("CREATE INDEX", "index", name, kIfNotExists, stmt.if_not_exists);
    }
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: {
      const PgQuery__CreateSchemaStmt& stmt = *node.create_schema_stmt;
      if (stmt.n_schema_elts > 0) return std::nullopt;
      std::string name = stmt.schemaname == nullptr ? "" : stmt.schemaname;
      if (name.empty() && stmt.authrole != nullptr && stmt.authrole->rolename != nullptr) {
        name = stmt.authrole->rolename;  // CREATE SCHEMA AUTHORIZATION role
      }
      return Info("CREATE SCHEMA", "schema", name, kIfNotExists, stmt.if_not_exists);
    }
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: {
      const PgQuery__CreateSeqStmt& stmt = *node.create_seq_stmt;
      return Info("CREATE SEQUENCE", "sequence", NameOf(RangeVarName(stmt.sequence)), kIfNotExists,
                  stmt.if_not_exists);
    }
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT: {
      const PgQuery__CreateExtensionStmt& stmt = *node.create_extension_stmt;
      return Info("CREATE EXTENSION", "extension", stmt.extname, kIfNotExists, stmt.if_not_exists);
    }
    case PG_QUERY__NODE__NODE_CREATE_STATS_STMT: {
      const PgQuery__CreateStatsStmt& stmt = *node.create_stats_stmt;
      return Info("CREATE STATISTICS", "statistics",
                  NameOf(QualifiedNameOf(stmt.defnames, stmt.n_defnames)), kIfNotExists,
                  stmt.if_not_exists);
    }
    case PG_QUERY__NODE__NODE_CREATE_FOREIGN_SERVER_STMT: {
      const PgQuery__CreateForeignServerStmt& stmt = *node.create_foreign_server_stmt;
      return Info("CREATE SERVER", "server", stmt.servername, kIfNotExists, stmt.if_not_exists);
    }
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
      const PgQuery__CreateFunctionStmt& stmt = *node.create_function_stmt;
      return Info(stmt.is_procedure ? "CREATE PROCEDURE" : "CREATE FUNCTION",
                  stmt.is_procedure ? "procedure" : "function",
                  NameOf(QualifiedNameOf(stmt.funcname, stmt.n_funcname)), kOrReplace, stmt.replace);
    }
    case PG_QUERY__NODE__NODE_VIEW_STMT: {
      const PgQuery__ViewStmt& stmt = *node.view_stmt;
      return Info("CREATE VIEW", "view", NameOf(RangeVarName(stmt.view)), kOrReplace, stmt.replace);
    }
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
      // CREATE OR REPLACE CONSTRAINT TRIGGER is refused (trigger.c CreateTriggerFiringOn).
      const PgQuery__CreateTrigStmt& stmt = *node.create_trig_stmt;
      if (stmt.isconstraint) return std::nullopt;
      model::QualifiedName table = RangeVarName(stmt.relation);
      return Info("CREATE TRIGGER", "trigger", StrCat(stmt.trigname, " on ", NameOf(table)),
                  kOrReplace, stmt.replace);
    }
    case PG_QUERY__NODE__NODE_DEFINE_STMT: {
      const PgQuery__DefineStmt& stmt = *node.define_stmt;
      std::string name = NameOf(QualifiedNameOf(stmt.defnames, stmt.n_defnames));
      if (stmt.kind == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE) {
        return Info("CREATE AGGREGATE", "aggregate", name, kOrReplace, stmt.replace);
      }
      if (stmt.kind == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION) {
        return Info("CREATE COLLATION", "collation", name, kIfNotExists, stmt.if_not_exists);
      }
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

// The part of an object name that a DROP and a CREATE of the same object share whatever
// their qualification: the last name (for a trigger also its table's).
std::string MatchKey(std::string_view kind, const std::vector<std::string>& names) {
  if (names.empty()) return "";
  if (kind == "trigger" && names.size() >= 2) {
    return StrCat(kind, " ", names.back(), " on ", names[names.size() - 2]);
  }
  return StrCat(kind, " ", names.back());
}

// The kind word InfoOf gives objects DROP removes (RemoveObjects and RemoveRelations in
// dropcmds.c / tablecmds.c), or "" for kinds that have no idempotent CREATE.
std::string_view DropKind(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
      return "table";
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      return "materialized_view";
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
      return "index";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      return "schema";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return "sequence";
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
      return "extension";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
      return "function";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
      return "procedure";
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      return "view";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
      return "trigger";
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
      return "aggregate";
    case PG_QUERY__OBJECT_TYPE__OBJECT_STATISTIC_EXT:
      return "statistics";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_SERVER:
      return "server";
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION:
      return "collation";
    default:
      return "";
  }
}

// The match keys of what a DROP … IF EXISTS statement removes; empty for other statements.
std::vector<std::string> DroppedKeys(const PgQuery__Node& node) {
  std::vector<std::string> keys;
  if (node.node_case != PG_QUERY__NODE__NODE_DROP_STMT || !node.drop_stmt->missing_ok) return keys;
  const PgQuery__DropStmt& stmt = *node.drop_stmt;
  std::string_view kind = DropKind(stmt.remove_type);
  if (kind.empty()) return keys;
  for (size_t i = 0; i < stmt.n_objects; ++i) {
    const PgQuery__Node* object = stmt.objects[i];
    std::vector<std::string> names;
    if (object->node_case == PG_QUERY__NODE__NODE_LIST) {
      names = StringList(object->list->items, object->list->n_items);
    } else if (object->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
      names = StringList(object->object_with_args->objname, object->object_with_args->n_objname);
    } else {
      names = {StringOf(object)};
    }
    keys.push_back(MatchKey(kind, names));
  }
  return keys;
}

// The match key of a listed CREATE, from the name InfoOf printed.
std::string CreateKey(const CreateStatementInfo& info) {
  if (info.kind == "trigger") {
    size_t on = info.object.find(" on ");
    std::string table = info.object.substr(on + 4);
    table = table.substr(table.rfind('.') == std::string::npos ? 0 : table.rfind('.') + 1);
    return MatchKey(info.kind, {table, info.object.substr(0, on)});
  }
  std::string name = info.object.substr(
      info.object.rfind('.') == std::string::npos ? 0 : info.object.rfind('.') + 1);
  return MatchKey(info.kind, {name});
}

}  // namespace

std::vector<CreateStatementInfo> ListCreateStatements(SourceFile file) {
  DiagnosticSink ignored;  // syntax errors are the replay's to report
  ParsedFile parsed = ParseSqlFile(std::move(file), &ignored);
  std::vector<CreateStatementInfo> statements;
  std::set<std::string> dropped;
  for (const Statement& statement : parsed.statements) {
    if (statement.node == nullptr) continue;
    for (std::string& key : DroppedKeys(*statement.node)) dropped.insert(std::move(key));
    std::optional<CreateStatementInfo> info = InfoOf(*statement.node);
    if (!info) continue;
    info->span = statement.span;
    info->first_line = FirstLine(statement.text);
    info->dropped_before = !info->object.empty() && dropped.contains(CreateKey(*info));
    statements.push_back(std::move(*info));
  }
  return statements;
}

}  // namespace pgdrift::parser
