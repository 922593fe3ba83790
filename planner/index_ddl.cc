#include "planner/index_ddl.h"

#include <set>

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"

namespace pgdrift::planner {

std::string IndexElementSql(const model::IndexElement& element) {
  std::string sql = element.expression.empty() ? QuoteIdent(element.column)
                                               : IndexExpressionSql(element.expression);
  if (!element.collation.empty()) StrAppend(&sql, " COLLATE ", NameTextSql(element.collation));
  if (!element.opclass.empty()) {
    StrAppend(&sql, " ", NameTextSql(element.opclass), OptionListSql(element.opclass_options));
  }
  if (element.descending) sql += " DESC";
  // Both directions default to nulls at the high end: NULLS LAST for ASC, FIRST for DESC.
  if (element.nulls_first != element.descending) {
    sql += element.nulls_first ? " NULLS FIRST" : " NULLS LAST";
  }
  return sql;
}

std::string CreateIndexSql(const model::Index& index, bool only) {
  std::string sql =
      StrCat("CREATE ", index.unique ? "UNIQUE " : "", "INDEX ", QuoteIdent(index.name.name),
             " ON ", only ? "ONLY " : "", QualifiedSql(index.table), " USING ",
             QuoteIdent(index.method), " (", StrJoin(index.keys, ", ", IndexElementSql), ")");
  if (!index.include.empty()) StrAppend(&sql, " INCLUDE (", IdentifierList(index.include), ")");
  if (index.nulls_not_distinct) sql += " NULLS NOT DISTINCT";
  sql += WithClauseSql(index.options);
  if (!index.tablespace.empty()) StrAppend(&sql, " TABLESPACE ", QuoteIdent(index.tablespace));
  if (!index.predicate.empty()) StrAppend(&sql, " WHERE (", index.predicate, ")");
  return Statement(sql);
}

std::string DropIndexSql(const model::Index& index) {
  return Statement(StrCat("DROP INDEX ", QualifiedSql(index.name)));
}

std::string AttachIndexSql(const model::QualifiedName& parent_index,
                           const model::QualifiedName& child_index) {
  return Statement(StrCat("ALTER INDEX ", QualifiedSql(parent_index), " ATTACH PARTITION ",
                          QualifiedSql(child_index)));
}

std::string ClusterOnSql(const model::Index& index) {
  return Statement(StrCat("ALTER TABLE ", QualifiedSql(index.table), " CLUSTER ON ",
                          QuoteIdent(index.name.name)));
}

std::string IndexCommentSql(const model::Index& index) {
  return CommentSql(StrCat("INDEX ", QualifiedSql(index.name)), index.comment);
}

bool SameIndexDefinition(const model::Index& a, const model::Index& b) {
  return a.unique == b.unique && a.nulls_not_distinct == b.nulls_not_distinct &&
         a.method == b.method && a.keys == b.keys && a.include == b.include &&
         a.predicate == b.predicate;
}

std::map<model::QualifiedName, std::vector<model::QualifiedName>> PartitionIndexAttachments(
    const model::Catalog& catalog) {
  // Direct partitions of every partitioned table, in name order.
  std::map<model::QualifiedName, std::vector<model::QualifiedName>> partitions;
  for (const auto& [name, table] : catalog.tables) {
    if (table.partition_of.has_value()) partitions[*table.partition_of].push_back(name);
  }
  // Standalone indexes by table, in name order.
  std::map<model::QualifiedName, std::vector<const model::Index*>> indexes_by_table;
  for (const auto& [name, index] : catalog.indexes) {
    if (index.constraint_name.empty()) indexes_by_table[index.table].push_back(&index);
  }

  std::map<model::QualifiedName, std::vector<model::QualifiedName>> attachments;
  std::set<model::QualifiedName> claimed;
  for (const auto& [name, index] : catalog.indexes) {
    if (!index.constraint_name.empty()) continue;
    auto children = partitions.find(index.table);
    if (children == partitions.end()) continue;
    std::vector<model::QualifiedName> matches;
    for (const model::QualifiedName& partition : children->second) {
      const model::Index* match = nullptr;
      auto candidates = indexes_by_table.find(partition);
      if (candidates != indexes_by_table.end()) {
        for (const model::Index* candidate : candidates->second) {
          if (!claimed.contains(candidate->name) && SameIndexDefinition(index, *candidate)) {
            match = candidate;
            break;
          }
        }
      }
      if (match == nullptr) break;
      matches.push_back(match->name);
    }
    if (matches.size() != children->second.size()) continue;
    claimed.insert(matches.begin(), matches.end());
    attachments[name] = std::move(matches);
  }
  return attachments;
}

}  // namespace pgdrift::planner
