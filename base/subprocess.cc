#include "base/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "base/strings.h"

extern char** environ;

namespace pgdrift {
namespace {

// A pipe whose ends close themselves.
class Pipe {
 public:
  Pipe() {
    if (pipe2(fds_.data(), O_CLOEXEC) != 0) fds_ = {-1, -1};
  }
  ~Pipe() {
    CloseRead();
    CloseWrite();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  bool valid() const { return fds_[0] >= 0; }
  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  void CloseRead() { Close(&fds_[0]); }
  void CloseWrite() { Close(&fds_[1]); }

 private:
  static void Close(int* fd) {
    if (*fd >= 0) close(*fd);
    *fd = -1;
  }
  std::array<int, 2> fds_;
};

bool IsExecutableFile(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::optional<std::string> FindExecutable(std::string_view name) {
  if (name.find('/') != std::string_view::npos) {
    std::string path(name);
    return IsExecutableFile(path) ? std::optional<std::string>(path) : std::nullopt;
  }
  const char* path_variable = std::getenv("PATH");
  std::string_view path = path_variable != nullptr ? path_variable : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    size_t colon = path.find(':');
    std::string_view directory = path.substr(0, colon);
    std::string candidate = StrCat(directory.empty() ? "." : directory, "/", name);
    if (IsExecutableFile(candidate)) return candidate;
    if (colon == std::string_view::npos) return std::nullopt;
    path.remove_prefix(colon + 1);
  }
}

absl::StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& argv,
                                         const ProcessOptions& options) {
  if (argv.empty()) return absl::InvalidArgumentError("no program to run");
  std::optional<std::string> program = FindExecutable(argv[0]);
  if (!program) return absl::NotFoundError(StrCat(argv[0], ": not found on PATH"));

  Pipe input, output, error;
  if (!input.valid() || !output.valid() || !error.valid()) {
    return absl::InternalError(StrCat("cannot create pipes for ", argv[0], ": ", std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input.read_end(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, output.write_end(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, error.write_end(), STDERR_FILENO);
  if (!options.working_directory.empty()) {
    posix_spawn_file_actions_addchdir_np(&actions, options.working_directory.c_str());
  }
  std::vector<char*> arguments;
  for (const std::string& argument : argv) arguments.push_back(const_cast<char*>(argument.c_str()));
  arguments.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, program->c_str(), &actions, nullptr, arguments.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    return absl::InternalError(StrCat("cannot run ", argv[0], ": ", std::strerror(spawned)));
  }
  input.CloseRead();
  output.CloseWrite();
  error.CloseWrite();

  // Feed the input and drain both outputs together, so that a program writing much
  // output before reading its input cannot deadlock with us.
  ProcessResult result;
  std::string_view pending_input = options.input;
  if (pending_input.empty()) input.CloseWrite();
  if (input.write_end() >= 0) fcntl(input.write_end(), F_SETFL, O_NONBLOCK);
  struct sigaction ignore_pipe {}, previous_pipe {};
  ignore_pipe.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore_pipe, &previous_pipe);
  bool out_open = true, err_open = true;
  std::array<char, 65536> buffer;
  while (out_open || err_open || input.write_end() >= 0) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({output.read_end(), POLLIN, 0});
    if (err_open) fds.push_back({error.read_end(), POLLIN, 0});
    if (input.write_end() >= 0) fds.push_back({input.write_end(), POLLOUT, 0});
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (const pollfd& fd : fds) {
      if (fd.revents == 0) continue;
      if (fd.fd == input.write_end()) {
        ssize_t written = write(fd.fd, pending_input.data(), pending_input.size());
        if (written > 0) pending_input.remove_prefix(static_cast<size_t>(written));
        if (written < 0 && errno != EAGAIN && errno != EINTR) pending_input = {};
        if (pending_input.empty()) input.CloseWrite();
        continue;
      }
      ssize_t count = read(fd.fd, buffer.data(), buffer.size());
      if (count < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      bool is_out = fd.fd == output.read_end();
      if (count <= 0) {
        (is_out ? out_open : err_open) = false;
        continue;
      }
      (is_out ? result.out : result.err).append(buffer.data(), static_cast<size_t>(count));
    }
  }
  sigaction(SIGPIPE, &previous_pipe, nullptr);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace pgdrift
