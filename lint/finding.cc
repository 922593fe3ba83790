#include "lint/finding.h"

#include <tuple>

namespace pgdrift::lint {

bool FindingBefore(const Finding& a, const Finding& b) {
  auto key = [](const Finding& f) {
    return std::tie(f.span.file, f.span.line, f.span.column, f.rule, f.object, f.message);
  };
  if (a.span.known() != b.span.known()) return a.span.known();
  return key(a) < key(b);
}

}  // namespace pgdrift::lint
