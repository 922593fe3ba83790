#include "planner/sequence_ddl.h"

#include <cstdint>
#include <limits>

#include "base/identifier.h"
#include "base/strings.h"
#include "model/implicit_names.h"
#include "planner/ddl_printer.h"

namespace pgdrift::planner {
namespace {

struct TypeBounds {
  int64_t min;
  int64_t max;
};

// The range of a sequence type: smallint, integer or bigint (the only types CREATE
// SEQUENCE … AS accepts); anything else is treated as bigint.
TypeBounds BoundsOf(const model::TypeRef& type) {
  if (!type.is_user_defined() && !type.array) {
    if (type.name == "smallint") {
      return {std::numeric_limits<int16_t>::min(), std::numeric_limits<int16_t>::max()};
    }
    if (type.name == "integer") {
      return {std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()};
    }
  }
  return {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()};
}

}  // namespace

std::vector<std::string> SequenceOptionClauses(const model::Sequence& sequence,
                                               const model::TypeRef& default_type) {
  std::vector<std::string> clauses;
  if (sequence.data_type != default_type) {
    clauses.push_back(StrCat("AS ", TypeSql(sequence.data_type)));
  }
  // init_params: an ascending sequence runs from 1 to the type's maximum, a descending
  // one from the type's minimum to -1; it starts at the bound it counts away from.
  TypeBounds bounds = BoundsOf(sequence.data_type);
  bool ascending = sequence.increment > 0;
  int64_t default_min = ascending ? 1 : bounds.min;
  int64_t default_max = ascending ? bounds.max : -1;
  int64_t default_start = ascending ? sequence.min_value : sequence.max_value;
  if (sequence.start != default_start) {
    clauses.push_back(StrCat("START WITH ", sequence.start));
  }
  if (sequence.increment != 1) {
    clauses.push_back(StrCat("INCREMENT BY ", sequence.increment));
  }
  if (sequence.min_value != default_min) {
    clauses.push_back(StrCat("MINVALUE ", sequence.min_value));
  }
  if (sequence.max_value != default_max) {
    clauses.push_back(StrCat("MAXVALUE ", sequence.max_value));
  }
  if (sequence.cache != 1) clauses.push_back(StrCat("CACHE ", sequence.cache));
  if (sequence.cycle) clauses.push_back("CYCLE");
  return clauses;
}

std::string CreateSequenceSql(const model::Sequence& sequence) {
  std::string sql = StrCat("CREATE ", sequence.unlogged ? "UNLOGGED " : "", "SEQUENCE ",
                           QualifiedSql(sequence.name));
  for (const std::string& clause :
       SequenceOptionClauses(sequence, model::TypeRef::Builtin("bigint"))) {
    StrAppend(&sql, " ", clause);
  }
  return Statement(sql);
}

std::string SequenceOwnedBySql(const model::Sequence& sequence) {
  std::string owner = "NONE";
  if (sequence.owned_by.has_value()) {
    owner =
        StrCat(QualifiedSql(sequence.owned_by->table), ".", QuoteIdent(sequence.owned_by->column));
  }
  return Statement(StrCat("ALTER SEQUENCE ", QualifiedSql(sequence.name), " OWNED BY ", owner));
}

std::string DropSequenceSql(const model::Sequence& sequence) {
  return Statement(StrCat("DROP SEQUENCE ", QualifiedSql(sequence.name)));
}

std::string SequenceOwnerSql(const model::Sequence& sequence) {
  return OwnerSql("SEQUENCE", QualifiedSql(sequence.name), sequence.owner);
}

std::string SequenceCommentSql(const model::Sequence& sequence) {
  return CommentSql(StrCat("SEQUENCE ", QualifiedSql(sequence.name)), sequence.comment);
}

std::string DefaultColumnSequenceName(std::string_view table, std::string_view column) {
  return model::MakeObjectName(table, column, "seq");
}

const model::Sequence* FindIdentitySequence(const model::Catalog& catalog,
                                            const model::QualifiedName& table,
                                            std::string_view column) {
  auto is_identity_of_column = [&](const model::Sequence& sequence) {
    return sequence.identity && sequence.owned_by.has_value() &&
           sequence.owned_by->table == table && sequence.owned_by->column == column;
  };
  // Usually the sequence has its default name; look there before scanning them all.
  auto likely =
      catalog.sequences.find({table.schema, DefaultColumnSequenceName(table.name, column)});
  if (likely != catalog.sequences.end() && is_identity_of_column(likely->second)) {
    return &likely->second;
  }
  for (const auto& [name, sequence] : catalog.sequences) {
    if (is_identity_of_column(sequence)) return &sequence;
  }
  return nullptr;
}

std::string IdentityOptionsSql(const model::Sequence& sequence, const model::QualifiedName& table,
                               const model::Column& column) {
  std::vector<std::string> clauses;
  if (sequence.name.schema != table.schema ||
      sequence.name.name != DefaultColumnSequenceName(table.name, column.name)) {
    clauses.push_back(StrCat("SEQUENCE NAME ", QualifiedSql(sequence.name)));
  }
  // An identity sequence always has the column's type (generateSerialExtraStmts), so
  // AS is never needed.
  for (std::string& clause : SequenceOptionClauses(sequence, sequence.data_type)) {
    clauses.push_back(std::move(clause));
  }
  if (clauses.empty()) return "";
  return StrCat("(", StrJoin(clauses, " "), ")");
}

}  // namespace pgdrift::planner
