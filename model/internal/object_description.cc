#include "model/internal/object_description.h"

#include "base/identifier.h"
#include "base/strings.h"
#include "model/internal/namespaces.h"

namespace pgdrift::model::internal {

std::string DescribeRelation(const Catalog& catalog, const QualifiedName& name) {
  std::string_view kind = "relation";
  if (catalog.tables.contains(name)) {
    kind = "table";
  } else if (catalog.sequences.contains(name)) {
    kind = "sequence";
  } else if (catalog.indexes.contains(name)) {
    kind = "index";
  } else if (IsCompositeType(catalog, name)) {
    kind = "composite type";
  } else if (auto view = catalog.views.find(name); view != catalog.views.end()) {
    kind = view->second.materialized ? "materialized view" : "view";
  }
  return StrCat(kind, " ", RelationDisplayName(catalog, name));
}

std::string DescribeColumn(const Catalog& catalog, const QualifiedName& relation,
                           std::string_view column) {
  return StrCat("column ", column, " of ", DescribeRelation(catalog, relation));
}

std::string DescribeDefault(const Catalog& catalog, const QualifiedName& table,
                            std::string_view column) {
  return StrCat("default value for ", DescribeColumn(catalog, table, column));
}

std::string DescribeType(const Catalog& catalog, const QualifiedName& name) {
  return StrCat("type ", FormatTypeName(catalog, name));
}

namespace {

// The argument types of routine `id` as format_procedure prints them: user types
// qualified only when not visible (format_type_be).
std::string RoutineArgsDisplay(const Catalog& catalog, const ObjectId& id) {
  auto it = catalog.routines.find({{id.schema, id.name}, id.args});
  if (it == catalog.routines.end()) return id.args;
  std::vector<std::string> types;
  for (const RoutineArg& arg : it->second.args) {
    if (!IsInputArg(arg.mode)) continue;
    types.push_back(arg.type.is_user_defined()
                        ? StrCat(FormatTypeName(catalog, arg.type.qualified()),
                                 arg.type.array ? "[]" : "")
                        : arg.type.ToString());
  }
  return StrJoin(types, ", ");
}

}  // namespace

std::string RoutineDisplayName(const Catalog& catalog, const QualifiedName& name) {
  for (const std::string& schema : catalog.search_path) {
    const std::string& actual = schema == "$user" ? catalog.current_user : schema;
    if (actual == name.schema) return QuoteIdent(name.name);
  }
  return QuoteQualified(name.schema, name.name);
}

std::string DescribeObject(const Catalog& catalog, const ObjectId& id) {
  switch (id.kind) {
    case ObjectKind::kSchema:
      return StrCat("schema ", id.name);
    case ObjectKind::kExtension:
      return StrCat("extension ", id.name);
    case ObjectKind::kType:
    case ObjectKind::kDomain:
      return DescribeType(catalog, {id.schema, id.name});
    case ObjectKind::kSequence:
    case ObjectKind::kTable:
    case ObjectKind::kIndex:
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
      return DescribeRelation(catalog, {id.schema, id.name});
    case ObjectKind::kColumn:
      return DescribeColumn(catalog, id.qualified(), id.name);
    case ObjectKind::kConstraint:
      return StrCat("constraint ", id.name, " on ", DescribeRelation(catalog, id.qualified()));
    case ObjectKind::kPolicy:
      // getObjectDescription: "policy p on table t".
      return StrCat("policy ", id.name, " on ", DescribeRelation(catalog, id.qualified()));
    case ObjectKind::kTrigger:
      // getObjectDescription: "trigger t on table t" (on view v for INSTEAD OF ones).
      return StrCat("trigger ", id.name, " on ", DescribeRelation(catalog, id.qualified()));
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
      // getObjectDescription: "function f(integer)", "procedure s.p()" (format_procedure
      // qualifies the name when the schema is not on search_path).
      return StrCat(id.kind == ObjectKind::kFunction ? "function " : "procedure ",
                    RoutineDisplayName(catalog, {id.schema, id.name}), "(",
                    RoutineArgsDisplay(catalog, id), ")");
    case ObjectKind::kAggregate:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      return id.ToString();
  }
  return id.ToString();
}

}  // namespace pgdrift::model::internal
