// Server and libpq messages as pgdrift shows them, for both ways of talking to a
// database (the read-only Session and apply's WriteSession): one line, the primary
// message, passwords scrubbed, SQLSTATE mapped to a status code, and connection options
// appended to a connection string.
#ifndef PGDRIFT_INTROSPECT_INTERNAL_SERVER_MESSAGES_H_
#define PGDRIFT_INTROSPECT_INTERNAL_SERVER_MESSAGES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace pgdrift::introspect::internal {

// libpq and server messages span lines ("…failed: FATAL:  …\n\tIs the server running…");
// one line reads better after our prefix.
std::string OneLine(std::string_view message);

// The primary message of a server error: its first line without the severity
// ("ERROR:  relation \"x\" does not exist\nLINE 1: …" → relation "x" does not exist).
std::string PrimaryMessage(std::string_view message);

// Removes `secret` from `message` (libpq never prints passwords; this keeps it so).
// Very short secrets are left alone: they would only mangle ordinary words.
std::string Scrub(std::string message, const std::string& secret);

// The status code for a server error's SQLSTATE (PostgreSQL's errcodes.txt).
absl::StatusCode CodeForSqlState(std::string_view sqlstate);

// `connection_string` with `extra` key=value options added, in URI or conninfo form.
std::string WithParameters(const std::string& connection_string,
                           const std::vector<std::pair<std::string, std::string>>& extra);

}  // namespace pgdrift::introspect::internal

#endif  // PGDRIFT_INTROSPECT_INTERNAL_SERVER_MESSAGES_H_
