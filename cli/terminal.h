// Terminal: where output goes and whether it may be coloured (only on a terminal,
// never when NO_COLOR is set, always with --color=always).
#ifndef PGDRIFT_CLI_TERMINAL_H_
#define PGDRIFT_CLI_TERMINAL_H_

#include <ostream>
#include <string>
#include <string_view>

namespace pgdrift::cli {

enum class ColorMode { kAuto, kAlways, kNever };

// An output stream and whether to colour what goes to it.
struct Output {
  std::ostream* stream;
  bool color = false;

  // `text` wrapped in the ANSI code `code` (e.g. "31" red, "1" bold) when colouring.
  std::string Paint(std::string_view code, std::string_view text) const;
};

// Whether file descriptor `fd` should be coloured under `mode` (isatty, NO_COLOR, TERM=dumb).
bool ShouldColor(ColorMode mode, int fd);

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_TERMINAL_H_
