// Table constraints: queries/constraints.sql → Table::constraints. What primary key,
// unique and exclusion constraints keep on their index is copied from the index read
// by read_indexes.cc (CompleteIndexBackedConstraints).
#include "base/status_macros.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/constraints.sql.h"

namespace pgdrift::introspect::internal {
namespace {

// pg_constraint.contype; nullopt for kinds the model keeps elsewhere.
std::optional<model::ConstraintType> ConstraintTypeOf(std::string_view code) {
  if (code == "p") return model::ConstraintType::kPrimaryKey;
  if (code == "u") return model::ConstraintType::kUnique;
  if (code == "c") return model::ConstraintType::kCheck;
  if (code == "f") return model::ConstraintType::kForeignKey;
  if (code == "x") return model::ConstraintType::kExclusion;
  return std::nullopt;
}

// pg_constraint.confupdtype / confdeltype.
model::ForeignKeyAction ActionOf(std::string_view code) {
  if (code == "r") return model::ForeignKeyAction::kRestrict;
  if (code == "c") return model::ForeignKeyAction::kCascade;
  if (code == "n") return model::ForeignKeyAction::kSetNull;
  if (code == "d") return model::ForeignKeyAction::kSetDefault;
  return model::ForeignKeyAction::kNoAction;
}

// pg_constraint.confmatchtype.
model::ForeignKeyMatch MatchOf(std::string_view code) {
  if (code == "f") return model::ForeignKeyMatch::kFull;
  if (code == "p") return model::ForeignKeyMatch::kPartial;
  return model::ForeignKeyMatch::kSimple;
}

}  // namespace

absl::Status ReadConstraints(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet rows, RunQuery(ctx, "constraints", kConstraintsSql));
  for (ResultSet::Row row : rows) {
    model::Table* table =
        ctx.catalog->FindTable({row.Text("table_schema"), row.Text("table_name")});
    std::optional<model::ConstraintType> type = ConstraintTypeOf(row.Text("type"));
    if (table == nullptr || !type.has_value()) continue;
    model::Constraint constraint;
    constraint.name = row.Text("name");
    constraint.type = *type;
    switch (*type) {
      case model::ConstraintType::kPrimaryKey:
      case model::ConstraintType::kUnique:
        constraint.columns = row.TextArray("columns");
        break;
      case model::ConstraintType::kCheck:
        constraint.expression = row.Text("expression");
        // connoinherit is also set on other kinds of constraint of a table that is not
        // partitioned; only a check constraint's means NO INHERIT.
        constraint.no_inherit = row.Bool("no_inherit");
        break;
      case model::ConstraintType::kForeignKey:
        constraint.columns = row.TextArray("columns");
        constraint.referenced_table = {row.Text("referenced_schema"), row.Text("referenced_table")};
        constraint.referenced_columns = row.TextArray("referenced_columns");
        constraint.on_update = ActionOf(row.Text("on_update"));
        constraint.on_delete = ActionOf(row.Text("on_delete"));
        constraint.on_delete_set_columns = row.TextArray("on_delete_set_columns");
        constraint.match = MatchOf(row.Text("match"));
        break;
      case model::ConstraintType::kExclusion:
        // The elements come from the index; the operators are kept here until then.
        for (std::string& op : row.TextArray("exclusion_operators")) {
          model::ExclusionElement element;
          element.op = std::move(op);
          constraint.exclusion_elements.push_back(std::move(element));
        }
        break;
    }
    constraint.deferrable = row.Bool("deferrable");
    constraint.initially_deferred = row.Bool("initially_deferred");
    constraint.validated = row.Bool("validated");
    constraint.comment = row.Text("comment");
    std::string name = constraint.name;
    table->constraints[name] = std::move(constraint);
  }
  return absl::OkStatus();
}

void CompleteIndexBackedConstraints(model::Catalog* catalog) {
  for (const auto& [index_name, index] : catalog->indexes) {
    if (index.constraint_name.empty()) continue;
    model::Table* table = catalog->FindTable(index.table);
    if (table == nullptr) continue;
    auto it = table->constraints.find(index.constraint_name);
    if (it == table->constraints.end()) continue;
    model::Constraint& constraint = it->second;
    constraint.include = index.include;
    constraint.nulls_not_distinct = index.nulls_not_distinct;
    constraint.index_options = index.options;
    // USING INDEX TABLESPACE is kept with the options, as the constraint was written.
    if (!index.tablespace.empty()) constraint.index_options["tablespace"] = index.tablespace;
    if (constraint.type == model::ConstraintType::kExclusion) {
      constraint.exclusion_method = index.method;
      constraint.exclusion_predicate = index.predicate;
      constraint.exclusion_elements.resize(index.keys.size());
      for (size_t i = 0; i < index.keys.size(); ++i) {
        constraint.exclusion_elements[i].element = index.keys[i];
      }
    }
  }
}

}  // namespace pgdrift::introspect::internal
