// Catalog: the schema model — every object of one database (or one replayed chain) in
// ordered containers keyed by identity, plus the session state replay needs
// (search_path, current user).
//
// Both sources (replayed migrations, introspected database) produce a Catalog; diff
// compares two of them. Containers are ordered so output never depends on hash order.
#ifndef PGDRIFT_MODEL_CATALOG_H_
#define PGDRIFT_MODEL_CATALOG_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/domain.h"
#include "model/index.h"
#include "model/object_id.h"
#include "model/privileges.h"
#include "model/routine.h"
#include "model/schema.h"
#include "model/sequence.h"
#include "model/table.h"
#include "model/user_type.h"
#include "model/view.h"

namespace pgdrift::model {

struct Catalog {
  std::map<std::string, Schema> schemas;
  std::map<std::string, Extension> extensions;
  std::map<QualifiedName, UserType> types;
  std::map<QualifiedName, Domain> domains;
  std::map<QualifiedName, Sequence> sequences;
  std::map<QualifiedName, Table> tables;
  std::map<QualifiedName, Index> indexes;
  std::map<QualifiedName, View> views;  // views and materialized views
  std::map<RoutineKey, Routine> routines;  // functions and procedures
  DefaultAcls default_privileges;  // ALTER DEFAULT PRIVILEGES
  std::set<std::string> roles;

  // Whether roles come from outside the source: a pg_dump file names roles it does not
  // create (they are cluster-wide, dumped by pg_dumpall --roles-only), so every role it
  // names counts as existing.
  bool roles_external = false;

  // Whether `role` exists (or may be assumed to, see roles_external).
  bool RoleExists(const std::string& role) const {
    return roles_external || roles.contains(role);
  }

  // Session state while replaying; not part of the schema and never compared.
  std::vector<std::string> search_path = {"$user", "public"};
  std::string current_user = "postgres";

  // The schema CREATE puts an unqualified object in: the first schema of search_path
  // that exists ("$user" meaning current_user), or "" when there is none.
  std::string CreationSchema() const;

  // `name` with its schema filled in for creation (unchanged when already qualified).
  // Leaves the schema empty when search_path names no existing schema.
  QualifiedName ForCreation(const QualifiedName& name) const;

  // The kind of the relation called `name` (schema required), if any: table, sequence,
  // index, view, materialized view.
  std::optional<ObjectKind> RelationKindOf(const QualifiedName& name) const;

  // Resolves a possibly unqualified relation name through search_path (pg_catalog is
  // not searched: it holds no user relations). Returns the qualified name if found.
  std::optional<QualifiedName> ResolveRelation(const QualifiedName& name) const;

  // Resolves a possibly unqualified user type or domain name through search_path.
  std::optional<QualifiedName> ResolveType(const QualifiedName& name) const;

  // Whether a type or domain called `name` (schema required) exists.
  bool TypeExists(const QualifiedName& name) const;

  // Whether the contents of `schema` belong to the platform profile
  // (model::Schema::contents_managed), so they are out of scope.
  bool IsManagedSchema(const std::string& schema) const;

  Table* FindTable(const QualifiedName& name);
  const Table* FindTable(const QualifiedName& name) const;

  // Whether any table or domain in `schema` has a constraint called `constraint_name`
  // (PostgreSQL avoids such names schema-wide when it chooses one).
  bool ConstraintNameExists(const std::string& schema, const std::string& constraint_name) const;

  // Looks `name` up through search_path (or as given when qualified) with `exists`.
  std::optional<QualifiedName> SearchPath(
      const QualifiedName& name, const std::function<bool(const QualifiedName&)>& exists) const;
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_CATALOG_H_
