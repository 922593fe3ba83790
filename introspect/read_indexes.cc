// Indexes: queries/indexes.sql and index_keys.sql → Catalog::indexes, constraint-backed
// indexes included (Index::constraint_name names their constraint).
#include "base/status_macros.h"
#include "base/strings.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/index_keys.sql.h"
#include "introspect/queries/indexes.sql.h"

namespace pgdrift::introspect::internal {

absl::Status ReadIndexes(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet indexes, RunQuery(ctx, "indexes", kIndexesSql));
  for (ResultSet::Row row : indexes) {
    model::Index index;
    index.name = {row.Text("schema"), row.Text("name")};
    index.table = {row.Text("table_schema"), row.Text("table_name")};
    index.unique = row.Bool("unique");
    index.nulls_not_distinct = row.Bool("nulls_not_distinct");
    index.method = row.Text("method");
    index.predicate = row.Text("predicate");
    index.options = ParseOptionList(row.TextArray("options"));
    index.tablespace = row.Text("tablespace");
    index.constraint_name = row.Text("constraint_name");
    index.clustered = row.Bool("clustered");
    index.comment = row.Text("comment");
    if (!row.Text("parent_name").empty()) {
      index.parent_index = model::QualifiedName{row.Text("parent_schema"), row.Text("parent_name")};
    }
    if (!row.Bool("valid") && ctx.options->warnings != nullptr) {
      // pg_index.indisvalid is false after a CREATE INDEX CONCURRENTLY that failed: the
      // index exists (its name is taken) but is never used. A partitioned index is also
      // invalid while some partition has no index attached to it (CREATE INDEX … ON
      // ONLY, ALTER TABLE ONLY … ADD PRIMARY KEY, until ALTER INDEX … ATTACH PARTITION).
      ctx.options->warnings->Warning(
          SourceSpan{},
          row.Bool("partitioned")
              ? StrCat("index ", index.name.ToString(),
                       " is invalid (not every partition has an index attached to it); attach "
                       "the partitions' indexes with ALTER INDEX … ATTACH PARTITION")
              : StrCat("index ", index.name.ToString(),
                       " is invalid (a CREATE INDEX CONCURRENTLY that failed); drop and create "
                       "it again"));
    }
    model::QualifiedName name = index.name;
    ctx.catalog->indexes[name] = std::move(index);
  }

  PGDRIFT_ASSIGN_OR_RETURN(ResultSet keys, RunQuery(ctx, "index keys", kIndexKeysSql));
  for (ResultSet::Row row : keys) {
    auto it = ctx.catalog->indexes.find({row.Text("index_schema"), row.Text("index_name")});
    if (it == ctx.catalog->indexes.end()) continue;
    model::Index& index = it->second;
    if (!row.Bool("is_key")) {
      index.include.push_back(row.Text("column"));
      continue;
    }
    model::IndexElement element;
    element.column = row.Text("column");
    element.expression = row.Text("expression");
    element.collation = row.Text("collation");
    element.opclass = row.Text("opclass");
    element.opclass_options = ParseOptionList(row.TextArray("opclass_options"));
    element.descending = row.Bool("descending");
    element.nulls_first = row.Bool("nulls_first");
    index.keys.push_back(std::move(element));
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
