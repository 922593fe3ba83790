#include "model/internal/namespaces.h"

#include "base/identifier.h"
#include "base/strings.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {

bool IsCompositeType(const Catalog& catalog, const QualifiedName& name) {
  auto it = catalog.types.find(name);
  return it != catalog.types.end() && it->second.kind == UserTypeKind::kComposite;
}

bool RelationNameTaken(const Catalog& catalog, const QualifiedName& name) {
  return catalog.RelationKindOf(name).has_value() || IsCompositeType(catalog, name);
}

const UserType* RangeOfMultirange(const Catalog& catalog, const QualifiedName& name) {
  for (auto it = catalog.types.lower_bound({name.schema, ""});
       it != catalog.types.end() && it->first.schema == name.schema; ++it) {
    const UserType& type = it->second;
    if (type.kind != UserTypeKind::kRange) continue;
    const std::string multirange =
        type.multirange_name.empty() ? MultirangeTypeName(type.name.name) : type.multirange_name;
    if (multirange == name.name) return &type;
  }
  return nullptr;
}

bool TypeNameTaken(const Catalog& catalog, const QualifiedName& name) {
  return catalog.types.contains(name) || catalog.domains.contains(name) ||
         catalog.tables.contains(name) || catalog.views.contains(name) ||
         RangeOfMultirange(catalog, name) != nullptr;
}

std::string MultirangeTypeName(const std::string& range_name) {
  constexpr size_t kMaxNameBytes = 63;  // NAMEDATALEN - 1
  // Cuts `text` to at most `bytes` bytes without splitting a UTF-8 sequence
  // (pg_mbcliplen).
  auto clip = [](std::string text, size_t bytes) {
    if (text.size() <= bytes) return text;
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
    text.resize(bytes);
    return text;
  };
  std::string::size_type at = range_name.find("range");
  if (at == std::string::npos) {
    // Only NAMEDATALEN - 12 bytes of the range's name precede the suffix.
    return clip(clip(range_name, kMaxNameBytes - 11) + "_multirange", kMaxNameBytes);
  }
  std::string name = range_name;
  name.insert(at, "multi");
  return clip(name, kMaxNameBytes);
}

std::optional<QualifiedName> ResolveAnyType(const Catalog& catalog, const QualifiedName& name) {
  return catalog.SearchPath(name, [&catalog](const QualifiedName& candidate) {
    return TypeNameTaken(catalog, candidate);
  });
}

bool RelationIsVisible(const Catalog& catalog, const QualifiedName& name) {
  std::optional<QualifiedName> found = catalog.SearchPath(
      {"", name.name},
      [&catalog](const QualifiedName& candidate) { return RelationNameTaken(catalog, candidate); });
  return found.has_value() && *found == name;
}

bool TypeIsVisible(const Catalog& catalog, const QualifiedName& name) {
  std::optional<QualifiedName> found = ResolveAnyType(catalog, {"", name.name});
  return found.has_value() && *found == name;
}

std::string FormatTypeName(const Catalog& catalog, const QualifiedName& name) {
  if (TypeIsVisible(catalog, name)) return QuoteIdent(name.name);
  return QuoteQualified(name.schema, name.name);
}

std::string RelationDisplayName(const Catalog& catalog, const QualifiedName& name) {
  if (RelationIsVisible(catalog, name)) return QuoteIdent(name.name);
  return QuoteQualified(name.schema, name.name);
}

namespace {

// System schemas exist although the catalog does not model them.
bool SchemaKnown(const Catalog& catalog, const std::string& schema) {
  return catalog.schemas.contains(schema) || schema == "pg_catalog" ||
         schema == "information_schema";
}

}  // namespace

std::string MissingRelationMessage(const Catalog& catalog, const QualifiedName& written) {
  if (!written.schema.empty() && !SchemaKnown(catalog, written.schema)) {
    return StrCat("schema \"", written.schema, "\" does not exist");
  }
  return StrCat("relation \"", WrittenName(written), "\" does not exist");
}

std::string MissingTypeMessage(const Catalog& catalog, const QualifiedName& written) {
  if (!written.schema.empty() && !SchemaKnown(catalog, written.schema)) {
    return StrCat("schema \"", written.schema, "\" does not exist");
  }
  return StrCat("type \"", WrittenName(written), "\" does not exist");
}

}  // namespace pgdrift::model::internal
