// Connection strings as libpq accepts them — URIs (postgres://, postgresql://) and
// keyword=value conninfo strings: recognising them, reading the parts pgdrift reports
// (host, port, database, user), and redacting secrets before anything is printed.
//
// Invariant: no text produced here for display ever contains a password.
#ifndef PGDRIFT_INTROSPECT_CONNECTION_STRING_H_
#define PGDRIFT_INTROSPECT_CONNECTION_STRING_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace pgdrift::introspect {

// Reads an environment variable; nullopt when unset. Tests pass a fake one.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

// The process environment (getenv).
EnvLookup ProcessEnvironment();

// Whether `text` starts with postgres:// or postgresql:// (libpq's URI prefixes).
bool IsConnectionUri(std::string_view text);

// Whether `text` looks like a live-database source: a connection URI, or a conninfo
// string whose first word is `keyword=` (e.g. "host=db port=5432 dbname=app").
bool IsConnectionString(std::string_view text);

// Parses `text` the way libpq's conninfo_parse / conninfo_uri_parse do into keyword →
// value (URI parts become user, password, host, port, dbname; hosts and ports of a
// multi-host URI are joined with commas; percent-escapes decoded). kInvalidArgument
// (with a message that never contains the password) when libpq would reject it.
[[nodiscard]] absl::StatusOr<std::map<std::string, std::string>> ParseConnectionString(
    std::string_view text);

// `text` with every secret replaced by "***": the password of a URI's user info, the
// values of password and sslpassword in conninfo strings and URI query parameters, and
// connection strings nested in a dbname value. Works on malformed input too, erring on
// the side of hiding more.
std::string RedactConnectionString(std::string_view text);

// `message` with `source` (a connection string that a lower layer may have repeated in
// it, e.g. a command's --remote argument) replaced by its redacted form, and with any
// other secret RedactConnectionString finds hidden as well: what a command prints about
// a remote it could not read.
std::string RedactSourceIn(std::string_view message, std::string_view source);

// Where a connection goes, with libpq's fallbacks applied: the string's own values, then
// PGHOST / PGHOSTADDR, PGPORT, PGUSER, PGDATABASE, then libpq's built-in defaults (the
// Debian socket directory /var/run/postgresql, port 5432, the operating-system user,
// a database named like the user). A service file (service=) is not consulted.
struct ConnectionTarget {
  std::string host;
  std::string port;
  std::string database;
  std::string user;

  // `database "app" on host "db.example.com", port 5432 (user "postgres")`.
  std::string Describe() const;
};

// The target of the already parsed `parameters`, with `env` supplying the fallbacks.
ConnectionTarget TargetOf(const std::map<std::string, std::string>& parameters,
                          const EnvLookup& env);

}  // namespace pgdrift::introspect

#endif  // PGDRIFT_INTROSPECT_CONNECTION_STRING_H_
