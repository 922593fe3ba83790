#include "model/type_ref.h"

#include "base/identifier.h"
#include "base/strings.h"

namespace pgdrift::model {

std::string TypeRef::ToString() const {
  std::string text = schema.empty() ? name : QuoteQualified(schema, name);
  StrAppend(&text, typmod);
  if (array) StrAppend(&text, "[]");
  return text;
}

}  // namespace pgdrift::model
