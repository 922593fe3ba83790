// CREATE INDEX (IndexStmt) → model::CreateIndex.
//
// Handles UNIQUE, NULLS NOT DISTINCT, USING method, keys (columns or canonical
// expressions, with COLLATE, operator class, ASC/DESC and NULLS FIRST/LAST made
// explicit), INCLUDE, WHERE, WITH (…), TABLESPACE, CONCURRENTLY, IF NOT EXISTS and ON
// ONLY. Key name hints follow ChooseIndexColumnNames (indexcmds.c).
#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/node_util.h"
#include "parser/normalize.h"
#include "parser/table_elements.h"
#include "parser/transform.h"

namespace pgdrift::parser {

absl::Status TransformIndexStmt(const PgQuery__IndexStmt& stmt, TransformContext& ctx) {
  if (stmt.relation == nullptr) return ctx.Invalid("CREATE INDEX without a table");
  const model::Catalog& catalog = ctx.catalog();

  model::CreateIndex m;
  model::Index& index = m.index;
  index.table = RangeVarName(stmt.relation);
  index.name = {index.table.schema, stmt.idxname != nullptr ? stmt.idxname : ""};
  index.unique = stmt.unique;
  index.nulls_not_distinct = stmt.nulls_not_distinct;
  index.method = stmt.access_method != nullptr && stmt.access_method[0] != '\0' ? stmt.access_method : "btree";
  if (stmt.table_space != nullptr) index.tablespace = stmt.table_space;
  m.if_not_exists = stmt.if_not_exists;
  m.concurrently = stmt.concurrent;
  m.only = !stmt.relation->inh;

  TableScope scope;
  scope.table = index.table;
  if (std::optional<model::QualifiedName> resolved = catalog.ResolveRelation(index.table)) {
    scope.table = *resolved;
    if (const model::Table* table = catalog.FindTable(*resolved)) scope.columns = table->columns;
  }

  for (size_t i = 0; i < stmt.n_index_params; ++i) {
    const PgQuery__Node* param = stmt.index_params[i];
    if (param == nullptr || param->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM) continue;
    std::string hint;
    PGDRIFT_ASSIGN_OR_RETURN(model::IndexElement key, TransformIndexElem(*param->index_elem, scope, index.method, &hint, ctx));
    index.keys.push_back(std::move(key));
    m.key_name_hints.push_back(std::move(hint));
  }
  for (size_t i = 0; i < stmt.n_index_including_params; ++i) {
    const PgQuery__Node* param = stmt.index_including_params[i];
    if (param == nullptr || param->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM) continue;
    const PgQuery__IndexElem& elem = *param->index_elem;
    if (elem.name == nullptr || elem.name[0] == '\0') {
      return ctx.Invalid("expressions are not supported in included columns");
    }
    index.include.push_back(elem.name);
  }
  if (stmt.where_clause != nullptr) {
    absl::StatusOr<std::string> predicate =
        NormalizeExpression(*stmt.where_clause, scope.Expressions(catalog));
    if (!predicate.ok()) return AtStatement(predicate.status(), ctx);
    index.predicate = *predicate;
  }
  index.options = StorageParameters(stmt.options, stmt.n_options);
  ctx.Emit(std::move(m));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
