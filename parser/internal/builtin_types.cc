#include "parser/internal/builtin_types.h"

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <vector>

#include "base/strings.h"

namespace pgdrift::parser::internal {

std::string NaturalNumericType(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && digits[0] == '-') digits.remove_prefix(1);
  if (digits.empty()) return "";
  bool all_digits = true;
  for (char c : digits) all_digits &= std::isdigit(static_cast<unsigned char>(c)) != 0;
  if (all_digits) {
    errno = 0;
    std::string copy(text);
    long long value = std::strtoll(copy.c_str(), nullptr, 10);
    if (errno == ERANGE) return "numeric";
    if (value >= INT32_MIN && value <= INT32_MAX) return "integer";
    return "bigint";
  }
  // decimal: digits [. digits] [e [+-] digits], at least one digit before the exponent
  size_t i = 0;
  bool mantissa_digits = false;
  while (i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i]))) {
    ++i;
    mantissa_digits = true;
  }
  if (i < digits.size() && digits[i] == '.') {
    ++i;
    while (i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i]))) {
      ++i;
      mantissa_digits = true;
    }
  }
  if (!mantissa_digits) return "";
  if (i < digits.size() && (digits[i] == 'e' || digits[i] == 'E')) {
    ++i;
    if (i < digits.size() && (digits[i] == '+' || digits[i] == '-')) ++i;
    size_t exponent_start = i;
    while (i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i]))) ++i;
    if (i == exponent_start) return "";
  }
  return i == digits.size() ? "numeric" : "";
}

std::string WithoutTypmod(std::string_view name) {
  std::string out;
  int depth = 0;
  for (char c : name) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

bool HasTypmod(const model::TypeRef& type) {
  return !type.typmod.empty() || type.name.find('(') != std::string::npos;
}

bool SameTypeIgnoringTypmod(const model::TypeRef& a, const model::TypeRef& b) {
  return a.schema == b.schema && a.array == b.array && WithoutTypmod(a.name) == WithoutTypmod(b.name);
}

bool IsBuiltin(const model::TypeRef& type, std::initializer_list<std::string_view> names) {
  if (type.is_user_defined() || type.array) return false;
  std::string base = WithoutTypmod(type.name);
  for (std::string_view name : names) {
    if (base == name) return true;
  }
  return false;
}

bool IsNumericType(const model::TypeRef& type) {
  return IsBuiltin(type, {"smallint", "integer", "bigint", "numeric", "real", "double precision"});
}

bool IsIntegerType(const model::TypeRef& type) { return IsBuiltin(type, {"smallint", "integer", "bigint"}); }

bool IsFractionalType(const model::TypeRef& type) {
  return IsBuiltin(type, {"numeric", "real", "double precision"});
}

bool Widens(const model::TypeRef& from, const model::TypeRef& to) {
  if (IsIntegerType(from)) return IsFractionalType(to);
  if (IsBuiltin(from, {"numeric"})) return IsBuiltin(to, {"real", "double precision"});
  return false;
}

std::optional<std::string> ImplicitWideningTarget(const std::string& from, const std::string& other) {
  bool integer = from == "smallint" || from == "integer" || from == "bigint";
  if (integer && other == "numeric") return "numeric";
  if ((integer || from == "numeric") && (other == "real" || other == "double precision")) {
    return "double precision";
  }
  return std::nullopt;
}

std::optional<std::string> ArithmeticType(const std::string& a, const std::string& b) {
  static const std::map<std::string, int> kIntegerRank = {{"smallint", 0}, {"integer", 1}, {"bigint", 2}};
  if (a == b) return a;
  auto ia = kIntegerRank.find(a);
  auto ib = kIntegerRank.find(b);
  if (ia != kIntegerRank.end() && ib != kIntegerRank.end()) return ia->second > ib->second ? a : b;
  if (ia != kIntegerRank.end()) return b;
  if (ib != kIntegerRank.end()) return a;
  // real and numeric meet in the float48 / float8 operators.
  if (a == "double precision" || b == "double precision" || a == "real" || b == "real") {
    return "double precision";
  }
  return std::nullopt;
}

std::optional<std::string> ImplicitLiteralTarget(const std::string& literal, const std::string& other) {
  if (other == "numeric") {
    if (literal == "numeric") return std::nullopt;
    return "numeric";
  }
  if (other == "real" || other == "double precision") return "double precision";
  return std::nullopt;
}

bool IsUnboundedTextType(const model::TypeRef& type) {
  if (type.is_user_defined() || HasTypmod(type)) return false;
  return type.name == "text" || type.name == "character varying" || type.name == "bpchar";
}

bool IsCharacterType(const model::TypeRef& type) {
  return IsBuiltin(type, {"text", "character varying"});
}

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;

// "SS" or "SS.ffffff" with trailing zeros dropped (AppendSeconds in datetime.c).
std::string Seconds(int64_t micros) {
  std::string text = StrCat(micros / kMicrosPerSecond < 10 ? "0" : "", micros / kMicrosPerSecond);
  int64_t fraction = micros % kMicrosPerSecond;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, 6 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    StrAppend(&text, ".", digits);
  }
  return text;
}

std::string TwoDigits(int64_t value) { return StrCat(value < 10 ? "0" : "", value); }

// Parses "[-]digits[.digits]" into a value scaled by 10^6; nullopt if not a number.
std::optional<int64_t> ParseMicros(std::string_view text) {
  bool negative = !text.empty() && (text[0] == '-' || text[0] == '+');
  if (negative && text[0] == '+') negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (text.empty() || text.size() > 15) return std::nullopt;
  int64_t whole = 0;
  int64_t fraction = 0;
  int fraction_digits = 0;
  bool point = false;
  bool any_digit = false;
  for (char c : text) {
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      any_digit = true;
      if (!point) {
        whole = whole * 10 + (c - '0');
      } else if (fraction_digits < 6) {
        fraction = fraction * 10 + (c - '0');
        ++fraction_digits;
      }
    } else {
      return std::nullopt;
    }
  }
  if (!any_digit) return std::nullopt;
  while (fraction_digits < 6) {
    fraction *= 10;
    ++fraction_digits;
  }
  int64_t value = whole * kMicrosPerSecond + fraction;
  return negative ? -value : value;
}

// time_in then time_out for "H:MM[:SS[.ffffff]]".
std::optional<std::string> CanonicalTime(std::string_view text) {
  std::vector<std::string> parts = StrSplit(Trim(text), ':');
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  std::optional<int64_t> hours = ParseMicros(parts[0]);
  std::optional<int64_t> minutes = ParseMicros(parts[1]);
  std::optional<int64_t> seconds = parts.size() == 3 ? ParseMicros(parts[2]) : int64_t{0};
  if (!hours || !minutes || !seconds || *hours % kMicrosPerSecond != 0 || *minutes % kMicrosPerSecond != 0 ||
      parts[0].find('-') != std::string::npos || parts[1].find('-') != std::string::npos) {
    return std::nullopt;
  }
  int64_t h = *hours / kMicrosPerSecond;
  int64_t m = *minutes / kMicrosPerSecond;
  if (h > 24 || m > 59 || *seconds < 0 || *seconds >= 60 * kMicrosPerSecond ||
      (h == 24 && (m != 0 || *seconds != 0))) {
    return std::nullopt;
  }
  return StrCat(TwoDigits(h), ":", TwoDigits(m), ":", Seconds(*seconds));
}

// One "<value> <unit>" of an interval: adds it to months, days and micros.
bool AddIntervalPart(int64_t value_micros, std::string_view unit, int64_t* months, int64_t* days,
                     int64_t* micros) {
  static const std::map<std::string, std::pair<char, int64_t>> kUnits = {
      {"microsecond", {'u', 1}},    {"microseconds", {'u', 1}}, {"us", {'u', 1}},
      {"usec", {'u', 1}},           {"usecs", {'u', 1}},        {"millisecond", {'u', 1000}},
      {"milliseconds", {'u', 1000}}, {"ms", {'u', 1000}},       {"msec", {'u', 1000}},
      {"msecs", {'u', 1000}},       {"second", {'u', kMicrosPerSecond}}, {"seconds", {'u', kMicrosPerSecond}},
      {"sec", {'u', kMicrosPerSecond}}, {"secs", {'u', kMicrosPerSecond}}, {"s", {'u', kMicrosPerSecond}},
      {"minute", {'u', 60 * kMicrosPerSecond}}, {"minutes", {'u', 60 * kMicrosPerSecond}},
      {"min", {'u', 60 * kMicrosPerSecond}},    {"mins", {'u', 60 * kMicrosPerSecond}},
      {"m", {'u', 60 * kMicrosPerSecond}},      {"hour", {'u', 3600 * kMicrosPerSecond}},
      {"hours", {'u', 3600 * kMicrosPerSecond}}, {"hr", {'u', 3600 * kMicrosPerSecond}},
      {"hrs", {'u', 3600 * kMicrosPerSecond}},  {"h", {'u', 3600 * kMicrosPerSecond}},
      {"day", {'d', 1}},            {"days", {'d', 1}},         {"d", {'d', 1}},
      {"week", {'d', 7}},           {"weeks", {'d', 7}},        {"w", {'d', 7}},
      {"month", {'m', 1}},          {"months", {'m', 1}},       {"mon", {'m', 1}},
      {"mons", {'m', 1}},           {"year", {'m', 12}},        {"years", {'m', 12}},
      {"yr", {'m', 12}},            {"yrs", {'m', 12}},         {"y", {'m', 12}},
      {"decade", {'m', 120}},       {"decades", {'m', 120}},    {"century", {'m', 1200}},
      {"centuries", {'m', 1200}},   {"millennium", {'m', 12000}}, {"millennia", {'m', 12000}},
  };
  auto it = kUnits.find(AsciiLower(unit));
  if (it == kUnits.end()) return false;
  auto [field, scale] = it->second;
  if (field == 'u') {
    // value_micros is the value times 10^6; scale is micros per unit.
    if (scale >= kMicrosPerSecond) {
      *micros += value_micros * (scale / kMicrosPerSecond);
      return true;
    }
    if (value_micros * scale % kMicrosPerSecond != 0) return false;
    *micros += value_micros * scale / kMicrosPerSecond;
    return true;
  }
  // Day, month and year counts must be whole here (fractions spill into smaller fields).
  if (value_micros % kMicrosPerSecond != 0) return false;
  int64_t value = value_micros / kMicrosPerSecond;
  if (field == 'd') {
    *days += value * scale;
  } else {
    *months += value * scale;
  }
  return true;
}

// One field of interval_out in IntervalStyle postgres (AddPostgresIntPart in datetime.c).
void AddPostgresPart(std::string* out, int64_t value, std::string_view unit, bool* is_zero, bool* is_before) {
  if (value == 0) return;
  StrAppend(out, *is_zero ? "" : " ", (*is_before && value > 0) ? "+" : "", value, " ", unit,
            value != 1 ? "s" : "");
  *is_before = value < 0;
  *is_zero = false;
}

// interval_in then interval_out for "<number> <unit> …" and "[-]HH:MM[:SS]" parts.
std::optional<std::string> CanonicalInterval(std::string_view text) {
  std::vector<std::string> tokens;
  for (const std::string& token : StrSplit(Trim(text), ' ')) {
    if (!token.empty()) tokens.push_back(token);
  }
  if (tokens.empty()) return std::nullopt;
  int64_t months = 0;
  int64_t days = 0;
  int64_t micros = 0;
  size_t i = 0;
  while (i < tokens.size()) {
    const std::string& token = tokens[i];
    if (token.find(':') != std::string::npos) {
      // A time of day part: [-]H:MM[:SS[.f]].
      bool negative = token[0] == '-';
      std::optional<std::string> time = CanonicalTime(negative ? token.substr(1) : token);
      std::vector<std::string> parts = StrSplit(negative ? token.substr(1) : token, ':');
      if (!time) return std::nullopt;
      int64_t value = ParseMicros(parts[0]).value() * 3600 + ParseMicros(parts[1]).value() * 60 +
                      (parts.size() == 3 ? ParseMicros(parts[2]).value() : 0);
      micros += negative ? -value : value;
      ++i;
      continue;
    }
    // A number followed by its unit, or glued to it ("5min"), or alone (seconds).
    size_t split = 0;
    while (split < token.size() &&
           (std::isdigit(static_cast<unsigned char>(token[split])) || token[split] == '.' ||
            (split == 0 && (token[split] == '-' || token[split] == '+')))) {
      ++split;
    }
    std::optional<int64_t> value = ParseMicros(token.substr(0, split));
    if (!value) return std::nullopt;
    std::string unit = token.substr(split);
    if (unit.empty()) {
      if (i + 1 < tokens.size()) {
        unit = tokens[++i];
      } else {
        unit = "seconds";
      }
    }
    if (!AddIntervalPart(*value, unit, &months, &days, &micros)) return std::nullopt;
    ++i;
  }
  std::string out;
  bool is_zero = true;
  bool is_before = false;
  AddPostgresPart(&out, months / 12, "year", &is_zero, &is_before);
  AddPostgresPart(&out, months % 12, "mon", &is_zero, &is_before);
  AddPostgresPart(&out, days, "day", &is_zero, &is_before);
  if (is_zero || micros != 0) {
    bool minus = micros < 0;
    int64_t magnitude = minus ? -micros : micros;
    int64_t hours = magnitude / (3600 * kMicrosPerSecond);
    int64_t minutes = magnitude / (60 * kMicrosPerSecond) % 60;
    StrAppend(&out, is_zero ? "" : " ", minus ? "-" : (is_before ? "+" : ""), TwoDigits(hours), ":",
              TwoDigits(minutes), ":", Seconds(magnitude % (60 * kMicrosPerSecond)));
  }
  return out;
}

// date_in then date_out (DateStyle ISO) for "YYYY-MM-DD".
std::optional<std::string> CanonicalDate(std::string_view text) {
  std::vector<std::string> parts = StrSplit(Trim(text), '-');
  if (parts.size() != 3 || parts[0].size() != 4) return std::nullopt;
  int64_t fields[3];
  for (int i = 0; i < 3; ++i) {
    if (parts[i].empty() || parts[i].size() > 4) return std::nullopt;
    for (char c : parts[i]) {
      if (c < '0' || c > '9') return std::nullopt;
    }
    fields[i] = std::stoll(parts[i]);
  }
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (fields[1] < 1 || fields[1] > 12 || fields[2] < 1 || fields[2] > kDays[fields[1] - 1]) return std::nullopt;
  bool leap = (fields[0] % 4 == 0 && fields[0] % 100 != 0) || fields[0] % 400 == 0;
  if (fields[1] == 2 && fields[2] == 29 && !leap) return std::nullopt;
  return StrCat(parts[0], "-", TwoDigits(fields[1]), "-", TwoDigits(fields[2]));
}

// timestamp_in then timestamp_out for "YYYY-MM-DD[( |T)H:MM[:SS[.f]]]".
std::optional<std::string> CanonicalTimestamp(std::string_view text) {
  text = Trim(text);
  size_t split = text.find_first_of(" T");
  std::optional<std::string> date = CanonicalDate(text.substr(0, split));
  if (!date) return std::nullopt;
  if (split == std::string_view::npos) return StrCat(*date, " 00:00:00");
  std::optional<std::string> time = CanonicalTime(text.substr(split + 1));
  if (!time || time->starts_with("24:")) return std::nullopt;
  return StrCat(*date, " ", *time);
}

}  // namespace

std::optional<std::string> CanonicalLiteral(const model::TypeRef& type, std::string_view text) {
  if (type.is_user_defined() || type.array || HasTypmod(type)) return std::nullopt;
  if (type.name == "interval") return CanonicalInterval(text);
  if (type.name == "time without time zone") return CanonicalTime(text);
  if (type.name == "date") return CanonicalDate(text);
  if (type.name == "timestamp without time zone") return CanonicalTimestamp(text);
  return std::nullopt;
}

}  // namespace pgdrift::parser::internal
