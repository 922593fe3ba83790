// The comparable attributes of each object kind, as named values in a fixed order. diff
// compares two objects of the same identity attribute by attribute; the names are the
// `attribute` field of pgdrift.drift/v1 (`not_null`, `default`, `rls_enabled` …).
//
// Identity fields are not attributes, and neither is lineage (where an object came from
// is not drift). Ownership is included only when asked for.
#ifndef PGDRIFT_DIFF_ATTRIBUTES_H_
#define PGDRIFT_DIFF_ATTRIBUTES_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diff/value.h"
#include "model/catalog.h"
#include "model/privileges.h"

namespace pgdrift::diff {

using Attributes = std::vector<std::pair<std::string, Value>>;

struct AttributeOptions {
  bool compare_owners = false;
};

Attributes SchemaAttributes(const model::Schema& schema, const AttributeOptions& options);
Attributes ExtensionAttributes(const model::Extension& extension, const AttributeOptions& options);
Attributes UserTypeAttributes(const model::UserType& type, const AttributeOptions& options);
Attributes DomainAttributes(const model::Domain& domain, const AttributeOptions& options);
Attributes SequenceAttributes(const model::Sequence& sequence, const AttributeOptions& options);
// Table-level attributes only; columns and constraints are compared as objects of their own.
Attributes TableAttributes(const model::Table& table, const AttributeOptions& options);
// `position` is the column's 1-based place among the table's columns.
Attributes ColumnAttributes(const model::Column& column, int position);
Attributes ConstraintAttributes(const model::Constraint& constraint);
Attributes IndexAttributes(const model::Index& index);

// The `privileges` attribute of an object: its ACL (acldefault of `kind` and `owner` when
// never granted or revoked) as aclitem texts, sorted by grantee. The owner's own entry is
// left out when it holds every privilege, or always unless owners are compared: who owns
// an object is the `owner` attribute, and its implicit rights follow it.
Value PrivilegesValue(const std::optional<model::Acl>& acl, model::AclObjectKind kind,
                      const std::string& owner, const AttributeOptions& options);

}  // namespace pgdrift::diff

#endif  // PGDRIFT_DIFF_ATTRIBUTES_H_
