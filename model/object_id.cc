#include "model/object_id.h"

#include "base/identifier.h"
#include "base/strings.h"

namespace pgdrift::model {

std::string QualifiedName::ToString() const { return QuoteQualified(schema, name); }

ObjectId ObjectId::Of(ObjectKind kind, const QualifiedName& name) {
  return ObjectId{kind, name.schema, name.name, "", ""};
}

ObjectId ObjectId::Child(ObjectKind kind, const QualifiedName& parent, std::string name) {
  return ObjectId{kind, parent.schema, std::move(name), parent.name, ""};
}

std::string ObjectId::Path() const {
  std::string path;
  if (!schema.empty()) StrAppend(&path, QuoteIdent(schema), ".");
  if (!parent.empty()) StrAppend(&path, QuoteIdent(parent), ".");
  StrAppend(&path, QuoteIdent(name));
  if (kind == ObjectKind::kFunction || kind == ObjectKind::kProcedure ||
      kind == ObjectKind::kAggregate) {
    StrAppend(&path, "(", args, ")");
  }
  return path;
}

std::string ObjectId::ToString() const { return StrCat(KindName(kind), " ", Path()); }

}  // namespace pgdrift::model
