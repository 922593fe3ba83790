// fk-without-index: a foreign key whose columns are not the leading columns of any index
// of the referencing table. PostgreSQL indexes the referenced side (the key must be unique)
// but not the referencing one, so every DELETE or key UPDATE on the referenced table scans
// the referencing table for rows to check (RI_FKey_* triggers in ri_triggers.c), and joins
// along the key cannot use an index. An index counts when its first keys are exactly the
// FK's columns, in any order, as plain columns, and it has no WHERE predicate; a primary
// key, unique or other index-backed constraint counts the same way.
#include <algorithm>
#include <set>

#include "base/identifier.h"
#include "base/strings.h"
#include "lint/rules.h"
#include "lint/scope.h"

namespace pgdrift::lint {
namespace {

// Whether `leading` (the first keys of an index, in order) are the columns `wanted`.
bool Leads(const std::vector<std::string>& keys, const std::set<std::string>& wanted) {
  if (keys.size() < wanted.size()) return false;
  std::set<std::string> leading(keys.begin(), keys.begin() + static_cast<long>(wanted.size()));
  return leading == wanted;
}

bool Covered(const model::Catalog& catalog, const model::Table& table,
             const std::set<std::string>& columns) {
  for (const auto& [name, constraint] : table.constraints) {
    if (constraint.type != model::ConstraintType::kPrimaryKey &&
        constraint.type != model::ConstraintType::kUnique) {
      continue;
    }
    if (Leads(constraint.columns, columns)) return true;
  }
  for (const auto& [name, index] : catalog.indexes) {
    if (index.table != table.name || !index.predicate.empty()) continue;
    std::vector<std::string> keys;
    for (const model::IndexElement& key : index.keys) {
      if (key.column.empty()) break;  // an expression key ends the usable prefix
      keys.push_back(key.column);
    }
    if (Leads(keys, columns)) return true;
  }
  return false;
}

}  // namespace

std::vector<Finding> CheckFkWithoutIndex(const LintInput& input) {
  std::vector<Finding> findings;
  for (const auto& [table_name, table] : input.catalog->tables) {
    if (!InScope(*input.catalog, table)) continue;
    for (const auto& [constraint_name, constraint] : table.constraints) {
      if (constraint.type != model::ConstraintType::kForeignKey || constraint.columns.empty()) {
        continue;
      }
      std::set<std::string> columns(constraint.columns.begin(), constraint.columns.end());
      if (Covered(*input.catalog, table, columns)) continue;
      std::vector<std::string> quoted;
      for (const std::string& column : constraint.columns) quoted.push_back(QuoteIdent(column));
      std::string column_list = StrJoin(quoted, ", ");
      Finding finding;
      finding.span = constraint.lineage.created;
      finding.object =
          model::ObjectId::Child(model::ObjectKind::kConstraint, table_name, constraint_name)
              .ToString();
      finding.message = StrCat("foreign key ", finding.object, " (", column_list,
                               ") has no index on its columns");
      finding.why = StrCat("deletes and key updates in ", constraint.referenced_table.ToString(),
                           " scan ", table_name.ToString(), " for referencing rows; add CREATE INDEX ON ",
                           table_name.ToString(), " (", column_list, ")");
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace pgdrift::lint
