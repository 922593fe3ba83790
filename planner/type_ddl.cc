#include "planner/type_ddl.h"

#include <vector>

#include "base/identifier.h"
#include "base/strings.h"
#include "model/implicit_names.h"
#include "planner/ddl_printer.h"

namespace pgdrift::planner {
namespace {

// NAMEDATALEN - 12: how much of a name without "range" makeMultirangeTypeName keeps
// before it appends "_multirange".
constexpr size_t kMultirangeBaseBytes = 52;

std::string EnumBody(const model::UserType& type) {
  return StrCat(
      "ENUM (",
      StrJoin(type.enum_values, ", ", [](const std::string& label) { return QuoteLiteral(label); }),
      ")");
}

std::string CompositeBody(const model::UserType& type) {
  if (type.attributes.empty()) return "()";
  std::string body = "(\n";
  for (size_t i = 0; i < type.attributes.size(); ++i) {
    const model::CompositeAttribute& attribute = type.attributes[i];
    StrAppend(&body, "    ", QuoteIdent(attribute.name), " ", TypeSql(attribute.type));
    if (!attribute.collation.empty())
      StrAppend(&body, " COLLATE ", NameTextSql(attribute.collation));
    if (i + 1 < type.attributes.size()) body += ",";
    body += "\n";
  }
  body += ")";
  return body;
}

std::string RangeBody(const model::UserType& type) {
  std::vector<std::string> options;
  options.push_back(StrCat("subtype = ", TypeSql(type.range_subtype)));
  if (!type.range_subtype_opclass.empty()) {
    options.push_back(StrCat("subtype_opclass = ", NameTextSql(type.range_subtype_opclass)));
  }
  if (!type.range_collation.empty()) {
    options.push_back(StrCat("collation = ", NameTextSql(type.range_collation)));
  }
  if (!type.range_canonical.empty()) {
    options.push_back(StrCat("canonical = ", NameTextSql(type.range_canonical)));
  }
  if (!type.range_subtype_diff.empty()) {
    options.push_back(StrCat("subtype_diff = ", NameTextSql(type.range_subtype_diff)));
  }
  if (!type.multirange_name.empty() &&
      type.multirange_name != DefaultMultirangeName(type.name.name)) {
    // The multirange type lives in the range type's schema unless named otherwise.
    options.push_back(
        StrCat("multirange_type_name = ", QuoteQualified(type.name.schema, type.multirange_name)));
  }
  return StrCat("RANGE (\n    ", StrJoin(options, ",\n    "), "\n)");
}

}  // namespace

std::string DefaultMultirangeName(std::string_view range_name) {
  std::string name;
  size_t range_at = range_name.find("range");
  if (range_at != std::string_view::npos) {
    name = StrCat(range_name.substr(0, range_at), "multi", range_name.substr(range_at));
  } else {
    name = StrCat(range_name.substr(0, model::ClipLength(range_name, kMultirangeBaseBytes)),
                  "_multirange");
  }
  name.resize(model::ClipLength(name, model::kMaxIdentifierBytes));
  return name;
}

std::string CreateTypeSql(const model::UserType& type) {
  std::string body;
  switch (type.kind) {
    case model::UserTypeKind::kEnum:
      body = EnumBody(type);
      break;
    case model::UserTypeKind::kComposite:
      body = CompositeBody(type);
      break;
    case model::UserTypeKind::kRange:
      body = RangeBody(type);
      break;
  }
  return Statement(StrCat("CREATE TYPE ", QualifiedSql(type.name), " AS ", body));
}

std::string DropTypeSql(const model::UserType& type) {
  return Statement(StrCat("DROP TYPE ", QualifiedSql(type.name)));
}

std::string TypeOwnerSql(const model::UserType& type) {
  return OwnerSql("TYPE", QualifiedSql(type.name), type.owner);
}

std::string TypeCommentSql(const model::UserType& type) {
  return CommentSql(StrCat("TYPE ", QualifiedSql(type.name)), type.comment);
}

}  // namespace pgdrift::planner
