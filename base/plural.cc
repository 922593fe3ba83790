#include "base/plural.h"

#include "base/strings.h"

namespace pgdrift {

std::string Plural(int64_t count, std::string_view word) {
  return StrCat(count, " ", word, count == 1 ? "" : "s");
}

std::string Plural(int64_t count, std::string_view one, std::string_view many) {
  return StrCat(count, " ", count == 1 ? one : many);
}

}  // namespace pgdrift
