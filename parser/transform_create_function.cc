// CREATE [OR REPLACE] FUNCTION / PROCEDURE and ALTER FUNCTION / PROCEDURE / ROUTINE
// (CreateFunctionStmt, AlterFunctionStmt) → model::CreateRoutine and model::AlterRoutine.
//
// Everything is stored as pg_proc keeps it and introspection reads it back
// (functioncmds.c CreateFunction, interpret_function_parameter_list,
// compute_function_attributes, interpret_AS_clause): argument types in format_type's
// spelling (`%TYPE` resolved to the column's type), defaults canonicalized as pg_get_expr
// prints proargdefaults, the result as pg_get_function_result prints it, the body as
// prosrc holds it (the text between the dollar quotes, or the literal's value), SET
// clauses as proconfig holds them (`search_path=public, pg_temp`, `search_path=""`),
// procost 100 (1 for C and internal functions), prorows 1000 for set-returning
// functions. A BEGIN ATOMIC body leaves prosrc empty and is kept in prosqlbody, which
// pgdrift does not model: the body is stored empty and a warning says so. WINDOW and
// TRANSFORM are accepted with a warning.
#include <optional>
#include <string>
#include <vector>

#include "base/identifier.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/ddl_util.h"
#include "parser/internal/routine_signature.h"
#include "parser/node_util.h"
#include "parser/normalize.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

model::ArgMode ModeOf(PgQuery__FunctionParameterMode mode) {
  switch (mode) {
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT:
      return model::ArgMode::kOut;
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_INOUT:
      return model::ArgMode::kInOut;
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC:
      return model::ArgMode::kVariadic;
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE:
      return model::ArgMode::kTable;
    default:
      return model::ArgMode::kIn;
  }
}

bool IsOutputArg(model::ArgMode mode) {
  return mode == model::ArgMode::kOut || mode == model::ArgMode::kInOut ||
         mode == model::ArgMode::kTable;
}

// The parameters (interpret_function_parameter_list in functioncmds.c), with its checks.
absl::StatusOr<std::vector<model::RoutineArg>> Parameters(const PgQuery__CreateFunctionStmt& stmt,
                                                          const model::Catalog& catalog) {
  std::vector<model::RoutineArg> args;
  bool saw_default = false;
  bool saw_variadic = false;
  for (size_t i = 0; i < stmt.n_parameters; ++i) {
    const PgQuery__Node* node = stmt.parameters[i];
    if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) continue;
    const PgQuery__FunctionParameter& parameter = *node->function_parameter;
    if (parameter.arg_type == nullptr) return absl::InvalidArgumentError("argument type is missing");
    model::RoutineArg arg;
    arg.mode = ModeOf(parameter.mode);
    arg.name = parameter.name;
    PGDRIFT_ASSIGN_OR_RETURN(arg.type,
                             internal::ResolveRoutineType(*parameter.arg_type, catalog));
    if (!stmt.is_procedure && arg.mode == model::ArgMode::kOut) {
      // Nothing to check: OUT parameters of functions may come anywhere.
    } else if (model::IsInputArg(arg.mode) && saw_variadic) {
      return absl::InvalidArgumentError("VARIADIC parameter must be the last input parameter");
    }
    if (arg.mode == model::ArgMode::kVariadic) {
      saw_variadic = true;
      if (!arg.type.array && arg.type.ToString() != "\"any\"") {
        return absl::InvalidArgumentError("VARIADIC parameter must be an array");
      }
    }
    if (!arg.name.empty()) {
      for (const model::RoutineArg& earlier : args) {
        // An input and an output parameter may share a name only when one is IN and the
        // other OUT.
        bool in_out_pair = (earlier.mode == model::ArgMode::kIn && arg.mode == model::ArgMode::kOut) ||
                           (earlier.mode == model::ArgMode::kOut && arg.mode == model::ArgMode::kIn);
        if (earlier.name == arg.name && !in_out_pair) {
          return absl::InvalidArgumentError(
              StrCat("parameter name \"", arg.name, "\" used more than once"));
        }
      }
    }
    if (parameter.defexpr != nullptr) {
      if (!model::IsInputArg(arg.mode)) {
        return absl::InvalidArgumentError("only input parameters can have default values");
      }
      ExpressionContext context;
      context.catalog = &catalog;
      context.target_type = &arg.type;
      PGDRIFT_ASSIGN_OR_RETURN(std::string text, NormalizeExpression(*parameter.defexpr, context));
      arg.default_expr = std::move(text);
      saw_default = true;
    } else if (model::IsInputArg(arg.mode) && saw_default) {
      return absl::InvalidArgumentError(
          "input parameters after one with a default value must also have defaults");
    }
    args.push_back(std::move(arg));
  }
  return args;
}

// pg_get_function_result for a function: TABLE(…), SETOF type, the single output
// parameter's type, or record for several. Checks that an explicit RETURNS agrees with
// the OUT parameters (interpret_function_parameter_list).
absl::StatusOr<std::string> ResultOf(const PgQuery__CreateFunctionStmt& stmt,
                                     const std::vector<model::RoutineArg>& args,
                                     const model::Catalog& catalog, bool* returns_set) {
  *returns_set = false;
  std::vector<const model::RoutineArg*> outputs;
  bool table = false;
  for (const model::RoutineArg& arg : args) {
    if (IsOutputArg(arg.mode)) outputs.push_back(&arg);
    if (arg.mode == model::ArgMode::kTable) table = true;
  }
  if (table) {
    *returns_set = true;
    std::vector<std::string> columns;
    for (const model::RoutineArg* arg : outputs) {
      columns.push_back(StrCat(QuoteIdent(arg->name), " ", arg->type.ToString()));
    }
    return StrCat("TABLE(", StrJoin(columns, ", "), ")");
  }
  std::string implied;
  if (outputs.size() == 1) implied = outputs.front()->type.ToString();
  if (outputs.size() > 1) implied = "record";
  if (stmt.return_type == nullptr) {
    if (implied.empty()) return absl::InvalidArgumentError("function result type must be specified");
    return implied;
  }
  PGDRIFT_ASSIGN_OR_RETURN(model::TypeRef type,
                           internal::ResolveRoutineType(*stmt.return_type, catalog));
  std::string written = type.ToString();
  if (!implied.empty() && written != implied) {
    return absl::InvalidArgumentError(
        StrCat("function result type must be ", implied, " because of OUT parameters"));
  }
  *returns_set = stmt.return_type->setof;
  return stmt.return_type->setof ? StrCat("SETOF ", written) : written;
}

// Variables whose list values flatten_set_variable_args (guc.c) quotes with
// quote_identifier (GUC_LIST_QUOTE).
bool IsListQuoted(const std::string& name) {
  return name == "search_path" || name == "temp_tablespaces" ||
         name == "session_preload_libraries" || name == "shared_preload_libraries" ||
         name == "local_preload_libraries";
}

// The text proconfig stores for SET name = args (guc.c flatten_set_variable_args):
// values joined by ", "; for list variables each string quoted as quote_identifier would.
absl::StatusOr<std::string> ConfigValue(const PgQuery__VariableSetStmt& set) {
  std::vector<std::string> values;
  for (size_t i = 0; i < set.n_args; ++i) {
    const PgQuery__Node* node = set.args[i];
    std::optional<std::string> text = ConstantText(node);
    if (!text.has_value()) {
      return absl::UnimplementedError(StrCat("SET ", set.name, " with this value is not modelled"));
    }
    bool is_string = node->node_case == PG_QUERY__NODE__NODE_A_CONST &&
                     node->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
    if (IsListQuoted(set.name) && is_string) {
      // quote_identifier quotes "" and anything not a plain lower-case identifier.
      values.push_back(text->empty() ? "\"\"" : QuoteIdent(*text));
    } else {
      values.push_back(*text);
    }
  }
  return StrJoin(values, ", ");
}

// One SET / RESET clause of CREATE or ALTER FUNCTION: (name, value) or (name, nullopt)
// for RESET; RESET ALL sets `*reset_all`.
absl::StatusOr<std::pair<std::string, std::optional<std::string>>> ConfigItem(
    const PgQuery__Node* arg, bool* reset_all) {
  if (arg == nullptr || arg->node_case != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) {
    return absl::InvalidArgumentError("SET clause is missing its setting");
  }
  const PgQuery__VariableSetStmt& set = *arg->variable_set_stmt;
  switch (set.kind) {
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE: {
      PGDRIFT_ASSIGN_OR_RETURN(std::string value, ConfigValue(set));
      return std::make_pair(std::string(set.name), std::optional<std::string>(value));
    }
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
      return std::make_pair(std::string(set.name), std::optional<std::string>());
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL:
      *reset_all = true;
      return std::make_pair(std::string(), std::optional<std::string>());
    default:
      return absl::UnimplementedError(StrCat("SET ", set.name, " FROM CURRENT is not modelled"));
  }
}

// Puts (name, value) into `config` as ProcessGUCArray does: a later SET of the same
// variable replaces the earlier one in place; a RESET removes it.
void MergeConfig(std::vector<std::pair<std::string, std::string>>& config, const std::string& name,
                 const std::optional<std::string>& value) {
  for (auto it = config.begin(); it != config.end(); ++it) {
    if (it->first != name) continue;
    if (value.has_value()) {
      it->second = *value;
    } else {
      config.erase(it);
    }
    return;
  }
  if (value.has_value()) config.emplace_back(name, *value);
}

absl::StatusOr<model::Volatility> VolatilityOf(const std::string& text) {
  if (text == "immutable") return model::Volatility::kImmutable;
  if (text == "stable") return model::Volatility::kStable;
  if (text == "volatile") return model::Volatility::kVolatile;
  return absl::InvalidArgumentError(StrCat("invalid volatility \"", text, "\""));
}

absl::StatusOr<model::ParallelSafety> ParallelOf(const std::string& text) {
  if (text == "safe") return model::ParallelSafety::kSafe;
  if (text == "restricted") return model::ParallelSafety::kRestricted;
  if (text == "unsafe") return model::ParallelSafety::kUnsafe;
  return absl::InvalidArgumentError(
      "parameter \"parallel\" must be SAFE, RESTRICTED, or UNSAFE");
}

bool BooleanOf(const PgQuery__Node* arg) {
  if (arg == nullptr) return true;
  if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return arg->boolean->boolval;
  if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival != 0;
  return true;
}

absl::StatusOr<double> NumberOf(const DefElemValue& option) {
  try {
    return std::stod(option.value);
  } catch (...) {
    return absl::InvalidArgumentError(StrCat(option.name, " requires a numeric value"));
  }
}

// The attributes CREATE and ALTER share (compute_function_attributes,
// AlterFunction in functioncmds.c).
struct Attributes {
  std::optional<model::Volatility> volatility;
  std::optional<bool> strict;
  std::optional<bool> security_definer;
  std::optional<bool> leakproof;
  std::optional<model::ParallelSafety> parallel;
  std::optional<double> cost;
  std::optional<double> rows;
  std::vector<std::pair<std::string, std::optional<std::string>>> config;
  bool reset_all = false;
  std::optional<model::QualifiedName> support;
  // CREATE only.
  std::vector<std::string> as;
  std::optional<std::string> language;
  bool window = false;
  bool transform = false;
};

absl::StatusOr<Attributes> ReadAttributes(PgQuery__Node* const* nodes, size_t count) {
  Attributes attributes;
  std::vector<std::string> seen;
  for (const DefElemValue& option : DefElems(nodes, count)) {
    if (option.name != "set") PGDRIFT_RETURN_IF_ERROR(internal::CheckNotRepeated(option.name, &seen));
    if (option.name == "as") {
      if (option.arg != nullptr && option.arg->node_case == PG_QUERY__NODE__NODE_LIST) {
        attributes.as = StringList(option.arg->list->items, option.arg->list->n_items);
      } else {
        attributes.as = {option.value};
      }
    } else if (option.name == "language") {
      attributes.language = option.value;
    } else if (option.name == "volatility") {
      PGDRIFT_ASSIGN_OR_RETURN(attributes.volatility, VolatilityOf(option.value));
    } else if (option.name == "strict") {
      attributes.strict = BooleanOf(option.arg);
    } else if (option.name == "security") {
      attributes.security_definer = BooleanOf(option.arg);
    } else if (option.name == "leakproof") {
      attributes.leakproof = BooleanOf(option.arg);
    } else if (option.name == "parallel") {
      PGDRIFT_ASSIGN_OR_RETURN(attributes.parallel, ParallelOf(option.value));
    } else if (option.name == "cost") {
      PGDRIFT_ASSIGN_OR_RETURN(double cost, NumberOf(option));
      if (cost <= 0) return absl::InvalidArgumentError("COST must be positive");
      attributes.cost = cost;
    } else if (option.name == "rows") {
      PGDRIFT_ASSIGN_OR_RETURN(double rows, NumberOf(option));
      if (rows <= 0) return absl::InvalidArgumentError("ROWS must be positive");
      attributes.rows = rows;
    } else if (option.name == "set") {
      PGDRIFT_ASSIGN_OR_RETURN(auto item, ConfigItem(option.arg, &attributes.reset_all));
      if (!item.first.empty()) attributes.config.push_back(std::move(item));
    } else if (option.name == "support") {
      if (option.arg != nullptr && option.arg->node_case == PG_QUERY__NODE__NODE_LIST) {
        attributes.support = QualifiedNameOf(option.arg->list);
      } else {
        attributes.support = model::QualifiedName{"", option.value};
      }
    } else if (option.name == "window") {
      attributes.window = BooleanOf(option.arg);
    } else if (option.name == "transform") {
      attributes.transform = true;
    } else {
      return absl::UnimplementedError(StrCat("function option ", option.name, " is not modelled"));
    }
  }
  return attributes;
}

}  // namespace

absl::Status TransformCreateFunctionStmt(const PgQuery__CreateFunctionStmt& stmt,
                                         TransformContext& ctx) {
  model::CreateRoutine create;
  create.or_replace = stmt.replace;
  model::Routine& routine = create.routine;
  routine.name = QualifiedNameOf(stmt.funcname, stmt.n_funcname);
  routine.procedure = stmt.is_procedure;
  const std::string_view what = stmt.is_procedure ? "procedure" : "function";
  PGDRIFT_ASSIGN_OR_RETURN(routine.args, Parameters(stmt, ctx.catalog()));
  PGDRIFT_ASSIGN_OR_RETURN(Attributes attributes, ReadAttributes(stmt.options, stmt.n_options));

  bool returns_set = false;
  if (!stmt.is_procedure) {
    PGDRIFT_ASSIGN_OR_RETURN(routine.result,
                             ResultOf(stmt, routine.args, ctx.catalog(), &returns_set));
  }
  if (stmt.is_procedure &&
      (attributes.volatility || attributes.strict || attributes.leakproof ||
       attributes.parallel || attributes.cost || attributes.rows || attributes.support ||
       attributes.window)) {
    return ctx.Invalid("invalid attribute in procedure definition");
  }
  if (attributes.language.has_value()) {
    routine.language = *attributes.language;
  } else if (stmt.sql_body != nullptr) {
    routine.language = "sql";
  } else {
    return ctx.Invalid("no language specified");
  }

  // interpret_AS_clause: C functions take "obj_file", "link_symbol"; a single string is
  // the object file and the link symbol is the function's name. Internal functions
  // without AS use their own name.
  if (stmt.sql_body != nullptr) {
    if (!attributes.as.empty()) return ctx.Invalid("duplicate function body specified");
    if (routine.language != "sql") {
      return ctx.Invalid("inline SQL function body only valid for language SQL");
    }
    ctx.Warn(StrCat("the BEGIN ATOMIC body of ", what, " ", routine.name.ToString(),
                    " is not modelled (its body is stored empty and not compared)"));
  } else if (routine.language == "c") {
    if (attributes.as.empty()) return ctx.Invalid("no function body specified");
    routine.probin = attributes.as[0];
    routine.body = attributes.as.size() > 1 && attributes.as[1] != "-" ? attributes.as[1]
                                                                      : routine.name.name;
  } else {
    if (attributes.as.empty()) {
      if (routine.language != "internal") return ctx.Invalid("no function body specified");
      routine.body = routine.name.name;
    } else {
      if (attributes.as.size() > 1) {
        return ctx.Invalid(
            StrCat("only one AS item needed for language \"", routine.language, "\""));
      }
      routine.body = attributes.as[0];
    }
  }

  if (attributes.volatility) routine.volatility = *attributes.volatility;
  if (attributes.strict) routine.strict = *attributes.strict;
  if (attributes.security_definer) routine.security_definer = *attributes.security_definer;
  if (attributes.leakproof) routine.leakproof = *attributes.leakproof;
  if (attributes.parallel) routine.parallel = *attributes.parallel;
  routine.cost = attributes.cost.value_or(
      routine.language == "c" || routine.language == "internal" ? 1 : 100);
  if (attributes.rows.has_value() && !returns_set) {
    return ctx.Invalid("ROWS is not applicable when function does not return a set");
  }
  routine.rows = attributes.rows.value_or(returns_set ? 1000 : 0);
  for (const auto& [name, value] : attributes.config) MergeConfig(routine.config, name, value);
  routine.support = attributes.support;
  if (attributes.window) {
    ctx.Warn(StrCat("WINDOW of function ", routine.name.ToString(), " is not modelled"));
  }
  if (attributes.transform) {
    ctx.Warn(StrCat("TRANSFORM FOR TYPE of ", what, " ", routine.name.ToString(),
                    " is not modelled"));
  }
  ctx.Emit(std::move(create));
  return absl::OkStatus();
}

absl::Status TransformAlterFunctionStmt(const PgQuery__AlterFunctionStmt& stmt,
                                        TransformContext& ctx) {
  if (stmt.func == nullptr) return ctx.Invalid("function name is missing");
  model::AlterRoutine alter;
  alter.kind = stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ? model::ObjectKind::kProcedure
                                                                       : model::ObjectKind::kFunction;
  PGDRIFT_ASSIGN_OR_RETURN(alter.routine, internal::RoutineSignatureOf(*stmt.func, ctx.catalog()));
  PGDRIFT_ASSIGN_OR_RETURN(Attributes attributes, ReadAttributes(stmt.actions, stmt.n_actions));
  alter.volatility = attributes.volatility;
  alter.strict = attributes.strict;
  alter.security_definer = attributes.security_definer;
  alter.leakproof = attributes.leakproof;
  alter.parallel = attributes.parallel;
  alter.cost = attributes.cost;
  alter.rows = attributes.rows;
  alter.config = attributes.config;
  alter.reset_all = attributes.reset_all;
  if (attributes.support.has_value()) {
    return ctx.NotModelled("ALTER FUNCTION … SUPPORT");
  }
  ctx.Emit(std::move(alter));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
