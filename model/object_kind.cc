#include "model/object_kind.h"

#include <array>

namespace pgdrift::model {
namespace {

constexpr std::array kAllKinds = {
    ObjectKind::kSchema,      ObjectKind::kExtension,  ObjectKind::kType,
    ObjectKind::kDomain,      ObjectKind::kSequence,   ObjectKind::kTable,
    ObjectKind::kColumn,      ObjectKind::kConstraint, ObjectKind::kIndex,
    ObjectKind::kView,        ObjectKind::kMaterializedView, ObjectKind::kFunction,
    ObjectKind::kProcedure,   ObjectKind::kAggregate,  ObjectKind::kTrigger,
    ObjectKind::kPolicy,      ObjectKind::kPublication, ObjectKind::kEventTrigger,
};

}  // namespace

std::string_view KindName(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kSchema: return "schema";
    case ObjectKind::kExtension: return "extension";
    case ObjectKind::kType: return "type";
    case ObjectKind::kDomain: return "domain";
    case ObjectKind::kSequence: return "sequence";
    case ObjectKind::kTable: return "table";
    case ObjectKind::kColumn: return "column";
    case ObjectKind::kConstraint: return "constraint";
    case ObjectKind::kIndex: return "index";
    case ObjectKind::kView: return "view";
    case ObjectKind::kMaterializedView: return "materialized_view";
    case ObjectKind::kFunction: return "function";
    case ObjectKind::kProcedure: return "procedure";
    case ObjectKind::kAggregate: return "aggregate";
    case ObjectKind::kTrigger: return "trigger";
    case ObjectKind::kPolicy: return "policy";
    case ObjectKind::kPublication: return "publication";
    case ObjectKind::kEventTrigger: return "event_trigger";
  }
  return "unknown";
}

std::optional<ObjectKind> KindFromName(std::string_view name) {
  for (ObjectKind kind : kAllKinds) {
    if (KindName(kind) == name) return kind;
  }
  return std::nullopt;
}

bool IsRelationKind(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kSequence:
    case ObjectKind::kTable:
    case ObjectKind::kIndex:
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
      return true;
    case ObjectKind::kSchema:
    case ObjectKind::kExtension:
    case ObjectKind::kType:
    case ObjectKind::kDomain:
    case ObjectKind::kColumn:
    case ObjectKind::kConstraint:
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
    case ObjectKind::kAggregate:
    case ObjectKind::kTrigger:
    case ObjectKind::kPolicy:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      return false;
  }
  return false;
}

}  // namespace pgdrift::model
