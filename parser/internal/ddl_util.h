// Functions shared by the DDL transforms: SQL names of parse-tree object types, the model
// kind they map to, role specifications, option-list checks, identifier lists as
// SplitIdentifierString reads them, and temporary edits of parse trees (to qualify the
// names of CREATE SCHEMA elements, to rename names inside expressions).
#ifndef PGDRIFT_PARSER_INTERNAL_DDL_UTIL_H_
#define PGDRIFT_PARSER_INTERNAL_DDL_UTIL_H_

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "model/catalog.h"
#include "model/object_kind.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser::internal {

// The SQL words for an object type as statements spell it: "TABLE", "MATERIALIZED VIEW",
// "EVENT TRIGGER", "FUNCTION" …
std::string ObjectTypeSql(PgQuery__ObjectType object_type);

// The model kind of the object types pgdrift models as objects of their own (schema,
// extension, type, domain, sequence, table, index, view, materialized view); nullopt
// for the others.
std::optional<model::ObjectKind> ModelledKind(PgQuery__ObjectType object_type);

// The role a RoleSpec names: the name, or the catalog's current user for CURRENT_USER,
// CURRENT_ROLE and SESSION_USER. PUBLIC is no role (`role "public" does not exist`).
[[nodiscard]] absl::StatusOr<std::string> RoleName(const PgQuery__RoleSpec* role_spec,
                                                   const model::Catalog& catalog);

// kType, or kDomain when `name` resolves to a domain (ALTER TYPE, COMMENT ON TYPE and
// DROP TYPE accept domains too).
model::ObjectKind TypeOrDomainKind(const model::QualifiedName& name, const model::Catalog& catalog);

// "conflicting or redundant options" (errorConflictingDefElem) when `name` was seen
// before; records it otherwise.
[[nodiscard]] absl::Status CheckNotRepeated(std::string_view name, std::vector<std::string>* seen);

// Points string fields of a parse tree at other text for a while: each edited field is
// restored when Restore() runs or the object is destroyed, so the tree's own allocation
// is what protobuf-c frees. Must not outlive the tree.
class StringEdits {
 public:
  StringEdits() = default;
  ~StringEdits() { Restore(); }
  StringEdits(const StringEdits&) = delete;
  StringEdits& operator=(const StringEdits&) = delete;

  // Points `*field` at a copy of `value` kept by this object.
  void Set(char** field, std::string value);
  // Puts every edited field back as it was.
  void Restore();

 private:
  std::deque<std::string> storage_;
  std::vector<std::pair<char**, char*>> originals_;
};

// Splits `text` at `separator` as SplitIdentifierString (varlena.c) does: blanks around
// names are skipped, "quoted" names keep their case (with "" for a quote), unquoted ones
// are folded to lower case; names are cut to 63 bytes. nullopt on invalid syntax (an
// unterminated quote, an empty unquoted name).
std::optional<std::vector<std::string>> SplitIdentifiers(std::string_view text, char separator);

// An owned, editable deep copy of a parse node (pack + unpack).
class NodeCopy {
 public:
  explicit NodeCopy(const PgQuery__Node& node);
  ~NodeCopy();
  NodeCopy(const NodeCopy&) = delete;
  NodeCopy& operator=(const NodeCopy&) = delete;

  // The copy; nullptr when the node could not be copied.
  PgQuery__Node* node() { return node_; }
  // Edits of the copy's strings, undone before the copy is freed.
  StringEdits& edits() { return edits_; }

 private:
  PgQuery__Node* node_ = nullptr;
  StringEdits edits_;
};

}  // namespace pgdrift::parser::internal

#endif  // PGDRIFT_PARSER_INTERNAL_DDL_UTIL_H_
