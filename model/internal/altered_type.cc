#include "model/internal/altered_type.h"

#include "base/strings.h"
#include "model/internal/namespaces.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {

absl::StatusOr<std::optional<QualifiedName>> FindAlteredType(const QualifiedName& written,
                                                             ObjectKind kind, bool if_exists,
                                                             std::string_view action,
                                                             ApplyContext& ctx) {
  const Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> found = ResolveAnyType(catalog, written);
  if (!found.has_value()) {
    if (if_exists) {
      ctx.Notice(StrCat("type \"", WrittenName(written), "\" does not exist, skipping"));
      return std::optional<QualifiedName>();
    }
    return ctx.Error(absl::StatusCode::kNotFound, MissingTypeMessage(catalog, written));
  }
  const bool is_domain = catalog.domains.contains(*found);
  if (kind == ObjectKind::kDomain && !is_domain) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat(FormatTypeName(catalog, *found), " is not a domain"));
  }
  if (catalog.tables.contains(*found)) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat(FormatTypeName(catalog, *found),
                            " is a table's row type\nHINT:  Use ALTER TABLE instead."));
  }
  if (!is_domain && !catalog.types.contains(*found)) {
    return absl::UnimplementedError(StrCat(action, " a multirange type is not modelled"));
  }
  return found;
}

}  // namespace pgdrift::model::internal
