// Migration SQL for columns: ADD COLUMN, DROP COLUMN and the ALTER COLUMN forms (type,
// default, NOT NULL, identity, generated, statistics, storage, compression, options,
// comment, privileges), each with the hazards it carries.
#include <algorithm>
#include <cctype>

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/internal/acl_change.h"
#include "planner/internal/table_family_sql.h"
#include "planner/sequence_ddl.h"
#include "planner/table_ddl.h"

namespace pgdrift::planner::internal {
namespace {

// Functions whose value changes per row, so ADD COLUMN … DEFAULT f() rewrites the table
// (ATExecAddColumn in tablecmds.c stores a constant "missing value" only for
// non-volatile defaults).
bool IsVolatileDefault(std::string_view expression) {
  for (std::string_view function : {"nextval(", "random(", "gen_random_uuid(", "uuid_generate_",
                                    "clock_timestamp(", "timeofday(", "txid_current(", "setval("}) {
    if (expression.find(function) != std::string_view::npos) return true;
  }
  return false;
}

// The length of `character varying(n)` / `character(n)`, or -1 for none.
int LengthOf(std::string_view type, std::string_view base) {
  if (!type.starts_with(base) || type.size() <= base.size() + 2 || type[base.size()] != '(') return -1;
  int length = 0;
  for (size_t i = base.size() + 1; i < type.size() && std::isdigit(static_cast<unsigned char>(type[i])); ++i) {
    length = length * 10 + (type[i] - '0');
  }
  return length;
}

struct TypeChangeRisk {
  bool rewrite = true;
  bool narrowing = false;
};

// Whether ALTER COLUMN TYPE from `from` to `to` is a binary-coercible widening that needs
// no rewrite (ATColumnChangeRequiresRewrite in tablecmds.c: varchar(n) → varchar(m ≥ n),
// varchar → text, numeric(p,s) → numeric), or a narrowing that can lose data.
TypeChangeRisk ClassifyTypeChange(const model::TypeRef& from, const model::TypeRef& to) {
  TypeChangeRisk risk;
  if (from.is_user_defined() || to.is_user_defined() || from.array != to.array) return risk;
  const std::string& a = from.name;
  const std::string& b = to.name;
  constexpr std::string_view kVarchar = "character varying";
  constexpr std::string_view kNumeric = "numeric";
  int from_length = LengthOf(a, kVarchar);
  int to_length = LengthOf(b, kVarchar);
  bool from_varchar = a == kVarchar || from_length >= 0;
  bool to_varchar = b == kVarchar || to_length >= 0;
  if (from_varchar && (b == "text" || b == kVarchar)) {
    risk.rewrite = false;
  } else if (from_varchar && to_varchar) {
    risk.rewrite = false;
    risk.narrowing = from_length < 0 || to_length < from_length;
  } else if (a == "text" && to_varchar) {
    risk.rewrite = false;
    risk.narrowing = to_length >= 0;
  } else if (a.starts_with(kNumeric) && b == kNumeric) {
    risk.rewrite = false;
  } else if (a.starts_with(kNumeric) && b.starts_with(kNumeric)) {
    risk.narrowing = true;
  } else if ((a == "bigint" && (b == "integer" || b == "smallint")) ||
             (a == "integer" && b == "smallint") || (a == "double precision" && b == "real") ||
             (a.starts_with("timestamp") && b == "date") ||
             ((a == "text" || from_varchar) && LengthOf(b, "character") >= 0)) {
    risk.narrowing = true;
  }
  return risk;
}

// The default storage of a type (pg_type.typstorage) for the common cases: varlena
// types are 'x' (extended), fixed-length ones 'p' (plain). Empty when unknown.
std::string DefaultStorage(const model::TypeRef& type) {
  if (type.array) return "extended";
  if (type.is_user_defined()) return "";
  const std::string& name = type.name;
  for (std::string_view varlena : {"text", "character varying", "character", "bytea", "jsonb", "json",
                                   "numeric", "xml", "tsvector", "tsquery", "bit varying", "inet", "cidr"}) {
    if (name == varlena || (name.starts_with(varlena) && name.size() > varlena.size() &&
                            name[varlena.size()] == '(')) {
      return name.starts_with("numeric") ? "main" : "extended";
    }
  }
  for (std::string_view fixed : {"integer", "bigint", "smallint", "boolean", "real", "double precision",
                                 "date", "uuid", "timestamp", "time", "interval", "oid", "money"}) {
    if (name.starts_with(fixed)) return "plain";
  }
  return "";
}

std::string Upper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

std::string IdentityClause(model::IdentityKind kind) {
  return kind == model::IdentityKind::kAlways ? "ALWAYS" : "BY DEFAULT";
}

}  // namespace

std::vector<PlannedStatement> CreateColumnStatements(const model::Table& table, const model::Column& column,
                                                     const ObjectSqlContext& ctx) {
  std::vector<PlannedStatement> statements;
  std::string sql = AddColumnSql(table, column, ctx.target);
  if (ctx.options.idempotent) sql = InsertAfter(sql, "ADD COLUMN ", "IF NOT EXISTS ");
  std::set<Hazard> hazards;
  if ((column.default_expr.has_value() && IsVolatileDefault(*column.default_expr)) ||
      column.generated_expr.has_value() || column.identity != model::IdentityKind::kNone) {
    hazards = {Hazard::kTableRewrite, Hazard::kAccessExclusiveLock};
  }
  statements.push_back(MakeStatement(std::move(sql), std::move(hazards)));
  const std::string table_sql = QualifiedSql(table.name);
  const std::string prefix = StrCat("ALTER TABLE ", table_sql, " ALTER COLUMN ", QuoteIdent(column.name), " ");
  if (column.statistics_target >= 0) {
    statements.push_back(MakeStatement(Statement(StrCat(prefix, "SET STATISTICS ", column.statistics_target))));
  }
  if (!column.storage.empty()) {
    statements.push_back(MakeStatement(Statement(StrCat(prefix, "SET STORAGE ", Upper(column.storage)))));
  }
  if (!column.options.empty()) {
    statements.push_back(MakeStatement(Statement(StrCat(prefix, "SET ", OptionListSql(column.options)))));
  }
  if (!column.comment.empty()) {
    statements.push_back(MakeStatement(
        CommentSql(StrCat("COLUMN ", table_sql, ".", QuoteIdent(column.name)), column.comment)));
  }
  for (PlannedStatement& statement : ColumnAclChangeSql(table_sql, column.name, std::nullopt, column.privileges)) {
    statements.push_back(std::move(statement));
  }
  return statements;
}

std::vector<PlannedStatement> DropColumnStatements(const model::Table& table, const model::Column& column,
                                                   const ObjectSqlContext& ctx) {
  // A column a parent gives the table goes when the parent's does (ATExecDropColumn
  // refuses to drop an inherited column).
  if (!column.is_local) return {};
  std::string sql = StrCat("ALTER TABLE ", QualifiedSql(table.name), " DROP COLUMN ",
                           ctx.options.idempotent ? "IF EXISTS " : "", QuoteIdent(column.name));
  return {MakeStatement(Statement(sql), {Hazard::kDataLoss, Hazard::kIrreversible, Hazard::kAccessExclusiveLock})};
}

AlterOutcome AlterColumnStatements(const diff::ObjectDrift& drift, const model::Table& table,
                                   const model::Column& from, const model::Column& to,
                                   const ObjectSqlContext& ctx) {
  AlterOutcome outcome;
  // PostgreSQL 15 cannot add or change a generation expression in place; a generated
  // column holds no data of its own, so it is dropped and added again.
  if (Changes(drift, "generated") && to.generated_expr.has_value()) {
    outcome.recreate = true;
    return outcome;
  }
  std::vector<PlannedStatement>& statements = outcome.statements;
  const std::string table_sql = QualifiedSql(table.name);
  const std::string column_sql = QuoteIdent(to.name);
  const std::string prefix = StrCat("ALTER TABLE ", table_sql, " ALTER COLUMN ", column_sql, " ");
  auto add = [&](std::string text, std::set<Hazard> hazards = {}) {
    statements.push_back(MakeStatement(Statement(StrCat(prefix, text)), std::move(hazards)));
  };
  const bool type_changes = Changes(drift, "type") || Changes(drift, "collation");
  const bool default_changes = Changes(drift, "default");

  if (Changes(drift, "generated")) add("DROP EXPRESSION");
  if (Changes(drift, "identity") && to.identity == model::IdentityKind::kNone) {
    add(ctx.options.idempotent ? "DROP IDENTITY IF EXISTS" : "DROP IDENTITY");
  }
  // A default that cannot be cast to the new type blocks ALTER COLUMN TYPE
  // (ATPrepAlterColumnType: "default for column … cannot be cast automatically"): it is
  // dropped first and set again after.
  if (from.default_expr.has_value() && (default_changes || type_changes) &&
      (type_changes || !to.default_expr.has_value())) {
    add("DROP DEFAULT");
  }
  if (type_changes) {
    TypeChangeRisk risk = ClassifyTypeChange(from.type, to.type);
    std::set<Hazard> hazards = {Hazard::kAccessExclusiveLock};
    if (risk.rewrite) hazards.insert(Hazard::kTableRewrite);
    if (risk.narrowing) hazards.insert(Hazard::kDataLoss);
    std::string type_sql = TypeSql(to.type);
    std::string text = StrCat("TYPE ", type_sql);
    if (!to.collation.empty()) StrAppend(&text, " COLLATE ", NameTextSql(to.collation));
    if (from.type != to.type) {
      // PostgreSQL has no cast between two user types (enum to enum, say); their text
      // forms convert through the types' input functions.
      bool through_text = from.type.is_user_defined() && to.type.is_user_defined();
      std::string via = !through_text ? "" : from.type.array ? "::text[]" : "::text";
      StrAppend(&text, " USING ", column_sql, via, "::", type_sql);
    }
    add(std::move(text), std::move(hazards));
  }
  if (to.default_expr.has_value() && (default_changes || (type_changes && from.default_expr.has_value()))) {
    add(StrCat("SET DEFAULT ", *to.default_expr));
  }
  if (Changes(drift, "not_null") && to.identity == model::IdentityKind::kNone) {
    if (!to.not_null) {
      add("DROP NOT NULL");
    } else if (ctx.options.online) {
      // A validated CHECK (c IS NOT NULL) lets SET NOT NULL skip its full scan
      // (NotNullImpliedByRelConstraints in tablecmds.c); the scan then runs under VALIDATE,
      // which takes only a SHARE UPDATE EXCLUSIVE lock.
      std::string check = QuoteIdent(StrCat(to.name, "_not_null"));
      std::string table_prefix = StrCat("ALTER TABLE ", table_sql, " ");
      statements.push_back(MakeStatement(Statement(StrCat(table_prefix, "ADD CONSTRAINT ", check, " CHECK (",
                                                          column_sql, " IS NOT NULL) NOT VALID"))));
      statements.push_back(MakeStatement(Statement(StrCat(table_prefix, "VALIDATE CONSTRAINT ", check)),
                                         {Hazard::kLongRunning}));
      add("SET NOT NULL", {Hazard::kAccessExclusiveLock});
      statements.push_back(MakeStatement(Statement(StrCat(table_prefix, "DROP CONSTRAINT ", check))));
    } else {
      add("SET NOT NULL", {Hazard::kLongRunning, Hazard::kAccessExclusiveLock});
    }
  }
  if (Changes(drift, "identity") && to.identity != model::IdentityKind::kNone) {
    if (from.identity == model::IdentityKind::kNone) {
      if (!from.not_null) add("SET NOT NULL", {Hazard::kLongRunning, Hazard::kAccessExclusiveLock});
      std::string options;
      if (const model::Sequence* sequence = FindIdentitySequence(ctx.target, table.name, to.name)) {
        options = IdentityOptionsSql(*sequence, table.name, to);
      }
      std::string text = StrCat("ADD GENERATED ", IdentityClause(to.identity), " AS IDENTITY",
                                options.empty() ? "" : " ", options);
      if (ctx.options.idempotent) {
        // ADD GENERATED fails on an identity column; pg_attribute.attidentity says
        // whether it is one already.
        statements.push_back(MakeStatement(StrCat(
            "DO $pgdrift$\nBEGIN\n  IF (SELECT attidentity FROM pg_catalog.pg_attribute WHERE attrelid = ",
            QuoteLiteral(table_sql), "::regclass AND attname = ", QuoteLiteral(to.name),
            ") = '' THEN\n    ", prefix, text, ";\n  END IF;\nEND\n$pgdrift$;")));
      } else {
        add(std::move(text));
      }
    } else {
      add(StrCat("SET GENERATED ", IdentityClause(to.identity)));
    }
  }
  if (Changes(drift, "statistics")) add(StrCat("SET STATISTICS ", to.statistics_target));
  if (Changes(drift, "storage")) {
    std::string storage = to.storage.empty() ? DefaultStorage(to.type) : to.storage;
    if (storage.empty()) {
      outcome.unsupported.push_back(StrCat(drift.id.ToString(), ": storage"));
    } else {
      add(StrCat("SET STORAGE ", Upper(storage)));
    }
  }
  if (Changes(drift, "compression")) {
    add(StrCat("SET COMPRESSION ", to.compression.empty() ? "DEFAULT" : to.compression));
  }
  if (Changes(drift, "options")) {
    std::map<std::string, std::string> set;
    std::vector<std::string> reset;
    for (const auto& [key, value] : to.options) {
      auto it = from.options.find(key);
      if (it == from.options.end() || it->second != value) set[key] = value;
    }
    for (const auto& [key, value] : from.options) {
      if (!to.options.contains(key)) reset.push_back(key);
    }
    if (!set.empty()) add(StrCat("SET ", OptionListSql(set)));
    if (!reset.empty()) add(StrCat("RESET (", StrJoin(reset, ", "), ")"));
  }
  if (Changes(drift, "comment")) {
    statements.push_back(MakeStatement(CommentSql(StrCat("COLUMN ", table_sql, ".", column_sql), to.comment)));
  }
  if (Changes(drift, "privileges")) {
    for (PlannedStatement& statement : ColumnAclChangeSql(table_sql, to.name, from.privileges, to.privileges)) {
      statements.push_back(std::move(statement));
    }
  }
  for (std::string_view attribute : {"position", "inherit_count", "is_local"}) {
    if (Changes(drift, attribute)) outcome.unsupported.push_back(StrCat(drift.id.ToString(), ": ", attribute));
  }
  return outcome;
}

}  // namespace pgdrift::planner::internal
