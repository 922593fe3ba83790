#include "model/implicit_names.h"

#include <algorithm>

#include "base/strings.h"

namespace pgdrift::model {
namespace {

// NAMEDATALEN: the buffer size PostgreSQL's name routines work with.
constexpr size_t kNameDataLen = kMaxIdentifierBytes + 1;

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool RelationNameTaken(const Catalog& catalog, const std::string& schema, const std::string& name,
                       bool is_constraint) {
  if (catalog.RelationKindOf({schema, name}).has_value()) return true;
  // A composite type has a pg_class entry (relkind 'c') of its own name.
  auto type = catalog.types.find({schema, name});
  if (type != catalog.types.end() && type->second.kind == UserTypeKind::kComposite) return true;
  return is_constraint && catalog.ConstraintNameExists(schema, name);
}

}  // namespace

size_t ClipLength(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text.size();
  size_t length = limit;
  // Back up to the start of the character that the limit cuts.
  while (length > 0 && IsUtf8Continuation(text[length])) --length;
  return length;
}

std::string MakeObjectName(std::string_view name1, std::string_view name2, std::string_view label) {
  size_t overhead = 0;  // bytes for the label and the underscores
  size_t name1_bytes = name1.size();
  size_t name2_bytes = name2.size();
  if (!name2.empty()) ++overhead;
  if (!label.empty()) overhead += label.size() + 1;
  size_t available = overhead < kMaxIdentifierBytes ? kMaxIdentifierBytes - overhead : 0;

  // Shorten the longer name first, one byte at a time, as makeObjectName's loop does.
  while (name1_bytes + name2_bytes > available) {
    if (name1_bytes > name2_bytes) {
      --name1_bytes;
    } else {
      --name2_bytes;
    }
  }
  name1_bytes = ClipLength(name1, name1_bytes);
  name2_bytes = ClipLength(name2, name2_bytes);

  std::string name(name1.substr(0, name1_bytes));
  if (!name2.empty()) StrAppend(&name, "_", name2.substr(0, name2_bytes));
  if (!label.empty()) StrAppend(&name, "_", label);
  return name;
}

std::string ChooseRelationName(const Catalog& catalog, const std::string& schema,
                               std::string_view name1, std::string_view name2,
                               std::string_view label, bool is_constraint) {
  std::string modified_label(label);
  for (int pass = 1;; ++pass) {
    std::string name = MakeObjectName(name1, name2, modified_label);
    if (!RelationNameTaken(catalog, schema, name, is_constraint)) return name;
    modified_label = StrCat(label, pass);
  }
}

std::string ChooseConstraintName(const Catalog& catalog, const std::string& schema,
                                 std::string_view name1, std::string_view name2,
                                 std::string_view label, const std::vector<std::string>& others) {
  std::string modified_label(label);
  for (int pass = 1;; ++pass) {
    std::string name = MakeObjectName(name1, name2, modified_label);
    bool taken = std::find(others.begin(), others.end(), name) != others.end() ||
                 catalog.ConstraintNameExists(schema, name);
    if (!taken) return name;
    modified_label = StrCat(label, pass);
  }
}

std::vector<std::string> ChooseIndexColumnNames(const std::vector<std::string>& hints) {
  std::vector<std::string> result;
  for (const std::string& hint : hints) {
    const std::string original = hint.empty() ? "expr" : hint;
    std::string current = original;
    for (int i = 1; std::find(result.begin(), result.end(), current) != result.end(); ++i) {
      std::string suffix = std::to_string(i);
      size_t keep = ClipLength(original, kMaxIdentifierBytes - suffix.size());
      current = StrCat(std::string_view(original).substr(0, keep), suffix);
    }
    result.push_back(std::move(current));
  }
  return result;
}

std::string ChooseNameAddition(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) {
    if (!text.empty()) text.push_back('_');
    // strlcpy(…, NAMEDATALEN) copies at most 63 bytes of each name.
    text.append(name.substr(0, kMaxIdentifierBytes));
    if (text.size() >= kNameDataLen) break;
  }
  return text;
}

std::string ChooseIndexName(const Catalog& catalog, const std::string& schema,
                            std::string_view table, const std::vector<std::string>& column_names,
                            IndexNameKind kind) {
  switch (kind) {
    case IndexNameKind::kPrimaryKey:
      // The primary key's name does not depend on its columns.
      return ChooseRelationName(catalog, schema, table, "", "pkey", /*is_constraint=*/true);
    case IndexNameKind::kExclusion:
      return ChooseRelationName(catalog, schema, table, ChooseNameAddition(column_names), "excl",
                                /*is_constraint=*/true);
    case IndexNameKind::kConstraint:
      return ChooseRelationName(catalog, schema, table, ChooseNameAddition(column_names), "key",
                                /*is_constraint=*/true);
    case IndexNameKind::kIndex:
      return ChooseRelationName(catalog, schema, table, ChooseNameAddition(column_names), "idx",
                                /*is_constraint=*/false);
  }
  return "";
}

std::string ChooseCheckConstraintName(const Catalog& catalog, const std::string& schema,
                                      std::string_view table,
                                      const std::vector<std::string>& referenced_columns,
                                      const std::vector<std::string>& others) {
  std::vector<std::string> distinct;
  for (const std::string& column : referenced_columns) {
    if (std::find(distinct.begin(), distinct.end(), column) == distinct.end()) {
      distinct.push_back(column);
    }
  }
  std::string column = distinct.size() == 1 ? distinct.front() : "";
  return ChooseConstraintName(catalog, schema, table, column, "check", others);
}

std::string ChooseForeignKeyName(const Catalog& catalog, const std::string& schema,
                                 std::string_view table, const std::vector<std::string>& columns) {
  return ChooseConstraintName(catalog, schema, table, ChooseNameAddition(columns), "fkey");
}

std::string ChooseSequenceName(const Catalog& catalog, const std::string& schema,
                               std::string_view table, std::string_view column) {
  return ChooseRelationName(catalog, schema, table, column, "seq");
}

}  // namespace pgdrift::model
