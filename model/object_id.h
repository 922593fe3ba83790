// Identities of model objects: QualifiedName (schema + name) and ObjectId (kind, schema,
// name, parent table, argument types), printed as ARCHITECTURE.md shows them:
// `table public.orders`, `column public.orders.status`, `function public.f(uuid, text)`.
//
// Names are stored unquoted, as PostgreSQL folded them; printing quotes with QuoteIdent.
#ifndef PGDRIFT_MODEL_OBJECT_ID_H_
#define PGDRIFT_MODEL_OBJECT_ID_H_

#include <compare>
#include <string>

#include "model/object_kind.h"

namespace pgdrift::model {

// A schema-qualified name; `schema` is empty only before resolution against search_path.
struct QualifiedName {
  std::string schema;
  std::string name;

  // "schema.name" with each part quoted as quote_ident would.
  std::string ToString() const;

  friend bool operator==(const QualifiedName&, const QualifiedName&) = default;
  friend auto operator<=>(const QualifiedName&, const QualifiedName&) = default;
};

// The identity of any model object. `parent` is the owning table for columns,
// constraints, triggers and policies (and the type for enum values); `args` the
// identity argument types of functions, procedures and aggregates ("uuid, text").
struct ObjectId {
  ObjectKind kind = ObjectKind::kTable;
  std::string schema;
  std::string name;
  std::string parent;
  std::string args;

  static ObjectId Of(ObjectKind kind, const QualifiedName& name);
  static ObjectId Child(ObjectKind kind, const QualifiedName& parent, std::string name);

  // The qualified name of the object itself, or of its parent for child objects.
  QualifiedName qualified() const { return {schema, parent.empty() ? name : parent}; }

  // "kind schema.parent.name(args)", e.g. `constraint public.orders.orders_pkey`.
  std::string ToString() const;
  // The same without the kind: `public.orders.orders_pkey`.
  std::string Path() const;

  friend bool operator==(const ObjectId&, const ObjectId&) = default;
  friend auto operator<=>(const ObjectId&, const ObjectId&) = default;
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_OBJECT_ID_H_
