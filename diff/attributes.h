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
// A view's or materialized view's attributes: `materialized`, `columns` (output names in
// order), `query` (canonical text), `options` (reloptions), `populated`, `tablespace`,
// `access_method`, `column_comments` and `column_privileges` ("column: …" each),
// `comment`, `privileges`, `owner`. Column types are not modelled: they follow from
// the query and the relations it reads, which are compared themselves.
Attributes ViewAttributes(const model::View& view, const AttributeOptions& options);
// A policy's attributes (its table and name are its identity): `permissive`, `command`,
// `roles`, `using`, `with_check`, `depends_on` (identities of the relations and
// routines its expressions read), `comment`.
Attributes PolicyAttributes(const model::Policy& policy);
// A trigger's attributes (its relation and name are its identity). `events` lists
// insert, update, delete and truncate in the order pg_get_triggerdef prints them.
Attributes TriggerAttributes(const model::Trigger& trigger);

// A function or procedure: `procedure`, `arguments` (one "mode name type [DEFAULT expr]"
// text each, OUT and TABLE arguments included), `result`, `language`, `body`,
// `volatility`, `strict`, `security_definer`, `leakproof`, `parallel`, `cost`, `rows`,
// `config` ("name=value" each), `support`, `comment`, `privileges`, `owner`.
Attributes RoutineAttributes(const model::Routine& routine, const AttributeOptions& options);
// The `privileges` attribute of an object: its ACL (acldefault of `kind` and `owner` when
// never granted or revoked) as aclitem texts, sorted by grantee. The owner's own entry is
// left out when it holds every privilege, or always unless owners are compared: who owns
// an object is the `owner` attribute, and its implicit rights follow it.
// The `default_privileges` attribute of schema `schema` (ALTER DEFAULT PRIVILEGES,
// pg_default_acl): what a new object created there starts with, as one text per entry
// that applies — the entries IN SCHEMA `schema` and the global ones (which apply in every
// schema), e.g. "for role postgres in schema on tables: anon=arwdDxt" and
// "for role postgres on functions: postgres=X" (global, relative to acldefault).
Value DefaultPrivilegesValue(const model::DefaultAcls& acls, const std::string& schema);
Value PrivilegesValue(const std::optional<model::Acl>& acl, model::AclObjectKind kind,
                      const std::string& owner, const AttributeOptions& options);

}  // namespace pgdrift::diff

#endif  // PGDRIFT_DIFF_ATTRIBUTES_H_
