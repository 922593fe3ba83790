// Counted nouns for messages: "1 file", "3 files", "2 entries".
#ifndef PGDRIFT_BASE_PLURAL_H_
#define PGDRIFT_BASE_PLURAL_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace pgdrift {

// `count` and `word`, with an "s" unless `count` is 1: "1 file", "3 files".
std::string Plural(int64_t count, std::string_view word);

// `count` and `one` or `many`: "1 entry", "2 entries".
std::string Plural(int64_t count, std::string_view one, std::string_view many);

}  // namespace pgdrift

#endif  // PGDRIFT_BASE_PLURAL_H_
