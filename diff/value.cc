#include "diff/value.h"

#include "base/overloaded.h"
#include "base/strings.h"

namespace pgdrift::diff {

std::string ValueToString(const Value& value) {
  return std::visit(Overloaded{
                        [](std::monostate) { return std::string("(none)"); },
                        [](bool flag) { return std::string(flag ? "true" : "false"); },
                        [](int64_t number) { return std::to_string(number); },
                        [](const std::string& text) { return StrCat("'", text, "'"); },
                        [](const std::vector<std::string>& list) {
                          return StrCat("[", StrJoin(list, ", "), "]");
                        },
                    },
                    value);
}

}  // namespace pgdrift::diff
