// CREATE POLICY and ALTER POLICY (CreatePolicyStmt, AlterPolicyStmt) →
// model::CreatePolicy / model::AlterPolicy.
//
// What the statement alone decides is checked here, in the order CreatePolicy
// (commands/policy.c) checks it: the command's clauses, then the role list (PUBLIC
// together with other roles keeps PUBLIC alone, with PostgreSQL's warning). Roles, the
// table and the policy name are checked against the catalog when the mutation is
// applied. USING and WITH CHECK are canonicalized in the table's context, and the
// relations and routines they read become Policy::depends_on (recordDependencyOnExpr).
#include <algorithm>
#include <set>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/ddl_util.h"
#include "parser/internal/proto_tree.h"
#include "parser/node_util.h"
#include "parser/normalize.h"
#include "parser/parse_tree.h"
#include "parser/table_elements.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

// pg_policy.polcmd as Policy::command spells it, from CreatePolicyStmt.cmd_name
// (parse_policy_command in policy.c).
std::optional<std::string> PolicyCommand(const char* cmd_name) {
  std::string command = cmd_name == nullptr ? "" : AsciiLower(cmd_name);
  if (command.empty() || command == "all") return "ALL";
  if (command == "select" || command == "insert" || command == "update" || command == "delete") {
    std::string upper = command;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return upper;
  }
  return std::nullopt;
}

// The TO list as pg_policies.roles prints it: role names sorted without duplicates,
// CURRENT_USER / SESSION_USER resolved, "public" alone when PUBLIC is named
// (policy_role_list_to_array in policy.c ignores the other roles, with a warning).
absl::StatusOr<std::vector<std::string>> PolicyRoles(PgQuery__Node* const* nodes, size_t count,
                                                     TransformContext& ctx) {
  std::set<std::string> roles;
  bool has_public = false;
  for (size_t i = 0; i < count; ++i) {
    const PgQuery__Node* node = nodes[i];
    if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC) continue;
    const PgQuery__RoleSpec* role_spec = node->role_spec;
    if (role_spec->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC) {
      has_public = true;
      continue;
    }
    absl::StatusOr<std::string> role = internal::RoleName(role_spec, ctx.catalog());
    if (!role.ok()) return AtStatement(role.status(), ctx);
    roles.insert(*role);
  }
  if (has_public) {
    if (count > 1) {
      ctx.Warn(
          "ignoring specified roles other than PUBLIC\nHINT:  All roles are members of the "
          "PUBLIC role.");
    }
    return std::vector<std::string>{"public"};
  }
  if (roles.empty()) return std::vector<std::string>{"public"};
  return std::vector<std::string>(roles.begin(), roles.end());
}

// The routine a function call names, resolved through the catalog: the routines of that
// name (schema through search_path) taking `arg_count` input arguments, else the only
// routine of that name. Built-in functions are not in the catalog and give nothing.
std::optional<model::ObjectId> RoutineCalled(const model::QualifiedName& written, size_t arg_count,
                                             const model::Catalog& catalog) {
  auto named = [&catalog](const model::QualifiedName& name) {
    auto it = catalog.routines.lower_bound(model::RoutineKey{name, ""});
    return it != catalog.routines.end() && it->first.name == name;
  };
  std::optional<model::QualifiedName> name =
      written.schema == "pg_catalog" ? std::nullopt : catalog.SearchPath(written, named);
  if (!name.has_value()) return std::nullopt;
  const model::Routine* only = nullptr;
  int candidates = 0;
  for (auto it = catalog.routines.lower_bound(model::RoutineKey{*name, ""});
       it != catalog.routines.end() && it->first.name == *name; ++it) {
    ++candidates;
    only = &it->second;
    size_t inputs = 0;
    for (const model::RoutineArg& arg : it->second.args) {
      if (arg.mode != model::ArgMode::kOut && arg.mode != model::ArgMode::kTable) ++inputs;
    }
    if (inputs == arg_count) {
      return model::ObjectId{it->second.procedure ? model::ObjectKind::kProcedure
                                                  : model::ObjectKind::kFunction,
                             name->schema, name->name, "", it->first.args};
    }
  }
  if (candidates != 1) return std::nullopt;
  return model::ObjectId{only->procedure ? model::ObjectKind::kProcedure
                                         : model::ObjectKind::kFunction,
                         name->schema, name->name, "", only->key().args};
}

// The relation a RangeVar of a sub-query names (tables and views), or nothing for a
// name the catalog does not hold (a CTE, a system catalog).
std::optional<model::ObjectId> RelationRead(const PgQuery__RangeVar& range_var,
                                            const model::Catalog& catalog) {
  model::QualifiedName written = RangeVarName(&range_var);
  std::optional<model::QualifiedName> table = catalog.SearchPath(
      written, [&catalog](const model::QualifiedName& n) {
        return catalog.tables.contains(n) || catalog.views.contains(n);
      });
  if (!table.has_value()) return std::nullopt;
  if (catalog.tables.contains(*table)) return model::ObjectId::Of(model::ObjectKind::kTable, *table);
  const model::View& view = catalog.views.at(*table);
  return model::ObjectId::Of(view.materialized ? model::ObjectKind::kMaterializedView
                                               : model::ObjectKind::kView,
                             *table);
}

// Adds to `depends_on` the relations and routines `expr` reads.
void CollectDependencies(const PgQuery__Node* expr, const model::QualifiedName& own_table,
                         const model::Catalog& catalog, std::vector<model::ObjectId>& depends_on) {
  if (expr == nullptr) return;
  auto add = [&depends_on](const model::ObjectId& id) {
    if (std::find(depends_on.begin(), depends_on.end(), id) == depends_on.end()) {
      depends_on.push_back(id);
    }
  };
  auto visit = [&](const PgQuery__Node* node) {
    if (node->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      std::optional<model::ObjectId> relation = RelationRead(*node->range_var, catalog);
      if (relation.has_value() &&
          !(relation->kind == model::ObjectKind::kTable && relation->qualified() == own_table)) {
        add(*relation);
      }
    } else if (node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
      const PgQuery__FuncCall& call = *node->func_call;
      std::optional<model::ObjectId> routine = RoutineCalled(
          QualifiedNameOf(call.funcname, call.n_funcname), call.n_args, catalog);
      if (routine.has_value()) add(*routine);
    }
  };
  internal::VisitNodes(&expr->base, visit);
}

// The same for an expression stored as canonical text (the clause ALTER POLICY leaves).
void CollectDependencies(const std::string& text, const model::QualifiedName& own_table,
                         const model::Catalog& catalog, std::vector<model::ObjectId>& depends_on) {
  if (text.empty()) return;
  SyntaxError error;
  std::unique_ptr<ParseTree> tree = ParseTree::Parse(StrCat("SELECT ", text), &error);
  if (tree == nullptr || tree->result().n_stmts != 1) return;
  CollectDependencies(tree->result().stmts[0]->stmt, own_table, catalog, depends_on);
}

// The canonical text of a USING / WITH CHECK expression on `table`.
absl::StatusOr<std::string> PolicyExpression(const PgQuery__Node& expr,
                                             const model::QualifiedName& table,
                                             TransformContext& ctx) {
  ExpressionContext context;
  context.catalog = &ctx.catalog();
  context.table = table;
  absl::StatusOr<std::string> text = NormalizeExpression(expr, context);
  if (!text.ok()) return AtStatement(text.status(), ctx);
  return text;
}

// The table a policy statement names, resolved when the catalog knows it.
model::QualifiedName PolicyTable(const PgQuery__RangeVar* range_var, const model::Catalog& catalog) {
  model::QualifiedName written = RangeVarName(range_var);
  std::optional<model::QualifiedName> resolved = catalog.ResolveRelation(written);
  return resolved.has_value() ? *resolved : written;
}

std::vector<model::ObjectId> SortedDependencies(std::vector<model::ObjectId> depends_on) {
  std::sort(depends_on.begin(), depends_on.end());
  return depends_on;
}

}  // namespace

absl::Status TransformCreatePolicyStmt(const PgQuery__CreatePolicyStmt& stmt, TransformContext& ctx) {
  if (stmt.table == nullptr) return ctx.Invalid("CREATE POLICY without a table");
  std::optional<std::string> command = PolicyCommand(stmt.cmd_name);
  if (!command.has_value()) {
    return ctx.Invalid(StrCat("unrecognized policy command \"", stmt.cmd_name, "\""));
  }
  // CreatePolicy (policy.c) checks the clauses against the command first.
  if ((*command == "SELECT" || *command == "DELETE") && stmt.with_check != nullptr) {
    return ctx.Invalid("WITH CHECK cannot be applied to SELECT or DELETE");
  }
  if (*command == "INSERT" && stmt.qual != nullptr) {
    return ctx.Invalid("only WITH CHECK expression allowed for INSERT");
  }
  model::CreatePolicy m;
  m.table = RangeVarName(stmt.table);
  model::Policy& policy = m.policy;
  policy.name = stmt.policy_name != nullptr ? stmt.policy_name : "";
  policy.permissive = stmt.permissive;
  policy.command = *command;
  PGDRIFT_ASSIGN_OR_RETURN(policy.roles, PolicyRoles(stmt.roles, stmt.n_roles, ctx));
  const model::QualifiedName table = PolicyTable(stmt.table, ctx.catalog());
  if (stmt.qual != nullptr) {
    PGDRIFT_ASSIGN_OR_RETURN(policy.using_expr, PolicyExpression(*stmt.qual, table, ctx));
  }
  if (stmt.with_check != nullptr) {
    PGDRIFT_ASSIGN_OR_RETURN(policy.check_expr, PolicyExpression(*stmt.with_check, table, ctx));
  }
  CollectDependencies(stmt.qual, table, ctx.catalog(), policy.depends_on);
  CollectDependencies(stmt.with_check, table, ctx.catalog(), policy.depends_on);
  policy.depends_on = SortedDependencies(std::move(policy.depends_on));
  ctx.Emit(std::move(m));
  return absl::OkStatus();
}

absl::Status TransformAlterPolicyStmt(const PgQuery__AlterPolicyStmt& stmt, TransformContext& ctx) {
  if (stmt.table == nullptr) return ctx.Invalid("ALTER POLICY without a table");
  model::AlterPolicy m;
  m.table = RangeVarName(stmt.table);
  m.name = stmt.policy_name != nullptr ? stmt.policy_name : "";
  if (stmt.n_roles > 0) {
    PGDRIFT_ASSIGN_OR_RETURN(m.roles, PolicyRoles(stmt.roles, stmt.n_roles, ctx));
  }
  const model::QualifiedName table = PolicyTable(stmt.table, ctx.catalog());
  if (stmt.qual != nullptr) {
    PGDRIFT_ASSIGN_OR_RETURN(m.using_expr, PolicyExpression(*stmt.qual, table, ctx));
  }
  if (stmt.with_check != nullptr) {
    PGDRIFT_ASSIGN_OR_RETURN(m.check_expr, PolicyExpression(*stmt.with_check, table, ctx));
  }
  if (stmt.qual != nullptr || stmt.with_check != nullptr) {
    // AlterPolicy (policy.c) records the dependencies of both expressions anew, the
    // unchanged one's from its stored form.
    std::vector<model::ObjectId> depends_on;
    CollectDependencies(stmt.qual, table, ctx.catalog(), depends_on);
    CollectDependencies(stmt.with_check, table, ctx.catalog(), depends_on);
    const model::Table* existing_table = ctx.catalog().FindTable(table);
    if (existing_table != nullptr) {
      auto existing = existing_table->policies.find(m.name);
      if (existing != existing_table->policies.end()) {
        if (stmt.qual == nullptr) {
          CollectDependencies(existing->second.using_expr, table, ctx.catalog(), depends_on);
        }
        if (stmt.with_check == nullptr) {
          CollectDependencies(existing->second.check_expr, table, ctx.catalog(), depends_on);
        }
      }
    }
    m.depends_on = SortedDependencies(std::move(depends_on));
  }
  ctx.Emit(std::move(m));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
