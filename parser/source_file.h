// SourceFile: the text of one SQL file (a migration or a dump) and how to turn byte
// offsets in it into SourceSpans.
#ifndef PGDRIFT_PARSER_SOURCE_FILE_H_
#define PGDRIFT_PARSER_SOURCE_FILE_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "base/source_span.h"

namespace pgdrift::parser {

struct SourceFile {
  std::string path;  // as shown in messages
  std::string text;

  // The span of `length` bytes at `offset`, with line and column computed.
  SourceSpan SpanAt(int offset, int length) const;
};

// Reads the file at `path`; `display_path` (default: `path`) is what messages show.
[[nodiscard]] absl::StatusOr<SourceFile> ReadSourceFile(const std::string& path,
                                                        const std::string& display_path = "");

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_SOURCE_FILE_H_
