// Domain: CREATE DOMAIN — a base type with default, NOT NULL, collation and named CHECK
// constraints. Domains share the type namespace with UserType.
#ifndef PGDRIFT_MODEL_DOMAIN_H_
#define PGDRIFT_MODEL_DOMAIN_H_

#include <map>
#include <optional>
#include <string>

#include "model/lineage.h"
#include "model/object_id.h"
#include "model/privileges.h"
#include "model/type_ref.h"

namespace pgdrift::model {

struct DomainCheck {
  std::string name;
  std::string expression;  // canonical, VALUE refers to the domain value
  bool validated = true;
  friend bool operator==(const DomainCheck&, const DomainCheck&) = default;
};

struct Domain {
  QualifiedName name;
  TypeRef base_type;
  std::string collation;
  std::optional<std::string> default_expr;
  bool not_null = false;
  std::map<std::string, DomainCheck> checks;  // by constraint name
  std::string owner;
  std::string comment;
  std::optional<Acl> privileges;  // typacl; nullopt = acldefault (owner + PUBLIC USAGE)
  Lineage lineage;
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_DOMAIN_H_
