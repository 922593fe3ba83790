#include "introspect/internal/server_messages.h"

#include "base/strings.h"
#include "introspect/connection_string.h"

namespace pgdrift::introspect::internal {

// libpq and server messages span lines ("…failed: FATAL:  …\n\tIs the server running…");
// one line reads better after our prefix.
std::string OneLine(std::string_view message) {
  std::string out;
  bool space = false;
  for (char c : Trim(message)) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The primary message of a server error: its first line without the severity
// ("ERROR:  relation \"x\" does not exist\nLINE 1: …" → relation "x" does not exist).
std::string PrimaryMessage(std::string_view message) {
  std::string_view first = message.substr(0, message.find('\n'));
  for (std::string_view severity : {"ERROR:", "FATAL:", "PANIC:"}) {
    if (first.starts_with(severity)) first.remove_prefix(severity.size());
  }
  return std::string(Trim(first));
}

// Removes `secret` from `message` (libpq never prints passwords; this keeps it so).
// Very short secrets are left alone: they would only mangle ordinary words.
std::string Scrub(std::string message, const std::string& secret) {
  if (secret.size() < 4) return message;
  return ReplaceAll(message, secret, "***");
}

// The status code for a server error (PostgreSQL's errcodes.txt): 57014 query_canceled
// (statement_timeout) and 55P03 lock_not_available (lock_timeout) are deadlines, 42501
// insufficient_privilege, 25006 read_only_sql_transaction, class 08 (connection
// exception), class 57 (operator intervention) and 25P03
// idle_in_transaction_session_timeout mean the connection is gone.
absl::StatusCode CodeForSqlState(std::string_view sqlstate) {
  if (sqlstate == "57014" || sqlstate == "55P03") return absl::StatusCode::kDeadlineExceeded;
  if (sqlstate == "42501") return absl::StatusCode::kPermissionDenied;
  if (sqlstate == "25006") return absl::StatusCode::kFailedPrecondition;
  if (sqlstate.starts_with("08") || sqlstate.starts_with("57") || sqlstate == "25P03") {
    return absl::StatusCode::kUnavailable;
  }
  return absl::StatusCode::kInternal;
}

// Appends libpq keywords to `connection_string` in its own syntax (URI query
// parameters or conninfo pairs).
std::string WithParameters(const std::string& connection_string,
                           const std::vector<std::pair<std::string, std::string>>& extra) {
  if (extra.empty()) return connection_string;
  std::string out(Trim(connection_string));
  if (IsConnectionUri(out)) {
    char separator = out.find('?') == std::string::npos ? '?' : '&';
    if (out.back() == '?' || out.back() == '&') separator = '\0';
    for (const auto& [key, value] : extra) {
      if (separator != '\0') out.push_back(separator);
      StrAppend(&out, key, "=", value);
      separator = '&';
    }
    return out;
  }
  for (const auto& [key, value] : extra) StrAppend(&out, out.empty() ? "" : " ", key, "=", value);
  return out;
}

}  // namespace pgdrift::introspect::internal
