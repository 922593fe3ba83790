// UserType: a type created with CREATE TYPE — enum (labels in sort order), composite
// (attributes) or range (subtype). Identity: schema + name (the type namespace).
#ifndef PGDRIFT_MODEL_USER_TYPE_H_
#define PGDRIFT_MODEL_USER_TYPE_H_

#include <string>
#include <vector>

#include "model/lineage.h"
#include "model/object_id.h"
#include "model/privileges.h"
#include "model/type_ref.h"

namespace pgdrift::model {

enum class UserTypeKind { kEnum, kComposite, kRange };

struct CompositeAttribute {
  std::string name;
  TypeRef type;
  std::string collation;
  friend bool operator==(const CompositeAttribute&, const CompositeAttribute&) = default;
};

struct UserType {
  QualifiedName name;
  UserTypeKind kind = UserTypeKind::kEnum;
  std::vector<std::string> enum_values;         // enum, in enumsortorder
  std::vector<CompositeAttribute> attributes;  // composite
  TypeRef range_subtype;                        // range
  std::string range_subtype_opclass;
  std::string range_collation;
  std::string range_canonical;
  std::string range_subtype_diff;
  std::string multirange_name;
  std::string owner;
  std::string comment;
  std::optional<Acl> privileges;  // typacl; nullopt = acldefault (owner + PUBLIC USAGE)
  Lineage lineage;
};

// Returns "enum", "composite" or "range".
std::string_view UserTypeKindName(UserTypeKind kind);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_USER_TYPE_H_
