#include "planner/routine_ddl.h"

#include <sstream>
#include <vector>

#include "base/identifier.h"
#include "base/strings.h"
#include "planner/ddl_printer.h"

namespace pgdrift::planner {
namespace {

std::string_view KindSql(const model::Routine& routine) {
  return routine.procedure ? "PROCEDURE" : "FUNCTION";
}

// An argument as pg_get_function_arguments prints it: [mode ][name ]type[ DEFAULT expr].
std::string ArgumentSql(const model::Routine& routine, const model::RoutineArg& arg) {
  std::string text;
  switch (arg.mode) {
    case model::ArgMode::kIn:
      if (routine.procedure) text = "IN ";
      break;
    case model::ArgMode::kOut:
      text = "OUT ";
      break;
    case model::ArgMode::kInOut:
      text = "INOUT ";
      break;
    case model::ArgMode::kVariadic:
      text = "VARIADIC ";
      break;
    case model::ArgMode::kTable:
      break;
  }
  if (!arg.name.empty()) StrAppend(&text, QuoteIdent(arg.name), " ");
  StrAppend(&text, TypeSql(arg.type));
  if (arg.default_expr.has_value()) StrAppend(&text, " DEFAULT ", *arg.default_expr);
  return text;
}

// procost / prorows as %g prints them.
std::string NumberSql(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// The values of a SET clause as pg_get_functiondef prints them: a list variable's items
// (quote_identifier'd in proconfig) each as a literal, other values as one literal.
std::string ConfigValueSql(const std::string& name, const std::string& value) {
  if (name != "search_path" && name != "temp_tablespaces" && !name.ends_with("preload_libraries")) {
    return QuoteLiteral(value);
  }
  std::vector<std::string> items(1);
  bool quoted = false;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '"') {
      if (quoted && i + 1 < value.size() && value[i + 1] == '"') {
        items.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == ',' && !quoted) {
      items.emplace_back();
    } else if (c == ' ' && !quoted) {
      continue;
    } else {
      items.back() += c;
    }
  }
  std::vector<std::string> literals;
  for (const std::string& item : items) literals.push_back(QuoteLiteral(item));
  return StrJoin(literals, ", ");
}

// A dollar-quote tag that does not occur in `body`: $function$ (or $procedure$), else
// with a numeric suffix.
std::string DollarTag(const model::Routine& routine) {
  std::string base = routine.procedure ? "procedure" : "function";
  std::string tag = StrCat("$", base, "$");
  for (int i = 1; routine.body.find(tag) != std::string::npos; ++i) {
    tag = StrCat("$", base, "_", i, "$");
  }
  return tag;
}

}  // namespace

std::string RoutineSignatureSql(const model::Routine& routine) {
  return StrCat(QualifiedSql(routine.name), "(", routine.IdentityArgs(), ")");
}

std::string CreateRoutineSql(const model::Routine& routine) {
  std::vector<std::string> args;
  for (const model::RoutineArg& arg : routine.args) {
    if (arg.mode != model::ArgMode::kTable) args.push_back(ArgumentSql(routine, arg));
  }
  std::string sql = StrCat("CREATE OR REPLACE ", KindSql(routine), " ", QualifiedSql(routine.name),
                           "(", StrJoin(args, ", "), ")\n");
  if (!routine.procedure) StrAppend(&sql, " RETURNS ", routine.result, "\n");
  StrAppend(&sql, " LANGUAGE ", QuoteIdent(routine.language), "\n");
  std::string flags;
  if (routine.volatility == model::Volatility::kImmutable) flags += " IMMUTABLE";
  if (routine.volatility == model::Volatility::kStable) flags += " STABLE";
  if (routine.strict) flags += " STRICT";
  if (routine.security_definer) flags += " SECURITY DEFINER";
  if (routine.leakproof) flags += " LEAKPROOF";
  if (routine.parallel == model::ParallelSafety::kSafe) flags += " PARALLEL SAFE";
  if (routine.parallel == model::ParallelSafety::kRestricted) flags += " PARALLEL RESTRICTED";
  const double default_cost =
      routine.language == "c" || routine.language == "internal" ? 1 : 100;
  if (routine.cost != default_cost) StrAppend(&flags, " COST ", NumberSql(routine.cost));
  const bool returns_set =
      routine.result.starts_with("SETOF ") || routine.result.starts_with("TABLE(");
  if (returns_set && routine.rows != 1000) StrAppend(&flags, " ROWS ", NumberSql(routine.rows));
  if (routine.support) StrAppend(&flags, " SUPPORT ", QualifiedSql(*routine.support));
  if (!flags.empty()) StrAppend(&sql, flags, "\n");
  for (const auto& [name, value] : routine.config) {
    StrAppend(&sql, " SET ", name, " TO ", ConfigValueSql(name, value), "\n");
  }
  if (routine.language == "c") {
    StrAppend(&sql, "AS ", QuoteLiteral(routine.probin), ", ", QuoteLiteral(routine.body), ";");
  } else {
    std::string tag = DollarTag(routine);
    StrAppend(&sql, "AS ", tag, routine.body, tag, ";");
  }
  return sql;
}

std::string RoutineOwnerSql(const model::Routine& routine) {
  return OwnerSql(KindSql(routine), RoutineSignatureSql(routine), routine.owner);
}

std::string RoutineCommentSql(const model::Routine& routine) {
  return CommentSql(StrCat(KindSql(routine), " ", RoutineSignatureSql(routine)), routine.comment);
}

std::string DropRoutineSql(const model::Routine& routine) {
  return Statement(StrCat("DROP ", KindSql(routine), " ", RoutineSignatureSql(routine)));
}

}  // namespace pgdrift::planner
