// Builders shared by the model's apply tests: a catalog with the public schema, one
// mutation applied through its kind's apply function, and short constructors for the
// column, constraint and table definitions the parser would emit.
#ifndef PGDRIFT_MODEL_TESTING_APPLY_BUILDERS_H_
#define PGDRIFT_MODEL_TESTING_APPLY_BUILDERS_H_

#include <string>
#include <variant>
#include <vector>

#include "base/diagnostic.h"
#include "base/overloaded.h"
#include "model/catalog.h"
#include "model/internal/apply_context.h"
#include "model/mutation.h"

namespace pgdrift::model {

inline const SourceSpan kSpan{"migrations/0002.sql", 7, 1, 100, 20};

inline Catalog NewCatalog() {
  Catalog catalog;
  catalog.schemas["public"] = Schema{"public"};
  return catalog;
}

// Applies one mutation through the apply function for its kind.
inline absl::Status ApplyOne(Catalog& catalog, MutationBody body,
                                       DiagnosticSink* notes = nullptr, SourceSpan span = kSpan) {
  Mutation mutation{span, "statement", std::move(body)};
  internal::ApplyContext ctx{&catalog, &mutation, notes};
  return std::visit(
      Overloaded{
          [&](const CreateTable& m) { return internal::ApplyCreateTable(m, ctx); },
          [&](const AlterTable& m) { return internal::ApplyAlterTable(m, ctx); },
          [&](const CreateIndex& m) { return internal::ApplyCreateIndex(m, ctx); },
          [&](const AlterIndex& m) { return internal::ApplyAlterIndex(m, ctx); },
          [&](const CreateSequence& m) { return internal::ApplyCreateSequence(m, ctx); },
          [&](const AlterSequence& m) { return internal::ApplyAlterSequence(m, ctx); },
          [&](const auto&) { return absl::UnimplementedError("not used in this test"); },
      },
      mutation.body);
}

inline ColumnDef Col(std::string name, std::string type = "integer",
                               bool not_null = false) {
  ColumnDef def;
  def.column.name = std::move(name);
  def.column.type = TypeRef::Builtin(std::move(type));
  def.column.not_null = not_null;
  return def;
}

inline ColumnDef Serial(std::string name, SerialKind kind = SerialKind::kRegular) {
  ColumnDef def = Col(std::move(name), kind == SerialKind::kSmall ? "smallint"
                                       : kind == SerialKind::kBig ? "bigint"
                                                                  : "integer");
  def.serial = kind;
  return def;
}

inline ConstraintDef Key(ConstraintType type, std::vector<std::string> columns,
                                   std::string name = "") {
  ConstraintDef def;
  def.constraint.type = type;
  def.constraint.name = std::move(name);
  def.constraint.columns = std::move(columns);
  return def;
}

inline ConstraintDef Check(std::string expression, std::vector<std::string> columns,
                                     std::string name = "") {
  ConstraintDef def;
  def.constraint.type = ConstraintType::kCheck;
  def.constraint.name = std::move(name);
  def.constraint.expression = std::move(expression);
  def.check_columns = std::move(columns);
  return def;
}

inline ConstraintDef ForeignKey(std::vector<std::string> columns, std::string table,
                                          std::vector<std::string> referenced = {},
                                          std::string name = "") {
  ConstraintDef def;
  def.constraint.type = ConstraintType::kForeignKey;
  def.constraint.name = std::move(name);
  def.constraint.columns = std::move(columns);
  def.constraint.referenced_table = {"", std::move(table)};
  def.constraint.referenced_columns = std::move(referenced);
  def.references_primary_key = def.constraint.referenced_columns.empty();
  return def;
}

inline CreateTable NewTable(std::string name, std::vector<ColumnDef> columns,
                                      std::vector<ConstraintDef> constraints = {}) {
  CreateTable m;
  m.table.name = {"", std::move(name)};
  m.columns = std::move(columns);
  m.constraints = std::move(constraints);
  return m;
}

inline const Table& TableOf(const Catalog& catalog, std::string name) {
  return catalog.tables.at({"public", std::move(name)});
}

inline std::vector<std::string> ConstraintNames(const Table& table) {
  std::vector<std::string> names;
  for (const auto& [name, constraint] : table.constraints) names.push_back(name);
  return names;
}

inline std::vector<std::string> IndexNames(const Catalog& catalog) {
  std::vector<std::string> names;
  for (const auto& [name, index] : catalog.indexes) names.push_back(name.name);
  return names;
}

inline std::vector<std::string> SequenceNames(const Catalog& catalog) {
  std::vector<std::string> names;
  for (const auto& [name, sequence] : catalog.sequences) names.push_back(name.name);
  return names;
}

inline std::vector<std::string> Notes(const DiagnosticSink& sink) {
  std::vector<std::string> notes;
  for (const Diagnostic& diagnostic : sink.diagnostics()) notes.push_back(diagnostic.message);
  return notes;
}

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_TESTING_APPLY_BUILDERS_H_
