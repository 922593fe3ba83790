// Value: one attribute's value as diff reports it — absent, a flag, a number, a text or
// a list of texts. Enough to say "not_null: false → true" and to render JSON.
#ifndef PGDRIFT_DIFF_VALUE_H_
#define PGDRIFT_DIFF_VALUE_H_

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace pgdrift::diff {

using Value = std::variant<std::monostate, bool, int64_t, std::string, std::vector<std::string>>;

// A short human form: `true`, `42`, `'text'` (quoted), `[a, b]`, `(none)`.
std::string ValueToString(const Value& value);

}  // namespace pgdrift::diff

#endif  // PGDRIFT_DIFF_VALUE_H_
