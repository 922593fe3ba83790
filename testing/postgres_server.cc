#include "testing/postgres_server.h"

#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/strings.h"

namespace pgdrift::testing {
namespace {

namespace fs = std::filesystem;

constexpr char kBinDir[] = "/usr/lib/postgresql/15/bin";
constexpr char kServerAccount[] = "pgdrift-test";

// Quotes `arg` for /bin/sh.
std::string ShellQuote(std::string_view arg) {
  return StrCat("'", ReplaceAll(arg, "'", "'\\''"), "'");
}

// Runs `command` with /bin/sh, capturing stdout and stderr together.
struct CommandResult {
  int exit_code = -1;
  std::string output;
};
CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.output.append(buffer.data(), read);
  }
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Prefix that runs a server binary as the unprivileged account when we are root.
std::string AsServerUser() {
  if (geteuid() != 0) return "";
  return StrCat("runuser -u ", kServerAccount, " -- ");
}

}  // namespace

PostgresServer& PostgresServer::Shared() {
  static PostgresServer* server = [] {
    auto* created = new PostgresServer();
    absl::Status status = created->Start();
    if (!status.ok()) {
      std::cerr << "cannot start the test PostgreSQL server: " << status.message() << "\n";
      created->Stop();
      std::exit(1);
    }
    // Stop the server when the test binary exits, whatever the tests did.
    std::atexit([] { Shared().Stop(); });
    return created;
  }();
  return *server;
}

PostgresServer::~PostgresServer() { Stop(); }

absl::Status PostgresServer::Start() {
  if (geteuid() == 0 && getpwnam(kServerAccount) == nullptr) {
    return absl::FailedPreconditionError(StrCat(
        "running as root and the account ", kServerAccount,
        " does not exist; scripts/setup creates it (PostgreSQL refuses to run as root)"));
  }
  std::string pattern = (fs::temp_directory_path() / "pgdrift-pg-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return absl::InternalError("mkdtemp failed");
  dir_ = pattern;
  if (geteuid() == 0) {
    passwd* account = getpwnam(kServerAccount);
    if (chown(dir_.c_str(), account->pw_uid, account->pw_gid) != 0) {
      return absl::InternalError(StrCat("cannot chown ", dir_));
    }
  }
  // A port per process keeps the socket names of parallel test binaries apart.
  port_ = 20000 + static_cast<int>(getpid() % 20000);
  std::string data = dir_ + "/data";
  CommandResult init = RunCommand(StrCat(
      AsServerUser(), kBinDir, "/initdb -D ", ShellQuote(data),
      " -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions"));
  if (init.exit_code != 0) return absl::InternalError(StrCat("initdb failed: ", init.output));
  std::string options =
      StrCat("-k ", dir_, " -p ", port_,
             " -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
             " -c full_page_writes=off -c max_connections=40 -c shared_buffers=64MB");
  CommandResult start = RunCommand(StrCat(AsServerUser(), kBinDir, "/pg_ctl -D ", ShellQuote(data),
                                          " -l ", ShellQuote(dir_ + "/server.log"), " -w -o ",
                                          ShellQuote(options), " start"));
  if (start.exit_code != 0) {
    std::ifstream log(dir_ + "/server.log");
    std::string log_text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    return absl::InternalError(StrCat("pg_ctl start failed: ", start.output, log_text));
  }
  started_ = true;
  return absl::OkStatus();
}

void PostgresServer::Stop() {
  if (started_) {
    RunCommand(StrCat(AsServerUser(), kBinDir, "/pg_ctl -D ", ShellQuote(dir_ + "/data"),
                      " -m immediate -w stop"));
    started_ = false;
  }
  if (!dir_.empty()) {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
    dir_.clear();
  }
}

std::string PostgresServer::ConnectionString(const std::string& database) const {
  return StrCat("host=", dir_, " port=", port_, " dbname=", database, " user=postgres");
}

std::string PostgresServer::ConnectionUri(const std::string& database) const {
  return StrCat("postgresql://postgres@/", database, "?host=", ReplaceAll(dir_, "/", "%2F"),
                "&port=", port_);
}

absl::StatusOr<std::string> PostgresServer::CreateDatabase(std::string_view prefix) {
  std::string name = StrCat(prefix, "_", next_database_++);
  absl::Status created = RunSql("postgres", StrCat("create database ", name, " template template0"));
  if (!created.ok()) return created;
  return name;
}

absl::Status PostgresServer::DropDatabase(const std::string& database) {
  return RunSql("postgres", StrCat("drop database if exists ", database, " with (force)"));
}

absl::Status PostgresServer::RunSqlFile(const std::string& database, const std::string& path) const {
  CommandResult result =
      RunCommand(StrCat(kBinDir, "/psql -X -q -v ON_ERROR_STOP=1 ",
                        ShellQuote(ConnectionString(database)), " -f ", ShellQuote(path)));
  if (result.exit_code != 0) return absl::InvalidArgumentError(result.output);
  return absl::OkStatus();
}

absl::Status PostgresServer::RunSql(const std::string& database, std::string_view sql) const {
  std::string path = StrCat(dir_, "/statement-", getpid(), ".sql");
  std::ofstream(path, std::ios::binary) << sql;
  absl::Status status = RunSqlFile(database, path);
  fs::remove(path);
  return status;
}

absl::StatusOr<std::string> PostgresServer::Query(const std::string& database,
                                                  std::string_view sql) const {
  std::string path = StrCat(dir_, "/query-", getpid(), ".sql");
  std::ofstream(path, std::ios::binary) << sql;
  CommandResult result =
      RunCommand(StrCat(kBinDir, "/psql -X -q -A -t -v ON_ERROR_STOP=1 ",
                        ShellQuote(ConnectionString(database)), " -f ", ShellQuote(path)));
  fs::remove(path);
  if (result.exit_code != 0) return absl::InvalidArgumentError(result.output);
  return result.output;
}

absl::StatusOr<std::string> PostgresServer::DumpSchema(const std::string& database) const {
  CommandResult result = RunCommand(
      StrCat(kBinDir, "/pg_dump --schema-only ", ShellQuote(ConnectionString(database))));
  if (result.exit_code != 0) return absl::InternalError(result.output);
  return result.output;
}

}  // namespace pgdrift::testing
