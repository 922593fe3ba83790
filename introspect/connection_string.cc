#include "introspect/connection_string.h"

#include <pwd.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <vector>

#include "base/strings.h"

namespace pgdrift::introspect {
namespace {

constexpr std::string_view kRedacted = "***";

// Keywords whose values are secrets (libpq: password, sslpassword).
bool IsSecretKeyword(std::string_view keyword) {
  std::string lower = AsciiLower(keyword);
  return lower == "password" || lower == "sslpassword";
}

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

size_t UriPrefixLength(std::string_view text) {
  for (std::string_view prefix : {"postgresql://", "postgres://"}) {
    if (text.substr(0, prefix.size()) == prefix) return prefix.size();
  }
  return 0;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes as libpq's conninfo_uri_decode does (%00 is refused).
std::optional<std::string> PercentDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int high = HexValue(text[i + 1]);
    int low = HexValue(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    char decoded = static_cast<char>(high * 16 + low);
    if (decoded == '\0') return std::nullopt;
    out.push_back(decoded);
    i += 2;
  }
  return out;
}

absl::Status InvalidUri(std::string_view why) {
  return absl::InvalidArgumentError(StrCat("invalid connection URI: ", why));
}

// libpq's conninfo_uri_parse_options, for the parts pgdrift needs.
absl::StatusOr<std::map<std::string, std::string>> ParseUri(std::string_view text) {
  std::map<std::string, std::string> values;
  std::string_view rest = text.substr(UriPrefixLength(text));

  // User info: everything before an '@' that comes before the first '/'.
  size_t stop = rest.find_first_of("@/");
  if (stop != std::string_view::npos && rest[stop] == '@') {
    std::string_view user_info = rest.substr(0, stop);
    size_t colon = user_info.find(':');
    std::optional<std::string> user = PercentDecode(user_info.substr(0, colon));
    if (!user.has_value()) return InvalidUri("invalid percent-encoded user name");
    if (!user->empty()) values["user"] = *user;
    if (colon != std::string_view::npos) {
      std::optional<std::string> password = PercentDecode(user_info.substr(colon + 1));
      if (!password.has_value()) return InvalidUri("invalid percent-encoded password");
      values["password"] = *password;
    }
    rest.remove_prefix(stop + 1);
  }

  // Hosts and ports: host[:port][,host[:port]…], IPv6 addresses in brackets.
  std::vector<std::string> hosts;
  std::vector<std::string> ports;
  size_t i = 0;
  while (true) {
    std::string_view host;
    if (i < rest.size() && rest[i] == '[') {
      size_t close = rest.find(']', i);
      if (close == std::string_view::npos) return InvalidUri("missing \"]\" in IPv6 host address");
      host = rest.substr(i + 1, close - i - 1);
      i = close + 1;
      if (i < rest.size() && std::string_view(":/?,").find(rest[i]) == std::string_view::npos) {
        return InvalidUri("unexpected character after IPv6 host address");
      }
    } else {
      size_t end = rest.find_first_of(":/?,", i);
      if (end == std::string_view::npos) end = rest.size();
      host = rest.substr(i, end - i);
      i = end;
    }
    std::optional<std::string> decoded_host = PercentDecode(host);
    if (!decoded_host.has_value()) return InvalidUri("invalid percent-encoded host");
    hosts.push_back(*decoded_host);
    std::string port;
    if (i < rest.size() && rest[i] == ':') {
      size_t end = rest.find_first_of("/?,", i + 1);
      if (end == std::string_view::npos) end = rest.size();
      std::optional<std::string> decoded_port = PercentDecode(rest.substr(i + 1, end - i - 1));
      if (!decoded_port.has_value()) return InvalidUri("invalid percent-encoded port");
      port = *decoded_port;
      i = end;
    }
    ports.push_back(port);
    if (i < rest.size() && rest[i] == ',') {
      ++i;
      continue;
    }
    break;
  }
  auto any_set = [](const std::vector<std::string>& parts) {
    for (const std::string& part : parts) {
      if (!part.empty()) return true;
    }
    return false;
  };
  if (any_set(hosts)) values["host"] = StrJoin(hosts, ",");
  if (any_set(ports)) values["port"] = StrJoin(ports, ",");

  if (i < rest.size() && rest[i] == '/') {
    size_t end = rest.find('?', i + 1);
    if (end == std::string_view::npos) end = rest.size();
    std::optional<std::string> dbname = PercentDecode(rest.substr(i + 1, end - i - 1));
    if (!dbname.has_value()) return InvalidUri("invalid percent-encoded database name");
    if (!dbname->empty()) values["dbname"] = *dbname;
    i = end;
  }
  if (i < rest.size() && rest[i] == '?') {
    for (const std::string& parameter : StrSplit(rest.substr(i + 1), '&')) {
      if (parameter.empty()) continue;
      size_t equals = parameter.find('=');
      if (equals == std::string::npos) {
        return InvalidUri(StrCat("missing \"=\" in query parameter \"",
                                 IsSecretKeyword(parameter) ? std::string(kRedacted) : parameter,
                                 "\""));
      }
      std::optional<std::string> key = PercentDecode(parameter.substr(0, equals));
      std::optional<std::string> value = PercentDecode(parameter.substr(equals + 1));
      if (!key.has_value() || !value.has_value()) {
        return InvalidUri("invalid percent-encoded query parameter");
      }
      values[*key] = *value;
    }
  } else if (i < rest.size()) {
    return InvalidUri(StrCat("unexpected character \"", std::string(1, rest[i]), "\""));
  }
  return values;
}

// One keyword=value pair of a conninfo string, with the byte range of the value as
// written (quotes included) for redaction.
struct ConninfoPair {
  std::string keyword;
  std::string value;
  size_t value_begin = 0;
  size_t value_end = 0;
  bool has_equals = false;
  bool quoted = false;
  bool terminated = true;  // false for an unterminated quoted value
};

// Scans `text` as libpq's conninfo_parse does; never fails, so redaction can use it on
// malformed input. A keyword without "=" has has_equals false; the scan then treats the
// next word as its value.
std::vector<ConninfoPair> ScanConninfo(std::string_view text) {
  std::vector<ConninfoPair> pairs;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    if (i >= text.size()) break;
    ConninfoPair pair;
    size_t key_begin = i;
    while (i < text.size() && text[i] != '=' && !IsSpace(text[i])) ++i;
    pair.keyword = std::string(text.substr(key_begin, i - key_begin));
    while (i < text.size() && IsSpace(text[i])) ++i;
    if (i < text.size() && text[i] == '=') {
      pair.has_equals = true;
      ++i;
      while (i < text.size() && IsSpace(text[i])) ++i;
    }
    pair.value_begin = i;
    if (i < text.size() && text[i] == '\'') {
      pair.quoted = true;
      ++i;
      pair.terminated = false;
      while (i < text.size()) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          pair.value.push_back(text[i + 1]);
          i += 2;
        } else if (text[i] == '\'') {
          ++i;
          pair.terminated = true;
          break;
        } else {
          pair.value.push_back(text[i++]);
        }
      }
    } else if (pair.has_equals || IsSecretKeyword(pair.keyword)) {
      while (i < text.size() && !IsSpace(text[i])) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          pair.value.push_back(text[i + 1]);
          i += 2;
        } else {
          pair.value.push_back(text[i++]);
        }
      }
    }
    pair.value_end = i;
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

absl::StatusOr<std::map<std::string, std::string>> ParseConninfo(std::string_view text) {
  std::map<std::string, std::string> values;
  for (const ConninfoPair& pair : ScanConninfo(text)) {
    if (!pair.has_equals) {
      // libpq names the word; it may be a password typed without its keyword, so we do not.
      return absl::InvalidArgumentError("missing \"=\" after a keyword in connection info string");
    }
    if (!pair.terminated) {
      return absl::InvalidArgumentError("unterminated quoted string in connection info string");
    }
    values[pair.keyword] = pair.value;
  }
  return values;
}

// Quotes `value` for a conninfo string.
std::string QuoteConninfoValue(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

std::string RedactConninfo(std::string_view text) {
  std::string out;
  size_t copied = 0;
  for (const ConninfoPair& pair : ScanConninfo(text)) {
    std::string replacement;
    if (IsSecretKeyword(pair.keyword)) {
      replacement = std::string(kRedacted);
    } else if (AsciiLower(pair.keyword) == "dbname" && IsConnectionString(pair.value)) {
      // libpq expands a connection string given as dbname.
      replacement = QuoteConninfoValue(RedactConnectionString(pair.value));
    } else {
      continue;
    }
    StrAppend(&out, text.substr(copied, pair.value_begin - copied), replacement);
    copied = pair.value_end;
  }
  StrAppend(&out, text.substr(copied));
  return out;
}

std::string RedactUri(std::string_view text) {
  size_t prefix = UriPrefixLength(text);
  std::string_view rest = text.substr(prefix);
  std::vector<bool> hidden(rest.size(), false);
  // The password of user:password@. libpq ends the user info at the first '@' before
  // any '/', but a password with a raw '@', '/' or '?' (against the URI syntax, and
  // common in pasted strings) would then show; up to the last '@' of all hides it in
  // every case, at the price of hiding too much when a query parameter holds an '@'.
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos) {
    size_t colon = rest.substr(0, at).find(':');
    if (colon != std::string_view::npos) {
      for (size_t i = colon + 1; i < at; ++i) hidden[i] = true;
    }
  }
  // Secret query parameters: the value after password= or sslpassword= up to the next
  // '&'. Every '?' and '&' is taken as a possible parameter start.
  for (size_t i = 0; i < rest.size(); ++i) {
    if (i > 0 && rest[i - 1] != '?' && rest[i - 1] != '&') continue;
    size_t equals = rest.find('=', i);
    if (equals == std::string_view::npos) break;
    std::string_view key = rest.substr(i, equals - i);
    if (key.find_first_of("?&") != std::string_view::npos) continue;
    std::optional<std::string> decoded = PercentDecode(key);
    if (!IsSecretKeyword(decoded.value_or(std::string(key)))) continue;
    size_t end = rest.find('&', equals + 1);
    if (end == std::string_view::npos) end = rest.size();
    for (size_t j = equals + 1; j < end; ++j) hidden[j] = true;
  }
  std::string out(text.substr(0, prefix));
  for (size_t i = 0; i < rest.size(); ++i) {
    if (!hidden[i]) {
      out.push_back(rest[i]);
    } else if (i == 0 || !hidden[i - 1]) {
      StrAppend(&out, kRedacted);
    }
  }
  return out;
}

std::optional<std::string> FirstSet(std::initializer_list<std::optional<std::string>> candidates) {
  for (const std::optional<std::string>& candidate : candidates) {
    if (candidate.has_value() && !candidate->empty()) return candidate;
  }
  return std::nullopt;
}

std::string OperatingSystemUser() {
  if (passwd* entry = getpwuid(geteuid()); entry != nullptr) return entry->pw_name;
  return "";
}

}  // namespace

EnvLookup ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

bool IsConnectionUri(std::string_view text) { return UriPrefixLength(Trim(text)) > 0; }

bool IsConnectionString(std::string_view text) {
  std::string_view trimmed = Trim(text);
  if (IsConnectionUri(trimmed)) return true;
  size_t i = 0;
  while (i < trimmed.size() &&
         (std::islower(static_cast<unsigned char>(trimmed[i])) != 0 || trimmed[i] == '_')) {
    ++i;
  }
  if (i == 0) return false;
  while (i < trimmed.size() && IsSpace(trimmed[i])) ++i;
  return i < trimmed.size() && trimmed[i] == '=';
}

absl::StatusOr<std::map<std::string, std::string>> ParseConnectionString(std::string_view text) {
  std::string_view trimmed = Trim(text);
  if (IsConnectionUri(trimmed)) return ParseUri(trimmed);
  return ParseConninfo(text);
}

std::string RedactConnectionString(std::string_view text) {
  std::string_view trimmed = Trim(text);
  if (IsConnectionUri(trimmed)) {
    size_t leading = text.find(trimmed.front());
    return StrCat(text.substr(0, leading), RedactUri(trimmed),
                  text.substr(leading + trimmed.size()));
  }
  return RedactConninfo(text);
}

std::string ConnectionTarget::Describe() const {
  return StrCat("database \"", database, "\" on host \"", host, "\", port ", port, " (user \"",
                user, "\")");
}

ConnectionTarget TargetOf(const std::map<std::string, std::string>& parameters,
                          const EnvLookup& env) {
  auto parameter = [&](const std::string& key) -> std::optional<std::string> {
    auto it = parameters.find(key);
    if (it == parameters.end()) return std::nullopt;
    return it->second;
  };
  ConnectionTarget target;
  target.host =
      FirstSet({parameter("host"), parameter("hostaddr"), env("PGHOST"), env("PGHOSTADDR")})
          .value_or("/var/run/postgresql");
  target.port = FirstSet({parameter("port"), env("PGPORT")}).value_or("5432");
  target.user = FirstSet({parameter("user"), env("PGUSER")}).value_or(OperatingSystemUser());
  std::optional<std::string> database = FirstSet({parameter("dbname"), env("PGDATABASE")});
  // A dbname that is itself a connection string is expanded by libpq; describe its
  // database rather than the string.
  if (database.has_value() && IsConnectionString(*database)) {
    absl::StatusOr<std::map<std::string, std::string>> nested = ParseConnectionString(*database);
    if (nested.ok()) {
      std::map<std::string, std::string> merged = *nested;
      for (const auto& [key, value] : parameters) {
        if (key != "dbname") merged.emplace(key, value);
      }
      return TargetOf(merged, env);
    }
    database = std::nullopt;
  }
  target.database = database.value_or(target.user);
  return target;
}

std::string RedactSourceIn(std::string_view message, std::string_view source) {
  std::string text(message);
  if (!source.empty()) text = ReplaceAll(text, source, RedactConnectionString(source));
  return RedactConnectionString(text);
}

}  // namespace pgdrift::introspect
