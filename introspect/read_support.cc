// Helpers shared by the per-kind readers (declared in introspect/internal/readers.h).
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "introspect/internal/readers.h"

namespace pgdrift::introspect::internal {

absl::StatusOr<ResultSet> RunQuery(ReadContext& ctx, std::string_view what, std::string_view sql) {
  absl::StatusOr<ResultSet> result = ctx.session->Query(sql);
  if (!result.ok()) {
    return absl::Status(result.status().code(),
                        StrCat("reading ", what, ": ", result.status().message()));
  }
  return result;
}

model::TypeRef TypeRefFromRow(const ResultSet::Row& row, std::string_view prefix) {
  std::string p(prefix);
  model::TypeRef type;
  type.schema = row.Text(p + "_schema");
  type.name = row.Text(p + "_name");
  type.array = row.Bool(p + "_array");
  type.typmod = row.Text(p + "_typmod");
  return type;
}

model::Table* TableOrManagedStandIn(ReadContext& ctx, const model::QualifiedName& relation) {
  if (model::Table* table = ctx.catalog->FindTable(relation)) return table;
  if (!ctx.options->excluded_schemas.contains(relation.schema)) return nullptr;
  model::Table& stand_in = ctx.catalog->tables[relation];
  stand_in.name = relation;
  stand_in.managed = true;
  return &stand_in;
}

std::string TextArrayLiteral(const std::set<std::string>& values) {
  std::vector<std::string> elements;
  for (const std::string& value : values) {
    elements.push_back(
        StrCat("\"", ReplaceAll(ReplaceAll(value, "\\", "\\\\"), "\"", "\\\""), "\""));
  }
  return StrCat("{", StrJoin(elements, ","), "}");
}

}  // namespace pgdrift::introspect::internal
