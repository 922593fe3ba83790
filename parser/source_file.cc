#include "parser/source_file.h"

#include <fstream>
#include <sstream>

#include "base/strings.h"

namespace pgdrift::parser {

SourceSpan SourceFile::SpanAt(int offset, int length) const {
  SourceSpan span;
  span.file = path;
  span.offset = offset;
  span.length = length;
  LineAndColumn(text, offset, &span.line, &span.column);
  return span;
}

absl::StatusOr<SourceFile> ReadSourceFile(const std::string& path,
                                          const std::string& display_path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(StrCat(path, ": cannot open file"));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return absl::DataLossError(StrCat(path, ": cannot read file"));
  return SourceFile{display_path.empty() ? path : display_path, contents.str()};
}

}  // namespace pgdrift::parser
