#include "report/value_json.h"

#include <variant>

#include "base/overloaded.h"

namespace pgdrift::report {

nlohmann::ordered_json ValueJson(const diff::Value& value) {
  using Json = nlohmann::ordered_json;
  return std::visit(Overloaded{
                        [](std::monostate) { return Json(nullptr); },
                        [](bool flag) { return Json(flag); },
                        [](int64_t number) { return Json(number); },
                        [](const std::string& text) { return Json(text); },
                        [](const std::vector<std::string>& list) { return Json(list); },
                    },
                    value);
}

}  // namespace pgdrift::report
