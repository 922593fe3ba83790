// Migration SQL for user types: enums (ADD VALUE, RENAME VALUE), composite types (ADD /
// DROP / ALTER ATTRIBUTE) and range types (recreated: ALTER TYPE cannot change a range).
//
// PostgreSQL cannot remove or reorder enum labels (pg_enum has no DROP VALUE). Such a
// change is planned as a drop and create of the type only when nothing in the current
// catalog uses the type; otherwise it is reported as unsupported, because recreating a
// used type would drop the columns that hold its values.
#include <algorithm>

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"
#include "planner/internal/other_kinds_sql.h"
#include "planner/internal/table_family_sql.h"
#include "planner/type_ddl.h"

namespace pgdrift::planner::internal {
namespace {

SharedAttributes TypeShared(const model::UserType& from, const model::UserType& to) {
  SharedAttributes shared;
  shared.acl_target = StrCat("TYPE ", QualifiedSql(to.name));
  shared.acl_kind = model::AclObjectKind::kType;
  shared.from_acl = &from.privileges;
  shared.to_acl = &to.privileges;
  shared.from_owner = from.owner;
  shared.to_owner = to.owner;
  shared.owner_sql = TypeOwnerSql(to);
  shared.comment_sql = TypeCommentSql(to);
  return shared;
}

// Whether `type` is `name` or an array of it.
bool IsType(const model::TypeRef& type, const model::QualifiedName& name) {
  return type.qualified() == name;
}

// Whether anything in `catalog` stores or takes values of type `name`: a column, a
// composite attribute, a domain, a range subtype or a routine argument or result.
bool TypeUsed(const model::Catalog& catalog, const model::QualifiedName& name) {
  for (const auto& [table_name, table] : catalog.tables) {
    for (const model::Column& column : table.columns) {
      if (IsType(column.type, name)) return true;
    }
  }
  for (const auto& [type_name, type] : catalog.types) {
    for (const model::CompositeAttribute& attribute : type.attributes) {
      if (IsType(attribute.type, name)) return true;
    }
    if (type.kind == model::UserTypeKind::kRange && IsType(type.range_subtype, name)) return true;
  }
  for (const auto& [domain_name, domain] : catalog.domains) {
    if (IsType(domain.base_type, name)) return true;
  }
  for (const auto& [key, routine] : catalog.routines) {
    if (routine.result.find(name.ToString()) != std::string::npos) return true;
    for (const model::RoutineArg& arg : routine.args) {
      if (IsType(arg.type, name)) return true;
    }
  }
  return false;
}

// Whether a target expression mentions the label `value` as a literal (a default, a
// check, an index predicate, a view query, a policy): a value added by ALTER TYPE … ADD
// VALUE cannot be used in the transaction that added it ("unsafe use of new value"). A
// column default keeps no cast to the enum, so any literal equal to the label counts.
bool EnumValueUsed(const model::Catalog& catalog, const std::string& value) {
  std::string literal = QuoteLiteral(value);
  auto mentions = [&](std::string_view text) {
    return text.find(literal) != std::string_view::npos;
  };
  for (const auto& [table_name, table] : catalog.tables) {
    for (const model::Column& column : table.columns) {
      if ((column.default_expr && mentions(*column.default_expr)) ||
          (column.generated_expr && mentions(*column.generated_expr))) {
        return true;
      }
    }
    for (const auto& [constraint_name, constraint] : table.constraints) {
      if (mentions(constraint.expression) || mentions(constraint.exclusion_predicate)) return true;
    }
    for (const auto& [policy_name, policy] : table.policies) {
      if (mentions(policy.using_expr) || mentions(policy.check_expr)) return true;
    }
    for (const auto& [trigger_name, trigger] : table.triggers) {
      if (mentions(trigger.when)) return true;
    }
  }
  for (const auto& [index_name, index] : catalog.indexes) {
    if (mentions(index.predicate)) return true;
    for (const model::IndexElement& element : index.keys) {
      if (mentions(element.expression)) return true;
    }
  }
  for (const auto& [view_name, view] : catalog.views) {
    if (mentions(view.query)) return true;
  }
  for (const auto& [domain_name, domain] : catalog.domains) {
    if (domain.default_expr && mentions(*domain.default_expr)) return true;
    for (const auto& [check_name, check] : domain.checks) {
      if (mentions(check.expression)) return true;
    }
  }
  for (const auto& [key, routine] : catalog.routines) {
    if (routine.language == "sql" && mentions(routine.body)) return true;
    for (const model::RoutineArg& arg : routine.args) {
      if (arg.default_expr && mentions(*arg.default_expr)) return true;
    }
  }
  return false;
}

bool Contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Whether `from` appears in `to` in the same order (values only added).
bool IsSubsequence(const std::vector<std::string>& from, const std::vector<std::string>& to) {
  size_t i = 0;
  for (const std::string& value : to) {
    if (i < from.size() && from[i] == value) ++i;
  }
  return i == from.size();
}

// ALTER TYPE … ADD VALUE for each label of `to` that `from` lacks, each placed next to a
// label that exists by the time it runs.
std::vector<PlannedStatement> AddEnumValues(const model::UserType& from, const model::UserType& to,
                                            const ObjectSqlContext& ctx) {
  std::vector<PlannedStatement> statements;
  std::string prefix = StrCat("ALTER TYPE ", QualifiedSql(to.name), " ADD VALUE ",
                              ctx.options.idempotent ? "IF NOT EXISTS " : "");
  auto add = [&](const std::string& value, std::string placement) {
    PlannedStatement statement = MakeStatement(
        Statement(StrCat(prefix, QuoteLiteral(value), placement)), {Hazard::kIrreversible});
    statement.transactional = !EnumValueUsed(ctx.target, value);
    if (!statement.transactional) {
      statement.why = StrCat("the new value ", QuoteLiteral(value),
                             " is used by this migration, which needs it committed first");
    }
    statements.push_back(std::move(statement));
  };
  const std::vector<std::string>& values = to.enum_values;
  size_t first_existing = values.size();
  for (size_t i = 0; i < values.size(); ++i) {
    if (Contains(from.enum_values, values[i])) {
      first_existing = i;
      break;
    }
  }
  if (first_existing == values.size()) {
    // No label survives (the type had none): build the list from its first label.
    for (size_t i = 0; i < values.size(); ++i) {
      add(values[i], i == 0 ? "" : StrCat(" AFTER ", QuoteLiteral(values[i - 1])));
    }
    return statements;
  }
  for (size_t i = first_existing; i-- > 0;) {
    add(values[i], StrCat(" BEFORE ", QuoteLiteral(values[i + 1])));
  }
  for (size_t i = first_existing + 1; i < values.size(); ++i) {
    if (!Contains(from.enum_values, values[i])) {
      add(values[i], StrCat(" AFTER ", QuoteLiteral(values[i - 1])));
    }
  }
  return statements;
}

// RENAME VALUE statements when `to` has the same number of labels and each label that
// differs in place is gone from `to` while its replacement is new: the label was renamed.
std::optional<std::vector<PlannedStatement>> RenameEnumValues(const model::UserType& from,
                                                              const model::UserType& to) {
  if (from.enum_values.size() != to.enum_values.size()) return std::nullopt;
  std::vector<PlannedStatement> statements;
  for (size_t i = 0; i < from.enum_values.size(); ++i) {
    const std::string& old_value = from.enum_values[i];
    const std::string& new_value = to.enum_values[i];
    if (old_value == new_value) continue;
    if (Contains(to.enum_values, old_value) || Contains(from.enum_values, new_value))
      return std::nullopt;
    statements.push_back(
        MakeStatement(Statement(StrCat("ALTER TYPE ", QualifiedSql(to.name), " RENAME VALUE ",
                                       QuoteLiteral(old_value), " TO ", QuoteLiteral(new_value)))));
  }
  return statements;
}

std::string AttributeTypeSql(const model::CompositeAttribute& attribute) {
  std::string sql = TypeSql(attribute.type);
  if (!attribute.collation.empty()) StrAppend(&sql, " COLLATE ", NameTextSql(attribute.collation));
  return sql;
}

// ALTER TYPE … DROP / ALTER / ADD ATTRIBUTE turning `from`'s attributes into `to`'s, or
// nullopt when the order of `to` cannot be reached (ADD ATTRIBUTE appends).
std::optional<std::vector<PlannedStatement>> CompositeChanges(const model::UserType& from,
                                                              const model::UserType& to) {
  std::vector<std::string> order;
  std::vector<PlannedStatement> statements;
  std::string prefix = StrCat("ALTER TYPE ", QualifiedSql(to.name), " ");
  auto find = [](const model::UserType& type,
                 const std::string& name) -> const model::CompositeAttribute* {
    for (const model::CompositeAttribute& attribute : type.attributes) {
      if (attribute.name == name) return &attribute;
    }
    return nullptr;
  };
  for (const model::CompositeAttribute& attribute : from.attributes) {
    const model::CompositeAttribute* wanted = find(to, attribute.name);
    if (wanted == nullptr) {
      statements.push_back(
          MakeStatement(Statement(StrCat(prefix, "DROP ATTRIBUTE ", QuoteIdent(attribute.name)))));
      continue;
    }
    order.push_back(attribute.name);
    if (!(*wanted == attribute)) {
      statements.push_back(
          MakeStatement(Statement(StrCat(prefix, "ALTER ATTRIBUTE ", QuoteIdent(attribute.name),
                                         " TYPE ", AttributeTypeSql(*wanted)))));
    }
  }
  for (const model::CompositeAttribute& attribute : to.attributes) {
    if (find(from, attribute.name) != nullptr) continue;
    order.push_back(attribute.name);
    statements.push_back(MakeStatement(Statement(StrCat(
        prefix, "ADD ATTRIBUTE ", QuoteIdent(attribute.name), " ", AttributeTypeSql(attribute)))));
  }
  std::vector<std::string> wanted_order;
  for (const model::CompositeAttribute& attribute : to.attributes)
    wanted_order.push_back(attribute.name);
  if (order != wanted_order) return std::nullopt;
  return statements;
}

}  // namespace

std::vector<PlannedStatement> CreateTypeStatements(const model::UserType& type,
                                                   const ObjectSqlContext& ctx) {
  std::string create = CreateTypeSql(type);
  if (ctx.options.idempotent) create = GuardedTypeCreateSql(type.name, create);
  std::vector<PlannedStatement> statements = {MakeStatement(create)};
  AppendStatements(&statements, CreatedSharedAttributes(TypeShared(type, type), type.name.schema,
                                                        type.comment, ctx));
  return statements;
}

std::vector<PlannedStatement> DropTypeStatements(const model::UserType& type,
                                                 const ObjectSqlContext& ctx) {
  std::string sql = DropTypeSql(type);
  if (ctx.options.idempotent) sql = InsertAfter(sql, "TYPE ", "IF EXISTS ");
  return {MakeStatement(sql, {Hazard::kIrreversible})};
}

AlterOutcome AlterTypeStatements(const diff::ObjectDrift& drift, const model::UserType& from,
                                 const model::UserType& to, const ObjectSqlContext& ctx) {
  AlterOutcome outcome;
  std::set<std::string> handled;
  if (from.kind != to.kind || to.kind == model::UserTypeKind::kRange) {
    bool definition = Changes(drift, "type_kind") || Changes(drift, "subtype") ||
                      Changes(drift, "subtype_opclass") || Changes(drift, "collation") ||
                      Changes(drift, "canonical") || Changes(drift, "subtype_diff") ||
                      Changes(drift, "multirange_name") || Changes(drift, "definition");
    if (definition) {
      outcome.recreate = true;
      return outcome;
    }
  }
  if (Changes(drift, "values")) {
    handled.insert("values");
    if (IsSubsequence(from.enum_values, to.enum_values)) {
      AppendStatements(&outcome.statements, AddEnumValues(from, to, ctx));
    } else if (auto renames = RenameEnumValues(from, to)) {
      AppendStatements(&outcome.statements, std::move(*renames));
    } else if (!TypeUsed(ctx.current, from.name)) {
      outcome.recreate = true;
      return outcome;
    } else {
      outcome.unsupported.push_back(
          StrCat(drift.id.ToString(),
                 ": values (labels removed or reordered; PostgreSQL cannot drop an enum label "
                 "and the type is in use)"));
    }
  }
  if (Changes(drift, "attributes")) {
    handled.insert("attributes");
    if (auto changes = CompositeChanges(from, to)) {
      AppendStatements(&outcome.statements, std::move(*changes));
    } else {
      outcome.recreate = !TypeUsed(ctx.current, from.name);
      if (outcome.recreate) return outcome;
      outcome.unsupported.push_back(
          StrCat(drift.id.ToString(),
                 ": attributes (order; ADD ATTRIBUTE appends and the type is in use)"));
    }
  }
  AlterSharedAttributes(drift, TypeShared(from, to), ctx, &outcome, &handled);
  ReportUnhandled(drift, handled, &outcome);
  return outcome;
}

}  // namespace pgdrift::planner::internal
