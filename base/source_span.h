// SourceSpan: where a piece of SQL came from (file, 1-based line and column, byte range).
//
// Every mutation and model object carries the span of the statement that last defined
// or changed it. Columns count code points, not bytes, as editors and compilers do.
#ifndef PGDRIFT_BASE_SOURCE_SPAN_H_
#define PGDRIFT_BASE_SOURCE_SPAN_H_

#include <compare>
#include <string>

namespace pgdrift {

struct SourceSpan {
  std::string file;  // as given on the command line or found in a directory
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based, in code points; 0 when unknown
  int offset = -1;   // byte offset into the file; -1 when unknown
  int length = 0;    // bytes

  // Whether the span names a place in a file.
  bool known() const { return !file.empty() && line > 0; }

  // "path:line:col", or "path" when no line is known, or "" when nothing is.
  std::string ToString() const;

  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
  friend auto operator<=>(const SourceSpan&, const SourceSpan&) = default;
};

// Finds the 1-based line and code-point column of `byte_offset` in `text`.
// Offsets past the end land on the last position.
void LineAndColumn(std::string_view text, int byte_offset, int* line, int* column);

// The byte offset of the code point with 0-based index `char_index` in `text`
// (libpg_query reports error positions as 1-based character indexes).
int ByteOffsetOfCharIndex(std::string_view text, int char_index);

}  // namespace pgdrift

#endif  // PGDRIFT_BASE_SOURCE_SPAN_H_
