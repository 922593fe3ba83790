#include "cli/terminal.h"

#include <unistd.h>

#include <cstdlib>

#include "base/strings.h"

namespace pgdrift::cli {

std::string Output::Paint(std::string_view code, std::string_view text) const {
  if (!color) return std::string(text);
  return StrCat("\x1b[", code, "m", text, "\x1b[0m");
}

bool ShouldColor(ColorMode mode, int fd) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto: {
      const char* no_color = std::getenv("NO_COLOR");
      if (no_color != nullptr && *no_color != '\0') return false;
      const char* term = std::getenv("TERM");
      if (term != nullptr && std::string_view(term) == "dumb") return false;
      return isatty(fd) == 1;
    }
  }
  return false;
}

}  // namespace pgdrift::cli
