#include "planner/verify.h"

#include "base/identifier.h"
#include "base/strings.h"
#include "diff/compare.h"

namespace pgdrift::planner {
namespace {

using model::ObjectId;
using model::ObjectKind;

// 'schema.name' quoted as an identifier inside a string literal, for to_reg*().
std::string RegName(std::string_view schema, std::string_view name) {
  return QuoteLiteral(QuoteQualified(schema, name));
}

std::string Exists(std::string_view condition_query) {
  return StrCat("SELECT EXISTS (", condition_query, ") AS ok;");
}

std::string NotExists(std::string_view condition_query) {
  return StrCat("SELECT NOT EXISTS (", condition_query, ") AS ok;");
}

// The query that finds `id` (a row when it exists), or "" for the kinds checked by to_reg*.
std::string FindQuery(const ObjectId& id) {
  switch (id.kind) {
    case ObjectKind::kSchema:
      return StrCat("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ", QuoteLiteral(id.name));
    case ObjectKind::kExtension:
      return StrCat("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = ", QuoteLiteral(id.name));
    case ObjectKind::kType:
    case ObjectKind::kDomain:
      return StrCat("SELECT 1 WHERE to_regtype(", RegName(id.schema, id.name), ") IS NOT NULL");
    case ObjectKind::kSequence:
    case ObjectKind::kTable:
    case ObjectKind::kIndex:
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
      return StrCat("SELECT 1 WHERE to_regclass(", RegName(id.schema, id.name), ") IS NOT NULL");
    case ObjectKind::kColumn:
      return StrCat("SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass(",
                    RegName(id.schema, id.parent), ") AND attname = ", QuoteLiteral(id.name),
                    " AND NOT attisdropped");
    case ObjectKind::kConstraint:
      return StrCat("SELECT 1 FROM pg_catalog.pg_constraint WHERE (conrelid = to_regclass(",
                    RegName(id.schema, id.parent), ") OR contypid = to_regtype(",
                    RegName(id.schema, id.parent), ")) AND conname = ", QuoteLiteral(id.name));
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
    case ObjectKind::kAggregate:
      return StrCat("SELECT 1 WHERE to_regprocedure(",
                    QuoteLiteral(StrCat(QuoteQualified(id.schema, id.name), "(", id.args, ")")),
                    ") IS NOT NULL");
    case ObjectKind::kTrigger:
      return StrCat("SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = to_regclass(",
                    RegName(id.schema, id.parent), ") AND tgname = ", QuoteLiteral(id.name),
                    " AND NOT tgisinternal");
    case ObjectKind::kPolicy:
      return StrCat("SELECT 1 FROM pg_catalog.pg_policies WHERE schemaname = ",
                    QuoteLiteral(id.schema), " AND tablename = ", QuoteLiteral(id.parent),
                    " AND policyname = ", QuoteLiteral(id.name));
    case ObjectKind::kPublication:
      return StrCat("SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = ", QuoteLiteral(id.name));
    case ObjectKind::kEventTrigger:
      return StrCat("SELECT 1 FROM pg_catalog.pg_event_trigger WHERE evtname = ",
                    QuoteLiteral(id.name));
  }
  return "";
}

const model::Column* FindColumn(const model::Catalog& catalog, const ObjectId& id) {
  const model::Table* table = catalog.FindTable({id.schema, id.parent});
  if (table == nullptr) return nullptr;
  for (const model::Column& column : table->columns) {
    if (column.name == id.name) return &column;
  }
  return nullptr;
}

// The column as it must be: present, with its type and NOT NULL.
VerifyQuery ColumnQuery(const ObjectId& id, const model::Column& column) {
  std::string type_check =
      column.type.is_user_defined()
          ? StrCat("atttypid = to_regtype(", QuoteLiteral(column.type.ToString()), ")")
          : StrCat("format_type(atttypid, atttypmod) = ", QuoteLiteral(column.type.ToString()));
  return {StrCat(id.ToString(), " exists as ", column.type.ToString(),
                 column.not_null ? " NOT NULL" : " (nullable)"),
          Exists(StrCat(FindQuery(id), " AND ", type_check, " AND attnotnull = ",
                        column.not_null ? "true" : "false"))};
}

void AddPresent(const model::Catalog& after, const ObjectId& id, std::vector<VerifyQuery>* out) {
  if (id.kind == ObjectKind::kColumn) {
    if (const model::Column* column = FindColumn(after, id)) {
      out->push_back(ColumnQuery(id, *column));
      return;
    }
  }
  out->push_back({StrCat(id.ToString(), " exists"), Exists(FindQuery(id))});
}

}  // namespace

std::vector<VerifyQuery> SchemaExpectations(const model::Catalog& before,
                                            const model::Catalog& after) {
  std::vector<VerifyQuery> queries;
  for (const diff::ObjectDrift& drift : diff::Compare(after, before).objects) {
    switch (drift.status) {
      case diff::DriftStatus::kLocalOnly:
        AddPresent(after, drift.id, &queries);
        for (const ObjectId& child : drift.contains) AddPresent(after, child, &queries);
        break;
      case diff::DriftStatus::kRemoteOnly:
        queries.push_back({StrCat(drift.id.ToString(), " does not exist"), NotExists(FindQuery(drift.id))});
        break;
      case diff::DriftStatus::kChanged:
        AddPresent(after, drift.id, &queries);
        if (drift.id.kind == ObjectKind::kTable) {
          const model::Table* table = after.FindTable({drift.id.schema, drift.id.name});
          for (const diff::AttributeChange& change : drift.changes) {
            if (table == nullptr || change.attribute != "rls_enabled") continue;
            queries.push_back(
                {StrCat(drift.id.ToString(), " has row level security ",
                        table->rls_enabled ? "enabled" : "disabled"),
                 StrCat("SELECT COALESCE((SELECT relrowsecurity FROM pg_catalog.pg_class WHERE oid = "
                        "to_regclass(",
                        RegName(drift.id.schema, drift.id.name), ")), ",
                        table->rls_enabled ? "false" : "true", ") = ",
                        table->rls_enabled ? "true" : "false", " AS ok;")});
          }
        }
        break;
    }
  }
  return queries;
}

std::vector<VerifyQuery> HistoryExpectations(std::string_view history_table,
                                             const std::vector<std::string>& present,
                                             const std::vector<std::string>& absent) {
  std::vector<VerifyQuery> queries;
  for (const std::string& version : present) {
    queries.push_back({StrCat("history row ", version, " is recorded"),
                       Exists(StrCat("SELECT 1 FROM ", history_table, " WHERE version = ",
                                     QuoteLiteral(version)))});
  }
  for (const std::string& version : absent) {
    queries.push_back({StrCat("history row ", version, " is not recorded"),
                       NotExists(StrCat("SELECT 1 FROM ", history_table, " WHERE version = ",
                                        QuoteLiteral(version)))});
  }
  return queries;
}

std::string VerifySql(const std::vector<VerifyQuery>& queries) {
  std::string out =
      "-- Expectations of this plan once it is applied: every query returns one row whose\n"
      "-- column ok is true.\n";
  if (queries.empty()) out += "-- Nothing to check: the plan changes nothing.\n";
  for (const VerifyQuery& query : queries) StrAppend(&out, "\n-- ", query.what, "\n", query.sql, "\n");
  return out;
}

}  // namespace pgdrift::planner
