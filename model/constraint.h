// Constraint: a table constraint (primary key, unique, check, foreign key, exclusion)
// with the attributes pg_constraint keeps. Identity: owning table + name.
//
// NOT NULL is a column attribute in PostgreSQL 15, not a constraint. Index-backed
// constraints (primary key, unique, exclusion) also own an Index of the same name.
#ifndef PGDRIFT_MODEL_CONSTRAINT_H_
#define PGDRIFT_MODEL_CONSTRAINT_H_

#include <string>
#include <vector>

#include "model/index.h"
#include "model/lineage.h"
#include "model/object_id.h"

namespace pgdrift::model {

// pg_constraint.contype.
enum class ConstraintType { kPrimaryKey, kUnique, kCheck, kForeignKey, kExclusion };

// pg_constraint.confupdtype / confdeltype.
enum class ForeignKeyAction { kNoAction, kRestrict, kCascade, kSetNull, kSetDefault };

// pg_constraint.confmatchtype.
enum class ForeignKeyMatch { kSimple, kFull, kPartial };

struct ExclusionElement {
  IndexElement element;
  std::string op;  // operator, e.g. `=` or `&&`
  friend bool operator==(const ExclusionElement&, const ExclusionElement&) = default;
};

struct Constraint {
  std::string name;
  ConstraintType type = ConstraintType::kCheck;

  // Primary key, unique, foreign key: the key columns in order.
  std::vector<std::string> columns;
  // Primary key, unique, exclusion: INCLUDE columns.
  std::vector<std::string> include;
  bool nulls_not_distinct = false;  // UNIQUE NULLS NOT DISTINCT

  // Check: the canonical expression (without the CHECK keyword and outer parentheses).
  std::string expression;
  bool no_inherit = false;

  // Foreign key.
  QualifiedName referenced_table;
  std::vector<std::string> referenced_columns;
  ForeignKeyAction on_update = ForeignKeyAction::kNoAction;
  ForeignKeyAction on_delete = ForeignKeyAction::kNoAction;
  std::vector<std::string> on_delete_set_columns;  // ON DELETE SET NULL (cols)
  ForeignKeyMatch match = ForeignKeyMatch::kSimple;

  // Exclusion.
  std::string exclusion_method;  // access method, e.g. gist
  std::vector<ExclusionElement> exclusion_elements;
  std::string exclusion_predicate;  // WHERE (…)

  // WITH (…) storage parameters and USING INDEX TABLESPACE of the backing index.
  std::map<std::string, std::string> index_options;

  bool deferrable = false;
  bool initially_deferred = false;
  bool validated = true;  // false after NOT VALID until VALIDATE CONSTRAINT
  std::string comment;
  Lineage lineage;
};

// Returns "primary_key", "unique", "check", "foreign_key" or "exclusion".
std::string_view ConstraintTypeName(ConstraintType type);
// Returns the SQL words: "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT".
std::string_view ForeignKeyActionSql(ForeignKeyAction action);
// Returns "SIMPLE", "FULL" or "PARTIAL".
std::string_view ForeignKeyMatchSql(ForeignKeyMatch match);
// Whether PostgreSQL builds an index for constraints of `type`.
bool IsIndexBacked(ConstraintType type);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_CONSTRAINT_H_
