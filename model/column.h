// Column: one attribute of a table, with every property pg_attribute and pg_attrdef keep.
//
// Expressions (default, generated) hold the canonicalizer's text. Position is the order
// in Table::columns, not part of the identity.
#ifndef PGDRIFT_MODEL_COLUMN_H_
#define PGDRIFT_MODEL_COLUMN_H_

#include <map>
#include <optional>
#include <string>

#include "model/lineage.h"
#include "model/privileges.h"
#include "model/type_ref.h"

namespace pgdrift::model {

// pg_attribute.attidentity.
enum class IdentityKind { kNone, kAlways, kByDefault };

struct Column {
  std::string name;
  TypeRef type;
  std::string collation;  // qualified collation name when not the type's default, e.g. `pg_catalog."C"`
  bool not_null = false;
  std::optional<std::string> default_expr;  // canonical; absent for identity columns
  IdentityKind identity = IdentityKind::kNone;
  std::optional<std::string> generated_expr;  // GENERATED ALWAYS AS (…) STORED
  int statistics_target = -1;                 // SET STATISTICS; -1 = default
  std::string storage;                        // SET STORAGE when not the type's default
  std::string compression;                    // SET COMPRESSION (pglz, lz4) when set
  std::map<std::string, std::string> options;  // SET (n_distinct = …)
  int inherit_count = 0;                       // pg_attribute.attinhcount
  bool is_local = true;                        // pg_attribute.attislocal
  std::string comment;
  std::optional<Acl> privileges;  // attacl: column-level GRANTs; nullopt = none
  Lineage lineage;
};

// Returns "always", "by default" or "".
std::string_view IdentityName(IdentityKind kind);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_COLUMN_H_
