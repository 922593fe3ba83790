// Builders for the lint rule tests: catalogs assembled directly (no replay), so each rule
// is tested on exactly the objects it looks at, and a helper that renders findings as
// one comparable line each.
#ifndef PGDRIFT_LINT_TESTING_LINT_BUILDERS_H_
#define PGDRIFT_LINT_TESTING_LINT_BUILDERS_H_

#include <string>
#include <vector>

#include "base/strings.h"
#include "lint/finding.h"
#include "model/catalog.h"

namespace pgdrift::lint {

// The span of line `line` of migrations/0001.sql.
inline SourceSpan At(int line) { return SourceSpan{"migrations/0001.sql", line, 1, 0, 1}; }

// A catalog with the schemas `public` and `app`.
inline model::Catalog NewCatalog() {
  model::Catalog catalog;
  catalog.schemas["public"] = model::Schema{"public"};
  catalog.schemas["app"] = model::Schema{"app"};
  return catalog;
}

// Adds table `schema.name` created at line `line`; returns it.
inline model::Table& AddTable(model::Catalog& catalog, std::string schema, std::string name,
                              int line = 1) {
  model::QualifiedName qualified{std::move(schema), std::move(name)};
  model::Table& table = catalog.tables[qualified];
  table.name = qualified;
  table.lineage = model::Lineage::At(At(line));
  return table;
}

// "line: object: message" for each finding.
inline std::vector<std::string> Lines(const std::vector<Finding>& findings) {
  std::vector<std::string> lines;
  for (const Finding& finding : findings) {
    lines.push_back(StrCat(finding.span.line, ": ", finding.object, ": ", finding.message));
  }
  return lines;
}

}  // namespace pgdrift::lint

#endif  // PGDRIFT_LINT_TESTING_LINT_BUILDERS_H_
