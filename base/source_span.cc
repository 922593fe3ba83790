#include "base/source_span.h"

#include <algorithm>

#include "base/strings.h"


namespace pgdrift {
namespace {

// UTF-8 continuation bytes look like 10xxxxxx.
bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string SourceSpan::ToString() const {
  if (file.empty()) return "";
  if (line <= 0) return file;
  return StrCat(file, ":", line, ":", column);
}

void LineAndColumn(std::string_view text, int byte_offset, int* line, int* column) {
  int end = std::clamp(byte_offset, 0, static_cast<int>(text.size()));
  int current_line = 1;
  int current_column = 1;
  for (int i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++current_line;
      current_column = 1;
    } else if (!IsContinuationByte(text[i])) {
      ++current_column;
    }
  }
  *line = current_line;
  *column = current_column;
}

int ByteOffsetOfCharIndex(std::string_view text, int char_index) {
  int seen = -1;
  for (int i = 0; i < static_cast<int>(text.size()); ++i) {
    if (!IsContinuationByte(text[i]) && ++seen == char_index) return i;
  }
  return static_cast<int>(text.size());
}

}  // namespace pgdrift
