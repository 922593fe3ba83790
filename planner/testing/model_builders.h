// Small builders for model objects in planner tests: a column, a table, a constraint,
// a sequence or an index in one call, with the attributes PostgreSQL would give it.
#ifndef PGDRIFT_PLANNER_TESTING_MODEL_BUILDERS_H_
#define PGDRIFT_PLANNER_TESTING_MODEL_BUILDERS_H_

#include <string>
#include <utility>
#include <vector>

#include "model/catalog.h"

namespace pgdrift::planner::testing {

// A column of built-in type `type`.
inline model::Column MakeColumn(std::string name, std::string type, bool not_null = false) {
  model::Column column;
  column.name = std::move(name);
  column.type = model::TypeRef::Builtin(std::move(type));
  column.not_null = not_null;
  return column;
}

// A table with `columns`.
inline model::Table MakeTable(std::string schema, std::string name,
                              std::vector<model::Column> columns = {}) {
  model::Table table;
  table.name = {std::move(schema), std::move(name)};
  table.columns = std::move(columns);
  return table;
}

// A primary key or unique constraint on `columns`.
inline model::Constraint MakeKey(std::string name, model::ConstraintType type,
                                 std::vector<std::string> columns) {
  model::Constraint constraint;
  constraint.name = std::move(name);
  constraint.type = type;
  constraint.columns = std::move(columns);
  return constraint;
}

// A CHECK constraint with canonical expression `expression`.
inline model::Constraint MakeCheck(std::string name, std::string expression) {
  model::Constraint constraint;
  constraint.name = std::move(name);
  constraint.type = model::ConstraintType::kCheck;
  constraint.expression = std::move(expression);
  return constraint;
}

// A foreign key from `columns` to `referenced_columns` of `referenced_table`.
inline model::Constraint MakeForeignKey(std::string name, std::vector<std::string> columns,
                                        model::QualifiedName referenced_table,
                                        std::vector<std::string> referenced_columns) {
  model::Constraint constraint;
  constraint.name = std::move(name);
  constraint.type = model::ConstraintType::kForeignKey;
  constraint.columns = std::move(columns);
  constraint.referenced_table = std::move(referenced_table);
  constraint.referenced_columns = std::move(referenced_columns);
  return constraint;
}

// Adds `constraint` to `table` under its name.
inline void AddConstraint(model::Table* table, model::Constraint constraint) {
  std::string name = constraint.name;
  table->constraints[name] = std::move(constraint);
}

// A sequence of built-in type `type` with the bounds CREATE SEQUENCE gives an ascending
// sequence of that type.
inline model::Sequence MakeSequence(std::string schema, std::string name,
                                    std::string type = "bigint") {
  model::Sequence sequence;
  sequence.name = {std::move(schema), std::move(name)};
  if (type == "integer") sequence.max_value = 2147483647;
  if (type == "smallint") sequence.max_value = 32767;
  sequence.data_type = model::TypeRef::Builtin(std::move(type));
  return sequence;
}

// An index key on column `column` (ascending, nulls last).
inline model::IndexElement MakeKeyColumn(std::string column) {
  model::IndexElement element;
  element.column = std::move(column);
  return element;
}

// A btree index `schema.name` on `table` with `keys`.
inline model::Index MakeIndex(std::string schema, std::string name, model::QualifiedName table,
                              std::vector<model::IndexElement> keys) {
  model::Index index;
  index.name = {std::move(schema), std::move(name)};
  index.table = std::move(table);
  index.keys = std::move(keys);
  return index;
}

}  // namespace pgdrift::planner::testing

#endif  // PGDRIFT_PLANNER_TESTING_MODEL_BUILDERS_H_
