// Small string utilities over std::string_view.
//
// Debian 12's Abseil is built with its own absl::string_view (not std::string_view), so
// absl/strings functions do not accept std::string_view; our code uses these instead and
// keeps Abseil for Status and StatusOr.
#ifndef PGDRIFT_BASE_STRINGS_H_
#define PGDRIFT_BASE_STRINGS_H_

#include <concepts>
#include <string>
#include <string_view>
#include <vector>

namespace pgdrift {

namespace strings_internal {
inline void AppendPiece(std::string* out, std::string_view piece) { out->append(piece); }
inline void AppendPiece(std::string* out, char c) { out->push_back(c); }
template <std::integral T>
  requires(!std::same_as<T, char> && !std::same_as<T, bool>)
void AppendPiece(std::string* out, T value) {
  out->append(std::to_string(value));
}
// Other string views (absl::string_view from Status::message(), for one).
template <typename T>
  requires(!std::convertible_to<T, std::string_view> && requires(const T& text) {
    { text.data() } -> std::convertible_to<const char*>;
    { text.size() } -> std::convertible_to<size_t>;
  })
void AppendPiece(std::string* out, const T& text) {
  out->append(text.data(), text.size());
}
}  // namespace strings_internal

// Concatenates strings, string views, characters and integers.
template <typename... Pieces>
std::string StrCat(const Pieces&... pieces) {
  std::string out;
  (strings_internal::AppendPiece(&out, pieces), ...);
  return out;
}

// Appends the pieces to `out`.
template <typename... Pieces>
void StrAppend(std::string* out, const Pieces&... pieces) {
  (strings_internal::AppendPiece(out, pieces), ...);
}

// Joins `parts` with `separator`.
template <typename Range>
std::string StrJoin(const Range& parts, std::string_view separator) {
  std::string out;
  bool first = true;
  for (const auto& part : parts) {
    if (!first) out.append(separator);
    first = false;
    strings_internal::AppendPiece(&out, part);
  }
  return out;
}

// Joins the results of `format(part)` with `separator`.
template <typename Range, typename Format>
std::string StrJoin(const Range& parts, std::string_view separator, Format format) {
  std::string out;
  bool first = true;
  for (const auto& part : parts) {
    if (!first) out.append(separator);
    first = false;
    out.append(format(part));
  }
  return out;
}

// Splits `text` at every `separator`; empty pieces are kept.
std::vector<std::string> StrSplit(std::string_view text, char separator);

// `text` without leading and trailing ASCII white space.
std::string_view Trim(std::string_view text);

// `text` in ASCII lowercase.
std::string AsciiLower(std::string_view text);

// Replaces every occurrence of `from` (non-empty) in `text` with `to`.
std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to);

}  // namespace pgdrift

#endif  // PGDRIFT_BASE_STRINGS_H_
