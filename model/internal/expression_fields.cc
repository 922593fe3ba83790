#include "model/internal/expression_fields.h"

namespace pgdrift::model::internal {
namespace {

void VisitText(std::string& text, const std::function<void(std::string&)>& visit) {
  if (!text.empty()) visit(text);
}

void VisitOptional(std::optional<std::string>& text,
                   const std::function<void(std::string&)>& visit) {
  if (text.has_value()) VisitText(*text, visit);
}

}  // namespace

void ForEachExpression(Catalog& catalog, const std::function<void(std::string&)>& visit,
                       const std::set<QualifiedName>* tables) {
  auto in_scope = [tables](const QualifiedName& table) {
    return tables == nullptr || tables->contains(table);
  };
  for (auto& [name, table] : catalog.tables) {
    if (!in_scope(name)) continue;
    for (Column& column : table.columns) {
      VisitOptional(column.default_expr, visit);
      VisitOptional(column.generated_expr, visit);
    }
    for (auto& [constraint_name, constraint] : table.constraints) {
      VisitText(constraint.expression, visit);
      for (ExclusionElement& element : constraint.exclusion_elements) {
        VisitText(element.element.expression, visit);
      }
      VisitText(constraint.exclusion_predicate, visit);
    }
    VisitText(table.partition_key, visit);
    for (auto& [policy_name, policy] : table.policies) {
      VisitText(policy.using_expr, visit);
      VisitText(policy.check_expr, visit);
    }
  }
  for (auto& [name, index] : catalog.indexes) {
    if (!in_scope(index.table)) continue;
    for (IndexElement& key : index.keys) VisitText(key.expression, visit);
    VisitText(index.predicate, visit);
  }
  if (tables != nullptr) return;
  for (auto& [name, domain] : catalog.domains) {
    VisitOptional(domain.default_expr, visit);
    for (auto& [check_name, check] : domain.checks) VisitText(check.expression, visit);
  }
}

void RewriteExpressions(Catalog& catalog, const std::map<std::string, std::string>& rewrites,
                        const std::set<QualifiedName>* tables) {
  if (rewrites.empty()) return;
  ForEachExpression(
      catalog,
      [&rewrites](std::string& text) {
        auto it = rewrites.find(text);
        if (it != rewrites.end()) text = it->second;
      },
      tables);
}

}  // namespace pgdrift::model::internal
