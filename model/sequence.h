// Sequence: a pg_sequence entry with all its options made explicit (PostgreSQL fills in
// minvalue, maxvalue and start from the type and the increment's sign), and the column
// that owns it (serial, identity or OWNED BY).
#ifndef PGDRIFT_MODEL_SEQUENCE_H_
#define PGDRIFT_MODEL_SEQUENCE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "model/lineage.h"
#include "model/object_id.h"
#include "model/privileges.h"
#include "model/type_ref.h"

namespace pgdrift::model {

// The column a sequence is owned by (pg_depend 'a' for OWNED BY / serial, 'i' for
// identity columns).
struct SequenceOwner {
  QualifiedName table;
  std::string column;
  friend bool operator==(const SequenceOwner&, const SequenceOwner&) = default;
};

struct Sequence {
  QualifiedName name;
  TypeRef data_type = TypeRef::Builtin("bigint");
  int64_t start = 1;
  int64_t increment = 1;
  int64_t min_value = 1;
  int64_t max_value = INT64_MAX;
  int64_t cache = 1;
  bool cycle = false;
  bool unlogged = false;
  std::optional<SequenceOwner> owned_by;
  bool identity = false;  // the sequence of an identity column (internal dependency)
  std::string owner;
  std::string comment;
  std::optional<Acl> privileges;  // relacl; nullopt = acldefault (the owner alone)
  Lineage lineage;
};

// The options of a CREATE/ALTER SEQUENCE or identity clause, each only when written.
struct SequenceOptions {
  std::optional<TypeRef> data_type;
  std::optional<int64_t> start;
  std::optional<int64_t> restart;  // RESTART: no lasting effect on the model
  std::optional<int64_t> increment;
  std::optional<std::optional<int64_t>> min_value;  // inner nullopt = NO MINVALUE
  std::optional<std::optional<int64_t>> max_value;  // inner nullopt = NO MAXVALUE
  std::optional<int64_t> cache;
  std::optional<bool> cycle;
  // OWNED BY: inner nullopt = OWNED BY NONE.
  std::optional<std::optional<SequenceOwner>> owned_by;
  // Identity: SEQUENCE NAME as written; an empty schema means the table's schema
  // (generateSerialExtraStmts in parse_utilcmd.c).
  std::optional<QualifiedName> sequence_name;
};

// Applies `options` to `sequence` as CREATE SEQUENCE (creating = true) or ALTER
// SEQUENCE does: bounds follow the type and the increment's sign unless given, and
// start follows the lower (or upper) bound. Returns an error message, or "" when valid.
std::string ApplySequenceOptions(const SequenceOptions& options, bool creating, Sequence* sequence);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_SEQUENCE_H_
