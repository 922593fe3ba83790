#include "model/nextval.h"

#include "base/identifier.h"
#include "base/strings.h"

namespace pgdrift::model {

std::string NextvalExpression(const QualifiedName& sequence) {
  // standard_conforming_strings is on, so only single quotes are doubled (no E'' form).
  std::string literal = ReplaceAll(QuoteQualified(sequence.schema, sequence.name), "'", "''");
  return StrCat("nextval('", literal, "'::regclass)");
}

}  // namespace pgdrift::model
