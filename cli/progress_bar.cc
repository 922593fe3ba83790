#include "cli/progress_bar.h"

#include <algorithm>
#include <ostream>

#include "base/strings.h"

namespace pgdrift::cli {
namespace {

constexpr size_t kBarWidth = 20;
// Longer names are cut so that the line fits an 80-column terminal.
constexpr size_t kNameWidth = 32;

// The number of terminal columns `text` takes (UTF-8 continuation bytes take none).
size_t Columns(std::string_view text) {
  size_t columns = 0;
  for (char c : text) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return columns;
}

// `name` cut to kNameWidth code points, with "…" when cut.
std::string Shorten(std::string_view name) {
  if (Columns(name) <= kNameWidth) return std::string(name);
  std::string out;
  size_t columns = 0;
  for (char c : name) {
    bool starts_code_point = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts_code_point && ++columns > kNameWidth - 1) break;
    out.push_back(c);
  }
  return out + "…";
}

}  // namespace

ProgressBar::ProgressBar(const Output* out, std::string_view title, size_t total)
    : out_(out), title_(title), total_(total) {}

ProgressBar::~ProgressBar() { Clear(); }

std::string ProgressBar::Render(std::string_view title, size_t done, size_t total,
                                std::string_view name, bool color) {
  size_t filled = total == 0 ? kBarWidth : std::min(kBarWidth, done * kBarWidth / total);
  std::string hashes(filled, '#');
  if (color && filled > 0) hashes = Output{nullptr, true}.Paint("36", hashes);
  std::string line =
      StrCat(title, " [", hashes, std::string(kBarWidth - filled, '-'), "] ", done, "/", total);
  if (!name.empty()) StrAppend(&line, "  ", Shorten(name));
  return line;
}

void ProgressBar::Start() {
  if (out_ == nullptr) return;
  std::lock_guard<std::mutex> lock(mutex_);
  DrawLocked("");
}

void ProgressBar::Done(std::string_view name) {
  if (out_ == nullptr) return;
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  DrawLocked(name);
}

void ProgressBar::Clear() {
  if (out_ == nullptr) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (drawn_width_ == 0) return;
  *out_->stream << '\r' << std::string(drawn_width_, ' ') << '\r' << std::flush;
  drawn_width_ = 0;
}

void ProgressBar::DrawLocked(std::string_view name) {
  // Measured without colour codes, which take no columns.
  size_t width = Columns(Render(title_, done_, total_, name, false));
  std::string line = Render(title_, done_, total_, name, out_->color);
  // Spaces cover what a longer earlier line left behind.
  std::string padding(drawn_width_ > width ? drawn_width_ - width : 0, ' ');
  *out_->stream << '\r' << line << padding << std::flush;
  drawn_width_ = width;
}

}  // namespace pgdrift::cli
