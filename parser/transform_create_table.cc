// CREATE TABLE (CreateStmt) → model::CreateTable.
//
// Handles columns (ColumnDef, through table_elements.h), table constraints, UNLOGGED,
// IF NOT EXISTS, PARTITION BY, PARTITION OF … FOR VALUES / DEFAULT, INHERITS, OF type,
// WITH (…) storage parameters, TABLESPACE and USING access method. Rejected as not
// modelled: TEMP tables and LIKE.
#include <set>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/proto_tree.h"
#include "parser/node_util.h"
#include "parser/partition_clause.h"
#include "parser/table_elements.h"
#include "parser/transform.h"
#include "parser/type_name.h"

namespace pgdrift::parser {
namespace {

using internal::IsNode;

// Adds the columns of `table` (a parent) to `scope` when the catalog has it.
void AddParentColumns(const model::QualifiedName& table, const model::Catalog& catalog, TableScope* scope) {
  std::optional<model::QualifiedName> resolved = catalog.ResolveRelation(table);
  if (!resolved) return;
  const model::Table* parent = catalog.FindTable(*resolved);
  if (parent == nullptr) return;
  for (const model::Column& column : parent->columns) scope->columns.push_back(column);
}

}  // namespace

absl::Status TransformCreateStmt(const PgQuery__CreateStmt& stmt, TransformContext& ctx) {
  if (stmt.relation == nullptr) return ctx.Invalid("CREATE TABLE without a table name");
  std::string_view persistence = stmt.relation->relpersistence != nullptr ? stmt.relation->relpersistence : "p";
  if (persistence == "t") return ctx.NotModelled("CREATE TEMP TABLE");
  if (stmt.oncommit != PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_NOOP &&
      stmt.oncommit != PG_QUERY__ON_COMMIT_ACTION__ON_COMMIT_ACTION_UNDEFINED) {
    return ctx.Invalid("ON COMMIT can only be used on temporary tables");
  }
  const model::Catalog& catalog = ctx.catalog();

  model::CreateTable m;
  model::Table& table = m.table;
  table.name = RangeVarName(stmt.relation);
  table.unlogged = persistence == "u";
  m.if_not_exists = stmt.if_not_exists;

  TableScope scope;
  scope.table = catalog.ForCreation(table.name);
  scope.creating_table = true;

  std::vector<std::optional<model::TypeRef>> key_types;
  if (stmt.partbound != nullptr) {
    if (stmt.n_inh_relations != 1 || !IsNode(stmt.inh_relations[0], PG_QUERY__NODE__NODE_RANGE_VAR)) {
      return ctx.Invalid("PARTITION OF needs exactly one parent table");
    }
    model::QualifiedName parent = RangeVarName(stmt.inh_relations[0]->range_var);
    table.partition_of = parent;
    AddParentColumns(parent, catalog, &scope);
    if (std::optional<model::QualifiedName> resolved = catalog.ResolveRelation(parent)) {
      if (const model::Table* parent_table = catalog.FindTable(*resolved)) {
        key_types = PartitionKeyTypes(*parent_table);
      }
    }
  } else {
    for (size_t i = 0; i < stmt.n_inh_relations; ++i) {
      if (!IsNode(stmt.inh_relations[i], PG_QUERY__NODE__NODE_RANGE_VAR)) continue;
      model::QualifiedName parent = RangeVarName(stmt.inh_relations[i]->range_var);
      table.inherits.push_back(parent);
      AddParentColumns(parent, catalog, &scope);
    }
  }
  if (stmt.of_typename != nullptr) {
    absl::StatusOr<model::TypeRef> type = ResolveTypeName(*stmt.of_typename, catalog);
    if (!type.ok()) return AtStatement(type.status(), ctx);
    m.of_type = type->qualified();
    if (auto it = catalog.types.find(type->qualified()); it != catalog.types.end()) {
      for (const model::CompositeAttribute& attribute : it->second.attributes) {
        model::Column column;
        column.name = attribute.name;
        column.type = attribute.type;
        column.collation = attribute.collation;
        scope.columns.push_back(column);
      }
    }
  }
  bool typeless_allowed = stmt.partbound != nullptr || stmt.of_typename != nullptr;

  // Every column's type first, so a CHECK written before a column still sees its type.
  for (size_t i = 0; i < stmt.n_table_elts; ++i) {
    const PgQuery__Node* element = stmt.table_elts[i];
    if (!IsNode(element, PG_QUERY__NODE__NODE_COLUMN_DEF) || element->column_def->type_name == nullptr) continue;
    model::SerialKind serial = model::SerialKind::kNone;
    absl::StatusOr<model::TypeRef> type = ResolveTypeName(*element->column_def->type_name, catalog, &serial);
    if (!type.ok()) continue;  // reported when the column itself is transformed
    model::Column column;
    column.name = element->column_def->colname;
    column.type = *type;
    if (element->column_def->coll_clause != nullptr) {
      column.collation = CollationName(element->column_def->coll_clause->collname,
                                       element->column_def->coll_clause->n_collname, catalog);
    }
    scope.columns.push_back(column);
  }

  std::set<std::string> names;
  for (size_t i = 0; i < stmt.n_table_elts; ++i) {
    const PgQuery__Node* element = stmt.table_elts[i];
    switch (element->node_case) {
      case PG_QUERY__NODE__NODE_COLUMN_DEF: {
        PGDRIFT_ASSIGN_OR_RETURN(
            model::ColumnDef column,
            TransformColumnDef(*element->column_def, scope, typeless_allowed, &m.constraints, ctx));
        if (!names.insert(column.column.name).second) {
          return InputError(absl::StatusCode::kAlreadyExists, ctx.span(),
                            StrCat("column \"", column.column.name, "\" specified more than once"));
        }
        m.columns.push_back(std::move(column));
        break;
      }
      case PG_QUERY__NODE__NODE_CONSTRAINT: {
        const PgQuery__Constraint& constraint = *element->constraint;
        if (constraint.indexname != nullptr && constraint.indexname[0] != '\0') {
          return ctx.Invalid("cannot use an existing index in CREATE TABLE");
        }
        PGDRIFT_ASSIGN_OR_RETURN(model::ConstraintDef def, TransformTableConstraint(constraint, scope, ctx));
        m.constraints.push_back(std::move(def));
        break;
      }
      case PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE:
        return ctx.NotModelled("CREATE TABLE … LIKE");
      default:
        return ctx.NotModelled(StrCat("CREATE TABLE element ", StatementName(element)));
    }
  }
  for (size_t i = 0; i < stmt.n_constraints; ++i) {
    if (!IsNode(stmt.constraints[i], PG_QUERY__NODE__NODE_CONSTRAINT)) continue;
    PGDRIFT_ASSIGN_OR_RETURN(model::ConstraintDef def,
                             TransformTableConstraint(*stmt.constraints[i]->constraint, scope, ctx));
    m.constraints.push_back(std::move(def));
  }

  // PRIMARY KEY columns are NOT NULL (transformIndexConstraint in parse_utilcmd.c), also
  // when the key is a table constraint.
  for (const model::ConstraintDef& def : m.constraints) {
    if (def.constraint.type != model::ConstraintType::kPrimaryKey) continue;
    for (const std::string& key : def.constraint.columns) {
      for (model::ColumnDef& column : m.columns) {
        if (column.column.name == key) column.column.not_null = true;
      }
    }
  }

  if (stmt.partspec != nullptr) {
    PGDRIFT_ASSIGN_OR_RETURN(table.partition_key, PartitionKeyText(*stmt.partspec, scope, ctx));
  }
  if (stmt.partbound != nullptr) {
    PGDRIFT_ASSIGN_OR_RETURN(table.partition_bound, PartitionBoundText(*stmt.partbound, key_types, scope, ctx));
  }
  table.options = StorageParameters(stmt.options, stmt.n_options);
  if (auto oids = table.options.find("oids"); oids != table.options.end()) {
    if (oids->second != "false" && oids->second != "0" && oids->second != "off") {
      return ctx.Invalid("tables declared WITH OIDS are not supported");
    }
    table.options.erase(oids);
  }
  if (stmt.tablespacename != nullptr) table.tablespace = stmt.tablespacename;
  if (stmt.access_method != nullptr && std::string_view(stmt.access_method) != "heap") {
    table.access_method = stmt.access_method;
  }
  ctx.Emit(std::move(m));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
