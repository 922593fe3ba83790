// FindAlteredType: the type or domain that ALTER TYPE / ALTER DOMAIN … RENAME TO or
// SET SCHEMA names, with the checks RenameType and AlterTypeNamespace (typecmds.c) make
// before either changes anything.
#ifndef PGDRIFT_MODEL_INTERNAL_ALTERED_TYPE_H_
#define PGDRIFT_MODEL_INTERNAL_ALTERED_TYPE_H_

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "model/internal/apply_context.h"

namespace pgdrift::model::internal {

// Resolves `written`; an error when it is missing (or nullopt after a notice under
// IF EXISTS), when ALTER DOMAIN names a type that is not a domain, when it is a table's
// row type, or (kUnimplemented, `action` e.g. "renaming") when it is a multirange type.
absl::StatusOr<std::optional<QualifiedName>> FindAlteredType(const QualifiedName& written,
                                                             ObjectKind kind, bool if_exists,
                                                             std::string_view action,
                                                             ApplyContext& ctx);

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_ALTERED_TYPE_H_
