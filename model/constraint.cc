#include "model/constraint.h"

namespace pgdrift::model {

std::string_view ConstraintTypeName(ConstraintType type) {
  switch (type) {
    case ConstraintType::kPrimaryKey:
      return "primary_key";
    case ConstraintType::kUnique:
      return "unique";
    case ConstraintType::kCheck:
      return "check";
    case ConstraintType::kForeignKey:
      return "foreign_key";
    case ConstraintType::kExclusion:
      return "exclusion";
  }
  return "";
}

std::string_view ForeignKeyActionSql(ForeignKeyAction action) {
  switch (action) {
    case ForeignKeyAction::kNoAction:
      return "NO ACTION";
    case ForeignKeyAction::kRestrict:
      return "RESTRICT";
    case ForeignKeyAction::kCascade:
      return "CASCADE";
    case ForeignKeyAction::kSetNull:
      return "SET NULL";
    case ForeignKeyAction::kSetDefault:
      return "SET DEFAULT";
  }
  return "";
}

std::string_view ForeignKeyMatchSql(ForeignKeyMatch match) {
  switch (match) {
    case ForeignKeyMatch::kSimple:
      return "SIMPLE";
    case ForeignKeyMatch::kFull:
      return "FULL";
    case ForeignKeyMatch::kPartial:
      return "PARTIAL";
  }
  return "";
}

bool IsIndexBacked(ConstraintType type) {
  switch (type) {
    case ConstraintType::kPrimaryKey:
    case ConstraintType::kUnique:
    case ConstraintType::kExclusion:
      return true;
    case ConstraintType::kCheck:
    case ConstraintType::kForeignKey:
      return false;
  }
  return false;
}

}  // namespace pgdrift::model
