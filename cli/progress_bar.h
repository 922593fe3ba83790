// ProgressBar: one line on a terminal, redrawn in place with a carriage return, that shows
// how many of a known number of tasks are done and the name of the last one:
//   checking databases [########------------] 3/8  prod-eu
// It is only ever drawn on a terminal (callers pass no stream otherwise), so CI logs stay
// clean. Thread-safe: concurrent workers may report completions.
#ifndef PGDRIFT_CLI_PROGRESS_BAR_H_
#define PGDRIFT_CLI_PROGRESS_BAR_H_

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

#include "cli/terminal.h"

namespace pgdrift::cli {

class ProgressBar {
 public:
  // A bar for `total` tasks described by `title`; draws nothing when `out` is null.
  ProgressBar(const Output* out, std::string_view title, size_t total);
  // Clears the line if it is still drawn.
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Draws the bar with nothing done yet.
  void Start();
  // Counts one more task done and redraws the bar with `name` after the count.
  void Done(std::string_view name);
  // Erases the bar and returns the cursor to the start of the line.
  void Clear();

  // The text of the bar (no carriage return, no padding) for `done` of `total` tasks.
  static std::string Render(std::string_view title, size_t done, size_t total,
                            std::string_view name, bool color);

 private:
  void DrawLocked(std::string_view name);

  const Output* out_;
  std::string title_;
  size_t total_;
  size_t done_ = 0;
  size_t drawn_width_ = 0;  // columns of the line drawn last; 0 when none is shown
  std::mutex mutex_;
};

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_PROGRESS_BAR_H_
