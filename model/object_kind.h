// ObjectKind: the kinds of database object pgdrift models, with their stable names.
//
// The names are part of the JSON contract (pgdrift.drift/v1 "kind"). Switches over
// ObjectKind are exhaustive (-Werror=switch), so adding a kind lists every place to extend.
#ifndef PGDRIFT_MODEL_OBJECT_KIND_H_
#define PGDRIFT_MODEL_OBJECT_KIND_H_

#include <optional>
#include <string_view>

namespace pgdrift::model {

enum class ObjectKind {
  kSchema,
  kExtension,
  kType,
  kDomain,
  kSequence,
  kTable,
  kColumn,
  kConstraint,
  kIndex,
  kView,
  kMaterializedView,
  kFunction,
  kProcedure,
  kAggregate,
  kTrigger,
  kPolicy,
  kPublication,
  kEventTrigger,
};

// Returns the contract name of `kind`: "table", "materialized_view", "event_trigger" …
std::string_view KindName(ObjectKind kind);

// Returns the kind whose contract name is `name`, if any.
std::optional<ObjectKind> KindFromName(std::string_view name);

// Whether objects of `kind` live in a schema's relation namespace (pg_class).
bool IsRelationKind(ObjectKind kind);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_OBJECT_KIND_H_
